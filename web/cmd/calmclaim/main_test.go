package main

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/web"
)

// TestFrameAncestorsFromEnvironment is named for a gap: `make run` ignored
// CALMCLAIM_FRAME_ANCESTORS, which the Worker applies.
func TestFrameAncestorsFromEnvironment(t *testing.T) {
	env := map[string]string{web.FrameAncestorsVar: "https://help.example.com, https://support.example.org"}
	h := web.New(options(func(k string) string { return env[k] }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/dispute", nil))
	csp := rec.Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "frame-ancestors 'self' https://help.example.com https://support.example.org") {
		t.Errorf("CSP %q", csp)
	}
	rec = httptest.NewRecorder()
	web.New(options(func(string) string { return "" })).ServeHTTP(rec, httptest.NewRequest("GET", "/dispute", nil))
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.HasSuffix(csp, "frame-ancestors 'self'") {
		t.Errorf("default CSP %q", csp)
	}
}
