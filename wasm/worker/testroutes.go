package main

import (
	"net/http"
	"os"
	"runtime"
	"strconv"
)

// testRoutesVar is the env var that switches the /__test/ routes on.
const testRoutesVar = "CALMCLAIM_TEST_ROUTES"

// testRoutes serves the routes the edge tests need to see inside the
// runtime, when the request's env has CALMCLAIM_TEST_ROUTES=1; otherwise
// every request goes to next unchanged:
//
//	/__test/panic  panics outside web's own recoverer (the glue must answer 500)
//	/__test/exit   exits the Go runtime (the glue must start a new one)
//	/__test/env    echoes env.CALMCLAIM_TEST_ECHO and marks ctx, reporting any
//	               earlier mark (a reused ctx would show one)
//	/__test/mem    the Go runtime's memory figures, as JSON
//	/__test/bytes  ?n= bytes (at most 8 MiB), byte i being i mod 251, so a
//	               reader can check every byte and the exact length
func testRoutes(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.URL.Path) < 8 || r.URL.Path[:8] != "/__test/" || envVar(r, testRoutesVar) != "1" {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		switch r.URL.Path {
		case "/__test/panic":
			panic("deliberate test panic")
		case "/__test/exit":
			os.Exit(3)
		case "/__test/env":
			prev := markCtx(r, r.URL.Query().Get("mark"))
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write([]byte("echo=" + envVar(r, "CALMCLAIM_TEST_ECHO") + "\nprev=" + prev + "\n"))
		case "/__test/mem":
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"sys":` + strconv.FormatUint(m.Sys, 10) +
				`,"heap_alloc":` + strconv.FormatUint(m.HeapAlloc, 10) +
				`,"heap_sys":` + strconv.FormatUint(m.HeapSys, 10) +
				`,"num_gc":` + strconv.FormatUint(uint64(m.NumGC), 10) +
				`,"goroutines":` + strconv.Itoa(runtime.NumGoroutine()) + "}"))
		case "/__test/bytes":
			n, err := strconv.Atoi(r.URL.Query().Get("n"))
			if err != nil || n < 0 || n > 8<<20 {
				http.Error(w, "n: 0 to 8 MiB", http.StatusBadRequest)
				return
			}
			b := make([]byte, n)
			for i := range b {
				b[i] = byte(i % 251)
			}
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Header().Set("Content-Length", strconv.Itoa(n))
			w.Write(b)
		default:
			http.NotFound(w, r)
		}
	})
}
