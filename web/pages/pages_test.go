package pages

import (
	"bytes"
	"context"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/assistant"
)

var update = flag.Bool("update", false, "rewrite the golden expected.html files")

var today, _ = assistant.ParseDate("2026-11-22")

func render(t *testing.T, target string) (Response, string) {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	res, err := Render(context.Background(), &buf, Request{Path: u.Path, Query: u.Query(), Today: today})
	if err != nil {
		t.Fatal(err)
	}
	return res, buf.String()
}

const brokenWait = "claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund" +
	"&signed_before_inspection=true&refund_asked=true&refund_requested_on=2026-11-20"

// goldens are pages compared with testdata/<name>/expected.html. A page
// that differs is written to actual.html beside it.
var goldens = map[string]string{
	"start":             "/",
	"question-claim":    "/dispute",
	"question-conduct":  "/dispute?claim=broken&paid_on_platform=true",
	"question-date":     "/dispute?claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=false&refund_asked=true",
	"question-error":    "/dispute?claim=broken&submitted=paid_on_platform",
	"date-error":        "/dispute?claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=false&refund_asked=true&submitted=refund_requested_on&refund_requested_on-day=31&refund_requested_on-month=2&refund_requested_on-year=2026",
	"check":             "/dispute?" + brokenWait,
	"verdict-wait":      "/dispute/result?" + brokenWait,
	"verdict-not":       "/dispute/result?claim=no_longer_wanted",
	"checklist-first":   "/checklist",
	"checklist-result":  "/checklist/result?" + allChecklist("off_platform_payment_requested=true"),
	"demo":              "/demo/help-article",
	"question-embedded": "/dispute?embed=1&host=https%3A%2F%2Fhelp.example.com",
}

func allChecklist(extra string) string {
	v := url.Values{}
	for _, s := range checklistOrder {
		v.Set(s.Name, "true")
	}
	v.Set("seller_positive_percent", "97")
	v.Set("category", "general")
	v.Set("listing_condition", "new")
	q, _ := url.ParseQuery(extra)
	for k := range q {
		v.Set(k, q.Get(k))
	}
	return v.Encode()
}

func TestGoldenPages(t *testing.T) {
	for name, target := range goldens {
		t.Run(name, func(t *testing.T) {
			_, got := render(t, target)
			dir := filepath.Join("testdata", name)
			want, err := os.ReadFile(filepath.Join(dir, "expected.html"))
			if *update {
				os.MkdirAll(dir, 0o755)
				os.WriteFile(filepath.Join(dir, "expected.html"), []byte(got), 0o644)
				return
			}
			if err != nil {
				t.Fatalf("no golden file (run go test ./web/pages -update): %v", err)
			}
			if string(want) != got {
				os.WriteFile(filepath.Join(dir, "actual.html"), []byte(got), 0o644)
				t.Errorf("%s differs from %s/expected.html; see actual.html beside it", target, dir)
			}
		})
	}
}

func has(t *testing.T, html, want string) {
	t.Helper()
	if !strings.Contains(html, want) {
		t.Errorf("page lacks %q", want)
	}
}

func TestQuestionsFollowTheEngine(t *testing.T) {
	cases := []struct{ target, h1 string }{
		{"/dispute", "What went wrong with your order?"},
		{"/dispute?claim=not_received", "Did you pay through AliExpress&#39;s own checkout?"},
		{"/dispute?claim=not_received&paid_on_platform=true", "What does the parcel&#39;s tracking say?"},
		{"/dispute?claim=not_received&paid_on_platform=true&tracking=seized_by_customs", "Why did customs hold the parcel?"},
		{"/dispute?claim=counterfeit&paid_on_platform=true", "What did the listing say about the item&#39;s condition?"},
		{"/dispute?claim=missing_parts&paid_on_platform=true", "Did the listing or its package contents include what is missing?"},
		{"/dispute?claim=no_longer_wanted", "Check your answers"},
		// A stale answer from another branch does not skip a question.
		{"/dispute?claim=broken&tracking=delivered", "Did you pay through AliExpress&#39;s own checkout?"},
		// A tampered value is not an answer.
		{"/dispute?claim=stolen", "What went wrong with your order?"},
	}
	for _, c := range cases {
		_, html := render(t, c.target)
		has(t, html, `data-testid="h1">`+c.h1+`</h1>`)
	}
}

func TestBackLinkKeepsAnswers(t *testing.T) {
	_, html := render(t, "/dispute?claim=broken&paid_on_platform=true")
	has(t, html, `href="/dispute?at=paid_on_platform&amp;claim=broken&amp;paid_on_platform=true"`)
	_, html = render(t, "/dispute?at=paid_on_platform&claim=broken&paid_on_platform=true")
	has(t, html, `value="true" checked`)
	has(t, html, `href="/dispute?at=claim&amp;claim=broken&amp;paid_on_platform=true"`)
}

func TestUserTextIsEscaped(t *testing.T) {
	_, html := render(t, `/dispute?claim=broken&submitted=refund_requested_on&refund_asked=true&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=false&refund_requested_on-day=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E`)
	if strings.Contains(html, "<script>alert") {
		t.Fatal("user text reached the page unescaped")
	}
	has(t, html, "&#34;&gt;&lt;script&gt;")
}

func TestCalendarFile(t *testing.T) {
	res, ics := render(t, "/dispute/calendar.ics?"+brokenWait)
	if res.ContentType != "text/calendar; charset=utf-8" || res.Filename != "calmclaim-2026-11-30.ics" {
		t.Fatalf("%+v", res)
	}
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "DTSTART;VALUE=DATE:20261130\r\n", "DTEND;VALUE=DATE:20261201\r\n", "END:VCALENDAR\r\n"} {
		has(t, ics, want)
	}
	for _, line := range strings.Split(ics, "\r\n") {
		if len(line) > 75 {
			t.Errorf("line longer than 75 octets: %q", line)
		}
	}
	// An eligible verdict has no date to wait for.
	res, _ = render(t, "/dispute/calendar.ics?claim=no_longer_wanted")
	if res.Location == "" {
		t.Errorf("no redirect for a verdict without a date: %+v", res)
	}
}

func TestUnknownPageIs404(t *testing.T) {
	if res, _ := render(t, "/nowhere"); res.Status != 404 {
		t.Errorf("status %d", res.Status)
	}
}

// TestCarriedParametersAreBounded is named for a finding: the widget's host
// parameter was copied about five times into every page with no bound.
func TestCarriedParametersAreBounded(t *testing.T) {
	long := "https://help.example.com/" + strings.Repeat("a", 20000)
	_, html := render(t, "/dispute?embed=1&host="+url.QueryEscape(long))
	if strings.Contains(html, "aaaaaaaaaa") || len(html) > 20000 {
		t.Errorf("a long host was reflected (%d bytes)", len(html))
	}
	for in, want := range map[string]string{
		"https://help.example.com/a/b?c=d#e": `value="https://help.example.com"`,
		"http://localhost:8000":              `value="http://localhost:8000"`,
		"javascript:alert(1)":                "",
		"https://user:pw@help.example.com":   "",
		"//help.example.com":                 "",
	} {
		_, html := render(t, "/dispute?embed=1&today=2026-13-45&host="+url.QueryEscape(in))
		if want != "" {
			has(t, html, `<input type="hidden" name="host" `+want+`>`)
		} else if strings.Contains(html, `name="host"`) {
			t.Errorf("host %q was carried", in)
		}
		if strings.Contains(html, "2026-13-45") {
			t.Errorf("an impossible today was carried")
		}
	}
}

// TestCalendarPastYear9999 is named for a finding: a date past 9999 was
// written as DTSTART "100000110", which no calendar reads. iCalendar dates
// hold four-digit years, so such a verdict offers no calendar file.
func TestCalendarPastYear9999(t *testing.T) {
	q := strings.Replace(brokenWait, "refund_requested_on=2026-11-20", "refund_requested_on=9999-12-30", 1) + "&today=9999-12-31"
	res, ics := render(t, "/dispute/calendar.ics?"+q)
	if res.Location == "" || ics != "" {
		t.Errorf("a calendar file for year 10000: %+v %q", res, ics)
	}
	_, html := render(t, "/dispute/result?"+q)
	has(t, html, "10000") // the verdict still says the date
	if strings.Contains(html, `data-testid="ics"`) {
		t.Error("the verdict offers a calendar file it cannot make")
	}
	// The last day that fits still works.
	q = strings.Replace(brokenWait, "refund_requested_on=2026-11-20", "refund_requested_on=9999-12-20", 1) + "&today=9999-12-25"
	if _, ics := render(t, "/dispute/calendar.ics?"+q); !strings.Contains(ics, "DTSTART;VALUE=DATE:99991230\r\n") {
		t.Errorf("9999-12-30: %q", ics)
	}
}

// TestBackFromChangeReturnsToCheckAnswers: GOV.UK returns a buyer who
// changes an answer to check your answers, by the back link too.
func TestBackFromChangeReturnsToCheckAnswers(t *testing.T) {
	_, check := render(t, "/dispute?"+brokenWait)
	has(t, check, `href="/dispute?at=requested_remedy&amp;change=1&amp;`)
	_, html := render(t, "/dispute?at=requested_remedy&change=1&"+brokenWait)
	has(t, html, `class="back-link" data-testid="back"`)
	if !strings.Contains(html, `<a href="/dispute?claim=broken&amp;conduct=none&amp;paid_on_platform=true&amp;refund_asked=true&amp;refund_requested_on=2026-11-20&amp;requested_remedy=full_refund&amp;signed_before_inspection=true" class="back-link"`) {
		t.Error("the back link of a changed answer does not return to check your answers")
	}
	has(t, html, `<input type="hidden" name="change" value="1">`)
}

// TestRemedyOptionsFitTheClaim: a parcel that never came cannot be kept
// for a partial refund, returned, or completed with its missing parts.
func TestRemedyOptionsFitTheClaim(t *testing.T) {
	inr := "/dispute?at=requested_remedy&claim=not_received&paid_on_platform=true&tracking=lost&conduct=none"
	_, html := render(t, inr)
	for _, v := range []string{"partial_refund", "ship_missing", "return_and_refund"} {
		if strings.Contains(html, `value="`+v+`"`) {
			t.Errorf("not received offers %s", v)
		}
	}
	has(t, html, `value="full_refund"`)
	_, html = render(t, "/dispute?at=requested_remedy&claim=missing_parts&paid_on_platform=true&missing_item_in_listing=true&conduct=none")
	has(t, html, `value="ship_missing"`)
	// A tampered answer that does not fit the claim is asked again.
	_, html = render(t, "/dispute?claim=not_received&paid_on_platform=true&tracking=lost&conduct=none&requested_remedy=ship_missing")
	has(t, html, `data-testid="h1">What would settle this for you?</h1>`)
}

// TestExtraDemandOffersToChangeThatAnswer: asking for something extra is a
// refusal, but the buyer can change that one answer instead of starting again.
func TestExtraDemandOffersToChangeThatAnswer(t *testing.T) {
	q := strings.Replace(brokenWait, "requested_remedy=full_refund", "requested_remedy=extra_compensation", 1)
	_, html := render(t, "/dispute/result?"+q)
	has(t, html, `data-outcome="not_eligible"`)
	has(t, html, `data-testid="fix-answer">Change what would settle this</a>`)
	has(t, html, `href="/dispute?at=requested_remedy&amp;change=1&amp;`)
	// With a refund asked instead, the claim goes on to a date.
	_, html = render(t, "/dispute/result?"+brokenWait)
	if strings.Contains(html, `data-testid="fix"`) {
		t.Error("a fix offered on a claim that is not refused")
	}
}

// TestVerdictSpeaksWords: no rule ids in what a buyer reads; dates are
// machine-readable.
func TestVerdictSpeaksWords(t *testing.T) {
	_, html := render(t, "/dispute/result?"+brokenWait)
	has(t, html, `<time datetime="2026-11-30">Monday 30 November 2026</time>`)
	visible := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(html, " ")
	if strings.Contains(visible, "dispute.wait_10_days") || strings.Contains(visible, "broken.signed_receipt") {
		t.Error("a rule id is visible on the verdict")
	}
	_, ics := render(t, "/dispute/calendar.ics?"+brokenWait)
	if strings.Contains(ics, "dispute.wait_10_days") {
		t.Error("a rule id in the calendar file")
	}
}

func TestNotFoundPageAndTitles(t *testing.T) {
	res, html := render(t, "/nope")
	if res.Status != 404 {
		t.Errorf("status %d", res.Status)
	}
	has(t, html, `<title>Page not found – Calmclaim</title>`)
	has(t, html, `data-testid="h1">Page not found</h1>`)
	_, html = render(t, "/")
	if strings.Contains(html, "Calmclaim – Calmclaim") {
		t.Error("the start page's title repeats the name")
	}
}
