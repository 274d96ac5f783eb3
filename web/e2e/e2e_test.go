// Package e2e drives the real pages in headless Chromium: the wizard paths
// with JavaScript off and with the Go wasm, the back link and the browser's
// back button, axe-core on every page, the widget in a help page, and no
// request leaving the page while the wasm renders. It runs when
// CALMCLAIM_E2E=1 (make test-e2e builds the wasm and installs Chromium).
package e2e_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/calmclaim/calmclaim/web"
)

var (
	base     string
	browser  context.Context
	axeJS    string
	artifact = filepath.Join("..", "..", "artifacts")
)

func TestMain(m *testing.M) {
	if os.Getenv("CALMCLAIM_E2E") != "1" {
		fmt.Println("e2e: skipped (set CALMCLAIM_E2E=1, or run make test-e2e)")
		os.Exit(0)
	}
	axe, err := os.ReadFile(filepath.Join("..", "..", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		fmt.Println("e2e: axe-core is missing; run npm ci:", err)
		os.Exit(1)
	}
	axeJS = string(axe)
	if _, err := os.Stat(filepath.Join("..", "static", "app.wasm")); err != nil {
		fmt.Println("e2e: web/static/app.wasm is missing; run make browser")
		os.Exit(1)
	}
	os.MkdirAll(artifact, 0o755)
	srv := httptest.NewServer(web.New(web.Options{}))
	base = srv.URL
	dir, _ := os.MkdirTemp("", "calmclaim-chromium-")
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath()),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(dir),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelB := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil {
		fmt.Println("e2e: Chromium did not start:", err)
		os.Exit(1)
	}
	browser = bctx
	code := m.Run()
	cancelB()
	cancelA()
	srv.Close()
	os.RemoveAll(dir)
	os.Exit(code)
}

func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// noScript holds the tabs with scripts off.
var noScript sync.Map

// tab opens a new tab; with js false, scripts are off in it.
func tab(t *testing.T, js bool) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	// Every test starts as a new buyer: no language remembered by an
	// earlier test (tabs share the browser's cookies).
	if err := chromedp.Do(ctx, call(network.ClearBrowserCookies, cdp.Empty{})); err != nil {
		t.Fatal(err)
	}
	if !js {
		noScript.Store(ctx, true)
		scripts(t, ctx, false)
	}
	return ctx
}

// scripts turns the page's script execution on or off.
func scripts(t *testing.T, ctx context.Context, on bool) {
	t.Helper()
	if err := chromedp.Do(ctx, call(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})); err != nil {
		t.Fatal(err)
	}
}

// call wraps a protocol command as an action.
func call[P, R any](c cdp.Command[P, R], p P) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, c, p)
		return chromedp.Void{}, err
	}
}

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		if len(expr) > 200 {
			expr = expr[:100] + " … " + expr[len(expr)-100:]
		}
		t.Fatalf("evaluate %q: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it is true.
func waitFor(t *testing.T, ctx context.Context, cond, what string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("(function(){try{return !!("+cond+")}catch(e){return false}})()"))
		if err == nil && ok {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	h1, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("h1")||{}).textContent||""`))
	t.Fatalf("waiting for %s: timed out on the page %q", what, h1)
}

// h1Is is true on a new page (or a newly rendered one) with this heading:
// markOld tags the current main element before an action, and a page that
// still has it is the old one.
func h1Is(text string) string {
	return fmt.Sprintf(`!document.querySelector("main[data-old]") && (document.querySelector("main h1")||{}).textContent === %q`, text)
}

func markOld(t *testing.T, ctx context.Context) {
	t.Helper()
	eval[bool](t, ctx, `(document.querySelector("main")||document.body).setAttribute("data-old", "1"), true`)
}

// page checks a page: axe-core finds no violations and nothing scrolls
// sideways. Each page is checked once per test run.
var checked sync.Map

func page(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	key, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + "|" + document.title`))
	if _, seen := checked.LoadOrStore(key, true); seen {
		return
	}
	axe(t, ctx, name)
}

// axe runs axe-core on the page as it is now and takes a screenshot.
func axe(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	// axe-core needs timers; a tab with scripts off gets them back for the
	// check only (the page's own scripts ran, or not, when it loaded).
	if _, off := noScript.Load(ctx); off {
		scripts(t, ctx, true)
		defer scripts(t, ctx, false)
	}
	violations := eval[[]string](t, ctx, axeJS+`;
		axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})
		  .then(r => r.violations.map(v => v.id + " (" + v.impact + "): " + v.nodes.map(n => n.target.join(" ")).join(", ")))`)
	for _, v := range violations {
		t.Errorf("axe on %s: %s", name, v)
	}
	shot(t, ctx, name)
}

func shot(t *testing.T, ctx context.Context, name string) {
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG
	if err == nil {
		os.WriteFile(filepath.Join(artifact, strings.ReplaceAll(name, " ", "-")+".png"), buf, 0o644)
	}
}

// choose picks an option and continues, then waits for the next heading.
func choose(t *testing.T, ctx context.Context, name, value, next string) {
	t.Helper()
	sel := fmt.Sprintf(`input[name=%q][value=%q]`, name, value)
	markOld(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel)), chromedp.Click(chromedp.CSS(`[data-testid=continue]`))); err != nil {
		t.Fatalf("choosing %s=%s: %v", name, value, err)
	}
	waitFor(t, ctx, h1Is(next), "the page "+next)
}

// history presses the browser's back or forward button. A history entry
// made by the wasm's pushState fires no load event, so the test waits for
// the page, not for a load.
// The page may come back from the back/forward cache as it was, so the
// test waits for the address to change and the heading, not for a marker.
func history(t *testing.T, ctx context.Context, dir, next string) {
	t.Helper()
	from := eval[string](t, ctx, "location.href")
	eval[bool](t, ctx, "history."+dir+"(), true")
	waitFor(t, ctx, fmt.Sprintf(`location.href !== %q && (document.querySelector("main h1")||{}).textContent === %q`, from, next),
		dir+" to "+next)
}

func enterDate(t *testing.T, ctx context.Context, name, day, month, year, next string) {
	t.Helper()
	markOld(t, ctx)
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID(name+"-day"), day),
		chromedp.SendKeys(chromedp.ID(name+"-month"), month),
		chromedp.SendKeys(chromedp.ID(name+"-year"), year),
		chromedp.Click(chromedp.CSS(`[data-testid=continue]`))); err != nil {
		t.Fatal(err)
	}
	if next != "" { // "" leaves the waiting to the caller
		waitFor(t, ctx, h1Is(next), "the page "+next)
	}
}

func clickTo(t *testing.T, ctx context.Context, sel, next string) {
	t.Helper()
	markOld(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, h1Is(next), "the page "+next)
}

// daysAgo is the real today minus n days, as YYYY-MM-DD: buyers' dates are
// relative to the real clock, never a pinned one.
func daysAgo(n int) string { return time.Now().UTC().AddDate(0, 0, -n).Format(time.DateOnly) }

// longDay is the real today plus n days as the pages write it.
func longDay(n int) string { return time.Now().UTC().AddDate(0, 0, n).Format("Monday 2 January 2006") }

// enterDaysAgo types the date n days before the real today (n < 0: ahead).
func enterDaysAgo(t *testing.T, ctx context.Context, name string, n int, next string) {
	t.Helper()
	d := time.Now().UTC().AddDate(0, 0, -n)
	enterDate(t, ctx, name, fmt.Sprint(d.Day()), fmt.Sprint(int(d.Month())), fmt.Sprint(d.Year()), next)
}

func open(t *testing.T, ctx context.Context, path string, wasm bool) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+path)); err != nil {
		t.Fatal(err)
	}
	if wasm {
		waitFor(t, ctx, `document.documentElement.getAttribute("data-wasm") === "ready"`, "the wasm")
	}
}

const (
	qClaim    = "What went wrong with your order?"
	qPaid     = "Did you pay through AliExpress's own checkout?"
	qConduct  = "Do any of these apply to this order?"
	qRemedy   = "What would settle this for you?"
	qSigned   = "Did you sign for the parcel before checking the item?"
	qAsked    = "Have you asked the seller for a refund on the order page?"
	qWhen     = "When did you send the refund request?"
	qProtect  = "When does Buyer Protection end for this order?"
	qCheck    = "Check your answers"
	qComplain = "How is the item different from the listing?"

	qOffPlatform  = "Has the seller asked you to pay outside the checkout?"
	qCondition    = "What does the listing say about the item's condition?"
	qGenuine      = "Do you want the genuine branded product?"
	qLogin        = "Has anyone asked for your password or a one-time code, or sent you a login link?"
	stopPay       = "Stop: do not pay this seller outside the checkout"
	stopImitation = "Stop: this listing is not the genuine product"
)

// broken walks a broken-item claim up to the refund date.
func broken(t *testing.T, ctx context.Context, mode string) {
	choose(t, ctx, "claim", "broken", qPaid)
	page(t, ctx, mode+" paid")
	choose(t, ctx, "paid_on_platform", "true", qConduct)
	page(t, ctx, mode+" conduct")
	choose(t, ctx, "conduct", "none", qRemedy)
	page(t, ctx, mode+" remedy")
	choose(t, ctx, "requested_remedy", "full_refund", qSigned)
	page(t, ctx, mode+" signed")
	choose(t, ctx, "signed_before_inspection", "false", qAsked)
	page(t, ctx, mode+" asked")
	choose(t, ctx, "refund_asked", "true", qWhen)
	page(t, ctx, mode+" when")
}

func paths(t *testing.T, wasm bool) {
	mode := "nojs"
	if wasm {
		mode = "wasm"
	}
	t.Run("eligible", func(t *testing.T) {
		ctx := tab(t, wasm)
		open(t, ctx, "/dispute", wasm)
		page(t, ctx, mode+" claim")
		broken(t, ctx, mode)
		// An impossible date is refused with an error summary.
		enterDate(t, ctx, "refund_requested_on", "31", "2", "2026", qWhen)
		waitFor(t, ctx, `document.querySelector("[data-testid=error-summary]")`, "the error summary")
		page(t, ctx, mode+" date error")
		eval[bool](t, ctx, `["day", "month", "year"].forEach(p => document.getElementById("refund_requested_on-" + p).value = ""), true`)
		enterDaysAgo(t, ctx, "refund_requested_on", 12, qProtect)
		page(t, ctx, mode+" protection")
		clickTo(t, ctx, `[data-testid=skip]`, qCheck)
		page(t, ctx, mode+" check")
		clickTo(t, ctx, `[data-testid=see-result]`, "You can open a dispute now")
		page(t, ctx, mode+" eligible")
		if got := eval[string](t, ctx, `document.querySelector("[data-testid=verdict]").dataset.outcome`); got != "eligible" {
			t.Errorf("outcome %s", got)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("[data-rule='broken.eligible']").length`); n != 1 {
			t.Error("the verdict does not cite broken.eligible")
		}
	})
	t.Run("not_eligible", func(t *testing.T) {
		ctx := tab(t, wasm)
		open(t, ctx, "/dispute", wasm)
		choose(t, ctx, "claim", "not_as_described", qPaid)
		choose(t, ctx, "paid_on_platform", "true", qComplain)
		page(t, ctx, mode+" complaint")
		choose(t, ctx, "complaint", "below_expectations", qCheck)
		// The back link returns to the question before, answer kept.
		clickTo(t, ctx, `[data-testid=back]`, qComplain)
		if !eval[bool](t, ctx, `document.querySelector("input[value=below_expectations]").checked`) {
			t.Error("going back lost the answer")
		}
		clickTo(t, ctx, `[data-testid=continue]`, qCheck)
		clickTo(t, ctx, `[data-testid=see-result]`, "A dispute for this is unlikely to succeed")
		page(t, ctx, mode+" not eligible")
		if n := eval[int](t, ctx, `document.querySelectorAll("[data-rule='snad.expectations']").length`); n != 1 {
			t.Error("the verdict does not cite snad.expectations")
		}
		// The browser's back button returns to check answers.
		history(t, ctx, "back", qCheck)
	})
	t.Run("wait", func(t *testing.T) {
		ctx := tab(t, wasm)
		open(t, ctx, "/dispute", wasm)
		broken(t, ctx, mode)
		enterDaysAgo(t, ctx, "refund_requested_on", 2, qProtect)
		clickTo(t, ctx, `[data-testid=skip]`, qCheck)
		// Change an answer from check answers: its back link returns there.
		clickTo(t, ctx, `[data-testid=change-requested_remedy]`, qRemedy)
		clickTo(t, ctx, `[data-testid=back]`, qCheck)
		clickTo(t, ctx, `[data-testid=change-requested_remedy]`, qRemedy)
		choose(t, ctx, "requested_remedy", "replacement", qCheck)
		clickTo(t, ctx, `[data-testid=see-result]`, "You can open a dispute from "+longDay(8))
		page(t, ctx, mode+" wait")
		if href := eval[string](t, ctx, `document.querySelector("[data-testid=ics]").getAttribute("href")`); !strings.Contains(href, "calendar.ics") {
			t.Errorf("calendar link %q", href)
		}
	})
	t.Run("checklist", func(t *testing.T) {
		ctx := tab(t, wasm)
		chromedp.Do(ctx, chromedp.EmulateViewport(375, 812))
		open(t, ctx, "/", wasm)
		page(t, ctx, mode+" start")
		// The question that can stop an order comes first, and a stop ends
		// the walk on a page that says why.
		clickTo(t, ctx, `[data-testid=start-checklist]`, qOffPlatform)
		page(t, ctx, mode+" checklist first")
		choose(t, ctx, "off_platform_payment_requested", "true", stopPay)
		page(t, ctx, mode+" checklist stop")
		if item := eval[string](t, ctx, `document.querySelector("[data-testid=stop]").dataset.item`); item != "pre.pay_on_platform" {
			t.Errorf("stop page for %q", item)
		}
		if !eval[bool](t, ctx, `document.querySelector("main").innerText.includes("Source: About AliExpress Buyer Protection")`) {
			t.Error("the stop page does not cite its source")
		}
		// Change that answer from the stop page.
		clickTo(t, ctx, `[data-testid=change-answer]`, qOffPlatform)
		if !eval[bool](t, ctx, `document.querySelector("input[name=off_platform_payment_requested][value=true]").checked`) {
			t.Error("changing the answer lost it")
		}
		choose(t, ctx, "off_platform_payment_requested", "false", qCondition)
		choose(t, ctx, "listing_condition", "imitation", qGenuine)
		choose(t, ctx, "wants_genuine", "true", stopImitation)
		page(t, ctx, mode+" checklist stop imitation")
		// Go on anyway; the back link returns to the stop page.
		clickTo(t, ctx, `[data-testid=continue-anyway]`, qLogin)
		clickTo(t, ctx, `[data-testid=back]`, stopImitation)
		clickTo(t, ctx, `[data-testid=continue-anyway]`, qLogin)
		// The rest, answered as a buyer would; the order was placed three
		// days ago by the buyer's own calendar.
		placed := eval[[]int](t, ctx, `(d => [d.getDate(), d.getMonth() + 1, d.getFullYear()])(new Date(Date.now() - 3 * 864e5))`)
		for i := 0; i < 30; i++ {
			if eval[bool](t, ctx, `!!document.querySelector("[data-testid=answers]")`) {
				break
			}
			title := eval[string](t, ctx, `document.querySelector("main h1").textContent`)
			page(t, ctx, mode+" checklist "+fmt.Sprint(i))
			markOld(t, ctx)
			if eval[bool](t, ctx, `!!document.querySelector("input[inputmode=numeric]")`) {
				name := eval[string](t, ctx, `document.querySelector("input[name=submitted]").value`)
				enterDate(t, ctx, name, fmt.Sprint(placed[0]), fmt.Sprint(placed[1]), fmt.Sprint(placed[2]), "")
			} else {
				name := eval[string](t, ctx, `document.querySelector("input[type=radio]").name`)
				value := "true"
				switch name {
				case "seller_positive_percent":
					value = "97"
				case "category":
					value = "general"
				case "asked_for_login_or_code", "coupon_used":
					value = "false"
				}
				chromedp.Do(ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name=%q][value=%q]`, name, value))),
					chromedp.Click(chromedp.CSS(`[data-testid=continue]`)))
			}
			waitFor(t, ctx, fmt.Sprintf(`!document.querySelector("main[data-old]") && (document.querySelector("main h1")||{}).textContent !== %q`, title), "the next checklist question")
		}
		page(t, ctx, mode+" checklist check")
		clickTo(t, ctx, `[data-testid=see-result]`, "Stop: do not pay for this order as it stands")
		page(t, ctx, mode+" checklist result")
		if st := eval[string](t, ctx, `document.querySelector("[data-item='pre.listing_condition']").dataset.status`); st != "stop" {
			t.Errorf("imitation wanted genuine: %s", st)
		}
		// Grouped, each heading counting its items; every item once.
		groups := eval[[]string](t, ctx, `[...document.querySelectorAll("section.group")].map(g => g.querySelector("h2").textContent + "|" + g.querySelectorAll("[data-item]").length)`)
		if strings.Join(groups, ",") != "Stop (1)|1,Fine (17)|17" {
			t.Errorf("groups %v", groups)
		}
		if id := eval[string](t, ctx, `(document.body.innerText.match(/\bpre\.[a-z_]+/) || [""])[0]`); id != "" {
			t.Errorf("the result shows the id %s", id)
		}
		// The last day to pay, 20 days after the order, as a <time>.
		want := eval[string](t, ctx, fmt.Sprintf(`(d => d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0"))(new Date(%d, %d, %d + 20))`, placed[2], placed[1]-1, placed[0]))
		if got := eval[string](t, ctx, `(document.querySelector("[data-item='pre.payment_window'] time")||{getAttribute(){return ""}}).getAttribute("datetime")`); got != want {
			t.Errorf("payment date %q, want %q", got, want)
		}
	})
}

func TestPathsWithoutJavaScript(t *testing.T) { paths(t, false) }

func TestPathsWithWasm(t *testing.T) { paths(t, true) }

// TestWasmNavigationSendsNoRequest walks a whole path after the wasm has
// loaded and counts the requests the page makes: none.
func TestWasmNavigationSendsNoRequest(t *testing.T) {
	ctx := tab(t, true)
	open(t, ctx, "/dispute", true)
	var requests atomic.Int32
	var urls sync.Map
	if err := chromedp.Do(ctx, call(network.Enable, network.EnableParams{})); err != nil {
		t.Fatal(err)
	}
	events := chromedp.Events(ctx, network.RequestWillBeSent)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			requests.Add(1)
			urls.Store(ev.Request.URL, true)
		}
	}()
	broken(t, ctx, "norequest")
	enterDaysAgo(t, ctx, "refund_requested_on", 12, qProtect)
	clickTo(t, ctx, `[data-testid=skip]`, qCheck)
	// The browser's back and forward buttons, rendered locally too.
	history(t, ctx, "back", qProtect)
	history(t, ctx, "forward", qCheck)
	markOld(t, ctx)
	clickTo(t, ctx, `[data-testid=see-result]`, "You can open a dispute now")
	time.Sleep(200 * time.Millisecond)
	if n := requests.Load(); n != 0 {
		urls.Range(func(k, _ any) bool { t.Errorf("request during wasm navigation: %v", k); return true })
		t.Fatalf("%d requests left the page", n)
	}
	// The JS API answers like the HTTP API.
	out := eval[string](t, ctx, `JSON.stringify(Calmclaim.assess({today: "2026-11-22", facts: {claim: "broken", paid_on_platform: true, refund_requested_on: "2026-11-20"}}))`)
	if !strings.Contains(out, `"outcome":"wait"`) || !strings.Contains(out, `"earliest_date":"2026-11-30"`) {
		t.Errorf("Calmclaim.assess: %s", out)
	}
	bad := eval[string](t, ctx, `JSON.stringify(Calmclaim.assess({facts: {claim: "stolen"}}))`)
	if !strings.Contains(bad, `"field":"facts.claim"`) {
		t.Errorf("Calmclaim.assess on bad input: %s", bad)
	}
	cl := eval[string](t, ctx, `JSON.stringify(Calmclaim.checklist({facts: {off_platform_payment_requested: true}}))`)
	if !strings.Contains(cl, `"verdict":"stop"`) {
		t.Errorf("Calmclaim.checklist: %s", cl)
	}
}

// TestSavedAnswersResumeAndClear: the start page offers to carry on, and
// one button forgets.
func TestSavedAnswersResumeAndClear(t *testing.T) {
	ctx := tab(t, true)
	open(t, ctx, "/dispute", true)
	choose(t, ctx, "claim", "broken", qPaid)
	open(t, ctx, "/", true)
	waitFor(t, ctx, `!document.querySelector("[data-saved]").hidden`, "the saved answers")
	clickTo(t, ctx, `[data-resume]`, qPaid)
	open(t, ctx, "/", true)
	chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-clear]`)))
	waitFor(t, ctx, `document.querySelector("[data-saved]").hidden && localStorage.getItem("calmclaim:last") === null`, "the answers cleared")
}

// narrowChecklist is a finished checklist with an item in every group.
const narrowChecklist = "off_platform_payment_requested=true&continue_pay_on_platform=1&listing_condition=new" +
	"&asked_for_login_or_code=false&variant_chosen=true&package_contents_checked=true&compatibility_checked=true" +
	"&seller_positive_percent=unsure&photo_reviews_seen=true&delivery_checked=true&free_returns=false&category=radio_devices" +
	"&warranty_offered=true&import_rules_checked=false&specs_complete=true&screenshots_saved=true&order_placed=true" +
	"&order_placed_on=2026-11-20&coupon_used=false&address_current=true"

// TestNarrowScreen: at 320px nothing scrolls sideways.
func TestNarrowScreen(t *testing.T) {
	ctx := tab(t, false)
	chromedp.Do(ctx, chromedp.EmulateViewport(320, 800))
	for _, p := range []string{"/", "/dispute?claim=broken&paid_on_platform=true",
		"/dispute/result?claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=true&refund_asked=true&refund_requested_on=" + daysAgo(12) + "&protection_ends_on=unknown",
		"/checklist?off_platform_payment_requested=true",
		"/checklist/result?" + narrowChecklist} {
		open(t, ctx, p, false)
		if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 320 {
			t.Errorf("%s is %dpx wide at a 320px screen", p, w)
		}
		name := strings.SplitN(p, "?", 2)[0]
		if strings.Contains(p, "off_platform_payment_requested=true") && name == "/checklist" {
			name += "/stop"
		}
		shot(t, ctx, "narrow"+strings.ReplaceAll(name, "/", "-"))
	}
}

// TestWidgetInHelpPage loads the demo help article, completes a path inside
// the iframe and checks the host heard the widget's events.
func TestWidgetInHelpPage(t *testing.T) {
	ctx := tab(t, true)
	open(t, ctx, "/demo/help-article", false)
	eval[bool](t, ctx, `window.__events = []; window.addEventListener("calmclaim", e => window.__events.push(e.detail)); true`)
	page(t, ctx, "demo help article")
	frame := `document.querySelector("iframe[data-calmclaim]").contentDocument`
	waitFor(t, ctx, frame+`.querySelector("main h1").textContent === "What went wrong with your order?"`, "the wizard in the iframe")
	click := func(sel string) {
		eval[bool](t, ctx, frame+`.querySelector(`+fmt.Sprintf("%q", sel)+`).click(); true`)
	}
	click(`input[value=no_longer_wanted]`)
	click(`[data-testid=continue]`)
	waitFor(t, ctx, frame+`.querySelector("main h1").textContent === "Check your answers"`, "check answers in the iframe")
	click(`[data-testid=see-result]`)
	waitFor(t, ctx, frame+`.querySelector("[data-testid=verdict]").dataset.outcome === "not_eligible"`, "the verdict in the iframe")
	waitFor(t, ctx, `window.__events.some(e => e.type === "verdict" && e.outcome === "not_eligible")`, "the verdict event on the host")
	waitFor(t, ctx, `window.__events.some(e => e.type === "resize") && parseInt(document.querySelector("iframe").style.height) > 200`, "the iframe to fit its content")
	shot(t, ctx, "demo-verdict")
}
