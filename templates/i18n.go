package templates

import (
	"context"

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
