#!/usr/bin/env bash
# Builds the Cloudflare Worker into build/:
#   build/assets/static/  web/static under the names the pages link to
#                         (go run ./web/cmd/publish), served by Workers
#                         Static Assets; web/static/app.wasm, the page's
#                         wasm, comes from make browser (make build runs it)
#   build/assets/_headers their headers (wasm/worker/_headers)
#   build/app.wasm        the Go handler (wasm/worker), GOOS=js GOARCH=wasm,
#                         told the published names of the page's wasm
#   build/wasm_exec.js    the Go toolchain's own wasm_exec.js, matching app.wasm
# The entry point, wasm/worker/glue/worker.mjs, is committed and imports them.
# `build-worker.sh wasm` does only the Go part: wrangler's [build] command,
# which must not write the folders wrangler dev watches.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
mkdir -p build
if [ "${1:-}" != wasm ]; then
  if [ ! -f web/static/app.wasm ] || [ ! -f web/static/wasm_exec.js ]; then
    echo "build-worker.sh: web/static/app.wasm is missing: run make browser (make build does)" >&2
    exit 1
  fi
  rm -rf build/assets
  "$GO" run ./web/cmd/publish web/static build/assets/static
  cp wasm/worker/_headers build/assets/_headers
fi
# The Worker writes the page's wasm address, as published, into every page.
published() { (cd build/assets/static 2>/dev/null && ls -- $1 2>/dev/null | head -n1) || true; }
names="-X main.wasmName=$(published 'app.*.wasm') -X main.wasmExecName=$(published 'wasm_exec.*.js')"
GOOS=js GOARCH=wasm "$GO" build -trimpath -ldflags="-s -w $names" -o build/app.wasm.tmp ./wasm/worker
# Replace files only when they change: wrangler dev reloads on every write.
cmp -s build/app.wasm.tmp build/app.wasm && rm build/app.wasm.tmp || mv build/app.wasm.tmp build/app.wasm
exec_js="$("$GO" env GOROOT)/lib/wasm/wasm_exec.js"
cmp -s "$exec_js" build/wasm_exec.js || cp "$exec_js" build/wasm_exec.js
