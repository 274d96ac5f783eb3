package describe

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// toneCase is a line of a case file under testdata/tone: a sentence of a
// buyer in one language and what the tone check must do with it.
//
// A hostile case names the findings expected (findings), the words that
// must not be left in the text (absent) and, where it matters how the rest
// reads, the whole text expected (want). A calm case ("calm": true) must
// pass untouched: no finding and the same text.
type toneCase struct {
	Field    Field    `json:"field"`
	Text     string   `json:"text"`
	Calm     bool     `json:"calm"`
	Findings []string `json:"findings"`
	Absent   []string `json:"absent"`
	Want     *string  `json:"want"`
}

// TestToneCases replays testdata/tone/<lang>.jsonl for every language of
// the lexicon: at least 15 hostile and 15 calm sentences each.
func TestToneCases(t *testing.T) {
	for _, lang := range languages {
		t.Run(lang, func(t *testing.T) {
			cases := readJSONL[toneCase](t, filepath.Join("testdata", "tone", lang+".jsonl"))
			hostile, calm := 0, 0
			for _, c := range cases {
				if c.Field == "" {
					c.Field = FieldDifference
				}
				got := Check(c.Field, c.Text)
				var ids []string
				for _, f := range got.Findings {
					ids = append(ids, f.ID)
				}
				if c.Calm {
					calm++
					if len(got.Findings) > 0 || got.Text != c.Text {
						t.Errorf("calm %q\n got %q %v", c.Text, got.Text, ids)
					}
					continue
				}
				hostile++
				if len(c.Findings) == 0 {
					t.Errorf("hostile %q names no finding", c.Text)
				}
				for _, id := range c.Findings {
					if !slices.Contains(ids, id) {
						t.Errorf("%q: finding %q missing; got %v, text %q", c.Text, id, ids, got.Text)
					}
				}
				for _, a := range c.Absent {
					if contains(got.Text, a) {
						t.Errorf("%q: %q is still in %q", c.Text, a, got.Text)
					}
				}
				if c.Want != nil && got.Text != *c.Want {
					t.Errorf("%q:\n got %q\nwant %q", c.Text, got.Text, *c.Want)
				}
			}
			if hostile < 15 || calm < 15 {
				t.Errorf("%d hostile and %d calm cases; want 15 of each at least", hostile, calm)
			}
		})
	}
}

// toneCaseTexts returns the texts of every case file, for the fuzz seeds.
func toneCaseTexts(tb testing.TB) []string {
	var out []string
	for _, lang := range languages {
		for _, c := range readJSONL[toneCase](tb, filepath.Join("testdata", "tone", lang+".jsonl")) {
			out = append(out, c.Text)
		}
	}
	return out
}

var _ = strings.TrimSpace
