#!/usr/bin/env bash
# Install everything the test suite needs (Debian packages, the project with its test extras, in
# the project's .venv) and run the whole suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system.sh test
source scripts/venv.sh
"$PY" -m pip install --quiet --disable-pip-version-check -e ".[test]"
npm ci --prefix tests/channels --no-audit --no-fund --silent  # axe-core for the browser tests
"$PY" -m ruff check .
"$PY" -m mypy  # config and scope in pyproject.toml
bash scripts/audit.sh
"$PY" -m pytest "$@"
