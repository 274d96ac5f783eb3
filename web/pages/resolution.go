package pages

import (
	"net/url"

	"github.com/a-h/templ"
	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
	"github.com/calmclaim/calmclaim/templates"
)

// What comes after the verdict: what to do when the seller answers, how to
// open and run the dispute, returns, and where to go after a refusal. The
// words are ours; each point cites the seed document and section it comes
// from (../shared/seeds). Buyers read these, so they live here, as data.

const (
	srcMessages   = "Aliexpress rules for buyers, 2. Personal messages"
	srcAbuse      = "Aliexpress rules for buyers, 5. Abuse of Buyer Protection"
	srcEscrow     = "About AliExpress Buyer Protection, Under what conditions are you eligible for AliExpress Buyer Protection?"
	srcContent    = "AliExpress Rules and Terms of Use for Buyers, Content, photos and videos on AliExpress"
	srcReturns    = "AliExpress Rules and Terms of Use for Buyers, What to remember when returning a product"
	srcDisputes   = "AliExpress Rules and Terms of Use for Buyers, Disputes, returns and buyer protection"
	srcFAQ        = "AliExpress Rules and Terms of Use for Buyers, Frequently Asked Questions"
	srcRights     = "AliExpress Rules and Terms of Use for Buyers, Why AliExpress may restrict an account"
	srcReviews    = "AliExpress Rules and Terms of Use for Buyers, Reviews on AliExpress"
	srcMissingFix = "About AliExpress Buyer Protection, The item is missing parts and/or not the correct quantity"
)

const (
	srcNotReceived = "About AliExpress Buyer Protection, What can you do if you did not receive your order?"
	srcNotAsDesc   = "About AliExpress Buyer Protection, Items received that are not as described"
	srcFake        = "About AliExpress Buyer Protection, Fake items"
	srcBroken      = "About AliExpress Buyer Protection, Broken (not functional) products"
)

// sellerReplies is what to do with the seller's common answers to this
// claim: what proof to send, what a partial refund means for it, and
// whether anything goes back.
func sellerReplies(claim assistant.Claim) []templates.GuideItem {
	photos := templates.GuideItem{ID: "more_photos", Title: "They ask for more photos or a video", Source: srcContent}
	partial := templates.GuideItem{ID: "partial_refund", Title: "They offer a partial refund",
		Text:   "Accept it only if it settles the problem for you. Once you are refunded, you cannot ask for the same money again in a dispute. If it is too little, say calmly what you would accept and why.",
		Source: srcAbuse}
	switch claim {
	case assistant.NotReceived:
		photos.Title = "They ask for proof that nothing arrived"
		photos.Text = "Send a screenshot of the tracking page and of the order page with its delivery date. You cannot photograph a parcel that never came; the carrier's record is the evidence."
		photos.Source = srcNotReceived
		partial.Text = "For an order that never arrived, the platform refunds it in full when the parcel is shown to be lost or was never sent. Accept less only if you choose to; once refunded, you cannot ask for the same money again."
		partial.Source = srcNotReceived
	case assistant.NotAsDescribed:
		photos.Text = "Send photos that show the difference next to the listing: the label, size tag, colour or measurement beside a screenshot of what was promised. Cover the address label and any personal details first."
		photos.Source = srcNotAsDesc
	case assistant.Counterfeit:
		photos.Text = "Send close photos of the logo, labels, serial number and packaging beside the listing's photos. Cover the address label and any personal details first."
		photos.Source = srcFake
	case assistant.Broken:
		photos.Text = "Send photos of the damage and a short video that shows the fault: the item switched on, the part that fails, and the packaging it came in. Cover the address label and any personal details first."
		photos.Source = srcBroken
	case assistant.MissingParts:
		photos.Text = "Lay out everything that came, photograph it beside the listing's list of contents, and add a photo of the package with its label (address covered)."
		photos.Source = srcMissingFix
		partial.Text = "For a missing part or a short quantity, a partial refund for what is missing is one fair outcome; the seller sending the rest is another. Accept only what settles it for you; once refunded, you cannot ask for the same money again."
		partial.Source = srcMissingFix
	default:
		photos.Text = "Send them in the chat: only what shows the problem. Cover the address label and any other personal details first."
	}
	items := []templates.GuideItem{
		{ID: "off_platform", Title: "They ask to talk or to pay outside AliExpress", Stop: true,
			Text:   "Stop there. Keep every message in the order's chat and pay nothing by transfer, payment app or link. A payment outside the checkout is not covered by Buyer Protection, and offers to deal outside the platform are not allowed in messages.",
			Source: srcMessages},
		partial,
		photos,
	}
	if claim != assistant.NotReceived { // nothing to send back
		items = append(items, templates.GuideItem{ID: "send_back", Title: "They ask you to send the item back",
			Text:   "Follow the return steps below: send it only to the address shown in the AliExpress system, with tracking, and keep the proof of shipment.",
			Source: srcReturns})
	}
	return append(items, templates.GuideItem{ID: "no_answer", Title: "They do not answer, or refuse",
		Text:   "Wait for the date above, then open the dispute from the order page with your evidence. Do not threaten a bad review: a review must not be used to pressure the seller.",
		Source: srcReviews})
}

// disputeHowTo is how to open and run the dispute, per claim.
func disputeHowTo(claim assistant.Claim) []templates.GuideItem {
	reason := map[assistant.Claim]string{
		assistant.NotReceived:    "the order did not arrive",
		assistant.NotAsDescribed: "the item is not as described",
		assistant.Counterfeit:    "the item is fake",
		assistant.Broken:         "the item is damaged or does not work",
		assistant.MissingParts:   "parts or items are missing",
	}[claim]
	kind := templates.GuideItem{ID: "refund_kind", Title: "Choose \u201crefund only\u201d or \u201creturn and refund\u201d",
		Text:   "Choose \u201creturn and refund\u201d if you are willing to send the item back, \u201crefund only\u201d if you keep it. Whether a return is needed depends on the problem, the evidence and the platform's decision; if it asks for the item back, follow its return terms.",
		Source: srcFAQ}
	if claim == assistant.NotReceived {
		kind.Text = "Choose \u201crefund only\u201d: there is nothing to send back."
		kind.Source = srcDisputes
	}
	if claim == assistant.MissingParts {
		kind.Text = "Ask for what fits: the seller completes the shipment, a partial refund, or a full refund if you return the item at your own postage."
		kind.Source = srcMissingFix
	}
	return []templates.GuideItem{
		{ID: "open", Title: "Open the dispute from the order page",
			Text:   "In My Orders, open this order and choose to open a dispute. As the reason, pick the one that says " + reason + ".",
			Source: srcDisputes},
		kind,
		{ID: "attach", Title: "Attach the evidence and the description",
			Text:   "Add the photos, the video and the screenshots listed below to the dispute, and paste the calm description you prepare on the next page.",
			Source: srcDisputes},
		{ID: "while_open", Title: "While the dispute is open",
			Text:   "Answer the platform's questions by the date it gives, keep talking to the seller only in the order's chat, and do not open a second dispute for the same problem.",
			Source: srcAbuse},
	}
}

// returnSteps is what to remember when sending an item back.
var returnSteps = []templates.GuideItem{
	{ID: "who_pays", Title: "Who pays the postage", Text: "Check in the dispute or the order's return terms who pays for the return before you send it.", Source: srcReturns},
	{ID: "address", Title: "Only the address in AliExpress", Text: "Send it only to the return address shown in the AliExpress system, never to one the seller gives only in a message.", Source: srcReturns},
	{ID: "time", Title: "The time allowed", Text: "Send it within the time the return terms allow.", Source: srcReturns},
	{ID: "proof", Title: "Tracking and proof", Text: "Use a service with a tracking number, add it to the dispute, and keep the receipt, photos of the parcel and the proof of shipment until the refund arrives.", Source: srcReturns},
}

// refusalRights is what remains after any refusal.
var refusalRights = []templates.GuideItem{
	{ID: "statutory_rights", Title: "Your rights where you live",
		Text:   "Whatever Buyer Protection covers, the consumer law of your country may still give you rights against the seller. A local consumer advice service can tell you which.",
		Source: srcRights},
	{ID: "honest_review", Title: "An honest review",
		Text:   "Once the order is settled, a review of what happened can help other buyers: your real experience, without threats, personal data or links.",
		Source: srcReviews, Link: "/review", LinkText: "Check your review before you post it"},
}

// reviewPage is the fair-review helper; form holds the review when the
// buyer sent it without JavaScript (a POST: their words never sit in an
// address).
func reviewPage(form url.Values, embed bool) templ.Component {
	r := templates.ReviewPage{Page: templates.Page{Title: "Write a fair review", Embedded: embed, Back: "/"}}
	if text := form.Get("review"); len(form) > 0 {
		r.Text = text
		c := describe.Check(describe.FieldReview, text)
		r.Checked = c.Text
		for _, f := range c.Findings {
			r.Findings = append(r.Findings, templates.Finding{ID: f.ID, Field: "Your review", Excerpt: f.Excerpt, Suggestion: f.Suggestion})
		}
	}
	return templates.ReviewPageView(r)
}
