package describe

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
)

type hostileCase struct {
	Name     string   `json:"name"`
	Field    Field    `json:"field"`
	Text     string   `json:"text"`
	Findings []string `json:"findings"`
	Absent   []string `json:"absent"`
}

// readJSONL reads a file of one JSON value a line (blank lines skipped).
func readJSONL[T any](t testing.TB, path string) []T {
	t.Helper()
	return decodeJSONL[T](t, path, false)
}

// decodeJSONL is readJSONL; strict makes an unknown key an error.
func decodeJSONL[T any](t testing.TB, path string, strict bool) []T {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []T
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		if strict {
			dec.DisallowUnknownFields()
		}
		var v T
		err := dec.Decode(&v)
		if err == nil && dec.More() {
			err = fmt.Errorf("more than one value on the line")
		}
		if err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return out
}

// eligibleSNAD is a case that gets a full description.
func eligibleSNAD(story Story) Input {
	today := mustDate("2026-11-22")
	f := assistant.Facts{Claim: assistant.NotAsDescribed, PaidOnPlatform: assistant.Yes,
		Complaint: assistant.DifferentSpec, RefundRequestedOn: mustDate("2026-11-05")}
	v, err := assistant.Assess(assistant.Request{Today: today, Facts: f})
	if err != nil || v.Outcome != assistant.Eligible {
		panic("fixture is not eligible")
	}
	return Input{Today: today, Facts: f, Verdict: v, Story: story,
		Evidence: []assistant.EvidenceID{assistant.PhotosItem, assistant.ListingScreenshot}}
}

func mustDate(s string) assistant.Date {
	d, ok := assistant.ParseDate(s)
	if !ok {
		panic(s)
	}
	return d
}

func setField(s *Story, f Field, text string) {
	switch f {
	case FieldOrdered:
		s.Ordered = text
	case FieldReceived:
		s.Received = text
	case FieldDifference:
		s.Difference = text
	case FieldRequested:
		s.Requested = text
	}
}

// contains reports whether needle is in hay: exactly when it has capitals,
// else case-insensitively or as matching sees it (skeleton, squeezed).
func contains(hay, needle string) bool {
	if strings.ToLower(needle) != needle {
		return strings.Contains(hay, needle) // capitals matter: shouting
	}
	if strings.Contains(strings.ToLower(hay), needle) {
		return true
	}
	n := squeeze(skeleton(needle))
	return len(n) >= 3 && strings.Contains(squeeze(skeleton(hay)), n)
}

// TestHostileStories replays testdata/hostile.jsonl: each story goes into
// a full description, which must contain none of the offending content,
// and the tone check must report the expected findings for that field.
func TestHostileStories(t *testing.T) {
	cases := readJSONL[hostileCase](t, "testdata/hostile.jsonl")
	if len(cases) < 40 {
		t.Fatalf("only %d hostile cases", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			var s Story
			setField(&s, c.Field, c.Text)
			d := Describe(eligibleSNAD(s))
			if d.Text == "" {
				t.Fatal("no text for an eligible case")
			}
			for _, a := range c.Absent {
				if contains(d.Text, a) {
					t.Errorf("the description still contains %q:\n%s", a, d.Text)
				}
			}
			var got []string
			for _, f := range d.Findings {
				if f.Field == c.Field {
					got = append(got, f.ID)
				}
			}
			for _, id := range c.Findings {
				if !slices.Contains(got, id) {
					t.Errorf("finding %q missing; got %v", id, got)
				}
			}
			for _, f := range d.Findings {
				if f.Suggestion == "" {
					t.Errorf("finding %s has no suggestion", f.ID)
				}
			}
		})
	}
}

// TestCalmStoriesPassUnchanged: plain factual stories, with sizes, models,
// order and tracking numbers, dates and a promised free gift, get no
// finding and keep their words.
func TestCalmStoriesPassUnchanged(t *testing.T) {
	for _, c := range readJSONL[hostileCase](t, "testdata/calm.jsonl") {
		got := Check(c.Field, c.Text)
		if len(got.Findings) > 0 {
			t.Errorf("%q: unexpected findings %+v", c.Text, got.Findings)
		}
		if got.Text != c.Text {
			t.Errorf("text changed:\n got %q\nwant %q", got.Text, c.Text)
		}
	}
}

func TestPersonalDataExcerptsAreMasked(t *testing.T) {
	got := Check(FieldRequested, "Refund to 4111 1111 1111 1111, or call +44 7700 900123, jane.doe@example.com")
	for _, f := range got.Findings {
		if strings.Contains(f.Excerpt, "4111") || strings.Contains(f.Excerpt, "7700") || strings.Contains(f.Excerpt, "jane") {
			t.Errorf("%s excerpt shows the data: %q", f.ID, f.Excerpt)
		}
	}
}

func TestLongFieldIsCut(t *testing.T) {
	long := strings.Repeat("The strap is torn. ", 500)
	got := Check(FieldDifference, long)
	if n := utf8.RuneCountInString(got.Text); n > MaxFieldRunes {
		t.Errorf("text has %d characters", n)
	}
	if len(got.Findings) != 1 || got.Findings[0].ID != FindTooLong {
		t.Errorf("findings %+v", got.Findings)
	}
	// A card number at the cut must not leave a readable part behind.
	cut := strings.Repeat("a", MaxFieldRunes-10) + " 4111 1111 1111 1111"
	if strings.Contains(Check(FieldRequested, cut).Text, "4111") {
		t.Error("part of a card number survived the cut")
	}
}

func TestInvalidUTF8AndControls(t *testing.T) {
	got := Check(FieldReceived, "It \xff\xfe arrived\x00 broken\x1b[31m.")
	if !utf8.ValidString(got.Text) || strings.ContainsAny(got.Text, "\x00\x1b") {
		t.Errorf("%q", got.Text)
	}
	if got.Findings[0].ID != FindHidden {
		t.Errorf("%+v", got.Findings)
	}
}

// TestFormOfTheSentenceKept: two ! or ? are emphasis, not shouting; a dash
// between two clauses that both stay is kept as written ("USB-C - HDMI").
func TestFormOfTheSentenceKept(t *testing.T) {
	for text, want := range map[string]string{
		"no me llego nada!! ya van 2 meses":        "No me llego nada. Ya van 2 meses.",
		"Кабель USB-C - HDMI 4K 60Hz, 2 м, черный": "Кабель USB-C - HDMI 4K 60Hz, 2 м, черный.",
		"where is it?!": "Where is it?",
	} {
		got := Check(FieldDifference, text)
		if len(got.Findings) > 0 || got.Text != want {
			t.Errorf("%q: got %q %+v, want %q and no findings", text, got.Text, got.Findings, want)
		}
	}
	if got := Check(FieldDifference, "where is my parcel???"); len(got.Findings) != 1 || got.Findings[0].ID != FindShouting {
		t.Errorf("??? is shouting: %+v", got.Findings)
	}
}

// TestHandlesAndProfileLinksMoveTheTalk: a messenger name or a link to a
// profile is taken out and told as a move off the platform; an @name after
// a messenger's name is a handle, not an email.
func TestHandlesAndProfileLinksMoveTheTalk(t *testing.T) {
	for _, text := range []string{
		"scrivimi su instagram @mario.rossi.99",
		"napisz na messengerze, fb.com/jan.kowalski.123",
		"vk.com/id12345 пишите туда",
		"add me https://t.me/some_buyer",
		"my profile: WWW.INSTAGRAM.COM/some.buyer",
	} {
		got := CheckWith(FieldDifference, text, Context{Lang: "pl"})
		var ids []string
		for _, f := range got.Findings {
			ids = append(ids, f.ID)
			pl := i18n.For(i18n.Polish)
			if f.ID == FindOffPlatform && f.Suggestion != pl.T("finding.kept.off_platform") && f.Suggestion != pl.T("finding.off_platform") {
				t.Errorf("%q: the suggestion is not in Polish: %q", text, f.Suggestion)
			}
		}
		if !slices.Contains(ids, FindOffPlatform) || slices.Contains(ids, FindEmail) {
			t.Errorf("%q: findings %v, want off_platform and no email", text, ids)
		}
		for _, w := range []string{"mario", "kowalski", "12345", "some_buyer", "some.buyer"} {
			if strings.Contains(strings.ToLower(got.Text), w) {
				t.Errorf("%q: %q left in %q", text, w, got.Text)
			}
		}
	}
	if got := Check(FieldDifference, "pisz na ivan @gmail.com"); len(got.Findings) == 0 || got.Findings[0].ID != FindEmail {
		t.Errorf("an email with a space before the @: %+v", got.Findings)
	}
	if got := Check(FieldDifference, "the same item is cheaper at a.aliexpress.com/_mAbCdE1"); len(got.Findings) == 0 || got.Findings[0].ID != FindLink {
		t.Errorf("an AliExpress share link: %+v", got.Findings)
	}
}

// TestNamedPressure: a consumer body, a chargeback or a lawsuit named to
// the seller is a threat whatever the verb, and a review site or complaint
// forum a feedback threat; named as advice to open the platform's dispute,
// or about another order, neither is.
func TestNamedPressure(t *testing.T) {
	for text, want := range map[string]string{
		"Trading Standards already have all my screenshots.":                               FindThreat,
		"ya hablé con Profeco, ellos deciden":                                              FindThreat,
		"o Procon já está sabendo de tudo":                                                 FindThreat,
		"la DGCCRF est au courant de votre boutique":                                       FindThreat,
		"Die Verbraucherzentrale hat meinen Fall schon.":                                   FindThreat,
		"Altroconsumo ha già tutte le foto":                                                FindThreat,
		"De Consumentenbond weet ervan.":                                                   FindThreat,
		"UOKiK dostał już skargę na wasz sklep":                                            FindThreat,
		"Роспотребнадзор уже в курсе вашего магазина":                                      FindThreat,
		"Держпродспоживслужба вже знає про вас":                                            FindThreat,
		"Şikayetvar'a her şeyi yazdım bile":                                                FindThreat,
		"한국소비자원에 이미 접수했습니다":                                                                FindThreat,
		"הרשות להגנת הצרכן כבר יודעת עליכם":                                                FindThreat,
		"все подробности уже на отзовике":                                                  FindFeedbackThreat,
		"ekşi sözlükte başlık açtım bile":                                                  FindFeedbackThreat,
		"맘카페에 다 올렸어요":                                                                      FindFeedbackThreat,
		"My lawyer advised me to open a dispute on the platform.":                          "",
		"Mi abogado me recomendó abrir una disputa.":                                       "",
		"Мой юрист посоветовал открыть спор на площадке.":                                  "",
		"Usei o Procon uma vez por outra compra, anos atrás, e a lâmpada continua de 40W.": "",
	} {
		got := Check(FieldDifference, text)
		var first string
		if len(got.Findings) > 0 {
			first = got.Findings[0].ID
		}
		if first != want || want != "" && got.Text != "" {
			t.Errorf("%q: %q %+v, want %q", text, got.Text, got.Findings, want)
		}
	}
}

// TestExcerptsShowNoEnglishPlaceholder: a sentence left out after its
// phone was taken out is quoted with "[…]", in any language.
func TestExcerptsShowNoEnglishPlaceholder(t *testing.T) {
	got := CheckWith(FieldDifference, "Роспотребнадзор уже в курсе, мой номер +7 916 123-45-67", Context{Lang: i18n.Russian})
	for _, f := range got.Findings {
		if strings.Contains(f.Excerpt, "removed") || strings.Contains(f.Excerpt, "916") {
			t.Errorf("%s excerpt %q", f.ID, f.Excerpt)
		}
	}
}
