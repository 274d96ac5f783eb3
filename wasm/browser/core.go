// Command browser is Calmclaim's Go in the page: built with GOOS=js
// GOARCH=wasm into web/static/app.wasm, it exposes window.Calmclaim with
// assess, checklist and render. assess and checklist take the same object
// as the HTTP API and return the same JSON (as an object); render draws a
// wizard page locally, so moving between questions needs no request.
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
	"github.com/calmclaim/calmclaim/web/api"
	"github.com/calmclaim/calmclaim/web/pages"
)

// assessJSON answers an assess request body exactly as the HTTP API does:
// a verdict, or {"error": ...}.
func assessJSON(body []byte, now time.Time) []byte {
	req, err := api.DecodeAssess(body, now)
	if err != nil {
		return api.AppendError(nil, err)
	}
	v, aerr := assistant.Assess(req)
	if aerr != nil {
		return api.AppendError(nil, assistant.Errorf(assistant.ECodeInvalid, "today", aerr.Error()))
	}
	return api.AppendVerdict(nil, req.Today, &v)
}

// checklistJSON answers a checklist request body as the HTTP API does.
func checklistJSON(body []byte, now time.Time) []byte {
	req, err := api.DecodeChecklist(body, now)
	if err != nil {
		return api.AppendError(nil, err)
	}
	res := assistant.Checklist(req.Today, req.Facts)
	return api.AppendChecklist(nil, &res)
}

// page is a locally rendered page.
type page struct {
	Status   int
	HTML     string
	Location string
}

// render draws the page at path?query as the server would.
func render(path, query string, now time.Time) page {
	q, err := url.ParseQuery(query)
	if err != nil {
		return page{Status: 400}
	}
	y, m, d := now.UTC().Date()
	today, _ := assistant.MakeDate(y, int(m), d)
	var buf bytes.Buffer
	res, rerr := pages.Render(context.Background(), &buf, pages.Request{Path: path, Query: q, Today: today})
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
