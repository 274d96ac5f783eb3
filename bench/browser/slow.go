package main

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The slow phone link of the caching issue: 1.6 Mbps down, 150 ms latency.
const (
	slowBytesPerSec = 1.6e6 / 8
	slowLatencyMs   = 150
)

// slowLink loads /dispute over an emulated slow link twice: from a cold
// cache, and again as a returning buyer (static files from the cache). It
// prints when the page was usable (DOMContentLoaded: the question works as
// a form), when the wasm was ready, and the bytes that crossed the link.
func slowLink(bctx context.Context, base string) {
	fmt.Printf("  over an emulated %.1f Mbps / %d ms link (goal: wasm ready < 6 s from a cold cache):\n", slowBytesPerSec*8/1e6, slowLatencyMs)
	must(chromedp.Do(bctx, call(network.ClearBrowserCache, cdp.Empty{})))
	for _, visit := range []string{"cold cache", "returning"} {
		ctx, cancel := chromedp.NewContext(bctx)
		must(chromedp.Do(ctx, call(network.Enable, network.EnableParams{})))
		must2(chromedp.Run(ctx, chromedp.Action[network.EmulateNetworkConditionsByRuleResult](
			func(ctx context.Context, t *chromedp.Target) (network.EmulateNetworkConditionsByRuleResult, error) {
				return cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
					MatchedNetworkConditions: []*network.Conditions{{Latency: slowLatencyMs,
						DownloadThroughput: slowBytesPerSec, UploadThroughput: slowBytesPerSec}}})
			})))
		must(chromedp.Do(ctx, chromedp.Navigate(base+"/dispute")))
		waitFor(ctx, `document.documentElement.getAttribute("data-wasm") === "ready"`, 120*time.Second)
		usable := num(ctx, `performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd`)
		ready := num(ctx, `performance.getEntriesByName("calmclaim-ready")[0].startTime`)
		sent := num(ctx, `performance.getEntriesByType("navigation")[0].transferSize +
			performance.getEntriesByType("resource").reduce((n, r) => n + r.transferSize, 0)`)
		wasm := num(ctx, `(performance.getEntriesByType("resource").find(r => /\.wasm$/.test(r.name))||{transferSize:0}).transferSize`)
		fmt.Printf("    %-10s  usable %5.2f s   wasm ready %5.2f s   %7.1f KB over the link (wasm %.1f KB)\n",
			visit, usable/1000, ready/1000, sent/1000, wasm/1000)
		cancel()
	}
}

// call wraps a protocol command without a result as an action.
func call[P any](c cdp.Command[P, cdp.Empty], p P) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, c, p)
		return chromedp.Void{}, err
	}
}
