package main

import (
	"errors"
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
	// AsIs: the buyer chose to include a file the bundle cannot clean as
	// it is.
	AsIs bool
}

// bundleOptions are the buyer's choices and the page's digest.
type bundleOptions struct {
	// OriginalNames writes the files' own names into the manifest and
	// the summary (the buyer ticked the box; off by default).
	OriginalNames bool
	// NewDigest hashes each file (nil: Go's); the browser build sets a
	// faster one.
	NewDigest func() bundle.Digest
}

// writeBundle writes the evidence ZIP for a describe request body (the
// case: facts, story, evidence ids) and the buyer's files to w, streaming:
// memory is bounded by the chunk size, not by the files' sizes. Every
// file is cleaned, or stored as it is when AsIs says so; a file that
// cannot be cleaned and is not marked AsIs is an error (the page asks the
// buyer first, see checkFile).
func writeBundle(w io.Writer, body []byte, files []evidenceFile, now time.Time, opts bundleOptions) ([]bundle.File, *assistant.Error) {
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
		Story: req.Story, Evidence: req.Evidence, Details: req.Details, Lang: req.Lang, TextLang: req.TextLang})
	bw := bundle.NewWriter(w, bundle.Case{Created: req.Request.Today, Facts: req.Request.Facts, Verdict: v,
		Description: d.Text, Details: req.Details, Lang: req.Lang}, bundle.Options{ChunkSize: 1 << 20, NewDigest: opts.NewDigest, OriginalNames: opts.OriginalNames})
	for i, f := range files {
		if !assistant.ValidEvidenceID(string(f.ID)) {
			return nil, assistant.Errorf(assistant.ECodeInvalid, "files["+itoa(i)+"].id", "unknown evidence id")
		}
		add := bw.AddFile
		if f.AsIs {
			add = bw.AddFileAsIs
		}
		if _, err := add(f.ID, f.Name, f.MediaType, f.R); errors.Is(err, bundle.ErrCannotClean) {
			return nil, assistant.Errorf(assistant.ECodeInvalid, "files["+itoa(i)+"]", "this kind of file cannot be cleaned: include it as it is or leave it out")
		} else if err != nil {
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

// checkFile says, before the bundle is built, whether a file will be
// cleaned, cannot be (its kind), or is damaged; the page names the last two
// and asks the buyer whether to include them as they are.
func checkFile(r io.Reader, mediaType, name string) (bundle.Checked, error) {
	return bundle.Check(r, mediaType, name)
}
