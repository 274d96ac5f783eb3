package assistant

import (
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// readData returns a file of data/, the JSON that rules_gen.go and
// checklist_gen.go are generated from.
func readData(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile("data/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestDefaultPackHasEveryContractRule(t *testing.T) {
	if len(DefaultPack.Rules) != len(contractRules) {
		t.Fatalf("%d rules, the contract has %d", len(DefaultPack.Rules), len(contractRules))
	}
	for _, c := range contractRules {
		r := DefaultPack.Rule(c.ID)
		if r == nil || r.Effect != c.Effect || r.Summary == "" || r.Source == "" {
			t.Errorf("rule %s is missing, uncited or of the wrong effect", c.ID)
		}
	}
}

// TestGeneratedDataIsTheJSON checks rules_gen.go and checklist_gen.go hold
// what the loaders read from data/ today: run go generate ./assistant/...
// (make generate) after editing the JSON.
func TestGeneratedDataIsTheJSON(t *testing.T) {
	p, err := LoadPack(readData(t, "rules.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p.Rules, DefaultPack.Rules) {
		t.Error("rules_gen.go differs from data/rules.json: run go generate ./assistant/...")
	}
	items, err := LoadChecklist(readData(t, "checklist.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(items, ChecklistItems) {
		t.Error("checklist_gen.go differs from data/checklist.json: run go generate ./assistant/...")
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
	valid := readData(t, "rules.json")
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
	checklistJSON := readData(t, "checklist.json")
	for name, data := range map[string]string{
		"reordered":    strings.Replace(checklistJSON, `"pre.exact_variant"`, `"pre.package_contents"`, 1),
		"no source":    strings.Replace(checklistJSON, `"source": "AliExpress policies for buyers, Policy on Unpaid Items"`, `"source": "nowhere"`, 1),
		"not JSON":     "{",
		"short":        `{"items": []}`,
		"empty advice": strings.Replace(checklistJSON, `"summary": "Check that the delivery address`, `"summary": "", "x": "`, 1),
	} {
		if _, err := LoadChecklist(data); err == nil {
			t.Errorf("%s: loaded without error", name)
		}
	}
}

// TestCitationFollowsTheClaim is named for a finding: "contact the seller
// first" for a fake item cited the not-received section, and a broken
// item's wait cited the not-as-described one.
func TestCitationFollowsTheClaim(t *testing.T) {
	inr := "About AliExpress Buyer Protection, What can you do if you did not receive your order?"
	rcv := "About AliExpress Buyer Protection, What can you do if the item you received is not as described?"
	today := mustDate("2026-11-22")
	for _, tc := range []struct {
		facts Facts
		want  string
	}{
		{Facts{Claim: Counterfeit, PaidOnPlatform: Yes, ListingCondition: ConditionNew}, rcv},
		{Facts{Claim: Broken, PaidOnPlatform: Yes}, rcv},
		{Facts{Claim: NotReceived, PaidOnPlatform: Yes, Tracking: TrackingLost}, inr},
		{Facts{Claim: Broken, PaidOnPlatform: Yes, RefundRequestedOn: today.AddDays(-2)}, rcv},
		{Facts{Claim: NotReceived, PaidOnPlatform: Yes, Tracking: TrackingLost, RefundRequestedOn: today.AddDays(-2)}, inr},
	} {
		v, err := Assess(Request{Today: today, Facts: tc.facts})
		if err != nil {
			t.Fatal(err)
		}
		if got := v.Rules[0].SourceFor(v.Claim); got != tc.want {
			t.Errorf("%s, %s: cites %q, want %q", tc.facts.Claim, v.Outcome, got, tc.want)
		}
	}
	bad := `{"sources": ["About AliExpress Buyer Protection"], "rules": [{"id": "dispute.seller_first", "effect": "contact_seller_first", "summary": "x",
		"source": "About AliExpress Buyer Protection, A", "sources_by_claim": {"stolen": "About AliExpress Buyer Protection, B"}}]}`
	if _, err := LoadPack(bad); err == nil || !strings.Contains(err.Error(), "sources_by_claim.stolen") {
		t.Errorf("an unknown claim in sources_by_claim: %v", err)
	}
}
