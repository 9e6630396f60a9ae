#!/usr/bin/env bash
# Runs every test of PlanTracker, once on SQLite and once on PostgreSQL. Installs what the tests need
# from Debian's packages when missing: Chromium for the browser tests, aiosmtpd for the loopback SMTP
# server, icalendar (the second, independent reader of the calendar feeds), PostgreSQL for the second
# run (the tests start their own throwaway cluster on 127.0.0.1),
# LibreOffice (Writer, Calc) and poppler-utils (pdftotext) to reopen the exported Word and Excel files,
# Liberation fonts (metric-compatible with the Times New Roman the exports name, so LibreOffice lays
# them out as Word does), tzdata (the app's clock is Asia/Ho_Chi_Minh), and Node.js with npm for the
# OpenID provider the single sign-on tests start (tests/oidc-provider: the npm package oidc-provider)
# and for the OpenAPI linter run on the API's document (tests/openapi-lint: @stoplight/spectral-cli).
set -euo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
/usr/bin/python3 -c 'import icalendar' 2>/dev/null || missing+=(python3-icalendar)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v libreoffice >/dev/null && [ -e /usr/lib/libreoffice/program/swriter ] || missing+=(libreoffice-writer)
command -v libreoffice >/dev/null && [ -e /usr/lib/libreoffice/program/scalc ] || missing+=(libreoffice-calc)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
# grep reads to the end (no -q): under pipefail an early exit would fail fc-list with SIGPIPE.
fc-list : family 2>/dev/null | grep -i "Liberation Serif" >/dev/null || missing+=(fonts-liberation2)
[ -e /usr/share/zoneinfo/Asia/Ho_Chi_Minh ] || missing+=(tzdata)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing test dependencies: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The provider's and the linter's packages, from their lock files; again only when a lock changed (node_modules
# is not committed).
for npmdir in tests/oidc-provider tests/openapi-lint; do
  if ! sha256sum --status -c "$npmdir/node_modules/.lock.sha256" 2>/dev/null; then
    npm ci --prefix "$npmdir" --no-audit --no-fund --loglevel=error >/dev/null
    sha256sum "$npmdir/package-lock.json" > "$npmdir/node_modules/.lock.sha256"
  fi
done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
echo "== Test run on SQLite"
dotnet test PlanTracker.sln --nologo "$@" 2>&1 | tee "$log" || status=$?
echo "== Test run on PostgreSQL"
PLANTRACKER_TEST_PROVIDER=Postgres dotnet test PlanTracker.sln --nologo --no-build "$@" 2>&1 | tee -a "$log" || status=$?

# One plain closing line that any CI can read: "tests: N passed, N failed".
sum() { grep -Eo "$1: +[0-9]+" "$log" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
echo "tests: $passed passed, $failed failed"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
