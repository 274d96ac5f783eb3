package describe

import (
	"strings"
	"testing"
)

// TestWordsOfOneLanguageInAnother: a word that is hostile in one language
// and harmless in another counts only in text that reads as its language
// (lexicon "?" entries and the language guess).
func TestWordsOfOneLanguageInAnother(t *testing.T) {
	calm := []string{
		"Das Display ist nicht hell genug und das Kabel ist zu dick.", // English hell, dick
		"Le colis a eu du retard.",                                     // English retard
		"El cable viene con la caja abierta.",                          // French con
		"Il cavo con la spina sbagliata.",                              // French con
		"Lewy bok obudowy jest porysowany.",                            // Turkish bok
		"De mist op het scherm gaat niet weg.",                         // German Mist
		"Zamówiłem kabel i ładowarkę.",                                 // English I
	}
	for _, s := range calm {
		if c := Check(FieldDifference, s); len(c.Findings) > 0 || c.Text != s {
			t.Errorf("%q: %q %+v", s, c.Text, c.Findings)
		}
	}
	hostile := map[string]string{
		"What the hell, the strap is torn.":       FindProfanity,
		"So ein Mist, die Lampe ist zu dunkel.":   FindProfanity,
		"Wat een kut product, het werkt niet.":    FindProfanity,
		"Bande de cons, le colis est vide.":       FindInsult,
		"Bu bok gibi ürün çalışmıyor, çok kötü.":  FindProfanity,
		"You are a retard, the size is wrong.":    FindInsult,
		"Le vendeur est un con, rien ne marche.":  FindInsult,
		"Wat een oen, de maat klopt niet.":        FindInsult,
		"Questi negri hanno sbagliato il modello": FindHateSpeech,
	}
	for s, id := range hostile {
		c := Check(FieldDifference, s)
		found := false
		for _, f := range c.Findings {
			found = found || f.ID == id
		}
		if !found {
			t.Errorf("%q: want %s, got %q %+v", s, id, c.Text, c.Findings)
		}
	}
}

// TestCapitalI: the English pronoun is written "I" in English text only.
func TestCapitalI(t *testing.T) {
	for in, want := range map[string]string{
		"the box came late and i think it was opened": "The box came late and I think it was opened.",
		"i'm sure the size is wrong":                  "I'm sure the size is wrong.",
		"Kabel i ładowarka nie działają":              "Kabel i ładowarka nie działają.",
		"Sono arrivati i cavi sbagliati":              "Sono arrivati i cavi sbagliati.",
	} {
		if got := Check(FieldDifference, in).Text; got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

// TestShoutingInOtherScripts: capitals are calmed in Cyrillic, Greek and
// Latin with the language's own casing (Turkish I and İ); Korean and
// Hebrew have no capitals, so only !!! and ??? count.
func TestShoutingInOtherScripts(t *testing.T) {
	for in, want := range map[string]string{
		"ВЕРНИТЕ ДЕНЬГИ, ТОВАР СЛОМАН":     "Верните деньги, товар сломан.",
		"ПОВЕРНІТЬ ГРОШІ, ТОВАР ЗЛАМАНИЙ":  "Поверніть гроші, товар зламаний.",
		"ÜRÜN KIRIK, İADE İSTİYORUM":        "Ürün kırık, iade istiyorum.",
		"ZWROT PIENIĘDZY, PRODUKT ZEPSUTY": "Zwrot pieniędzy, produkt zepsuty.",
		"환불해 주세요!!!":                       "환불해 주세요.",
		"איפה החבילה???":                    "איפה החבילה?",
	} {
		c := Check(FieldDifference, in)
		if c.Text != want || len(c.Findings) != 1 || c.Findings[0].ID != FindShouting {
			t.Errorf("%q: got %q %+v, want %q", in, c.Text, c.Findings, want)
		}
	}
}

// TestMorphology: endings, suffixes, particles and prefixes of one word.
func TestMorphology(t *testing.T) {
	for _, s := range []string{
		"мошенник", "мошенники", "мошенников", "мошенника", "мошенничество", "oszust", "oszuście", "oszustów",
		"oszuści", "dolandırıcı", "dolandırıcısın", "dolandırıcılar", "dolandirici", "사기꾼이", "사기꾼아",
		"사기꾼들", "사기꾼들아", "נוכל", "והנוכל", "שהנוכלים", "לנוכלים", "מהנוכל", "Betrüger", "Betrueger",
		"Internetbetrüger", "Betrügerbande", "estafador", "estafadores", "golpista", "golpistas", "l'arnaqueur",
		"d'escrocs", "ladrón", "ladron", "шахраї", "шахраїв",
	} {
		c := Check(FieldDifference, s+", the box was empty.")
		if len(c.Findings) == 0 || c.Findings[0].ID != FindAccusation || strings.Contains(strings.ToLower(c.Text), strings.ToLower(s)) {
			t.Errorf("%q: %q %+v", s, c.Text, c.Findings)
		}
	}
}
