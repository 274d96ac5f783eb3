package pages

import (
	"bytes"
	"context"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/web/assets"
)

var update = flag.Bool("update", false, "rewrite the golden expected.html files")

var today, _ = assistant.ParseDate("2026-11-22")

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

// TestWasmAddressOnTheScriptTag: app.js learns where the page's wasm is from
// its own tag, and the stylesheets and app.js have hashed names.
func TestWasmAddressOnTheScriptTag(t *testing.T) {
	_, html := render(t, "/dispute")
	has(t, html, `<script src="`+assets.URL("app.js")+`" defer data-wasm="/static/app.0123abcd.wasm" data-wasm-exec="/static/wasm_exec.4567cdef.js"></script>`)
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
