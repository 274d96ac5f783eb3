package assistant

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tidwall/gjson"
)

// Effect says what a rule does to a verdict.
type Effect string

const (
	EffectNotEligible        Effect = "not_eligible"
	EffectContactSellerFirst Effect = "contact_seller_first"
	EffectWait               Effect = "wait"
	EffectEligible           Effect = "eligible"
	EffectRemedy             Effect = "remedy"
	EffectWarning            Effect = "warning"
)

// Rule is one rule of the pack: its stable id, its effect, a one-line
// summary in our own words and the source it comes from ("document title,
// section").
type Rule struct {
	ID      string
	Effect  Effect
	Summary string
	Source  string
	// ClaimSources cite the section for a claim where the rule's text
	// differs by claim (the seller's 10 days: the not-received section
	// for a missing parcel, the received-item section otherwise).
	ClaimSources []ClaimSource
}

// ClaimSource is a rule's citation for one claim.
type ClaimSource struct {
	Claim  Claim
	Source string
}

// SourceFor is the rule's citation for claim c: its own for the claim if
// it has one, else Source.
func (r *Rule) SourceFor(c Claim) string {
	for _, cs := range r.ClaimSources {
		if cs.Claim == c {
			return cs.Source
		}
	}
	return r.Source
}

// Rule ids of the dispute contract (dispute-v1), with the effect each must
// have. The engine refers to rules only through these ids.
const (
	RuleAlreadyRefunded     = "abuse.already_refunded"
	RuleChargeback          = "abuse.chargeback"
	RuleDuplicate           = "abuse.duplicate"
	RuleRetaliation         = "abuse.retaliation"
	RuleExtraDemand         = "abuse.extra_demand"
	RuleNotWanted           = "nlw.not_covered"
	RuleEscrowOnly          = "bp.escrow_only"
	RuleINRReceived         = "inr.received"
	RuleINRDelivered        = "inr.tracking_delivered"
	RuleINRCustomsBuyer     = "inr.customs_buyer"
	RuleSNADMatches         = "snad.matches_listing"
	RuleSNADUsedListed      = "snad.used_listed"
	RuleSNADDefectiveListed = "snad.defective_listed"
	RuleSNADScratchesUsed   = "snad.minor_scratches_used"
	RuleSNADExpectations    = "snad.expectations"
	RuleFakeImitation       = "fake.imitation_listed"
	RuleMissingNotListed    = "missing.not_in_listing"
	RuleSellerFirst         = "dispute.seller_first"
	RuleWait10Days          = "dispute.wait_10_days"
	RuleINRDeliveryPeriod   = "inr.delivery_period"
	RuleINREligible         = "inr.eligible"
	RuleSNADEligible        = "snad.eligible"
	RuleFakeEligible        = "fake.eligible"
	RuleBrokenEligible      = "broken.eligible"
	RuleMissingEligible     = "missing.eligible"
	RuleINRFullRefund       = "inr.full_refund"
	RuleMissingRemedies     = "missing.remedies"
	RuleBrokenSignedReceipt = "broken.signed_receipt"
	// RuleProtectionEndsFirst is additive (not in dispute-v1's list): the
	// end of Buyer Protection comes before a dispute can be opened.
	RuleProtectionEndsFirst = "dispute.protection_ends_first"
)

// contractRules lists every rule of the dispute contract, and the additive
// ones after them, with the effect each must have. A pack holds each once,
// in any order.
var contractRules = []struct {
	ID     string
	Effect Effect
}{
	{RuleAlreadyRefunded, EffectNotEligible}, {RuleChargeback, EffectNotEligible},
	{RuleDuplicate, EffectNotEligible}, {RuleRetaliation, EffectNotEligible},
	{RuleExtraDemand, EffectNotEligible}, {RuleNotWanted, EffectNotEligible},
	{RuleEscrowOnly, EffectNotEligible}, {RuleINRReceived, EffectNotEligible},
	{RuleINRDelivered, EffectNotEligible}, {RuleINRCustomsBuyer, EffectNotEligible},
	{RuleSNADMatches, EffectNotEligible}, {RuleSNADUsedListed, EffectNotEligible},
	{RuleSNADDefectiveListed, EffectNotEligible}, {RuleSNADScratchesUsed, EffectNotEligible},
	{RuleSNADExpectations, EffectNotEligible}, {RuleFakeImitation, EffectNotEligible},
	{RuleMissingNotListed, EffectNotEligible}, {RuleSellerFirst, EffectContactSellerFirst},
	{RuleWait10Days, EffectWait}, {RuleINRDeliveryPeriod, EffectWait},
	{RuleINREligible, EffectEligible}, {RuleSNADEligible, EffectEligible},
	{RuleFakeEligible, EffectEligible}, {RuleBrokenEligible, EffectEligible},
	{RuleMissingEligible, EffectEligible}, {RuleINRFullRefund, EffectRemedy},
	{RuleMissingRemedies, EffectRemedy}, {RuleBrokenSignedReceipt, EffectWarning},
	{RuleProtectionEndsFirst, EffectWarning},
}

// contractEffect returns the effect the contract gives rule id, and false
// for an id that is not a contract rule.
func contractEffect(id string) (Effect, bool) {
	for _, r := range contractRules {
		if r.ID == id {
			return r.Effect, true
		}
	}
	return "", false
}

// PackError reports what is wrong with a rule pack, naming the rule and field.
type PackError struct {
	Index int    // position in the pack's list, -1 when not about one entry
	ID    string // the entry's id, when it has one
	Field string
	Msg   string
}

func (e *PackError) Error() string {
	if e.Index < 0 {
		return "rule pack: " + e.Msg
	}
	return fmt.Sprintf("rule pack: entry %d (%q), field %q: %s", e.Index, e.ID, e.Field, e.Msg)
}

// Pack is a validated rule pack: every contract rule, once, with its citation.
type Pack struct {
	Rules []Rule // in the pack's order
}

// DefaultPack, the pack the product runs, is data/rules.json written out as
// Go in rules_gen.go, and ChecklistItems is data/checklist.json in
// checklist_gen.go: go generate (make generate) validates the JSON with
// LoadPack and LoadChecklist, then writes plain literals, so nothing is
// parsed when the program starts. Edit the JSON, then regenerate.
//
//go:generate go run ./internal/gen

// LoadPack parses and validates a rule pack. It fails on malformed JSON, an
// unknown id, a duplicate, an effect other than the contract's, a missing or
// empty summary or source, a source whose document is not listed in
// "sources", and on a contract rule that the pack leaves out.
func LoadPack(data string) (*Pack, error) {
	if !gjson.Valid(data) {
		return nil, &PackError{Index: -1, Msg: "not valid JSON"}
	}
	root := gjson.Parse(data)
	var docs []string
	for _, s := range root.Get("sources").Array() {
		docs = append(docs, s.String())
	}
	if len(docs) == 0 {
		return nil, &PackError{Index: -1, Msg: `no "sources" listed`}
	}
	entries := root.Get("rules")
	if !entries.IsArray() {
		return nil, &PackError{Index: -1, Msg: `"rules" must be a list`}
	}
	p := &Pack{Rules: make([]Rule, 0, len(contractRules))}
	ids := make(map[string]bool, len(contractRules))
	var err error
	entries.ForEach(func(k, v gjson.Result) bool {
		i := len(p.Rules)
		r := Rule{
			ID:      v.Get("id").String(),
			Effect:  Effect(v.Get("effect").String()),
			Summary: strings.TrimSpace(v.Get("summary").String()),
			Source:  strings.TrimSpace(v.Get("source").String()),
		}
		fail := func(field, msg string) bool {
			err = &PackError{Index: i, ID: r.ID, Field: field, Msg: msg}
			return false
		}
		want, known := contractEffect(r.ID)
		switch {
		case r.ID == "":
			return fail("id", "missing")
		case !known:
			return fail("id", "not a rule of the dispute contract")
		case ids[r.ID]:
			return fail("id", "duplicate")
		case r.Effect != want:
			return fail("effect", fmt.Sprintf("is %q, the contract says %q", r.Effect, want))
		case r.Summary == "":
			return fail("summary", "missing")
		case r.Source == "":
			return fail("source", "missing")
		case !citesOneOf(r.Source, docs):
			return fail("source", "does not start with a listed source document and a section")
		}
		bad := ""
		v.Get("sources_by_claim").ForEach(func(c, src gjson.Result) bool {
			claim, source := Claim(c.String()), strings.TrimSpace(src.String())
			switch {
			case !slices.Contains(DisputeFacts[0].Values, string(claim)):
				bad = "sources_by_claim." + c.String() + ": not a claim"
			case !citesOneOf(source, docs):
				bad = "sources_by_claim." + c.String() + ": does not start with a listed source document and a section"
			default:
				r.ClaimSources = append(r.ClaimSources, ClaimSource{Claim: claim, Source: source})
				return true
			}
			return false
		})
		if bad != "" {
			field, msg, _ := strings.Cut(bad, ": ")
			return fail(field, msg)
		}
		p.Rules = append(p.Rules, r)
		ids[r.ID] = true
		return true
	})
	if err != nil {
		return nil, err
	}
	for _, c := range contractRules {
		if !ids[c.ID] {
			return nil, &PackError{Index: -1, Msg: fmt.Sprintf("contract rule %q is missing", c.ID)}
		}
	}
	return p, nil
}

// citesOneOf reports whether source reads "<listed document>, <section>".
func citesOneOf(source string, docs []string) bool {
	for _, d := range docs {
		if rest, ok := strings.CutPrefix(source, d+", "); ok && strings.TrimSpace(rest) != "" {
			return true
		}
	}
	return false
}

// Rule returns the rule with the given id, or nil. A pack has a few dozen
// rules: a scan costs about what a map lookup does, and needs no index
// built at start.
func (p *Pack) Rule(id string) *Rule {
	for i := range p.Rules {
		if p.Rules[i].ID == id {
			return &p.Rules[i]
		}
	}
	return nil
}
