// Package i18n holds what a buyer reads, in every language Calmclaim
// speaks, and the rules for writing numbers, plurals and dates in each.
//
// The words are data: one folder a language under catalog/, JSON files
// of keys and texts, so a translator works in files, not in Go. A text
// may hold named placeholders ("{date}") and, where a number decides the
// form, one text per CLDR plural category ({"one": "…", "other": "…"}).
// Catalogs are parsed on first use of a language, so start-up pays for
// none of them.
package i18n

import (
	"strconv"
	"strings"
)

// Lang is a language Calmclaim speaks, as a BCP 47 tag.
type Lang string

// The languages, English first: it is the source every other is
// translated from and what a missing text falls back to.
const (
	English    Lang = "en"
	Spanish    Lang = "es"
	Portuguese Lang = "pt-BR"
	French     Lang = "fr"
	German     Lang = "de"
	Italian    Lang = "it"
	Dutch      Lang = "nl"
	Polish     Lang = "pl"
	Russian    Lang = "ru"
	Ukrainian  Lang = "uk"
	Turkish    Lang = "tr"
	Korean     Lang = "ko"
	Hebrew     Lang = "he"
)

// Langs lists every language, in the order the language switcher shows
// them.
var Langs = []Lang{English, Spanish, Portuguese, French, German, Italian, Dutch, Polish, Russian, Ukrainian, Turkish, Korean, Hebrew}

// Parse reads a language tag as a buyer's browser or a page may write it
// ("pt", "pt-br", "PT_BR", "he-IL", "iw"): the language we speak that
// fits it, and whether there is one.
func Parse(tag string) (Lang, bool) {
	tag = strings.ToLower(strings.TrimSpace(strings.ReplaceAll(tag, "_", "-")))
	if tag == "" || len(tag) > 35 {
		return "", false
	}
	base, region, _ := strings.Cut(tag, "-")
	switch base {
	case "pt":
		// We write Brazilian Portuguese; a buyer in Portugal reads it
		// more easily than English.
		_ = region
		return Portuguese, true
	case "iw": // the old code for Hebrew, still sent by some systems
		return Hebrew, true
	}
	for _, l := range Langs {
		if string(l) == base {
			return l, true
		}
	}
	return "", false
}

// FromAcceptLanguage picks the language from an Accept-Language header:
// the one with the highest weight that we speak (the first on a tie).
func FromAcceptLanguage(header string) (Lang, bool) {
	best, bestQ := Lang(""), -1.0
	for i, part := range strings.Split(header, ",") {
		if i >= 32 {
			break // a header this long is not a browser's
		}
		tag, params, _ := strings.Cut(part, ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || f < 0 || f > 1 {
				continue
			}
			q = f
		}
		if l, ok := Parse(tag); ok && q > 0 && q > bestQ {
			best, bestQ = l, q
		}
	}
	return best, best != ""
}

// Dir is the direction the language is written in: "rtl" or "ltr".
func (l Lang) Dir() string {
	if l == Hebrew {
		return "rtl"
	}
	return "ltr"
}
