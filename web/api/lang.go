package api

import (
	"strings"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/tidwall/gjson"
)

// langValues lists the languages a request may ask for, for the error.
func langValues() string {
	tags := make([]string, len(i18n.Langs))
	for i, l := range i18n.Langs {
		tags[i] = string(l)
	}
	return strings.Join(tags, ", ")
}

// readLang reads the optional "lang" of a request: the language the
// answer's summaries are also given in (summary_localized). A body's lang
// wins over the Accept-Language header, which counts only when it names a
// language we speak; with neither, the answer has no localized summaries
// (nil). A lang that is not a language we speak is an error naming the
// field: a tag such as "pl-PL" or "pt" reads as the language it names.
func readLang(root gjson.Result, acceptLanguage string) (*i18n.Printer, *assistant.Error) {
	v := root.Get("lang")
	if !v.Exists() || v.Type == gjson.Null {
		if l, ok := i18n.FromAcceptLanguage(acceptLanguage); ok {
			return i18n.For(l), nil
		}
		return nil, nil
	}
	if v.Type == gjson.String {
		if l, ok := i18n.Parse(v.Str); ok {
			return i18n.For(l), nil
		}
	}
	return nil, invalid("lang", "must be one of: "+langValues())
}
