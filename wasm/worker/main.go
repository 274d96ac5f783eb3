// Command worker is Calmclaim as a Cloudflare Worker: web.New served from
// one Go runtime per isolate.
//
// Built with GOOS=js GOARCH=wasm (scripts/build-worker.sh), the binary
// registers one function with the JavaScript glue in glue/glue.mjs, which
// starts the runtime lazily on the first request and calls that function
// once per request; the request's own env and ctx are read through
// syumai/workers' cloudflare package (serve_js.go). Built
// natively, it serves the same handler on 127.0.0.1:$PORT (serve_other.go),
// so `go vet ./...` and `go test ./...` work on the host.
//
// The handler must not wait on JavaScript (fetch, timers): each request runs
// to completion inside one synchronous call from the glue.
package main

import (
	"net/http"
	"sync"

	"github.com/calmclaim/calmclaim/web"
	"github.com/calmclaim/calmclaim/web/assets"
)

func main() { serve(handler()) }

// handler is web.New plus the test-only routes, which answer only when the
// Worker's env has CALMCLAIM_TEST_ROUTES=1 (set by the edge tests with
// wrangler's --var, never in wrangler.toml). The Worker's env exists only
// inside a request, so web.New is built on the first one; the operator's
// settings are the same for every request of a deployment.
func handler() http.Handler {
	var (
		once sync.Once
		h    http.Handler
	)
	return testRoutes(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		once.Do(func() {
			h = web.New(web.Options{FrameAncestors: web.SplitOrigins(envVar(r, web.FrameAncestorsVar)), Runtime: pageWasm()})
		})
		h.ServeHTTP(w, r)
	}))
}

// wasmName and wasmExecName are the names of the page's wasm and its
// wasm_exec.js as published in build/assets/static, set at link time by
// scripts/build-worker.sh (-ldflags -X). The Worker cannot read them from
// the files: Workers Static Assets serves those without Go.
var wasmName, wasmExecName string

// pageWasm is where pages tell app.js to load the page's wasm from; zero
// (pages without the wasm) when the build named none.
func pageWasm() assets.Runtime {
	if wasmName == "" || wasmExecName == "" {
		return assets.Runtime{}
	}
	return assets.Runtime{Wasm: assets.Prefix + wasmName, WasmExec: assets.Prefix + wasmExecName}
}
