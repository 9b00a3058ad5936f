#!/usr/bin/env bash
# Install what the service needs and start it on the embedded defaults
# (SQLite and Chroma in ./var, the offline embedding model, no LLM).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system.sh run
python3 -m pip install --quiet --disable-pip-version-check -e .
oogo --help
oogo indicator show neet Zwolle --compare land
