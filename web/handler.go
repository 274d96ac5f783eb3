package web

import (
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/web/api"
	"github.com/calmclaim/calmclaim/web/assets"
)

// MaxBodyBytes is the largest request body the API reads.
const MaxBodyBytes = api.MaxBodyBytes

// Options configures the handler. The zero value is ready to use.
type Options struct {
	// Now returns the current time; it supplies the default "today" of an
	// assessment. Nil means time.Now.
	Now func() time.Time
	// FrameAncestors lists the origins allowed to embed the pages in a
	// frame (the help-page widget), as CSP source expressions such as
	// "https://help.example.com". Empty means only this origin.
	FrameAncestors []string
	// Runtime is where pages tell app.js to load the page's wasm from. Zero
	// means: natively, the hashed names of the embedded web/static/app.wasm
	// and wasm_exec.js (none if make browser has not run); in the Worker,
	// whose static files are served by Workers Static Assets, nothing, so
	// the Worker passes the names its build published.
	Runtime assets.Runtime
}

// FrameAncestorsVar names the operator's setting with the origins allowed
// to embed the pages, separated by spaces or commas: an environment variable
// natively, a Worker env var (wrangler [vars]) at the edge.
const FrameAncestorsVar = "CALMCLAIM_FRAME_ANCESTORS"

// SplitOrigins splits a FrameAncestorsVar value, "a b, c", into its origins.
func SplitOrigins(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' })
}

type server struct {
	now     func() time.Time
	opts    Options
	runtime assets.Runtime
}

// New returns the Calmclaim handler: the JSON API, the pages and the static
// assets. It keeps no state between requests.
func New(opts Options) http.Handler {
	s := &server{now: opts.Now, opts: opts, runtime: opts.Runtime}
	if s.now == nil {
		s.now = time.Now
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", s.healthz)
	mux.Handle("/api/v1/assess", s.api(http.MethodPost, s.assess))
	mux.Handle("/api/v1/checklist", s.api(http.MethodPost, s.checklist))
	mux.Handle("/api/v1/rules", s.api(http.MethodGet, s.rules))
	mux.Handle("/api/v1/describe", s.api(http.MethodPost, s.describe))
	mux.Handle("/api/v1/review", s.api(http.MethodPost, s.review))
	mux.Handle("/api/v1/message", s.api(http.MethodPost, s.message))
	s.pages(mux)
	mux.Handle("/api/", s.api("", nil))
	return recoverer(securityHeaders(mux))
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		writeError(w, methodNotAllowed("GET"))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	io.WriteString(w, `{"status":"ok"}`)
}

// apiFunc answers one API request from its body (and, for the languages
// the answer is given in, its headers); it returns the JSON to send with
// 200, or an error for the edge to map.
type apiFunc func(r *http.Request, body []byte) ([]byte, *assistant.Error)

// api wraps an endpoint with what every API call shares: CORS (the API has
// no cookies, so any origin may call it), the method check, the content
// type, the size limit and the mapping of errors to statuses. An empty
// method answers 404 for every request.
func (s *server) api(method string, fn apiFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Cache-Control", "no-store")
		if fn == nil {
			writeError(w, assistant.Errorf(assistant.ECodeNotFound, "", "no such API endpoint"))
			return
		}
		if r.Method == http.MethodOptions {
			h.Set("Access-Control-Allow-Methods", method+", OPTIONS")
			h.Set("Access-Control-Allow-Headers", "Content-Type")
			h.Set("Access-Control-Max-Age", "86400")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if r.Method != method && !(method == http.MethodGet && r.Method == http.MethodHead) {
			writeError(w, methodNotAllowed(method+", OPTIONS"))
			return
		}
		var body []byte
		if method == http.MethodPost {
			var err *assistant.Error
			if body, err = readBody(r); err != nil {
				writeError(w, err)
				return
			}
		}
		out, err := fn(r, body)
		if err != nil {
			writeError(w, err)
			return
		}
		h.Set("Content-Type", "application/json; charset=utf-8")
		h.Set("Content-Length", strconv.Itoa(len(out)))
		w.Write(out)
	})
}

// readBody checks the content type and reads at most MaxBodyBytes.
func readBody(r *http.Request) ([]byte, *assistant.Error) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || (mt != "application/json" && !isJSONSuffix(mt)) {
		return nil, assistant.Errorf(assistant.ECodeBadMedia, "Content-Type",
			"send the body as application/json")
	}
	tooLarge := assistant.Errorf(assistant.ECodeTooLarge, "", "the body is larger than 64 KiB")
	if r.ContentLength > MaxBodyBytes {
		return nil, tooLarge
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxBodyBytes+1))
	if err != nil {
		return nil, assistant.Errorf(assistant.ECodeInvalid, "", "the body could not be read")
	}
	if len(body) > MaxBodyBytes {
		return nil, tooLarge
	}
	return body, nil
}

func isJSONSuffix(mt string) bool {
	return len(mt) > 5 && mt[len(mt)-5:] == "+json"
}

func methodNotAllowed(allow string) *assistant.Error {
	return &assistant.Error{Code: assistant.ECodeBadMethod, Message: "use " + allow, Field: ""}
}

// status maps an error code to its HTTP status; only the edge knows them.
func status(code string) int {
	switch code {
	case assistant.ECodeInvalid, assistant.ECodeUnsupported:
		return http.StatusBadRequest
	case assistant.ECodeTooLarge:
		return http.StatusRequestEntityTooLarge
	case assistant.ECodeBadMethod:
		return http.StatusMethodNotAllowed
	case assistant.ECodeBadMedia:
		return http.StatusUnsupportedMediaType
	case assistant.ECodeNotFound:
		return http.StatusNotFound
	}
	return http.StatusInternalServerError
}

func writeError(w http.ResponseWriter, e *assistant.Error) {
	h := w.Header()
	if e.Code == assistant.ECodeBadMethod {
		h.Set("Allow", e.Message[len("use "):])
	}
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status(e.Code))
	w.Write(api.AppendError(nil, e))
}

func (s *server) assess(r *http.Request, body []byte) ([]byte, *assistant.Error) {
	return api.AssessIn(body, s.now(), r.Header.Get("Accept-Language"))
}

func (s *server) checklist(r *http.Request, body []byte) ([]byte, *assistant.Error) {
	return api.ChecklistIn(body, s.now(), r.Header.Get("Accept-Language"))
}

func (s *server) describe(_ *http.Request, body []byte) ([]byte, *assistant.Error) {
	return api.Describe(body, s.now())
}
func (s *server) message(_ *http.Request, body []byte) ([]byte, *assistant.Error) {
	return api.Message(body, s.now())
}
func (s *server) review(_ *http.Request, body []byte) ([]byte, *assistant.Error) {
	return api.Review(body, s.now())
}

// rulesJSON is the rule pack as served, encoded on the first request for
// it (not at start); it never changes while running.
var rulesJSON = sync.OnceValue(func() []byte { return api.AppendRules(nil, assistant.DefaultPack) })

func (s *server) rules(*http.Request, []byte) ([]byte, *assistant.Error) { return rulesJSON(), nil }

// StrictCSP is the Content-Security-Policy of every response that is not a
// page: it allows nothing.
const StrictCSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

// ReferrerPolicy is the Referrer-Policy of every response; the Worker's
// static assets send the same (wasm/worker/_headers).
const ReferrerPolicy = "no-referrer"

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", ReferrerPolicy)
		// JSON, errors and redirects load nothing and are framed by no one;
		// pages replace this with their own policy.
		h.Set("Content-Security-Policy", StrictCSP)
		next.ServeHTTP(w, r)
	})
}

// recoverer turns a panic into a 500 with a JSON error, so one bad request
// never takes the server (or the Worker) down. It is a last resort: every
// known bad input is answered with a 4xx before it gets here.
func recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				writeError(w, assistant.Errorf(assistant.ECodeInternal, "", "something went wrong on our side"))
			}
		}()
		next.ServeHTTP(w, r)
	})
}
