package api

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/web/webtest"
	"github.com/tidwall/gjson"
)

var now = time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)

// TestCasesCoverEveryRuleAndQuestion replays the shared examples and our
// own cases through the decoder and engine and checks that together they
// reach every rule id and every need_info branch of the contract.
func TestCasesCoverEveryRuleAndQuestion(t *testing.T) {
	seenRules := map[string]bool{}
	seenQuestions := map[string]bool{}
	cases := append(webtest.ExampleCases(t), webtest.OwnCases(t)...)
	for _, c := range cases {
		req, err := DecodeAssess(c.Request, now)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		v, aerr := assistant.Assess(req)
		if aerr != nil {
			t.Fatal(aerr)
		}
		for _, r := range v.Rules {
			seenRules[r.ID] = true
		}
		for _, r := range v.Warnings {
			seenRules[r.ID] = true
		}
		if v.Outcome == assistant.NeedInfo {
			seenQuestions[string(v.Claim)+"/"+string(v.NextQuestion)] = true
		}
	}
	for _, r := range assistant.DefaultPack.Rules {
		if !seenRules[r.ID] {
			t.Errorf("no case reaches rule %s", r.ID)
		}
	}
	for _, q := range []string{"/claim", "broken/paid_on_platform", "not_received/tracking",
		"not_received/delivery_deadline", "not_as_described/complaint", "not_as_described/listing_condition",
		"counterfeit/listing_condition", "missing_parts/missing_item_in_listing"} {
		if !seenQuestions[q] {
			t.Errorf("no case reaches the need_info branch %s", q)
		}
	}
}

func TestDecodeAssessDefaults(t *testing.T) {
	req, err := DecodeAssess([]byte(`{"facts":{"claim":"broken","refund_requested_on":null}}`), now)
	if err != nil {
		t.Fatal(err)
	}
	if req.Today.String() != "2026-11-22" || req.Facts.Claim != assistant.Broken || !req.Facts.RefundRequestedOn.IsZero() {
		t.Errorf("got %+v", req)
	}
	// Late in the evening west of UTC is already tomorrow in UTC.
	late := time.Date(2026, 11, 22, 23, 0, 0, 0, time.FixedZone("PST", -8*3600))
	req, _ = DecodeAssess([]byte(`{}`), late)
	if req.Today.String() != "2026-11-23" {
		t.Errorf("default today %s, want the UTC date 2026-11-23", req.Today)
	}
	req, _ = DecodeAssess([]byte(`{"marketplace":null,"today":null,"facts":null}`), now)
	if req.Today.String() != "2026-11-22" {
		t.Errorf("nulls: %+v", req)
	}
}

func TestDecodeAssessTellsFalseFromAbsent(t *testing.T) {
	req, _ := DecodeAssess([]byte(`{"facts":{"paid_on_platform":false}}`), now)
	if req.Facts.PaidOnPlatform != assistant.No {
		t.Errorf("false read as %v", req.Facts.PaidOnPlatform)
	}
	req, _ = DecodeAssess([]byte(`{"facts":{}}`), now)
	if req.Facts.PaidOnPlatform != assistant.Unknown {
		t.Errorf("absent read as %v", req.Facts.PaidOnPlatform)
	}
}

func TestAppendQuotedIsValidJSON(t *testing.T) {
	for _, s := range []string{"plain", `quote " and \ slash`, "<script>&</script>", "tab\tnl\ncr\r", "\x00\x1f",
		"bad utf8 \xff\xfe", "line sep \u2028 \u2029", "émoji 😀"} {
		b := appendQuoted(nil, s)
		var back string
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%q encoded as invalid JSON %s: %v", s, b, err)
		}
		if bytes.ContainsAny(b, "<>&") {
			t.Errorf("%s is not safe inside HTML", b)
		}
	}
}

// FuzzDecodeAssess feeds arbitrary bodies through the decoder, the engine
// and the encoder: nothing may panic, every error names a code and a
// message, and every answer is valid JSON.
func FuzzDecodeAssess(f *testing.F) {
	for _, c := range append(webtest.ExampleCases(f), webtest.OwnCases(f)...) {
		f.Add([]byte(c.Request))
	}
	for _, r := range webtest.BadRequests(f) {
		f.Add([]byte(r.Body))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := DecodeAssess(body, now)
		if err != nil {
			if err.Code == "" || err.Message == "" || !gjson.ValidBytes(AppendError(nil, err)) {
				t.Fatalf("bad error %+v", err)
			}
			return
		}
		v, aerr := assistant.Assess(req)
		if aerr != nil {
			t.Fatalf("a decoded request failed to assess: %v", aerr)
		}
		if out := AppendVerdict(nil, req.Today, &v); !gjson.ValidBytes(out) {
			t.Fatalf("invalid JSON out: %s", out)
		}
	})
}

func FuzzDecodeChecklist(f *testing.F) {
	f.Add([]byte(`{"facts":{"seller_positive_percent":98,"category":"batteries","order_placed_on":"2026-11-01"}}`))
	f.Add([]byte(`{"today":"2026-11-22","facts":{"listing_condition":"imitation","wants_genuine":true}}`))
	f.Add([]byte(`{"facts":{"variant_chosen":"yes"}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := DecodeChecklist(body, now)
		if err != nil {
			if err.Code == "" || err.Message == "" {
				t.Fatalf("bad error %+v", err)
			}
			return
		}
		res := assistant.Checklist(req.Today, req.Facts)
		if out := AppendChecklist(nil, &res); !gjson.ValidBytes(out) {
			t.Fatalf("invalid JSON out: %s", out)
		}
	})
}

// BenchmarkAPIAssess is one assessment as the Worker and the browser run
// it: decode, assess, encode, without HTTP.
func BenchmarkAPIAssess(b *testing.B) {
	body := []byte(`{"marketplace":"aliexpress","today":"2026-11-22","facts":{"claim":"not_received","paid_on_platform":true,"tracking":"in_transit","delivery_deadline":"2026-11-05","refund_requested_on":"2026-11-08"}}`)
	buf := make([]byte, 0, 4096)
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		req, err := DecodeAssess(body, now)
		if err != nil {
			b.Fatal(err)
		}
		v, _ := assistant.Assess(req)
		buf = AppendVerdict(buf[:0], req.Today, &v)
	}
}

// TestDeepNestingIsRejectedBeforeValidation is named for a Worker crash:
// 10,000 nested brackets overflowed the JavaScript stack inside gjson's
// recursive validator. The depth is checked first, without recursion.
func TestDeepNestingIsRejectedBeforeValidation(t *testing.T) {
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ body, field string }{
		{strings.Repeat("[", 1_000_000), ""},
		{strings.Repeat("{\"a\":", 100_000), "a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a"},
		{`{"facts":{"claim":` + strings.Repeat("[", 17) + strings.Repeat("]", 17) + `}}`, "facts.claim"},
		{`{"x":"\"","facts":` + strings.Repeat("[", 17), "facts"},
	} {
		_, err := DecodeAssess([]byte(tc.body), now)
		if err == nil || err.Code != assistant.ECodeInvalid || err.Field != tc.field {
			t.Errorf("%.40q...: got %+v, want invalid at %q", tc.body, err, tc.field)
		}
	}
	// Brackets inside strings are text, and MaxDepth levels are allowed.
	ok := `{"facts":{"claim":"broken"},"x":"` + strings.Repeat("[{", 100) + `\"[","y":` +
		strings.Repeat("[", MaxDepth-1) + strings.Repeat("]", MaxDepth-1) + `}`
	if _, err := DecodeAssess([]byte(ok), now); err != nil {
		t.Errorf("a request within the limit was refused: %+v", err)
	}
}
