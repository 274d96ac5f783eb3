package web

import (
	"bytes"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
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
	case r.Method == http.MethodPost && (r.URL.Path == "/dispute/evidence" || r.URL.Path == "/dispute/message" || r.URL.Path == "/review" ||
		r.URL.Path == "/dispute/calendar.ics"):
		// The story, posted so the buyer's words never sit in an address.
		var err *assistant.Error
		if form, err = readForm(w, r); err != nil {
			writeError(w, err)
			return
		}
	default:
		writeError(w, methodNotAllowed("GET"))
		return
	}
	y, m, d := s.now().UTC().Date()
	today, _ := assistant.MakeDate(y, int(m), d)
	var buf bytes.Buffer
	lang, chosen := PageLang(r)
	res, err := pages.Render(r.Context(), &buf, pages.Request{Path: r.URL.Path, Query: r.URL.Query(), Today: today, Form: form, Runtime: s.runtime, Lang: lang})
	if err != nil {
		writeError(w, assistant.Errorf(assistant.ECodeInternal, "", "the page could not be drawn"))
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	// Answers travel in the address: keep pages out of shared caches.
	h.Set("Cache-Control", "no-store")
	h.Set("Vary", "Accept-Language, Cookie")
	if chosen {
		// The buyer picked a language: remember it for the next visit. It
		// says nothing about a case.
		http.SetCookie(w, &http.Cookie{Name: LangCookie, Value: string(lang), Path: "/", MaxAge: 365 * 24 * 3600,
			SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https"})
	}
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

// readForm reads a posted form of at most MaxBodyBytes. A body too large is
// a 413; a field that is not percent-encoded properly is a 400 naming it.
func readForm(w http.ResponseWriter, r *http.Request) (url.Values, *assistant.Error) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/x-www-form-urlencoded" {
		return nil, assistant.Errorf(assistant.ECodeBadMedia, "Content-Type", "send the form as application/x-www-form-urlencoded")
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		return nil, assistant.Errorf(assistant.ECodeTooLarge, "", "the form is larger than 64 KiB")
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		field := ""
		for pair := range strings.SplitSeq(string(body), "&") {
			k, v, _ := strings.Cut(pair, "=")
			if _, kerr := url.QueryUnescape(k); kerr != nil {
				break // the name itself is unreadable
			} else if _, verr := url.QueryUnescape(v); verr != nil {
				field, _ = url.QueryUnescape(k)
				break
			}
		}
		return nil, assistant.Errorf(assistant.ECodeInvalid, field, "the form has a badly encoded value")
	}
	return form, nil
}

// LangCookie remembers the language a buyer chose with the switcher.
const LangCookie = "calmclaim_lang"

// PageLang is the language of a page request: Accept-Language, then a
// remembered choice, then "lang" in the address, each overriding the one
// before. chosen reports a "lang" in the address, to be remembered.
func PageLang(r *http.Request) (lang i18n.Lang, chosen bool) {
	lang = i18n.English
	if l, ok := i18n.FromAcceptLanguage(r.Header.Get("Accept-Language")); ok {
		lang = l
	}
	if c, err := r.Cookie(LangCookie); err == nil {
		if l, ok := i18n.Parse(c.Value); ok {
			lang = l
		}
	}
	if l, ok := i18n.Parse(r.URL.Query().Get("lang")); ok {
		return l, true
	}
	return lang, false
}
