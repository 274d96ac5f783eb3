package pages

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/i18n"
)

// englishKeys are the keys of the English catalog files.
func englishKeys(t *testing.T) map[string]bool {
	t.Helper()
	files, _ := filepath.Glob("../../i18n/catalog/en/*.json")
	keys := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for k := range m {
			keys[k] = true
		}
	}
	return keys
}

// TestStepWordsAreInTheCatalog: every question's title, label on check
// your answers and options have English words, and every word the
// catalogs hold for a question belongs to one (a hint under a misspelt
// key would never show).
func TestStepWordsAreInTheCatalog(t *testing.T) {
	keys := englishKeys(t)
	used := map[string]bool{}
	need := func(s *step, key string) {
		used[key] = true
		if !keys[key] {
			t.Errorf("%s: no English text for %q", s.ID, key)
		}
	}
	for _, steps := range []map[string]*step{disputeSteps, checklistSteps} {
		for _, s := range steps {
			need(s, s.Key+".title")
			if s.Kind == "stop" {
				used[s.Key+".hint"] = true
			} else {
				need(s, s.Key+".short")
			}
			if s.Skippable {
				need(s, s.Key+".skip")
				need(s, s.Key+".skip_answer")
			}
			for _, o := range s.Options {
				need(s, o.Label)
				used[o.Hint] = true
			}
			used[s.Key+".hint"] = true
			used[s.Key+".help.summary"] = true
			for i := 1; i < 10; i++ {
				used[s.Key+".help."+strconv.Itoa(i)] = true
			}
		}
	}
	for k := range keys {
		if (strings.HasPrefix(k, "q.") || strings.HasPrefix(k, "check.q.") || strings.HasPrefix(k, "check.stop.")) && !used[k] {
			t.Errorf("%q belongs to no question", k)
		}
	}
}

// walk answers the dispute wizard as a buyer would, one submitted form
// after another, in lang (the browser's language when viaQuery is false,
// ?lang= otherwise), and returns each page it saw, the check-your-answers
// page and the verdict last.
func walk(t *testing.T, lang i18n.Lang, viaQuery bool, answers map[string]string) []string {
	t.Helper()
	get := func(path string, q url.Values) string {
		var buf bytes.Buffer
		r := Request{Path: path, Query: q, Today: today}
		if viaQuery {
			q.Set("lang", string(lang))
		} else {
			r.Lang = lang
		}
		if _, err := Render(context.Background(), &buf, r); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	var pages []string
	q := url.Values{}
	for range 20 {
		pages = append(pages, get("/dispute", q))
		_, _, current := dispute.walk(q, today)
		if current == "" {
			break
		}
		s := dispute.steps[current]
		a, ok := answers[s.Name]
		if !ok {
			t.Fatalf("no answer for %s", s.Name)
		}
		q.Set("submitted", s.ID)
		if d, isDate := strings.CutPrefix(a, "date:"); isDate {
			parts := strings.Split(d, "-")
			q.Set(s.Name+"-year", parts[0])
			q.Set(s.Name+"-month", parts[1])
			q.Set(s.Name+"-day", parts[2])
			q = normalizeDates(dispute, q, today)
		} else {
			q.Set(s.Name, a)
		}
	}
	return append(pages, get("/dispute/result", q))
}

// TestPolishAndHebrewWalks: a dispute walked in Polish (the browser's
// language) and in Hebrew (chosen with ?lang=) asks every question, shows
// the answers and the verdict with the language's full dates and its
// plural forms, and never an English date.
func TestPolishAndHebrewWalks(t *testing.T) {
	answers := map[string]string{"claim": "broken", "paid_on_platform": "true", "conduct": "none",
		"requested_remedy": "full_refund", "signed_before_inspection": "false", "refund_asked": "true",
		"refund_requested_on": "date:2026-11-20", "protection_ends_on": "date:2026-12-20"}
	for _, tc := range []struct {
		lang                  i18n.Lang
		viaQuery              bool
		htmlLang              string
		asked, earliest, last string
		days                  string
	}{
		{i18n.Polish, false, `<html lang="pl" dir="ltr"`, "piątek, 20 listopada 2026", "poniedziałek, 30 listopada 2026",
			"niedziela, 20 grudnia 2026", "10 dni"},
		{i18n.Hebrew, true, `<html lang="he" dir="rtl"`, "יום שישי, 20 בנובמבר 2026", "יום שני, 30 בנובמבר 2026",
			"יום ראשון, 20 בדצמבר 2026", "10 ימים"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			p := i18n.For(tc.lang)
			pages := walk(t, tc.lang, tc.viaQuery, answers)
			for i, html := range pages {
				if !strings.Contains(html, tc.htmlLang) {
					t.Errorf("page %d is not in %s", i, tc.lang)
				}
				// The message to the seller is describe's, in English for now.
				visible := sellerMessage.ReplaceAllString(withoutSwitcher(html), "")
				for _, english := range []string{"Monday", "Friday", "Sunday", "November", "December", "10 days"} {
					if strings.Contains(visible, english) {
						t.Errorf("page %d has the English %q", i, english)
					}
				}
			}
			first := pages[0]
			has(t, first, escape(p.T("q.claim.title")))
			has(t, first, escape(p.T("q.claim.option.broken")))
			check, verdict := pages[len(pages)-2], pages[len(pages)-1]
			has(t, check, escape(p.T("page.title.check")))
			has(t, check, tc.asked)
			has(t, check, tc.last)
			has(t, verdict, `<time datetime="2026-11-30">`+tc.earliest+`</time>`)
			has(t, verdict, `<time datetime="2026-12-20">`+tc.last+`</time>`)
			has(t, verdict, escape(p.T("verdict.heading.wait", "date", "")))
			has(t, verdict, escape(p.T("evidence.refund_request_record.label")))
			has(t, verdict, tc.days) // the seller's 10 days, in the language's plural
		})
	}
}

// TestPolishChecklistDate: the checklist's last day to pay is the
// language's full date, marked up, on the result page.
func TestPolishChecklistDate(t *testing.T) {
	var buf bytes.Buffer
	q, _ := url.ParseQuery(allChecklist("order_placed=true&order_placed_on=2026-11-10"))
	if _, err := Render(context.Background(), &buf, Request{Path: "/checklist/result", Query: q, Today: today, Lang: i18n.Polish}); err != nil {
		t.Fatal(err)
	}
	has(t, buf.String(), `<time datetime="2026-11-30">poniedziałek, 30 listopada 2026</time>`)
	has(t, buf.String(), escape(i18n.For(i18n.Polish).T("check.item.pre.payment_window.title")))
}

// TestPolishCalendarFile: the calendar file speaks the page's language.
func TestPolishCalendarFile(t *testing.T) {
	q, _ := url.ParseQuery(withProtection("2026-12-20"))
	pl := i18n.For(i18n.Polish)
	data, _ := Calendar(q, today, "8190234455667788", i18n.Polish)
	if want := icsEscape(pl.T("calendar.order_line", "order", "8190234455667788")); !strings.Contains(unfold(data), want) {
		t.Errorf("no %q in\n%s", want, data)
	}
	q.Set("lang", "en") // the address's language wins over the page's
	if data, _ := Calendar(q, today, "", i18n.Polish); !strings.Contains(unfold(data), "SUMMARY:Last day for your AliExpress dispute") {
		t.Errorf("?lang=en: %s", data)
	}
}

var sellerMessage = regexp.MustCompile(`(?s)<pre[^>]*data-testid="seller-message".*?</pre>`)

func unfold(ics string) string { return strings.ReplaceAll(ics, "\r\n ", "") }

// escape is s as templ writes it in HTML text.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}
