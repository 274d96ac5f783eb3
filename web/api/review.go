package api

import (
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/tidwall/gjson"
)

// DecodeReview reads a review request, {"text": "...", "lang": "pl"}: the
// review a buyer means to post, at most describe.MaxFieldRunes
// characters, and the optional language of the advice.
func DecodeReview(body []byte) (string, i18n.Lang, *assistant.Error) {
	root, err := parseRoot(body)
	if err != nil {
		return "", "", err
	}
	lang, _, err := readLangs(root)
	if err != nil {
		return "", "", err
	}
	v := root.Get("text")
	switch {
	case !v.Exists() || v.Type == gjson.Null:
		return "", "", invalid("text", "is required")
	case v.Type != gjson.String:
		return "", "", invalid("text", "must be a string")
	case utf8.RuneCountInString(v.Str) > describe.MaxFieldRunes:
		return "", "", invalid("text", "must be at most "+strconv.Itoa(describe.MaxFieldRunes)+" characters")
	}
	return v.Str, lang, nil
}

// Review answers a review request: the review under the review rules
// (describe.FieldReview), as {"text": "...", "findings": [{"id", "field",
// "excerpt", "suggestion"}]}, where text is the review with what must not
// be posted taken out and field is "text".
func Review(body []byte, _ time.Time) ([]byte, *assistant.Error) {
	text, lang, err := DecodeReview(body)
	if err != nil {
		return nil, err
	}
	c := describe.CheckWith(describe.FieldReview, text, describe.Context{Lang: lang})
	w := jsonw{b: make([]byte, 0, 1024)}
	w.open('{')
	w.key("text")
	w.str(c.Text)
	writeFindings(&w, c.Findings, func(describe.Field) string { return "text" })
	w.close('}')
	return w.b, nil
}
