package assistant

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

func sharedDir() string {
	if d := os.Getenv("CALMCLAIM_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared")
}

// readSeeds returns all seed texts, normalised by normalizeWords.
func readSeeds(t *testing.T) string {
	files, err := filepath.Glob(filepath.Join(sharedDir(), "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("the seed texts are required beside the repo: %v", err)
	}
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(normalizeWords(string(data)))
		b.WriteByte(' ')
	}
	return " " + strings.Join(strings.Fields(b.String()), " ") + " "
}

func normalizeWords(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return ' '
	}, s)
}

func mustDate(s string) Date {
	d, ok := ParseDate(s)
	if !ok {
		panic("bad date " + s)
	}
	return d
}
