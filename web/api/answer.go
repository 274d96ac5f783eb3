package api

import (
	"time"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
)

// Assess answers an assess request body: the verdict's JSON, or an error
// to send as {"error": ...}. The HTTP handler, the Worker and the browser's
// Calmclaim.assess all answer through it.
func Assess(body []byte, now time.Time) ([]byte, *assistant.Error) {
	req, err := DecodeAssess(body, now)
	if err != nil {
		return nil, err
	}
	v, aerr := assistant.Assess(req)
	if aerr != nil {
		return nil, asError(aerr)
	}
	return AppendVerdict(make([]byte, 0, 2048), req.Today, &v), nil
}

// Checklist answers a checklist request body.
func Checklist(body []byte, now time.Time) ([]byte, *assistant.Error) {
	req, err := DecodeChecklist(body, now)
	if err != nil {
		return nil, err
	}
	res := assistant.Checklist(req.Today, req.Facts)
	return AppendChecklist(make([]byte, 0, 8192), &res), nil
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
