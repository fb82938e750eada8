#!/usr/bin/env bash
# Installs drillbench, builds it, writes the Ruddock Creek demo project, prints its significant
# intercepts and opens the app on it: the desktop app when Electron can start, otherwise the browser host.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # Electron's binary is fetched by `npm start` when it is needed, so the install also works offline.
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
npm run build

demo="${DRILLBENCH_DEMO:-$(node bin/drillbench.js demo --where)}"
[ -f "$demo" ] || node bin/drillbench.js demo "$demo"

if node bin/drillbench.js intercepts --help >/dev/null 2>&1; then
  echo
  echo "Significant intercepts of the Lower E zone (preset lower-e-zone-2011):"
  node bin/drillbench.js intercepts "$demo" --preset lower-e-zone-2011
  echo
fi

if [ "${DRILLBENCH_BROWSER:-}" != "1" ] && npm start -- "$demo"; then
  exit 0
fi
echo "Serving drillbench to your browser instead (Ctrl+C to stop):"
exec node bin/drillbench.js web "$demo" --open
