package pages

import (
	"net/url"

	"github.com/a-h/templ"
	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/calmclaim/calmclaim/templates"
)

// What comes after the verdict: what to do when the seller answers, how to
// open and run the dispute, returns, and where to go after a refusal. The
// words are ours, in guide.json; each point cites the seed document and
// section it comes from (../shared/seeds). The citations are the
// documents' own titles and sections, as published: never translated.

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

// guide is one point of guidance: its title and text are key+".title"
// and key+".text" in guide.json, with args filled in.
func guide(p *i18n.Printer, id, key, source string, args ...string) templates.GuideItem {
	return templates.GuideItem{ID: id, Title: p.T(key+".title", args...), Text: p.T(key+".text", args...), Source: source}
}

// claimText is key's text for claim (key+"."+claim+".text") where the
// catalog words it for that claim, else key+".text".
func claimText(p *i18n.Printer, key string, claim assistant.Claim) string {
	if k := key + "." + string(claim) + ".text"; claim != "" && p.Has(k) {
		return p.T(k)
	}
	return p.T(key + ".text")
}

// sellerReplies is what to do with the seller's common answers to this
// claim: what proof to send, what a partial refund means for it, and
// whether anything goes back.
func sellerReplies(p *i18n.Printer, claim assistant.Claim) []templates.GuideItem {
	photos := guide(p, "more_photos", "guide.reply.more_photos", srcContent)
	photos.Text = claimText(p, "guide.reply.more_photos", claim)
	partial := guide(p, "partial_refund", "guide.reply.partial_refund", srcAbuse)
	partial.Text = claimText(p, "guide.reply.partial_refund", claim)
	switch claim {
	case assistant.NotReceived:
		photos.Title = p.T("guide.reply.more_photos.not_received.title")
		photos.Source, partial.Source = srcNotReceived, srcNotReceived
	case assistant.NotAsDescribed:
		photos.Source = srcNotAsDesc
	case assistant.Counterfeit:
		photos.Source = srcFake
	case assistant.Broken:
		photos.Source = srcBroken
	case assistant.MissingParts:
		photos.Source, partial.Source = srcMissingFix, srcMissingFix
	}
	offPlatform := guide(p, "off_platform", "guide.reply.off_platform", srcMessages)
	offPlatform.Stop = true
	items := []templates.GuideItem{offPlatform, partial, photos}
	if claim != assistant.NotReceived { // nothing to send back
		items = append(items, guide(p, "send_back", "guide.reply.send_back", srcReturns))
	}
	return append(items, guide(p, "no_answer", "guide.reply.no_answer", srcReviews))
}

// disputeHowTo is how to open and run the dispute, per claim.
func disputeHowTo(p *i18n.Printer, claim assistant.Claim) []templates.GuideItem {
	reason := ""
	if claim != assistant.NoLongerWanted && claim != "" {
		reason = p.T("guide.open.reason." + string(claim))
	}
	kind := guide(p, "refund_kind", "guide.refund_kind", srcFAQ)
	kind.Text = claimText(p, "guide.refund_kind", claim)
	if claim == assistant.NotReceived {
		kind.Source = srcDisputes
	}
	if claim == assistant.MissingParts {
		kind.Source = srcMissingFix
	}
	return []templates.GuideItem{
		guide(p, "open", "guide.open", srcDisputes, "reason", reason),
		kind,
		guide(p, "attach", "guide.attach", srcDisputes),
		guide(p, "while_open", "guide.while_open", srcAbuse),
	}
}

// returnSteps is what to remember when sending an item back.
func returnSteps(p *i18n.Printer) []templates.GuideItem {
	return []templates.GuideItem{
		guide(p, "who_pays", "guide.return.who_pays", srcReturns),
		guide(p, "address", "guide.return.address", srcReturns),
		guide(p, "time", "guide.return.time", srcReturns),
		guide(p, "proof", "guide.return.proof", srcReturns),
	}
}

// refusalRights is what remains after any refusal.
func refusalRights(p *i18n.Printer) []templates.GuideItem {
	review := guide(p, "honest_review", "guide.honest_review", srcReviews)
	review.Link, review.LinkText = "/review", p.T("guide.honest_review.link")
	return []templates.GuideItem{guide(p, "statutory_rights", "guide.statutory_rights", srcRights), review}
}

// reviewPage is the fair-review helper; form holds the review when the
// buyer sent it without JavaScript (a POST: their words never sit in an
// address).
func reviewPage(p *i18n.Printer, form url.Values, embed bool) templ.Component {
	r := templates.ReviewPage{Page: templates.Page{Title: p.T("page.title.review"), Embedded: embed, Back: "/"}}
	if text := form.Get("review"); len(form) > 0 {
		r.Text = text
		c := describe.Check(describe.FieldReview, text)
		r.Checked = c.Text
		for _, f := range c.Findings {
			r.Findings = append(r.Findings, templates.Finding{ID: f.ID, Field: p.T("review.field"), Excerpt: f.Excerpt, Suggestion: f.Suggestion})
		}
	}
	return templates.ReviewPageView(r)
}
