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

// TestCalendarWithTheOrderNumberWithoutJavaScript: with JavaScript off the
// details page offers the dates as a calendar file holding the order
// number, through a POSTed form; the number is never in an address.
func TestCalendarWithTheOrderNumberWithoutJavaScript(t *testing.T) {
	srv := httptest.NewServer(web.New(web.Options{}))
	defer srv.Close()
	c := srv.Client()
	d := time.Now().UTC().AddDate(0, 0, -2).Format(time.DateOnly)
	answers := "claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund" +
		"&signed_before_inspection=false&refund_asked=true&refund_requested_on=" + d + "&protection_ends_on=unknown"
	post := func(path, form string) (*http.Response, string) {
		res, err := c.Post(srv.URL+path+"?"+answers, "application/x-www-form-urlencoded", strings.NewReader(form))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	_, page := post("/dispute/message", "order=8190+2344+5566+7788&item=Kettle")
	if !strings.Contains(page, `data-testid="calendar-with-order"`) || !strings.Contains(page, `name="order" value="8190234455667788"`) {
		t.Fatalf("no calendar form with the order number:\n%s", page)
	}
	if strings.Contains(page, `.ics?claim`) && strings.Contains(page, "order=8190") {
		t.Error("the order number is in an address")
	}
	res, ics := post("/dispute/calendar.ics", "order=8190234455667788")
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/calendar") ||
		!strings.Contains(ics, "8190234455667788") || strings.Count(ics, "BEGIN:VEVENT") < 1 {
		t.Fatalf("POST calendar: %d %s\n%s", res.StatusCode, res.Header.Get("Content-Type"), ics)
	}
	// A refused order number gives the file without it, never an error page.
	if res, ics := post("/dispute/calendar.ics", "order=<script>"); res.StatusCode != 200 || strings.Contains(ics, "script") {
		t.Errorf("refused order number: %d\n%s", res.StatusCode, ics)
	}
	// Without details, no form: the result page's link serves the file.
	if _, page := post("/dispute/message", "item=Kettle"); strings.Contains(page, `data-testid="calendar-with-order"`) {
		t.Error("a calendar form without an order number")
	}
}
