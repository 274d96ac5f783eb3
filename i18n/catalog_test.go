package i18n

import (
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// raw reads a language's catalog files as JSON, failing on a malformed
// file or a key given twice.
func raw(t *testing.T, l Lang) map[string]any {
	t.Helper()
	out := map[string]any{}
	dir := path.Join("catalog", string(l))
	entries, err := fs.ReadDir(files, dir)
	if err != nil {
		t.Fatalf("%s: no catalog folder: %v", l, err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		data, _ := files.ReadFile(path.Join(dir, e.Name()))
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s/%s: %v", l, e.Name(), err)
		}
		for k, v := range m {
			if _, dup := out[k]; dup {
				t.Errorf("%s: key %q is in two files", l, k)
			}
			out[k] = v
		}
	}
	return out
}

// same lists the keys of l whose text may equal English (a word that is
// the same in both, such as a brand), from catalog/<lang>/same.txt.
func same(l Lang) map[string]bool {
	out := map[string]bool{}
	data, _ := files.ReadFile(path.Join("catalog", string(l), "same.txt"))
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out[line] = true
		}
	}
	return out
}

var placeholder = regexp.MustCompile(`\{[a-z0-9_]+\}`)

func names(s string) []string {
	m := placeholder.FindAllString(s, -1)
	sort.Strings(m)
	return slicesCompact(m)
}

func slicesCompact(s []string) []string {
	var out []string
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// forms is a text's forms: one for a plain text, one a category for a
// plural one.
func forms(v any) map[string]string {
	switch v := v.(type) {
	case string:
		return map[string]string{"": v}
	case map[string]any:
		out := map[string]string{}
		for k, s := range v {
			str, _ := s.(string)
			out[k] = str
		}
		return out
	}
	return nil
}

// TestCatalogsAreComplete fails on a key missing in any language, a text
// still marked as an untranslated copy ("⟦en⟧ "), a key
// no English text has, a placeholder that differs from English, a plural
// text without the language's categories, and a text left equal to
// English unless the language lists it as the same word.
func TestCatalogsAreComplete(t *testing.T) {
	en := raw(t, English)
	for _, l := range Langs[1:] {
		cat, ok := raw(t, l), same(l)
		for key, ev := range en {
			v, found := cat[key]
			if !found {
				t.Errorf("%s: missing %q", l, key)
				continue
			}
			ef, f := forms(ev), forms(v)
			if f == nil {
				t.Errorf("%s: %q is neither a text nor plural forms", l, key)
				continue
			}
			want := map[string]bool{}
			for _, s := range ef {
				for _, n := range names(s) {
					want[n] = true
				}
			}
			_, plural := ev.(map[string]any)
			if plural {
				for _, c := range Categories(l) {
					if _, has := f[c]; !has {
						t.Errorf("%s: %q lacks the plural form %q", l, key, c)
					}
				}
			}
			for c, s := range f {
				if strings.Contains(s, "⟦en⟧") {
					t.Errorf("%s: %q (%s) is still the marked English copy", l, key, c)
				}
			}
			got := map[string]bool{}
			for c, s := range f {
				for _, n := range names(s) {
					got[n] = true
					if !want[n] {
						t.Errorf("%s: %q (%s) has %s, which English does not", l, key, c, n)
					}
				}
			}
			for n := range want {
				if !got[n] && !(plural && n == "{n}") {
					t.Errorf("%s: %q lacks the placeholder %s", l, key, n)
				}
			}
			if !plural && f[""] == ef[""] && !ok[key] && hasLetters(placeholder.ReplaceAllString(ef[""], "")) {
				t.Errorf("%s: %q is left in English: %q", l, key, f[""])
			}
		}
		for key := range cat {
			if _, found := en[key]; !found {
				t.Errorf("%s: %q has no English text", l, key)
			}
		}
	}
}

// TestKeysUsedInCodeExist: every key the code or the templates ask for
// by name has an English text.
func TestKeysUsedInCodeExist(t *testing.T) {
	en := raw(t, English)
	call := regexp.MustCompile(`\b(?:T|N|Has|tr|trn)\((?:ctx, |p, )?"([a-z0-9_.-]+)"`)
	root := ".."
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "build" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if !(strings.HasSuffix(p, ".go") || strings.HasSuffix(p, ".templ")) || strings.HasSuffix(p, "_templ.go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		if filepath.Base(filepath.Dir(p)) == "i18n" {
			return nil // this package's own doc comments
		}
		data, _ := os.ReadFile(p)
		for _, m := range call.FindAllStringSubmatch(string(data), -1) {
			if strings.HasSuffix(m[1], ".") {
				continue // a prefix the code completes ("rule." + id)
			}
			if _, ok := en[m[1]]; !ok {
				t.Errorf("%s asks for %q, which has no English text", p, m[1])
			}
		}
		return nil
	})
}

func hasLetters(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
