package bundle

import (
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
	"github.com/calmclaim/calmclaim/i18n"
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

// TestSummaryInThePagesLanguage: summary.html is written in the case's
// language, right to left for Hebrew, with the language's dates; the
// buyer's details and the hashes stay as they are (issue 12).
func TestSummaryInThePagesLanguage(t *testing.T) {
	today, _ := assistant.ParseDate("2026-11-23")
	asked, _ := assistant.ParseDate("2026-11-02")
	facts := assistant.Facts{Claim: assistant.Broken, PaidOnPlatform: assistant.Yes, Received: assistant.Yes,
		RequestedRemedy: assistant.FullRefund, SignedBeforeInspection: assistant.No, SellerContacted: assistant.Yes,
		RefundReceived: assistant.No, ChargebackFiled: assistant.No, PreviousDisputeSameReason: assistant.No, MotiveRetaliation: assistant.No,
		RefundRequestedOn: asked}
	v, err := assistant.Assess(assistant.Request{Today: today, Facts: facts})
	if err != nil {
		t.Fatal(err)
	}
	files := []File{{Name: "photos_item-1.jpg", EvidenceID: assistant.PhotosItem, MediaType: "image/jpeg", Size: 512, SHA256: "ab12", MetadataRemoved: true}}
	en := string(appendSummary(nil, &Case{Created: today, Facts: facts, Verdict: v}, files))
	for _, c := range []struct {
		lang       i18n.Lang
		dir, month string
	}{{i18n.Polish, "ltr", "listopada"}, {i18n.Hebrew, "rtl", "בנובמבר"}, {i18n.Spanish, "ltr", "noviembre"}} {
		sum := string(appendSummary(nil, &Case{Created: today, Facts: facts, Verdict: v, Lang: c.lang, Details: describe.Details{Order: "8190234455667788"}}, files))
		p := i18n.For(c.lang)
		for _, want := range []string{`<html lang="` + string(c.lang) + `" dir="` + c.dir + `">`, c.month, "8190234455667788", "ab12",
			"<h2>" + p.T("summary.files") + "</h2>", p.T("describe.evidence.photos_item")} {
			if !strings.Contains(sum, want) {
				t.Errorf("%s summary.html lacks %q", c.lang, want)
			}
		}
		for _, english := range []string{"Evidence bundle", "Timeline", "November", "⟦en⟧"} {
			if strings.Contains(sum, english) {
				t.Errorf("%s summary.html has %q", c.lang, english)
			}
		}
	}
	if !strings.Contains(en, `<html lang="en" dir="ltr">`) || !strings.Contains(en, "<h2>Timeline</h2>") {
		t.Error("the English summary changed")
	}
}
