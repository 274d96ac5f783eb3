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
	"unicode/utf8"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/calmclaim/calmclaim/templates"
	"github.com/calmclaim/calmclaim/web/assets"
)

var update = flag.Bool("update", false, "rewrite the golden expected.html files")

var today, _ = assistant.ParseDate("2026-11-22")

// en prints English, the language of the goldens.
var en = i18n.For(i18n.English)

// wasm stands for the hashed names a server finds for the page's wasm.
var wasm = assets.Runtime{Wasm: "/static/app.0123abcd.wasm", WasmExec: "/static/wasm_exec.4567cdef.js"}

func render(t *testing.T, target string) (Response, string) {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	res, err := Render(context.Background(), &buf, Request{Path: u.Path, Query: u.Query(), Today: today, Runtime: wasm})
	if err != nil {
		t.Fatal(err)
	}
	return res, buf.String()
}

const brokenWait = "claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund" +
	"&signed_before_inspection=true&refund_asked=true&refund_requested_on=2026-11-20&protection_ends_on=unknown"

// goldens are pages compared with testdata/<name>/expected.html. A page
// that differs is written to actual.html beside it.
var goldens = map[string]string{
	"start":            "/",
	"question-claim":   "/dispute",
	"question-conduct": "/dispute?claim=broken&paid_on_platform=true",
	"question-date":    "/dispute?claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=false&refund_asked=true",
	"question-error":   "/dispute?claim=broken&submitted=paid_on_platform",
	"date-error":       "/dispute?claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=false&refund_asked=true&submitted=refund_requested_on&refund_requested_on-day=31&refund_requested_on-month=2&refund_requested_on-year=2026",
	"check":            "/dispute?" + brokenWait,
	"verdict-wait":     "/dispute/result?" + brokenWait,
	"verdict-not":      "/dispute/result?claim=no_longer_wanted",
	"checklist-first":  "/checklist",
	"checklist-stop":   "/checklist?off_platform_payment_requested=true",
	"checklist-check":  "/checklist?" + allChecklist("off_platform_payment_requested=true&continue_pay_on_platform=1&order_placed=true&order_placed_on=2026-11-10"),
	"checklist-result": "/checklist/result?" + allChecklist("off_platform_payment_requested=true&continue_pay_on_platform=1"+
		"&free_returns=false&photo_reviews_seen=unsure&order_placed=true&order_placed_on=2026-11-10"),
	"demo":                "/demo/help-article",
	"question-embedded":   "/dispute?embed=1&host=https%3A%2F%2Fhelp.example.com",
	"question-protection": "/dispute?" + strings.TrimSuffix(brokenWait, "&protection_ends_on=unknown"),
	"verdict-last-day":    "/dispute/result?" + withProtection("2026-12-20"),
	"verdict-ends-first":  "/dispute/result?" + withProtection("2026-11-27"),
	// Other languages: the templates' words from the catalogs ("⟦en⟧ "
	// marks an English text no translator has replaced yet), Hebrew right
	// to left.
	"start-pl":          "/?lang=pl",
	"date-error-pl":     "/dispute?lang=pl&claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=false&refund_asked=true&submitted=refund_requested_on&refund_requested_on-day=31&refund_requested_on-month=2&refund_requested_on-year=2026",
	"question-claim-he": "/dispute?lang=he",
	"verdict-wait-he":   "/dispute/result?" + brokenWait + "&lang=he",
}

// withProtection is brokenWait (a wait until Monday 30 November 2026) with
// Buyer Protection ending on the date given.
func withProtection(date string) string {
	return strings.Replace(brokenWait, "protection_ends_on=unknown", "protection_ends_on="+date, 1)
}

// allChecklist answers every checklist question well, with extra on top.
func allChecklist(extra string) string {
	v := url.Values{}
	for _, s := range checklistOrder {
		v.Set(s.Name, "true")
	}
	for name, good := range map[string]string{"off_platform_payment_requested": "false", "asked_for_login_or_code": "false",
		"seller_positive_percent": "97", "category": "general", "listing_condition": "new", "order_placed": "false"} {
		v.Set(name, good)
	}
	v.Del("wants_genuine")
	v.Del("order_placed_on")
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
	if !strings.Contains(html, `<a href="/dispute?claim=broken&amp;conduct=none&amp;paid_on_platform=true&amp;protection_ends_on=unknown&amp;refund_asked=true&amp;refund_requested_on=2026-11-20&amp;requested_remedy=full_refund&amp;signed_before_inspection=true" class="back-link"`) {
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

// h1 is the page's main heading.
func h1(html string) string {
	_, after, _ := strings.Cut(html, `data-testid="h1">`)
	text, _, _ := strings.Cut(after, "</h1>")
	return text
}

// canStop reports whether some answer to the step, on its own or with the
// other half of the imitation stop, makes a checklist item a stop.
func canStop(s *step) bool {
	for _, o := range s.Options {
		for _, extra := range []string{"", "listing_condition=imitation", "wants_genuine=true"} {
			q, _ := url.ParseQuery(extra)
			q.Set(s.Name, o.Value)
			for _, it := range assistant.Checklist(today, ChecklistFacts(q)).Items {
				if it.Status == assistant.StatusStop {
					return true
				}
			}
		}
	}
	return false
}

// TestChecklistAsksWhatDecidesFirst is named for a finding: the question
// that can stop an order (paying outside the checkout) was question 15 of
// 19. Every question whose answer can be a stop comes before all others.
func TestChecklistAsksWhatDecidesFirst(t *testing.T) {
	var deciding []string
	for i, s := range checklistOrder {
		if canStop(s) {
			deciding = append(deciding, s.ID)
			if i >= len(deciding) {
				t.Errorf("%s can stop the order but is question %d, after others", s.ID, i+1)
			}
		}
	}
	if strings.Join(deciding, " ") != "off_platform_payment_requested listing_condition wants_genuine asked_for_login_or_code" {
		t.Errorf("deciding questions %v", deciding)
	}
	// As a buyer meets them: payment, the listing's condition (with the
	// genuine question for an imitation), the login request, then the rest.
	walk := []struct{ target, h1 string }{
		{"/checklist", "Has the seller asked you to pay outside the checkout?"},
		{"/checklist?off_platform_payment_requested=false", "What does the listing say about the item&#39;s condition?"},
		{"/checklist?off_platform_payment_requested=false&listing_condition=imitation", "Do you want the genuine branded product?"},
		{"/checklist?off_platform_payment_requested=false&listing_condition=imitation&wants_genuine=false", "Has anyone asked for your password or a one-time code, or sent you a login link?"},
		{"/checklist?off_platform_payment_requested=false&listing_condition=new", "Has anyone asked for your password or a one-time code, or sent you a login link?"},
		{"/checklist?off_platform_payment_requested=false&listing_condition=new&asked_for_login_or_code=false", "Have you chosen the exact model, size and colour?"},
	}
	for _, w := range walk {
		if _, html := render(t, w.target); h1(html) != w.h1 {
			t.Errorf("%s asks %q, want %q", w.target, h1(html), w.h1)
		}
	}
}

// TestChecklistStopEndsTheWalk: an answer that is a stop ends the walk on
// a page that says why, cites its source in words, links back to change
// that answer and offers to go on anyway. Nothing after it is asked, and
// the result is not given.
func TestChecklistStopEndsTheWalk(t *testing.T) {
	cases := []struct{ answers, item, heading, reason, source, change string }{
		{"off_platform_payment_requested=true", "pre.pay_on_platform", "Stop: do not pay this seller outside the checkout",
			"The seller asked for payment outside the checkout.", "Source: About AliExpress Buyer Protection, Under what conditions",
			"at=off_platform_payment_requested"},
		{"off_platform_payment_requested=false&listing_condition=imitation&wants_genuine=true", "pre.listing_condition",
			"Stop: this listing is not the genuine product", "Listed as an imitation, but you want the genuine product",
			"Source: About AliExpress Buyer Protection, Items received that are not as described", "at=wants_genuine"},
		{"off_platform_payment_requested=false&listing_condition=new&asked_for_login_or_code=true", "pre.account_safety",
			"Stop: do not give anyone your login or a code", "Someone asked for your login or a code.",
			"Source: AliExpress Rules and Terms of Use for Buyers, Account access and security", "at=asked_for_login_or_code"},
	}
	for _, c := range cases {
		for _, target := range []string{"/checklist?" + c.answers, "/checklist/result?" + allChecklist(c.answers)} {
			_, html := render(t, target)
			if h1(html) != c.heading {
				t.Errorf("%s: heading %q, want %q", target, h1(html), c.heading)
				continue
			}
			has(t, html, `data-testid="stop" data-item="`+c.item+`"`)
			has(t, html, c.reason)
			has(t, html, c.source)
			has(t, html, `data-testid="continue-anyway">Continue with the checklist anyway</button>`)
			name := "continue_" + strings.TrimPrefix(c.item, "pre.")
			has(t, html, `<input type="hidden" name="`+name+`" value="1">`)
			for _, testid := range []string{"change-answer", "back"} {
				before, _, found := strings.Cut(html, `data-testid="`+testid+`"`)
				href := before[max(strings.LastIndex(before, `href="`), 0):]
				if !found || !strings.Contains(href, c.change) {
					t.Errorf("%s: %s link %q does not go back to the answer (%s)", target, testid, href, c.change)
				}
			}
		}
	}
	// The change link shows the question with the answer selected.
	_, html := render(t, "/checklist?at=off_platform_payment_requested&off_platform_payment_requested=true")
	has(t, html, `value="true" checked`)
}

// TestChecklistContinueAnyway: going on from a stop asks the next
// question; its back link returns to the stop page; check-your-answers is
// reached at the end and lists answers, not the choice to go on.
func TestChecklistContinueAnyway(t *testing.T) {
	_, html := render(t, "/checklist?off_platform_payment_requested=true&submitted=continue_pay_on_platform&continue_pay_on_platform=1")
	if h1(html) != "What does the listing say about the item&#39;s condition?" {
		t.Fatalf("after going on: %q", h1(html))
	}
	has(t, html, `href="/checklist?at=continue_pay_on_platform&amp;continue_pay_on_platform=1&amp;off_platform_payment_requested=true" class="back-link"`)
	has(t, html, `<input type="hidden" name="continue_pay_on_platform" value="1">`)
	_, html = render(t, "/checklist?at=continue_pay_on_platform&continue_pay_on_platform=1&off_platform_payment_requested=true")
	has(t, html, `data-testid="stop" data-item="pre.pay_on_platform"`)

	// A later stop ends the walk again, even after going on past the first.
	_, html = render(t, "/checklist?off_platform_payment_requested=true&continue_pay_on_platform=1&listing_condition=new&asked_for_login_or_code=true")
	has(t, html, `data-testid="stop" data-item="pre.account_safety"`)

	all := allChecklist("off_platform_payment_requested=true&continue_pay_on_platform=1")
	_, html = render(t, "/checklist?"+all)
	if h1(html) != "Check your answers" {
		t.Fatalf("the end of the walk: %q", h1(html))
	}
	if strings.Contains(html, "Continue with the checklist anyway") {
		t.Error("check-your-answers lists the choice to go on")
	}
	has(t, html, `data-testid="change-off_platform_payment_requested"`)
	_, html = render(t, "/checklist/result?"+all)
	has(t, html, `data-outcome="stop"`)
	has(t, html, `data-item="pre.pay_on_platform" data-status="stop"`)

	// Changing the answer drops the choice to go on with it.
	_, html = render(t, "/checklist?"+strings.Replace(all, "off_platform_payment_requested=true", "off_platform_payment_requested=false", 1))
	// (The language switcher links to this same address in each language.)
	if strings.Contains(withoutSwitcher(html), "continue_pay_on_platform") {
		t.Error("a stale choice to go on was carried")
	}
}

// TestEveryStopHasAPage: any item the engine can make a stop has a stop
// page, and the walk ends on it (over random answers).
func TestEveryStopHasAPage(t *testing.T) {
	stops := map[string]bool{}
	for _, s := range checklistStops {
		stops[s.Item] = true
	}
	seed := uint64(1)
	for range 2000 {
		q := url.Values{}
		for _, s := range checklistOrder {
			seed = seed*6364136223846793005 + 1442695040888963407
			if len(s.Options) > 0 {
				q.Set(s.Name, s.Options[int(seed>>33)%len(s.Options)].Value)
			}
		}
		for _, it := range assistant.Checklist(today, ChecklistFacts(q)).Items {
			if it.Status == assistant.StatusStop && !stops[it.ID] {
				t.Fatalf("%s can be a stop but has no stop page (%v)", it.ID, q)
			}
		}
	}
}

// TestUnansweredIsNotFine is named for a finding: the payment window was
// never asked and showed as "Fine". An item whose questions have no answer
// is not checked, and "not sure" is not fine either.
func TestUnansweredIsNotFine(t *testing.T) {
	known := url.Values{"off_platform_payment_requested": {"false"}}
	verdict, items := checklistOutcome(en, today, []*step{checklistSteps["off_platform_payment_requested"]}, known)
	if verdict != assistant.VerdictCaution {
		t.Errorf("verdict %s", verdict)
	}
	for _, it := range items {
		want := "unknown"
		if it.ID == "pre.pay_on_platform" {
			want = "ok"
		}
		if it.Status != want {
			t.Errorf("%s is %s with one question answered, want %s", it.ID, it.Status, want)
		}
		if want == "unknown" && (it.Answers != "You have not answered this." || it.Finding != "") {
			t.Errorf("%s: %q %q", it.ID, it.Finding, it.Answers)
		}
	}
	_, html := render(t, "/checklist/result?"+allChecklist("seller_positive_percent=unsure&order_placed=false"))
	has(t, html, `data-item="pre.seller_rating" data-status="unknown"`)
	has(t, html, `<h2 id="group-unknown">Not checked (1)</h2>`)
	// Every question answered: the payment window is asked, so it can be fine.
	has(t, html, `data-item="pre.payment_window" data-status="ok"`)
	has(t, html, "You said: Order placed \u2014 No, not yet.")
	_, html = render(t, "/checklist/result?"+allChecklist(""))
	has(t, html, `data-outcome="go"`)
}

// TestChecklistResultGroups: the result groups its items as stop, check
// before you pay, not checked and fine, each heading with its count, and
// each item leads with the buyer's own finding, then the advice and source.
func TestChecklistResultGroups(t *testing.T) {
	_, html := render(t, "/checklist/result?"+allChecklist("off_platform_payment_requested=true&continue_pay_on_platform=1"+
		"&free_returns=false&category=batteries&import_rules_checked=false&photo_reviews_seen=unsure"))
	headings := []string{`<h2 id="group-stop">Stop (1)</h2>`, `<h2 id="group-warn">Check before you pay (3)</h2>`,
		`<h2 id="group-unknown">Not checked (1)</h2>`, `<h2 id="group-ok">Fine (13)</h2>`}
	at := 0
	for _, h := range headings {
		i := strings.Index(html, h)
		if i < at {
			t.Errorf("%s missing or out of order", h)
		}
		at = i
	}
	for _, it := range assistant.ChecklistItems {
		if n := strings.Count(html, `data-item="`+it.ID+`"`); n != 1 {
			t.Errorf("%s shown %d times", it.ID, n)
		}
		_, card, _ := strings.Cut(html, `data-item="`+it.ID+`"`)
		card, _, _ = strings.Cut(card, "</li>")
		said, advice, source := strings.Index(card, `class="answers"`), strings.Index(card, it.Summary), strings.Index(card, "Source: ")
		if finding := strings.Index(card, `data-testid="finding"`); finding >= 0 && finding > said {
			t.Errorf("%s: the finding comes after the answers", it.ID)
		}
		if said < 0 || advice >= 0 && said > advice || source < advice {
			t.Errorf("%s: not finding, advice, source in that order", it.ID)
		}
	}
	// The two import items say different things for a restricted kind.
	has(t, html, "This kind of item may need a permit or a certificate where you live")
	if n := strings.Count(html, "permit or a certificate where you live"); n != 1 {
		t.Errorf("the restriction is said %d times", n)
	}
}

// TestChecklistDates: the payment window's date is a <time> element, in
// words, and an order date in the future is refused.
func TestChecklistDates(t *testing.T) {
	_, html := render(t, "/checklist/result?"+allChecklist("order_placed=true&order_placed_on=2026-11-10"))
	has(t, html, `Pay by <time datetime="2026-11-30">Monday 30 November 2026</time>.`)
	_, html = render(t, "/checklist/result?"+allChecklist("order_placed=true&order_placed_on=2026-10-01"))
	has(t, html, `The last day to pay was <time datetime="2026-10-21">Wednesday 21 October 2026</time>, so the order`)
	has(t, html, `data-item="pre.payment_window" data-status="warn"`)
	_, html = render(t, "/checklist?"+strings.Replace(allChecklist("order_placed=true"), "&", "&submitted=order_placed_on&order_placed_on-day=1&order_placed_on-month=1&order_placed_on-year=2027&", 1))
	has(t, html, "The date must be today or in the past")
}

var tags = regexp.MustCompile(`(?s)<[^>]*>`)

// TestNoRuleIDsOnChecklistPages: buyers read words; item ids stay in data
// attributes.
func TestNoRuleIDsOnChecklistPages(t *testing.T) {
	id := regexp.MustCompile(`\bpre\.[a-z_]+`)
	for _, target := range []string{"/checklist", "/checklist?off_platform_payment_requested=true",
		"/checklist?" + allChecklist("order_placed=true&order_placed_on=2026-11-10"),
		"/checklist/result?" + allChecklist("free_returns=false&photo_reviews_seen=unsure&order_placed=true&order_placed_on=2026-11-10")} {
		_, html := render(t, target)
		if m := id.FindString(tags.ReplaceAllString(html, " ")); m != "" {
			t.Errorf("%s shows %s", target, m)
		}
	}
}

// TestChecklistItemPages: every item has a title and questions that exist.
func TestChecklistItemPages(t *testing.T) {
	for _, it := range assistant.ChecklistItems {
		steps, ok := checklistItemPages[it.ID]
		if !ok || !en.Has("check.item."+it.ID+".title") || len(steps) == 0 {
			t.Errorf("%s has no title or questions", it.ID)
		}
		for _, name := range steps {
			if checklistSteps[name] == nil {
				t.Errorf("%s: no question %s", it.ID, name)
			}
		}
	}
	if len(checklistItemPages) != len(assistant.ChecklistItems) {
		t.Errorf("%d item pages for %d items", len(checklistItemPages), len(assistant.ChecklistItems))
	}
}

// TestWasmAddressOnTheScriptTag: app.js learns where the page's wasm (and
// the worker it hashes evidence in) is from its own tag, and the
// stylesheets and app.js have hashed names.
func TestWasmAddressOnTheScriptTag(t *testing.T) {
	_, html := render(t, "/dispute")
	has(t, html, `<script src="`+assets.URL("app.js")+`" defer data-sha256-worker="`+assets.URL("sha256-worker.js")+
		`" data-wasm="/static/app.0123abcd.wasm" data-wasm-exec="/static/wasm_exec.4567cdef.js"></script>`)
	has(t, html, `<link rel="stylesheet" href="`+assets.URL("app.css")+`">`)
	if strings.Contains(html, `"/static/app.css"`) || strings.Contains(html, `"/static/app.js"`) {
		t.Error("an unhashed asset name in the page")
	}
	// Rendered in the browser (no Runtime), the tag has no wasm address;
	// app.js keeps the <head> it started with.
	var buf bytes.Buffer
	if _, err := Render(context.Background(), &buf, Request{Path: "/dispute", Today: today}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "data-wasm") {
		t.Error("data-wasm without a Runtime")
	}
}

func TestPagesHaveAFavicon(t *testing.T) {
	_, html := render(t, "/")
	has(t, html, `<link rel="icon" href="`+assets.URL("favicon.svg")+`" type="image/svg+xml">`)
}

// TestVerdictCarriesTheBuyerToResolution: a message to the seller while the
// seller may still settle it, the dispute's steps while one is possible,
// returns for items received, and what remains after a refusal.
func TestVerdictCarriesTheBuyerToResolution(t *testing.T) {
	csf := strings.Replace(brokenWait, "&refund_asked=true&refund_requested_on=2026-11-20", "&refund_asked=false", 1)
	if !strings.Contains(csf, "protection_ends_on") {
		csf += "&protection_ends_on=unknown"
	}
	for _, tc := range []struct {
		target               string
		message, steps, back bool
	}{
		{"/dispute/result?" + brokenWait, true, true, true},
		{"/dispute/result?" + csf, true, true, true},
		{"/dispute/result?" + strings.Replace(brokenWait, "2026-11-20", "2026-11-01", 1), false, true, true},
		{"/dispute/result?claim=not_received&paid_on_platform=true&tracking=lost&conduct=none&requested_remedy=full_refund&refund_asked=false&protection_ends_on=unknown", true, true, false},
		{"/dispute/result?claim=no_longer_wanted", false, false, false},
	} {
		_, html := render(t, tc.target)
		if got := strings.Contains(html, `data-testid="seller-message"`); got != tc.message {
			t.Errorf("%s: seller message %v, want %v", tc.target, got, tc.message)
		}
		if got := strings.Contains(html, `data-testid="dispute-steps"`); got != tc.steps {
			t.Errorf("%s: dispute steps %v, want %v", tc.target, got, tc.steps)
		}
		if got := strings.Contains(html, `data-testid="returns"`); got != tc.back {
			t.Errorf("%s: returns %v, want %v", tc.target, got, tc.back)
		}
		if tc.message {
			has(t, html, `data-guide="off_platform" class="guide-stop"`)
			has(t, html, `data-copy="seller-message"`)
		}
		if !tc.steps {
			has(t, html, `data-guide="statutory_rights"`)
		}
	}
	_, html := render(t, "/dispute/result?claim=not_received&paid_on_platform=true&tracking=lost&conduct=none&requested_remedy=full_refund&refund_asked=false&protection_ends_on=unknown")
	has(t, html, "The order has not arrived, and the carrier reports the parcel as lost.")
	has(t, html, "Choose \u201crefund only\u201d: there is nothing to send back.")
}

// TestGuidanceCitesTheSeeds: every point of guidance cites a listed source
// document and a section, like the rules.
func TestGuidanceCitesTheSeeds(t *testing.T) {
	docs := []string{"Aliexpress rules for buyers", "About AliExpress Buyer Protection", "AliExpress Rules and Terms of Use for Buyers"}
	var all []templates.GuideItem
	all = append(all, returnSteps(en)...)
	all = append(all, refusalRights(en)...)
	for _, c := range []assistant.Claim{assistant.NotReceived, assistant.NotAsDescribed, assistant.Counterfeit, assistant.Broken, assistant.MissingParts} {
		all = append(all, disputeHowTo(en, c)...)
		all = append(all, sellerReplies(en, c)...)
	}
	for _, it := range all {
		ok := false
		for _, d := range docs {
			if rest, found := strings.CutPrefix(it.Source, d+", "); found && rest != "" {
				ok = true
			}
		}
		if !ok || it.Title == "" || it.Text == "" || it.ID == "" {
			t.Errorf("%s: %q does not cite a document and section, or is incomplete", it.ID, it.Source)
		}
	}
}

// TestFairReviewHelper: with JavaScript off the review is posted (never in
// an address) and comes back checked under the review rules.
func TestFairReviewHelper(t *testing.T) {
	_, html := render(t, "/dispute/result?claim=no_longer_wanted")
	has(t, html, `href="/review" data-testid="guide-link-honest_review"`)
	_, html = render(t, "/review")
	has(t, html, `<form method="post" action="/review#checked"`)
	var buf bytes.Buffer
	form := url.Values{"review": {"One star unless you refund me. Call +44 7700 900123. The lid cracked on day two."}}
	if _, err := Render(context.Background(), &buf, Request{Path: "/review", Today: today, Form: form}); err != nil {
		t.Fatal(err)
	}
	html = buf.String()
	has(t, html, `data-finding="feedback_threat"`)
	has(t, html, `data-finding="phone"`)
	has(t, html, "The lid cracked on day two.")
	if strings.Contains(html, "data-testid=\"checked-review\" tabindex=\"0\">One star unless") || strings.Contains(html, "7700 900123</pre>") {
		t.Error("the checked review keeps what must not be posted")
	}
}

// TestOrderDetailsInTheMessage: the details come in a posted form, are
// validated, escaped, and written into the message; never into a link.
func TestOrderDetailsInTheMessage(t *testing.T) {
	csf := "claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=false&refund_asked=false&protection_ends_on=unknown"
	_, html := render(t, "/dispute/result?"+csf)
	has(t, html, `href="/dispute/message?`)
	post := func(form url.Values) string {
		var buf bytes.Buffer
		if _, err := Render(context.Background(), &buf, Request{Path: "/dispute/message", Query: mustQuery(t, csf), Today: today, Form: form}); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	html = post(url.Values{"order": {"8190 2344 5566 7788"}, "item": {`Teapot "<script>alert(1)</script>`}, "option": {"1 litre"}})
	has(t, html, "I am writing about order 8190234455667788 (Teapot &#34;&lt;script&gt;alert(1)&lt;/script&gt;, 1 litre).")
	if strings.Contains(html, "<script>alert") {
		t.Error("a detail reached the page unescaped")
	}
	if regexp.MustCompile(`href="[^"]*8190`).MatchString(html) || regexp.MustCompile(`action="[^"]*8190`).MatchString(html) {
		t.Error("the order number went into an address")
	}
	html = post(url.Values{"store": {"Call me on +44 7700 900123"}, "amount": {"12.505"}})
	has(t, html, `data-testid="error-summary"`)
	has(t, html, `href="#detail-store"`)
	has(t, html, `href="#detail-amount"`)
	has(t, html, "<title>Error: Your order")
	if strings.Contains(html, "7700 900123</pre>") || strings.Contains(html, "about order") {
		t.Error("a refused detail reached the message")
	}
}

func mustQuery(t *testing.T, q string) url.Values {
	v, err := url.ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSellerRepliesFitTheClaim: the advice on the seller's answers is the
// claim's own (issue 11: it was the same for every claim): what proof to
// send, and no return for an order that never came.
func TestSellerRepliesFitTheClaim(t *testing.T) {
	seen := map[string]assistant.Claim{}
	for _, c := range []assistant.Claim{assistant.NotReceived, assistant.NotAsDescribed, assistant.Counterfeit, assistant.Broken, assistant.MissingParts} {
		var ids []string
		for _, it := range sellerReplies(en, c) {
			ids = append(ids, it.ID)
			if it.ID == "more_photos" {
				if other, dup := seen[it.Text]; dup {
					t.Errorf("%s and %s get the same advice on more photos", c, other)
				}
				seen[it.Text] = c
			}
		}
		got := strings.Join(ids, ",")
		want := "off_platform,partial_refund,more_photos,send_back,no_answer"
		if c == assistant.NotReceived {
			want = "off_platform,partial_refund,more_photos,no_answer"
		}
		if got != want {
			t.Errorf("%s: replies %s, want %s", c, got, want)
		}
	}
	_, html := render(t, "/dispute/result?"+brokenWait)
	has(t, html, `data-guide="more_photos"`)
	has(t, html, "a short video that shows the fault")
}

// withoutSwitcher is a page without its language switcher, whose links
// repeat the page's own address.
func withoutSwitcher(html string) string {
	i := strings.Index(html, `<nav class="languages`)
	if i < 0 {
		return html
	}
	j := strings.Index(html[i:], "</nav>")
	return html[:i] + html[i+j+len("</nav>"):]
}

// TestNotFoundDoesNotEchoTheAddress: a page we do not have never writes
// its address into the language switcher's links (the edge fuzz found
// NUL bytes and broken UTF-8 from the path in a 404 page's body).
func TestNotFoundDoesNotEchoTheAddress(t *testing.T) {
	res, html := render(t, "/mY%C83%BA%00%D1%28<script>")
	if res.Status != 404 {
		t.Fatalf("status %d", res.Status)
	}
	if strings.ContainsRune(html, 0) || !utf8.ValidString(html) || strings.Contains(html, "mY") {
		t.Errorf("the 404 page echoes its address:\n%s", html)
	}
	has(t, html, `href="/?lang=pl"`)
}
