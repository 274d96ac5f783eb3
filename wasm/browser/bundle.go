package main

import (
	"hash"
	"io"
	"time"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/bundle"
	"github.com/calmclaim/calmclaim/assistant/describe"
	"github.com/calmclaim/calmclaim/web/api"
)

// evidenceFile is one file the buyer attached, read through r.
type evidenceFile struct {
	ID        assistant.EvidenceID
	Name      string
	MediaType string
	R         io.Reader
}

// writeBundle writes the evidence ZIP for a describe request body (the
// case: facts, story, evidence ids) and the buyer's files to w, streaming:
// memory is bounded by the chunk size, not by the files' sizes.
// newHash is the SHA-256 for the files; the browser build sets a faster one.
func writeBundle(w io.Writer, body []byte, files []evidenceFile, now time.Time, newHash func() hash.Hash) ([]bundle.File, *assistant.Error) {
	req, err := api.DecodeDescribe(body, now)
	if err != nil {
		return nil, err
	}
	v, aerr := assistant.Assess(req.Request)
	if aerr != nil {
		return nil, assistant.Errorf(assistant.ECodeInvalid, "today", aerr.Error())
	}
	for _, f := range files {
		req.Evidence = append(req.Evidence, f.ID)
	}
	d := describe.Describe(describe.Input{Today: req.Request.Today, Facts: req.Request.Facts, Verdict: v,
		Story: req.Story, Evidence: req.Evidence})
	bw := bundle.NewWriter(w, bundle.Case{Created: req.Request.Today, Facts: req.Request.Facts, Verdict: v,
		Description: d.Text}, bundle.Options{ChunkSize: 1 << 20, NewHash: newHash})
	for i, f := range files {
		if !assistant.ValidEvidenceID(string(f.ID)) {
			return nil, assistant.Errorf(assistant.ECodeInvalid, "files["+itoa(i)+"].id", "unknown evidence id")
		}
		if _, err := bw.AddFile(f.ID, f.Name, f.MediaType, f.R); err != nil {
			return nil, assistant.Errorf(assistant.ECodeInvalid, "files["+itoa(i)+"]", "the file could not be read: "+err.Error())
		}
	}
	if err := bw.Close(); err != nil {
		return nil, assistant.Errorf(assistant.ECodeInvalid, "", "the bundle could not be finished: "+err.Error())
	}
	return bw.Files(), nil
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
