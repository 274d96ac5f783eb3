package e2e_test

import (
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/i18n"
	"github.com/chromedp/chromedp"
)

// TestHebrewMirrors: a Hebrew page is laid out right to left: the back
// link's arrow sits on the right and points right, a choice's box is on
// its right, and nothing scrolls sideways on a 320px screen; an English
// page keeps them on the left, pointing left.
func TestHebrewMirrors(t *testing.T) {
	ctx := tab(t, false)
	chromedp.Do(ctx, chromedp.EmulateViewport(320, 800))
	// The arrow is a box with a bottom and a left border, turned: its
	// transform's first entry is cos(angle), positive pointing left
	// (45deg), negative pointing right (-135deg).
	const arrow = `(function () {
		var s = getComputedStyle(document.querySelector(".back-link"), "::before");
		var m = new DOMMatrix(s.transform);
		var box = document.querySelector(".choice").getBoundingClientRect(), input = document.querySelector(".choice input").getBoundingClientRect();
		return [document.documentElement.dir, s.left === "0px" ? "left" : s.right === "0px" ? "right" : "neither", m.a > 0 ? "left" : "right",
			Math.abs(input.left - box.left) < 1 ? "left" : Math.abs(input.right - box.right) < 1 ? "right" : "neither"].join(" ");
	})()`
	for lang, want := range map[string]string{"he": "rtl right right right", "en": "ltr left left left"} {
		open(t, ctx, "/dispute?claim=broken&lang="+lang, false)
		if got := eval[string](t, ctx, arrow); got != want {
			t.Errorf("%s: dir, arrow on the, arrow points, box on the = %q, want %q", lang, got, want)
		}
		if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 320 {
			t.Errorf("%s: the question is %dpx wide at a 320px screen", lang, w)
		}
	}
	page(t, ctx, "hebrew question")
	open(t, ctx, "/dispute/result?claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=true&refund_asked=true&refund_requested_on="+daysAgo(2)+"&protection_ends_on=unknown&lang=he", false)
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 320 {
		t.Errorf("the Hebrew verdict is %dpx wide at a 320px screen", w)
	}
	page(t, ctx, "hebrew verdict")
}

// TestWidgetSpeaksItsLanguage: a widget tag with data-lang opens the
// wizard in that language, with the frame's title from that language's
// catalog; a tag we do not speak leaves the language to the browser.
func TestWidgetSpeaksItsLanguage(t *testing.T) {
	ctx := tab(t, true)
	open(t, ctx, "/demo/help-article", false)
	add := func(start, lang string) {
		eval[bool](t, ctx, `(function () {
			var s = document.createElement("script");
			s.src = "/static/embed.js";
			s.setAttribute("data-start", "`+start+`");
			s.setAttribute("data-lang", "`+lang+`");
			document.querySelector("main").appendChild(s);
			return true;
		})()`)
	}
	add("checklist", "pl-PL")
	frame := `document.querySelector("iframe[data-calmclaim=checklist]")`
	waitFor(t, ctx, frame+` && `+frame+`.contentDocument && `+frame+`.contentDocument.documentElement.lang === "pl"`, "the Polish wizard in the frame")
	got := eval[[]string](t, ctx, `[`+frame+`.src, `+frame+`.title, `+frame+`.lang]`)
	if !strings.Contains(got[0], "&lang=pl") || got[1] != i18n.For(i18n.Polish).T("script.embed.title.checklist") || got[2] != "pl" {
		t.Errorf("Polish frame: src, title, lang = %q", got)
	}
	add("dispute", "xx")
	frames := `document.querySelectorAll("iframe[data-calmclaim=dispute]")`
	waitFor(t, ctx, frames+`.length === 2`, "a second dispute frame")
	got = eval[[]string](t, ctx, `[`+frames+`[1].src, `+frames+`[1].title]`)
	if strings.Contains(got[0], "lang=") || got[1] != "Calmclaim: check a problem with your order" {
		t.Errorf("frame with an unknown data-lang: src, title = %q", got)
	}
}
