#!/usr/bin/env bash
# Install what the service needs (in the project's .venv) and start the web chat on the embedded
# defaults (SQLite and Chroma in ./var, the offline embedding model, no LLM): http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system.sh run
source scripts/venv.sh
"$PY" -m pip install --quiet --disable-pip-version-check -e .
# the vectors of the shipped documents and the prepared offline model, once: a fresh data dir then
# loads them instead of embedding (a seed from before the prepared model is completed too)
{ ls knowledge/vectors/oogo-*.npz && ls knowledge/vectors/use-table.npy; } >/dev/null 2>&1 \
    || "$PY" -m knowledge.seed
exec oogo serve "$@"
