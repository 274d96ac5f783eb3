package assistant

// Outcome is the verdict's one-word answer.
type Outcome string

const (
	Eligible           Outcome = "eligible"
	Wait               Outcome = "wait"
	ContactSellerFirst Outcome = "contact_seller_first"
	NotEligible        Outcome = "not_eligible"
	NeedInfo           Outcome = "need_info"
)

// Request is one assessment: the facts as the buyer knows them and today's
// date, which the caller supplies (the engine never reads a clock).
type Request struct {
	Today Date
	Facts Facts
}

// Verdict is the answer of Assess (dispute-v1, "Verdict").
type Verdict struct {
	Outcome Outcome
	Claim   Claim
	// EarliestDate is the day a dispute became or becomes possible; zero when
	// not known or not relevant.
	EarliestDate Date
	// Rules lists the deciding rules, deciding rule first, then rules that
	// only inform (a remedy).
	Rules    []*Rule
	Remedy   Remedy
	Evidence []Evidence // shared; do not modify
	Warnings []*Rule
	// LastDate (additive) is the last day to open the dispute: the end of
	// Buyer Protection the buyer read in the order's details
	// (protection_ends_on). It is set for the outcomes that give a date
	// (eligible, wait, contact_seller_first) when that fact is known; when
	// it comes before the first day a dispute can be opened (today, for
	// eligible), the warning dispute.protection_ends_first says so.
	LastDate Date
	// NextQuestion is the fact to ask for when Outcome is NeedInfo.
	NextQuestion Fact
}

// RefundWaitDays is how long the seller has to settle a refund request
// before a dispute can be opened.
const RefundWaitDays = 10

// Assess applies the dispute rules to the facts, in the contract's order of
// application: conduct, protection scope, claim exceptions, seller first,
// timing, eligible. The first step that decides, decides; within it, every
// rule that applies is listed. A step that cannot decide because a fact it
// reads is unknown asks for that fact (NeedInfo). Today must be known.
func (p *Pack) Assess(req Request) (Verdict, error) {
	if req.Today.IsZero() {
		return Verdict{}, Errorf(ECodeInvalid, "today", "today's date is required")
	}
	f := &req.Facts
	a := assessment{pack: p, v: Verdict{Claim: f.Claim}}

	// 1. Conduct.
	a.when(f.RefundReceived == Yes, RuleAlreadyRefunded)
	a.when(f.ChargebackFiled == Yes, RuleChargeback)
	a.when(f.PreviousDisputeSameReason == Yes && f.NewEvidence != Yes, RuleDuplicate)
	a.when(f.MotiveRetaliation == Yes, RuleRetaliation)
	a.when(f.RequestedRemedy == ExtraCompensation, RuleExtraDemand)
	if a.decided(NotEligible) {
		return a.v, nil
	}

	// 2. Protection scope.
	a.when(f.Claim == NoLongerWanted, RuleNotWanted)
	a.when(f.PaidOnPlatform == No, RuleEscrowOnly)
	if a.decided(NotEligible) {
		return a.v, nil
	}
	if f.Claim == "" {
		return a.ask(FactClaim), nil
	}
	if f.PaidOnPlatform == Unknown {
		return a.ask(FactPaidOnPlatform), nil
	}

	// 3. Claim exceptions.
	var missing Fact
	switch f.Claim {
	case NotReceived:
		a.when(f.Received == Yes, RuleINRReceived)
		a.when(f.Tracking == TrackingDelivered, RuleINRDelivered)
		a.when(f.Tracking == TrackingSeized && f.CustomsReason == CustomsBuyerImportRules, RuleINRCustomsBuyer)
		if f.Tracking == "" {
			missing = FactTracking
		}
	case NotAsDescribed:
		listed := func(c Condition) bool { return f.ListingCondition == c }
		a.when(f.ItemMatchesListing == Yes, RuleSNADMatches)
		a.when(f.Complaint == IsUsed && listed(ConditionUsed), RuleSNADUsedListed)
		a.when(f.Complaint == IsDefective && listed(ConditionDefective), RuleSNADDefectiveListed)
		a.when(f.Complaint == MinorScratches && listed(ConditionUsed), RuleSNADScratchesUsed)
		a.when(f.Complaint == BelowExpectations, RuleSNADExpectations)
		switch f.Complaint {
		case "":
			missing = FactComplaint
		case IsUsed, IsDefective, MinorScratches:
			if f.ListingCondition == "" {
				missing = FactListingCondition
			}
		}
	case Counterfeit:
		a.when(f.ListingCondition == ConditionImitation, RuleFakeImitation)
		if f.ListingCondition == "" {
			missing = FactListingCondition
		}
	case MissingParts:
		a.when(f.MissingItemInListing == No, RuleMissingNotListed)
		if f.MissingItemInListing == Unknown {
			missing = FactMissingItemInListing
		}
	}
	if a.decided(NotEligible) {
		return a.v, nil
	}
	if missing != "" {
		return a.ask(missing), nil
	}

	// A parcel still moving may arrive until the end of the delivery period;
	// one never shipped, untracked, lost or seized cannot, so only the
	// seller's 10 days apply to it. Its delivery date is asked before any date is given, since the end of
	// the delivery period can push every date later (clarification 1 of
	// 2026-11-23).
	inTransit := f.Claim == NotReceived && f.Tracking == TrackingInTransit
	var deliveryOver Date // the first day after the delivery period
	if inTransit {
		if f.DeliveryDeadline.IsZero() {
			return a.ask(FactDeliveryDeadline), nil
		}
		deliveryOver = f.DeliveryDeadline.AddDays(1)
	}
	// The signed-receipt warning informs every outcome that gives a date
	// (clarification 2 of 2026-11-23); it never changes the outcome.
	if f.Claim == Broken && f.SignedBeforeInspection == Yes {
		a.v.Warnings = []*Rule{p.Rule(RuleBrokenSignedReceipt)}
	}

	// 4. Seller first.
	if f.RefundRequestedOn.IsZero() {
		a.v.EarliestDate = Later(req.Today.AddDays(RefundWaitDays), deliveryOver)
		a.v.Evidence = EvidenceFor(f)
		a.when(true, RuleSellerFirst)
		a.decided(ContactSellerFirst)
		a.lastDay(f.ProtectionEndsOn, req.Today)
		return a.v, nil
	}

	// 5. Timing.
	tenDaysOver := f.RefundRequestedOn.AddDays(RefundWaitDays)
	a.when(req.Today.Before(tenDaysOver), RuleWait10Days)
	a.when(inTransit && req.Today.Before(deliveryOver), RuleINRDeliveryPeriod)
	earliest := Later(tenDaysOver, deliveryOver)
	if a.decided(Wait) {
		a.v.EarliestDate = earliest
		a.v.Evidence = EvidenceFor(f)
		a.lastDay(f.ProtectionEndsOn, req.Today)
		return a.v, nil
	}

	// 6. Eligible.
	a.v.EarliestDate = earliest
	a.v.Evidence = EvidenceFor(f)
	switch f.Claim {
	case NotReceived:
		a.when(true, RuleINREligible)
		if fullRefund(f) {
			a.when(true, RuleINRFullRefund)
			a.v.Remedy = FullRefund
		}
	case NotAsDescribed:
		a.when(true, RuleSNADEligible)
	case Counterfeit:
		a.when(true, RuleFakeEligible)
	case Broken:
		a.when(true, RuleBrokenEligible)
	case MissingParts:
		a.when(true, RuleMissingEligible)
		a.when(true, RuleMissingRemedies)
	}
	a.decided(Eligible)
	a.lastDay(f.ProtectionEndsOn, req.Today)
	return a.v, nil
}

// fullRefund reports whether the platform refunds a missing parcel in full.
func fullRefund(f *Facts) bool {
	switch f.Tracking {
	case TrackingNotShipped, TrackingNone, TrackingInvalid, TrackingLost:
		return true
	case TrackingSeized:
		return f.CustomsReason == CustomsSellerFalseDeclaration || f.CustomsReason == CustomsProhibitedOrFake
	}
	return false
}

// Assess runs the embedded rule pack; see Pack.Assess.
func Assess(req Request) (Verdict, error) { return DefaultPack.Assess(req) }

// assessment collects the rules that apply within one step.
type assessment struct {
	pack    *Pack
	v       Verdict
	pending [6]*Rule
	n       int
}

// when notes the rule if cond holds.
func (a *assessment) when(cond bool, id string) {
	if cond {
		a.pending[a.n] = a.pack.Rule(id)
		a.n++
	}
}

// decided closes a step: if any rule applied, the verdict takes the outcome
// and those rules, and the step decides.
func (a *assessment) decided(o Outcome) bool {
	if a.n == 0 {
		return false
	}
	a.v.Outcome = o
	a.v.Rules = append([]*Rule(nil), a.pending[:a.n]...)
	if o == NotEligible {
		a.v.EarliestDate = Date{}
	}
	return true
}

// lastDay gives a verdict that has its earliest date the last day too, the
// end of Buyer Protection (unknown: none), and warns when that day comes
// before the first day a dispute can be opened, which is today once the
// earliest date has passed. A warning never changes the outcome.
func (a *assessment) lastDay(protectionEnds, today Date) {
	if protectionEnds.IsZero() {
		return
	}
	a.v.LastDate = protectionEnds
	if protectionEnds.Before(Later(a.v.EarliestDate, today)) {
		a.v.Warnings = append(a.v.Warnings, a.pack.Rule(RuleProtectionEndsFirst))
	}
}

func (a *assessment) ask(f Fact) Verdict {
	return Verdict{Outcome: NeedInfo, Claim: a.v.Claim, NextQuestion: f}
}
