package main

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// coldStarts starts a fresh workerd runs times for each worker, taking
// turns so that both meet the same background load, and returns the time
// from starting the process to the first 200 on GET /healthz, in ms. For
// the Go Worker that includes compiling the wasm, starting the Go runtime
// and building the handler, all of which happen by the first answer.
func coldStarts(ws []*worker, runs int) map[string][]float64 {
	out := map[string][]float64{}
	for range runs {
		for _, w := range ws {
			srv := startWorkerd(w, false)
			out[w.name] = append(out[w.name], ms(srv.ready))
			srv.stop()
		}
	}
	return out
}

// warmRestarts measures a new Go runtime in a warm isolate: it asks the Go
// Worker to exit (GET /__test/exit; the glue answers 500 and drops the
// runtime, keeping the isolate and its compiled module), then times the
// next GET /healthz, which starts a new runtime (WebAssembly instance, Go's
// package initialisers, web.New) before it answers. It returns the times
// of the runs whose exit was confirmed by a 500 and whose next answer was
// a 200, and how many runs were not.
func warmRestarts(srv *server, runs int) (times []float64, bad int) {
	for range runs {
		if status(srv.base+"/__test/exit") != 500 {
			bad++ // the runtime did not exit: the next answer would be a warm one
			continue
		}
		t := time.Now()
		if status(srv.base+"/healthz") != 200 {
			bad++
			continue
		}
		times = append(times, ms(time.Since(t)))
		time.Sleep(50 * time.Millisecond) // let the old runtime's memory go
	}
	return times, bad
}

// warmHealthz is the median time of n GET /healthz answered by a warm
// runtime, over one kept-alive connection: what a restart adds is the
// difference.
func warmHealthz(srv *server, n int) float64 {
	var times []float64
	for range n {
		t := time.Now()
		if status(srv.base+"/healthz") == 200 {
			times = append(times, ms(time.Since(t)))
		}
	}
	return median(times)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// runs lists the samples, in ms, in the order they were taken.
func runs(xs []float64) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%.0f", x)
	}
	return b.String()
}
