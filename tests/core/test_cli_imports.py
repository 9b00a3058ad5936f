"""Which modules the ``oogo`` command loads (issue 18): a fast CLI is a matter of not importing.

Timing is too noisy to assert on a shared machine, so these tests pin the cause instead: ``oogo
--help`` loads no assistant code and no rich help renderer; a figure question loads no embedding
model, vector store, web framework, pandas or scikit-learn; a knowledge question loads no web
framework. Each command runs in a fresh interpreter (a subprocess), exactly as a user starts it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# runs the real CLI entry point, then writes the names in sys.modules to the file in argv[1]
PROBE = """
import json, sys
out = sys.argv[1]
sys.argv = ["oogo", *sys.argv[2:]]
from bot.cli.main import run
try:
    run()
except SystemExit:
    pass
with open(out, "w") as handle:
    json.dump(sorted(sys.modules), handle)
"""

HEAVY = ("torch", "sentence_transformers", "transformers", "chromadb", "langchain",
         "langchain_core", "fastapi", "starlette", "uvicorn", "pandas", "matplotlib", "scipy",
         "sklearn")


def _loaded(tmp_path: Path, *args: str) -> set[str]:
    out = tmp_path / "modules.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OOGO_DATA_DIR": str(tmp_path / "var"),
           "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-c", PROBE, str(out), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return set(json.loads(out.read_text()))


def _top_level(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_help_loads_no_assistant_and_no_rich_help(tmp_path: Path) -> None:
    modules = _loaded(tmp_path, "--help")
    assert "bot.cli.main" in modules  # the probe really ran the CLI
    assert not {m for m in modules if m.startswith(("bot.core", "bot.services", "bot.settings"))}
    assert "typer.rich_utils" not in modules
    assert not _top_level(modules) & {*HEAVY, "numpy", "pydantic", "rich", "indicators",
                                      "knowledge"}


def test_figure_question_loads_no_heavy_library(tmp_path: Path) -> None:
    modules = _loaded(tmp_path, "ask", "Hoe hoog is de NEET in Zwolle?")
    assert "indicators.engine" in modules  # the figure was really looked up
    assert "bot.core.understanding.intent_model" in modules  # and the question classified
    # not even numpy (the intent model runs without it) nor pydantic (the settings are a
    # dataclass, and typer is held below 0.29, which builds pydantic adapters per option)
    assert not _top_level(modules) & {*HEAVY, "numpy", "pydantic", "pydantic_settings"}
    # light text helpers (knowledge.textproc, .glossary) may serve the understanding stage
    assert not modules & {"knowledge.service", "knowledge.embeddings", "knowledge.vectorstore",
                          "knowledge.retrieval", "knowledge.rerank", "knowledge.ingest"}


def test_knowledge_question_loads_no_web_framework(tmp_path: Path) -> None:
    modules = _loaded(tmp_path, "ask", "Wie zit er aan tafel bij het OOGO?")
    assert "knowledge.service" in modules
    assert not _top_level(modules) & {"fastapi", "starlette", "uvicorn", "telegram", "pandas",
                                      "matplotlib"}
