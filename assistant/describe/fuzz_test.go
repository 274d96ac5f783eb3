package describe

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/calmclaim/calmclaim/assistant"
)

// FuzzToneCheck: any text gives valid UTF-8 of at most MaxFieldRunes with
// no invisible characters, and the cleaned text, checked again, has
// nothing left to remove: no personal data, links, threats, insults,
// accusations or profanity reappear when pieces are joined.
func FuzzToneCheck(f *testing.F) {
	for _, c := range readJSONL[hostileCase](f, "testdata/hostile.jsonl") {
		f.Add(c.Text)
	}
	for _, c := range readJSONL[hostileCase](f, "testdata/calm.jsonl") {
		f.Add(c.Text)
	}
	for _, t := range toneCaseTexts(f) {
		f.Add(t)
	}
	// the labelled stories of both yardsticks: a kept-back one made the
	// check panic (TestLabelAfterAnAddressDoesNotOverlap)
	for _, dir := range []string{"corpus", "holdout"} {
		for _, s := range readCorpus(f, dir) {
			f.Add(s.Text)
		}
	}
	f.Add(strings.Repeat("A", 3000))
	f.Add("\xff\xfe\x00")
	f.Fuzz(func(t *testing.T, s string) {
		c := Check(FieldDifference, s)
		if !utf8.ValidString(c.Text) {
			t.Fatalf("invalid UTF-8: %q", c.Text)
		}
		if n := utf8.RuneCountInString(c.Text); n > MaxFieldRunes+50 {
			t.Fatalf("%d characters", n)
		}
		for _, r := range c.Text {
			if invisible(r) {
				t.Fatalf("invisible %U left in %q", r, c.Text)
			}
		}
		for _, f := range Check(FieldDifference, c.Text).Findings {
			switch f.ID {
			case FindShouting, FindEmpty, FindTooLong:
			default:
				t.Fatalf("cleaned text %q of %q still has %s: %q", c.Text, s, f.ID, f.Excerpt)
			}
		}
	})
}

func BenchmarkDescribe(b *testing.B) {
	today := mustDate("2026-11-22")
	f := withOutcome(claimFacts[assistant.NotAsDescribed], assistant.Eligible)
	v, _ := assistant.Assess(assistant.Request{Today: today, Facts: f})
	in := Input{Today: today, Facts: f, Verdict: v, Story: goldenStories[assistant.NotAsDescribed],
		Evidence: []assistant.EvidenceID{assistant.PhotosItem, assistant.UnboxingVideo}}
	n := 0
	for _, fl := range Fields {
		n += len(in.Story.Get(fl))
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		if d := Describe(in); d.Text == "" {
			b.Fatal("no text")
		}
	}
}

func BenchmarkCheckLongField(b *testing.B) {
	s := strings.Repeat("The strap is torn, call +44 7700 900123 you SCAMMER!!! ", 40)[:MaxFieldRunes]
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Check(FieldDifference, s)
	}
}
