package web_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/calmclaim/calmclaim/web"
	"github.com/calmclaim/calmclaim/web/webtest"
)

func fixedNow() time.Time { return time.Date(2026, 11, 22, 23, 30, 0, 0, time.UTC) }

func TestContract(t *testing.T) {
	srv := httptest.NewServer(web.New(web.Options{Now: fixedNow}))
	defer srv.Close()
	webtest.Contract(t, srv.URL)
}

func TestHandlerNeverPanicsOnAPanickingEndpoint(t *testing.T) {
	// The recoverer is the last resort; a 500 with a JSON body, and the
	// server keeps serving.
	h := web.New(web.Options{Now: func() time.Time { panic("clock broke") }})
	srv := httptest.NewServer(h)
	defer srv.Close()
	status, _, body := webtest.Do(t, "POST", srv.URL+"/api/v1/assess", "application/json", `{"facts":{}}`)
	if status != 500 || !strings.Contains(string(body), `"internal"`) {
		t.Fatalf("got %d %s", status, body)
	}
	if status, _, _ := webtest.Do(t, "GET", srv.URL+"/healthz", "", ""); status != 200 {
		t.Fatalf("the server stopped serving: %d", status)
	}
}

func TestSecurityHeaders(t *testing.T) {
	srv := httptest.NewServer(web.New(web.Options{Now: fixedNow}))
	defer srv.Close()
	_, h, _ := webtest.Do(t, "GET", srv.URL+"/api/v1/rules", "", "")
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" || h.Get("Cache-Control") != "no-store" {
		t.Errorf("headers %v", h)
	}
	_, h, _ = webtest.Do(t, "GET", srv.URL+"/api/v1/assess", "", "")
	if !strings.Contains(h.Get("Allow"), "POST") {
		t.Errorf("405 without Allow: %v", h)
	}
	// JSON errors and redirects load nothing: a policy that allows nothing
	// (pages have their own).
	if h.Get("Content-Security-Policy") != web.StrictCSP {
		t.Errorf("JSON error without a CSP: %v", h)
	}
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, path := range []string{"/dispute/calendar.ics?claim=no_longer_wanted", "/dispute/../checklist"} {
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		req.URL.Opaque = path // keep the dots for the server to clean
		res, err := noFollow.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode/100 != 3 || res.Header.Get("Content-Security-Policy") == "" || res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("redirect %s: %d %v", path, res.StatusCode, res.Header)
		}
	}
}

// TestAPIStoresNothing: the same request gives the same answer whatever
// came before it, and no request changes what another sees.
func TestAPIStoresNothing(t *testing.T) {
	srv := httptest.NewServer(web.New(web.Options{Now: fixedNow}))
	defer srv.Close()
	body := `{"today":"2026-11-22","facts":{"claim":"broken","paid_on_platform":true}}`
	_, _, first := webtest.Do(t, "POST", srv.URL+"/api/v1/assess", "application/json", body)
	for _, other := range []string{`{"facts":{"refund_received":true}}`, `{"facts":{"claim":"x"}}`, `{`} {
		webtest.Do(t, "POST", srv.URL+"/api/v1/assess", "application/json", other)
	}
	_, _, again := webtest.Do(t, "POST", srv.URL+"/api/v1/assess", "application/json", body)
	if string(first) != string(again) {
		t.Errorf("answers differ:\n%s\n%s", first, again)
	}
}

func BenchmarkHandlerAssess(b *testing.B) {
	h := web.New(web.Options{Now: fixedNow})
	body := []byte(`{"marketplace":"aliexpress","today":"2026-11-22","facts":{"claim":"not_received","paid_on_platform":true,"tracking":"in_transit","delivery_deadline":"2026-11-05","refund_requested_on":"2026-11-08"}}`)
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/api/v1/assess", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}
