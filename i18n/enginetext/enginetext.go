// Package enginetext shows the engine's own texts in the reader's
// language. The engine (assistant) stays English and pure: its rule
// summaries, checklist items and details, and the reasons it gives for
// each piece of evidence are written there. Here, at the edge, each is looked up by a key
// built from its id in the language's catalog (engine.json), the engine's
// English standing in where a language has no text. The English of
// engine.json is the translators' source; a test keeps it equal to the
// engine's.
//
// Texts that count days write the count as a placeholder, filled in the
// reader's plural form: {refund_wait_days} (assistant.RefundWaitDays) and
// {payment_window_days} (assistant.PaymentWindowDays).
package enginetext

import (
	"sync"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
)

// args are the placeholders every engine text may use.
func args(p *i18n.Printer, more ...string) []string {
	return append([]string{
		"refund_wait_days", p.N("count.days", assistant.RefundWaitDays),
		"payment_window_days", p.N("count.days", assistant.PaymentWindowDays),
	}, more...)
}

// RuleKey is the catalog key of a rule's summary.
func RuleKey(id string) string { return "rule." + id + ".summary" }

// RuleSummary is the rule's summary in p's language.
func RuleSummary(p *i18n.Printer, r *assistant.Rule) string {
	return p.TOr(RuleKey(r.ID), r.Summary, args(p)...)
}

// ItemKey is the catalog key of a checklist item's summary.
func ItemKey(id string) string { return "checklist." + id + ".summary" }

// ItemSummary is a checklist item's summary (the engine's English given)
// in p's language.
func ItemSummary(p *i18n.Printer, id, english string) string {
	return p.TOr(ItemKey(id), english, args(p)...)
}

// DetailKey is the catalog key of a checklist detail.
func DetailKey(id string) string { return "checklist." + id + ".detail" }

// ItemDetail is the item's detail in p's language, "" if it has none. A
// date in it is written YYYY-MM-DD, as the engine writes it, for the page
// to mark up.
func ItemDetail(p *i18n.Printer, it *assistant.ChecklistItem) string {
	if it.DetailID == "" {
		return it.Detail
	}
	return p.TOr(DetailKey(it.DetailID), it.Detail, args(p, "date", it.Date.String())...)
}

// claims are the claims the engine lists evidence for.
var claims = []assistant.Claim{assistant.NotReceived, assistant.NotAsDescribed, assistant.Counterfeit,
	assistant.Broken, assistant.MissingParts}

// whyVaries holds the evidence ids whose reason differs by claim, found
// in the engine's lists on first use.
var whyVaries = sync.OnceValue(func() map[assistant.EvidenceID]bool {
	first := map[assistant.EvidenceID]string{}
	varies := map[assistant.EvidenceID]bool{}
	for _, c := range claims {
		for _, tracking := range []assistant.Tracking{"", assistant.TrackingSeized} {
			f := assistant.Facts{Claim: c, Tracking: tracking}
			for _, e := range assistant.EvidenceFor(&f) {
				if w, seen := first[e.ID]; seen && w != e.Why {
					varies[e.ID] = true
				}
				first[e.ID] = e.Why
			}
		}
	}
	return varies
})

// WhyKey is the catalog key of the reason for evidence id: one per id, or
// one per claim for an id whose reason the engine words by claim.
func WhyKey(claim assistant.Claim, id assistant.EvidenceID) string {
	if whyVaries()[id] {
		return "evidence." + string(id) + ".why." + string(claim)
	}
	return "evidence." + string(id) + ".why"
}

// EvidenceWhy is why the evidence helps the claim, in p's language.
func EvidenceWhy(p *i18n.Printer, claim assistant.Claim, e *assistant.Evidence) string {
	return p.TOr(WhyKey(claim, e.ID), e.Why, args(p)...)
}
