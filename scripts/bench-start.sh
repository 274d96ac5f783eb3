#!/usr/bin/env bash
# make bench-start: how soon a new Go runtime answers.
#   1. new runtimes under Node through the Worker's glue, from one compiled
#      module: to the first /healthz and the first assess (bench/start/start.mjs);
#   2. each package initialiser's time and allocations (GODEBUG=inittrace=1),
#      in a runtime whose code V8 has compiled, and in a fresh process's first;
#   3. a fresh workerd to its first 200, the Go Worker against the trivial
#      JS Worker of bench/jsworker (bench/start/workerd.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-worker.sh
scripts/npm-ci.sh
node --expose-gc bench/start/start.mjs
node --expose-gc bench/start/start.mjs --inittrace
node --expose-gc bench/start/start.mjs --inittrace --cold
export WRANGLER_SEND_METRICS=false
# wrangler takes --outdir relative to the config's folder: give it whole.
npx wrangler deploy --dry-run --outdir "$PWD/build/dist-go" >/dev/null
npx wrangler deploy --dry-run -c bench/jsworker/wrangler.toml --outdir "$PWD/build/dist-js" >/dev/null
node bench/start/workerd.mjs build/dist-go build/dist-js
