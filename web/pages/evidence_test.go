package pages

import (
	"bytes"
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/assistant/bundle"
)

// TestEvidencePageNamesTheCleanedFormats: the page says exactly which
// formats the bundle cleans and which it does not, as package bundle
// knows them (a format cleaned, or no longer cleaned, fails here until
// the page says so).
func TestEvidencePageNamesTheCleanedFormats(t *testing.T) {
	_, html := render(t, "/dispute/evidence?"+brokenWait)
	span := func(id string) string {
		m := regexp.MustCompile(`data-testid="` + id + `">([^<]*)<`).FindStringSubmatch(html)
		if m == nil {
			t.Fatalf("no %s on the page", id)
		}
		return m[1]
	}
	words := map[bool]map[string]bool{}
	for _, cleaned := range []bool{true, false} {
		words[cleaned] = map[string]bool{}
		for _, w := range regexp.MustCompile(`[A-Za-z0-9]+`).FindAllString(span(map[bool]string{true: "formats-cleaned", false: "formats-not-cleaned"}[cleaned]), -1) {
			if strings.ToUpper(w[:1]) == w[:1] {
				words[cleaned][w] = true
			}
		}
	}
	named := map[string]bool{}
	for _, f := range bundle.Formats() {
		if f.Name == "" {
			continue
		}
		named[f.Name] = true
		if !words[f.Cleaned][f.Name] || words[!f.Cleaned][f.Name] {
			t.Errorf("%s (cleaned: %v) is not listed where it belongs", f.Name, f.Cleaned)
		}
	}
	for _, cleaned := range []bool{true, false} {
		for w := range words[cleaned] {
			if !named[w] {
				t.Errorf("the page lists %s, which the bundle does not know", w)
			}
		}
	}
}

// TestEvidencePageChoicesStartOff: the original names are left out unless
// the buyer ticks the box, and each file that cannot be cleaned starts as
// "leave it out".
func TestEvidencePageChoicesStartOff(t *testing.T) {
	_, html := render(t, "/dispute/evidence?"+brokenWait)
	box := regexp.MustCompile(`<input type="checkbox" id="original-names"[^>]*>`).FindString(html)
	if box == "" || strings.Contains(box, "checked") {
		t.Errorf("original names box: %q", box)
	}
	leave := regexp.MustCompile(`<input type="radio" value="leave"[^>]*>`).FindString(html)
	include := regexp.MustCompile(`<input type="radio" value="include"[^>]*>`).FindString(html)
	if !strings.Contains(leave, "checked") || strings.Contains(include, "checked") {
		t.Errorf("choices: %q %q", leave, include)
	}
	for _, want := range []string{`<progress id="bundle-progress"`, `aria-live="polite"`, `data-testid="not-cleaned"`} {
		has(t, html, want)
	}
}

// TestOrderDetailsOnTheEvidencePageWithoutJavaScript: with JavaScript off
// the order's details are posted with the story and reach the description,
// escaped and validated, never an address (issue 11: they reached only the
// message page).
func TestOrderDetailsOnTheEvidencePageWithoutJavaScript(t *testing.T) {
	post := func(form url.Values) string {
		var buf bytes.Buffer
		if _, err := Render(context.Background(), &buf, Request{Path: "/dispute/evidence", Query: mustQuery(t, brokenWait), Today: today, Form: form}); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	_, html := render(t, "/dispute/evidence?"+brokenWait)
	for _, name := range []string{"order", "item", "option", "store", "amount", "currency", "ordered_on"} {
		has(t, html, `id="detail-`+name+`" name="`+name+`"`)
	}
	story := url.Values{"ordered": {"A kettle, 1.7 litres."}, "received": {"It does not heat."},
		"difference": {"The listing says it boils water."}, "requested": {"A full refund."},
		"order": {"8190 2344 5566 7788"}, "item": {`Kettle "<script>alert(1)</script>`}, "store": {"Best Kitchen Store"}}
	html = post(story)
	has(t, html, `data-testid="description"`)
	has(t, html, "8190234455667788")
	has(t, html, "Kettle &#34;&lt;script&gt;alert(1)&lt;/script&gt;")
	has(t, html, `data-testid="order-details" open`)
	if strings.Contains(html, "<script>alert") {
		t.Error("a detail reached the page unescaped")
	}
	if regexp.MustCompile(`(href|action)="[^"]*8190`).MatchString(html) {
		t.Error("the order number went into an address")
	}
	story.Set("amount", "12.505")
	html = post(story)
	has(t, html, `data-testid="error-summary"`)
	has(t, html, `href="#detail-amount"`)
	has(t, html, "<title>Error: Prepare your dispute")
	if strings.Contains(html, `data-testid="description"`) {
		t.Error("a description was written with a refused detail")
	}
}
