# Calmclaim: the index of what can be done. Each target is a line or two;
# longer steps live in scripts/.
PORT ?= 8080
GO   ?= go

.PHONY: corpus bench-go bench-start bench-browser run browser test unit test-js test-zip64 test-media test-e2e generate generate-check vet fuzz bench build dev deploy-check test-edge bench-edge deps-node deps-browser

## run: serve the product natively on 127.0.0.1:$(PORT) until interrupted
run: browser
	$(GO) run ./web/cmd/calmclaim

## browser: the Go wasm for the page (web/static/app.wasm) and its wasm_exec.js, then
## brotli and gzip copies of web/static for the native server (about 20 s when app.wasm changed)
browser:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o web/static/app.wasm ./wasm/browser
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" web/static/wasm_exec.js
	$(GO) run ./web/cmd/precompress web/static

## test: everything CI runs (installs what it needs)
test: generate-check vet unit test-js test-zip64 test-media test-edge test-e2e

## unit: the native tests (engine, API contract, pages), with the race detector
unit:
	$(GO) test -race -short -count=1 ./...

## test-js: the js/wasm-only packages under Node (the browser's SHA-256 module against crypto/sha256)
test-js:
	GOOS=js GOARCH=wasm PATH="$$PATH:$$($(GO) env GOROOT)/lib/wasm" $(GO) test -count=1 ./wasm/browser/sha256wasm

## test-e2e: the pages in headless Chromium (JS off and wasm), axe-core on every page, the widget
test-e2e: browser
	scripts/chromium.sh && scripts/npm-ci.sh
	CALMCLAIM_E2E=1 $(GO) test -count=1 -timeout 12m ./web/e2e

## test-media: files made by exiftool, ffmpeg, heif-enc, cwebp and ImageMagick with planted metadata, bundled and checked
## (nothing planted survives, same pixels, same frames, orientation kept); installs the tools
test-media:
	scripts/media-tools.sh
	CALMCLAIM_MEDIA=1 $(GO) test -count=1 -run 'TestMedia' ./assistant/bundle

## corpus: the tone check against the labelled stories in assistant/describe/testdata/corpus, the kept-back ones in testdata/holdout and the blind ones in testdata/blind; the tables go to CORPUS_TABLE, HOLDOUT_TABLE and BLIND_TABLE
CORPUS_TABLE ?= build/corpus-table.md
HOLDOUT_TABLE ?= build/holdout-table.md
BLIND_TABLE ?= build/blind-table.md
corpus:
	mkdir -p $(dir $(CORPUS_TABLE)) $(dir $(HOLDOUT_TABLE)) $(dir $(BLIND_TABLE))
	$(GO) test -count=1 -run '^Test(Corpus|Holdout|Blind)Quality$$' ./assistant/describe -corpus.table=$(abspath $(CORPUS_TABLE)) -holdout.table=$(abspath $(HOLDOUT_TABLE)) -blind.table=$(abspath $(BLIND_TABLE))

## test-zip64: a 4.5 GiB evidence bundle through the streaming writer (ZIP64, hashes, unzip -t)
test-zip64:
	$(GO) test -count=1 -run TestBundleZip64 ./assistant/bundle

## generate: regenerate templ components, the rule pack and checklist as Go from assistant/data/*.json, the widget's frame titles
## in web/static/embed.js from the catalogs, and the static files' hashed names (web/assets/manifest_gen.go)
generate:
	$(GO) tool templ generate
	$(GO) generate ./assistant/... ./web/assets

## generate-check: the committed generated files (*_templ.go, *_gen.go, the titles in embed.js) are fresh
generate-check: generate
	@test -z "$$(git status --porcelain -- '*_templ.go' '*_gen.go' web/static/embed.js)" || (git status --porcelain -- '*_templ.go' '*_gen.go' web/static/embed.js; echo 'generated code is stale or uncommitted'; exit 1)

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/... ./bench/sizefloor/...
	@test -z "$$(gofmt -l .)" || (gofmt -l . && echo "gofmt needed" && exit 1)

## fuzz: run each fuzz target for FUZZTIME (default 30s)
FUZZTIME ?= 30s
fuzz:
	scripts/fuzz.sh $(FUZZTIME)

## bench: every benchmark in one run: Go (engine, API, handler, bundle, description), the Go runtime's start, the Worker against a JS Worker, the browser
# bench-edge and bench-browser exit non-zero when a goal is missed; every set always runs, and bench fails after them if one did.
bench: bench-go bench-start
	@rc=0; $(MAKE) bench-edge || rc=1; $(MAKE) bench-browser || rc=1; exit $$rc

bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./assistant/... ./web/...

## bench-start: a new Go runtime (the Worker's glue, under Node) to its first /healthz and assess; each package initialiser; fresh workerd to the first 200, Go vs JS
bench-start:
	scripts/bench-start.sh

## bench-browser: first paint, wasm ready, bytes before the first question works, time per step; the page on a slow link through
## the native server and the Worker (wrangler dev); bundle MB/s in the page vs natively
BUNDLE_MIB ?= 1024
bench-browser: browser build
	scripts/chromium.sh && scripts/npm-ci.sh
	$(GO) run ./bench/browser -bundle-mib $(BUNDLE_MIB)

## Cloudflare Worker (wasm/worker): wrangler runs from node_modules, installed
## by scripts/npm-ci.sh from package-lock.json; metrics are never sent.
export WRANGLER_SEND_METRICS := false
DEV_PORT ?= $(if $(filter command line environment,$(origin PORT)),$(PORT),8787)

## build: the deployable Worker in build/ (app.wasm, wasm_exec.js, assets/ with hashed names and _headers)
build: browser
	scripts/build-worker.sh

## dev: the Worker in a local workerd on 127.0.0.1:$(DEV_PORT) (8787 unless PORT is given); no login
dev: build
	scripts/npm-ci.sh && npx wrangler dev --ip 127.0.0.1 --port $(DEV_PORT)

## deploy-check: a dry-run deploy into dist/; prints Total Upload and its gzip size
deploy-check: build
	scripts/npm-ci.sh && npx wrangler deploy --dry-run --outdir dist

## test-edge: the Worker in workerd: shared contract suite, panics, env/ctx, memory; glue tests
test-edge: browser
	scripts/npm-ci.sh && CALMCLAIM_EDGE=1 $(GO) test -count=1 -timeout 5m -run 'TestEdge|TestGlue' ./wasm/worker

## bench-edge: Go Worker against a trivial JS Worker in the same workerd: start-up, describe CPU, assess under describe load,
## req/s, p50/p99, CPU, size, memory, and a bounded fuzz of the native server and the Worker
bench-edge: browser
	scripts/npm-ci.sh && $(GO) run ./bench/edge
