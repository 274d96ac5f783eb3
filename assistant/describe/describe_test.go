package describe

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
)

var update = flag.Bool("update", false, "rewrite the golden descriptions under testdata/golden")

// claimFacts are, per claim, facts that make the case eligible once the
// seller's 10 days are over.
var claimFacts = map[assistant.Claim]assistant.Facts{
	assistant.NotReceived: {Claim: assistant.NotReceived, PaidOnPlatform: assistant.Yes,
		Tracking: assistant.TrackingInTransit, DeliveryDeadline: mustDate("2026-11-05")},
	assistant.NotAsDescribed: {Claim: assistant.NotAsDescribed, PaidOnPlatform: assistant.Yes,
		Complaint: assistant.IsUsed, ListingCondition: assistant.ConditionNew},
	assistant.Counterfeit: {Claim: assistant.Counterfeit, PaidOnPlatform: assistant.Yes,
		ListingCondition: assistant.ConditionNew},
	assistant.Broken:       {Claim: assistant.Broken, PaidOnPlatform: assistant.Yes},
	assistant.MissingParts: {Claim: assistant.MissingParts, PaidOnPlatform: assistant.Yes, MissingItemInListing: assistant.Yes},
}

var story = Story{
	Ordered:    "A desk lamp, option black, ordered on 20 October.",
	Received:   "The parcel came on 12 November.",
	Difference: "The base is cracked and the switch does nothing.",
	Requested:  "A refund would settle it.",
}

// withOutcome returns the facts of a claim set up for an outcome.
func withOutcome(f assistant.Facts, o assistant.Outcome) assistant.Facts {
	switch o {
	case assistant.Eligible:
		f.RefundRequestedOn = mustDate("2026-11-08")
	case assistant.Wait:
		f.RefundRequestedOn = mustDate("2026-11-20")
	}
	return f
}

// TestFivePartsForEveryClaim: for every dispute claim and every outcome
// that gets a text, the description has the five parts in order, each
// with its heading and some text, and wait and contact_seller_first carry
// the date.
func TestFivePartsForEveryClaim(t *testing.T) {
	today := mustDate("2026-11-22")
	wantIDs := []string{PartOrdered, PartReceived, PartDifference, PartEvidence, PartRequested}
	for claim, facts := range claimFacts {
		for _, o := range []assistant.Outcome{assistant.Eligible, assistant.Wait, assistant.ContactSellerFirst} {
			for _, st := range []Story{story, {}} {
				f := withOutcome(facts, o)
				v, err := assistant.Assess(assistant.Request{Today: today, Facts: f})
				if err != nil || v.Outcome != o {
					t.Fatalf("%s/%s: fixture gives %s %v", claim, o, v.Outcome, err)
				}
				d := Describe(Input{Today: today, Facts: f, Verdict: v, Story: st,
					Evidence: []assistant.EvidenceID{assistant.PhotosItem, assistant.SellerChat}})
				name := string(claim) + "/" + string(o)
				if len(d.Parts) != 5 {
					t.Fatalf("%s: %d parts", name, len(d.Parts))
				}
				last := -1
				for i, p := range d.Parts {
					if p.ID != wantIDs[i] || p.Heading == "" || strings.TrimSpace(p.Text) == "" {
						t.Errorf("%s: part %d is %+v", name, i, p)
					}
					at := strings.Index(d.Text, p.Heading+"\n"+p.Text)
					if at <= last {
						t.Errorf("%s: part %s is not in order in the text", name, p.ID)
					}
					last = at
				}
				if (o == assistant.Eligible) != d.Date.IsZero() || (o != assistant.Eligible && d.Note == "") {
					t.Errorf("%s: date %v note %q", name, d.Date, d.Note)
				}
				if st.Ordered != "" && !strings.Contains(d.Text, st.Difference) {
					t.Errorf("%s: the buyer's own words are missing:\n%s", name, d.Text)
				}
			}
		}
	}
}

// TestNotEligibleHasNoText: a case the rules refuse gets no dispute text,
// only the reason and what to do instead; the tone check still runs.
func TestNotEligibleHasNoText(t *testing.T) {
	today := mustDate("2026-11-22")
	cases := []struct {
		facts assistant.Facts
		alt   string
	}{
		{assistant.Facts{Claim: assistant.NoLongerWanted}, "return_terms"},
		{assistant.Facts{Claim: assistant.Broken, RefundReceived: assistant.Yes}, "check_refund"},
		{assistant.Facts{Claim: assistant.NotReceived, PaidOnPlatform: assistant.Yes, Tracking: assistant.TrackingDelivered}, "ask_carrier"},
		{assistant.Facts{Claim: assistant.Broken, RequestedRemedy: assistant.ExtraCompensation}, "ask_order_only"},
		{assistant.Facts{Claim: assistant.MissingParts, PaidOnPlatform: assistant.Yes, MissingItemInListing: assistant.No}, "buy_part"},
		{assistant.Facts{Claim: assistant.Broken, PaidOnPlatform: assistant.No}, "payment_provider"},
	}
	for _, c := range cases {
		v, _ := assistant.Assess(assistant.Request{Today: today, Facts: c.facts})
		if v.Outcome != assistant.NotEligible {
			t.Fatalf("%+v: %s", c.facts, v.Outcome)
		}
		d := Describe(Input{Today: today, Facts: c.facts, Verdict: v,
			Story: Story{Difference: "You scammer, call me on +44 7700 900123."}})
		if d.Text != "" || d.Parts != nil {
			t.Errorf("%s: text for a refused case", v.Rules[0].ID)
		}
		if d.Reason == "" || !strings.Contains(d.Reason, v.Rules[0].Summary) || len(d.Rules) == 0 {
			t.Errorf("%s: reason %q", v.Rules[0].ID, d.Reason)
		}
		found := false
		for _, a := range d.Alternatives {
			found = found || a.ID == c.alt
		}
		if !found {
			t.Errorf("%s: alternatives %+v lack %s", v.Rules[0].ID, d.Alternatives, c.alt)
		}
		if len(d.Findings) < 2 {
			t.Errorf("%s: the tone check did not run: %+v", v.Rules[0].ID, d.Findings)
		}
	}
}

// TestNeedInfoHasNoText: no text until the last answer; the alternative
// names the remaining question as the wizard does, not by its fact id.
func TestNeedInfoHasNoText(t *testing.T) {
	today := mustDate("2026-11-22")
	f := assistant.Facts{Claim: assistant.Broken}
	v, _ := assistant.Assess(assistant.Request{Today: today, Facts: f})
	d := Describe(Input{Today: today, Facts: f, Verdict: v, Story: story})
	if d.Text != "" || len(d.Alternatives) != 1 || !strings.Contains(d.Alternatives[0].Text, "(Paid through the checkout)") {
		t.Errorf("%+v", d)
	}
}

func TestRemedyGrantedByRulesIsNamed(t *testing.T) {
	today := mustDate("2026-11-22")
	f := assistant.Facts{Claim: assistant.NotReceived, PaidOnPlatform: assistant.Yes,
		Tracking: assistant.TrackingLost, RefundRequestedOn: mustDate("2026-11-01")}
	v, _ := assistant.Assess(assistant.Request{Today: today, Facts: f})
	d := Describe(Input{Today: today, Facts: f, Verdict: v})
	if v.Remedy != assistant.FullRefund || !strings.Contains(d.Parts[4].Text, "Because the parcel is lost, I am asking for a full refund") {
		t.Errorf("%s", d.Parts[4].Text)
	}
}

func TestMissingEvidence(t *testing.T) {
	in := eligibleSNAD(story)
	in.Evidence = []assistant.EvidenceID{assistant.SellerChat, assistant.PhotosItem, assistant.PhotosItem, "bogus"}
	d := Describe(in)
	if len(d.Attached) != 2 || d.Attached[0] != assistant.PhotosItem || d.Attached[1] != assistant.SellerChat {
		t.Errorf("attached %v", d.Attached)
	}
	want := []assistant.EvidenceID{assistant.ListingScreenshot, assistant.SelectedOptionScreenshot, assistant.UnboxingVideo}
	if strings.Join(ids(d.Missing), ",") != strings.Join(ids(want), ",") {
		t.Errorf("missing %v", d.Missing)
	}
	for _, id := range assistant.EvidenceIDs {
		if EvidencePhrase(i18n.For(i18n.English), id) == "" {
			t.Errorf("no words for %s", id)
		}
	}
}

func ids(s []assistant.EvidenceID) []string {
	out := make([]string, len(s))
	for i, id := range s {
		out[i] = string(id)
	}
	return out
}

// goldenStories are realistic stories per claim, some with things the tone
// check must take out.
var goldenStories = map[assistant.Claim]Story{
	assistant.NotReceived: {Ordered: "A pair of wireless earbuds, colour white, ordered on 10 October.",
		Requested: "I WANT MY MONEY BACK!!!"},
	assistant.NotAsDescribed: {Ordered: "A leather wallet listed as brand new, brown.",
		Received:   "The wallet arrived on 3 November in a plain bag.",
		Difference: "The edges are worn, there is a name written inside and the zip is loose. Seller is a liar.",
		Requested:  "Full refund please, I can send it back."},
	assistant.Counterfeit: {Ordered: "Running shoes from the brand's official-looking store, size 43.",
		Received:   "The box came on 9 November without the usual tag.",
		Difference: "The logo is stitched differently from the genuine pair and there is no serial label inside the tongue."},
	assistant.Broken: {Ordered: "A glass teapot, 1 litre.",
		Received:   "It arrived in pieces on 15 November; the box was crushed on one corner.",
		Difference: "The glass body is shattered, so it cannot be used. Call me at +1 415 555 0132."},
	assistant.MissingParts: {Ordered: "A drill set listed with 2 batteries and a charger.",
		Received:   "The case arrived on 7 November with the drill and one battery.",
		Difference: "The second battery and the charger were missing.",
		Requested:  "Send the missing battery and charger, plus a free bit set for my trouble."},
}

// TestGoldenDescriptions compares one eligible description per claim with
// testdata/golden/<claim>.txt; a difference writes <claim>.actual.txt
// beside it. Run with -update to accept new wording.
func TestGoldenDescriptions(t *testing.T) {
	today := mustDate("2026-11-22")
	for claim, facts := range claimFacts {
		f := withOutcome(facts, assistant.Eligible)
		v, _ := assistant.Assess(assistant.Request{Today: today, Facts: f})
		d := Describe(Input{Today: today, Facts: f, Verdict: v, Story: goldenStories[claim],
			Evidence: []assistant.EvidenceID{assistant.PhotosItem, assistant.UnboxingVideo, assistant.SellerChat,
				assistant.TrackingRecord, assistant.QuantityPhoto}})
		path := filepath.Join("testdata", "golden", string(claim)+".txt")
		if *update {
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, []byte(d.Text+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		actual := strings.TrimSuffix(path, ".txt") + ".actual.txt"
		if string(want) != d.Text+"\n" {
			os.WriteFile(actual, []byte(d.Text+"\n"), 0o644)
			t.Errorf("%s differs; see %s", path, actual)
		} else {
			os.Remove(actual)
		}
	}
}

// TestNoRoboticPhrases keeps the wording natural: no letter-writing
// boilerplate, and no two claims share the difference sentence.
func TestNoRoboticPhrases(t *testing.T) {
	today := mustDate("2026-11-22")
	seen := map[string]assistant.Claim{}
	for claim, facts := range claimFacts {
		f := withOutcome(facts, assistant.Eligible)
		v, _ := assistant.Assess(assistant.Request{Today: today, Facts: f})
		d := Describe(Input{Today: today, Facts: f, Verdict: v})
		low := strings.ToLower(d.Text)
		for _, p := range []string{"i am writing to", "to whom it may concern", "dear sir", "please be informed",
			"kindly", "hereby", "inform you", "as per", "valued customer"} {
			if strings.Contains(low, p) {
				t.Errorf("%s: robotic phrase %q", claim, p)
			}
		}
		if other, dup := seen[d.Parts[2].Text]; dup {
			t.Errorf("%s and %s share the same difference text", claim, other)
		}
		seen[d.Parts[2].Text] = claim
	}
}

// TestTextCopiesNoSeed: our sentences are our own words; no run of eight
// words is taken from the seed texts.
func TestTextCopiesNoSeed(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("seed texts not found beside the repository")
	}
	var seeds strings.Builder
	for _, f := range files {
		data, _ := os.ReadFile(f)
		seeds.WriteString(words(string(data)))
		seeds.WriteByte(' ')
	}
	all := " " + strings.Join(strings.Fields(seeds.String()), " ") + " "
	var texts []string
	for _, s := range suggestions {
		texts = append(texts, s)
	}
	en := i18n.For(i18n.English)
	texts = append(texts, alternative(en, "contact_seller").Text)
	for _, keys := range ruleAlternatives {
		for _, k := range keys {
			texts = append(texts, alternative(en, k).Text)
		}
	}
	today := mustDate("2026-11-22")
	for _, facts := range claimFacts {
		for _, o := range []assistant.Outcome{assistant.Eligible, assistant.Wait, assistant.ContactSellerFirst} {
			f := withOutcome(facts, o)
			v, _ := assistant.Assess(assistant.Request{Today: today, Facts: f})
			d := Describe(Input{Today: today, Facts: f, Verdict: v, Evidence: assistant.EvidenceIDs})
			texts = append(texts, d.Text, d.Note)
		}
	}
	for _, s := range texts {
		w := strings.Fields(words(s))
		for i := 0; i+8 <= len(w); i++ {
			if run := strings.Join(w[i:i+8], " "); strings.Contains(all, " "+run+" ") {
				t.Errorf("copies the seed text %q", run)
			}
		}
	}
}

func words(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return ' '
	}, s)
}
