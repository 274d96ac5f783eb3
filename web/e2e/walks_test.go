package e2e_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// A walk is a buyer's answers, by question, and the verdict they lead to.
// Dates are days before the real today (negative: ahead), typed into the
// day, month and year boxes as a buyer types them; no test-only parameter
// is in any address.
type walk struct {
	name    string
	answers map[string]string // step → value, or "date:N" for N days ago
	outcome string
	h1      string // the verdict's heading, or its start
}

var walks = []walk{
	{"inr in transit waits for the delivery period", map[string]string{"claim": "not_received", "paid_on_platform": "true",
		"tracking": "in_transit", "delivery_deadline": "date:-20", "conduct": "none", "requested_remedy": "full_refund",
		"refund_asked": "true", "refund_requested_on": "date:3"}, "wait", "You can open a dispute from " + longDay(21)},
	{"inr lost, seller not asked yet", map[string]string{"claim": "not_received", "paid_on_platform": "true",
		"tracking": "lost", "conduct": "none", "requested_remedy": "full_refund", "refund_asked": "false"},
		"contact_seller_first", "Ask the seller for a refund first"},
	{"inr never shipped, 12 days after the request", map[string]string{"claim": "not_received", "paid_on_platform": "true",
		"tracking": "not_shipped", "conduct": "none", "requested_remedy": "full_refund", "refund_asked": "true",
		"refund_requested_on": "date:12"}, "eligible", "You can open a dispute now"},
	{"inr tracking says delivered", map[string]string{"claim": "not_received", "paid_on_platform": "true",
		"tracking": "delivered"}, "not_eligible", "A dispute for this is unlikely to succeed"},
	{"snad different size", map[string]string{"claim": "not_as_described", "paid_on_platform": "true",
		"complaint": "different_spec", "conduct": "none", "requested_remedy": "partial_refund", "refund_asked": "true",
		"refund_requested_on": "date:15"}, "eligible", "You can open a dispute now"},
	{"fake, listing said new, asked today", map[string]string{"claim": "counterfeit", "paid_on_platform": "true",
		"listing_condition": "new", "conduct": "none", "requested_remedy": "return_and_refund", "refund_asked": "true",
		"refund_requested_on": "date:0"}, "wait", "You can open a dispute from " + longDay(10)},
	{"broken, signed before checking", map[string]string{"claim": "broken", "paid_on_platform": "true", "conduct": "none",
		"requested_remedy": "replacement", "signed_before_inspection": "true", "refund_asked": "false"},
		"contact_seller_first", "Ask the seller for a refund first"},
	{"missing parts that were listed", map[string]string{"claim": "missing_parts", "paid_on_platform": "true",
		"missing_item_in_listing": "true", "conduct": "none", "requested_remedy": "ship_missing", "refund_asked": "true",
		"refund_requested_on": "date:30"}, "eligible", "You can open a dispute now"},
	{"paid outside the checkout", map[string]string{"claim": "broken", "paid_on_platform": "false"},
		"not_eligible", "A dispute for this is unlikely to succeed"},
	{"no longer wanted", map[string]string{"claim": "no_longer_wanted"},
		"not_eligible", "A dispute for this is unlikely to succeed"},
}

// answerAll answers every question the wizard asks from the walk, checking
// each page, until check your answers; then it opens the verdict.
func answerAll(t *testing.T, ctx context.Context, w walk, mode string) {
	t.Helper()
	for i := 0; i < 20; i++ {
		if eval[bool](t, ctx, `!!document.querySelector("[data-testid=answers]")`) {
			break
		}
		step := eval[string](t, ctx, `(document.querySelector("input[name=submitted]")||{}).value||""`)
		v, ok := w.answers[step]
		if !ok {
			t.Fatalf("%s: the wizard asked %q, which this walk does not answer", w.name, step)
		}
		noOverflow(t, ctx, mode+" "+step)
		page(t, ctx, mode+" "+step)
		title := eval[string](t, ctx, `document.querySelector("main h1").textContent`)
		if n, isDate := strings.CutPrefix(v, "date:"); isDate {
			days, _ := strconv.Atoi(n)
			enterDaysAgo(t, ctx, step, days, "")
		} else {
			markOld(t, ctx)
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name=%q][value=%q]`, step, v))),
				chromedp.Click(chromedp.CSS(`[data-testid=continue]`))); err != nil {
				t.Fatalf("%s: answering %s=%s: %v", w.name, step, v, err)
			}
		}
		waitFor(t, ctx, fmt.Sprintf(`!document.querySelector("main[data-old]") && document.querySelector("main h1") &&
			(document.querySelector("main h1").textContent !== %q || !!document.querySelector("[data-testid=answers]")) &&
			!document.querySelector("[data-testid=error-summary]")`, title), w.name+": the page after "+step)
	}
	noOverflow(t, ctx, mode+" check")
	markOld(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=see-result]`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `!document.querySelector("main[data-old]") && document.querySelector("[data-testid=verdict]")`, w.name+": the verdict")
	if got := eval[string](t, ctx, `document.querySelector("[data-testid=verdict]").dataset.outcome`); got != w.outcome {
		t.Errorf("%s: outcome %s, want %s", w.name, got, w.outcome)
	}
	if h1 := eval[string](t, ctx, `document.querySelector("main h1").textContent`); !strings.HasPrefix(h1, w.h1) {
		t.Errorf("%s: heading %q, want %q", w.name, h1, w.h1)
	}
	noOverflow(t, ctx, mode+" verdict "+w.outcome)
	page(t, ctx, mode+" verdict "+w.name)
}

// noOverflow fails when the page scrolls sideways at the current width.
func noOverflow(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if w := eval[[]int](t, ctx, `[document.documentElement.scrollWidth, document.documentElement.clientWidth]`); w[0] > w[1] {
		shot(t, ctx, "overflow "+name)
		wide := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("body *")).filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
			.slice(0, 5).map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right) + "px")`)
		t.Errorf("%s: %dpx of content in a %dpx window; widest: %v", name, w[0], w[1], wide)
	}
}

// TestBuyerWalks walks every claim and outcome as a buyer on a phone
// (375px), with JavaScript off and with the wasm.
func TestBuyerWalks(t *testing.T) {
	for _, wasm := range []bool{false, true} {
		mode := map[bool]string{false: "nojs", true: "wasm"}[wasm]
		for _, w := range walks {
			t.Run(mode+"/"+strings.ReplaceAll(w.name, " ", "_"), func(t *testing.T) {
				ctx := tab(t, wasm)
				chromedp.Do(ctx, chromedp.EmulateViewport(375, 800))
				open(t, ctx, "/dispute", wasm)
				answerAll(t, ctx, w, mode)
			})
		}
	}
}

// TestExtraDemandCanBeChanged: a claim refused only for asking something
// extra goes on once that one answer is changed.
func TestExtraDemandCanBeChanged(t *testing.T) {
	for _, wasm := range []bool{false, true} {
		ctx := tab(t, wasm)
		open(t, ctx, "/dispute", wasm)
		w := walk{name: "extra demand", answers: map[string]string{"claim": "broken", "paid_on_platform": "true",
			"conduct": "none", "requested_remedy": "extra_compensation"}, outcome: "not_eligible", h1: "A dispute for this is unlikely to succeed"}
		answerAll(t, ctx, w, "extra")
		clickTo(t, ctx, `[data-testid=fix-answer]`, qRemedy)
		choose(t, ctx, "requested_remedy", "full_refund", qSigned)
		choose(t, ctx, "signed_before_inspection", "false", qAsked)
		choose(t, ctx, "refund_asked", "true", qWhen)
		enterDaysAgo(t, ctx, "refund_requested_on", 11, qCheck)
		clickTo(t, ctx, `[data-testid=see-result]`, "You can open a dispute now")
	}
}

// TestEveryPageTypeFitsAPhone: no page scrolls sideways at 320px or 375px.
func TestEveryPageTypeFitsAPhone(t *testing.T) {
	broken := "claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=true&refund_asked=true"
	pages := []string{
		"/", "/dispute", "/dispute?claim=broken&paid_on_platform=true",
		"/dispute?claim=not_received&paid_on_platform=true&tracking=in_transit",
		"/dispute?" + broken + "&submitted=refund_requested_on&refund_requested_on-day=31&refund_requested_on-month=2&refund_requested_on-year=2026",
		"/dispute?" + broken + "&refund_requested_on=" + daysAgo(3),
		"/dispute/result?" + broken + "&refund_requested_on=" + daysAgo(3),
		"/dispute/result?" + broken + "&refund_requested_on=" + daysAgo(12),
		"/dispute/result?claim=no_longer_wanted",
		"/dispute/result?claim=broken&paid_on_platform=true&conduct=none&requested_remedy=extra_compensation",
		"/dispute/evidence?" + broken + "&refund_requested_on=" + daysAgo(12),
		"/checklist", "/demo/help-article", "/no-such-page",
	}
	for _, width := range []int64{320, 375} {
		for _, wasm := range []bool{false, true} {
			ctx := tab(t, wasm)
			chromedp.Do(ctx, chromedp.EmulateViewport(width, 800))
			for _, p := range pages {
				open(t, ctx, p, wasm && p != "/demo/help-article" && p != "/no-such-page")
				name := fmt.Sprintf("%dpx %s", width, strings.SplitN(p, "?", 2)[0])
				noOverflow(t, ctx, name)
				shot(t, ctx, strings.ReplaceAll(name, "/", "_")+fmt.Sprint(len(p)))
			}
		}
	}
}

// TestWidgetHeightFollowsContent: the frame grows for a long verdict and
// shrinks again when the buyer goes back (it once only grew).
func TestWidgetHeightFollowsContent(t *testing.T) {
	ctx := tab(t, true)
	chromedp.Do(ctx, chromedp.EmulateViewport(375, 800))
	open(t, ctx, "/demo/help-article", false)
	frame := `document.querySelector("iframe[data-calmclaim]")`
	doc := frame + `.contentDocument`
	waitFor(t, ctx, doc+`.querySelector("main h1") && `+doc+`.documentElement.getAttribute("data-wasm") === "ready"`, "the wizard in the iframe")
	height := func() int { return eval[int](t, ctx, `parseInt(`+frame+`.style.height)||0`) }
	content := func() int {
		return eval[int](t, ctx, `Math.ceil(`+doc+`.documentElement.getBoundingClientRect().height)`)
	}
	fits := func(what string) {
		t.Helper()
		waitFor(t, ctx, `Math.abs((parseInt(`+frame+`.style.height)||0) - Math.ceil(`+doc+`.documentElement.getBoundingClientRect().height)) <= 2`, "the frame to fit "+what)
	}
	fits("the first question")
	first := height()
	// A verdict with a long list of evidence.
	eval[bool](t, ctx, frame+`.contentWindow.history.pushState(null, "", "/dispute/result?embed=1&claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=true&refund_asked=true&refund_requested_on=`+daysAgo(12)+`"); `+
		frame+`.contentWindow.dispatchEvent(new PopStateEvent("popstate")); true`)
	waitFor(t, ctx, doc+`.querySelector("[data-testid=verdict]")`, "the verdict in the frame")
	fits("the verdict")
	long := height()
	if long <= first+200 {
		t.Errorf("the frame did not grow for the verdict: %d then %d", first, long)
	}
	eval[bool](t, ctx, frame+`.contentWindow.history.back(); true`)
	waitFor(t, ctx, `!`+doc+`.querySelector("[data-testid=verdict]")`, "the question again")
	fits("the question after going back")
	if back := height(); back >= long-200 || back > content()+2 {
		t.Errorf("the frame did not shrink back: %d after %d (content %d)", back, long, content())
	}
	// Turning the phone: wider content is shorter, and the frame follows.
	chromedp.Do(ctx, chromedp.EmulateViewport(800, 375))
	fits("a turned phone")
}

// TestWidgetWalkWithADate walks a broken item to an eligible verdict inside
// the help page's widget, typing a refund date 12 days before the real
// today, as a buyer on a phone does.
func TestWidgetWalkWithADate(t *testing.T) {
	ctx := tab(t, true)
	chromedp.Do(ctx, chromedp.EmulateViewport(375, 800))
	open(t, ctx, "/demo/help-article", false)
	doc := `document.querySelector("iframe[data-calmclaim]").contentDocument`
	waitFor(t, ctx, doc+`.querySelector("input[name=submitted]")`, "the wizard in the iframe")
	answers := map[string]string{"claim": "broken", "paid_on_platform": "true", "conduct": "none",
		"requested_remedy": "full_refund", "signed_before_inspection": "false", "refund_asked": "true"}
	d := time.Now().UTC().AddDate(0, 0, -12)
	for i := 0; i < 12; i++ {
		if eval[bool](t, ctx, `!!`+doc+`.querySelector("[data-testid=answers]")`) {
			break
		}
		step := eval[string](t, ctx, doc+`.querySelector("input[name=submitted]").value`)
		eval[bool](t, ctx, doc+`.querySelector("main").setAttribute("data-old", "1"), true`)
		if step == "refund_requested_on" {
			eval[bool](t, ctx, fmt.Sprintf(`(function(d){d.getElementById("refund_requested_on-day").value=%q;
				d.getElementById("refund_requested_on-month").value=%q; d.getElementById("refund_requested_on-year").value=%q;
				d.querySelector("[data-testid=continue]").click(); return true})(%s)`, fmt.Sprint(d.Day()), fmt.Sprint(int(d.Month())), fmt.Sprint(d.Year()), doc))
		} else {
			v, ok := answers[step]
			if !ok {
				t.Fatalf("the widget asked %q", step)
			}
			eval[bool](t, ctx, fmt.Sprintf(`%s.querySelector('input[name=%q][value=%q]').click(), %s.querySelector("[data-testid=continue]").click(), true`, doc, step, v, doc))
		}
		waitFor(t, ctx, doc+`.querySelector("main") && !`+doc+`.querySelector("main[data-old]")`, "the next step in the widget after "+step)
	}
	eval[bool](t, ctx, doc+`.querySelector("[data-testid=see-result]").click(), true`)
	waitFor(t, ctx, doc+`.querySelector("[data-testid=verdict]") && `+doc+`.querySelector("[data-testid=verdict]").dataset.outcome === "eligible"`, "an eligible verdict in the widget")
	shot(t, ctx, "widget-eligible-375px")
}
