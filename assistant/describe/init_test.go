package describe

import (
	"os"
	"os/exec"
	"runtime"
	"testing"
)

// TestNothingBuiltAtInit: loading the package compiles no regular
// expression and builds no word set; the first check builds the word
// sets, and a calm story without long numbers, links or addresses
// compiles no expression at all. An expression is compiled when a story
// has what it looks for.
//
// The test runs again in a fresh process of the test binary, where
// nothing has been checked yet.
func TestNothingBuiltAtInit(t *testing.T) {
	if os.Getenv("DESCRIBE_FRESH_PROCESS") == "" {
		if runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
			t.Skip("no processes to start here")
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestNothingBuiltAtInit$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "DESCRIBE_FRESH_PROCESS=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("in a fresh process: %v\n%s", err, out)
		}
		return
	}
	compiled := func() []string {
		var out []string
		if personal.f.email != nil {
			for _, f := range finders().all() {
				if f.re != nil {
					out = append(out, f.src)
				}
			}
		}
		if reDateStart.re != nil {
			out = append(out, reDateStart.src)
		}
		return out
	}
	if lex.latin != nil || lex.all != nil || personal.f.email != nil || len(compiled()) > 0 {
		t.Fatalf("built at init: lexicons %v %v, finders %v, expressions %q", lex.latin != nil, lex.all != nil, personal.f.email != nil, compiled())
	}

	Describe(benchInput(t, "typical1kb.json"))
	Describe(eligibleSNAD(story))
	if lex.latin == nil || personal.f.email == nil {
		t.Fatal("the first check built no lexicon or no finders")
	}
	if lex.all != nil {
		t.Error("stories in Latin letters built the lexicon of every script")
	}
	if c := compiled(); len(c) > 0 {
		t.Errorf("calm stories compiled %q", c)
	}

	Check(FieldDifference, "Продавец не отвечает.")
	if lex.all == nil {
		t.Error("a story in Cyrillic did not build the lexicon of every script")
	}

	Check(FieldRequested, "Call me on +44 7700 900123.")
	if c := compiled(); len(c) == 0 {
		t.Error("a phone number compiled no expression")
	}
}
