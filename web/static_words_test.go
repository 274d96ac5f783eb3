//go:build !js

package web

import (
	"regexp"
	"strings"
	"testing"
)

var (
	jsComment = regexp.MustCompile(`(?m)/\*[\s\S]*?\*/|(?:^|\s)//.*$`)
	jsString  = regexp.MustCompile(`"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'`)
	// A phrase: a capitalised word and another after it ("Copy the
	// description"), or words that end a sentence ("checking…",
	// "was added.").
	phrase = regexp.MustCompile(`\b[A-Z][a-z]+\b[^A-Za-z]+[A-Za-z]|[A-Za-z][.…]$`)
)

// TestScriptsHoldNoWords: the page scripts write no words of their own.
// app.js reads every text from the page (data-* attributes rendered from
// the catalogs); embed.js only from its generated table of frame titles.
// A string that reads as a phrase, outside comments and that table,
// fails here.
func TestScriptsHoldNoWords(t *testing.T) {
	for _, name := range []string{"app.js", "embed.js", "sha256-worker.js"} {
		src := string(readStatic(t, name))
		if i, j := strings.Index(src, "// <calmclaim:titles>"), strings.Index(src, "// </calmclaim:titles>"); i >= 0 && j > i {
			src = src[:i] + src[j:]
		}
		for _, lit := range jsString.FindAllString(jsComment.ReplaceAllString(src, ""), -1) {
			if s := lit[1 : len(lit)-1]; phrase.MatchString(s) {
				t.Errorf("%s holds the words %s: give them a catalog key and read them from the page", name, lit)
			}
		}
	}
	for _, words := range []string{`"Select the text and copy it."`, `"checking…"`, `'Still missing: '`} {
		if !phrase.MatchString(words[1 : len(words)-1]) {
			t.Errorf("the check misses %s", words)
		}
	}
}
