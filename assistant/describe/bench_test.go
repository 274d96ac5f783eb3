package describe

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/calmclaim/calmclaim/assistant"
)

// benchInput reads a story from testdata/bench and makes it an eligible
// not-as-described case, so Describe writes the whole text.
func benchInput(tb testing.TB, name string) Input {
	tb.Helper()
	data, err := os.ReadFile("testdata/bench/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	var s struct{ Ordered, Received, Difference, Requested string }
	if err := json.Unmarshal(data, &s); err != nil {
		tb.Fatal(err)
	}
	in := eligibleSNAD(Story(s))
	in.Evidence = []assistant.EvidenceID{assistant.PhotosItem, assistant.UnboxingVideo}
	return in
}

func benchDescribe(b *testing.B, name string) {
	in := benchInput(b, name)
	n := 0
	for _, f := range Fields {
		n += len(in.Story.Get(f))
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		if d := Describe(in); d.Text == "" {
			b.Fatal("no text")
		}
	}
}

// BenchmarkDescribeTypical1KB: a calm but annoyed story of about 1 KB
// across the four fields; the budget is well under 0.5 ms natively
// (5 ms at the edge).
func BenchmarkDescribeTypical1KB(b *testing.B) { benchDescribe(b, "typical1kb.json") }

// BenchmarkDescribeHostile8KB: 8 KB of threats, insults, shouting,
// personal data and links, sentences repeated up to the field limit: the
// worst case of the tone check; the budget is about 5 ms natively (50 ms
// at the edge).
func BenchmarkDescribeHostile8KB(b *testing.B) { benchDescribe(b, "hostile8kb.json") }

// BenchmarkBuildLexicons is what a check's first use in a fresh process
// (a Worker's cold isolate) would cost if the lexicon files were compiled
// then: "all" and "latin" from the files, and "load" reading both back
// from their compiled form, which is what the check does.
func BenchmarkBuildLexicons(b *testing.B) {
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buildLexicon(lexiconText)
		}
	})
	b.Run("latin", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buildLatinLexicon(lexiconText)
		}
	})
	b.Run("load", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			loadLexicon("latin")
			loadLexicon("all")
		}
	})
}
