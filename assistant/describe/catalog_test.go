package describe

import (
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
)

var updateCatalog = flag.Bool("update-catalog", false, "write the English finding texts to i18n/catalog/en/findings.json")

// findingTexts are the English finding texts by catalog key, from the
// tables the tone check keeps them in.
func findingTexts() map[string]string {
	out := map[string]string{"finding.example_prefix": examplePrefix}
	for id, s := range suggestions {
		out["finding."+id] = s
	}
	for id, s := range reviewSuggestions {
		out["finding.review."+id] = s
	}
	for id, s := range keptSuggestions {
		out["finding.kept."+id] = s
	}
	for c, s := range claimExamples {
		out["finding.example."+exampleKey(c)] = s
	}
	return out
}

// TestFindingTextsInTheCatalog keeps the translators' English source
// (i18n/catalog/en/findings.json) equal to the tone check's own tables,
// so a changed suggestion is translated again.
func TestFindingTextsInTheCatalog(t *testing.T) {
	want := findingTexts()
	const file = "../../i18n/catalog/en/findings.json"
	if *updateCatalog {
		data, _ := json.MarshalIndent(want, "", "  ")
		if err := os.WriteFile(file, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]string
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: the catalog says %q, the tone check %q (go test ./assistant/describe -run TestFindingTextsInTheCatalog -update-catalog)", k, got[k], v)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: in the catalog, not in the tone check", k)
		}
	}
	p := i18n.For(i18n.English)
	if s := suggestionFor(FieldDifference, FindInsult, "broken", ""); s != p.T("finding.insult")+" Instead, try: \""+p.T("finding.example.broken")+"\"" {
		t.Errorf("insult suggestion: %q", s)
	}
}

// TestDescriptionInTheBuyersChoiceOfLanguage: the description and the
// message are written in TextLang, the advice in Lang; the buyer's own
// words stay as written (issue 12: descriptions were English only).
func TestDescriptionInTheBuyersChoiceOfLanguage(t *testing.T) {
	today := mustDate("2026-11-22")
	in := eligibleSNAD(Story{Ordered: "Kubek 350 ml, niebieski.", Difference: "Przyszedł zielony, ty oszuście."})
	in.Facts.RefundRequestedOn = mustDate("2026-11-02")
	in.Verdict, _ = assistant.Assess(assistant.Request{Today: today, Facts: in.Facts})
	in.Today = today
	en := Describe(in)
	in.Lang, in.TextLang = i18n.Polish, i18n.Polish
	pl := Describe(in)
	pp := i18n.For(i18n.Polish)
	if pl.Text == en.Text || !strings.HasPrefix(pl.Text, pp.T("describe.heading.ordered")+"\n") {
		t.Errorf("Polish description:\n%s", pl.Text)
	}
	if !strings.Contains(pl.Text, "2 listopada 2026") || strings.Contains(pl.Text, "November") {
		t.Errorf("Polish description's date:\n%s", pl.Text)
	}
	if !strings.Contains(pl.Text, "Kubek 350 ml, niebieski.") {
		t.Errorf("the buyer's words changed:\n%s", pl.Text)
	}
	var insult string
	for _, f := range pl.Findings {
		if f.ID == FindAccusation || f.ID == FindInsult {
			insult = f.Suggestion
		}
	}
	if insult == "" || !strings.HasPrefix(insult, pp.T("finding."+FindAccusation)) && !strings.HasPrefix(insult, pp.T("finding."+FindInsult)) {
		t.Errorf("Polish advice: %q (%v)", insult, pl.Findings)
	}
	// Polish advice, English text: for a seller who reads English.
	in.TextLang = i18n.English
	mixed := Describe(in)
	if mixed.Text != en.Text {
		t.Errorf("English text with Polish advice differs from the English description:\n%s", mixed.Text)
	}
	if len(mixed.Findings) == 0 || mixed.Findings[0].Suggestion != pl.Findings[0].Suggestion {
		t.Errorf("advice not in the buyer's language: %v", mixed.Findings)
	}
	// The message to the seller follows TextLang too.
	in.Verdict.Outcome = assistant.Wait
	in.TextLang = i18n.Polish
	if m := SellerMessage(in, Details{Order: "8190234455667788"}); !strings.HasPrefix(m.Text, pp.T("message.hello")) ||
		!strings.Contains(m.Text, "8190234455667788") {
		t.Errorf("Polish message:\n%s", m.Text)
	}
}

// TestAmountsInTheTextsLanguage: the amount paid is written with the
// decimal separator of the text's language ("12,50 EUR" in Polish).
func TestAmountsInTheTextsLanguage(t *testing.T) {
	d := Details{Amount: "12.50", Currency: "EUR"}
	for lang, want := range map[i18n.Lang]string{i18n.English: "12.50 EUR", i18n.Polish: "12,50 EUR", i18n.German: "12,50 EUR",
		i18n.Korean: "12.50 EUR", i18n.Hebrew: "12.50 EUR"} {
		if got := d.PaidIn(i18n.For(lang)); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	in := eligibleSNAD(Story{})
	in.Details, in.TextLang = d, i18n.Polish
	if text := Describe(in).Text; !strings.Contains(text, "12,50 EUR") {
		t.Errorf("Polish description without 12,50 EUR:\n%s", text)
	}
}
