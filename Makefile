# Calmclaim: the index of what can be done. Each target is a line or two;
# longer steps live in scripts/.
PORT ?= 8080
GO   ?= go

.PHONY: run test unit generate generate-check vet fuzz bench build dev deploy-check test-edge bench-edge deps-node deps-browser

## run: serve the product natively on 127.0.0.1:$(PORT) until interrupted
run:
	$(GO) run ./web/cmd/calmclaim

## test: everything CI runs (installs what it needs)
test: generate-check vet unit

## unit: the native tests (engine, API contract, pages), with the race detector
unit:
	$(GO) test -race -count=1 ./...

## generate: regenerate templ components
generate:
	$(GO) tool templ generate

## generate-check: the committed *_templ.go files are fresh
generate-check: generate
	@test -z "$$(git status --porcelain -- '*_templ.go')" || (git status --porcelain -- '*_templ.go'; echo 'templ output is stale or uncommitted'; exit 1)

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || (gofmt -l . && echo "gofmt needed" && exit 1)

## fuzz: run each fuzz target for FUZZTIME (default 30s)
FUZZTIME ?= 30s
fuzz:
	scripts/fuzz.sh $(FUZZTIME)

## bench: Go benchmarks of the engine and handler
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./assistant ./web
