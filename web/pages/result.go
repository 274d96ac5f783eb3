package pages

import (
	"net/url"

	"github.com/a-h/templ"
	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
	"github.com/calmclaim/calmclaim/templates"
)

var evidenceLabels = map[assistant.EvidenceID]string{
	assistant.PhotosItem:               "Photos of the item",
	assistant.PhotosPackaging:          "Photos of the packaging and labels",
	assistant.UnboxingVideo:            "An unboxing video",
	assistant.ListingScreenshot:        "A screenshot of the listing",
	assistant.SelectedOptionScreenshot: "A screenshot of the option you chose",
	assistant.SellerChat:               "Your chat with the seller",
	assistant.RefundRequestRecord:      "Your refund request on the order page",
	assistant.TrackingRecord:           "The tracking history",
	assistant.CustomsNotice:            "The customs letter",
	assistant.ServiceReport:            "A repair shop's report",
	assistant.QuantityPhoto:            "A photo counting what arrived",
	assistant.PaymentRecord:            "The order's payment details",
}

// evidenceTypes is which files fit each kind of evidence: the file
// picker's accept list and the same in words.
func evidenceTypes(id assistant.EvidenceID) (accept, words string) {
	switch id {
	case assistant.PhotosItem, assistant.PhotosPackaging, assistant.QuantityPhoto:
		return "image/*", "Photos: JPEG, PNG, HEIC or WebP."
	case assistant.UnboxingVideo:
		return "video/*", "Videos: MP4 or MOV."
	case assistant.CustomsNotice, assistant.ServiceReport:
		return "image/*,application/pdf", "A photo, scan or PDF of the letter."
	}
	return "image/*,application/pdf", "Screenshots (PNG or JPEG) or a PDF."
}

// EvidenceLabel is an evidence id in plain words.
func EvidenceLabel(id assistant.EvidenceID) string { return evidenceLabels[id] }

// verdictFor assesses the wizard's answers.
func verdictFor(q url.Values, today assistant.Date) (assistant.Verdict, assistant.Facts) {
	f := disputeFacts(q)
	v, _ := assistant.Assess(assistant.Request{Today: today, Facts: f})
	return v, f
}

// disputeResult renders the verdict page. Answers still missing send the
// buyer back to the wizard, which asks for them.
func disputeResult(q url.Values, today assistant.Date, embed bool) templ.Component {
	_, known, current := dispute.walk(q, today)
	if current != "" {
		return dispute.page(q, today, embed)
	}
	v, f := verdictFor(known, today)
	p := templates.Verdict{
		Page:    templates.Page{Embedded: embed, Back: link("/dispute", known, q)},
		Outcome: string(v.Outcome),
		Date:    longDate(v.EarliestDate),
		Answers: link("/dispute", known, q),
		Fix:     fixFor(v, known, q),
		Restart: link("/dispute", nil, q),
	}
	if !v.EarliestDate.IsZero() {
		p.DateISO = v.EarliestDate.String()
	}
	date := longDate(v.EarliestDate)
	switch v.Outcome {
	case assistant.Eligible:
		p.Headline = "You can open a dispute now"
		p.Lead = "Buyer Protection covers this problem, and the waiting time ended on " + date + "."
		p.Next = []string{
			"Gather the evidence below before you open the dispute: the case is decided on it.",
			"Open the dispute from the order page, choose the reason that matches your problem and attach the evidence.",
			"Describe the problem calmly: what you ordered, what arrived, what is different, what you attach and what you ask for.",
			"Keep talking to the seller only in the order's chat, and answer the platform's questions promptly.",
		}
	case assistant.Wait:
		p.Headline = "You can open a dispute from " + date
		p.Lead = "Until then, give the seller time to settle it. If nothing is settled by " + date + ", open the dispute that day."
		p.Next = []string{
			"Keep your refund request open and reply to the seller in the order's chat.",
			"Collect the evidence below while you wait.",
			"On " + date + ", if it is not settled, open the dispute from the order page.",
		}
	case assistant.ContactSellerFirst:
		p.Headline = "Ask the seller for a refund first"
		p.Lead = "Send a refund request on the order page today. If it is not settled, you can open a dispute from " + date + "."
		p.Next = []string{
			"Open the order, choose to request a refund, pick the reason that matches the problem and describe it calmly.",
			"Keep every message in the order's chat, not by email or other apps.",
			"Collect the evidence below now, while you wait.",
			"On " + date + ", if the request is not settled, open the dispute.",
		}
	default:
		p.Headline = "A dispute for this is unlikely to succeed"
		p.Lead = "One of the Buyer Protection rules below applies to what you told us."
		p.Next = notEligibleNext(v, f)
	}
	p.LastDay = lastDayFor(v, today)
	// When protection ends before the first day, waiting for that day is
	// not the advice: the warning on the page says what to do instead.
	if p.LastDay != nil && p.LastDay.Warning != "" && (v.Outcome == assistant.Wait || v.Outcome == assistant.ContactSellerFirst) {
		p.Lead = "Buyer Protection for this order ends before " + date + ", so do not wait for that day: follow the warning below."
		p.Next = append(p.Next[:len(p.Next)-1], "Before Buyer Protection ends, do what the warning below says.")
	}
	p.Title = p.Headline
	p.ICS, p.ICSText, p.ICSDates = calendarLink(v, today, known, q)
	if v.Outcome != assistant.NotEligible {
		p.Prepare = link("/dispute/evidence", known, q)
		p.Steps = disputeHowTo(v.Claim)
		if v.Claim != assistant.NotReceived {
			p.Returns = returnSteps
		}
	} else {
		p.After = refusalRights
	}
	if describe.HasMessage(v.Outcome) {
		p.Message = describe.SellerMessage(describe.Input{Today: today, Facts: f, Verdict: v}, describe.Details{}).Text
		p.Replies = sellerReplies(v.Claim)
		p.Details = link("/dispute/message", known, q)
	}
	for _, r := range v.Rules {
		p.Rules = append(p.Rules, templates.Rule{ID: r.ID, Summary: r.Summary, Source: r.SourceFor(v.Claim)})
	}
	for _, r := range v.Warnings {
		if r.ID == assistant.RuleProtectionEndsFirst {
			continue // said with both dates, by p.LastDay
		}
		p.Warnings = append(p.Warnings, templates.Rule{ID: r.ID, Summary: r.Summary, Source: r.SourceFor(v.Claim)})
	}
	for _, e := range v.Evidence {
		p.Evidence = append(p.Evidence, templates.Evidence{ID: string(e.ID), Label: evidenceLabels[e.ID], Why: e.Why, Required: e.Required})
	}
	return templates.VerdictPage(p)
}

// fixFor offers to change the one answer that alone made the claim fail,
// when the buyer chose it and may have meant something else: asking for
// more than the order included, or a motive beyond this order. Other
// refusals rest on facts, which changing an answer would not make true.
func fixFor(v assistant.Verdict, known, q url.Values) *templates.Fix {
	if v.Outcome != assistant.NotEligible || len(v.Rules) != 1 {
		return nil
	}
	switch v.Rules[0].ID {
	case assistant.RuleExtraDemand:
		return &templates.Fix{
			Text:  "Buyer Protection can return what you paid or get you what the order included, but nothing beyond it. If a refund, a replacement or the missing part would settle this, change that answer: the rest of your claim may well be covered.",
			Label: "Change what would settle this",
			Href:  link("/dispute", known, q, "at", "requested_remedy", "change", "1"),
		}
	case assistant.RuleRetaliation:
		return &templates.Fix{
			Text:  "A dispute must be about a real problem with this order. If that is what you want settled, change that answer.",
			Label: "Change this answer",
			Href:  link("/dispute", known, q, "at", "conduct", "change", "1"),
		}
	}
	return nil
}

// notEligibleNext says what the buyer can do instead.
func notEligibleNext(v assistant.Verdict, f assistant.Facts) []string {
	ids := map[string]bool{}
	for _, r := range v.Rules {
		ids[r.ID] = true
	}
	var out []string
	switch {
	case ids[assistant.RuleAlreadyRefunded], ids[assistant.RuleChargeback]:
		out = append(out, "If the refund or the bank's reversal did not cover the whole problem, ask the seller in the order's chat about what is left.")
	case ids[assistant.RuleNotWanted], ids[assistant.RuleSNADExpectations], ids[assistant.RuleSNADMatches]:
		out = append(out, "Check the order's own return terms: a listing with free returns may let you send it back.",
			"Ask the seller politely in the order's chat whether they accept a return.")
	case ids[assistant.RuleINRDelivered], ids[assistant.RuleINRReceived]:
		out = append(out, "Ask the carrier where the parcel was left, and check with neighbours and your building's reception.",
			"If the item itself has a problem, start again and choose that problem instead.")
	case ids[assistant.RuleEscrowOnly]:
		out = append(out, "Contact your bank or payment provider about the payment you made outside the checkout.",
			"Report the seller's request to pay off the platform to AliExpress.")
	case ids[assistant.RuleExtraDemand]:
		out = append(out, "Ask only for what the order included: a refund, a replacement or the missing part.")
	default:
		out = append(out, "Talk to the seller in the order's chat: many sellers help even where the rules do not require it.")
	}
	return append(out, "Before your next order, use the pre-order checklist to avoid the same problem.")
}
