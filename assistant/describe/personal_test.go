package describe

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
)

// personalCase is one line of testdata/personal/<market>.jsonl: with a
// kind, the text holds that kind of data, which must be reported and
// absent from the text afterwards; without, the text is calm and its
// kept pieces (all of it by default) must stay, with no personal finding.
type personalCase struct {
	Market string   `json:"market"`
	Kind   string   `json:"kind"`
	Text   string   `json:"text"`
	Absent []string `json:"absent"`
	Kept   []string `json:"kept"`
}

var personalKinds = []string{FindEmail, FindPhone, FindCard, FindIBAN, FindBankAccount, FindAddress, FindIDNumber,
	FindLink, FindHandle}

// TestPersonalDataByMarket replays the per-market cases: every market's
// phones, emails, addresses, ids, accounts, cards, links and handles go,
// and its calm look-alikes (product titles, carriers, order and tracking
// numbers, sizes, prices, dates) stay.
func TestPersonalDataByMarket(t *testing.T) {
	files, _ := filepath.Glob("testdata/personal/*.jsonl")
	if len(files) < 13 {
		t.Fatalf("only %d market files", len(files))
	}
	for _, file := range files {
		for _, c := range readJSONL[personalCase](t, file) {
			t.Run(c.Market+"/"+c.Kind+"/"+c.Text, func(t *testing.T) {
				got := Check(FieldDifference, c.Text)
				var ids []string
				for _, f := range got.Findings {
					ids = append(ids, f.ID)
				}
				if c.Kind == "" {
					for _, f := range got.Findings {
						if slices.Contains(personalKinds, f.ID) {
							t.Errorf("calm text reported %s %q", f.ID, f.Excerpt)
						}
					}
					for _, k := range c.Kept {
						if !strings.Contains(got.Text, k) && !strings.Contains(got.Text, capitalize(k)) {
							t.Errorf("lost %q: %q", k, got.Text)
						}
					}
					return
				}
				if !slices.Contains(ids, c.Kind) {
					t.Errorf("no %s finding: %v, text %q", c.Kind, ids, got.Text)
				}
				for _, a := range c.Absent {
					if strings.Contains(strings.ToLower(got.Text), strings.ToLower(a)) {
						t.Errorf("%q left in %q", a, got.Text)
					}
				}
				if strings.Contains(got.Text, "removed]") {
					t.Errorf("placeholder left in %q", got.Text)
				}
			})
		}
	}
}

// TestRedactionReads: what is left of a sentence reads as a sentence; a
// sentence that only carried data goes whole.
func TestRedactionReads(t *testing.T) {
	for in, want := range map[string]string{
		"See https://x.shop/a and Flat 12, 5 Rosebery Hill, Bristol BS6 7AX.": "",
		"Card 4111 1111 1111 1111.":                                                    "",
		"My phone is 0612345678 and the parcel is late.":                               "The parcel is late.",
		"I live at Flat 12, 5 Rosebery Hill, Bristol BS6 7AX and the box was crushed.": "The box was crushed.",
		"I sent the photos to jane.doe@example.com yesterday.":                         "I sent the photos yesterday.",
		"The lid is cracked. Refund to my card 4111 1111 1111 1111.":                   "The lid is cracked.",
		"The strap is torn, my IBAN is DE89 3704 0044 0532 0130 00.":                   "The strap is torn.",
		// a particle between the label's words goes with them
		"Numéro de passeport 12AB34567, le colis est bloqué.": "Le colis est bloqué.",
		// a label with a dot would be left as a sentence of its own
		"Tel. 0612345678, das Paket fehlt.": "Das Paket fehlt.",
		"מספר ת.ז. 123456782 נמסר לשליח.":   "נמסר לשליח.",
		// a Korean particle on the number goes with it
		"전화번호 010-9876-5432로 연락 주세요.": "연락 주세요.",
	} {
		if got := Check(FieldDifference, in).Text; got != want {
			t.Errorf("%q\n got %q\nwant %q", in, got, want)
		}
	}
}

// TestFindingSaysWhatWasRemoved: one finding per piece removed, with its
// kind, the document's name for an id, and the piece masked.
func TestFindingSaysWhatWasRemoved(t *testing.T) {
	got := Check(FieldRequested, "CPF 111.444.777-35, phones 07700 900123 and 07700 900456.")
	var ex []string
	for _, f := range got.Findings {
		ex = append(ex, f.ID+" "+f.Excerpt)
	}
	for _, want := range []string{"id_number CPF •••.•••.•••-35", "phone ••••• ••••23", "phone ••••• ••••56"} {
		if !slices.Contains(ex, want) {
			t.Errorf("findings %q lack %q", ex, want)
		}
	}
}

// TestSuggestionFitsTheClaim: an insult about a broken kettle is answered
// with a sentence about damage, not about a listing that does not match.
func TestSuggestionFitsTheClaim(t *testing.T) {
	text := "The kettle does not heat, you idiot."
	plain := CheckWith(FieldDifference, text, Context{})
	broken := CheckWith(FieldDifference, text, Context{Claim: assistant.Broken})
	find := func(c Checked) string {
		for _, f := range c.Findings {
			if f.ID == FindInsult {
				return f.Suggestion
			}
		}
		t.Fatalf("no insult finding: %+v", c.Findings)
		return ""
	}
	if s := find(broken); strings.Contains(s, "does not match what I ordered") || !strings.Contains(s, "damage") {
		t.Errorf("broken: %q", s)
	}
	if s := find(plain); strings.Contains(s, "does not match what I ordered") {
		t.Errorf("no claim: %q", s)
	}
	if Check(FieldDifference, text).Text != plain.Text {
		t.Error("Check and CheckWith differ")
	}
	for claim := range claimFacts {
		if claimExamples[claim] == "" {
			t.Errorf("no example for %s", claim)
		}
	}
}

// TestRequestNotRepeated: the buyer's own "Refund." after our remedy
// sentence is not said twice.
func TestRequestNotRepeated(t *testing.T) {
	today := mustDate("2026-11-22")
	f := withOutcome(claimFacts[assistant.NotReceived], assistant.Eligible)
	v, _ := assistant.Assess(assistant.Request{Today: today, Facts: f})
	for _, req := range []string{"Refund.", "Full refund please.", "I want my money back!!!", "Refund. Refund."} {
		d := Describe(Input{Today: today, Facts: f, Verdict: v, Story: Story{Requested: req}})
		text := d.Parts[4].Text
		if strings.Count(strings.ToLower(text), "refund") != 2 || strings.HasSuffix(text, "Refund.") {
			t.Errorf("%q: %q", req, text)
		}
	}
	for lang, reqs := range map[i18n.Lang][]string{
		i18n.Spanish:    {"Reembolso.", "Quiero mi dinero!!!", "reembolsenme por favor"},
		i18n.Polish:     {"Zwrot pieniędzy.", "Proszę o zwrot", "oddajcie kase"},
		i18n.Russian:    {"Верните деньги.", "Прошу возврат денег"},
		i18n.German:     {"Geld zurück bitte.", "Ich will eine Rückerstattung!"},
		i18n.Korean:     {"환불해주세요.", "돈 돌려주세요"},
		i18n.Hebrew:     {"תחזירו את הכסף.", "אני רוצה החזר"},
		i18n.Turkish:    {"Paramı iade edin lütfen.", "İade istiyorum"},
		i18n.Portuguese: {"Quero meu dinheiro de volta.", "Reembolso por favor"},
	} {
		for _, req := range reqs {
			d := Describe(Input{Today: today, Facts: f, Verdict: v, Story: Story{Requested: req}, Lang: lang, TextLang: lang})
			if text := d.Parts[4].Text; strings.Contains(text, strings.TrimRight(req, ".!")) {
				t.Errorf("%s %q is said again: %q", lang, req, text)
			}
		}
	}
	es := Describe(Input{Today: today, Facts: f, Verdict: v, Story: Story{Requested: "Reembolso, y puedo mostrar el seguimiento al repartidor."},
		Lang: i18n.Spanish, TextLang: i18n.Spanish})
	if !strings.Contains(es.Parts[4].Text, "repartidor") {
		t.Errorf("a Spanish request that says more was dropped: %q", es.Parts[4].Text)
	}
	d := Describe(Input{Today: today, Facts: f, Verdict: v, Story: Story{Requested: "Refund, and I can show the tracking to the courier."}})
	if !strings.Contains(d.Parts[4].Text, "courier") {
		t.Errorf("a request that says more was dropped: %q", d.Parts[4].Text)
	}
	d = Describe(Input{Today: today, Facts: f, Verdict: v, Story: Story{Ordered: "Earbuds, white.",
		Received: "Nothing came. Nothing came."}})
	if strings.Count(d.Text, "Nothing came.") != 1 {
		t.Errorf("a sentence repeats:\n%s", d.Text)
	}
}

// TestFuzzHTTPSchemeAlone is the fuzz failure where "http://" became
// "Http://." and was then read as a link: now it is a link at once.
func TestFuzzHTTPSchemeAlone(t *testing.T) {
	for _, s := range []string{"http://", "HTTP://", "http://.", "see http:// now"} {
		c := Check(FieldDifference, s)
		if strings.Contains(strings.ToLower(c.Text), "http") {
			t.Errorf("%q left %q", s, c.Text)
		}
		if again := Check(FieldDifference, c.Text); len(personalIn(again)) > 0 {
			t.Errorf("%q: the cleaned %q still has %v", s, c.Text, personalIn(again))
		}
	}
}

// TestFuzzZeroRunLeavesNoDigits is the fuzz failure where
// "0000000000 00000000" left part of a digit run that the second check
// read differently: a run of zeros is no number of anyone's, and both
// checks now keep it whole.
func TestFuzzZeroRunLeavesNoDigits(t *testing.T) {
	for _, s := range []string{"0000000000 00000000", "0000000000 0000000000 00", "00000000000000000000"} {
		c := Check(FieldDifference, s)
		again := Check(FieldDifference, c.Text)
		if len(personalIn(again)) > 0 || again.Text != c.Text {
			t.Errorf("%q: %q then %q %v", s, c.Text, again.Text, personalIn(again))
		}
	}
}

func personalIn(c Checked) []string {
	var out []string
	for _, f := range c.Findings {
		if slices.Contains(personalKinds, f.ID) {
			out = append(out, f.ID)
		}
	}
	return out
}

// TestChecksums: the validators against published test numbers and
// numbers with one digit changed.
func TestChecksums(t *testing.T) {
	d := func(s string) []byte { return digitsOf(s, nil) }
	for _, c := range []struct {
		name  string
		valid func([]byte) bool
		ok    []string
		bad   []string
	}{
		{"luhn+prefix", isCardDigits, []string{"4111111111111111", "5555555555554444", "378282246310005",
			"2200000000000004", "3530111333300000", "9792000000000003"},
			[]string{"4111111111111112", "8181234567890123", "1234567812345670", "3039123456789012"}},
		{"cpf", cpfValid, []string{"111.444.777-35", "123.456.789-09"}, []string{"111.444.777-36", "111.111.111-11"}},
		{"pesel", peselValid, []string{"44051401359", "02070803628"}, []string{"44051401358", "44151401359"}},
		{"tckn", tcknValid, []string{"10000000146"}, []string{"10000000147", "00000000146"}},
		{"bsn", bsnValid, []string{"111222333"}, []string{"111222334"}},
		{"israeli id", israeliIDValid, []string{"123456782", "000000018"}, []string{"123456781"}},
		{"inn", innValid, []string{"7707083893", "500100732259"}, []string{"7707083894", "500100732258"}},
		{"rrn", func(b []byte) bool { return rrnValid(b, true) }, []string{"800101-1234560"},
			[]string{"800101-1234561", "801301-1234560"}},
		{"ssn", ssnShape, []string{"123-45-6789", "987-65-4321"}, []string{"000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567"}},
		{"nir", nirValid, []string{"1 92 03 99 123 456 20", "2 84 12 75 108 234 80"},
			[]string{"1 92 03 99 123 456 21", "3 92 03 99 123 456 20", "1 92 13 99 123 456 20"}},
		{"snils", snilsValid, []string{"112-233-445 95", "987-654-321 83"}, []string{"112-233-445 96", "111-111-111 45"}},
		{"clabe", clabeValid, []string{"002180001234567896", "012180009876543215"}, []string{"002180001234567897"}},
		{"nrb", nrbValid, []string{"61 1090 1014 0000 0712 1981 2874"}, []string{"61 1090 1014 0000 0712 1981 2875"}},
	} {
		for _, s := range c.ok {
			if !c.valid(d(s)) {
				t.Errorf("%s: %s is valid", c.name, s)
			}
		}
		for _, s := range c.bad {
			if c.valid(d(s)) {
				t.Errorf("%s: %s is not valid", c.name, s)
			}
		}
	}
	for s, want := range map[string]bool{"12345678Z": true, "X1234567L": true, "Y0000000Z": true, "12345678A": false} {
		if dniValid(s) != want {
			t.Errorf("dni %s: %v", s, !want)
		}
	}
	for s, want := range map[string]bool{"RSSMRA85T10A562S": true, "RSSMRA85T10A562T": false} {
		if codiceFiscaleValid(s) != want {
			t.Errorf("codice fiscale %s: %v", s, !want)
		}
	}
	for s, want := range map[string]bool{"GB82WEST12345698765432": true, "DE89370400440532013000": true,
		"DE89370400440532013001": false, "NL91ABNA0417164300": true, "PL61109010140000071219812874": true,
		"BR1800360305000010009795493C1": true, "TR330006100519786457841326": true} {
		if got := ibanValid([]byte(s)); got != want {
			t.Errorf("ibanValid(%q) = %v", s, got)
		}
		if want && ibanLengths[s[:2]] != len(s) {
			t.Errorf("length of %s", s)
		}
	}
	for s, want := range map[string]bool{"4111 1111 1111 1111": true, "5500-0000-0000-0004": true,
		"4111.1111.1111.1111": true, "8181234567890123": false} {
		if got := isCard(s); got != want {
			t.Errorf("isCard(%q) = %v", s, got)
		}
	}
}

// TestLabelNamesTheKind: a word that only leads up to a number ("номер",
// numéro) gives way to the word beside it that names the number's kind;
// before, "номер паспорта" read the passport number as a phone number.
func TestLabelNamesTheKind(t *testing.T) {
	for text, want := range map[string]string{
		"номер паспорта 001234567":          FindIDNumber,
		"заказ номер 5012345678901234":      "",
		"мой номер 89161234567":             FindPhone,
		"numer zamowienia 3009876543210981": "",
		"pedido número 8123456789012345":    "",
	} {
		var got string
		if sp := findPersonal(text); len(sp) > 0 {
			got = sp[0].id
		}
		if got != want {
			t.Errorf("%q: got %q, want %q", text, got, want)
		}
	}
}

// TestAccentsLeftOut: the scanner's words are found typed without their
// accents ("zamowienie", "telefono", "sifir").
func TestAccentsLeftOut(t *testing.T) {
	for in, want := range map[string]string{"zamówienie": "zamowienie", "sıfır": "sifir", "teléfono": "telefono",
		"Straße": "Straße", "заказ": "заказ"} {
		if got := foldAccents(in); got != want {
			t.Errorf("foldAccents(%q) = %q, want %q", in, got, want)
		}
		var buf []byte
		if lookupWord(want, &buf) != lookupWord(in, &buf) {
			t.Errorf("%q and %q read differently", in, want)
		}
	}
}

// TestLabelAfterAnAddressDoesNotOverlap is the kept-back story that made
// the check panic: a phone's dotted label ("тел.") right after an address
// that had already taken it in.
func TestLabelAfterAnAddressDoesNotOverlap(t *testing.T) {
	for _, text := range []string{
		"Нова Пошта повернула посилку, правильна адреса: вул. Тестова, 15, кв. 4, м. Київ, 01001, Петренко Петро, тел. +380 67 123 45 67",
		"адрес: ул. Тестовая, д. 5, кв. 7, г. Москва, 101000, тел. 8 916 123-45-67",
	} {
		got := Check(FieldDifference, text)
		for _, w := range []string{"Тестов", "123 45 67", "123-45-67"} {
			if strings.Contains(got.Text, w) {
				t.Errorf("%q left in %q", w, got.Text)
			}
		}
	}
}

// TestSpacedEmailInAnyCase: an email typed with spaces around the @ is
// found with a known top-level domain in capitals or a lower-case one
// ("startup . Com", "example . photography"), with its name before a
// spaced @ ("ivan.petrov @mycompany.com"); junk is not ("0@ 0. AA").
func TestSpacedEmailInAnyCase(t *testing.T) {
	for text, want := range map[string]bool{
		"write to jane @ startup.Com please":           true,
		"write to jane @ example . photography please": true,
		"0@ 0. AA":                               false,
		"my email is ivan.petrov @mycompany.com": true,
	} {
		got := slices.ContainsFunc(Check(FieldDifference, text).Findings, func(f Finding) bool { return f.ID == FindEmail })
		if got != want {
			t.Errorf("%q: email found %v, want %v", text, got, want)
		}
		if out := Check(FieldDifference, text).Text; want && (strings.Contains(out, "ivan") || strings.Contains(out, "jane")) {
			t.Errorf("%q: the name is left in %q", text, out)
		}
	}
}
