package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/calmclaim/calmclaim/web"
)

// TestRefundDateTypedByABuyerIsAccepted is named for a blocker: with no
// test-only today= in the address, every refund-request date was refused
// as "in the future", so no buyer could reach an eligible or wait verdict.
// It uses the real clock, as `make run` does, and dates relative to it.
func TestRefundDateTypedByABuyerIsAccepted(t *testing.T) {
	srv := httptest.NewServer(web.New(web.Options{}))
	defer srv.Close()
	client := srv.Client()
	now := time.Now().UTC()
	answers := "claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund" +
		"&signed_before_inspection=false&refund_asked=true"
	for _, tc := range []struct {
		daysAgo int
		h1      string // part of the verdict's heading, or of the error
	}{
		{12, "You can open a dispute now"},
		{3, "You can open a dispute from"},
		{0, "You can open a dispute from"},
		{-1, "You can open a dispute from"}, // already tomorrow east of UTC
		{-20, "The date must be today or in the past"},
	} {
		d := now.AddDate(0, 0, -tc.daysAgo)
		q := answers + "&submitted=refund_requested_on" +
			"&refund_requested_on-day=" + strconv.Itoa(d.Day()) +
			"&refund_requested_on-month=" + strconv.Itoa(int(d.Month())) +
			"&refund_requested_on-year=" + strconv.Itoa(d.Year())
		page := get(t, client, srv.URL+"/dispute?"+q)
		if tc.daysAgo < -1 {
			if !strings.Contains(page, tc.h1) {
				t.Errorf("%d days ahead: no error %q", -tc.daysAgo, tc.h1)
			}
			continue
		}
		// The answer is taken: the next page asks when Buyer Protection
		// ends (which can be skipped), then the verdict.
		if !strings.Contains(page, "When does Buyer Protection end for this order?") {
			t.Fatalf("%d days ago: the date was not taken:\n%s", tc.daysAgo, page)
		}
		result := srv.URL + "/dispute/result?" + answers + "&refund_requested_on=" + d.Format(time.DateOnly) + "&protection_ends_on=unknown"
		if page := get(t, client, result); !strings.Contains(page, tc.h1) {
			t.Errorf("%d days ago: verdict lacks %q", tc.daysAgo, tc.h1)
		}
	}
}

func get(t *testing.T, c *http.Client, u string) string {
	t.Helper()
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: %d", u, res.StatusCode)
	}
	return string(b)
}
