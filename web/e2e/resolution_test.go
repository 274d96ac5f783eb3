package e2e_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestCopyButtonsPutTheExactText: on a verdict that asks the buyer to write
// to the seller, the copy button puts exactly the message on the clipboard
// and says so in a status that screen readers announce; the evidence page's
// description has its own button.
func TestCopyButtonsPutTheExactText(t *testing.T) {
	ctx := tab(t, true)
	c := chromedp.FromContext(ctx)
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := cdp.Call(ctx, c.Browser, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
			Setting:    cdpbrowser.PermissionSettingGranted, Origin: base}); err != nil {
			t.Fatal(err)
		}
	}
	chromedp.Do(ctx, chromedp.EmulateViewport(375, 800))
	open(t, ctx, "/dispute/result?claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=false&refund_asked=false&protection_ends_on=unknown", true)
	waitFor(t, ctx, `!document.querySelector(".copy").hidden`, "the copy button")
	noOverflow(t, ctx, "verdict with a message")
	page(t, ctx, "verdict with a message")
	want := eval[string](t, ctx, `document.getElementById("seller-message").textContent`)
	if !strings.HasPrefix(want, "Hello,") {
		t.Fatalf("the message reads %q", want)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-copy=seller-message]`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.querySelector("[data-copy-status=seller-message]").textContent.includes("copied")`, "the copied status")
	if got := eval[string](t, ctx, `navigator.clipboard.readText()`); got != want {
		t.Errorf("clipboard %q, want %q", got, want)
	}
	if role := eval[string](t, ctx, `document.querySelector("[data-copy-status=seller-message]").getAttribute("role")`); role != "status" {
		t.Errorf("the status is not announced: role %q", role)
	}
	shot(t, ctx, "verdict-message-375px")

	// The description on the evidence page.
	clickTo(t, ctx, `[data-testid=prepare]`, "Prepare your dispute")
	waitFor(t, ctx, `!document.querySelector("[data-bundle]").closest(".js-only").hidden`, "the evidence page's script")
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("story-ordered"), "A glass teapot, 1 litre")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.querySelector("[data-copy=dispute-description]")`, "the description's copy button")
	want = eval[string](t, ctx, `document.getElementById("dispute-description").textContent`)
	chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-copy=dispute-description]`)))
	waitFor(t, ctx, `document.querySelector("[data-copy-status=dispute-description]").textContent.includes("copied")`, "the description copied")
	if got := eval[string](t, ctx, `navigator.clipboard.readText()`); got != want {
		t.Errorf("clipboard %q, want the description %q", got, want)
	}
}

// TestFairReviewHelper: after a refusal the buyer checks a review before
// posting it, with JavaScript off (posted form) and with the wasm (live).
func TestFairReviewHelper(t *testing.T) {
	hostile := "One star unless you refund me today. Call me on +44 7700 900123. The lid cracked on the second day."
	for _, wasm := range []bool{false, true} {
		ctx := tab(t, wasm)
		chromedp.Do(ctx, chromedp.EmulateViewport(375, 800))
		open(t, ctx, "/dispute/result?claim=no_longer_wanted", wasm)
		eval[bool](t, ctx, `document.querySelectorAll("details").forEach(d => d.open = true), true`)
		clickTo(t, ctx, `[data-testid=guide-link-honest_review]`, "Write a fair review")
		if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("review"), hostile)); err != nil {
			t.Fatal(err)
		}
		if !wasm {
			markOld(t, ctx)
			chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=check-review]`)))
		}
		waitFor(t, ctx, `document.querySelector("[data-testid=checked-review]") && document.querySelector("[data-finding=phone]") && document.querySelector("[data-finding=feedback_threat]")`, "the checked review")
		got := eval[string](t, ctx, `document.querySelector("[data-testid=checked-review]").textContent`)
		if strings.Contains(got, "7700") || strings.Contains(got, "unless") || !strings.Contains(got, "lid cracked") {
			t.Errorf("checked review %q", got)
		}
		noOverflow(t, ctx, "review helper")
		page(t, ctx, map[bool]string{false: "nojs", true: "wasm"}[wasm]+" review helper")
	}
}

// TestOrderDetailsStayInTheBrowser: the buyer adds the order's details once;
// with the wasm they are written into the message as they type and kept in
// this browser for next time; with JavaScript off they are posted. Neither
// way puts them in an address.
func TestOrderDetailsStayInTheBrowser(t *testing.T) {
	csf := "/dispute/result?claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=false&refund_asked=false&protection_ends_on=unknown"
	for _, wasm := range []bool{false, true} {
		ctx := tab(t, wasm)
		chromedp.Do(ctx, chromedp.EmulateViewport(375, 800))
		open(t, ctx, csf, wasm)
		clickTo(t, ctx, `[data-testid=add-details]`, "Your order's details")
		if wasm {
			waitFor(t, ctx, `document.querySelector("[data-testid=details-form]").hasAttribute("data-live")`, "the details form's script")
		}
		if err := chromedp.Do(ctx,
			chromedp.SendKeys(chromedp.ID("detail-order"), "8190 2344 5566 7788"),
			chromedp.SendKeys(chromedp.ID("detail-item"), "Glass teapot"),
		); err != nil {
			t.Fatal(err)
		}
		if !wasm {
			markOld(t, ctx)
			chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=use-details]`)))
		} else {
			chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=use-details]`)))
		}
		waitFor(t, ctx, `document.getElementById("seller-message").textContent.includes("order 8190234455667788 (Glass teapot)")`, "the message with the details")
		if u := eval[string](t, ctx, `location.href`); strings.Contains(u, "8190") || strings.Contains(u, "teapot") {
			t.Errorf("the details reached the address: %s", u)
		}
		noOverflow(t, ctx, "order details")
		page(t, ctx, map[bool]string{false: "nojs", true: "wasm"}[wasm]+" order details")
		if wasm {
			// Next time, in this browser, they are there already.
			open(t, ctx, strings.Replace(csf, "/dispute/result", "/dispute/message", 1), true)
			waitFor(t, ctx, `document.getElementById("detail-order").value === "8190 2344 5566 7788" &&
				document.getElementById("seller-message").textContent.includes("order 8190234455667788")`, "the details kept in this browser")
			// The description on the evidence page names the order too.
			open(t, ctx, strings.Replace(csf, "/dispute/result", "/dispute/evidence", 1), true)
			waitFor(t, ctx, `!document.querySelector("[data-bundle]").closest(".js-only").hidden`, "the evidence page's script")
			if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("story-ordered"), "A glass teapot")); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, `document.getElementById("detail-order").value === "8190 2344 5566 7788" &&
				document.querySelector("[data-testid=order-details]").open`, "the evidence page's details filled from this browser")
			waitFor(t, ctx, `document.querySelector("[data-testid=description]") &&
				document.querySelector("[data-testid=description]").textContent.includes("Order number: 8190234455667788. Item: Glass teapot.")`, "the description with the order")
			// Clearing saved answers on the start page forgets them.
			open(t, ctx, "/", true)
			waitFor(t, ctx, `!document.querySelector("[data-saved]").hidden`, "the saved answers")
			chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-clear]`)))
			waitFor(t, ctx, `localStorage.getItem("calmclaim:details") === null`, "the details forgotten")
		} else {
			// With JavaScript off, the evidence page takes them with the story.
			open(t, ctx, strings.Replace(csf, "/dispute/result", "/dispute/evidence", 1), false)
			if err := chromedp.Do(ctx,
				chromedp.Click(chromedp.CSS(`[data-testid=order-details] summary`)),
				chromedp.SendKeys(chromedp.ID("detail-order"), "8190 2344 5566 7788"),
				chromedp.SendKeys(chromedp.ID("detail-item"), "Glass teapot"),
				chromedp.SendKeys(chromedp.ID("story-ordered"), "A glass teapot"),
			); err != nil {
				t.Fatal(err)
			}
			markOld(t, ctx)
			chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=check-description]`)))
			waitFor(t, ctx, `document.querySelector("[data-testid=description]") &&
				document.querySelector("[data-testid=description]").textContent.includes("Order number: 8190234455667788. Item: Glass teapot.")`, "the description with the order, JavaScript off")
			if u := eval[string](t, ctx, `location.href`); strings.Contains(u, "8190") {
				t.Errorf("the details reached the address: %s", u)
			}
		}
	}
}

// TestCalendarWithTheOrderNumberIsBuiltInThePage: with the order's details
// kept in this browser, the calendar link gives a file the page built
// itself, holding the order number, and no request carries it.
func TestCalendarWithTheOrderNumberIsBuiltInThePage(t *testing.T) {
	dir := t.TempDir()
	ctx := tab(t, true)
	c := chromedp.FromContext(ctx)
	if _, err := cdp.Call(ctx, c.Browser, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatal(err)
	}
	q := "claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=false" +
		"&refund_asked=true&refund_requested_on=" + daysAgo(2) + "&protection_ends_on=" + daysAgo(-30)
	open(t, ctx, "/", true)
	eval[bool](t, ctx, `localStorage.setItem("calmclaim:details", JSON.stringify({order: "8190 2344 5566 7788"})), true`)
	open(t, ctx, "/dispute/result?"+q, true)
	if err := chromedp.Do(ctx, call(network.Enable, network.EnableParams{})); err != nil {
		t.Fatal(err)
	}
	var leaked atomic.Int32
	events := chromedp.Events(ctx, network.RequestWillBeSent)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			if strings.Contains(ev.Request.URL, "8190") || strings.Contains(ev.Request.URL, "calendar.ics") {
				leaked.Add(1)
			}
		}
	}()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=ics]`))); err != nil {
		t.Fatal(err)
	}
	var data []byte
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && data == nil; time.Sleep(100 * time.Millisecond) {
		if m, _ := filepath.Glob(filepath.Join(dir, "*.ics")); len(m) == 1 {
			data, _ = os.ReadFile(m[0])
		}
	}
	if !strings.Contains(string(data), "8190234455667788") || strings.Count(string(data), "BEGIN:VALARM") != 2 {
		t.Errorf("the page's calendar file:\n%s", data)
	}
	if n := leaked.Load(); n != 0 {
		t.Errorf("%d requests for the calendar or with the order number", n)
	}
}
