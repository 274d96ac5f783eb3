package describe

import (
	"os"
	"os/exec"
	"runtime"
	"testing"
)

// TestNothingBuiltAtInit: loading the package builds no word set and no
// table of the personal-data scanner; the first check builds the
// lexicon's word sets and the scanner's word table, and the table of
// top-level domains waits for text that has a dot between words. The
// package compiles no regular expression at all.
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
	if lex.l != nil || piiWordTable.m != nil || tldTable.m != nil {
		t.Fatalf("built at init: lexicon %v, words %v, domains %v", lex.l != nil, piiWordTable.m != nil, tldTable.m != nil)
	}
	Describe(benchInput(t, "typical1kb.json"))
	Describe(eligibleSNAD(story))
	if lex.l == nil || piiWordTable.m == nil {
		t.Fatal("the first check built no lexicon or no word table")
	}
	if tldTable.m != nil {
		t.Error("calm stories built the table of domains")
	}
	Check(FieldRequested, "See shop.example.com/item.")
	if tldTable.m == nil {
		t.Error("a link built no table of domains")
	}
}
