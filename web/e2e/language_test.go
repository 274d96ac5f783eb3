package e2e_test

import (
	"strings"
	"testing"
)

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
	if !strings.Contains(got[0], "&lang=pl") || got[1] != "⟦en⟧ Calmclaim: before you buy" || got[2] != "pl" {
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
