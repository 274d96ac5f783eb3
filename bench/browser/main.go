// Command browser measures Calmclaim in headless Chromium on loopback, in
// one run: time to first paint, time until the wasm is ready, bytes
// transferred before the first question is usable, time per wizard step
// with the wasm, and evidence-bundle throughput and memory in the page
// against the same Go code natively. make bench-browser runs it.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/calmclaim/calmclaim/assistant/bundle"
	"github.com/calmclaim/calmclaim/web"
)

func main() {
	mib := flag.Int("bundle-mib", 1024, "size of the synthetic video bundled, in MiB")
	runs := flag.Int("runs", 5, "page loads measured")
	nativeOnly := flag.Bool("native-only", false, "bundle natively, print the seconds and exit (run by the benchmark itself)")
	base := flag.String("base", "", "measure this server (e.g. the Worker under make dev) instead of the native handler")
	slowOnly := flag.Bool("slow-only", false, "only the loads over the emulated slow link")
	flag.Parse()
	if *nativeOnly {
		fmt.Println(nativeBundle(*mib << 20))
		return
	}
	if *base == "" {
		srv := httptest.NewServer(web.New(web.Options{}))
		defer srv.Close()
		*base = srv.URL
	}
	dir, _ := os.MkdirTemp("", "calmclaim-bench-")
	defer os.RemoveAll(dir)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath("/usr/bin/chromium"), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("enable-precise-memory-info", true), chromedp.UserDataDir(dir))
	defer cancelA()
	bctx, cancelB := chromedp.NewContext(actx)
	defer cancelB()
	must(chromedp.Do(bctx))

	fmt.Printf("Calmclaim in the browser (headless Chromium, %s), page: /dispute\n", *base)
	slowLink(bctx, *base)
	if *slowOnly {
		return
	}
	var paint, ready, bytesUsable []float64
	for i := 0; i < *runs; i++ {
		ctx, cancel := chromedp.NewContext(bctx) // a new tab: nothing in memory, the HTTP cache is shared
		must(chromedp.Do(ctx, chromedp.Navigate(*base+"/dispute")))
		wait(ctx, `document.documentElement.getAttribute("data-wasm") === "ready"`)
		paint = append(paint, num(ctx, `(performance.getEntriesByName("first-contentful-paint")[0]||{startTime:-1}).startTime`))
		ready = append(ready, num(ctx, `performance.getEntriesByName("calmclaim-ready")[0].startTime`))
		// Usable = the HTML, its stylesheets and app.js: the question works as a form before the wasm.
		bytesUsable = append(bytesUsable, num(ctx, `(() => {
			const nav = performance.getEntriesByType("navigation")[0];
			let n = nav.encodedBodySize;
			for (const r of performance.getEntriesByType("resource"))
				if (!/\.wasm$|\/wasm_exec\./.test(r.name) && r.responseEnd <= nav.domContentLoadedEventEnd + 1) n += r.encodedBodySize;
			return n; })()`))
		cancel()
	}
	ctx, cancel := chromedp.NewContext(bctx)
	defer cancel()
	must(chromedp.Do(ctx, chromedp.Navigate(*base+"/dispute")))
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
	fmt.Printf("  time to first paint            median %6.1f ms   (goal: none set)\n", median(paint))
	fmt.Printf("  wasm ready after navigation    median %6.1f ms   (goal < 300 ms)\n", median(ready))
	fmt.Printf("  bytes before the question works median %6.1f KB  (goal < 100 KB; the wasm, %.0f KB, comes after)\n", median(bytesUsable)/1000, wasmBytes/1000)
	fmt.Printf("  one wizard step with the wasm  mean   %6.2f ms   (goal < 5 ms; render + DOM swap, 200 steps)\n", step)

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
	must(chromedp.Do(ctx, chromedp.Navigate(*base+"/dispute/evidence?claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=false&refund_asked=true&refund_requested_on=2026-11-01")))
	wait(ctx, `document.documentElement.getAttribute("data-wasm") === "ready"`)
	browser := must2(chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(`(async () => {
		const chunk = new Uint8Array(1 << 20); for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31) & 255;
		const parts = []; for (let i = 0; i < %d; i++) parts.push(new Blob([chunk]));
		const file = new File(parts, "clip.mp4", {type: "video/mp4"});
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
		const t0 = performance.now();
		const res = await Calmclaim.bundle({today: "2026-11-22", facts: {claim: "broken", paid_on_platform: true, refund_requested_on: "2026-11-01"}},
			[{id: "unboxing_video", file}]);
		const secs = (performance.now() - t0) / 1000;
		clearInterval(timer);
		return [res.blob.size, secs, (peak - base) / 1048576, Calmclaim.memory ? Calmclaim.memory() / 1048576 : -1, readSecs];
	})()`, *mib), chromedp.EvalAwaitPromise)))
	mbps := func(secs float64) float64 { return float64(size) / 1e6 / secs }
	fmt.Printf("  bundle of a %d MiB video:\n", *mib)
	fmt.Printf("    in the page     %7.1f MB/s   JS heap peak +%.1f MiB, Go wasm memory %.1f MiB\n", mbps(browser[1]), browser[2], browser[3])
	fmt.Printf("    reading the File alone in the page, nothing done to the bytes: %.1f MB/s (the page's ceiling)\n", mbps(browser[4]))
	fmt.Printf("    natively        %7.1f MB/s   (SHA-256 on the CPU's SHA instructions where it has them)\n", mbps(native))
	fmt.Printf("    browser/native  %7.2f        (goal >= 0.5; memory goal < 64 MiB above baseline)\n", mbps(browser[1])/mbps(native))
	fmt.Printf("    for context, natively with portable SHA-256 (GODEBUG=cpu.sha=off,cpu.avx2=off): %.1f MB/s, browser/that %.2f\n",
		mbps(portable), mbps(browser[1])/mbps(portable))
}

// nativeBundle bundles size bytes of the synthetic video natively, to
// io.Discard, and returns the seconds it took.
func nativeBundle(size int) float64 {
	t0 := time.Now()
	bw := bundle.NewWriter(io.Discard, bundle.Case{}, bundle.Options{ChunkSize: 1 << 20})
	must2(bw.AddFile("unboxing_video", "clip.mp4", "video/mp4", io.LimitReader(&pattern{}, int64(size))))
	must(bw.Close())
	return time.Since(t0).Seconds()
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

func wait(ctx context.Context, cond string) { waitFor(ctx, cond, 30*time.Second) }

func waitFor(ctx context.Context, cond string, timeout time.Duration) {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond)); err == nil && ok {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	fmt.Fprintln(os.Stderr, "timed out waiting for", cond)
	os.Exit(1)
}

func num(ctx context.Context, expr string) float64 {
	return must2(chromedp.Run(ctx, chromedp.Evaluate[float64](expr)))
}

func median(xs []float64) float64 {
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
		os.Exit(1)
	}
}

func must2[T any](v T, err error) T {
	must(err)
	return v
}
