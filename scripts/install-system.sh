#!/usr/bin/env bash
# Install the Debian packages the project uses outside Python, only those that are missing:
#   chromium and npm (browser tests), postgresql (throwaway server in the tests), pango (PDF reports).
# Usage: scripts/install-system.sh [run|test]   ("run" skips chromium and postgresql)
set -euo pipefail
mode="${1:-test}"
need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; do
  have_pkg "$pkg" || need+=("$pkg")
done
if [ "$mode" = "test" ]; then
  for pkg in chromium postgresql; do
    have_pkg "$pkg" || need+=("$pkg")
  done
  command -v npm >/dev/null 2>&1 || need+=(npm)  # axe-core for the browser tests
fi
if [ "${#need[@]}" -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Let op: installeer zelf deze systeempakketten: ${need[*]}" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Systeempakketten installeren: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
