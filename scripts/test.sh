#!/usr/bin/env bash
# Install everything the test suite needs (Debian packages, the project with its test extras)
# and run the whole suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system.sh test
python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"
python3 -m ruff check .
bash scripts/audit.sh
python3 -m pytest "$@"
