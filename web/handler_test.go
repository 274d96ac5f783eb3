package web_test

import (
	"net/http/httptest"
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
