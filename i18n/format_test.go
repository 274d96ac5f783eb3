package i18n

import (
	"context"
	"testing"
)

// TestPluralRulesMatchCLDR holds the plural rules to CLDR's published
// examples for whole numbers.
func TestPluralRulesMatchCLDR(t *testing.T) {
	cases := map[Lang]map[string][]int{
		English:    {One: {1}, Other: {0, 2, 5, 11, 21, 101}},
		German:     {One: {1}, Other: {0, 2, 21}},
		Turkish:    {One: {1}, Other: {0, 2, 21}},
		Spanish:    {One: {1}, Many: {1000000, 2000000}, Other: {0, 2, 21, 1000}},
		Portuguese: {One: {0, 1}, Many: {1000000}, Other: {2, 21}},
		French:     {One: {0, 1}, Many: {1000000}, Other: {2, 17}},
		Russian:    {One: {1, 21, 31, 101, 1001}, Few: {2, 3, 4, 22, 24, 102}, Many: {0, 5, 11, 12, 14, 19, 25, 111, 112}},
		Ukrainian:  {One: {1, 21, 71}, Few: {2, 4, 23, 94}, Many: {0, 5, 11, 13, 100}},
		Polish:     {One: {1}, Few: {2, 3, 4, 22, 24, 32}, Many: {0, 5, 11, 12, 14, 21, 25, 100, 112}},
		Korean:     {Other: {0, 1, 2, 100}},
		Hebrew:     {One: {1}, Two: {2}, Other: {0, 3, 10, 20, 100}},
	}
	for l, byCat := range cases {
		for cat, ns := range byCat {
			for _, n := range ns {
				if got := Plural(l, n); got != cat {
					t.Errorf("%s %d: %s, CLDR says %s", l, n, got, cat)
				}
			}
		}
	}
}

// TestCountsReadAsNativeSpeakersWrite: "3 дня / 5 дней", Korean without
// plurals.
func TestCountsReadAsNativeSpeakersWrite(t *testing.T) {
	cases := []struct {
		l    Lang
		n    int
		want string
	}{
		{English, 1, "1 day"}, {English, 10, "10 days"},
		{Russian, 1, "1 день"}, {Russian, 3, "3 дня"}, {Russian, 5, "5 дней"}, {Russian, 21, "21 день"}, {Russian, 12, "12 дней"},
		{Ukrainian, 2, "2 дні"}, {Ukrainian, 11, "11 днів"},
		{Polish, 1, "1 dzień"}, {Polish, 2, "2 dni"}, {Polish, 5, "5 dni"}, {Polish, 22, "22 dni"},
		{Portuguese, 1, "1 dia"}, {Portuguese, 0, "0 dia"}, {Portuguese, 10, "10 dias"},
		{Korean, 1, "1일"}, {Korean, 10, "10일"},
		{Hebrew, 1, "יום אחד"}, {Hebrew, 2, "יומיים"}, {Hebrew, 10, "10 ימים"},
		{German, 10, "10 Tage"}, {Turkish, 10, "10 gün"},
	}
	for _, c := range cases {
		if got := For(c.l).N("count.days", c.n); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.l, c.n, got, c.want)
		}
	}
}

// TestDatesMatchCLDR: long and full dates as CLDR writes them.
func TestDatesMatchCLDR(t *testing.T) {
	long := map[Lang]string{
		English: "18 November 2026", Spanish: "18 de noviembre de 2026", Portuguese: "18 de novembro de 2026",
		French: "18 novembre 2026", German: "18. November 2026", Italian: "18 novembre 2026", Dutch: "18 november 2026",
		Polish: "18 listopada 2026", Russian: "18 ноября 2026 г.", Ukrainian: "18 листопада 2026 р.",
		Turkish: "18 Kasım 2026", Korean: "2026년 11월 18일", Hebrew: "18 בנובמבר 2026",
	}
	full := map[Lang]string{ // Monday 23 November 2026
		English: "Monday 23 November 2026", Spanish: "lunes, 23 de noviembre de 2026",
		Portuguese: "segunda-feira, 23 de novembro de 2026", French: "lundi 23 novembre 2026",
		German: "Montag, 23. November 2026", Italian: "lunedì 23 novembre 2026", Dutch: "maandag 23 november 2026",
		Polish: "poniedziałek, 23 listopada 2026", Russian: "понедельник, 23 ноября 2026 г.",
		Ukrainian: "понеділок, 23 листопада 2026 р.", Turkish: "23 Kasım 2026 Pazartesi",
		Korean: "2026년 11월 23일 월요일", Hebrew: "יום שני, 23 בנובמבר 2026",
	}
	for _, l := range Langs {
		if got := For(l).Date(2026, 11, 18); got != long[l] {
			t.Errorf("%s long: %q, CLDR %q", l, got, long[l])
		}
		if got := For(l).DateFull(2026, 11, 23, 1); got != full[l] {
			t.Errorf("%s full: %q, CLDR %q", l, got, full[l])
		}
	}
}

func TestParseAndAcceptLanguage(t *testing.T) {
	for in, want := range map[string]Lang{"pt-BR": Portuguese, "pt": Portuguese, "pt_PT": Portuguese, "he-IL": Hebrew,
		"iw": Hebrew, "RU": Russian, "uk-UA": Ukrainian, "ko-KR": Korean, "nl-BE": Dutch, "en-US": English} {
		if got, ok := Parse(in); !ok || got != want {
			t.Errorf("Parse(%q) = %q, %v", in, got, ok)
		}
	}
	for _, bad := range []string{"", "xx", "zh-CN", "../en", "e\x00n"} {
		if l, ok := Parse(bad); ok {
			t.Errorf("Parse(%q) = %q", bad, l)
		}
	}
	for in, want := range map[string]Lang{
		"pl-PL,pl;q=0.9,en-US;q=0.8,en;q=0.7": Polish,
		"zh-CN,zh;q=0.9,es;q=0.5":             Spanish,
		"en;q=0.2, he;q=0.9":                  Hebrew,
		"fr;q=0, de":                          German,
	} {
		if got, ok := FromAcceptLanguage(in); !ok || got != want {
			t.Errorf("FromAcceptLanguage(%q) = %q, %v", in, got, ok)
		}
	}
	if _, ok := FromAcceptLanguage("zh-CN, ja;q=0.8"); ok {
		t.Error("a language we do not speak was picked")
	}
}

func TestFallbacksAndContext(t *testing.T) {
	p := For(Polish)
	if got := p.T("no.such.key"); got != "no.such.key" {
		t.Errorf("missing key: %q", got)
	}
	if got := For("xx").Lang; got != English {
		t.Errorf("unknown language prints %s", got)
	}
	if got := From(With(context.Background(), p)).Lang; got != Polish {
		t.Errorf("context: %s", got)
	}
	if got := From(context.Background()).Lang; got != English {
		t.Errorf("no printer in context: %s", got)
	}
	if got := fill("a {x} b {y} {", []string{"x", "1"}); got != "a 1 b {y} {" {
		t.Errorf("fill: %q", got)
	}
	if got := p.TOr("rule.none", "English {d}", "d", "1"); got != "English 1" {
		t.Errorf("TOr: %q", got)
	}
}

// TestFormKeepsPlaceholders: a script's plural text comes out per category
// with {n} and the other placeholders unfilled, and a missing category
// falls back to "other".
func TestFormKeepsPlaceholders(t *testing.T) {
	p := For(Polish)
	if got := p.Form("count.days", Few); got != "{n} dni" {
		t.Errorf("pl few = %q", got)
	}
	if got := p.Form("count.days", Two); got != "{n} dnia" {
		t.Errorf("pl two (absent) = %q, want the other form", got)
	}
	if got := For(English).Form("date.long", One); got != "{day} {month} {year}" {
		t.Errorf("a plain text = %q", got)
	}
}

// BenchmarkLoadCatalog is the cost of a language's first use: parsing
// its catalog files (English, the largest today).
func BenchmarkLoadCatalog(b *testing.B) {
	for i := 0; i < b.N; i++ {
		c := &catalog{}
		c.load(English)
	}
}
