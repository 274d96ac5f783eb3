package pages

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/i18n"
)

// everyPage is a page of every route and every template, with JavaScript
// off (forms posted) as well as on.
type postedPage struct {
	target string
	form   url.Values
}

func everyPage() []postedPage {
	csf := "claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=false&refund_asked=false&protection_ends_on=unknown"
	story := url.Values{"ordered": {"A kettle."}, "received": {"It does not heat. Call me on +44 7700 900123."},
		"difference": {"The listing says it boils water."}, "requested": {"A full refund."}}
	badStory := url.Values{"amount": {"12.505"}}
	for k, v := range story {
		badStory[k] = v
	}
	return []postedPage{
		{"/", nil},
		{"/dispute", nil},
		{"/dispute?embed=1&host=https%3A%2F%2Fhelp.example.com", nil},
		{"/dispute?claim=broken&paid_on_platform=true", nil},
		{"/dispute?claim=broken&submitted=paid_on_platform", nil},
		{"/dispute?claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=false&refund_asked=true&submitted=refund_requested_on&refund_requested_on-day=31&refund_requested_on-month=2&refund_requested_on-year=2026", nil},
		{"/dispute?" + brokenWait, nil},
		{"/dispute/result?" + brokenWait, nil},
		{"/dispute/result?" + withProtection("2026-11-27"), nil},
		{"/dispute/result?" + csf, nil},
		{"/dispute/result?claim=no_longer_wanted", nil},
		{"/dispute/evidence?" + brokenWait, nil},
		{"/dispute/evidence?" + brokenWait, story},
		{"/dispute/evidence?" + brokenWait, badStory},
		{"/dispute/message?" + brokenWait, url.Values{"order": {"8190 2344 5566 7788"}}},
		{"/dispute/message?" + csf, url.Values{"store": {"Call me on +44 7700 900123"}, "amount": {"12.505"}}},
		{"/checklist", nil},
		{"/checklist?off_platform_payment_requested=true", nil},
		{"/checklist?" + allChecklist("order_placed=true&order_placed_on=2026-11-10"), nil},
		{"/checklist/result?" + allChecklist("free_returns=false&photo_reviews_seen=unsure"), nil},
		{"/review", nil},
		{"/review", url.Values{"review": {"One star unless you refund me. The lid cracked on day two."}}},
		{"/demo/help-article", nil},
		{"/no-such-page", nil},
	}
}

// templateTexts are the English texts of the templates' and scripts'
// catalogs: the words the templates write (not the ones web/pages
// writes into the models).
func templateTexts(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, name := range []string{"layout.json", "pages.json", "scripts.json"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "i18n", "catalog", "en", name))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for k, v := range m {
			switch v := v.(type) {
			case string:
				out[k] = v
			case map[string]any:
				out[k], _ = v["other"].(string)
			}
		}
	}
	return out
}

var (
	rawKey = regexp.MustCompile(`\b(?:layout|page|script)\.[a-z_]+\.[a-z_.]+`)
	// A data-* attribute that holds words (marked untranslated in a page
	// of another language than English).
	wordsAttr = regexp.MustCompile(`\s(data-[a-z0-9-]+)="⟦en⟧ `)
	// An attribute app.js finds elements by.
	selectorAttr = regexp.MustCompile(`\[(data-[a-z0-9-]+)[\]=]`)
)

// TestTemplateWordsFollowTheLanguage renders every route in every
// language. In a page of another language than English, a text of the
// templates' catalogs may show in English only marked "⟦en⟧ " (a text
// still waiting for its translator), never bare: bare, it was written
// past the catalogs. No page shows a key instead of a text, no English
// page shows the mark, every text is on some page (a key no template
// uses is dead), and no attribute that holds words for app.js is one it
// selects elements by.
func TestTemplateWordsFollowTheLanguage(t *testing.T) {
	texts := templateTexts(t)
	// English that web/pages writes into the models is another engineer's
	// to localize; a catalog text that is also one of those is not
	// checked for bare English.
	var goSource strings.Builder
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			data, _ := os.ReadFile(f)
			goSource.Write(data)
		}
	}
	script, err := os.ReadFile(filepath.Join("..", "static", "app.js"))
	if err != nil {
		t.Fatal(err)
	}
	selectors := map[string]bool{}
	for _, m := range selectorAttr.FindAllStringSubmatch(string(script), -1) {
		selectors[m[1]] = true
	}
	pages := everyPage()
	covered := map[string]bool{"/dispute/calendar.ics": true} // a file, not a page
	for _, p := range pages {
		covered[strings.SplitN(p.target, "?", 2)[0]] = true
	}
	for _, r := range Routes {
		if !covered[r] {
			t.Errorf("route %s has no page in everyPage", r)
		}
	}
	for _, lang := range i18n.Langs {
		var all strings.Builder
		for _, p := range pages {
			u, _ := url.Parse(p.target)
			q := u.Query()
			q.Set("lang", string(lang))
			var buf bytes.Buffer
			if _, err := Render(context.Background(), &buf, Request{Path: u.Path, Query: q, Today: today, Runtime: wasm, Form: p.form}); err != nil {
				t.Fatal(err)
			}
			page := buf.String()
			all.WriteString(page)
			if k := rawKey.FindString(page); k != "" {
				t.Errorf("%s %s shows the key %q, not its text", lang, p.target, k)
			}
			// An attribute holding words for app.js must not be one app.js
			// finds elements by (data-saved on the details form made the
			// start page's script take it for the saved-answers box).
			for _, m := range wordsAttr.FindAllStringSubmatch(page, -1) {
				if selectors[m[1]] {
					t.Errorf("%s %s: %s holds words, and app.js selects elements by it", lang, p.target, m[1])
				}
			}
			if lang == i18n.English {
				if strings.Contains(page, "⟦en⟧") {
					t.Errorf("en %s shows the untranslated mark", p.target)
				}
				continue
			}
			for key, en := range texts {
				// The words before the first placeholder, if they are a phrase
				// (a single word may well be part of other English).
				lead, _, _ := strings.Cut(en, "{")
				if len(strings.Fields(lead)) < 2 || strings.Contains(goSource.String(), strings.TrimSpace(lead)) {
					continue
				}
				esc := html.EscapeString(lead)
				for i := 0; ; {
					j := strings.Index(page[i:], esc)
					if j < 0 {
						break
					}
					// Bare, a template's text starts a text or an attribute's
					// value; one inside another text is that text's matter.
					before := strings.TrimRight(page[:i+j], " ")
					if strings.HasSuffix(before, ">") || strings.HasSuffix(before, `="`) {
						t.Errorf("%s %s shows %s in bare English: %q", lang, p.target, key, lead)
						break
					}
					i += j + len(esc)
				}
			}
		}
		if lang == i18n.English {
			continue
		}
		for key, en := range texts {
			lead, _, _ := strings.Cut(en, "{")
			if strings.HasPrefix(key, "script.embed.") || lead == "" {
				continue // the widget's titles are in embed.js; a text that starts with a placeholder has no lead to find
			}
			if !strings.Contains(all.String(), html.EscapeString("⟦en⟧ "+lead)) {
				t.Errorf("%s: no page shows %s", lang, key)
			}
		}
	}
}
