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
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
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

// measure warms each endpoint up, then runs it concurrently and over one
// connection.
func measure(srv *server, eps []endpoint) map[string]result {
	res := map[string]result{}
	for _, ep := range eps {
		if ep.path == "/" && status(srv.base+"/") != 200 {
			ep.path = "/healthz" // no page at / yet
		}
		hammer(srv.base, ep, 500, 4) // warm up
		cpu0 := srv.cpu()
		r := hammer(srv.base, ep, *requests, *conns)
		r.cpuPerReq = (srv.cpu() - cpu0) / float64(*requests)
		one := hammer(srv.base, ep, *single, 1)
		r.p50one, r.p99one, r.errors = one.p50, one.p99, r.errors+one.errors
		res[ep.name] = r
	}
	return res
}

func allAtLeastHalf(gores, jsres map[string]result) bool {
	for name, r := range gores {
		if r.rps < jsres[name].rps/2 {
			return false
		}
	}
	return true
}

// hammer sends n requests over c connections and returns the figures.
func hammer(base string, ep endpoint, n, c int) result {
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: c, MaxConnsPerHost: c, DisableCompression: true},
	}
	defer client.CloseIdleConnections()
	lat := make([]float64, n)
	var (
		mu     sync.Mutex
		errors int
		wg     sync.WaitGroup
		next   = make(chan int)
	)
	t0 := time.Now()
	for range c {
		wg.Go(func() {
			for i := range next {
				req, _ := http.NewRequest(ep.method, base+ep.path, strings.NewReader(ep.body))
				if ep.body != "" {
					req.Header.Set("Content-Type", "application/json")
				}
				t := time.Now()
				res, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if err == nil && res.StatusCode != 200 {
						err = fmt.Errorf("%s", res.Status)
					}
				}
				lat[i] = ms(time.Since(t))
				if err != nil {
					mu.Lock()
					errors++
					mu.Unlock()
				}
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(t0)
	slices.Sort(lat)
	return result{
		rps:    float64(n) / elapsed.Seconds(),
		p50:    lat[n/2],
		p99:    lat[min(n-1, n*99/100)],
		errors: errors,
	}
}

type server struct {
	base  string
	cmd   *exec.Cmd
	ready time.Duration
}

// start runs wrangler dev for w on a free port in its own process group
// and waits for GET /healthz.
func start(root string, w *worker) *server {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	args := append([]string{"dev", "-c", w.config, "--ip", "127.0.0.1", "--port", port, "--log-level", "warn"}, w.vars...)
	cmd := exec.Command(filepath.Join(root, "node_modules/.bin/wrangler"), args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "WRANGLER_SEND_METRICS=false", "CI=true")
	return launch(cmd, "http://127.0.0.1:"+port, "wrangler dev for "+w.name)
}

// launch starts cmd in its own process group and waits for GET /healthz.
func launch(cmd *exec.Cmd, base, what string) *server {
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	t0 := time.Now()
	check(cmd.Start())
	s := &server{base: base, cmd: cmd}
	for status(s.base+"/healthz") != 200 {
		if time.Since(t0) > 90*time.Second {
			s.stop()
			fail(what + " did not answer in 90s:\n" + log.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.ready = time.Since(t0)
	return s
}

// startWorkerd serves w's dry-run bundle with workerd alone.
func startWorkerd(w *worker) *server {
	files, err := os.ReadDir(w.dist)
	check(err)
	var modules []string
	for _, f := range files {
		switch {
		case f.Name() == "worker.js":
			modules = append([]string{`(name = "worker.js", esModule = embed "worker.js")`}, modules...)
		case strings.HasSuffix(f.Name(), ".wasm"):
			modules = append(modules, fmt.Sprintf(`(name = %q, wasm = embed %q)`, f.Name(), f.Name()))
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	addr := l.Addr().String()
	l.Close()
	config := fmt.Sprintf(`using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .w)],
  sockets = [(name = "http", address = %q, http = (), service = "main")],
);
const w :Workerd.Worker = (
  modules = [%s],
  compatibilityDate = "2026-04-26",
  bindings = [(name = "CALMCLAIM_TEST_ROUTES", text = "1")],
);
`, addr, strings.Join(modules, ", "))
	check(os.WriteFile(filepath.Join(w.dist, "workerd.capnp"), []byte(config), 0o644))
	bin, _ := filepath.Abs("node_modules/@cloudflare/workerd-linux-64/bin/workerd")
	cmd := exec.Command(bin, "serve", "workerd.capnp")
	cmd.Dir = w.dist
	return launch(cmd, "http://"+addr, w.name+" in workerd")
}

func (s *server) stop() {
	syscall.Kill(-s.cmd.Process.Pid, syscall.SIGTERM)
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
		<-done
	}
}

// workerd lists the /proc/PID/stat fields of the workerd processes in the
// server's process group.
func (s *server) workerd() [][]string {
	var out [][]string
	dirs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, d := range dirs {
		b, err := os.ReadFile(d)
		if err != nil {
			continue
		}
		i := bytes.LastIndexByte(b, ')')
		if i < 0 || !bytes.Contains(b[:i], []byte("(workerd")) {
			continue
		}
		f := strings.Fields(string(b[i+2:])) // f[0] is field 3 (state)
		if pgid, _ := strconv.Atoi(f[2]); pgid == s.cmd.Process.Pid {
			out = append(out, f)
		}
	}
	return out
}

// cpu is the user+system CPU time of the server's workerd processes, in ms
// (clock ticks of 10 ms).
func (s *server) cpu() float64 {
	var ticks float64
	for _, f := range s.workerd() {
		u, _ := strconv.ParseFloat(f[11], 64)
		k, _ := strconv.ParseFloat(f[12], 64)
		ticks += u + k
	}
	return ticks * 10
}

// rss is the resident size of the server's workerd processes, in MB.
func (s *server) rss() float64 {
	var pages float64
	for _, f := range s.workerd() {
		p, _ := strconv.ParseFloat(f[21], 64)
		pages += p
	}
	return pages * float64(os.Getpagesize()) / 1e6
}

type floor struct {
	name string
	gzip float64 // KiB
}

// sizeFloors builds the programs under bench/sizefloor as the Worker build
// does and returns the gzip size of each wasm, then of the Worker's own
// (build/app.wasm, as scripts/build-worker.sh left it): what the Go
// runtime, net/http, templ and syumai/workers cost before any code of ours.
func sizeFloors(root, tmp string) []floor {
	progs := []struct{ name, pkg string }{
		{"Go runtime (bench/sizefloor/runtime)", "runtime"},
		{"+ a blank import of net/http (bench/sizefloor/nethttp)", "nethttp"},
		{"+ templ (bench/sizefloor/templ)", "templ"},
		{"+ templ + syumai/workers/cloudflare (bench/sizefloor/workers)", "workers"},
	}
	var out []floor
	for _, p := range progs {
		file := filepath.Join(tmp, p.pkg+".wasm")
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", file, "./bench/sizefloor/"+p.pkg)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if b, err := cmd.CombinedOutput(); err != nil {
			fail(fmt.Sprintf("go build %s: %v\n%s", p.pkg, err, b))
		}
		out = append(out, floor{p.name, gzipKiB(file)})
	}
	return append(out, floor{"Calmclaim Worker (build/app.wasm)", gzipKiB(filepath.Join(root, "build/app.wasm"))})
}

// gzipKiB is the size of file gzipped at the default level, in KiB.
func gzipKiB(file string) float64 {
	data, err := os.ReadFile(file)
	check(err)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err = zw.Write(data)
	check(err)
	check(zw.Close())
	return float64(buf.Len()) / 1024
}

var uploadRE = regexp.MustCompile(`Total Upload: ([0-9.]+ KiB) / gzip: ([0-9.]+) KiB`)

// uploadSize runs wrangler deploy --dry-run for a config into dir and
// returns its "Total Upload" line and the gzip size in KiB.
func uploadSize(root, config, dir string) (string, float64) {
	out := run(root, "node_modules/.bin/wrangler", "deploy", "--dry-run", "-c", config, "--outdir", dir)
	m := uploadRE.FindStringSubmatch(out)
	if m == nil {
		fail("no Total Upload line from wrangler deploy --dry-run:\n" + out)
	}
	gz, _ := strconv.ParseFloat(m[2], 64)
	return m[1] + " raw, " + m[2] + " KiB gzip", gz
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
