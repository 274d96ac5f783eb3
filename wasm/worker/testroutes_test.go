//go:build !js

package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func get(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	return rec.Code, rec.Body.String()
}

func TestTestRoutesAreOffByDefault(t *testing.T) {
	t.Setenv(testRoutesVar, "")
	h := handler()
	for _, path := range []string{"/__test/panic", "/__test/exit", "/__test/env", "/__test/mem"} {
		if code, body := get(t, h, path); code != http.StatusNotFound {
			t.Errorf("GET %s = %d %s, want the handler's 404", path, code, body)
		}
	}
	if code, _ := get(t, h, "/healthz"); code != http.StatusOK {
		t.Errorf("GET /healthz = %d", code)
	}
}

func TestTestRoutesWhenSwitchedOn(t *testing.T) {
	t.Setenv(testRoutesVar, "1")
	t.Setenv("CALMCLAIM_TEST_ECHO", "native")
	h := handler()
	if code, body := get(t, h, "/__test/env?mark=a"); code != 200 || body != "echo=native\nprev=\n" {
		t.Errorf("GET /__test/env = %d %q", code, body)
	}
	if code, body := get(t, h, "/__test/mem"); code != 200 || !strings.Contains(body, `"sys":`) {
		t.Errorf("GET /__test/mem = %d %q", code, body)
	}
	defer func() {
		if p := recover(); p != "deliberate test panic" {
			t.Errorf("recovered %v", p)
		}
	}()
	get(t, h, "/__test/panic")
	t.Error("/__test/panic returned")
}
