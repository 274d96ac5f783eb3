//go:build js

package web

import (
	"net/http"

	"github.com/calmclaim/calmclaim/web/assets"
)

// staticHandler is nil in the Worker: Workers Static Assets serves /static/
// from build/assets (scripts/build-worker.sh), and the Worker learns the
// page's wasm from its build (Options.Runtime, set in wasm/worker).
func staticHandler() (http.Handler, assets.Runtime) { return nil, assets.Runtime{} }
