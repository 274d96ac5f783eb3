// Package webtest is the HTTP contract suite of Calmclaim. It runs against
// any base URL, so the native handler (httptest) and the Worker in workerd
// are checked by the same cases: the shared examples, the project's own
// cases under testdata/ and the table of bad requests.
package webtest

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/calmclaim/calmclaim/web/assets"
)

//go:embed testdata/cases.jsonl
var casesJSONL []byte

//go:embed testdata/bad_requests.jsonl
var badJSONL []byte

// Case is one line of a scenario file: {name, request, expect}.
type Case struct {
	Name    string          `json:"name"`
	Request json.RawMessage `json:"request"`
	Expect  Expect          `json:"expect"`
}

// Expect is what a case requires of the verdict. Rules and Warnings must be
// equal in order; Evidence lists ids that must be present. LastDate (the
// additive last_date) is checked only when the case names it.
type Expect struct {
	Outcome      string          `json:"outcome"`
	Rules        []string        `json:"rules"`
	EarliestDate *string         `json:"earliest_date"`
	LastDate     json.RawMessage `json:"last_date"`
	NextQuestion *string         `json:"next_question"`
	Remedy       *string         `json:"remedy"`
	Warnings     []string        `json:"warnings"`
	Evidence     []string        `json:"evidence"`
}

// BadRequest is one row of the bad-request table.
type BadRequest struct {
	Name        string  `json:"name"`
	Method      string  `json:"method"`
	Path        string  `json:"path"`
	ContentType string  `json:"content_type"`
	Body        string  `json:"body"`
	Status      int     `json:"status"`
	Field       *string `json:"field"`
}

// SharedDir is ../shared beside the repository (or $CALMCLAIM_SHARED).
func SharedDir() string {
	if d := os.Getenv("CALMCLAIM_SHARED"); d != "" {
		return d
	}
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
}

// ExampleCases reads ../shared/scenarios/examples.jsonl.
func ExampleCases(t testing.TB) []Case {
	data, err := os.ReadFile(filepath.Join(SharedDir(), "scenarios", "examples.jsonl"))
	if err != nil {
		t.Fatalf("the shared examples are required: %v", err)
	}
	return readLines[Case](t, data)
}

// OwnCases returns the project's own scenario cases.
func OwnCases(t testing.TB) []Case { return readLines[Case](t, casesJSONL) }

// BadRequests returns the bad-request table.
func BadRequests(t testing.TB) []BadRequest { return readLines[BadRequest](t, badJSONL) }

func readLines[T any](t testing.TB, data []byte) []T {
	var out []T
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(line, &v); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		out = append(out, v)
	}
	return out
}

// Verdict is the response of POST /api/v1/assess, as a client reads it.
type Verdict struct {
	Outcome      string  `json:"outcome"`
	Claim        *string `json:"claim"`
	EarliestDate *string `json:"earliest_date"`
	LastDate     *string `json:"last_date"`
	Rules        []struct {
		ID, Effect, Summary, Source string
	} `json:"rules"`
	Remedy   *string `json:"remedy"`
	Evidence []struct {
		ID       string `json:"id"`
		Required bool   `json:"required"`
		Why      string `json:"why"`
	} `json:"evidence"`
	Warnings []struct {
		ID, Summary string
	} `json:"warnings"`
	NextQuestion *string `json:"next_question"`
}

// Check compares a verdict with a case's expectations and returns what
// differs, one line each.
func (e Expect) Check(v Verdict) []string {
	var diffs []string
	add := func(what string, got, want any) {
		diffs = append(diffs, what+": got "+jsonString(got)+", want "+jsonString(want))
	}
	if v.Outcome != e.Outcome {
		add("outcome", v.Outcome, e.Outcome)
	}
	var rules, warnings, evidence []string
	for _, r := range v.Rules {
		rules = append(rules, r.ID)
		if r.Summary == "" || r.Source == "" {
			diffs = append(diffs, "rule "+r.ID+" has no summary or source")
		}
	}
	for _, w := range v.Warnings {
		warnings = append(warnings, w.ID)
	}
	for _, ev := range v.Evidence {
		evidence = append(evidence, ev.ID)
	}
	if !slices.Equal(rules, e.Rules) {
		add("rules", rules, e.Rules)
	}
	if !slices.Equal(warnings, e.Warnings) {
		add("warnings", warnings, e.Warnings)
	}
	if deref(v.EarliestDate) != deref(e.EarliestDate) {
		add("earliest_date", v.EarliestDate, e.EarliestDate)
	}
	if e.LastDate != nil {
		var want *string
		if err := json.Unmarshal(e.LastDate, &want); err != nil || deref(v.LastDate) != deref(want) {
			add("last_date", v.LastDate, want)
		}
	}
	if deref(v.NextQuestion) != deref(e.NextQuestion) {
		add("next_question", v.NextQuestion, e.NextQuestion)
	}
	if deref(v.Remedy) != deref(e.Remedy) {
		add("remedy", v.Remedy, e.Remedy)
	}
	for _, id := range e.Evidence {
		if !slices.Contains(evidence, id) {
			add("evidence (missing "+id+")", evidence, e.Evidence)
		}
	}
	if (e.Outcome == "not_eligible" || e.Outcome == "need_info") && len(evidence) > 0 {
		add("evidence", evidence, []string{})
	}
	return diffs
}

func deref(s *string) string {
	if s == nil {
		return "<null>"
	}
	return *s
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

var client = &http.Client{Timeout: 30 * time.Second}

// Do sends one request and returns the status, the headers and the body.
func Do(t testing.TB, method, url, contentType, body string) (int, http.Header, []byte) {
	t.Helper()
	return DoWith(t, method, url, http.Header{"Content-Type": {contentType}}, body)
}

// DoWith is Do with the request's headers given (an empty one is not sent).
func DoWith(t testing.TB, method, url string, header http.Header, body string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, vs := range header {
		for _, v := range vs {
			if v != "" {
				req.Header.Add(k, v)
			}
		}
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the body: %v", method, url, err)
	}
	return resp.StatusCode, resp.Header, data
}

// Assess posts a request body to /api/v1/assess and decodes the verdict.
func Assess(t testing.TB, base string, body []byte) Verdict {
	t.Helper()
	status, _, data := Do(t, "POST", base+"/api/v1/assess", "application/json", string(body))
	if status != 200 {
		t.Fatalf("status %d: %s", status, data)
	}
	var v Verdict
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("the verdict is not JSON: %v\n%s", err, data)
	}
	return v
}

// Contract runs the whole HTTP contract suite against base
// ("http://127.0.0.1:8787").
func Contract(t *testing.T, base string) {
	t.Run("healthz", func(t *testing.T) {
		status, _, body := Do(t, "GET", base+"/healthz", "", "")
		if status != 200 || !bytes.Contains(body, []byte(`"ok"`)) {
			t.Fatalf("GET /healthz = %d %s", status, body)
		}
	})
	t.Run("examples", func(t *testing.T) { ReplayCases(t, base, ExampleCases(t)) })
	t.Run("cases", func(t *testing.T) { ReplayCases(t, base, OwnCases(t)) })
	t.Run("bad_requests", func(t *testing.T) { ReplayBadRequests(t, base, BadRequests(t)) })
	t.Run("checklist", func(t *testing.T) { CheckChecklist(t, base) })
	t.Run("lang", func(t *testing.T) { CheckLang(t, base) })
	t.Run("review", func(t *testing.T) { CheckReview(t, base) })
	t.Run("message", func(t *testing.T) { CheckMessage(t, base) })
	t.Run("rules", func(t *testing.T) { CheckRules(t, base) })
	t.Run("cors", func(t *testing.T) { CheckCORS(t, base) })
	t.Run("pages", func(t *testing.T) { CheckPages(t, base) })
	t.Run("static", func(t *testing.T) { CheckStatic(t, base) })
}

// CheckMessage: the message to the seller names the order's details, and
// hostile text in them is escaped in the JSON, never interpreted.
func CheckMessage(t *testing.T, base string) {
	body := `{"today":"2026-11-22","facts":{"claim":"broken","paid_on_platform":true},` +
		`"details":{"order":"8190 2344 5566 7788","item":"Teapot <script>alert(1)</script>","option":"1 litre"}}`
	status, _, out := Do(t, "POST", base+"/api/v1/message", "application/json", body)
	var res struct {
		Text    *string `json:"text"`
		Verdict struct {
			Outcome string `json:"outcome"`
		} `json:"verdict"`
	}
	if status != 200 || json.Unmarshal(out, &res) != nil || res.Text == nil {
		t.Fatalf("message: %d %s", status, out)
	}
	if !strings.Contains(*res.Text, "order 8190234455667788 (Teapot <script>alert(1)</script>, 1 litre)") || res.Verdict.Outcome != "contact_seller_first" {
		t.Errorf("message: %s", *res.Text)
	}
	if strings.Contains(string(out), "<script>") {
		t.Error("the JSON carries an unescaped <script>")
	}
	status, _, out = Do(t, "POST", base+"/api/v1/message", "application/json", `{"facts":{"claim":"no_longer_wanted"}}`)
	if status != 200 || !strings.Contains(string(out), `"text":null`) {
		t.Errorf("no message for a refusal: %d %s", status, out)
	}
}

// CheckReview: a review keeps its rating and experience; contact details
// and a rating held over the seller are taken out, with findings.
func CheckReview(t *testing.T, base string) {
	for _, tc := range []struct {
		text, finding, gone string
	}{
		{"One star: the kettle stopped heating after two days.", "", ""},
		{"Two stars. Call me on +44 7700 900123.", "phone", "7700"},
		{"One star unless you refund me today.", "feedback_threat", "unless"},
	} {
		status, _, body := Do(t, "POST", base+"/api/v1/review", "application/json", jsonString(map[string]string{"text": tc.text}))
		var res struct {
			Text     string `json:"text"`
			Findings []struct {
				ID string `json:"id"`
			} `json:"findings"`
		}
		if status != 200 || json.Unmarshal(body, &res) != nil {
			t.Fatalf("review %q: %d %s", tc.text, status, body)
		}
		if tc.finding == "" && (len(res.Findings) != 0 || res.Text == "") {
			t.Errorf("calm review %q: %s", tc.text, body)
		}
		if tc.finding != "" && (len(res.Findings) == 0 || res.Findings[0].ID != tc.finding || strings.Contains(res.Text, tc.gone)) {
			t.Errorf("review %q: want %s and no %q, got %s", tc.text, tc.finding, tc.gone, body)
		}
	}
}

// hashedName splits "app.3f2a9c1e.css" into the file it names, "app.css".
var hashedName = regexp.MustCompile(`^(.+)\.[0-9a-f]{8}(\.[^.]+)?$`)

// CheckStatic follows the start page's links to its stylesheets, app.js
// and the page's wasm (data-wasm, data-wasm-exec): each is served under a
// hashed name, cached for a year as immutable, with the page's
// X-Content-Type-Options and Referrer-Policy, and is the file in
// web/static. embed.js, which help pages link to, keeps its name with a
// short cache. An unknown hash, an unhashed name and the folder itself
// (no listing) are 404.
func CheckStatic(t *testing.T, base string) {
	_, page, body := Do(t, "GET", base+"/", "", "")
	links := regexp.MustCompile(`(?:href|src|data-wasm|data-wasm-exec)="(/static/[^"]+)"`).FindAllSubmatch(body, -1)
	if len(links) < 3 {
		t.Fatalf("the start page links %d static files, want its stylesheets and app.js at least", len(links))
	}
	_, self, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(self), "..", "static")
	for _, l := range links {
		url := string(l[1])
		// The file's own bytes: unpacking an 8 MB wasm under the race
		// detector takes seconds, and encodings are tested natively.
		req, _ := http.NewRequest("GET", base+url, nil)
		req.Header.Set("Accept-Encoding", "identity")
		res, err := client.Do(req)
		if err != nil {
			t.Fatalf("GET %s: %v", url, err)
		}
		status, h := res.StatusCode, res.Header
		data, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			t.Fatalf("GET %s: %v", url, err)
		}
		if status != 200 || h.Get("Cache-Control") != assets.Immutable ||
			h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != page.Get("Referrer-Policy") {
			t.Errorf("GET %s: %d %v", url, status, h)
		}
		m := hashedName.FindStringSubmatch(strings.TrimPrefix(url, assets.Prefix))
		if m == nil {
			t.Errorf("%s has no hashed name", url)
			continue
		}
		if file, err := os.ReadFile(filepath.Join(dir, m[1]+m[2])); err != nil || !bytes.Equal(file, data) {
			t.Errorf("GET %s is not web/static/%s (%v)", url, m[1]+m[2], err)
		}
	}
	status, h, _ := Do(t, "GET", base+"/static/embed.js", "", "")
	if status != 200 || h.Get("Cache-Control") != assets.Short || h.Get("X-Content-Type-Options") != "nosniff" ||
		h.Get("Referrer-Policy") != page.Get("Referrer-Policy") {
		t.Errorf("GET /static/embed.js: %d %v", status, h)
	}
	for _, p := range []string{"/static/", "/static/app.deadbeef.css", "/static/app.css", "/static/app.js"} {
		if status, h, _ := Do(t, "GET", base+p, "", ""); status != 404 || h.Get("Cache-Control") == assets.Immutable {
			t.Errorf("GET %s: %d %v, want 404", p, status, h)
		}
	}
}

// CheckPages renders the wizard's pages: one question per page, a verdict
// with its cited rule, the calendar file, and the security headers.
func CheckPages(t *testing.T, base string) {
	wait := "claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund" +
		"&signed_before_inspection=false&refund_asked=true&refund_requested_on=2026-11-20&protection_ends_on=unknown&today=2026-11-22"
	pages := []struct{ path, want string }{
		{"/", `data-testid="start-dispute"`},
		{"/dispute?today=2026-11-22", "What went wrong with your order?"},
		{"/dispute?claim=broken&today=2026-11-22", "own checkout?"},
		{"/dispute?" + wait, "Check your answers"},
		{"/dispute/result?" + wait, `data-rule="dispute.wait_10_days"`},
		{"/checklist", "Has the seller asked you to pay outside the checkout?"},
		{"/checklist?off_platform_payment_requested=true", `data-testid="continue-anyway"`},
		{"/demo/help-article", "/static/embed.js"},
	}
	for _, p := range pages {
		status, h, body := Do(t, "GET", base+p.path, "", "")
		if status != 200 || !strings.Contains(string(body), p.want) {
			t.Errorf("GET %s: %d, want 200 with %q", p.path, status, p.want)
		}
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "'wasm-unsafe-eval'") || !strings.Contains(csp, "frame-ancestors") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("GET %s: CSP %q", p.path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
			t.Errorf("GET %s: headers %v", p.path, h)
		}
	}
	status, h, body := Do(t, "GET", base+"/dispute/calendar.ics?"+wait, "", "")
	if status != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/calendar") || !strings.Contains(string(body), "DTSTART;VALUE=DATE:20261130") {
		t.Errorf("calendar: %d %v", status, h)
	}
	// With the end of Buyer Protection: both days, each with an alarm.
	both := strings.Replace(wait, "protection_ends_on=unknown", "protection_ends_on=2026-12-20", 1)
	status, _, body = Do(t, "GET", base+"/dispute/calendar.ics?"+both, "", "")
	if ics := string(body); status != 200 || strings.Count(ics, "BEGIN:VEVENT\r\n") != 2 || strings.Count(ics, "TRIGGER:-P1D\r\n") != 2 ||
		!strings.Contains(ics, "DTSTART;VALUE=DATE:20261220\r\n") {
		t.Errorf("calendar with the last day: %d\n%s", status, ics)
	}
	if status, _, _ := Do(t, "GET", base+"/no/such/page", "", ""); status != 404 {
		t.Errorf("unknown page: %d, want 404", status)
	}
}

// ReplayCases posts every case and compares the verdicts.
func ReplayCases(t *testing.T, base string, cases []Case) {
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			v := Assess(t, base, c.Request)
			for _, d := range c.Expect.Check(v) {
				t.Error(d)
			}
		})
	}
}

// ReplayBadRequests checks each bad request gets its status and a JSON
// error naming the field.
func ReplayBadRequests(t *testing.T, base string, rows []BadRequest) {
	for _, r := range rows {
		t.Run(r.Name, func(t *testing.T) {
			status, h, body := Do(t, r.Method, base+r.Path, r.ContentType, r.Body)
			if status != r.Status {
				t.Fatalf("status %d, want %d: %s", status, r.Status, body)
			}
			if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			var e struct {
				Error struct {
					Code    string  `json:"code"`
					Message string  `json:"message"`
					Field   *string `json:"field"`
				} `json:"error"`
			}
			if err := json.Unmarshal(body, &e); err != nil {
				t.Fatalf("error body is not JSON: %v: %s", err, body)
			}
			if e.Error.Code == "" || e.Error.Message == "" {
				t.Errorf("error without code or message: %s", body)
			}
			if r.Field != nil && deref(e.Error.Field) != *r.Field {
				t.Errorf("field %s, want %s", deref(e.Error.Field), *r.Field)
			}
		})
	}
}

// CheckChecklist covers the checklist's three verdicts.
func CheckChecklist(t *testing.T, base string) {
	cases := []struct{ facts, verdict string }{
		{`{}`, "caution"},
		{`{"off_platform_payment_requested": true}`, "stop"},
		{`{"listing_condition": "imitation", "wants_genuine": true}`, "stop"},
		{`{"variant_chosen":true,"package_contents_checked":true,"compatibility_checked":true,
		   "seller_positive_percent":98.5,"photo_reviews_seen":true,"delivery_checked":true,"free_returns":true,
		   "warranty_offered":true,"import_rules_checked":true,"category":"general","listing_condition":"new",
		   "specs_complete":true,"screenshots_saved":true,"off_platform_payment_requested":false,
		   "coupon_used":false,"asked_for_login_or_code":false,"address_current":true}`, "go"},
	}
	for _, c := range cases {
		status, _, body := Do(t, "POST", base+"/api/v1/checklist", "application/json",
			`{"marketplace":"aliexpress","today":"2026-11-22","facts":`+c.facts+`}`)
		if status != 200 {
			t.Fatalf("status %d: %s", status, body)
		}
		var r struct {
			Verdict string `json:"verdict"`
			Items   []struct{ ID, Status, Summary, Source string }
		}
		if err := json.Unmarshal(body, &r); err != nil {
			t.Fatal(err)
		}
		if r.Verdict != c.verdict {
			t.Errorf("facts %s: verdict %s, want %s", c.facts, r.Verdict, c.verdict)
		}
		if len(r.Items) != 18 {
			t.Errorf("%d items, want 18", len(r.Items))
		}
		for _, it := range r.Items {
			if !strings.HasPrefix(it.ID, "pre.") || it.Summary == "" || it.Source == "" {
				t.Errorf("item %+v lacks an id, summary or source", it)
			}
		}
	}
}

// CheckRules checks the rule pack is published with a citation per rule.
func CheckRules(t *testing.T, base string) {
	status, _, body := Do(t, "GET", base+"/api/v1/rules", "", "")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	var r struct {
		Rules []struct{ ID, Effect, Summary, Source string }
	}
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Rules) != 29 { // the contract's 28 and dispute.protection_ends_first
		t.Errorf("%d rules, want 29", len(r.Rules))
	}
	for _, x := range r.Rules {
		if x.Summary == "" || x.Source == "" {
			t.Errorf("rule %s lacks a summary or source", x.ID)
		}
	}
}

// CheckCORS checks the API answers a preflight and allows any origin.
func CheckCORS(t *testing.T, base string) {
	status, h, _ := Do(t, "OPTIONS", base+"/api/v1/assess", "", "")
	if status != 204 || h.Get("Access-Control-Allow-Origin") != "*" ||
		!strings.Contains(h.Get("Access-Control-Allow-Methods"), "POST") {
		t.Errorf("preflight: %d %v", status, h)
	}
	_, h, _ = Do(t, "POST", base+"/api/v1/assess", "application/json", `{"today":"2026-11-22","facts":{}}`)
	if h.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("no CORS header on the response")
	}
}

// localized is an assess or checklist answer as a client that asked for a
// language reads it.
type localized struct {
	Lang  *string `json:"lang"`
	Rules []struct {
		ID               string  `json:"id"`
		Summary          string  `json:"summary"`
		SummaryLocalized *string `json:"summary_localized"`
	} `json:"rules"`
	Warnings []struct {
		ID               string  `json:"id"`
		Summary          string  `json:"summary"`
		SummaryLocalized *string `json:"summary_localized"`
	} `json:"warnings"`
	Items []struct {
		ID               string  `json:"id"`
		Summary          string  `json:"summary"`
		SummaryLocalized *string `json:"summary_localized"`
	} `json:"items"`
}

// CheckLang: a "lang" in the body, or else an Accept-Language we speak,
// adds "lang" and each rule's, warning's or checklist item's
// "summary_localized" beside the English summary, which stays as it was;
// without either the answer is unchanged. A day count is in the
// language's plural form.
func CheckLang(t *testing.T, base string) {
	post := func(path, acceptLanguage, body string) (localized, string) {
		t.Helper()
		status, _, out := DoWith(t, "POST", base+path, http.Header{"Content-Type": {"application/json"},
			"Accept-Language": {acceptLanguage}}, body)
		var res localized
		if status != 200 || json.Unmarshal(out, &res) != nil {
			t.Fatalf("%s %s (Accept-Language %q): %d %s", path, body, acceptLanguage, status, out)
		}
		return res, string(out)
	}
	// The seller first: the rule says when the dispute opens, in days.
	facts := `"facts":{"claim":"broken","paid_on_platform":true,"refund_asked":false,"signed_before_inspection":true}`
	english, plain := post("/api/v1/assess", "", `{"today":"2026-11-22",`+facts+`}`)
	if english.Lang != nil || strings.Contains(plain, "summary_localized") || len(english.Rules) == 0 || len(english.Warnings) == 0 {
		t.Fatalf("without a language: %s", plain)
	}
	for _, tc := range []struct{ accept, lang, want, days string }{
		{"", "pl", "pl", "10 dni"},
		{"pl-PL,pl;q=0.9,en;q=0.5", "", "pl", "10 dni"},
		{"pl", "he", "he", "10 ימים"},
		{"xx-YY", "uk", "uk", "10 днів"},
		{"", "en", "en", "10 days"},
	} {
		body := `{"today":"2026-11-22",` + facts + `}`
		if tc.lang != "" {
			body = `{"today":"2026-11-22","lang":"` + tc.lang + `",` + facts + `}`
		}
		res, out := post("/api/v1/assess", tc.accept, body)
		if res.Lang == nil || *res.Lang != tc.want || len(res.Rules) != len(english.Rules) || len(res.Warnings) != len(english.Warnings) {
			t.Errorf("lang %q, Accept-Language %q: %s", tc.lang, tc.accept, out)
			continue
		}
		for i, r := range res.Rules {
			if r.Summary != english.Rules[i].Summary || r.SummaryLocalized == nil || *r.SummaryLocalized == "" {
				t.Errorf("%s: rule %s: %q / %v", tc.want, r.ID, r.Summary, r.SummaryLocalized)
			} else if r.ID == "dispute.seller_first" && !strings.Contains(*r.SummaryLocalized, tc.days) {
				t.Errorf("%s: %s without %q: %q", tc.want, r.ID, tc.days, *r.SummaryLocalized)
			}
		}
		for i, w := range res.Warnings {
			if w.Summary != english.Warnings[i].Summary || w.SummaryLocalized == nil || *w.SummaryLocalized == "" {
				t.Errorf("%s: warning %s: %v", tc.want, w.ID, w.SummaryLocalized)
			}
		}
	}
	// An Accept-Language we do not speak changes nothing.
	if _, out := post("/api/v1/assess", "xx-YY", `{"today":"2026-11-22",`+facts+`}`); out != plain {
		t.Errorf("Accept-Language xx-YY: %s", out)
	}
	res, out := post("/api/v1/checklist", "", `{"today":"2026-11-22","lang":"pt","facts":{"order_placed_on":"2026-11-10"}}`)
	if res.Lang == nil || *res.Lang != "pt-BR" || len(res.Items) != 18 {
		t.Fatalf("checklist in pt: %s", out)
	}
	for _, it := range res.Items {
		if it.Summary == "" || it.SummaryLocalized == nil || *it.SummaryLocalized == "" {
			t.Errorf("checklist item %s: %v", it.ID, it.SummaryLocalized)
		}
		if it.ID == "pre.payment_window" && !strings.Contains(*it.SummaryLocalized, "20 dias") {
			t.Errorf("pre.payment_window in pt-BR: %q", *it.SummaryLocalized)
		}
	}
}
