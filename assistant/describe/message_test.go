package describe

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
)

// TestSellerMessages writes the message for every claim and outcome that
// has one, with and without the order's details, and checks each against
// the tone check (no findings in its own text), the golden files in
// testdata/golden/message-*.txt (-update to accept new wording), and what
// a seller message must say.
func TestSellerMessages(t *testing.T) {
	today := mustDate("2026-11-22")
	details := Details{Order: "8190234455667788", Item: "Glass teapot", Option: "1 litre"}
	for claim, facts := range claimFacts {
		for _, o := range []assistant.Outcome{assistant.ContactSellerFirst, assistant.Wait} {
			f := withOutcome(facts, o)
			v, _ := assistant.Assess(assistant.Request{Today: today, Facts: f})
			if v.Outcome != o {
				t.Fatalf("%s: outcome %s, want %s", claim, v.Outcome, o)
			}
			for _, d := range []Details{{}, details} {
				m := SellerMessage(Input{Today: today, Facts: f, Verdict: v, Story: goldenStories[claim]}, d)
				name := string(claim) + "-" + string(o)
				if d.Order != "" {
					name += "-details"
				}
				for _, fd := range checkWhole(m.Text) {
					t.Errorf("%s: the message itself has a finding %s (%q)", name, fd.ID, fd.Excerpt)
				}
				for _, must := range []string{"Hello,", "in the order's chat", "Thank you."} {
					if !strings.Contains(m.Text, must) {
						t.Errorf("%s: lacks %q", name, must)
					}
				}
				if d.Order != "" && !strings.Contains(m.Text, "order 8190234455667788 (Glass teapot, 1 litre)") {
					t.Errorf("%s: the order's details are not named", name)
				}
				if strings.Contains(m.Text, "415 555") || strings.Contains(strings.ToLower(m.Text), "liar") {
					t.Errorf("%s: the buyer's contact details or insults reached the message", name)
				}
				golden(t, "message-"+name, m.Text)
			}
		}
	}
	// No message where the seller is not the way.
	v, _ := assistant.Assess(assistant.Request{Today: today, Facts: assistant.Facts{Claim: assistant.NoLongerWanted}})
	if m := SellerMessage(Input{Today: today, Verdict: v}, Details{}); m.Text != "" {
		t.Errorf("a message for %s", v.Outcome)
	}
}

// checkWhole runs the tone check over each paragraph of a generated text.
func checkWhole(text string) []Finding {
	var out []Finding
	for _, p := range strings.Split(text, "\n\n") {
		out = append(out, Check(FieldDifference, p).Findings...)
	}
	return out
}

func golden(t *testing.T, name, text string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".txt")
	if *update {
		if err := os.WriteFile(path, []byte(text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != text+"\n" {
		os.WriteFile(strings.TrimSuffix(path, ".txt")+".actual.txt", []byte(text+"\n"), 0o644)
		t.Errorf("%s differs from %s", name, path)
	}
}

func TestReadDetails(t *testing.T) {
	today := mustDate("2026-11-22")
	get := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	d, errs := ReadDetails(get(map[string]string{
		DetailOrder: " 8190 2344-5566 7788 ", DetailItem: "  Glass   teapot ", DetailOption: "1 litre",
		DetailStore: "Home Goods Store", DetailAmount: "12,50", DetailCurrency: "eur", DetailOrderedOn: "2026-11-02",
	}), today)
	if len(errs) != 0 {
		t.Fatalf("errors: %+v", errs)
	}
	want := Details{Order: "8190234455667788", Item: "Glass teapot", Option: "1 litre", Store: "Home Goods Store",
		Amount: "12.50", Currency: "EUR", OrderedOn: mustDate("2026-11-02")}
	if d != want {
		t.Errorf("got %+v, want %+v", d, want)
	}
	if d.Paid() != "12.50 EUR" || d.ItemWords() != "Glass teapot, 1 litre" {
		t.Errorf("Paid %q, ItemWords %q", d.Paid(), d.ItemWords())
	}
	// Each bad detail is refused by name; the others are kept.
	d, errs = ReadDetails(get(map[string]string{
		DetailOrder: "81902-abc", DetailItem: "Teapot, call me on +44 7700 900123", DetailOption: strings.Repeat("x", 61),
		DetailStore: "see https://evil.example", DetailAmount: "12.505", DetailCurrency: "euro", DetailOrderedOn: "2026-12-01",
	}), today)
	got := map[string]bool{}
	for _, e := range errs {
		got[e.Field] = true
		if e.Message == "" {
			t.Errorf("%s: no message", e.Field)
		}
	}
	for _, f := range []string{DetailOrder, DetailItem, DetailOption, DetailStore, DetailAmount, DetailCurrency, DetailOrderedOn} {
		if !got[f] {
			t.Errorf("%s was not refused", f)
		}
	}
	if d != (Details{}) {
		t.Errorf("refused details were kept: %+v", d)
	}
}

// TestDetailsInTheDescription: the order's details lead the first part of
// the description; without them the text is as before.
func TestDetailsInTheDescription(t *testing.T) {
	today := mustDate("2026-11-22")
	f := withOutcome(claimFacts[assistant.Broken], assistant.Eligible)
	v, _ := assistant.Assess(assistant.Request{Today: today, Facts: f})
	in := Input{Today: today, Facts: f, Verdict: v, Story: goldenStories[assistant.Broken]}
	plain := Describe(in).Text
	in.Details = Details{Order: "8190234455667788", Item: "Glass teapot", Option: "1 litre", Store: "Home Goods",
		Amount: "12.50", Currency: "EUR", OrderedOn: mustDate("2026-11-02")}
	d := Describe(in)
	want := "Order number: 8190234455667788. Item: Glass teapot, 1 litre. Store: Home Goods. I paid 12.50 EUR on 2 November 2026."
	if !strings.Contains(d.Parts[0].Text, want) {
		t.Errorf("first part %q lacks %q", d.Parts[0].Text, want)
	}
	if strings.Replace(d.Text, want+" ", "", 1) != plain {
		t.Errorf("details changed more than the first part:\n%s\n---\n%s", d.Text, plain)
	}
	if fs := checkWhole(d.Text); len(fs) != 0 {
		t.Errorf("the description with details has findings: %v", fs)
	}
}

// TestDetailErrorsInEveryLanguage: each refused detail names its reason
// by a catalog key; the API's English message and the pages' text in any
// language come from it, the longest length filled in.
func TestDetailErrorsInEveryLanguage(t *testing.T) {
	today := mustDate("2026-11-22")
	var errs []DetailError
	for _, form := range []map[string]string{
		{DetailOrder: "12", DetailItem: strings.Repeat("x", MaxItemRunes+1), DetailAmount: "lots", DetailCurrency: "EURO", DetailOrderedOn: "2026-02-30"},
		{DetailOption: strings.Repeat("x", MaxOptionRunes+1), DetailStore: "write to me at me@example.com", DetailOrderedOn: "2027-01-01"},
	} {
		_, e := ReadDetails(func(k string) string { return form[k] }, today)
		errs = append(errs, e...)
	}
	keys := map[string]bool{}
	for _, e := range errs {
		keys[e.Key] = true
		if e.Message != e.In(i18n.For(i18n.English)) || strings.ContainsAny(e.Message, "{}") {
			t.Errorf("%s: English message %q", e.Field, e.Message)
		}
		for _, lang := range i18n.Langs {
			got := e.In(i18n.For(lang))
			if got == "" || got == e.Key || strings.ContainsAny(got, "{}") || lang != i18n.English && got == e.Message {
				t.Errorf("%s %s: %q", lang, e.Field, got)
			}
			if e.Key == "details.error.too_long" && !strings.Contains(got, strconv.Itoa(e.Max)) {
				t.Errorf("%s %s: %q does not say %d", lang, e.Field, got, e.Max)
			}
		}
	}
	if len(keys) != 7 {
		t.Errorf("%d kinds of error, want 7: %v", len(keys), keys)
	}
}
