package api

import (
	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/calmclaim/calmclaim/i18n/enginetext"
)

// AppendVerdict appends the JSON of a verdict (dispute-v1, "Verdict"), plus
// the additive "last_date" (the end of Buyer Protection, or null) and the
// "today" the assessment used.
func AppendVerdict(b []byte, today assistant.Date, v *assistant.Verdict) []byte {
	return appendVerdict(b, today, v, nil)
}

// appendVerdict is AppendVerdict with, when p is not nil, the additive
// "lang" (p's language) and each rule's and warning's summary in it,
// "summary_localized", beside the English "summary".
func appendVerdict(b []byte, today assistant.Date, v *assistant.Verdict, p *i18n.Printer) []byte {
	w := jsonw{b: b}
	w.open('{')
	w.key("outcome")
	w.str(string(v.Outcome))
	w.key("claim")
	w.strOrNull(string(v.Claim))
	w.key("earliest_date")
	w.strOrNull(v.EarliestDate.String())
	w.key("last_date")
	w.strOrNull(v.LastDate.String())
	w.key("rules")
	w.open('[')
	for _, r := range v.Rules {
		writeRule(&w, r, v.Claim, p)
	}
	w.close(']')
	w.key("remedy")
	w.strOrNull(string(v.Remedy))
	w.key("evidence")
	w.open('[')
	for _, e := range v.Evidence {
		w.open('{')
		w.key("id")
		w.str(string(e.ID))
		w.key("required")
		w.bool(e.Required)
		w.key("why")
		w.str(e.Why)
		w.close('}')
	}
	w.close(']')
	w.key("warnings")
	w.open('[')
	for _, r := range v.Warnings {
		writeRule(&w, r, v.Claim, p)
	}
	w.close(']')
	w.key("next_question")
	w.strOrNull(string(v.NextQuestion))
	w.key("today")
	w.str(today.String())
	writeLang(&w, p)
	w.close('}')
	return w.b
}

// writeLang writes the additive "lang" of an answer given in p's language
// too; nothing when p is nil.
func writeLang(w *jsonw, p *i18n.Printer) {
	if p != nil {
		w.key("lang")
		w.str(string(p.Lang))
	}
}

// writeRule writes a rule with its citation for the claim; with no claim
// (the rule pack), its default citation and, additively, the ones per claim.
// With a printer, its summary in p's language follows the English one.
func writeRule(w *jsonw, r *assistant.Rule, claim assistant.Claim, p *i18n.Printer) {
	w.open('{')
	w.key("id")
	w.str(r.ID)
	w.key("effect")
	w.str(string(r.Effect))
	w.key("summary")
	w.str(r.Summary)
	if p != nil {
		w.key("summary_localized")
		w.str(enginetext.RuleSummary(p, r))
	}
	w.key("source")
	w.str(r.SourceFor(claim))
	if claim == "" && len(r.ClaimSources) > 0 {
		w.key("sources_by_claim")
		w.open('{')
		for _, cs := range r.ClaimSources {
			w.key(string(cs.Claim))
			w.str(cs.Source)
		}
		w.close('}')
	}
	w.close('}')
}

// AppendError appends {"error": {"code", "message", "field"}}.
func AppendError(b []byte, e *assistant.Error) []byte {
	w := jsonw{b: b}
	w.open('{')
	w.key("error")
	w.open('{')
	w.key("code")
	w.str(e.Code)
	w.key("message")
	w.str(e.Message)
	w.key("field")
	w.strOrNull(e.Field)
	w.close('}')
	w.close('}')
	return w.b
}

// AppendChecklist appends {"verdict", "items": [{"id", "status", "summary",
// "source", "detail"}]}.
func AppendChecklist(b []byte, r *assistant.ChecklistResult) []byte {
	return appendChecklist(b, r, nil)
}

// appendChecklist is AppendChecklist with, when p is not nil, the additive
// "lang" and each item's "summary_localized".
func appendChecklist(b []byte, r *assistant.ChecklistResult, p *i18n.Printer) []byte {
	w := jsonw{b: b}
	w.open('{')
	w.key("verdict")
	w.str(r.Verdict)
	w.key("items")
	w.open('[')
	for _, it := range r.Items {
		w.open('{')
		w.key("id")
		w.str(it.ID)
		w.key("status")
		w.str(string(it.Status))
		w.key("summary")
		w.str(it.Summary)
		if p != nil {
			w.key("summary_localized")
			w.str(enginetext.ItemSummary(p, it.ID, it.Summary))
		}
		w.key("source")
		w.str(it.Source)
		w.key("detail")
		w.strOrNull(it.Detail)
		w.close('}')
	}
	w.close(']')
	writeLang(&w, p)
	w.close('}')
	return w.b
}

// AppendRules appends the rule pack, the checklist items and the evidence
// ids with their citations: everything the product decides with.
func AppendRules(b []byte, p *assistant.Pack) []byte {
	w := jsonw{b: b}
	w.open('{')
	w.key("contract")
	w.str("dispute-v1")
	w.key("rules")
	w.open('[')
	for i := range p.Rules {
		writeRule(&w, &p.Rules[i], "", nil)
	}
	w.close(']')
	w.key("checklist")
	w.open('[')
	for _, it := range assistant.ChecklistItems {
		w.open('{')
		w.key("id")
		w.str(it.ID)
		w.key("summary")
		w.str(it.Summary)
		w.key("source")
		w.str(it.Source)
		w.close('}')
	}
	w.close(']')
	w.key("evidence")
	w.open('[')
	for _, id := range assistant.EvidenceIDs {
		w.str(string(id))
	}
	w.close(']')
	w.close('}')
	return w.b
}
