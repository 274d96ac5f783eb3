package api

import (
	"encoding/json"
	"testing"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
)

// FuzzDecodeDescribe: any body either decodes or gives an error naming a
// field; a decoded request always describes to valid JSON.
func FuzzDecodeDescribe(f *testing.F) {
	f.Add([]byte(`{"today":"2026-11-22","facts":{"claim":"broken","paid_on_platform":true,"refund_requested_on":"2026-11-01"},"story":{"ordered":"A lamp","difference":"SCAMMER!!! +44 7700 900123"},"evidence":["photos_item"]}`))
	f.Add([]byte(`{"story":{"ordered":1},"evidence":["x"]}`))
	f.Add([]byte(`{"facts":{"claim":"no_longer_wanted"},"story":null}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := DecodeDescribe(body, now)
		if err != nil {
			if err.Code == "" || err.Message == "" {
				t.Fatalf("error without code or message: %+v", err)
			}
			return
		}
		v, aerr := assistant.Assess(req.Request)
		if aerr != nil {
			t.Fatal(aerr)
		}
		d := describe.Describe(describe.Input{Today: req.Request.Today, Facts: req.Request.Facts, Verdict: v,
			Story: req.Story, Evidence: req.Evidence})
		if out := AppendDescription(nil, req.Request.Today, &v, &d); !json.Valid(out) {
			t.Fatalf("invalid JSON: %s", out)
		}
	})
}
