package web

import (
	"net/http"
	"time"
)

// Options configures the handler. The zero value is ready to use.
type Options struct {
	// Now returns the current time; it supplies the default "today" of an
	// assessment. Nil means time.Now.
	Now func() time.Time
}

// New returns the Calmclaim handler.
func New(opts Options) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"status":"ok"}`))
	})
	return mux
}
