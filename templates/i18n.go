package templates

import (
	"context"
	"strings"

	"github.com/a-h/templ"

	"github.com/calmclaim/calmclaim/i18n"
)

// T is the text for key in the page's language (the printer ctx
// carries), with placeholders filled from name, value pairs.
func T(ctx context.Context, key string, args ...string) string {
	return i18n.From(ctx).T(key, args...)
}

// N is the text for key in the plural form n takes in the page's language.
func N(ctx context.Context, key string, n int, args ...string) string {
	return i18n.From(ctx).N(key, n, args...)
}

// LangLink is one language of the language switcher.
type LangLink struct {
	Lang, Name, Href string
	Current          bool
}

type langsKey struct{}

// WithLanguages returns ctx carrying the language switcher's links.
func WithLanguages(ctx context.Context, links []LangLink) context.Context {
	return context.WithValue(ctx, langsKey{}, links)
}

func languages(ctx context.Context) []LangLink {
	l, _ := ctx.Value(langsKey{}).([]LangLink)
	return l
}

func pageLang(ctx context.Context) string { return string(i18n.From(ctx).Lang) }
func pageDir(ctx context.Context) string  { return i18n.From(ctx).Lang.Dir() }

// pluralAttrs carry a page script's text with a number the script learns
// only in the browser: one attribute name-<category> for each plural
// category of the page's language (data-ready-one, data-ready-other…),
// placeholders unfilled. The script picks one with Intl.PluralRules,
// which follows the same CLDR rules.
func pluralAttrs(ctx context.Context, name, key string) templ.Attributes {
	p := i18n.From(ctx)
	a := templ.Attributes{}
	for _, c := range i18n.Categories(p.Lang) {
		a[name+"-"+c] = p.Form(key, c)
	}
	a[name+"-"+i18n.Other] = p.Form(key, i18n.Other) // the fallback a browser's older CLDR may need
	return a
}

// around splits a text at its placeholder {name}: the words a template
// writes before and after the markup that holds the placeholder's value
// (a <span> a test finds by data-testid), so a translator can move it.
func around(text, name string) (before, after string) {
	before, after, _ = strings.Cut(text, "{"+name+"}")
	return before, after
}
