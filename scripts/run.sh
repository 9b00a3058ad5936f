#!/usr/bin/env bash
# Install what the service needs (in the project's .venv) and start the web chat on the embedded
# defaults (SQLite and Chroma in ./var, the offline embedding model, no LLM): http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system.sh run
source scripts/venv.sh
"$PY" -m pip install --quiet --disable-pip-version-check -e .
# what a start would otherwise compute, once (bot/install.py): the vectors of the shipped
# documents and the prepared offline model, the parsed indicator table, the empty database; a
# fresh data dir then loads them (an install from before one of them is completed too)
{ ls knowledge/vectors/oogo-*.npz && ls knowledge/vectors/use-table.npy \
    && ls indicators/data/table.marshal && ls bot/storage/empty-*.sqlite3; } >/dev/null 2>&1 \
    || "$PY" -m bot.install
exec oogo serve "$@"
