package assistant

import (
	_ "embed"
	"fmt"
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
)

var ruleEffects = map[string]Effect{
	RuleAlreadyRefunded: EffectNotEligible, RuleChargeback: EffectNotEligible,
	RuleDuplicate: EffectNotEligible, RuleRetaliation: EffectNotEligible,
	RuleExtraDemand: EffectNotEligible, RuleNotWanted: EffectNotEligible,
	RuleEscrowOnly: EffectNotEligible, RuleINRReceived: EffectNotEligible,
	RuleINRDelivered: EffectNotEligible, RuleINRCustomsBuyer: EffectNotEligible,
	RuleSNADMatches: EffectNotEligible, RuleSNADUsedListed: EffectNotEligible,
	RuleSNADDefectiveListed: EffectNotEligible, RuleSNADScratchesUsed: EffectNotEligible,
	RuleSNADExpectations: EffectNotEligible, RuleFakeImitation: EffectNotEligible,
	RuleMissingNotListed: EffectNotEligible, RuleSellerFirst: EffectContactSellerFirst,
	RuleWait10Days: EffectWait, RuleINRDeliveryPeriod: EffectWait,
	RuleINREligible: EffectEligible, RuleSNADEligible: EffectEligible,
	RuleFakeEligible: EffectEligible, RuleBrokenEligible: EffectEligible,
	RuleMissingEligible: EffectEligible, RuleINRFullRefund: EffectRemedy,
	RuleMissingRemedies: EffectRemedy, RuleBrokenSignedReceipt: EffectWarning,
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
	byID  map[string]*Rule
}

//go:embed data/rules.json
var rulesJSON string

// DefaultPack is the embedded pack. It is validated when the program starts;
// a broken pack stops the program with the rule id and field at fault.
var DefaultPack = mustLoadPack(rulesJSON)

func mustLoadPack(data string) *Pack {
	p, err := LoadPack(data)
	if err != nil {
		panic(err)
	}
	return p
}

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
	p := &Pack{byID: make(map[string]*Rule, len(ruleEffects))}
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
		want, known := ruleEffects[r.ID]
		switch {
		case r.ID == "":
			return fail("id", "missing")
		case !known:
			return fail("id", "not a rule of the dispute contract")
		case seen(p.byID, r.ID):
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
		p.Rules = append(p.Rules, r)
		p.byID[r.ID] = nil // reserve; pointers are taken once the slice stops growing
		return true
	})
	if err != nil {
		return nil, err
	}
	for i := range p.Rules {
		p.byID[p.Rules[i].ID] = &p.Rules[i]
	}
	for id := range ruleEffects {
		if p.byID[id] == nil {
			return nil, &PackError{Index: -1, Msg: fmt.Sprintf("contract rule %q is missing", id)}
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

func seen(m map[string]*Rule, id string) bool {
	_, ok := m[id]
	return ok
}

// Rule returns the rule with the given id, or nil.
func (p *Pack) Rule(id string) *Rule { return p.byID[id] }
