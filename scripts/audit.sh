#!/usr/bin/env bash
# Dependency audit: look up every installed Python package in a vulnerability database with
# pip-audit (OSV by default, or OOGO_AUDIT_SERVICE=pypi). A known vulnerability fails the run.
# When the database cannot be reached (an offline build machine), say so clearly and exit 0:
# a CI without internet must not fail on the audit, but it must never pretend it audited.
set -uo pipefail
cd "$(dirname "$0")/.."
service="${OOGO_AUDIT_SERVICE:-osv}"
case "$service" in
  osv) host="api.osv.dev" ;;
  pypi) host="pypi.org" ;;
  *) echo "Onbekende auditdienst '$service' (kies osv of pypi)." >&2; exit 2 ;;
esac

if ! python3 -m pip_audit --version >/dev/null 2>&1; then
  echo "pip-audit ontbreekt: installeer het met 'pip install pip-audit' (zit in de test-extra)." >&2
  exit 2
fi

reachable() {
  python3 - "$1" <<'PY'
import socket, sys
try:
    socket.create_connection((sys.argv[1], 443), timeout=5).close()
except OSError:
    sys.exit(1)
PY
}

if ! reachable "$host"; then
  echo "LET OP: afhankelijkheden NIET gecontroleerd: de kwetsbaarhedendatabase ($host) is" \
       "vanaf deze machine niet bereikbaar. Draai scripts/audit.sh op een machine met internet."
  exit 0
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
python3 -m pip_audit --vulnerability-service "$service" --progress-spinner off \
  --skip-editable "$@" 2>"$log"
status=$?
if [ "$status" -ne 0 ] && grep -qE "ConnectionError|NameResolution|Max retries|timed out" "$log"; then
  echo "LET OP: afhankelijkheden NIET gecontroleerd: de verbinding met $host viel weg" \
       "tijdens de controle. Probeer het later opnieuw."
  exit 0
fi
cat "$log" >&2
if [ "$status" -ne 0 ]; then
  echo "De audit vond bekende kwetsbaarheden (zie hierboven) of kon niet draaien." >&2
fi
exit "$status"
