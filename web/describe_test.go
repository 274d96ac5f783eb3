package web_test

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/web"
	"github.com/calmclaim/calmclaim/web/webtest"
	"github.com/tidwall/gjson"
)

func postDescribe(t *testing.T, url, body string) (int, gjson.Result, string) {
	t.Helper()
	status, _, out := webtest.Do(t, "POST", url+"/api/v1/describe", "application/json", body)
	if !json.Valid(out) {
		t.Fatalf("invalid JSON: %s", out)
	}
	return status, gjson.ParseBytes(out), string(out)
}

const eligibleFacts = `"facts":{"claim":"not_as_described","paid_on_platform":true,"complaint":"different_spec","refund_requested_on":"2026-11-05"}`

func TestDescribeEligible(t *testing.T) {
	srv := httptest.NewServer(web.New(web.Options{}))
	defer srv.Close()
	body := `{"marketplace":"aliexpress","today":"2026-11-22",` + eligibleFacts + `,
	  "story":{"ordered":"A blue hoodie, size XL.","received":"A red one in size S arrived on 12 November.",
	    "difference":"Wrong colour and size. YOU ARE SCAMMERS!!! Call me on +44 7700 900123.",
	    "requested":"Refund to 4111 1111 1111 1111 or I leave a 1 star review."},
	  "evidence":["photos_item","listing_screenshot","photos_item"]}`
	status, r, raw := postDescribe(t, srv.URL, body)
	if status != 200 {
		t.Fatalf("%d %s", status, raw)
	}
	text := r.Get("text").String()
	for _, bad := range []string{"SCAMMER", "scammer", "7700", "4111", "1 star", "review", "!!!"} {
		if strings.Contains(text, bad) {
			t.Errorf("text contains %q:\n%s", bad, text)
		}
	}
	for _, part := range []string{"What I ordered", "What arrived", "What is different", "Evidence attached", "What I am asking for"} {
		if !strings.Contains(text, part) {
			t.Errorf("text lacks %q", part)
		}
	}
	if n := len(r.Get("parts").Array()); n != 5 {
		t.Errorf("%d parts", n)
	}
	var ids []string
	for _, f := range r.Get("findings").Array() {
		ids = append(ids, f.Get("field").String()+":"+f.Get("id").String())
		if f.Get("suggestion").String() == "" {
			t.Errorf("finding without suggestion: %s", f.Raw)
		}
	}
	got := strings.Join(ids, " ")
	for _, want := range []string{"story.difference:accusation", "story.difference:shouting", "story.difference:phone",
		"story.requested:card_number", "story.requested:feedback_threat"} {
		if !strings.Contains(got, want) {
			t.Errorf("findings %s lack %s", got, want)
		}
	}
	if r.Get("reason").Type != gjson.Null || r.Get("date").Type != gjson.Null {
		t.Errorf("reason/date on an eligible case: %s", raw)
	}
	if a := r.Get("attached").Array(); len(a) != 2 {
		t.Errorf("attached %v", a)
	}
	// The verdict is the very object /api/v1/assess returns.
	_, _, assess := webtest.Do(t, "POST", srv.URL+"/api/v1/assess", "application/json",
		`{"today":"2026-11-22",`+eligibleFacts+`}`)
	if r.Get("verdict").Raw != string(assess) {
		t.Errorf("verdict differs from /api/v1/assess:\n%s\n%s", r.Get("verdict").Raw, assess)
	}
}

func TestDescribeNotEligible(t *testing.T) {
	srv := httptest.NewServer(web.New(web.Options{}))
	defer srv.Close()
	status, r, raw := postDescribe(t, srv.URL, `{"today":"2026-11-22","facts":{"claim":"no_longer_wanted"},
	  "story":{"difference":"I changed my mind, you idiots."}}`)
	if status != 200 {
		t.Fatalf("%d %s", status, raw)
	}
	if r.Get("text").Type != gjson.Null || len(r.Get("parts").Array()) != 0 {
		t.Errorf("text for a refused case: %s", raw)
	}
	if r.Get("verdict.outcome").String() != "not_eligible" || !strings.Contains(r.Get("reason").String(), "no longer want") {
		t.Errorf("%s", raw)
	}
	if !strings.Contains(r.Get("alternatives.#.id").Raw, "return_terms") {
		t.Errorf("alternatives %s", r.Get("alternatives").Raw)
	}
	if r.Get("findings.0.id").String() != "insult" {
		t.Errorf("the tone check did not run: %s", r.Get("findings").Raw)
	}
}

func TestDescribeWaitCarriesDate(t *testing.T) {
	srv := httptest.NewServer(web.New(web.Options{}))
	defer srv.Close()
	_, r, raw := postDescribe(t, srv.URL, `{"today":"2026-11-22","facts":{"claim":"broken","paid_on_platform":true,"refund_requested_on":"2026-11-20"}}`)
	if r.Get("verdict.outcome").String() != "wait" || r.Get("date").String() != "2026-11-30" ||
		r.Get("text").String() == "" || r.Get("note").String() == "" {
		t.Errorf("%s", raw)
	}
}

func TestDescribeBadRequests(t *testing.T) {
	srv := httptest.NewServer(web.New(web.Options{}))
	defer srv.Close()
	long := strings.Repeat("é", 2001)
	cases := []struct {
		name, body string
		status     int
		field      string
	}{
		{"not json", `{"story":`, 400, ""},
		{"not an object", `[]`, 400, ""},
		{"story not an object", `{"story":"hello"}`, 400, "story"},
		{"story field a number", `{"story":{"ordered":42}}`, 400, "story.ordered"},
		{"story field an object", `{"story":{"requested":{"a":1}}}`, 400, "story.requested"},
		{"story field too long", `{"story":{"difference":"` + long + `"}}`, 400, "story.difference"},
		{"evidence not a list", `{"evidence":"photos_item"}`, 400, "evidence"},
		{"evidence unknown id", `{"evidence":["photos_item","seller_chat","selfie"]}`, 400, "evidence[2]"},
		{"evidence not a string", `{"evidence":[1]}`, 400, "evidence[0]"},
		{"evidence too long", `{"evidence":[` + strings.Repeat(`"photos_item",`, 64) + `"photos_item"]}`, 400, "evidence"},
		{"bad fact", `{"facts":{"claim":"lost_interest"}}`, 400, "facts.claim"},
		{"bad today", `{"today":"2026-02-30"}`, 400, "today"},
		{"other marketplace", `{"marketplace":"temu"}`, 400, "marketplace"},
	}
	for _, c := range cases {
		status, r, raw := postDescribe(t, srv.URL, c.body)
		if status != c.status || r.Get("error.field").String() != c.field {
			t.Errorf("%s: %d %s", c.name, status, raw)
		}
	}
	if status, _, _ := webtest.Do(t, "POST", srv.URL+"/api/v1/describe", "text/plain", `{}`); status != 415 {
		t.Errorf("text/plain: %d", status)
	}
	if status, _, _ := webtest.Do(t, "GET", srv.URL+"/api/v1/describe", "", ""); status != 405 {
		t.Errorf("GET: %d", status)
	}
	// Absent and null story fields and evidence are fine.
	status, r, raw := postDescribe(t, srv.URL, `{"today":"2026-11-22",`+eligibleFacts+`,"story":{"ordered":null},"evidence":null}`)
	if status != 200 || r.Get("text").String() == "" {
		t.Errorf("%d %s", status, raw)
	}
}
