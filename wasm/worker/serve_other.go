//go:build !js

package main

import (
	"log"
	"net"
	"net/http"
	"os"
)

// serve runs the handler natively on 127.0.0.1:$PORT (default 8787), the
// same address wrangler dev uses.
func serve(h http.Handler) {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8787"
	}
	addr := net.JoinHostPort("127.0.0.1", port)
	log.Printf("worker handler natively on http://%s", addr)
	log.Fatal(http.ListenAndServe(addr, h))
}

// envVar reads a Worker env var; natively, the process environment.
func envVar(_ *http.Request, name string) string { return os.Getenv(name) }

// markCtx is a no-op natively: there is no execution context.
func markCtx(*http.Request, string) string { return "" }
