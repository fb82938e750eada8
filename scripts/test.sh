#!/usr/bin/env bash
# Sets up a fresh machine and runs every test: Debian's Chromium for the browser tests and the sqlite3
# shell (installed when missing; needs root or sudo), the npm packages (Electron's binary download is
# skipped: tests never launch Electron), then lint, types, build, unit, integration and e2e tests.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
fi

export ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm ci --no-audit --no-fund
node scripts/run-all-tests.mjs
