package enginetext

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
)

// engineJSON reads the English engine.json, the translators' source.
func engineJSON(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile("../catalog/en/engine.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("en/engine.json: %v", err)
	}
	return m
}

// engineTexts are every text the engine (and describe's order details)
// shows a buyer, by the key it is looked up with, in the engine's
// English. A text with a date keeps the engine's "{date}".
func engineTexts(t *testing.T) map[string]string {
	out := map[string]string{}
	add := func(key, text string) {
		if old, dup := out[key]; dup && old != text {
			t.Errorf("%s is two texts in the engine: %q and %q", key, old, text)
		}
		out[key] = text
	}
	for i := range assistant.DefaultPack.Rules {
		r := &assistant.DefaultPack.Rules[i]
		add(RuleKey(r.ID), r.Summary)
	}
	for _, it := range assistant.ChecklistItems {
		add(ItemKey(it.ID), it.Summary)
	}
	for _, d := range assistant.ChecklistDetails {
		add(DetailKey(d.ID), d.Text)
	}
	for _, c := range claims {
		for _, tracking := range []assistant.Tracking{"", assistant.TrackingSeized} {
			f := assistant.Facts{Claim: c, Tracking: tracking}
			for _, e := range assistant.EvidenceFor(&f) {
				add(WhyKey(c, e.ID), e.Why)
			}
		}
	}
	return out
}

// TestEngineJSONIsTheEngineEnglish: en/engine.json holds every text the
// engine shows a buyer, word for word (its placeholders filled in English),
// and nothing else, so translators always translate the current English.
func TestEngineJSONIsTheEngineEnglish(t *testing.T) {
	catalog, en := engineJSON(t), i18n.For(i18n.English)
	texts := engineTexts(t)
	var keys []string
	for k := range texts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, ok := catalog[k]; !ok {
			t.Errorf("en/engine.json lacks %q (the engine's text: %q)", k, texts[k])
			continue
		}
		if got := en.T(k, args(en)...); got != texts[k] {
			t.Errorf("%s: en/engine.json says\n\t%q\nthe engine says\n\t%q", k, got, texts[k])
		}
	}
	for k := range catalog {
		if _, ok := texts[k]; !ok {
			t.Errorf("en/engine.json has %q, which no engine text uses", k)
		}
	}
}

// TestEnglishIsTheEngines: in English the engine's own words are shown,
// whatever the catalog holds.
func TestEnglishIsTheEngines(t *testing.T) {
	en := i18n.For(i18n.English)
	for i := range assistant.DefaultPack.Rules {
		r := &assistant.DefaultPack.Rules[i]
		if got := RuleSummary(en, r); got != r.Summary {
			t.Errorf("%s: %q", r.ID, got)
		}
	}
	today, _ := assistant.ParseDate("2026-11-22")
	placed, _ := assistant.ParseDate("2026-11-10")
	res := assistant.Checklist(today, assistant.ChecklistFacts{OrderPlacedOn: placed, SellerRatingKnown: true, SellerPositivePercent: 80})
	for i := range res.Items {
		it := &res.Items[i]
		if got := ItemDetail(en, it); got != it.Detail {
			t.Errorf("%s: detail %q, want %q", it.ID, got, it.Detail)
		}
		if got := ItemSummary(en, it.ID, it.Summary); got != it.Summary {
			t.Errorf("%s: summary %q", it.ID, got)
		}
	}
}

// TestOtherLanguagesReadTheirCatalog: a language's own text is shown, its
// day counts in its plural forms and a checklist date kept as YYYY-MM-DD
// for the page to mark up.
func TestOtherLanguagesReadTheirCatalog(t *testing.T) {
	pl := i18n.For(i18n.Polish)
	r := assistant.DefaultPack.Rules[0]
	for _, x := range assistant.DefaultPack.Rules {
		if x.ID == assistant.RuleSellerFirst {
			r = x
		}
	}
	if got, want := RuleSummary(pl, &r), pl.T(RuleKey(r.ID), args(pl)...); got != want || !strings.Contains(got, "10 dni") {
		t.Errorf("Polish %s: %q, want %q with 10 dni", r.ID, got, want)
	}
	e := assistant.Evidence{ID: assistant.RefundRequestRecord, Why: "x"}
	if got := EvidenceWhy(i18n.For(i18n.Hebrew), assistant.Broken, &e); !strings.Contains(got, "10 ימים") {
		t.Errorf("Hebrew refund request: %q", got)
	}
	today, _ := assistant.ParseDate("2026-11-22")
	placed, _ := assistant.ParseDate("2026-11-10")
	for _, it := range assistant.Checklist(today, assistant.ChecklistFacts{OrderPlacedOn: placed}).Items {
		if it.ID == "pre.payment_window" {
			if got := ItemDetail(pl, &it); !strings.Contains(got, "2026-11-30") || got == it.Detail {
				t.Errorf("Polish payment window: %q", got)
			}
		}
	}
}
