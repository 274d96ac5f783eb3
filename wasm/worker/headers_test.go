//go:build !js

package main

import (
	"os"
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/web"
	"github.com/calmclaim/calmclaim/web/assets"
)

// TestHeadersFileAgreesWithTheGoHandler: Workers Static Assets sends what
// the native server sends for the same files (_headers, copied into
// build/assets by scripts/build-worker.sh).
func TestHeadersFileAgreesWithTheGoHandler(t *testing.T) {
	data, err := os.ReadFile("_headers")
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string][]string{}
	var url string
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
		case !strings.HasPrefix(line, " "):
			url = line
		default:
			rules[url] = append(rules[url], strings.TrimSpace(line))
		}
	}
	want := map[string][]string{
		"/*":               {"X-Content-Type-Options: nosniff", "Referrer-Policy: " + web.ReferrerPolicy},
		"/static/*":        {"Cache-Control: " + assets.Immutable},
		"/static/embed.js": {"! Cache-Control", "Cache-Control: " + assets.Short},
	}
	for url, lines := range want {
		if strings.Join(rules[url], "\n") != strings.Join(lines, "\n") {
			t.Errorf("_headers for %s: %q, want %q", url, rules[url], lines)
		}
	}
	if len(rules) != len(want) {
		t.Errorf("_headers has rules for %d patterns, want %d: %v", len(rules), len(want), rules)
	}
	if !assets.Stable("embed.js") {
		t.Error("embed.js is no longer stable: update _headers")
	}
}
