#!/usr/bin/env bash
# Create (once) and reuse the project's own virtual environment in .venv, so the project never
# installs into the system Python and never conflicts with other software on the machine.
# Sourced by run.sh and test.sh; afterwards "$PY" is the project's Python.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${OOGO_VENV:-$root/.venv}"
if [ ! -x "$venv/bin/python" ]; then
  echo "Virtuele omgeving aanmaken in $venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
fi
PY="$venv/bin/python"
export PATH="$venv/bin:$PATH"
