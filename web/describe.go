package web

import (
	"errors"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
	"github.com/calmclaim/calmclaim/web/api"
)

// describe answers POST /api/v1/describe: the engine's verdict for the
// facts, the dispute description written from the buyer's story (or, when
// the rules refuse the case, the reason and what to do instead) and the
// findings of the tone check.
func (s *server) describe(body []byte) ([]byte, *assistant.Error) {
	req, err := api.DecodeDescribe(body, s.now())
	if err != nil {
		return nil, err
	}
	v, aerr := assistant.Assess(req.Request)
	if aerr != nil {
		var e *assistant.Error
		if errors.As(aerr, &e) {
			return nil, e
		}
		return nil, assistant.Errorf(assistant.ECodeInternal, "", "the assessment failed")
	}
	d := describe.Describe(describe.Input{
		Today:    req.Request.Today,
		Facts:    req.Request.Facts,
		Verdict:  v,
		Story:    req.Story,
		Evidence: req.Evidence,
	})
	return api.AppendDescription(make([]byte, 0, 8192), req.Request.Today, &v, &d), nil
}
