package describe

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The tone check used to be written with regular expressions. It now
// matches by hand and by word lookups, which must find exactly what the
// regular expressions found: the tests in this file replay the hostile,
// calm and fuzz corpora, and any fuzz input, through both. The
// regular expressions are compiled inside the tests, never at init.

var refSplit = sync.OnceValues(func() (sentence, clause *regexp.Regexp) {
	return regexp.MustCompile(`[.!?…。！？]+(?:\s+|$)|\n+`), regexp.MustCompile(`[,;:，；：]\s+|\s+[-–—]+\s+`)
})

func refSplitSentences(s string) []sentence {
	re, _ := refSplit()
	var out []sentence
	last := 0
	for _, m := range re.FindAllStringIndex(s, -1) {
		out = append(out, sentence{s[last:m[0]], strings.TrimSpace(s[m[0]:m[1]])})
		last = m[1]
	}
	if last < len(s) {
		out = append(out, sentence{s[last:], ""})
	}
	return out
}

func refSplitClauses(s string) []clause {
	_, re := refSplit()
	var out []clause
	last := 0
	for _, m := range re.FindAllStringIndex(s, -1) {
		out = append(out, clause{s[last:m[0]], strings.TrimSpace(s[m[0]:m[1]])})
		last = m[1]
	}
	return append(out, clause{s[last:], ""})
}

// sameAsReference reports, for one story field, the first place where
// the tone check's matching differs from the regular expressions.
func sameAsReference(t *testing.T, text string) {
	t.Helper()
	s := normalize(text).text
	for _, in := range []string{text, s} {
		if got, want := splitSentences(in), refSplitSentences(in); !slices.Equal(got, want) {
			t.Fatalf("splitSentences(%q)\n got %q\nwant %q", in, got, want)
		}
		if got, want := splitClauses(in), refSplitClauses(in); !slices.Equal(got, want) {
			t.Fatalf("splitClauses(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

// referenceCorpus is every story text the tests know, plus texts made to
// sit on the edges of the matchers.
func referenceCorpus(t testing.TB) []string {
	var out []string
	for _, c := range readJSONL[hostileCase](t, "testdata/hostile.jsonl") {
		out = append(out, c.Text)
	}
	for _, c := range readJSONL[hostileCase](t, "testdata/calm.jsonl") {
		out = append(out, c.Text)
	}
	for _, s := range goldenStories {
		out = append(out, s.Ordered, s.Received, s.Difference, s.Requested)
	}
	return append(out, referenceEdges...)
}

var referenceEdges = []string{
	"", " ", "\n", "a", ".", "...", "e.g. this", "3.5 kg. Then", "Why?!? Now.\n\nNext", "end…", "終わり。次",
	"a , b ,c; d: e - f -- g —h – i ‒ j", "x -\n y", "x  -  y", "x\n-\ny", "a,\tb", "a ,", "a -", "- a",
	"\xff. \xfe, x", "a.\u00a0b",
}

func TestMatchesReference(t *testing.T) {
	for _, s := range referenceCorpus(t) {
		sameAsReference(t, s)
	}
}

func FuzzMatchesReference(f *testing.F) {
	for _, s := range referenceCorpus(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { sameAsReference(t, s) })
}
