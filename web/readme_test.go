package web_test

import (
	"os"
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/assistant"
)

// TestReadmeListsEveryRule keeps the README's rule table in step with the
// rule pack.
func TestReadmeListsEveryRule(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range assistant.DefaultPack.Rules {
		row := "| `" + r.ID + "` | " + string(r.Effect) + " | " + r.Summary + " | " + r.Source + " |"
		if !strings.Contains(string(data), row) {
			t.Errorf("README has no up-to-date row for %s", r.ID)
		}
	}
}
