package describe

import (
	"strings"
	"unicode"

	"github.com/calmclaim/calmclaim/assistant"
)

// writer composes the five parts from the facts, the verdict and the
// checked story. Its sentences are our own, first person and plain; each
// claim has its own wording, so a missing parcel does not read like a
// broken one.
type writer struct {
	in *Input
	f  *assistant.Facts
	v  *assistant.Verdict
}

// join puts sentences together, skipping empty ones.
func join(sentences ...string) string {
	var parts []string
	for _, s := range sentences {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// when returns s only if cond holds.
func when(cond bool, s string) string {
	if cond {
		return s
	}
	return ""
}

func (w *writer) ordered(story string) string {
	var lead string
	if story == "" {
		lead = "The listing and the option I chose are shown on the order page."
	}
	lead = join(w.orderDetails(), lead)
	var condition string
	switch w.f.Claim {
	case assistant.NotAsDescribed, assistant.Counterfeit, assistant.Broken:
		switch w.f.ListingCondition {
		case assistant.ConditionNew:
			condition = "The listing offered the item as new."
		case assistant.ConditionUsed:
			condition = "The listing described the item as used."
		}
	case assistant.MissingParts:
		condition = when(w.f.MissingItemInListing == assistant.Yes,
			"The listing, including its package contents, states everything that should come with it.")
	case assistant.NotReceived:
		if dl := w.f.DeliveryDeadline; !dl.IsZero() {
			if dl.Before(w.in.Today) {
				condition = "The seller promised delivery by " + formatDate(dl) + "."
			} else {
				condition = "The promised delivery period runs until " + formatDate(dl) + "."
			}
		}
	}
	return join(lead, story, condition)
}

func (w *writer) receivedHeading() string {
	if w.f.Claim == assistant.NotReceived {
		return "Delivery so far"
	}
	return "What arrived"
}

func (w *writer) received(story string) string {
	if w.f.Claim == assistant.NotReceived {
		return join(w.tracking(), story)
	}
	if story != "" {
		return story
	}
	switch w.f.Claim {
	case assistant.NotAsDescribed:
		return "The parcel arrived, but the item inside is not the one the listing showed."
	case assistant.Counterfeit:
		return "The parcel arrived with an item that does not appear to be the genuine product."
	case assistant.Broken:
		return "The parcel arrived, and the item inside is damaged or does not work."
	case assistant.MissingParts:
		return "The parcel arrived, but not everything in the order was in it."
	}
	return "The parcel arrived."
}

func (w *writer) tracking() string {
	switch w.f.Tracking {
	case assistant.TrackingNone:
		return "Nothing has arrived, and the seller never gave me a tracking number."
	case assistant.TrackingInvalid:
		return "Nothing has arrived. The tracking number I was given does not work, or the parcel was never scanned."
	case assistant.TrackingNotShipped:
		return "Nothing has arrived. The tracking shows the parcel was never handed to a carrier."
	case assistant.TrackingInTransit:
		return "Nothing has arrived yet; the tracking still shows the parcel in transit."
	case assistant.TrackingLost:
		return "Nothing has arrived, and the carrier has confirmed that the parcel is lost."
	case assistant.TrackingSeized:
		switch w.f.CustomsReason {
		case assistant.CustomsSellerFalseDeclaration:
			return "Nothing has arrived. Customs held the parcel because the seller's customs declaration was wrong."
		case assistant.CustomsProhibitedOrFake:
			return "Nothing has arrived. Customs held the parcel because of what it contained."
		}
		return "Nothing has arrived. Customs held the parcel on its way to me."
	}
	return "The parcel has not reached me."
}

func (w *writer) differenceHeading() string {
	if w.f.Claim == assistant.NotReceived {
		return "The problem"
	}
	return "What is different"
}

func (w *writer) difference(story string) string {
	var lead string
	switch w.f.Claim {
	case assistant.NotReceived:
		lead = "I paid for this order through the platform and have not received it."
	case assistant.NotAsDescribed:
		switch w.f.Complaint {
		case assistant.DifferentItem:
			lead = "What I received is a different item from the one in the listing."
		case assistant.DifferentSpec:
			lead = "The item differs from the option I selected in the listing."
		case assistant.IsUsed:
			lead = "The item has clearly been used before" +
				when(w.f.ListingCondition == assistant.ConditionNew, ", although the listing sold it as new") + "."
		case assistant.IsDefective:
			lead = "The item has a defect that the listing did not mention."
		case assistant.MinorScratches:
			lead = "The item has scratches that the listing did not mention."
		default:
			lead = "The item does not match its listing."
		}
	case assistant.Counterfeit:
		lead = "The listing did not present the item as an imitation, but what I received does not appear to be the genuine product."
	case assistant.Broken:
		lead = "The item arrived damaged or does not work, so I cannot use it as intended."
	case assistant.MissingParts:
		lead = "Part of what I ordered was not in the parcel."
	default:
		lead = "The order is not what I paid for."
	}
	return join(lead, story)
}

// evidencePhrase says what each kind of evidence is, in plain words.
var evidencePhrase = map[assistant.EvidenceID]string{
	assistant.PhotosItem:               "photos of the item",
	assistant.PhotosPackaging:          "photos of the packaging and its labels",
	assistant.UnboxingVideo:            "a video of the parcel being opened",
	assistant.ListingScreenshot:        "a screenshot of the listing",
	assistant.SelectedOptionScreenshot: "a screenshot of the option I selected",
	assistant.SellerChat:               "my messages with the seller",
	assistant.RefundRequestRecord:      "the record of my refund request",
	assistant.TrackingRecord:           "the carrier's tracking record",
	assistant.CustomsNotice:            "the customs notice",
	assistant.ServiceReport:            "a repair shop's report on the fault",
	assistant.QuantityPhoto:            "a photo showing everything that arrived side by side",
	assistant.PaymentRecord:            "the payment record from the order page",
}

// EvidencePhrase returns the plain words for an evidence id ("photos of
// the item"), or "" for an unknown id.
func EvidencePhrase(id assistant.EvidenceID) string { return evidencePhrase[id] }

func (w *writer) evidence(have []assistant.EvidenceID) string {
	if len(have) == 0 {
		return "I have no files attached yet and will add them to the dispute."
	}
	words := make([]string, len(have))
	for i, id := range have {
		words[i] = evidencePhrase[id]
	}
	var list string
	switch len(words) {
	case 1:
		list = words[0]
	case 2:
		list = words[0] + " and " + words[1]
	default:
		list = strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
	}
	var purpose string
	switch w.f.Claim {
	case assistant.NotReceived:
		purpose = "To show where the order stands, I have attached "
	case assistant.NotAsDescribed:
		purpose = "To show the difference, I have attached "
	case assistant.Counterfeit:
		purpose = "To show why I believe the item is not genuine, I have attached "
	case assistant.Broken:
		purpose = "To show the damage, I have attached "
	case assistant.MissingParts:
		purpose = "To show what was in the parcel, I have attached "
	default:
		purpose = "I have attached "
	}
	return purpose + list + "."
}

func (w *writer) requested(story string) string {
	var contact string
	if d := w.f.RefundRequestedOn; !d.IsZero() && w.v.Outcome != assistant.ContactSellerFirst {
		contact = "I asked the seller for a refund on " + formatDate(d) + ", and the request has not been settled."
	}
	remedy := w.remedy()
	return join(contact, remedy, withoutRequestRepeats(story, remedy))
}

// requestFiller are the words of a request that say nothing the remedy
// sentence does not ("I want", "please"); requestSame are words that say
// what it says in other words.
var (
	requestFiller = map[string]bool{"i": true, "am": true, "a": true, "an": true, "the": true, "my": true, "me": true,
		"for": true, "of": true, "please": true, "want": true, "would": true, "like": true, "need": true,
		"ask": true, "asking": true, "request": true, "to": true, "get": true, "give": true, "and": true, "or": true,
		"just": true, "only": true, "it": true, "is": true, "be": true, "back": true, "now": true, "thanks": true,
		"thank": true, "you": true, "order": true, "whole": true, "total": true}
	requestSame = map[string]string{"money": "refund", "refunded": "refund", "reimbursement": "refund",
		"replace": "replacement", "replaced": "replacement", "resend": "sent", "send": "return"}
)

// withoutRequestRepeats leaves out the buyer's sentences that only repeat
// the remedy sentence ("...a full refund of the order. Refund.").
func withoutRequestRepeats(story, remedy string) string {
	if story == "" {
		return ""
	}
	ours := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(lettersOnly(remedy))) {
		ours[w] = true
	}
	var kept []string
	for _, sent := range splitSentences(story) {
		t := strings.TrimSpace(sent.text)
		if t == "" {
			continue
		}
		repeat := true
		for _, w := range strings.Fields(strings.ToLower(lettersOnly(t))) {
			if requestFiller[w] {
				continue
			}
			if same, ok := requestSame[w]; ok {
				w = same
			}
			if !ours[w] {
				repeat = false
				break
			}
		}
		if !repeat {
			kept = append(kept, t+sent.punct)
		}
	}
	return strings.Join(kept, " ")
}

// lettersOnly returns s with every character that is not a letter or digit
// made a space.
func lettersOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, s)
}

// remedy says what the buyer asks for: the remedy they chose, else the one
// the rules grant, else the usual one for the claim.
func (w *writer) remedy() string {
	inr := w.f.Claim == assistant.NotReceived
	switch w.f.RequestedRemedy {
	case assistant.FullRefund:
		if w.v.Remedy == assistant.FullRefund {
			return w.grantedFullRefund()
		}
		return "I am asking for a full refund of the order."
	case assistant.PartialRefund:
		return "I am asking for a partial refund that reflects the difference, and I will keep the item."
	case assistant.Replacement:
		if inr {
			return "I would like the order to be sent again."
		}
		return "I would like a replacement that matches the listing."
	case assistant.ShipMissing:
		return "I would like the seller to send what is missing."
	case assistant.ReturnAndRefund:
		return "I am willing to return the item to the address the platform gives for the return, for a full refund."
	}
	if w.v.Remedy == assistant.FullRefund {
		return w.grantedFullRefund()
	}
	switch w.f.Claim {
	case assistant.NotReceived:
		return "I am asking for a full refund of the order."
	case assistant.MissingParts:
		return "I would like the seller to send what is missing, or a partial refund for it."
	case assistant.Broken:
		return "I am asking for a refund, or a replacement that works; I can return the item if the platform asks."
	}
	return "I am asking for a refund, and I can return the item if the platform asks."
}

func (w *writer) grantedFullRefund() string {
	why := "Because the parcel cannot reach me"
	switch w.f.Tracking {
	case assistant.TrackingNotShipped:
		why = "Because the parcel was never shipped"
	case assistant.TrackingNone, assistant.TrackingInvalid:
		why = "Because the order has no working tracking"
	case assistant.TrackingLost:
		why = "Because the parcel is lost"
	case assistant.TrackingSeized:
		why = "Because customs held the parcel for a reason that is not mine"
	}
	return why + ", I am asking for a full refund of the order."
}

// alternatives by rule: what to do when a dispute is not the way.
var ruleAlternatives = map[string][]Alternative{
	assistant.RuleAlreadyRefunded:     {{"check_refund", "Check your card or payment account statement: a refund can take several days to show."}},
	assistant.RuleChargeback:          {{"follow_chargeback", "Follow up with your bank or card issuer on the chargeback you already opened; it handles this payment now."}},
	assistant.RuleDuplicate:           {{"new_evidence", "If you have new evidence since the last dispute, such as a repair report or new photos, say so: a repeat dispute needs something new."}},
	assistant.RuleRetaliation:         {{"honest_review", "Keep this order separate from earlier problems. Once it is settled, an honest review of this order is the place for your experience."}},
	assistant.RuleExtraDemand:         {{"ask_order_only", "Ask only for what the order included: a refund, a replacement or the missing part. Then a dispute can be considered."}},
	assistant.RuleNotWanted:           {{"return_terms", "Check the order's own return terms: with free returns or the seller's return policy you may send it back."}},
	assistant.RuleEscrowOnly:          {{"payment_provider", "Contact the bank or service you paid with about recovering the money, and report the seller's request to pay outside the platform."}},
	assistant.RuleINRReceived:         {{"choose_problem", "If something is wrong with the item you received, start again and choose that problem instead."}},
	assistant.RuleINRDelivered:        {{"ask_carrier", "Ask the carrier for proof of delivery and check with neighbours and your building's reception or parcel lockers."}},
	assistant.RuleINRCustomsBuyer:     {{"contact_customs", "Contact customs about releasing or returning the parcel, and check your country's import rules before ordering again."}},
	assistant.RuleSNADMatches:         {{"return_terms", "Check the order's own return terms, such as free returns, if you want to send it back."}},
	assistant.RuleSNADUsedListed:      {{"return_terms", "Check the order's own return terms, such as free returns, if you want to send it back."}},
	assistant.RuleSNADDefectiveListed: {{"return_terms", "Check the order's own return terms, such as free returns, if you want to send it back."}},
	assistant.RuleSNADScratchesUsed:   {{"return_terms", "Check the order's own return terms, such as free returns, if you want to send it back."}},
	assistant.RuleSNADExpectations:    {{"return_terms", "Check the order's own return terms, such as free returns, and leave an honest review of the item once it is settled."}},
	assistant.RuleFakeImitation:       {{"return_terms", "Check the order's own return terms, such as free returns, if you want to send it back."}},
	assistant.RuleMissingNotListed:    {{"buy_part", "Ask the seller whether they sell the part or the extra quantity separately."}},
}

// contactSeller is the first alternative wherever talking to the seller
// can still help.
var contactSeller = Alternative{"contact_seller", "Write to the seller in the order's messages: describe the problem calmly and ask whether they can help."}

func reasonAndAlternatives(in *Input) (string, []Alternative) {
	if in.Verdict.Outcome == assistant.NeedInfo {
		return "One more answer is needed before a dispute text can be written.",
			[]Alternative{{"answer_question", "Answer the remaining question (" + string(in.Verdict.NextQuestion) + ") and ask again."}}
	}
	var reasons []string
	var alts []Alternative
	seen := map[string]bool{}
	talk := true
	for _, r := range in.Verdict.Rules {
		reasons = append(reasons, r.Summary)
		switch r.ID {
		case assistant.RuleAlreadyRefunded, assistant.RuleChargeback, assistant.RuleEscrowOnly:
			talk = false
		}
		for _, a := range ruleAlternatives[r.ID] {
			if !seen[a.ID] {
				seen[a.ID] = true
				alts = append(alts, a)
			}
		}
	}
	if talk {
		alts = append([]Alternative{contactSeller}, alts...)
	}
	return strings.Join(reasons, " "), alts
}

// orderDetails names the order from the buyer's details, "" when none.
func (w *writer) orderDetails() string {
	d := &w.in.Details
	var out []string
	if d.Order != "" {
		out = append(out, "Order number: "+d.Order+".")
	}
	if item := d.ItemWords(); item != "" {
		out = append(out, "Item: "+item+".")
	}
	if d.Store != "" {
		out = append(out, "Store: "+d.Store+".")
	}
	switch paid := d.Paid(); {
	case paid != "" && !d.OrderedOn.IsZero():
		out = append(out, "I paid "+paid+" on "+formatDate(d.OrderedOn)+".")
	case paid != "":
		out = append(out, "I paid "+paid+".")
	case !d.OrderedOn.IsZero():
		out = append(out, "I ordered it on "+formatDate(d.OrderedOn)+".")
	}
	return strings.Join(out, " ")
}
