#!/usr/bin/env bash
# Builds the Cloudflare Worker into build/:
#   build/app.wasm       the Go handler (wasm/worker), GOOS=js GOARCH=wasm
#   build/wasm_exec.js   the Go toolchain's own wasm_exec.js, matching app.wasm
#   build/assets/static/ a copy of web/static, served by Workers Static Assets
# The entry point, wasm/worker/glue/worker.mjs, is committed and imports them.
# `build-worker.sh wasm` does only the Go part: wrangler's [build] command,
# which must not write the folders wrangler dev watches.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
mkdir -p build
GOOS=js GOARCH=wasm "$GO" build -trimpath -ldflags='-s -w' -o build/app.wasm.tmp ./wasm/worker
# Replace files only when they change: wrangler dev reloads on every write.
cmp -s build/app.wasm.tmp build/app.wasm && rm build/app.wasm.tmp || mv build/app.wasm.tmp build/app.wasm
exec_js="$("$GO" env GOROOT)/lib/wasm/wasm_exec.js"
cmp -s "$exec_js" build/wasm_exec.js || cp "$exec_js" build/wasm_exec.js
[ "${1:-}" = wasm ] && exit 0
rm -rf build/assets
mkdir -p build/assets/static
if [ -d web/static ]; then
  cp -R web/static/. build/assets/static/
fi
