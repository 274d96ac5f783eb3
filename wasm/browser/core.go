// Command browser is Calmclaim's Go in the page: built with GOOS=js
// GOARCH=wasm into web/static/app.wasm, it exposes window.Calmclaim with
// assess, checklist, describe, render, check and bundle. assess, checklist
// and describe take the same object as the HTTP API and return the same
// JSON (as an object); render draws a wizard page locally, so moving
// between questions needs no request; check says whether a file can be
// cleaned; bundle builds the evidence ZIP from the buyer's files without
// uploading them.
//
// The functions here are plain Go, tested natively; main_js.go binds them
// to JavaScript.
package main

import (
	"bytes"
	"context"
	"net/url"
	"time"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/calmclaim/calmclaim/web/api"
	"github.com/calmclaim/calmclaim/web/pages"
)

// answer runs an API answer and returns its JSON, or the error body the
// HTTP API would send.
func answer(fn func([]byte, time.Time) ([]byte, *assistant.Error), body []byte, now time.Time) []byte {
	out, err := fn(body, now)
	if err != nil {
		return api.AppendError(nil, err)
	}
	return out
}

// page is a locally rendered page.
type page struct {
	Status   int
	HTML     string
	Location string
}

// render draws the page at path?query as the server would, in lang (the
// page's own language) unless the query chooses one.
func render(path, query, lang string, now time.Time) page {
	q, err := url.ParseQuery(query)
	if err != nil {
		return page{Status: 400}
	}
	y, m, d := now.Date() // the buyer's own calendar day: the page knows its time zone
	today, _ := assistant.MakeDate(y, int(m), d)
	l, _ := i18n.Parse(lang)
	var buf bytes.Buffer
	res, rerr := pages.Render(context.Background(), &buf, pages.Request{Path: path, Query: q, Today: today, Lang: l})
	if rerr != nil {
		return page{Status: 500}
	}
	if res.Location != "" {
		return page{Status: 303, Location: res.Location}
	}
	if res.ContentType != "text/html; charset=utf-8" {
		return page{Status: 406} // downloads go to the network
	}
	return page{Status: res.Status, HTML: buf.String()}
}

// calendar is the verdict's calendar file for the answers in query, with
// the order number the buyer keeps in this browser: the page builds it
// itself, so the number never travels in a request. Its words are in lang
// (the page's own language) unless the query chooses one.
func calendar(query, order, lang string, now time.Time) (data, name string) {
	q, err := url.ParseQuery(query)
	if err != nil {
		return "", ""
	}
	y, m, d := now.Date()
	today, _ := assistant.MakeDate(y, int(m), d)
	l, _ := i18n.Parse(lang)
	return pages.Calendar(q, today, order, l)
}
