package pages

import (
	"net/url"

	"github.com/a-h/templ"
	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/calmclaim/calmclaim/i18n/enginetext"
	"github.com/calmclaim/calmclaim/templates"
)

// evidenceTypes is which files fit each kind of evidence: the file
// picker's accept list, and the catalog key of the same in words.
func evidenceTypes(id assistant.EvidenceID) (accept, words string) {
	switch id {
	case assistant.PhotosItem, assistant.PhotosPackaging, assistant.QuantityPhoto:
		return "image/*", "evidence.types.photos"
	case assistant.UnboxingVideo:
		return "video/*", "evidence.types.video"
	case assistant.CustomsNotice, assistant.ServiceReport:
		return "image/*,application/pdf", "evidence.types.letter"
	}
	return "image/*,application/pdf", "evidence.types.screenshots"
}

// EvidenceLabel is an evidence id in plain words, in p's language.
func EvidenceLabel(p *i18n.Printer, id assistant.EvidenceID) string {
	return p.T("evidence." + string(id) + ".label")
}

// verdictFor assesses the wizard's answers.
func verdictFor(q url.Values, today assistant.Date) (assistant.Verdict, assistant.Facts) {
	f := disputeFacts(q)
	v, _ := assistant.Assess(assistant.Request{Today: today, Facts: f})
	return v, f
}

// disputeResult renders the verdict page. Answers still missing send the
// buyer back to the wizard, which asks for them.
func disputeResult(p *i18n.Printer, q url.Values, today assistant.Date, embed bool) templ.Component {
	_, known, current := dispute.walk(q, today)
	if current != "" {
		return dispute.page(p, q, today, embed)
	}
	v, f := verdictFor(known, today)
	date := longDate(p, v.EarliestDate)
	r := templates.Verdict{
		Page:    templates.Page{Embedded: embed, Back: link("/dispute", known, q)},
		Outcome: string(v.Outcome),
		Date:    date,
		Answers: link("/dispute", known, q),
		Fix:     fixFor(p, v, known, q),
		Restart: link("/dispute", nil, q),
	}
	if !v.EarliestDate.IsZero() {
		r.DateISO = v.EarliestDate.String()
	}
	outcome := string(v.Outcome)
	switch v.Outcome {
	case assistant.Eligible, assistant.Wait, assistant.ContactSellerFirst:
		r.Headline = p.T("verdict.heading."+outcome, "date", date)
		r.Lead = p.T("verdict.lead."+outcome, "date", date)
		for i := 1; p.Has("verdict.next." + outcome + "." + itoa(i)); i++ {
			r.Next = append(r.Next, p.T("verdict.next."+outcome+"."+itoa(i), "date", date))
		}
	default:
		r.Headline = p.T("verdict.heading.not_eligible")
		r.Lead = p.T("verdict.lead.not_eligible")
		r.Next = notEligibleNext(p, v)
	}
	r.LastDay = lastDayFor(p, v, today)
	// When protection ends before the first day, waiting for that day is
	// not the advice: the warning on the page says what to do instead.
	if r.LastDay != nil && r.LastDay.Warning != "" && (v.Outcome == assistant.Wait || v.Outcome == assistant.ContactSellerFirst) {
		r.Lead = p.T("verdict.lead.ends_first", "date", date)
		r.Next = append(r.Next[:len(r.Next)-1], p.T("verdict.next.ends_first"))
	}
	r.Title = r.Headline
	r.ICS, r.ICSText, r.ICSDates = calendarLink(p, v, today, known, q)
	if v.Outcome != assistant.NotEligible {
		r.Prepare = link("/dispute/evidence", known, q)
		r.Steps = disputeHowTo(p, v.Claim)
		if v.Claim != assistant.NotReceived {
			r.Returns = returnSteps(p)
		}
	} else {
		r.After = refusalRights(p)
	}
	if describe.HasMessage(v.Outcome) {
		r.Message = describe.SellerMessage(describe.Input{Today: today, Facts: f, Verdict: v}, describe.Details{}).Text
		r.Replies = sellerReplies(p, v.Claim)
		r.Details = link("/dispute/message", known, q)
	}
	for _, x := range v.Rules {
		r.Rules = append(r.Rules, templates.Rule{ID: x.ID, Summary: enginetext.RuleSummary(p, x), Source: x.SourceFor(v.Claim)})
	}
	for _, x := range v.Warnings {
		if x.ID == assistant.RuleProtectionEndsFirst {
			continue // said with both dates, by r.LastDay
		}
		r.Warnings = append(r.Warnings, templates.Rule{ID: x.ID, Summary: enginetext.RuleSummary(p, x), Source: x.SourceFor(v.Claim)})
	}
	for i := range v.Evidence {
		e := &v.Evidence[i]
		r.Evidence = append(r.Evidence, templates.Evidence{ID: string(e.ID), Label: EvidenceLabel(p, e.ID),
			Why: enginetext.EvidenceWhy(p, v.Claim, e), Required: e.Required})
	}
	return templates.VerdictPage(r)
}

// fixFor offers to change the one answer that alone made the claim fail,
// when the buyer chose it and may have meant something else: asking for
// more than the order included, or a motive beyond this order. Other
// refusals rest on facts, which changing an answer would not make true.
func fixFor(p *i18n.Printer, v assistant.Verdict, known, q url.Values) *templates.Fix {
	if v.Outcome != assistant.NotEligible || len(v.Rules) != 1 {
		return nil
	}
	switch v.Rules[0].ID {
	case assistant.RuleExtraDemand:
		return &templates.Fix{
			Text:  p.T("verdict.fix.extra_demand.text"),
			Label: p.T("verdict.fix.extra_demand.label"),
			Href:  link("/dispute", known, q, "at", "requested_remedy", "change", "1"),
		}
	case assistant.RuleRetaliation:
		return &templates.Fix{
			Text:  p.T("verdict.fix.retaliation.text"),
			Label: p.T("verdict.fix.retaliation.label"),
			Href:  link("/dispute", known, q, "at", "conduct", "change", "1"),
		}
	}
	return nil
}

// notEligibleNext says what the buyer can do instead.
func notEligibleNext(p *i18n.Printer, v assistant.Verdict) []string {
	ids := map[string]bool{}
	for _, r := range v.Rules {
		ids[r.ID] = true
	}
	var keys []string
	switch {
	case ids[assistant.RuleAlreadyRefunded], ids[assistant.RuleChargeback]:
		keys = []string{"verdict.next.not.refunded"}
	case ids[assistant.RuleNotWanted], ids[assistant.RuleSNADExpectations], ids[assistant.RuleSNADMatches]:
		keys = []string{"verdict.next.not.returns.1", "verdict.next.not.returns.2"}
	case ids[assistant.RuleINRDelivered], ids[assistant.RuleINRReceived]:
		keys = []string{"verdict.next.not.delivered.1", "verdict.next.not.delivered.2"}
	case ids[assistant.RuleEscrowOnly]:
		keys = []string{"verdict.next.not.escrow.1", "verdict.next.not.escrow.2"}
	case ids[assistant.RuleExtraDemand]:
		keys = []string{"verdict.next.not.extra_demand"}
	default:
		keys = []string{"verdict.next.not.other"}
	}
	out := make([]string, 0, len(keys)+1)
	for _, k := range append(keys, "verdict.next.not.checklist") {
		out = append(out, p.T(k))
	}
	return out
}
