package main

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// link is a network profile for Chromium's emulation: throughput in
// bytes/s, latency in ms (added to every request, as an RTT).
type link struct {
	down, up, rtt float64
}

func (l link) String() string {
	return fmt.Sprintf("%.1f Mbps down, %.0f kbps up, %.0f ms RTT", l.down*8/1e6, l.up*8/1e3, l.rtt)
}

// emulateParams are the parameters of Network.emulateNetworkConditions,
// which cdproto no longer lists (it is deprecated in favour of
// emulateNetworkConditionsByRule) but Chromium still runs.
type emulateParams struct {
	Offline            bool    `json:"offline"`
	Latency            float64 `json:"latency"`
	DownloadThroughput float64 `json:"downloadThroughput"`
	UploadThroughput   float64 `json:"uploadThroughput"`
}

var emulateNetworkConditions = cdp.Command[emulateParams, cdp.Empty]{Method: "Network.emulateNetworkConditions"}

// slowLoad is one load of a page over an emulated link, with an empty
// cache, from navigation start (ms).
type slowLoad struct {
	paint, form, ready float64 // first contentful paint; the first question's form parsed; wasm ready
	wasmEncoded        float64 // bytes of app.wasm on the wire (its body)
	wasmDecoded        float64 // bytes of app.wasm once decoded
	total              float64 // bytes of every body received by the time the wasm was ready
	timedOut           bool
	err                error
}

// formMark marks "calmclaim-form" as soon as the first question's form
// and its continue button are in the document: the page is usable
// before the wasm (the form posts to the server).
const formMark = `(() => {
  const mark = () => {
    if (!document.querySelector('form[data-testid=question] [data-testid=continue]')) return false;
    performance.mark('calmclaim-form');
    return true;
  };
  if (mark()) return;
  const mo = new MutationObserver(() => { if (mark()) mo.disconnect(); });
  mo.observe(document, {childList: true, subtree: true});
})();`

// loadSlow loads url in a new browser context (empty HTTP cache, no
// compiled wasm kept) over l, and waits up to limit for the wasm.
func loadSlow(bctx context.Context, url string, l link, limit time.Duration) slowLoad {
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
	defer cancel()
	setup := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, t, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, t, emulateNetworkConditions, emulateParams{Latency: l.rtt, DownloadThroughput: l.down, UploadThroughput: l.up}); err != nil {
			return fmt.Errorf("Network.emulateNetworkConditions: %w", err)
		}
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: formMark})
		return err
	})
	if err := chromedp.Do(ctx, setup); err != nil {
		return slowLoad{err: err}
	}
	tctx, tcancel := context.WithTimeout(ctx, limit)
	defer tcancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(url)); err != nil {
		return slowLoad{err: err, timedOut: tctx.Err() != nil}
	}
	for {
		ok, err := chromedp.Run(tctx, chromedp.Evaluate[bool](`document.documentElement.getAttribute("data-wasm") === "ready"`))
		if err == nil && ok {
			break
		}
		if tctx.Err() != nil {
			return slowLoad{timedOut: true}
		}
		time.Sleep(20 * time.Millisecond)
	}
	v, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
		const at = name => (performance.getEntriesByName(name)[0] || {startTime: -1}).startTime;
		const ready = at("calmclaim-ready");
		const wasm = performance.getEntriesByType("resource").find(r => /\.wasm$/.test(r.name)) || {encodedBodySize: 0, decodedBodySize: 0};
		let total = performance.getEntriesByType("navigation")[0].encodedBodySize;
		for (const r of performance.getEntriesByType("resource")) if (r.responseEnd <= ready) total += r.encodedBodySize;
		return [at("first-contentful-paint"), at("calmclaim-form"), ready, wasm.encodedBodySize, wasm.decodedBodySize, total];
	})()`))
	if err != nil {
		return slowLoad{err: err}
	}
	return slowLoad{paint: v[0], form: v[1], ready: v[2], wasmEncoded: v[3], wasmDecoded: v[4], total: v[5]}
}
