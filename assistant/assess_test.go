package assistant

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomFacts draws a fact set where each fact is absent about a third of
// the time, from the bytes of r.
func randomFacts(r *rand.Rand, today Date) Facts {
	var f Facts
	for i := range DisputeFacts {
		spec := &DisputeFacts[i]
		if r.IntN(3) == 0 {
			continue
		}
		switch spec.Kind {
		case KindEnum:
			spec.SetEnum(&f, spec.Values[r.IntN(len(spec.Values))])
		case KindBool:
			spec.SetBool(&f, r.IntN(2) == 0)
		case KindDate:
			spec.SetDate(&f, today.AddDays(r.IntN(80)-50))
		}
	}
	return f
}

// checkInvariants checks what the contract promises of every verdict.
func checkInvariants(t *testing.T, req Request, v Verdict) {
	t.Helper()
	fail := func(msg string) { t.Fatalf("%s\nfacts %+v\nverdict %+v", msg, req.Facts, v) }
	switch v.Outcome {
	case NeedInfo:
		if v.NextQuestion == "" || len(v.Rules) != 0 || len(v.Evidence) != 0 || !v.EarliestDate.IsZero() {
			fail("need_info must name a question and nothing else")
		}
		if spec, _ := LookupFact(string(v.NextQuestion)); spec == nil {
			fail("next_question is not a fact")
		} else if _, known := spec.Value(&req.Facts); known {
			fail("asked for a fact that is known")
		}
		never := []Fact{FactRefundReceived, FactChargebackFiled, FactPreviousDisputeSameReason, FactNewEvidence,
			FactMotiveRetaliation, FactRequestedRemedy, FactReceived, FactItemMatchesListing,
			FactSignedBeforeInspection, FactCustomsReason, FactSellerContacted, FactRefundRequestedOn, FactProtectionEndsOn}
		if slices.Contains(never, v.NextQuestion) {
			fail("asked for a fact that is never asked")
		}
	case NotEligible:
		if len(v.Rules) == 0 || len(v.Evidence) != 0 || !v.EarliestDate.IsZero() || v.NextQuestion != "" {
			fail("not_eligible needs rules, and no evidence, date or question")
		}
		for _, r := range v.Rules {
			if r.Effect != EffectNotEligible {
				fail("not_eligible decided by a rule of effect " + string(r.Effect))
			}
		}
	case Wait:
		if !req.Today.Before(v.EarliestDate) {
			fail("wait must end after today")
		}
	case ContactSellerFirst:
		if v.EarliestDate.Sub(req.Today) < RefundWaitDays || len(v.Rules) != 1 || v.Rules[0].ID != RuleSellerFirst {
			fail("contact_seller_first must be dispute.seller_first, at least 10 days out")
		}
	case Eligible:
		if v.EarliestDate.IsZero() || req.Today.Before(v.EarliestDate) {
			fail("eligible must have an earliest date not after today")
		}
		if v.Rules[0].Effect != EffectEligible || len(v.Evidence) == 0 {
			fail("eligible must start with the claim's eligible rule and list evidence")
		}
	default:
		fail("unknown outcome")
	}
	if v.Outcome != Eligible && v.Remedy != "" {
		fail("a remedy belongs to eligible verdicts")
	}
	// Warnings inform every outcome with a date (clarification 2 of 2026-11-23).
	dated := v.Outcome == Eligible || v.Outcome == Wait || v.Outcome == ContactSellerFirst
	var want []string
	if req.Facts.Claim == Broken && req.Facts.SignedBeforeInspection == Yes && dated {
		want = append(want, RuleBrokenSignedReceipt)
	}
	// The last day (additive): the end of Buyer Protection, for an outcome
	// with a date, and a warning when it comes before the first day a
	// dispute can be opened (today, once the earliest date has passed).
	ends := req.Facts.ProtectionEndsOn
	wantLast := Date{}
	if dated {
		wantLast = ends
	}
	if v.LastDate != wantLast {
		fail("last_date must be protection_ends_on exactly when a date is given")
	}
	if dated && !ends.IsZero() && ends.Before(Later(v.EarliestDate, req.Today)) {
		want = append(want, RuleProtectionEndsFirst)
	}
	var got []string
	for _, w := range v.Warnings {
		got = append(got, w.ID)
	}
	if !slices.Equal(got, want) {
		fail(fmt.Sprintf("warnings %v, want %v: broken.signed_receipt when a broken item was signed for, "+
			"dispute.protection_ends_first when protection ends first, and only with a date", got, want))
	}
	// A date is never given while the end of an in-transit delivery period
	// is unknown (clarification 1 of 2026-11-23).
	if req.Facts.Claim == NotReceived && req.Facts.Tracking == TrackingInTransit && req.Facts.DeliveryDeadline.IsZero() && !v.EarliestDate.IsZero() {
		fail("a date was given for a parcel in transit with no delivery deadline")
	}
	if v.Claim != req.Facts.Claim {
		fail("the verdict must echo the claim")
	}
}

func TestInvariantsOnRandomFacts(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	today := mustDate("2026-11-22")
	counts := map[Outcome]int{}
	for i := 0; i < 200000; i++ {
		req := Request{Today: today, Facts: randomFacts(r, today)}
		v, err := Assess(req)
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, req, v)
		counts[v.Outcome]++
	}
	for _, o := range []Outcome{Eligible, Wait, ContactSellerFirst, NotEligible, NeedInfo} {
		if counts[o] == 0 {
			t.Errorf("no random case reached %s", o)
		}
	}
}

// TestAnsweringTheQuestionMovesOn checks the wizard loop terminates: asking
// the next question and answering it never asks the same question again.
func TestAnsweringTheQuestionMovesOn(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	today := mustDate("2026-11-22")
	for i := 0; i < 20000; i++ {
		req := Request{Today: today, Facts: randomFacts(r, today)}
		asked := map[Fact]bool{}
		for step := 0; ; step++ {
			v, _ := Assess(req)
			if v.Outcome != NeedInfo {
				break
			}
			if asked[v.NextQuestion] || step > len(DisputeFacts) {
				t.Fatalf("asked %s twice for %+v", v.NextQuestion, req.Facts)
			}
			asked[v.NextQuestion] = true
			spec, _ := LookupFact(string(v.NextQuestion))
			switch spec.Kind {
			case KindEnum:
				spec.SetEnum(&req.Facts, spec.Values[r.IntN(len(spec.Values))])
			case KindBool:
				spec.SetBool(&req.Facts, r.IntN(2) == 0)
			case KindDate:
				spec.SetDate(&req.Facts, today.AddDays(r.IntN(40)-20))
			}
		}
	}
}

// TestLastDate: the end of Buyer Protection is the verdict's last day and
// warns when it comes first; it never changes the outcome or the earliest
// date, and a verdict with no date has no last day.
func TestLastDate(t *testing.T) {
	today := mustDate("2026-11-22")
	broken := func(requested, ends string) Facts {
		f := Facts{Claim: Broken, PaidOnPlatform: Yes, ProtectionEndsOn: mustDate(ends)}
		if requested != "" {
			f.RefundRequestedOn = mustDate(requested)
		}
		return f
	}
	cases := []struct {
		name    string
		facts   Facts
		outcome Outcome
		warned  bool
	}{
		{"wait, protection ends after", broken("2026-11-20", "2026-12-30"), Wait, false},
		{"wait, protection ends the earliest day", broken("2026-11-20", "2026-11-30"), Wait, false},
		{"wait, protection ends the day before", broken("2026-11-20", "2026-11-29"), Wait, true},
		{"wait, protection ended", broken("2026-11-20", "2026-11-01"), Wait, true},
		{"seller first, protection ends in 5 days", broken("", "2026-11-27"), ContactSellerFirst, true},
		{"seller first, protection ends in 40 days", broken("", "2027-01-01"), ContactSellerFirst, false},
		{"eligible, protection ends today", broken("2026-11-01", "2026-11-22"), Eligible, false},
		{"eligible, protection ended yesterday", broken("2026-11-01", "2026-11-21"), Eligible, true},
		{"not eligible has no last day", Facts{Claim: NoLongerWanted, ProtectionEndsOn: mustDate("2026-12-01")}, NotEligible, false},
	}
	for _, c := range cases {
		v, _ := Assess(Request{Today: today, Facts: c.facts})
		without := c.facts
		without.ProtectionEndsOn = Date{}
		w, _ := Assess(Request{Today: today, Facts: without})
		if v.Outcome != c.outcome || v.Outcome != w.Outcome || v.EarliestDate != w.EarliestDate {
			t.Errorf("%s: %s %s, without the fact %s %s", c.name, v.Outcome, v.EarliestDate, w.Outcome, w.EarliestDate)
		}
		warned := len(v.Warnings) > 0 && v.Warnings[len(v.Warnings)-1].ID == RuleProtectionEndsFirst
		if warned != c.warned {
			t.Errorf("%s: warned %v, want %v", c.name, warned, c.warned)
		}
		if dated := c.outcome != NotEligible; dated != (v.LastDate == c.facts.ProtectionEndsOn) || !dated && !v.LastDate.IsZero() {
			t.Errorf("%s: last date %s", c.name, v.LastDate)
		}
	}
}

func TestAssessNeedsToday(t *testing.T) {
	_, err := Assess(Request{Facts: Facts{Claim: Broken}})
	if e, ok := err.(*Error); !ok || e.Field != "today" {
		t.Fatalf("got %v, want an error naming today", err)
	}
}

// TestAbsentIsNotFalse: paid_on_platform absent asks, false decides.
func TestAbsentIsNotFalse(t *testing.T) {
	today := mustDate("2026-11-22")
	v, _ := Assess(Request{Today: today, Facts: Facts{Claim: Broken}})
	if v.Outcome != NeedInfo || v.NextQuestion != FactPaidOnPlatform {
		t.Errorf("absent: %+v", v)
	}
	v, _ = Assess(Request{Today: today, Facts: Facts{Claim: Broken, PaidOnPlatform: No}})
	if v.Outcome != NotEligible || v.Rules[0].ID != RuleEscrowOnly {
		t.Errorf("false: %+v", v)
	}
}

func FuzzAssess(f *testing.F) {
	f.Add(uint64(1), uint64(2), 0)
	f.Add(uint64(42), uint64(7), 3000)
	f.Fuzz(func(t *testing.T, s1, s2 uint64, todayOffset int) {
		r := rand.New(rand.NewPCG(s1, s2))
		today := mustDate("2026-11-22").AddDays(todayOffset % 100000)
		req := Request{Today: today, Facts: randomFacts(r, today)}
		v, err := Assess(req)
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, req, v)
	})
}

var sinkVerdict Verdict

func BenchmarkAssess(b *testing.B) {
	today := mustDate("2026-11-22")
	reqs := []Request{
		{Today: today, Facts: Facts{Claim: NotReceived, PaidOnPlatform: Yes, Tracking: TrackingInTransit,
			DeliveryDeadline: mustDate("2026-11-05"), RefundRequestedOn: mustDate("2026-11-08")}},
		{Today: today, Facts: Facts{Claim: Broken, PaidOnPlatform: Yes, SignedBeforeInspection: Yes,
			RefundRequestedOn: mustDate("2026-11-01")}},
		{Today: today, Facts: Facts{Claim: NotAsDescribed, PaidOnPlatform: Yes, Complaint: IsUsed, ListingCondition: ConditionUsed}},
		{Today: today, Facts: Facts{}},
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkVerdict, _ = Assess(reqs[i%len(reqs)])
	}
}
