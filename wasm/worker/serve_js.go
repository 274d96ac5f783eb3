//go:build js && wasm

package main

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall/js"

	"github.com/syumai/workers/cloudflare"
)

// serve hands the glue one function that answers a request, then parks
// main so the runtime stays up. The glue names, in CALMCLAIM_GLUE, the
// global object whose ready method receives the function; glue/glue.mjs
// documents the calling convention.
func serve(h http.Handler) {
	glue = js.Global().Get(os.Getenv("CALMCLAIM_GLUE"))
	if glue.Type() != js.TypeObject {
		panic("calmclaim worker: no glue object; start the runtime from glue/glue.mjs")
	}
	// One js.Func for the life of the runtime: nothing per request needs
	// releasing, and the runtime is dropped whole if it ever exits.
	glue.Call("ready", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return handle(h, args)
	}))
	select {}
}

var (
	glue js.Value // the glue object
	xbuf js.Value // the Uint8Array the glue and Go exchange requests and responses in
	xlen int      // its length
	out  []byte   // the response being encoded; reused, as calls never overlap
)

// envVar returns the request's env var name, read through syumai/workers:
// the glue makes the request's env the runtime context for the length of
// the call, so a runtime reused across requests never keeps the first one's.
func envVar(_ *http.Request, name string) string {
	if env := runtimeContext.Get("env"); env.Type() != js.TypeObject {
		return "" // not inside a request
	}
	return cloudflare.Getenv(name)
}

// runtimeContext is the object syumai/workers reads env and ctx from.
var runtimeContext = js.Global().Get("context")

// markCtx stores mark on the request's ExecutionContext and returns the mark
// found there before, "" if none: a fresh ctx per request never has one.
func markCtx(_ *http.Request, mark string) string {
	ctx := runtimeContext.Get("ctx")
	if ctx.Type() != js.TypeObject {
		return ""
	}
	prev := ctx.Get("calmclaimTestMark")
	ctx.Set("calmclaimTestMark", mark)
	if prev.Type() != js.TypeString {
		return ""
	}
	return prev.String()
}

// handle answers one request synchronously. args are (n) or (n, buffer): the request is in the first n bytes of the exchange
// buffer (replaced by buffer when given) as
//
//	METHOD URL\n name:value\n ... \n body
//
// and the response is written back as "status\n name:value\n ... \n body".
// handle returns its length. Only numbers cross, so no js.Value (and its
// finalizer) is made per request.
// A panic in the handler becomes a 500; the runtime goes on.
func handle(h http.Handler, args []js.Value) (n int) {
	defer func() {
		if p := recover(); p != nil {
			println("calmclaim worker: panic serving request:", fmt.Sprint(p), "\n", string(debug.Stack()))
			n = respond(http.StatusInternalServerError, internalErrorHeader,
				[]byte(`{"error":{"code":"internal","message":"something went wrong on our side","field":null}}`))
		}
	}()
	if len(args) == 2 {
		xbuf, xlen = args[1], args[1].Length()
	}
	in := make([]byte, args[0].Int())
	js.CopyBytesToGo(in, xbuf)
	head, body, ok := bytes.Cut(in, []byte("\n\n"))
	line, header, _ := strings.Cut(string(head)+"\n", "\n")
	method, url, _ := strings.Cut(line, " ")
	if !ok || method == "" {
		panic("calmclaim worker: malformed request from the glue")
	}
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		return respond(http.StatusBadRequest, "Content-Type:text/plain; charset=utf-8\n", []byte("bad request\n"))
	}
	if len(body) == 0 {
		req.Body = http.NoBody
	}
	req.RequestURI = req.URL.RequestURI()
	req.Header = parseHeader(header)
	req.RemoteAddr = req.Header.Get("Cf-Connecting-Ip")
	w := &responseWriter{header: http.Header{}}
	h.ServeHTTP(w, req)
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	if method == http.MethodHead {
		w.body = nil
	}
	return respond(w.status, w.sent, w.body)
}

// respond encodes a response into the exchange buffer and returns its
// length. A response that does not fit goes into a new, larger buffer,
// handed to the glue (grown) before the length is returned: the glue must
// read exactly n bytes, never the whole buffer.
func respond(status int, header string, body []byte) int {
	out = strconv.AppendInt(out[:0], int64(status), 10)
	out = append(out, '\n')
	out = append(out, header...)
	out = append(out, '\n')
	out = append(out, body...)
	n := len(out)
	if n > xlen {
		xlen = max(n, 2*xlen)
		xbuf = uint8Array.New(xlen)
		glue.Call("grown", xbuf)
	}
	js.CopyBytesToJS(xbuf, out)
	if cap(out) > 1<<20 {
		out = nil // keep no more than 1 MiB between requests
	}
	return n
}

var uint8Array = js.Global().Get("Uint8Array")

// internalErrorHeader is the header of the 500 a panic gets: the same
// security headers as every other response of web.New.
const internalErrorHeader = "Content-Type:application/json; charset=utf-8\nCache-Control:no-store\n" +
	"X-Content-Type-Options:nosniff\nReferrer-Policy:no-referrer\n" +
	"Content-Security-Policy:default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'\n"

// parseHeader reads the glue's "name:value\n" lines. Headers joins repeated
// fields with ", " and so does the result: one value per name.
func parseHeader(s string) http.Header {
	h := make(http.Header, strings.Count(s, "\n"))
	for line := range strings.SplitSeq(s, "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			h[http.CanonicalHeaderKey(k)] = append(h[http.CanonicalHeaderKey(k)], v)
		}
	}
	return h
}

// responseWriter buffers one response. Like net/http it takes the header
// as it is at WriteHeader, sniffs a missing Content-Type from the first
// write and ignores a second WriteHeader.
type responseWriter struct {
	header http.Header
	status int
	sent   string // the header at WriteHeader, "name:value\n" per value
	body   []byte
}

func (w *responseWriter) Header() http.Header { return w.header }

func (w *responseWriter) WriteHeader(code int) {
	if w.status != 0 || (code >= 100 && code < 200) {
		return // a repeated or informational header: neither reaches the client
	}
	if code < 200 || code > 999 {
		panic("invalid WriteHeader code")
	}
	w.status = code
	var b strings.Builder
	for k, vs := range w.header {
		for _, v := range vs {
			b.WriteString(k)
			b.WriteByte(':')
			b.WriteString(strings.Map(noNewline, v))
			b.WriteByte('\n')
		}
	}
	w.sent = b.String()
}

// noNewline turns CR and LF into spaces, as net/http does to header values.
func noNewline(r rune) rune {
	if r == '\r' || r == '\n' {
		return ' '
	}
	return r
}

func (w *responseWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		if _, ok := w.header["Content-Type"]; !ok && len(p) > 0 {
			w.header.Set("Content-Type", http.DetectContentType(p))
		}
		w.WriteHeader(http.StatusOK)
	}
	w.body = append(w.body, p...)
	return len(p), nil
}
