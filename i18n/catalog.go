package i18n

import (
	"context"
	"embed"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/tidwall/gjson"
)

//go:embed catalog
var files embed.FS

// A text is one catalog entry: a plain text, or one text per plural
// category.
type text struct {
	plain  string
	plural map[string]string
}

type catalog struct {
	once  sync.Once
	texts map[string]text
	// the language's printer, made on its first use and shared: a
	// printer is never changed once made
	printerOnce sync.Once
	printer     *Printer
}

var catalogs = func() map[Lang]*catalog {
	m := make(map[Lang]*catalog, len(Langs))
	for _, l := range Langs {
		m[l] = &catalog{}
	}
	return m
}()

// load reads every JSON file of the language's folder, on first use.
// A file is one object of keys and texts; keys are unique across a
// language's files (a test checks it). Catalogs are ours and checked by
// tests, so a malformed one is a build error caught there, not at run time.
func (c *catalog) load(l Lang) map[string]text {
	c.once.Do(func() {
		c.texts = map[string]text{}
		dir := path.Join("catalog", string(l))
		entries, _ := fs.ReadDir(files, dir)
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".json") {
				continue
			}
			data, err := files.ReadFile(path.Join(dir, e.Name()))
			if err != nil {
				continue
			}
			gjson.ParseBytes(data).ForEach(func(k, v gjson.Result) bool {
				if v.IsObject() {
					t := text{plural: map[string]string{}}
					v.ForEach(func(cat, s gjson.Result) bool {
						t.plural[cat.String()] = s.String()
						return true
					})
					c.texts[k.String()] = t
				} else {
					c.texts[k.String()] = text{plain: v.String()}
				}
				return true
			})
		}
	})
	return c.texts
}

// Printer writes the texts of one language.
type Printer struct {
	Lang  Lang
	texts map[string]text
	en    map[string]text
}

// For is the printer of language l; an unknown l prints English. The
// printer is made once per language and shared, so callers on a hot path
// (a finding's advice, every date) pay a map lookup, not an allocation.
// It must not be changed.
func For(l Lang) *Printer {
	c, ok := catalogs[l]
	if !ok {
		l, c = English, catalogs[English]
	}
	c.printerOnce.Do(func() {
		c.printer = &Printer{Lang: l, texts: c.load(l), en: catalogs[English].load(English)}
	})
	return c.printer
}

func (p *Printer) lookup(key string) (text, bool) {
	if t, ok := p.texts[key]; ok {
		return t, true
	}
	t, ok := p.en[key]
	return t, ok
}

// Has reports whether the key has a text in this language or in English.
func (p *Printer) Has(key string) bool {
	_, ok := p.lookup(key)
	return ok
}

// T is the text for key with its placeholders filled from args, given as
// name, value pairs: T("verdict.from", "date", d) fills "{date}". A key
// with no text in this language falls back to English, then to the key
// itself, so a gap shows and a test catches it.
func (p *Printer) T(key string, args ...string) string {
	t, ok := p.lookup(key)
	if !ok {
		return key
	}
	s := t.plain
	if t.plural != nil {
		s = t.plural[Other]
	}
	return fill(s, args)
}

// N is the text for key in the plural form that n takes in this
// language, with "{n}" and the other placeholders filled.
func (p *Printer) N(key string, n int, args ...string) string {
	t, ok := p.lookup(key)
	if !ok {
		return key
	}
	s := t.plain
	if t.plural != nil {
		var found bool
		if s, found = t.plural[Plural(p.Lang, n)]; !found {
			s = t.plural[Other]
		}
	}
	return fill(s, append(args, "n", strconv.Itoa(n)))
}

// TOr is T for a key that may be missing in every catalog, such as the
// engine's own texts: fallback (English, from the engine) stands in.
func (p *Printer) TOr(key, fallback string, args ...string) string {
	if t, ok := p.texts[key]; ok && p.Lang != English {
		if t.plural != nil {
			return fill(t.plural[Other], args)
		}
		return fill(t.plain, args)
	}
	return fill(fallback, args)
}

// fill replaces each {name} of s that args names; other braces stay.
func fill(s string, args []string) string {
	if len(args) < 2 || !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		name, val, ok := s[i+1:i+j], "", false
		for k := 0; k+1 < len(args); k += 2 {
			if args[k] == name {
				val, ok = args[k+1], true
				break
			}
		}
		b.WriteString(s[:i])
		if ok {
			b.WriteString(val)
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

type ctxKey struct{}

// With returns ctx carrying the printer p, for the templates.
func With(ctx context.Context, p *Printer) context.Context {
	return context.WithValue(ctx, ctxKey{}, p)
}

// From is the printer ctx carries, or English.
func From(ctx context.Context) *Printer {
	if ctx != nil {
		if p, ok := ctx.Value(ctxKey{}).(*Printer); ok {
			return p
		}
	}
	return For(English)
}
