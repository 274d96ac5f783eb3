package assistant

// Bool is a yes/no fact that may also be unknown. Absent and false are
// different facts: only Unknown may make the engine ask a question.
type Bool uint8

const (
	Unknown Bool = iota
	No
	Yes
)

// BoolOf converts a known Go bool.
func BoolOf(b bool) Bool {
	if b {
		return Yes
	}
	return No
}

// Claim is the buyer's problem with the order.
type Claim string

const (
	NotReceived    Claim = "not_received"
	NotAsDescribed Claim = "not_as_described"
	Counterfeit    Claim = "counterfeit"
	Broken         Claim = "broken"
	MissingParts   Claim = "missing_parts"
	NoLongerWanted Claim = "no_longer_wanted"
)

// Tracking is what the carrier's tracking says about the parcel.
type Tracking string

const (
	TrackingNone       Tracking = "none"
	TrackingInvalid    Tracking = "invalid"
	TrackingNotShipped Tracking = "not_shipped"
	TrackingInTransit  Tracking = "in_transit"
	TrackingDelivered  Tracking = "delivered"
	TrackingLost       Tracking = "lost"
	TrackingSeized     Tracking = "seized_by_customs"
)

// CustomsReason says why customs seized the parcel.
type CustomsReason string

const (
	CustomsSellerFalseDeclaration CustomsReason = "seller_false_declaration"
	CustomsProhibitedOrFake       CustomsReason = "prohibited_or_fake"
	CustomsBuyerImportRules       CustomsReason = "buyer_import_rules"
	CustomsUnknown                CustomsReason = "unknown"
)

// Condition is what the listing clearly states about the item's condition.
type Condition string

const (
	ConditionNew       Condition = "new"
	ConditionUsed      Condition = "used"
	ConditionDefective Condition = "defective"
	ConditionImitation Condition = "imitation"
)

// Complaint narrows a not_as_described claim.
type Complaint string

const (
	DifferentItem     Complaint = "different_item"
	DifferentSpec     Complaint = "different_spec"
	IsUsed            Complaint = "is_used"
	IsDefective       Complaint = "is_defective"
	BelowExpectations Complaint = "below_expectations"
	MinorScratches    Complaint = "minor_scratches"
)

// Remedy is a solution the buyer asks for, or the one the rules grant.
type Remedy string

const (
	FullRefund        Remedy = "full_refund"
	PartialRefund     Remedy = "partial_refund"
	Replacement       Remedy = "replacement"
	ShipMissing       Remedy = "ship_missing"
	ReturnAndRefund   Remedy = "return_and_refund"
	ExtraCompensation Remedy = "extra_compensation"
)

// Facts is what the buyer has told us about one order. The zero value of
// every field means unknown.
type Facts struct {
	Claim                     Claim
	PaidOnPlatform            Bool
	DeliveryDeadline          Date
	Tracking                  Tracking
	CustomsReason             CustomsReason
	Received                  Bool
	ListingCondition          Condition
	Complaint                 Complaint
	ItemMatchesListing        Bool
	SignedBeforeInspection    Bool
	MissingItemInListing      Bool
	SellerContacted           Bool
	RefundRequestedOn         Date
	RefundReceived            Bool
	ChargebackFiled           Bool
	PreviousDisputeSameReason Bool
	NewEvidence               Bool
	RequestedRemedy           Remedy
	MotiveRetaliation         Bool
	// ProtectionEndsOn is additive (not in dispute-v1's table): the day
	// Buyer Protection ends, as the order's details show it. It never
	// changes the outcome; it gives the verdict its LastDate.
	ProtectionEndsOn Date
}

// Fact names a fact of the dispute contract (dispute-v1).
type Fact string

const (
	FactClaim                     Fact = "claim"
	FactPaidOnPlatform            Fact = "paid_on_platform"
	FactDeliveryDeadline          Fact = "delivery_deadline"
	FactTracking                  Fact = "tracking"
	FactCustomsReason             Fact = "customs_reason"
	FactReceived                  Fact = "received"
	FactListingCondition          Fact = "listing_condition"
	FactComplaint                 Fact = "complaint"
	FactItemMatchesListing        Fact = "item_matches_listing"
	FactSignedBeforeInspection    Fact = "signed_before_inspection"
	FactMissingItemInListing      Fact = "missing_item_in_listing"
	FactSellerContacted           Fact = "seller_contacted"
	FactRefundRequestedOn         Fact = "refund_requested_on"
	FactRefundReceived            Fact = "refund_received"
	FactChargebackFiled           Fact = "chargeback_filed"
	FactPreviousDisputeSameReason Fact = "previous_dispute_same_reason"
	FactNewEvidence               Fact = "new_evidence"
	FactRequestedRemedy           Fact = "requested_remedy"
	FactMotiveRetaliation         Fact = "motive_retaliation"
	FactProtectionEndsOn          Fact = "protection_ends_on" // additive, optional
)

// Kind is the JSON type of a fact's value.
type Kind uint8

const (
	KindEnum Kind = iota + 1
	KindBool
	KindDate
)

func (k Kind) String() string {
	switch k {
	case KindEnum:
		return "string"
	case KindBool:
		return "boolean"
	case KindDate:
		return "date"
	}
	return "?"
}

// FactSpec describes one fact: its name, its kind and, for enums, the
// allowed values in the contract's order.
type FactSpec struct {
	Name   Fact
	Kind   Kind
	Values []string

	getEnum func(*Facts) string
	setEnum func(*Facts, string)
	bool    func(*Facts) *Bool
	date    func(*Facts) *Date
}

func enumFact[T ~string](name Fact, field func(*Facts) *T, values ...T) FactSpec {
	vs := make([]string, len(values))
	for i, v := range values {
		vs[i] = string(v)
	}
	return FactSpec{Name: name, Kind: KindEnum, Values: vs,
		getEnum: func(f *Facts) string { return string(*field(f)) },
		setEnum: func(f *Facts, v string) { *field(f) = T(v) }}
}

func boolFact(name Fact, field func(*Facts) *Bool) FactSpec {
	return FactSpec{Name: name, Kind: KindBool, bool: field}
}

func dateFact(name Fact, field func(*Facts) *Date) FactSpec {
	return FactSpec{Name: name, Kind: KindDate, date: field}
}

// DisputeFacts lists every fact of the dispute contract in the spec's order,
// then the additive ones.
var DisputeFacts = []FactSpec{
	enumFact(FactClaim, func(f *Facts) *Claim { return &f.Claim },
		NotReceived, NotAsDescribed, Counterfeit, Broken, MissingParts, NoLongerWanted),
	boolFact(FactPaidOnPlatform, func(f *Facts) *Bool { return &f.PaidOnPlatform }),
	dateFact(FactDeliveryDeadline, func(f *Facts) *Date { return &f.DeliveryDeadline }),
	enumFact(FactTracking, func(f *Facts) *Tracking { return &f.Tracking },
		TrackingNone, TrackingInvalid, TrackingNotShipped, TrackingInTransit, TrackingDelivered, TrackingLost, TrackingSeized),
	enumFact(FactCustomsReason, func(f *Facts) *CustomsReason { return &f.CustomsReason },
		CustomsSellerFalseDeclaration, CustomsProhibitedOrFake, CustomsBuyerImportRules, CustomsUnknown),
	boolFact(FactReceived, func(f *Facts) *Bool { return &f.Received }),
	enumFact(FactListingCondition, func(f *Facts) *Condition { return &f.ListingCondition },
		ConditionNew, ConditionUsed, ConditionDefective, ConditionImitation),
	enumFact(FactComplaint, func(f *Facts) *Complaint { return &f.Complaint },
		DifferentItem, DifferentSpec, IsUsed, IsDefective, BelowExpectations, MinorScratches),
	boolFact(FactItemMatchesListing, func(f *Facts) *Bool { return &f.ItemMatchesListing }),
	boolFact(FactSignedBeforeInspection, func(f *Facts) *Bool { return &f.SignedBeforeInspection }),
	boolFact(FactMissingItemInListing, func(f *Facts) *Bool { return &f.MissingItemInListing }),
	boolFact(FactSellerContacted, func(f *Facts) *Bool { return &f.SellerContacted }),
	dateFact(FactRefundRequestedOn, func(f *Facts) *Date { return &f.RefundRequestedOn }),
	boolFact(FactRefundReceived, func(f *Facts) *Bool { return &f.RefundReceived }),
	boolFact(FactChargebackFiled, func(f *Facts) *Bool { return &f.ChargebackFiled }),
	boolFact(FactPreviousDisputeSameReason, func(f *Facts) *Bool { return &f.PreviousDisputeSameReason }),
	boolFact(FactNewEvidence, func(f *Facts) *Bool { return &f.NewEvidence }),
	enumFact(FactRequestedRemedy, func(f *Facts) *Remedy { return &f.RequestedRemedy },
		FullRefund, PartialRefund, Replacement, ShipMissing, ReturnAndRefund, ExtraCompensation),
	boolFact(FactMotiveRetaliation, func(f *Facts) *Bool { return &f.MotiveRetaliation }),
	dateFact(FactProtectionEndsOn, func(f *Facts) *Date { return &f.ProtectionEndsOn }),
}

// LookupFact returns the spec of a dispute fact by name.
func LookupFact(name string) (*FactSpec, bool) {
	for i := range DisputeFacts {
		if string(DisputeFacts[i].Name) == name {
			return &DisputeFacts[i], true
		}
	}
	return nil, false
}

// Allows reports whether v is one of an enum fact's values.
func (s *FactSpec) Allows(v string) bool {
	for _, x := range s.Values {
		if x == v {
			return true
		}
	}
	return false
}

// SetEnum sets an enum fact after checking the value; it reports false and
// changes nothing for a value outside the contract.
func (s *FactSpec) SetEnum(f *Facts, v string) bool {
	if s.Kind != KindEnum || !s.Allows(v) {
		return false
	}
	s.setEnum(f, v)
	return true
}

// SetBool sets a yes/no fact.
func (s *FactSpec) SetBool(f *Facts, v bool) bool {
	if s.Kind != KindBool {
		return false
	}
	*s.bool(f) = BoolOf(v)
	return true
}

// SetDate sets a date fact; the zero Date clears it.
func (s *FactSpec) SetDate(f *Facts, d Date) bool {
	if s.Kind != KindDate {
		return false
	}
	*s.date(f) = d
	return true
}

// Clear makes the fact unknown again.
func (s *FactSpec) Clear(f *Facts) {
	switch s.Kind {
	case KindEnum:
		s.setEnum(f, "")
	case KindBool:
		*s.bool(f) = Unknown
	case KindDate:
		*s.date(f) = Date{}
	}
}

// Value returns the fact's value in its JSON form ("true", "2026-11-22",
// "broken") and whether it is known.
func (s *FactSpec) Value(f *Facts) (string, bool) {
	switch s.Kind {
	case KindEnum:
		v := s.getEnum(f)
		return v, v != ""
	case KindBool:
		switch *s.bool(f) {
		case Yes:
			return "true", true
		case No:
			return "false", true
		}
	case KindDate:
		d := *s.date(f)
		return d.String(), !d.IsZero()
	}
	return "", false
}
