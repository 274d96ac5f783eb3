package describe

import (
	"bytes"
	"compress/flate"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

var updateLexicons = flag.Bool("update-lexicons", false, "compile the lexicon files into lexicons/compiled (go generate ./assistant/describe)")

// lexiconText is where the tests read the lexicon files from: the source
// of the compiled lexicons the check uses.
var lexiconText = os.DirFS("lexicons")

// builtLexicons are the two lexicons the check uses, built from the files
// once for the tests that compare them with their compiled form.
var builtLexicons = sync.OnceValue(func() map[string]*lexicon {
	return map[string]*lexicon{"all": buildLexicon(lexiconText), "latin": buildLatinLexicon(lexiconText)}
})

// TestCompiledLexiconsAreCurrent: lexicons/compiled holds the lexicon
// files as they are now. After editing a file, run
// `go generate ./assistant/describe` (this test with -update-lexicons).
func TestCompiledLexiconsAreCurrent(t *testing.T) {
	for name, l := range builtLexicons() {
		want := l.marshal()
		path := filepath.Join("lexicons", "compiled", name+".bin")
		if *updateLexicons {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, deflate(want), 0o644); err != nil {
				t.Fatal(err)
			}
			continue // the embedded copy is the one this binary was built with
		}
		got, err := compiledLexicon(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is older than the lexicon files: run go generate ./assistant/describe", path)
		}
	}
}

// TestCompiledLexiconReadsBackTheSame: a compiled lexicon read back
// writes the same bytes again, and checks every story of the three
// yardsticks and the case files exactly as the lexicon the files build.
// The codec names every field of lexicon, vocab, phraseSet, rule, step and
// sqWord: a new field fails here until marshal writes it.
func TestCompiledLexiconReadsBackTheSame(t *testing.T) {
	for typ, n := range map[reflect.Type]int{
		reflect.TypeOf(lexicon{}): 20, reflect.TypeOf(vocab{}): 11, reflect.TypeOf(phraseSet{}): 4,
		reflect.TypeOf(rule{}): 9, reflect.TypeOf(step{}): 4, reflect.TypeOf(sqWord{}): 5,
	} {
		if typ.NumField() != n {
			t.Errorf("%s has %d fields, the compiled form %d: write the new ones in marshal and read them in unmarshalLexicon", typ, typ.NumField(), n)
		}
	}
	var texts []string
	for _, dir := range []string{"corpus", "holdout", "blind"} {
		for _, s := range readCorpus(t, dir) {
			texts = append(texts, s.Text)
		}
	}
	texts = append(texts, toneCaseTexts(t)...)
	for name, l := range builtLexicons() {
		data := l.marshal()
		back, err := unmarshalLexicon(data)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(back.marshal(), data) {
			t.Errorf("%s: read back, it writes other bytes", name)
		}
		for _, text := range texts {
			if a, b := checkWithLexicon(l, text), checkWithLexicon(back, text); !reflect.DeepEqual(a, b) {
				t.Errorf("%s: %q is checked differently:\n built %+v\n read  %+v", name, text, a, b)
			}
		}
	}
}

// checkWithLexicon is CheckWith with a given lexicon.
func checkWithLexicon(l *lexicon, text string) Checked {
	c := checker{field: FieldDifference, lex: l, ws: &wordSeq{}}
	c.run(text)
	return Checked{Text: c.out, Findings: c.findings}
}

// TestCorruptCompiledLexiconIsAnError: a cut or damaged compiled lexicon
// is an error, never a panic or a half-read lexicon.
func TestCorruptCompiledLexiconIsAnError(t *testing.T) {
	data := buildLexiconOf(lexiconText, []string{"en"}).marshal()
	for _, bad := range [][]byte{nil, data[:len(lexBinMagic)], data[:len(data)/2], append(bytes.Clone(data), 0),
		append([]byte("calmclaim-lexicon\x00"), data[len(lexBinMagic):]...)} {
		if l, err := unmarshalLexicon(bad); err == nil || l != nil {
			t.Errorf("%d bytes: read without an error", len(bad))
		}
	}
}

// TestEntryThatMultipliesOutIsRefused: a word entry or a rule step whose
// lists multiply into more than maxExpansion phrases fails the build with
// its file and line (a round of edits once took the compiled lexicon from
// 0.5 to 1.5 MB and 70 MB to read with one such line); the same written
// as a rule with ~0 between its parts is fine.
func TestEntryThatMultipliesOutIsRefused(t *testing.T) {
	var words []string
	for i := range 120 {
		words = append(words, "w"+strconv.Itoa(i)+"x")
	}
	list := "@many = " + strings.Join(words, ", ")
	build := func(body string) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = r.(*lexError)
			}
		}()
		fsys := fstest.MapFS{"en.txt": {Data: []byte("language: en\n[lists]\n" + list + "\n" + body)}}
		buildLexiconOf(fsys, []string{"en"})
		return nil
	}
	if err := build("[insult]\n(you|u) @many @many\n"); err == nil || !strings.Contains(err.Error(), "en.txt:5") {
		t.Errorf("an entry of 28,800 phrases: %v", err)
	}
	if err := build("[threat]\n@many @many\n"); err == nil {
		t.Error("a rule step of 14,400 phrases was built")
	}
	if err := build("[insult]\n(you|u) ~0 @many ~0 @many\n"); err != nil {
		t.Errorf("the same as a rule: %v", err)
	}
}

// deflate compresses a compiled lexicon for lexicons/compiled.
func deflate(data []byte) []byte {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	w.Write(data)
	w.Close()
	return b.Bytes()
}
