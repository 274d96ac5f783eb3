package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/i18n"
)

// TestEmbedJSIsFresh: the titles in web/static/embed.js are the catalogs'
// (a changed or new translation fails here until go generate ./web/assets).
func TestEmbedJSIsFresh(t *testing.T) {
	js, err := os.ReadFile("../../static/embed.js")
	if err != nil {
		t.Fatal(err)
	}
	want, err := rewrite(js)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(js, want) {
		t.Error("web/static/embed.js has stale frame titles: run go generate ./web/assets (make generate)")
	}
	for _, l := range i18n.Langs {
		if !strings.Contains(string(js), `"`+string(l)+`": { dispute: `) {
			t.Errorf("embed.js has no titles for %s", l)
		}
	}
}

// TestRewriteNeedsMarkers: a script without the markers is an error, not
// a script with the table lost.
func TestRewriteNeedsMarkers(t *testing.T) {
	if _, err := rewrite([]byte("(function () {})();\n")); err == nil {
		t.Error("no error for a script without markers")
	}
}

// TestQuoteIsASCII: the titles reach a help page of any encoding intact.
func TestQuoteIsASCII(t *testing.T) {
	for in, want := range map[string]string{
		`Calmclaim: "x" \ y`: `"Calmclaim: \"x\" \\ y"`,
		"בדיקה":              `"\u05d1\u05d3\u05d9\u05e7\u05d4"`,
		"⟦en⟧ 😀</script>":    `"\u27e6en\u27e7 \ud83d\ude00\u003c/script>"`,
	} {
		if got := quote(in); got != want {
			t.Errorf("quote(%q) = %s, want %s", in, got, want)
		}
	}
}
