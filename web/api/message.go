package api

import (
	"time"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
	"github.com/tidwall/gjson"
)

// detailFields are the order's details a request may carry under
// "details", all optional strings (ordered_on a date, YYYY-MM-DD).
var detailFields = []string{describe.DetailOrder, describe.DetailItem, describe.DetailOption, describe.DetailStore,
	describe.DetailAmount, describe.DetailCurrency, describe.DetailOrderedOn}

// readDetails reads the optional order's details of a request,
// {"details": {"order", "item", "option", "store", "amount", "currency",
// "ordered_on"}}, all strings. A detail that cannot be used is an error
// naming it ("details.order").
func readDetails(root gjson.Result, today assistant.Date) (describe.Details, *assistant.Error) {
	obj, err := readObject(root, "details")
	if err != nil {
		return describe.Details{}, err
	}
	raw := map[string]string{}
	for _, f := range detailFields {
		v := obj.Get(f)
		if !v.Exists() || v.Type == gjson.Null {
			continue
		}
		if v.Type != gjson.String {
			return describe.Details{}, invalid("details."+f, "must be a string")
		}
		if len(v.Str) > 1000 {
			return describe.Details{}, invalid("details."+f, "is too long")
		}
		raw[f] = v.Str
	}
	d, errs := describe.ReadDetails(func(k string) string { return raw[k] }, today)
	if len(errs) > 0 {
		return d, invalid("details."+errs[0].Field, errs[0].Message)
	}
	return d, nil
}

// Message answers a message request: the calm message to the seller, as
// {"text": "..." | null, "findings": [...]} (text is null for an outcome
// that gets no message), with the verdict.
func Message(body []byte, now time.Time) ([]byte, *assistant.Error) {
	req, err := DecodeDescribe(body, now)
	if err != nil {
		return nil, err
	}
	d := req.Details
	v, aerr := assistant.Assess(req.Request)
	if aerr != nil {
		return nil, asError(aerr)
	}
	m := describe.SellerMessage(describe.Input{Today: req.Request.Today, Facts: req.Request.Facts, Verdict: v, Story: req.Story,
		Lang: req.Lang, TextLang: req.TextLang}, d)
	w := jsonw{b: make([]byte, 0, 2048)}
	w.open('{')
	w.key("text")
	w.strOrNull(m.Text)
	writeFindings(&w, m.Findings, storyPath)
	w.key("verdict")
	w.sep()
	w.b = AppendVerdict(w.b, req.Request.Today, &v)
	w.close('}')
	return w.b, nil
}
