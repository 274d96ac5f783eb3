package api

import (
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

// TestLangPrecedence: the body's lang wins over Accept-Language, which
// counts only for a language we speak; a tag reads as its language.
func TestLangPrecedence(t *testing.T) {
	for _, tc := range []struct{ body, accept, want, errField string }{
		{`{}`, "", "", ""},
		{`{"lang":null}`, "", "", ""},
		{`{}`, "de-CH, fr;q=0.8", "de", ""},
		{`{}`, "xx, yy;q=0.5", "", ""},
		{`{"lang":"he"}`, "de", "he", ""},
		{`{"lang":"pt"}`, "", "pt-BR", ""},
		{`{"lang":"PL-pl"}`, "", "pl", ""},
		{`{"lang":"iw"}`, "", "he", ""},
		{`{"lang":"xx"}`, "de", "", "lang"},
		{`{"lang":["pl"]}`, "", "", "lang"},
		{`{"lang":true}`, "", "", "lang"},
	} {
		p, err := readLang(gjson.Parse(tc.body), tc.accept)
		switch {
		case tc.errField != "":
			if err == nil || err.Field != tc.errField || !strings.Contains(err.Message, "pt-BR") {
				t.Errorf("%s: %v, want an error on %s listing the languages", tc.body, err, tc.errField)
			}
		case err != nil:
			t.Errorf("%s: %v", tc.body, err)
		case tc.want == "" && p != nil:
			t.Errorf("%s (%q): %s, want none", tc.body, tc.accept, p.Lang)
		case tc.want != "" && (p == nil || string(p.Lang) != tc.want):
			t.Errorf("%s (%q): %v, want %s", tc.body, tc.accept, p, tc.want)
		}
	}
}

// TestLocalizedAnswersAreAdditive: with a language, the answer is the one
// without it plus "lang" and the summaries in it; nothing else moves.
func TestLocalizedAnswersAreAdditive(t *testing.T) {
	body := `{"today":"2026-11-22","facts":{"claim":"not_received","tracking":"delivered","paid_on_platform":true}}`
	plain, err := Assess([]byte(body), now)
	if err != nil {
		t.Fatal(err)
	}
	withLang, err := Assess([]byte(strings.Replace(body, `{"today"`, `{"lang":"ko","today"`, 1)), now)
	if err != nil {
		t.Fatal(err)
	}
	if !gjson.ValidBytes(withLang) || gjson.GetBytes(withLang, "lang").Str != "ko" ||
		gjson.GetBytes(withLang, "rules.#.summary_localized").Raw == "[]" {
		t.Fatalf("%s", withLang)
	}
	stripped := gjson.GetBytes(withLang, `@this`).Raw
	for _, r := range gjson.GetBytes(withLang, "rules").Array() {
		stripped = strings.Replace(stripped, `,"summary_localized":`+r.Get("summary_localized").Raw, "", 1)
	}
	for _, r := range gjson.GetBytes(withLang, "warnings").Array() {
		stripped = strings.Replace(stripped, `,"summary_localized":`+r.Get("summary_localized").Raw, "", 1)
	}
	stripped = strings.Replace(stripped, `,"lang":"ko"`, "", 1)
	if stripped != string(plain) {
		t.Errorf("with lang, less its additions:\n%s\nwithout:\n%s", stripped, plain)
	}
	if _, err := DecodeAssess([]byte(`{"lang":"xx"}`), now); err == nil || err.Field != "lang" {
		t.Errorf("DecodeAssess takes lang xx: %v", err)
	}
	if _, err := DecodeChecklist([]byte(`{"lang":"xx"}`), now); err == nil || err.Field != "lang" {
		t.Errorf("DecodeChecklist takes lang xx: %v", err)
	}
}
