// Command edge benchmarks the Go Worker against the trivial JavaScript
// Worker in bench/jsworker under the same wrangler dev and workerd, on
// loopback, with bounded request counts (make bench-edge). It measures each
// twice: under wrangler dev, and the same dry-run bundles under workerd
// alone, without wrangler's proxy and inspector:
//
//   - requests/s and p50/p99 over -c connections, and p50/p99 over one
//     connection, for GET /healthz, GET / (or /healthz while / is not 200)
//     and POST /api/v1/assess;
//   - CPU per request, from the workerd processes' CPU time in /proc;
//   - the time from starting wrangler dev to the first response, and the
//     cold start of a fresh Go runtime inside a warm isolate;
//   - the Go runtime's memory after the load, and workerd's resident size;
//   - the upload size from wrangler deploy --dry-run, beside the size floors
//     of the required dependencies (bench/sizefloor, built the same way).
//
// It needs npm ci and a Linux /proc. It checks the goals at the end and
// exits 1 if one is missed.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"
)

const assessBody = `{"today":"2026-11-22","facts":{"claim":"broken","paid_on_platform":true,"refund_requested_on":"2026-11-01"}}`

var (
	requests = flag.Int("n", 3000, "requests per endpoint in the concurrent run")
	conns    = flag.Int("c", 8, "connections in the concurrent run")
	single   = flag.Int("single", 300, "requests per endpoint over one connection")
	memReqs  = flag.Int("mem", 10000, "requests before the memory reading (Go Worker)")
	noBuild  = flag.Bool("no-build", false, "use build/ as it is")
)

type endpoint struct{ name, method, path, body string }

type result struct {
	rps, p50, p99  float64 // concurrent run; latencies in ms
	p50one, p99one float64 // one connection
	cpuPerReq      float64 // ms
	errors         int
}

type worker struct {
	name   string
	config string // wrangler config, relative to the root
	vars   []string
	ready  time.Duration
	dist   string // the bundle wrangler deploy --dry-run wrote
	upload string
	gzip   float64           // KiB
	res    map[string]result // under wrangler dev
	res2   map[string]result // under workerd alone
}

func main() {
	flag.Parse()
	root, err := os.Getwd()
	check(err)
	if _, err := os.Stat(filepath.Join(root, "node_modules/.bin/wrangler")); err != nil {
		fail("run from the repository root after npm ci (make bench-edge does both)")
	}
	if !*noBuild {
		run(root, "scripts/build-worker.sh")
	}
	gow := &worker{name: "go", config: "wrangler.toml", vars: []string{"--var", "CALMCLAIM_TEST_ROUTES:1"}}
	jsw := &worker{name: "js", config: "bench/jsworker/wrangler.toml"}
	tmp, err := os.MkdirTemp("", "calmclaim-bench-")
	check(err)
	defer os.RemoveAll(tmp)
	for _, w := range []*worker{gow, jsw} {
		w.dist = filepath.Join(tmp, w.name)
		w.upload, w.gzip = uploadSize(root, w.config, w.dist)
	}

	floors := sizeFloors(root, tmp)

	eps := []endpoint{
		{"GET /healthz", "GET", "/healthz", ""},
		{"GET /", "GET", "/", ""},
		{"POST /api/v1/assess", "POST", "/api/v1/assess", assessBody},
	}
	var coldStarts []float64
	var memAfter map[string]any
	var rssGo, rssJS float64
	for _, w := range []*worker{gow, jsw} {
		srv := start(root, w)
		w.ready = srv.ready
		// wrangler dev may reload once just after its first answer (a build
		// at start-up); let it settle, then warm the JIT on every endpoint.
		time.Sleep(3 * time.Second)
		w.res = measure(srv, eps)
		if w == gow {
			for range 5 {
				get(srv.base + "/__test/exit")
				t := time.Now()
				if status(srv.base+"/healthz") == 200 {
					coldStarts = append(coldStarts, ms(time.Since(t)))
				}
			}
			for done := 0; done < *memReqs; done += 2000 {
				hammer(srv.base, eps[done/2000%2*2], min(2000, *memReqs-done), *conns)
			}
			check(json.Unmarshal(get(srv.base+"/__test/mem"), &memAfter))
			rssGo = srv.rss()
		} else {
			rssJS = srv.rss()
		}
		srv.stop()
	}

	// The same bundles in workerd alone: no wrangler proxy, no inspector
	// (with a debugger attached, V8 keeps wasm in its baseline tier).
	for _, w := range []*worker{gow, jsw} {
		srv := startWorkerd(w)
		w.res2 = measure(srv, eps)
		srv.stop()
	}

	fmt.Printf("\nEdge benchmark: wrangler dev (workerd) on loopback, %d requests over %d connections, %d over one connection\n\n", *requests, *conns, *single)
	table("wrangler dev (as make dev; its proxy and inspector in the path)", eps, gow.res, jsw.res)
	table("workerd alone, the same bundles (closer to production)", eps, gow.res2, jsw.res2)
	slices.Sort(coldStarts)
	fmt.Printf("\nwrangler dev start to first response: go %.1f s, js %.1f s\n", gow.ready.Seconds(), jsw.ready.Seconds())
	if len(coldStarts) > 0 {
		fmt.Printf("new Go runtime in a warm isolate, first response: median %.1f ms (of %d)\n", coldStarts[len(coldStarts)/2], len(coldStarts))
	}
	fmt.Printf("upload: go %s; js %s\n", gow.upload, jsw.upload)
	fmt.Printf("size floors, gzip of the wasm alone (go build -trimpath -ldflags='-s -w'):\n")
	for _, f := range floors {
		fmt.Printf("  %-58s %7.0f KiB\n", f.name, f.gzip)
	}
	fmt.Printf("Go runtime memory after %d more requests: %v; workerd RSS go %.0f MB, js %.0f MB\n", *memReqs, memAfter, rssGo, rssJS)

	assess := gow.res["POST /api/v1/assess"]
	errs := 0
	for _, w := range []*worker{gow, jsw} {
		for _, r := range w.res {
			errs += r.errors
		}
		for _, r := range w.res2 {
			errs += r.errors
		}
	}
	sys, _ := memAfter["sys"].(float64)
	goals := []struct {
		name string
		ok   bool
	}{
		{"throughput >= half the JS Worker's under wrangler dev (every endpoint)", allAtLeastHalf(gow.res, jsw.res)},
		{fmt.Sprintf("one-connection p50 of assess < 5 ms (%.2f)", assess.p50one), assess.p50one < 5},
		{fmt.Sprintf("upload <= 1.5 MiB gzip (%.0f KiB)", gow.gzip), gow.gzip <= 1536},
		{fmt.Sprintf("Go memory after the load < 128 MB (%.1f MB)", sys/1e6), sys > 0 && sys < 128e6},
		{fmt.Sprintf("no errors under load (%d)", errs), errs == 0},
	}
	missed := false
	fmt.Println()
	for _, g := range goals {
		mark := "met   "
		if !g.ok {
			mark, missed = "MISSED", true
		}
		fmt.Printf("goal %s %s\n", mark, g.name)
	}
	if missed {
		os.Exit(1)
	}
}

func table(title string, eps []endpoint, gores, jsres map[string]result) {
	fmt.Printf("\n%s\n", title)
	fmt.Printf("%-22s %-3s %9s %8s %8s %10s %10s %9s %6s\n", "endpoint", "", "req/s", "p50 ms", "p99 ms", "1-conn p50", "1-conn p99", "CPU ms/req", "errors")
	for _, ep := range eps {
		for _, w := range []struct {
			name string
			r    result
		}{{"go", gores[ep.name]}, {"js", jsres[ep.name]}} {
			r := w.r
			fmt.Printf("%-22s %-3s %9.0f %8.2f %8.2f %10.2f %10.2f %9.2f %6d\n", ep.name, w.name, r.rps, r.p50, r.p99, r.p50one, r.p99one, r.cpuPerReq, r.errors)
		}
		fmt.Printf("%-22s Go/JS throughput %.2f\n", "", gores[ep.name].rps/jsres[ep.name].rps)
	}
}

func allAtLeastHalf(gores, jsres map[string]result) bool {
	for name, r := range gores {
		if r.rps < jsres[name].rps/2 {
			return false
		}
	}
	return true
}

func run(root, name string, args ...string) string {
	cmd := exec.Command(name, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "WRANGLER_SEND_METRICS=false", "CI=true")
	out, err := cmd.CombinedOutput()
	if err != nil {
		fail(fmt.Sprintf("%s %v: %v\n%s", name, args, err, out))
	}
	return string(out)
}

func status(url string) int {
	res, err := http.Get(url)
	if err != nil {
		return 0
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

func get(url string) []byte {
	res, err := http.Get(url)
	if err != nil {
		return nil
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return b
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func check(err error) {
	if err != nil {
		fail(err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "bench/edge:", msg)
	os.Exit(2)
}
