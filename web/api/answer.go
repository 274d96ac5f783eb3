package api

import (
	"time"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
)

// Assess answers an assess request body: the verdict's JSON, or an error
// to send as {"error": ...}. The HTTP handler, the Worker and the browser's
// Calmclaim.assess all answer through it. A "lang" in the body adds the
// rules' summaries in that language (see AssessIn).
func Assess(body []byte, now time.Time) ([]byte, *assistant.Error) {
	return AssessIn(body, now, "")
}

// AssessIn is Assess for a request that came with an Accept-Language
// header: when the body has no "lang", the header's language (one we
// speak) is the one the summaries are also given in.
func AssessIn(body []byte, now time.Time, acceptLanguage string) ([]byte, *assistant.Error) {
	req, p, err := decodeAssess(body, now, acceptLanguage)
	if err != nil {
		return nil, err
	}
	v, aerr := assistant.Assess(req)
	if aerr != nil {
		return nil, asError(aerr)
	}
	return appendVerdict(make([]byte, 0, 2048), req.Today, &v, p), nil
}

// Checklist answers a checklist request body; a "lang" in it adds the
// items' summaries in that language.
func Checklist(body []byte, now time.Time) ([]byte, *assistant.Error) {
	return ChecklistIn(body, now, "")
}

// ChecklistIn is Checklist for a request with an Accept-Language header,
// as AssessIn.
func ChecklistIn(body []byte, now time.Time, acceptLanguage string) ([]byte, *assistant.Error) {
	req, p, err := decodeChecklist(body, now, acceptLanguage)
	if err != nil {
		return nil, err
	}
	res := assistant.Checklist(req.Today, req.Facts)
	return appendChecklist(make([]byte, 0, 8192), &res, p), nil
}

// Describe answers a describe request body.
func Describe(body []byte, now time.Time) ([]byte, *assistant.Error) {
	req, err := DecodeDescribe(body, now)
	if err != nil {
		return nil, err
	}
	v, aerr := assistant.Assess(req.Request)
	if aerr != nil {
		return nil, asError(aerr)
	}
	d := describe.Describe(describe.Input{Today: req.Request.Today, Facts: req.Request.Facts, Verdict: v,
		Story: req.Story, Evidence: req.Evidence, Details: req.Details})
	return AppendDescription(make([]byte, 0, 8192), req.Request.Today, &v, &d), nil
}

func asError(err error) *assistant.Error {
	if e, ok := err.(*assistant.Error); ok {
		return e
	}
	return assistant.Errorf(assistant.ECodeInternal, "", "the assessment failed")
}
