package bundle

import (
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
)

// TestSummaryNamesTheOrder: the order's details the buyer gave are in
// summary.html, escaped; without them no row is written.
func TestSummaryNamesTheOrder(t *testing.T) {
	date, _ := assistant.ParseDate("2026-11-02")
	c := &Case{Facts: assistant.Facts{Claim: assistant.Broken}, Details: describe.Details{Order: "8190234455667788",
		Item: `Teapot "<script>alert(1)</script>`, Store: "Home & Garden", Amount: "12.50", Currency: "EUR", OrderedOn: date}}
	sum := string(appendSummary(nil, c, nil))
	for _, want := range []string{"<th>Order number</th><td>8190234455667788</td>", "Teapot &#34;&lt;script&gt;alert(1)&lt;/script&gt;",
		"<th>Store</th><td>Home &amp; Garden</td>", "<th>Paid</th><td>12.50 EUR</td>", "<th>Ordered on</th><td>2 November 2026</td>"} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary.html lacks %q", want)
		}
	}
	if strings.Contains(sum, "<script>") {
		t.Error("a detail reached summary.html unescaped")
	}
	if sum := string(appendSummary(nil, &Case{Facts: assistant.Facts{Claim: assistant.Broken}}, nil)); strings.Contains(sum, "Order number") {
		t.Error("an order row without details")
	}
}
