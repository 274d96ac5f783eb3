package e2e_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	ical "github.com/arran4/golang-ical"
	"github.com/chromedp/chromedp"
)

// A walk is a buyer's answers, by question, and the verdict they lead to.
// Dates are days before the real today (negative: ahead), typed into the
// day, month and year boxes as a buyer types them; no test-only parameter
// is in any address. "skip" follows the link past an optional question.
type walk struct {
	name    string
	answers map[string]string // step → value, "date:N" for N days ago, or "skip"
	outcome string
	h1      string // the verdict's heading, or its start
	// lastDay, when set, is what the verdict says of the last day
	// (data-state of [data-testid=last-day]).
	lastDay string
}

var walks = []walk{
	{"inr in transit waits for the delivery period", map[string]string{"claim": "not_received", "paid_on_platform": "true",
		"tracking": "in_transit", "delivery_deadline": "date:-20", "conduct": "none", "requested_remedy": "full_refund",
		"refund_asked": "true", "refund_requested_on": "date:3", "protection_ends_on": "skip"},
		"wait", "You can open a dispute from " + longDay(21), "unknown"},
	{"inr lost, seller not asked yet", map[string]string{"claim": "not_received", "paid_on_platform": "true",
		"tracking": "lost", "conduct": "none", "requested_remedy": "full_refund", "refund_asked": "false",
		"protection_ends_on": "skip"}, "contact_seller_first", "Ask the seller for a refund first", "unknown"},
	{"inr never shipped, 12 days after the request", map[string]string{"claim": "not_received", "paid_on_platform": "true",
		"tracking": "not_shipped", "conduct": "none", "requested_remedy": "full_refund", "refund_asked": "true",
		"refund_requested_on": "date:12", "protection_ends_on": "date:-20"}, "eligible", "You can open a dispute now", "window"},
	{"inr tracking says delivered", map[string]string{"claim": "not_received", "paid_on_platform": "true",
		"tracking": "delivered"}, "not_eligible", "A dispute for this is unlikely to succeed", ""},
	{"snad different size", map[string]string{"claim": "not_as_described", "paid_on_platform": "true",
		"complaint": "different_spec", "conduct": "none", "requested_remedy": "partial_refund", "refund_asked": "true",
		"refund_requested_on": "date:15", "protection_ends_on": "skip"}, "eligible", "You can open a dispute now", "unknown"},
	{"fake, listing said new, asked today", map[string]string{"claim": "counterfeit", "paid_on_platform": "true",
		"listing_condition": "new", "conduct": "none", "requested_remedy": "return_and_refund", "refund_asked": "true",
		"refund_requested_on": "date:0", "protection_ends_on": "skip"}, "wait", "You can open a dispute from " + longDay(10), "unknown"},
	{"broken, signed before checking", map[string]string{"claim": "broken", "paid_on_platform": "true", "conduct": "none",
		"requested_remedy": "replacement", "signed_before_inspection": "true", "refund_asked": "false",
		"protection_ends_on": "skip"}, "contact_seller_first", "Ask the seller for a refund first", "unknown"},
	{"missing parts that were listed, protection ended yesterday", map[string]string{"claim": "missing_parts", "paid_on_platform": "true",
		"missing_item_in_listing": "true", "conduct": "none", "requested_remedy": "ship_missing", "refund_asked": "true",
		"refund_requested_on": "date:30", "protection_ends_on": "date:1"}, "eligible", "You can open a dispute now", "ended"},
	{"paid outside the checkout", map[string]string{"claim": "broken", "paid_on_platform": "false"},
		"not_eligible", "A dispute for this is unlikely to succeed", ""},
	{"no longer wanted", map[string]string{"claim": "no_longer_wanted"},
		"not_eligible", "A dispute for this is unlikely to succeed", ""},
}

// The last day (TestLastDayWalks): 8 days to wait, and Buyer Protection
// ending in 5 days (a warning) or in 40 (none).
var (
	protectionEndsFirst = walk{"broken, protection ends before the 10 days", map[string]string{"claim": "broken", "paid_on_platform": "true",
		"conduct": "none", "requested_remedy": "full_refund", "signed_before_inspection": "false", "refund_asked": "true",
		"refund_requested_on": "date:2", "protection_ends_on": "date:-5"}, "wait", "You can open a dispute from " + longDay(8), "ends-first"}
	protectionEndsLater = walk{"broken, protection ends after the 10 days", map[string]string{"claim": "broken", "paid_on_platform": "true",
		"conduct": "none", "requested_remedy": "full_refund", "signed_before_inspection": "false", "refund_asked": "true",
		"refund_requested_on": "date:2", "protection_ends_on": "date:-40"}, "wait", "You can open a dispute from " + longDay(8), "window"}
)

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
		} else if v == "skip" {
			markOld(t, ctx)
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=skip]`))); err != nil {
				t.Fatalf("%s: skipping %s: %v", w.name, step, err)
			}
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
	state := eval[string](t, ctx, `(document.querySelector("[data-testid=last-day]")||{dataset:{state:""}}).dataset.state`)
	if state != w.lastDay {
		t.Errorf("%s: the last day is %q, want %q", w.name, state, w.lastDay)
	}
	// A warning exactly when Buyer Protection ends first or has ended.
	warned := eval[bool](t, ctx, `!!document.querySelector("[data-testid=last-day-warning]")`)
	if warned != (w.lastDay == "ends-first" || w.lastDay == "ended") {
		t.Errorf("%s: last-day warning shown %v with the last day %q", w.name, warned, w.lastDay)
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

// TestLastDayWalks: a buyer types when Buyer Protection ends, relative to
// the real today, with JavaScript off and with the wasm. Ending before the
// first day to open a dispute shows the warning with both dates; ending
// after shows both dates and no warning. The calendar file the verdict
// links to parses with an iCalendar parser: two events, in date order,
// each with its alarm.
func TestLastDayWalks(t *testing.T) {
	cases := []struct {
		w    walk
		days []int // the two dates in days from today, in order: the verdict's and the calendar's
	}{
		{protectionEndsFirst, []int{5, 8}},
		{protectionEndsLater, []int{8, 40}},
	}
	for _, wasm := range []bool{false, true} {
		mode := map[bool]string{false: "nojs", true: "wasm"}[wasm]
		for _, c := range cases {
			t.Run(mode+"/"+strings.ReplaceAll(c.w.name, " ", "_"), func(t *testing.T) {
				ctx := tab(t, wasm)
				chromedp.Do(ctx, chromedp.EmulateViewport(375, 800))
				open(t, ctx, "/dispute", wasm)
				answerAll(t, ctx, c.w, mode+" last day")
				// Both dates in <time>, in the block and on the calendar link.
				want := []string{isoDay(c.days[0]), isoDay(c.days[1])}
				got := eval[[]string](t, ctx, `[...new Set([...document.querySelectorAll("[data-testid=last-day] time")].map(e => e.getAttribute("datetime")))].sort()`)
				if strings.Join(got, " ") != strings.Join(want, " ") {
					t.Errorf("last day block dates %v, want %v", got, want)
				}
				if c.w.lastDay == "ends-first" {
					visible := eval[bool](t, ctx, `(e => !!e && e.getBoundingClientRect().height > 0)(document.querySelector("[data-testid=last-day-warning]"))`)
					text := eval[string](t, ctx, `(document.querySelector("[data-testid=last-day-warning]")||{}).innerText||""`)
					if !visible || !strings.Contains(text, "Do not wait for "+longDay(8)) || !strings.Contains(text, "act before "+longDay(5)) {
						t.Errorf("the warning is not shown as it should be: %q", text)
					}
				}
				href := eval[string](t, ctx, `document.querySelector("[data-testid=ics]").href`)
				if ics := eval[[]string](t, ctx, `[...document.querySelectorAll("[data-testid=ics] time")].map(e => e.getAttribute("datetime"))`); strings.Join(ics, " ") != strings.Join(want, " ") {
					t.Errorf("the calendar link names %v, want %v", ics, want)
				}
				checkCalendarFile(t, href, c.days)
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
		enterDaysAgo(t, ctx, "refund_requested_on", 11, qProtect)
		clickTo(t, ctx, `[data-testid=skip]`, qCheck)
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
		"/dispute?" + broken + "&refund_requested_on=" + daysAgo(3) + "&protection_ends_on=unknown",
		"/dispute/result?" + broken + "&refund_requested_on=" + daysAgo(3) + "&protection_ends_on=unknown",
		"/dispute/result?" + broken + "&refund_requested_on=" + daysAgo(3) + "&protection_ends_on=" + daysAgo(-2),
		"/dispute/result?" + broken + "&refund_requested_on=" + daysAgo(12) + "&protection_ends_on=" + daysAgo(-30),
		"/dispute/result?claim=no_longer_wanted",
		"/dispute/result?claim=broken&paid_on_platform=true&conduct=none&requested_remedy=extra_compensation",
		"/dispute/evidence?" + broken + "&refund_requested_on=" + daysAgo(12) + "&protection_ends_on=unknown",
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
	eval[bool](t, ctx, frame+`.contentWindow.history.pushState(null, "", "/dispute/result?embed=1&claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=true&refund_asked=true&refund_requested_on=`+daysAgo(12)+`&protection_ends_on=unknown"); `+
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
		if step == "protection_ends_on" {
			eval[bool](t, ctx, doc+`.querySelector("[data-testid=skip]").click(), true`)
		} else if step == "refund_requested_on" {
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

// isoDay is the real today plus n days as YYYY-MM-DD.
func isoDay(n int) string { return time.Now().UTC().AddDate(0, 0, n).Format(time.DateOnly) }

// checkCalendarFile downloads the calendar file as the browser would and
// reads it with github.com/arran4/golang-ical: one all-day event per day
// (days from today, in order), each with a display alarm the day before
// and a line of what to do.
func checkCalendarFile(t *testing.T, href string, days []int) {
	t.Helper()
	res, err := http.Get(href)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/calendar") {
		t.Fatalf("GET %s: %d %s", href, res.StatusCode, res.Header.Get("Content-Type"))
	}
	cal, err := ical.ParseCalendar(strings.NewReader(string(body)))
	if err != nil {
		t.Fatalf("the calendar file does not parse: %v\n%s", err, body)
	}
	events := cal.Events()
	if len(events) != len(days) {
		t.Fatalf("%d events, want %d:\n%s", len(events), len(days), body)
	}
	alarms := 0
	for i, e := range events {
		start := e.GetProperty(ical.ComponentPropertyDtStart)
		if want := strings.ReplaceAll(isoDay(days[i]), "-", ""); start == nil || start.Value != want {
			t.Errorf("event %d starts %v, want %s", i, start, want)
		}
		summary := e.GetProperty(ical.ComponentPropertySummary)
		desc := e.GetProperty(ical.ComponentPropertyDescription)
		if summary == nil || !strings.Contains(summary.Value, "AliExpress dispute") || desc == nil || !strings.HasPrefix(desc.Value, "What to do: ") {
			t.Errorf("event %d: summary %v, description %v", i, summary, desc)
		}
		for _, a := range e.Alarms() {
			if tr := a.GetProperty(ical.ComponentPropertyTrigger); tr != nil && tr.Value == "-P1D" {
				alarms++
			}
		}
	}
	if alarms != len(days) {
		t.Errorf("%d alarms the day before, want %d", alarms, len(days))
	}
}
