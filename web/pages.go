package web

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/web/assets"
	"github.com/calmclaim/calmclaim/web/pages"
)

// pages registers the server-rendered pages and the static assets.
func (s *server) pages(mux *http.ServeMux) {
	csp := contentSecurityPolicy(s.opts.FrameAncestors)
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.page(w, r, csp)
	}))
	if h, runtime := staticHandler(); h != nil {
		mux.Handle(assets.Prefix, h)
		if s.runtime == (assets.Runtime{}) {
			s.runtime = runtime
		}
	}
}

// contentSecurityPolicy allows only this origin's scripts, styles and
// frames, plus 'wasm-unsafe-eval' for the Go wasm; the pages may be framed
// by this origin and the operator's listed origins.
func contentSecurityPolicy(ancestors []string) string {
	list := []string{"'self'"}
	for _, a := range ancestors {
		if a != "" && !strings.ContainsAny(a, ";,\"' \t\r\n") {
			list = append(list, a)
		}
	}
	return "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
		"connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; " +
		"frame-ancestors " + strings.Join(list, " ")
}

func (s *server) page(w http.ResponseWriter, r *http.Request, csp string) {
	var form url.Values
	switch {
	case r.Method == http.MethodGet || r.Method == http.MethodHead:
	case r.Method == http.MethodPost && r.URL.Path == "/dispute/evidence":
		// The story, posted so the buyer's words never sit in an address.
		r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		if err := r.ParseForm(); err != nil {
			writeError(w, assistant.Errorf(assistant.ECodeTooLarge, "", "the form is larger than 64 KiB"))
			return
		}
		form = r.PostForm
	default:
		writeError(w, methodNotAllowed("GET"))
		return
	}
	y, m, d := s.now().UTC().Date()
	today, _ := assistant.MakeDate(y, int(m), d)
	var buf bytes.Buffer
	res, err := pages.Render(r.Context(), &buf, pages.Request{Path: r.URL.Path, Query: r.URL.Query(), Today: today, Form: form, Runtime: s.runtime})
	if err != nil {
		writeError(w, assistant.Errorf(assistant.ECodeInternal, "", "the page could not be drawn"))
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	// Answers travel in the address: keep pages out of shared caches.
	h.Set("Cache-Control", "no-store")
	if res.Location != "" {
		http.Redirect(w, r, res.Location, http.StatusSeeOther)
		return
	}
	h.Set("Content-Type", res.ContentType)
	if res.Filename != "" {
		h.Set("Content-Disposition", `attachment; filename="`+res.Filename+`"`)
	}
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(res.Status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}
