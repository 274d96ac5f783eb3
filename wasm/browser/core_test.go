package main

import (
	"strings"
	"testing"
	"time"
)

// TestCalendarCarriesTheOrderNumber: the page builds the calendar file
// itself with the order number kept in this browser; the server's copy
// (a GET) never has it.
func TestCalendarCarriesTheOrderNumber(t *testing.T) {
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	q := "claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=false" +
		"&refund_asked=true&refund_requested_on=2026-11-20&protection_ends_on=2026-12-20"
	data, name := calendar(q, "8190234455667788", "", now)
	if !strings.HasPrefix(name, "calmclaim-") || strings.Count(data, "BEGIN:VEVENT") != 2 || !strings.Contains(data, "8190234455667788") {
		t.Fatalf("%s:\n%s", name, data)
	}
	if data, _ := calendar(q, "", "", now); strings.Contains(data, "8190") {
		t.Error("an order number without one given")
	}
	if data, _ := calendar("%zz", "1", "", now); data != "" {
		t.Error("a broken query made a file")
	}
}
