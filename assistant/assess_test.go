package assistant

import (
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
			FactSignedBeforeInspection, FactCustomsReason, FactSellerContacted, FactRefundRequestedOn}
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
	wantWarning := req.Facts.Claim == Broken && req.Facts.SignedBeforeInspection == Yes &&
		(v.Outcome == Eligible || v.Outcome == Wait || v.Outcome == ContactSellerFirst)
	if gotWarning := len(v.Warnings) == 1 && v.Warnings[0].ID == RuleBrokenSignedReceipt; gotWarning != wantWarning || len(v.Warnings) > 1 {
		fail("broken.signed_receipt must be warned of exactly when a broken item was signed for and a date is given")
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
