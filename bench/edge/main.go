// Command edge measures the Calmclaim Worker against the goals of the
// Worker issue, beside the trivial JavaScript Worker in bench/jsworker, in
// one run on loopback with bounded request counts and times (make
// bench-edge; make bench runs it too). Each set prints one table with the
// two columns, their ratio and the goal, met or MISSED:
//
//   - start-up: a fresh workerd to the first 200 on GET /healthz, Go and
//     JS (median of -cold runs); a new Go runtime in a warm isolate, time
//     to its first response (median of -warm runs);
//   - describe: CPU per POST /api/v1/describe on the Go Worker, from
//     workerd's CPU time in /proc, for a typical 1 KB story and an 8 KB
//     hostile one (testdata/), beside the same requests natively; then
//     assessments alone and while four clients send the hostile describe;
//   - throughput: requests/s, p50/p99 and CPU per request for GET /healthz,
//     GET / and POST /api/v1/assess, Go against JS, under workerd alone and
//     under wrangler dev;
//   - size and memory: the upload from wrangler deploy --dry-run, the size
//     floors of the required dependencies (bench/sizefloor), the Go
//     runtime's memory after -mem more requests;
//   - fuzz: the same seeded list of -fuzz-n odd requests to the native
//     server and to the Go Worker in workerd, counting requests without an
//     answer, 5xx, malformed bodies and a server that stops answering.
//
// -only runs some of the sets. It needs npm ci and a Linux /proc, and
// exits 1 when a goal is missed, 2 when it cannot measure.
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
	"strings"
	"time"

	"github.com/calmclaim/calmclaim/bench/internal/report"
)

const assessBody = `{"today":"2026-11-22","facts":{"claim":"broken","paid_on_platform":true,"refund_requested_on":"2026-11-01"}}`

var (
	requests  = flag.Int("n", 3000, "requests per endpoint in the concurrent run")
	conns     = flag.Int("c", 8, "connections in the concurrent run")
	single    = flag.Int("single", 300, "requests per endpoint over one connection")
	memReqs   = flag.Int("mem", 10000, "requests before the memory reading (Go Worker)")
	devN      = flag.Int("dev-n", 1000, "requests per endpoint in the concurrent run under wrangler dev")
	devSingle = flag.Int("dev-single", 100, "requests per endpoint over one connection under wrangler dev")
	coldRuns  = flag.Int("cold", 7, "fresh workerd starts per Worker")
	warmRuns  = flag.Int("warm", 9, "new Go runtimes in the warm isolate")
	typReqs   = flag.Int("describe-typical", 300, "typical describe requests for the CPU figure")
	hostReqs  = flag.Int("describe-hostile", 40, "hostile describe requests for the CPU figure")
	fuzzN     = flag.Int("fuzz-n", 1500, "fuzz requests per runtime")
	fuzzTime  = flag.Duration("fuzz-time", 90*time.Second, "longest fuzz run per runtime")
	fuzzSeed  = flag.Uint64("fuzz-seed", 1, "seed of the fuzz requests")
	only      = flag.String("only", "", "comma-separated sets to run: startup,describe,throughput,wrangler,size,fuzz (default all)")
	noBuild   = flag.Bool("no-build", false, "use build/ as it is")
	allowSets = []string{"startup", "describe", "throughput", "wrangler", "size", "fuzz"}
)

type endpoint struct{ name, method, path, body string }

type result struct {
	n              int     // requests completed in the concurrent run
	rps, p50, p99  float64 // concurrent run; latencies in ms
	p50one, p99one float64 // one connection
	cpuPerReq      float64 // ms
	errors         int
}

type worker struct {
	name   string
	config string // wrangler config, relative to the root
	ready  time.Duration
	dist   string // the bundle wrangler deploy --dry-run wrote
	upload string
	gzip   float64           // KiB
	res    map[string]result // under wrangler dev
	res2   map[string]result // under workerd alone
}

func main() {
	flag.Parse()
	sets := map[string]bool{}
	for _, s := range strings.Split(*only, ",") {
		if s = strings.TrimSpace(s); s != "" {
			if !slices.Contains(allowSets, s) {
				fail("unknown set " + s + " in -only; sets: " + strings.Join(allowSets, ","))
			}
			sets[s] = true
		}
	}
	has := func(s string) bool { return len(sets) == 0 || sets[s] }
	root, err := os.Getwd()
	check(err)
	if _, err := os.Stat(filepath.Join(root, "node_modules/.bin/wrangler")); err != nil {
		fail("run from the repository root after npm ci (make bench-edge does both)")
	}
	if !*noBuild {
		run(root, "scripts/build-worker.sh")
	}
	gow := &worker{name: "go", config: "wrangler.toml"}
	jsw := &worker{name: "js", config: "bench/jsworker/wrangler.toml"}
	tmp, err := os.MkdirTemp("", "calmclaim-bench-")
	check(err)
	tmpDir = tmp
	defer os.RemoveAll(tmp)
	for _, w := range []*worker{gow, jsw} {
		w.dist = filepath.Join(tmp, w.name)
		w.upload, w.gzip = uploadSize(root, w.config, w.dist)
	}
	eps := []endpoint{
		{"GET /healthz", "GET", "/healthz", ""},
		{"GET /", "GET", "/", ""},
		{"POST /api/v1/assess", "POST", "/api/v1/assess", assessBody},
	}
	var tables []*report.Table
	started := time.Now()

	var floors []floor
	if has("size") {
		floors = sizeFloors(root, tmp)
	}

	// Under wrangler dev, as make dev runs it: fewer requests, as wrangler
	// dev is the slow path and not what production runs.
	if has("wrangler") {
		for _, w := range []*worker{gow, jsw} {
			srv := start(root, w)
			w.ready = srv.ready
			// wrangler dev may reload once just after its first answer (a
			// build at start-up); let it settle, then warm the JIT on every
			// endpoint.
			time.Sleep(3 * time.Second)
			w.res = measure(srv, eps, *devN, *devSingle)
			srv.stop()
		}
	}

	// The same bundles in workerd alone: no wrangler proxy, no inspector
	// (with a debugger attached, V8 keeps wasm in its baseline tier).
	var cold map[string][]float64
	if has("startup") {
		cold = coldStarts([]*worker{gow, jsw}, *coldRuns)
	}
	var warm []float64
	var warmBad int
	var healthzGo, healthzJS float64
	var desc describeRes
	var memAfter map[string]any
	var rssGo, rssJS float64
	if has("throughput") || has("startup") || has("describe") || has("size") {
		srv := startWorkerd(gow, true)
		if has("throughput") {
			gow.res2 = measure(srv, eps, *requests, *single)
		}
		if has("size") { // before the restarts below, which start a fresh runtime
			for done := 0; done < *memReqs; done += 2000 {
				hammer(srv.base, eps[done/2000%2*2], min(2000, *memReqs-done), *conns)
			}
			check(json.Unmarshal(get(srv.base+"/__test/mem"), &memAfter))
			rssGo = srv.rss()
		}
		if has("startup") {
			healthzGo = warmHealthz(srv, 51)
			warm, warmBad = warmRestarts(srv, *warmRuns)
		}
		if has("describe") {
			desc = describeSet(srv, describeEndpoint("describe typical", typicalFile),
				describeEndpoint("describe hostile", hostileFile), eps[2], *typReqs, *hostReqs)
		}
		srv.stop()
	}
	if has("describe") {
		desc.firstLat, desc.firstCPU = firstDescribes(gow, describeEndpoint("describe typical", typicalFile), 5)
	}
	if has("throughput") || has("startup") || has("size") {
		srv := startWorkerd(jsw, false)
		if has("throughput") {
			jsw.res2 = measure(srv, eps, *requests, *single)
		}
		healthzJS = warmHealthz(srv, 51)
		rssJS = srv.rss()
		srv.stop()
	}

	var native, edge fuzzRes
	var reqs []fuzzReq
	if has("fuzz") {
		reqs = fuzzRequests(*fuzzSeed, *fuzzN)
		bin := filepath.Join(tmp, "calmclaim")
		run(root, "go", "build", "-o", bin, "./web/cmd/calmclaim")
		srv := startNative(bin)
		native = runFuzz(srv.base, reqs, *fuzzTime)
		srv.stop()
		srv = startWorkerd(gow, false)
		edge = runFuzz(srv.base, reqs, *fuzzTime)
		srv.stop()
	}

	fmt.Printf("\nEdge benchmark (loopback; %s)\n", time.Since(started).Round(time.Second))
	if has("startup") {
		t := &report.Table{Title: "Start-up, workerd alone", Cols: []string{"Go", "JS"}}
		g, j := median(cold["go"]), median(cold["js"])
		t.Goal("Go <= 3x JS", g > 0 && j > 0 && g <= 3*j, fmt.Sprintf("fresh workerd to first 200 on GET /healthz (median of %d)", len(cold["go"])), report.MS(g), report.MS(j), report.Ratio(g, j))
		w := median(warm)
		t.Goal("< 10 ms", len(warm) >= 5 && w < 10, fmt.Sprintf("new Go runtime in a warm isolate, first response (median of %d)", len(warm)), report.MS(w), "", "")
		t.Add("warm GET /healthz, one connection (median of 51)", report.MS(healthzGo), report.MS(healthzJS), report.Ratio(healthzGo, healthzJS))
		if has("wrangler") {
			t.Add("wrangler dev start to first response", fmt.Sprintf("%.1f s", gow.ready.Seconds()), fmt.Sprintf("%.1f s", jsw.ready.Seconds()), "")
		}
		t.Note("fresh workerd, each run in ms: go %s; js %s", runs(cold["go"]), runs(cold["js"]))
		t.Note("new runtime, each run in ms: %s (after GET /__test/exit answered 500)", runs(warm))
		if warmBad > 0 {
			t.Note("%d of %d restarts were not confirmed (no 500 from /__test/exit, or no 200 after it) and are left out", warmBad, *warmRuns)
		}
		tables = append(tables, t)
	}
	if has("describe") {
		t := &report.Table{Title: "POST /api/v1/describe on the Go Worker (workerd alone), one request at a time", Cols: []string{"Worker", "native"}}
		ty, ho := desc.typical, desc.hostile
		t.Goal("< 5 ms", ty.n > 0 && ty.errors == 0 && ty.cpuPerReq < 5, fmt.Sprintf("typical 1 KB story: CPU per request (%d requests)", ty.n), report.MS(ty.cpuPerReq), report.MS(desc.nativeTypical), report.Ratio(ty.cpuPerReq, desc.nativeTypical))
		t.Add("  latency p50 / p99", fmt.Sprintf("%.2f / %.2f ms", ty.p50, ty.p99), "", "")
		t.Goal("< 50 ms", ho.n > 0 && ho.errors == 0 && ho.cpuPerReq < 50, fmt.Sprintf("hostile 8 KB story: CPU per request (%d requests)", ho.n), report.MS(ho.cpuPerReq), report.MS(desc.nativeHostile), report.Ratio(ho.cpuPerReq, desc.nativeHostile))
		t.Add("  latency p50 / p99", fmt.Sprintf("%.1f / %.1f ms", ho.p50, ho.p99), "", "")
		t.Add(fmt.Sprintf("first typical describe in a fresh workerd: latency / CPU (median of %d)", len(desc.firstLat)),
			fmt.Sprintf("%.0f / %.0f ms", median(desc.firstLat), median(desc.firstCPU)), "", "")
		t.Note("first describe, each run: latency %s ms; CPU %s ms (the tone check reads its compiled lexicons then)", runs(desc.firstLat), runs(desc.firstCPU))
		t.Note("Worker: workerd's CPU time (/proc, 10 ms ticks) over the run / requests; native: web.New in this process, wall time per request, one at a time")
		t.Note("bodies: %s, %s", typicalFile, hostileFile)
		if ty.errors+ho.errors > 0 {
			t.Note("errors (non-200 or no answer): typical %d, hostile %d", ty.errors, ho.errors)
		}
		tables = append(tables, t)

		m := &report.Table{Title: fmt.Sprintf("POST /api/v1/assess over %d connections while %d clients send the hostile describe (Go Worker, workerd alone)", assessConns, describeClients),
			Cols: []string{"assess alone", "under describe load"}}
		a, l := desc.alone, desc.loaded
		m.Add("assess req/s", frps(a.rps), frps(l.rps), report.Ratio(l.rps, a.rps))
		m.Add("assess p50", report.MS(a.p50), report.MS(l.p50), report.Ratio(l.p50, a.p50))
		m.Add("assess p99", report.MS(a.p99), report.MS(l.p99), report.Ratio(l.p99, a.p99))
		m.Goal("served, 0 errors", l.n > 0 && a.errors+l.errors == 0, "assessments answered / errors", fmt.Sprintf("%d / %d", a.n, a.errors), fmt.Sprintf("%d / %d", l.n, l.errors), "")
		m.Add("hostile describes answered alongside / errors", "", fmt.Sprintf("%d / %d", desc.describes, desc.describeErrs), "")
		m.Note("each side runs up to 3000 assessments or 10 s; ratio is under load / alone")
		if desc.describeErr != "" {
			m.Note("first describe error: %s", desc.describeErr)
		}
		tables = append(tables, m)
	}
	if has("throughput") {
		tables = append(tables, throughputTable("Throughput, workerd alone, the dry-run bundles (closer to production)", eps, gow.res2, jsw.res2,
			map[string]bool{"GET /": true, "POST /api/v1/assess": true}, *requests, *single))
	}
	if has("wrangler") {
		t := throughputTable("Throughput, wrangler dev (as make dev: its proxy and inspector in the path)", eps, gow.res, jsw.res,
			map[string]bool{"GET /healthz": true, "GET /": true, "POST /api/v1/assess": true}, *devN, *devSingle)
		as := gow.res["POST /api/v1/assess"]
		t.Goal("< 5 ms", as.p50one < 5, "POST /api/v1/assess one-connection p50", report.MS(as.p50one), report.MS(jsw.res["POST /api/v1/assess"].p50one), "")
		tables = append(tables, t)
	}
	if has("size") {
		t := &report.Table{Title: "Size and memory", Cols: []string{"Go", "JS"}}
		t.Goal("<= 1536 KiB gzip", gow.gzip <= 1536, "upload (wrangler deploy --dry-run)", gow.upload, jsw.upload, "")
		sys, _ := memAfter["sys"].(float64)
		t.Goal("< 128 MB", sys > 0 && sys < 128e6, fmt.Sprintf("Go runtime memory after %d more requests (workerd alone)", *memReqs), fmt.Sprintf("%.1f MB", sys/1e6), "", "")
		t.Add("workerd resident size at the end (workerd alone)", fmt.Sprintf("%.0f MB", rssGo), fmt.Sprintf("%.0f MB", rssJS), "")
		t.Note("Go runtime memory: %v", memAfter)
		t.Note("size floors, gzip of the wasm alone (go build -trimpath -ldflags='-s -w'):")
		for _, f := range floors {
			t.Note("  %-62s %7.0f KiB", f.name, f.gzip)
		}
		tables = append(tables, t)
	}
	if has("fuzz") {
		tables = append(tables, fuzzTable(reqs, native, edge))
	}

	for _, t := range tables {
		t.Print(os.Stdout)
	}
	if report.Summary(os.Stdout, tables) {
		os.RemoveAll(tmp)
		os.Exit(1)
	}
}

// throughputTable prints, per endpoint, requests/s over -c connections
// with a goal of half the JS Worker's where goals says so, latencies over
// those connections and over one, and CPU per request.
func throughputTable(title string, eps []endpoint, gores, jsres map[string]result, goals map[string]bool, n, single int) *report.Table {
	t := &report.Table{Title: title, Cols: []string{"Go", "JS"}}
	var goErrs, jsErrs int
	for _, ep := range eps {
		g, j := gores[ep.name], jsres[ep.name]
		name := fmt.Sprintf("%s req/s (%d conns)", ep.name, *conns)
		if goals[ep.name] {
			t.Goal(">= 0.5 of JS", g.rps >= j.rps/2, name, frps(g.rps), frps(j.rps), report.Ratio(g.rps, j.rps))
		} else {
			t.Add(name, frps(g.rps), frps(j.rps), report.Ratio(g.rps, j.rps))
		}
		t.Add("  p50 / p99", fmt.Sprintf("%.2f / %.2f ms", g.p50, g.p99), fmt.Sprintf("%.2f / %.2f ms", j.p50, j.p99), "")
		t.Add("  one connection p50 / p99", fmt.Sprintf("%.2f / %.2f ms", g.p50one, g.p99one), fmt.Sprintf("%.2f / %.2f ms", j.p50one, j.p99one), "")
		t.Add("  CPU per request", fmt.Sprintf("%.2f ms", g.cpuPerReq), fmt.Sprintf("%.2f ms", j.cpuPerReq), report.Ratio(g.cpuPerReq, j.cpuPerReq))
		goErrs += g.errors
		jsErrs += j.errors
	}
	t.Goal("0", goErrs+jsErrs == 0, "errors (non-200 or no answer) in these runs", fmt.Sprint(goErrs), fmt.Sprint(jsErrs), "")
	t.Note("%d requests per endpoint over %d connections after 500 to warm up, then %d over one connection; CPU from workerd's /proc times", n, *conns, single)
	t.Note("GET /: the Go Worker renders the start page; the JS Worker answers a fixed 60-byte page")
	return t
}

// fuzzTable reports the fuzz of both runtimes.
func fuzzTable(reqs []fuzzReq, native, edge fuzzRes) *report.Table {
	t := &report.Table{Title: fmt.Sprintf("Fuzz: %d seeded odd requests (seed %d), one at a time, loopback", len(reqs), *fuzzSeed), Cols: []string{"native", "Worker (workerd)"}}
	sent := func(r fuzzRes) string {
		s := fmt.Sprintf("%d in %.0f s", r.sent, r.took.Seconds())
		if r.timedOut {
			s += fmt.Sprintf(" (stopped at %s)", *fuzzTime)
		}
		return s
	}
	t.Add("requests sent", sent(native), sent(edge), "")
	t.Goal("0", native.transport+edge.transport == 0, "well-formed requests without an answer", fmt.Sprint(native.transport), fmt.Sprint(edge.transport), "")
	t.Goal("0", native.fiveXX+edge.fiveXX == 0, "well-formed requests answered 5xx", fmt.Sprint(native.fiveXX), fmt.Sprint(edge.fiveXX), "")
	t.Goal("0", native.malformed+edge.malformed == 0, "malformed bodies (invalid JSON, NUL padding)", fmt.Sprint(native.malformed), fmt.Sprint(edge.malformed), "")
	t.Goal("yes", native.healthy && edge.healthy, "GET /healthz answers 200 after the fuzz", yes(native.healthy), yes(edge.healthy), "")
	t.Add("text answers with NUL characters inside (echoed input)", fmt.Sprint(native.nulInside), fmt.Sprint(edge.nulInside), "")
	t.Add("not well-formed HTTP sent (raw bytes, undefined methods)", fmt.Sprint(native.badSent), fmt.Sprint(edge.badSent), "")
	t.Add("  answered 5xx", fmt.Sprint(native.badFiveXX), fmt.Sprint(edge.badFiveXX), "")
	t.Add("  no answer / closed without an answer", fmt.Sprintf("%d / %d", native.badTransport, native.rawNoAnswer), fmt.Sprintf("%d / %d", edge.badTransport, edge.rawNoAnswer), "")
	n, diffs := statusDiffs(reqs, native, edge)
	for _, side := range []struct {
		name string
		r    fuzzRes
	}{{"native", native}, {"Worker", edge}} {
		if len(side.r.byClass) == 0 {
			continue
		}
		var classes []string
		for k, v := range side.r.byClass {
			classes = append(classes, fmt.Sprintf("%s: %d", k, v))
		}
		slices.Sort(classes)
		t.Note("%s failures by class and request kind: %s", side.name, strings.Join(classes, ", "))
		for _, e := range side.r.examples {
			t.Note("  %s %s", side.name, e)
		}
	}
	if len(diffs) > 0 {
		t.Note("%d requests were answered with different statuses by the two runtimes (not a goal); a few:", n)
		for _, d := range diffs {
			t.Note("  %s", d)
		}
	}
	t.Note("not well-formed HTTP is answered by Cloudflare's front line in production and by workerd's HTTP layer here, before any Worker runs: not a goal")
	t.Note("replay: go run ./bench/edge -only fuzz -fuzz-seed %d -fuzz-n %d (request #i depends on the seed only)", *fuzzSeed, len(reqs))
	return t
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
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

// plain is the client of single requests (status, get): kept-alive
// connections, and a bound on every request.
var plain = &http.Client{Timeout: 30 * time.Second}

func status(url string) int {
	res, err := plain.Get(url)
	if err != nil {
		return 0
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

func get(url string) []byte {
	res, err := plain.Get(url)
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

// tmpDir holds the dry-run bundles and builds; fail removes it.
var tmpDir string

// fail stops the servers still running, removes tmpDir and exits with
// status 2.
func fail(msg string) {
	stopAll()
	if tmpDir != "" {
		os.RemoveAll(tmpDir)
	}
	fmt.Fprintln(os.Stderr, "bench/edge:", msg)
	os.Exit(2)
}
