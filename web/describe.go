package web

import "github.com/calmclaim/calmclaim/assistant"

// describe answers POST /api/v1/describe.
func (s *server) describe(body []byte) ([]byte, *assistant.Error) {
	return nil, assistant.Errorf(assistant.ECodeNotFound, "", "not available yet")
}
