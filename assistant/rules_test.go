package assistant

import (
	"errors"
	"strings"
	"testing"
)

func TestDefaultPackHasEveryContractRule(t *testing.T) {
	if len(DefaultPack.Rules) != len(ruleEffects) {
		t.Fatalf("%d rules, the contract has %d", len(DefaultPack.Rules), len(ruleEffects))
	}
	for id := range ruleEffects {
		r := DefaultPack.Rule(id)
		if r == nil || r.Summary == "" || r.Source == "" {
			t.Errorf("rule %s is missing or uncited", id)
		}
	}
}

// TestRuleSummariesAreOurOwnWords checks no summary copies a run of eight or
// more words from the seed texts.
func TestRuleSummariesAreOurOwnWords(t *testing.T) {
	seeds := readSeeds(t)
	var texts []string
	for _, r := range DefaultPack.Rules {
		texts = append(texts, r.Summary)
	}
	for _, it := range ChecklistItems {
		texts = append(texts, it.Summary)
	}
	for _, s := range texts {
		words := strings.Fields(normalizeWords(s))
		for i := 0; i+8 <= len(words); i++ {
			run := strings.Join(words[i:i+8], " ")
			if strings.Contains(seeds, run) {
				t.Errorf("summary copies the seed text %q: %s", run, s)
			}
		}
	}
}

func TestLoadPackFailsLoudly(t *testing.T) {
	valid := rulesJSON
	cases := []struct {
		name, data, field, id string
	}{
		{"malformed", `{"rules": [`, "", ""},
		{"no sources", strings.Replace(valid, `"sources"`, `"nosources"`, 1), "", ""},
		{"unknown id", strings.Replace(valid, `"abuse.chargeback"`, `"abuse.chargebacks"`, 1), "id", "abuse.chargebacks"},
		{"duplicate", strings.Replace(valid, `"abuse.chargeback"`, `"abuse.already_refunded"`, 1), "id", "abuse.already_refunded"},
		{"wrong effect", strings.Replace(valid, `"id": "inr.eligible", "effect": "eligible"`, `"id": "inr.eligible", "effect": "wait"`, 1), "effect", "inr.eligible"},
		{"missing source", strings.Replace(valid, `"source": "About AliExpress Buyer Protection, Fake items"`, `"source": ""`, 1), "source", "fake.imitation_listed"},
		{"uncited source", strings.Replace(valid, `"source": "About AliExpress Buyer Protection, Fake items"`, `"source": "Some blog, Fake items"`, 1), "source", "fake.imitation_listed"},
		{"source without section", strings.Replace(valid, `"source": "About AliExpress Buyer Protection, Fake items"`, `"source": "About AliExpress Buyer Protection"`, 1), "source", "fake.imitation_listed"},
		{"empty summary", strings.Replace(valid, `"summary": "An item that arrived broken`, `"summary": " ", "x": "`, 1), "summary", "broken.eligible"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.data == valid {
				t.Fatal("the mutation did not apply")
			}
			_, err := LoadPack(c.data)
			var pe *PackError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a PackError", err)
			}
			if pe.Field != c.field || pe.ID != c.id {
				t.Errorf("error %q names field %q id %q, want %q %q", err, pe.Field, pe.ID, c.field, c.id)
			}
		})
	}
	t.Run("missing rule", func(t *testing.T) {
		i := strings.Index(valid, `{"id": "broken.signed_receipt"`)
		data := strings.TrimRight(valid[:i], " \n,") + "\n]}"
		_, err := LoadPack(data)
		if err == nil || !strings.Contains(err.Error(), "broken.signed_receipt") {
			t.Errorf("got %v, want an error naming the missing rule", err)
		}
	})
}

func TestLoadChecklistFailsLoudly(t *testing.T) {
	for name, data := range map[string]string{
		"reordered":    strings.Replace(checklistJSON, `"pre.exact_variant"`, `"pre.package_contents"`, 1),
		"no source":    strings.Replace(checklistJSON, `"source": "AliExpress policies for buyers, Policy on Unpaid Items"`, `"source": "nowhere"`, 1),
		"not JSON":     "{",
		"short":        `{"items": []}`,
		"empty advice": strings.Replace(checklistJSON, `"summary": "Check that the delivery address`, `"summary": "", "x": "`, 1),
	} {
		if _, err := loadChecklist(data); err == nil {
			t.Errorf("%s: loaded without error", name)
		}
	}
}
