// Command browser measures Calmclaim in headless Chromium, in one run:
//
//   - on loopback, with the native server (web/cmd/calmclaim, as make run
//     serves it): time to first paint, time until the wasm is ready, bytes
//     transferred before the first question is usable, time per wizard
//     step with the wasm;
//   - on a slow link (Chromium's network emulation, by default 1.6 Mbps
//     down, 750 kbps up, 150 ms RTT) with an empty cache, through both
//     runtimes, the native server and the Worker under wrangler dev (its
//     static assets as Workers Static Assets serves them): first paint, the
//     first question's form present, wasm ready, and the wasm's bytes on
//     the wire;
//   - evidence-bundle throughput and memory in the page against the page's
//     own SHA-256 module alone (the same run) and against the same Go code
//     natively.
//
// It prints a table per set with the goals and exits 1 if one is missed.
// make bench-browser runs it (after make browser and make build).
package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/calmclaim/calmclaim/assistant/bundle"
	"github.com/calmclaim/calmclaim/bench/internal/report"
	"github.com/calmclaim/calmclaim/wasm/browser/sha256wasm"
)

// cleanup runs before any exit: servers to stop, folders to remove.
var cleanup []func()

func exit(code int) {
	for i := len(cleanup) - 1; i >= 0; i-- {
		cleanup[i]()
	}
	os.Exit(code)
}

func main() {
	mib := flag.Int("bundle-mib", 1024, "size of the synthetic video bundled, in MiB")
	bundleRuns := flag.Int("bundle-runs", 3, "bundles in the page, each after a run of the SHA-256 module alone; the fastest of each is reported")
	runs := flag.Int("runs", 5, "page loads measured on loopback")
	slowRuns := flag.Int("slow-runs", 1, "page loads per runtime on the slow link (0: none)")
	downKbps := flag.Float64("down-kbps", 1600, "slow link: download throughput, kbit/s")
	upKbps := flag.Float64("up-kbps", 750, "slow link: upload throughput, kbit/s")
	rtt := flag.Float64("rtt", 150, "slow link: round-trip time, ms")
	slowLimit := flag.Duration("slow-limit", 150*time.Second, "longest wait for the wasm on the slow link")
	worker := flag.Bool("worker", true, "also load the page through the Worker (wrangler dev; needs make build and npm ci)")
	nativeOnly := flag.Bool("native-only", false, "bundle natively, print the seconds and exit (run by the benchmark itself)")
	flag.Parse()
	if *nativeOnly {
		fmt.Println(nativeBundle(*mib << 20))
		return
	}
	dir, _ := os.MkdirTemp("", "calmclaim-bench-")
	cleanup = append(cleanup, func() { os.RemoveAll(dir) })
	srv, err := startNative(dir)
	must(err)
	cleanup = append(cleanup, srv.Stop)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath("/usr/bin/chromium"), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("enable-precise-memory-info", true), chromedp.UserDataDir(dir))
	cleanup = append(cleanup, cancelA)
	bctx, cancelB := chromedp.NewContext(actx)
	cleanup = append(cleanup, cancelB)
	must(chromedp.Do(bctx))
	var tables []*report.Table

	fmt.Println("Calmclaim in the browser (headless Chromium), page: /dispute")
	var paint, ready, bytesUsable []float64
	for i := 0; i < *runs; i++ {
		ctx, cancel := chromedp.NewContext(bctx) // a new tab: nothing in memory, the HTTP cache is shared
		must(chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/dispute")))
		wait(ctx, `document.documentElement.getAttribute("data-wasm") === "ready"`)
		paint = append(paint, num(ctx, `(performance.getEntriesByName("first-contentful-paint")[0]||{startTime:-1}).startTime`))
		ready = append(ready, num(ctx, `performance.getEntriesByName("calmclaim-ready")[0].startTime`))
		// Usable = the HTML, its stylesheets and app.js: the question works as a form before the wasm.
		bytesUsable = append(bytesUsable, num(ctx, `(() => {
			const nav = performance.getEntriesByType("navigation")[0];
			let n = nav.encodedBodySize;
			for (const r of performance.getEntriesByType("resource"))
				if (!/\.wasm$|wasm_exec[.0-9a-f]*\.js$/.test(r.name) && r.responseEnd <= nav.domContentLoadedEventEnd + 1) n += r.encodedBodySize;
			return n; })()`))
		cancel()
	}
	ctx, cancel := chromedp.NewContext(bctx)
	defer cancel()
	must(chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/dispute")))
	wait(ctx, `document.documentElement.getAttribute("data-wasm") === "ready"`)
	wasmBytes := num(ctx, `(performance.getEntriesByType("resource").find(r => /\.wasm$/.test(r.name))||{encodedBodySize:0}).encodedBodySize`)
	step := num(ctx, `(() => {
		const steps = ["", "claim=broken", "claim=broken&paid_on_platform=true", "claim=broken&paid_on_platform=true&conduct=none",
		  "claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund"];
		const n = 200, t0 = performance.now();
		for (let i = 0; i < n; i++) {
			const r = Calmclaim.render("/dispute", steps[i % steps.length]);
			const doc = new DOMParser().parseFromString(r.html, "text/html");
			document.body.replaceChildren(...Array.from(doc.body.childNodes).map(x => document.adoptNode(x)));
		}
		return (performance.now() - t0) / n; })()`)
	lo := &report.Table{Title: fmt.Sprintf("Loopback, native server (median of %d loads in new tabs sharing the HTTP cache)", *runs), Cols: []string{"native"}}
	lo.Add("time to first paint", report.MS(median(paint)), "")
	lo.Goal("< 300 ms", median(ready) < 300, "wasm ready after navigation", report.MS(median(ready)), "")
	lo.Goal("< 100 KB", median(bytesUsable) < 100e3, "bytes before the question works (HTML, CSS, app.js)", report.KB(median(bytesUsable)), "")
	lo.Add("app.wasm on the wire (comes after)", report.KB(wasmBytes), "")
	lo.Goal("< 5 ms", step < 5, "one wizard step with the wasm (render + DOM swap, mean of 200)", report.MS(step), "")
	tables = append(tables, lo)

	if *slowRuns > 0 {
		l := link{down: *downKbps * 1000 / 8, up: *upKbps * 1000 / 8, rtt: *rtt}
		rts := []struct {
			name string
			url  string
		}{{"native", srv.URL}}
		if *worker {
			ws, err := startWorker()
			must(err)
			cleanup = append(cleanup, ws.Stop)
			// The Worker's Go runtime starts on the first request: measure
			// a warm isolate, as a deployed Worker mostly is.
			warm(ws.URL + "/dispute")
			rts = append(rts, struct{ name, url string }{"Worker (wrangler dev)", ws.URL})
		}
		tables = append(tables, slowTable(bctx, l, rts, *slowRuns, *slowLimit))
	}

	// Bundle throughput: the same synthetic video through the same Go code,
	// in the page (File slices into Blobs) and natively (to io.Discard).
	size := *mib << 20
	// Natively first, while the browser is idle: after the page's bundle
	// Chromium goes on freeing a gigabyte of Blobs and would slow it down.
	native := nativeBundle(size)
	// The same, with Go's SHA-256 on its portable code (no SHA or AVX2
	// instructions): the algorithm the page has to run in software.
	self, err := os.Executable()
	must(err)
	cmd := exec.Command(self, "-native-only", "-bundle-mib", strconv.Itoa(*mib))
	cmd.Env = append(os.Environ(), "GODEBUG=cpu.sha=off,cpu.avx2=off")
	out, err := cmd.Output()
	must(err)
	portable, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	must(err)
	must(chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/dispute/evidence?claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=false&refund_asked=true&refund_requested_on=2026-11-01&protection_ends_on=unknown")))
	wait(ctx, `document.documentElement.getAttribute("data-wasm") === "ready"`)
	head, tail := mp4Parts(size)
	browser := must2(chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(`(async () => {
		const b64 = s => Uint8Array.from(atob(s), c => c.charCodeAt(0));
		const chunk = new Uint8Array(1 << 20); for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31) & 255;
		const parts = [new Blob([b64(%q)])]; for (let i = 0; i < %d; i++) parts.push(new Blob([chunk]));
		parts.push(new Blob([b64(%q)]));
		const file = new File(parts, "clip.mp4", {type: "video/mp4"});
		// The page's own SHA-256 module (package sha256wasm) alone, on the
		// same number of bytes: each 1 MiB chunk copied into its memory and
		// hashed, as the bundle hands it chunks.
		const mod = (await WebAssembly.instantiate(b64(%q))).instance.exports;
		const mem = new Uint8Array(mod.memory.buffer);
		const hash = () => {
			const h0 = performance.now();
			for (let i = 0; i < %d; i++) { mem.set(chunk, %d); mod.blocks(%d, chunk.length / 64); }
			return (performance.now() - h0) / 1000;
		};
		const base = performance.memory ? performance.memory.usedJSHeapSize : 0;
		let peak = base; const timer = setInterval(() => { peak = Math.max(peak, performance.memory.usedJSHeapSize); }, 20);
		// The ceiling: reading the same File in the page, with nothing done
		// to the bytes (the BYOB reader the bundle uses, one reused buffer).
		const r0 = performance.now();
		const reader = file.stream().getReader({mode: "byob"});
		let buf = new ArrayBuffer(1 << 20);
		for (;;) {
			const {done, value} = await reader.read(new Uint8Array(buf));
			if (done) break;
			buf = value.buffer;
		}
		const readSecs = (performance.now() - r0) / 1000;
		// The module alone, then the bundle, %d times in turn: on a shared
		// machine other work slows either at times; the fastest of each
		// is compared.
		let hashSecs = Infinity, secs = Infinity, size = 0;
		for (let run = 0; run < %d; run++) {
			hashSecs = Math.min(hashSecs, hash());
			const t0 = performance.now();
			const res = await Calmclaim.bundle({today: "2026-11-22", facts: {claim: "broken", paid_on_platform: true, refund_requested_on: "2026-11-01"}},
				[{id: "unboxing_video", file}]);
			secs = Math.min(secs, (performance.now() - t0) / 1000);
			if (!res.files[0].metadata_removed || res.files[0].truncated) throw new Error("the video was not cleaned");
			if (res.sha256 !== "worker") throw new Error("the bundle hashed with " + res.sha256 + ", not the worker");
			size = res.blob.size;
		}
		clearInterval(timer);
		return [size, secs, (peak - base) / 1048576, Calmclaim.memory ? Calmclaim.memory() / 1048576 : -1, readSecs, hashSecs];
	})()`, base64.StdEncoding.EncodeToString(head), *mib, base64.StdEncoding.EncodeToString(tail),
		base64.StdEncoding.EncodeToString(sha256wasm.Module()), *mib, sha256wasm.DataOffset, sha256wasm.DataOffset, *bundleRuns, *bundleRuns), chromedp.EvalAwaitPromise)))
	mbps := func(secs float64) float64 { return float64(size) / 1e6 / secs }
	mb := func(secs float64) string { return fmt.Sprintf("%.1f MB/s", mbps(secs)) }
	bt := &report.Table{Title: fmt.Sprintf("Evidence bundle of a %d MiB video (an MP4, cleaned): in the page (loopback) against the page's SHA-256 module and natively", *mib), Cols: []string{"in the page", "against"}}
	bt.Goal(">= 0.8", mbps(browser[1])/mbps(browser[5]) >= 0.8, "bundle throughput against the page's own SHA-256 module (sha256wasm alone, same run)", mb(browser[1]), mb(browser[5]), report.Ratio(mbps(browser[1]), mbps(browser[5])))
	bt.Goal(">= 0.5", mbps(browser[1])/mbps(native) >= 0.5, "bundle throughput against natively (SHA-256 on the CPU's SHA instructions)", mb(browser[1]), mb(native), report.Ratio(mbps(browser[1]), mbps(native)))
	bt.Add("  the same, natively with portable SHA-256 (for context)", mb(browser[1]), mb(portable), report.Ratio(mbps(browser[1]), mbps(portable)))
	bt.Add("reading the File alone in the page (the page's ceiling)", mb(browser[4]), "", "")
	bt.Goal("< 64 MiB", browser[2] < 64, "JS heap peak above baseline while bundling", fmt.Sprintf("+%.1f MiB", browser[2]), "", "")
	bt.Add("Go wasm memory", fmt.Sprintf("%.1f MiB", browser[3]), "", "")
	bt.Note("portable SHA-256: GODEBUG=cpu.sha=off,cpu.avx2=off, the algorithm the page has to run in software")
	bt.Note("the module alone: 1 MiB chunks copied into its memory and hashed, in the same page; it and the bundle ran %d times in turn, the fastest of each shown;", *bundleRuns)
	bt.Note("the bundle hashes with the same module in a worker (web/static/sha256-worker.js) while the page's thread reads, cleans and zips")
	tables = append(tables, bt)

	for _, t := range tables {
		t.Print(os.Stdout)
	}
	if report.Summary(os.Stdout, tables) {
		exit(1)
	}
	exit(0)
}

// slowTable loads /dispute runs times per runtime over l and reports the
// medians.
func slowTable(bctx context.Context, l link, rts []struct{ name, url string }, runs int, limit time.Duration) *report.Table {
	t := &report.Table{Title: fmt.Sprintf("Slow link (%s; Chromium network emulation), /dispute with an empty cache, median of %d", l, runs)}
	type agg struct{ paint, form, ready, enc, dec, total []float64 }
	var res []agg
	for _, rt := range rts {
		t.Cols = append(t.Cols, rt.name)
		var a agg
		for range runs {
			s := loadSlow(bctx, rt.url+"/dispute", l, limit)
			if s.err != nil && !s.timedOut {
				fmt.Fprintf(os.Stderr, "slow load through %s: %v\n", rt.name, s.err)
				exit(2)
			}
			if s.timedOut {
				s.ready = -1 // not ready within the limit
			}
			a.paint, a.form, a.ready = append(a.paint, s.paint), append(a.form, s.form), append(a.ready, s.ready)
			a.enc, a.dec, a.total = append(a.enc, s.wasmEncoded), append(a.dec, s.wasmDecoded), append(a.total, s.total)
		}
		res = append(res, a)
	}
	col := func(f func(agg) string) []string {
		var out []string
		for _, a := range res {
			out = append(out, f(a))
		}
		return out
	}
	ratio := func(f func(agg) float64) string {
		if len(res) < 2 {
			return ""
		}
		return report.Ratio(f(res[1]), f(res[0]))
	}
	ms := func(xs []float64) string {
		if m := median(xs); m > 0 {
			return report.MS(m)
		}
		return fmt.Sprintf("not in %s", limit)
	}
	t.Add("time to first paint", append(col(func(a agg) string { return ms(a.paint) }), ratio(func(a agg) float64 { return median(a.paint) }))...)
	t.Add("first question's form present", append(col(func(a agg) string { return ms(a.form) }), ratio(func(a agg) float64 { return median(a.form) }))...)
	readyOK, usable := true, true
	for _, a := range res {
		r := median(a.ready)
		readyOK = readyOK && r > 0 && r < 6000
		usable = usable && r > 0 && median(a.paint) > 0 && median(a.paint) < r && median(a.form) > 0 && median(a.form) < r
	}
	t.Goal("< 6 s", readyOK, "wasm ready", append(col(func(a agg) string { return ms(a.ready) }), ratio(func(a agg) float64 { return median(a.ready) }))...)
	t.Goal("yes, each", usable, "page usable before the wasm (first paint and form before ready)", append(col(func(a agg) string {
		r := median(a.ready)
		if r > 0 && median(a.paint) > 0 && median(a.paint) < r && median(a.form) > 0 && median(a.form) < r {
			return "yes"
		}
		return "no"
	}), "")...)
	t.Add("app.wasm on the wire / decoded", append(col(func(a agg) string {
		enc, dec := median(a.enc), median(a.dec)
		s := fmt.Sprintf("%.0f / %.0f KB", enc/1000, dec/1000)
		if enc > 0 && enc < dec {
			s += " (compressed)"
		}
		return s
	}), ratio(func(a agg) float64 { return median(a.enc) }))...)
	t.Add("app.wasm asked for with Accept-Encoding: br, gzip", append(col2(rts, func(url string) string {
		n, enc := wireSize(url+pageWasm(url), "br, gzip")
		if enc == "" {
			enc = "identity"
		}
		return fmt.Sprintf("%.0f KB (%s)", n/1000, enc)
	}), "")...)
	t.Add("bytes received until the wasm was ready", append(col(func(a agg) string { return report.KB(median(a.total)) }), ratio(func(a agg) float64 { return median(a.total) }))...)
	t.Note("each load in a new browser context with the cache disabled; times from navigation start; ratio is the Worker's over the native server's")
	t.Note("the Worker's assets come from wrangler dev (Workers Static Assets in workerd), which answers Chromium's \"gzip, deflate, br, zstd\" with gzip, its first choice;")
	t.Note("Cloudflare's edge prefers br by default (its Compression Rules docs; application/wasm is compressed): the row asked with br first shows that size.")
	t.Note("The Worker's Go runtime was warm (one request before).")
	return t
}

// pageWasm is the page's wasm address as the server names it (a hashed
// name, on app.js's script tag).
func pageWasm(base string) string {
	res, err := http.Get(base + "/dispute")
	if err != nil {
		return "/static/app.wasm"
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if m := regexp.MustCompile(`data-wasm="([^"]+)"`).FindSubmatch(b); m != nil {
		return string(m[1])
	}
	return "/static/app.wasm"
}

// col2 is f of each runtime's URL.
func col2(rts []struct{ name, url string }, f func(url string) string) []string {
	var out []string
	for _, rt := range rts {
		out = append(out, f(rt.url))
	}
	return out
}

// wireSize gets url with Accept-Encoding ae and returns the body's size as
// sent and its Content-Encoding. Chromium asks for "gzip, deflate, br,
// zstd" and workerd, under wrangler dev, takes the first it supports
// (gzip); with br first it sends br, closer to what Cloudflare's edge sends
// Chromium.
func wireSize(url, ae string) (float64, string) {
	req, err := http.NewRequest("GET", url, nil)
	must(err)
	req.Header.Set("Accept-Encoding", ae)
	res, err := (&http.Client{Transport: &http.Transport{DisableCompression: true}}).Do(req)
	must(err)
	defer res.Body.Close()
	n, err := io.Copy(io.Discard, res.Body)
	must(err)
	return float64(n), res.Header.Get("Content-Encoding")
}

// warm gets url once (the Worker starts its Go runtime on a first request).
func warm(url string) {
	res, err := http.Get(url)
	must(err)
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
}

// nativeBundle bundles the synthetic video of size bytes of frames
// natively, to io.Discard, and returns the seconds it took.
func nativeBundle(size int) float64 {
	head, tail := mp4Parts(size)
	t0 := time.Now()
	bw := bundle.NewWriter(io.Discard, bundle.Case{}, bundle.Options{ChunkSize: 1 << 20})
	f := must2(bw.AddFile("unboxing_video", "clip.mp4", "video/mp4",
		io.MultiReader(bytes.NewReader(head), io.LimitReader(&pattern{}, int64(size)), bytes.NewReader(tail))))
	must(bw.Close())
	if !f.MetadataRemoved || f.Truncated {
		must(fmt.Errorf("the video was not cleaned: %+v", f))
	}
	return time.Since(t0).Seconds()
}

// mp4Parts are what comes before and after size bytes of frames in the
// synthetic video: an ftyp box and the header of an mdat box with a 64-bit
// size; then a moov box with a location in its user data, as a phone's
// video ends. The bundle cleans it as an MP4.
func mp4Parts(size int) (head, tail []byte) {
	box := func(typ string, body ...[]byte) []byte {
		all := bytes.Join(body, nil)
		return append(append(binary.BigEndian.AppendUint32(nil, uint32(8+len(all))), typ...), all...)
	}
	head = box("ftyp", []byte("isom\x00\x00\x02\x00isommp42"))
	head = append(head, 0, 0, 0, 1, 'm', 'd', 'a', 't')
	head = binary.BigEndian.AppendUint64(head, uint64(16+size))
	tail = box("moov", box("mvhd", make([]byte, 100)), box("udta", box("\xa9xyz", []byte("+55.7558+037.6173/"))))
	return head, tail
}

// pattern yields the same bytes as the page's synthetic video: a 1 MiB
// chunk, prepared once and copied, as the page's Blob holds it ready.
type pattern struct{ off int }

var chunk = func() []byte {
	b := make([]byte, 1<<20)
	for i := range b {
		b[i] = byte((i * 31) & 255)
	}
	return b
}()

func (r *pattern) Read(p []byte) (int, error) {
	n := copy(p, chunk[r.off:])
	r.off = (r.off + n) % len(chunk)
	return n, nil
}

func wait(ctx context.Context, cond string) {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond)); err == nil && ok {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	fmt.Fprintln(os.Stderr, "timed out waiting for", cond)
	exit(2)
}

func num(ctx context.Context, expr string) float64 {
	return must2(chromedp.Run(ctx, chromedp.Evaluate[float64](expr)))
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s[len(s)/2]
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		exit(2)
	}
}

func must2[T any](v T, err error) T {
	must(err)
	return v
}
