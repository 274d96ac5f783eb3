package pages

import (
	"strconv"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/calmclaim/calmclaim/templates"
)

// step is one question of a wizard. Its answer travels in the URL under
// Name (a contract fact name where there is one).
//
// Its words are in the catalogs (wizard.json, checklist.json) under Key:
// Key+".title" (the question), ".short" (its label on check your answers),
// and, where the catalog has them, ".hint", ".help.summary" with
// ".help.1", ".help.2" … (a "can't answer?" note), ".skip" and
// ".skip_answer". An option's Label and Hint are catalog keys too.
type step struct {
	ID      string
	Name    string // the URL parameter
	Kind    string // radios, checkboxes, date, stop
	Key     string // the catalog keys' prefix
	Options []templates.Option
	// Checks lists the parameters a checkboxes step sets to true.
	Checks []string
	// ForClaims, when set, offers an option only for the listed claims
	// (option value → claims); an option not listed is offered for all.
	ForClaims map[string][]string
	// NotFuture refuses a date after today (a date step).
	NotFuture bool
	// Skippable, on an optional date step, offers a link that answers it
	// with skipped ("I do not know"; Key+".skip"), shown on check your
	// answers as Key+".skip_answer".
	Skippable bool
	// Item is the checklist item a stop step stops on (Kind "stop").
	Item string
}

// opts are options whose words are under key: key+".option."+value, and
// key+".option."+value+".hint" where the catalog has a hint.
func opts(key string, values ...string) []templates.Option {
	out := make([]templates.Option, len(values))
	for i, v := range values {
		out[i] = templates.Option{Value: v, Label: key + ".option." + v, Hint: key + ".option." + v + ".hint"}
	}
	return out
}

var yesNo = []templates.Option{{Value: "true", Label: "answer.yes"}, {Value: "false", Label: "answer.no"}}

var yesNoUnsure = []templates.Option{{Value: "true", Label: "answer.yes"}, {Value: "false", Label: "answer.no"},
	{Value: "unsure", Label: "answer.unsure"}}

// The step's words in p's language.
func (s *step) title(p *i18n.Printer) string { return p.T(s.Key + ".title") }
func (s *step) short(p *i18n.Printer) string { return p.T(s.Key + ".short") }
func (s *step) hint(p *i18n.Printer) string  { return optional(p, s.Key+".hint") }

// optional is the text of key, or "" when the catalog has none.
func optional(p *i18n.Printer, key string) string {
	if key == "" || !p.Has(key) {
		return ""
	}
	return p.T(key)
}

// option is one of a step's options in p's language.
func option(p *i18n.Printer, o templates.Option) templates.Option {
	o.Label, o.Hint = p.T(o.Label), optional(p, o.Hint)
	return o
}

// help is the step's "can't answer?" note, nil if it has none.
func (s *step) help(p *i18n.Printer) *templates.Help {
	if !p.Has(s.Key + ".help.summary") {
		return nil
	}
	h := &templates.Help{Summary: p.T(s.Key + ".help.summary")}
	for i := 1; p.Has(s.Key + ".help." + strconv.Itoa(i)); i++ {
		h.Lines = append(h.Lines, p.T(s.Key+".help."+strconv.Itoa(i)))
	}
	return h
}

func q(id, kind string, options ...templates.Option) *step {
	return &step{ID: id, Name: id, Kind: kind, Key: "q." + id, Options: options}
}

// disputeSteps are the dispute wizard's questions. The engine decides which
// of the contract facts to ask (next_question); the extras after them are
// facts the engine never asks for but the verdict needs to be right.
var disputeSteps = map[string]*step{
	"claim": q("claim", "radios", opts("q.claim", "not_received", "not_as_described", "counterfeit", "broken",
		"missing_parts", "no_longer_wanted")...),
	"paid_on_platform": q("paid_on_platform", "radios", yesNo...),
	"tracking": q("tracking", "radios", opts("q.tracking", "in_transit", "delivered", "not_shipped", "none", "invalid",
		"lost", "seized_by_customs")...),
	"customs_reason": q("customs_reason", "radios", opts("q.customs_reason", "seller_false_declaration",
		"prohibited_or_fake", "buyer_import_rules", "unknown")...),
	"delivery_deadline": q("delivery_deadline", "date"),
	"complaint": q("complaint", "radios", opts("q.complaint", "different_item", "different_spec", "is_used",
		"is_defective", "minor_scratches", "below_expectations")...),
	"listing_condition":       q("listing_condition", "radios", opts("q.listing_condition", "new", "used", "defective", "imitation")...),
	"missing_item_in_listing": q("missing_item_in_listing", "radios", yesNo...),
	"conduct": {ID: "conduct", Name: "conduct", Kind: "checkboxes", Key: "q.conduct",
		Options: append(opts("q.conduct", "refund_received", "chargeback_filed", "previous_dispute_same_reason",
			"motive_retaliation"), templates.Option{Value: "none", Label: "q.conduct.option.none", Exclusive: true}),
		Checks: []string{"refund_received", "chargeback_filed", "previous_dispute_same_reason", "motive_retaliation"}},
	"new_evidence": q("new_evidence", "radios", yesNo...),
	"requested_remedy": {ID: "requested_remedy", Name: "requested_remedy", Kind: "radios", Key: "q.requested_remedy",
		Options: opts("q.requested_remedy", "full_refund", "partial_refund", "replacement", "ship_missing",
			"return_and_refund", "extra_compensation"),
		// A parcel that never came cannot be kept, returned or completed.
		ForClaims: map[string][]string{
			"partial_refund":    {"not_as_described", "counterfeit", "broken", "missing_parts"},
			"ship_missing":      {"missing_parts"},
			"return_and_refund": {"not_as_described", "counterfeit", "broken", "missing_parts"},
		}},
	"signed_before_inspection": q("signed_before_inspection", "radios", yesNoUnsure...),
	"refund_asked":             q("refund_asked", "radios", yesNo...),
	"refund_requested_on": {ID: "refund_requested_on", Name: "refund_requested_on", Kind: "date", Key: "q.refund_requested_on",
		NotFuture: true},
	// Optional: the verdict's last day. A past date is an answer too (the
	// verdict then says protection has ended).
	"protection_ends_on": {ID: "protection_ends_on", Name: "protection_ends_on", Kind: "date", Key: "q.protection_ends_on",
		Skippable: true},
}

// disputeFacts are the step ids that are contract facts, asked when the
// engine names them.
func isFactStep(id string) bool {
	_, ok := assistant.LookupFact(id)
	return ok
}
