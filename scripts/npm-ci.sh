#!/usr/bin/env bash
# Installs node_modules from package-lock.json with npm ci, unless the
# installed tree already came from this very lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.calmclaim-lock
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -x node_modules/.bin/wrangler ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  exit 0
fi
WRANGLER_SEND_METRICS=false npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
