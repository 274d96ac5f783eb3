package pages

import (
	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/templates"
)

// step is one question of a wizard. Its answer travels in the URL under
// Name (a contract fact name where there is one).
type step struct {
	ID      string
	Name    string // the URL parameter
	Kind    string // radios, checkboxes, date
	Title   string
	Hint    string
	Options []templates.Option
	Short   string // the label on check-your-answers
	// Checks lists the parameters a checkboxes step sets to true.
	Checks []string
	// ForClaims, when set, offers an option only for the listed claims
	// (option value → claims); an option not listed is offered for all.
	ForClaims map[string][]string
	// Help, when set, is a "can't answer?" note shown under the question.
	Help *templates.Help
	// NotFuture refuses a date after today (a date step).
	NotFuture bool
	// Skip, on an optional date step, labels a link that answers it with
	// skipped ("I do not know"); SkipAnswer is that answer in words on
	// check your answers.
	Skip, SkipAnswer string
	// Item is the checklist item a stop step stops on (Kind "stop").
	Item string
}

func opt(value, label, hint string) templates.Option {
	return templates.Option{Value: value, Label: label, Hint: hint}
}

var yesNo = []templates.Option{opt("true", "Yes", ""), opt("false", "No", "")}

var yesNoUnsure = []templates.Option{opt("true", "Yes", ""), opt("false", "No", ""), opt("unsure", "I am not sure", "")}

// disputeSteps are the dispute wizard's questions. The engine decides which
// of the contract facts to ask (next_question); the extras after them are
// facts the engine never asks for but the verdict needs to be right.
var disputeSteps = map[string]*step{
	"claim": {ID: "claim", Name: "claim", Kind: "radios", Short: "Problem",
		Title: "What went wrong with your order?",
		Options: []templates.Option{
			opt("not_received", "It has not arrived", "Including parcels stuck in transit, lost or held by customs."),
			opt("not_as_described", "It is different from the listing", "For example another size, colour, model or material, or a different item."),
			opt("counterfeit", "It looks fake", "Branded goods that do not seem genuine."),
			opt("broken", "It arrived broken or does not work", ""),
			opt("missing_parts", "Parts or items are missing", "Something from the package contents, or fewer items than you ordered."),
			opt("no_longer_wanted", "Nothing is wrong, I no longer want it", ""),
		}},
	"paid_on_platform": {ID: "paid_on_platform", Name: "paid_on_platform", Kind: "radios", Short: "Paid through the checkout",
		Title:   "Did you pay through AliExpress's own checkout?",
		Hint:    "Card, PayPal or another method offered at checkout. Not a bank transfer, payment app or link that the seller sent you.",
		Options: yesNo},
	"tracking": {ID: "tracking", Name: "tracking", Kind: "radios", Short: "Tracking",
		Title: "What does the parcel's tracking say?",
		Hint:  "Look at the tracking on the order page.",
		Options: []templates.Option{
			opt("in_transit", "It is on its way", "The tracking shows recent movement."),
			opt("delivered", "It says delivered, but I do not have it", ""),
			opt("not_shipped", "It was never shipped", ""),
			opt("none", "There is no tracking number", ""),
			opt("invalid", "The number does not work or was never scanned", ""),
			opt("lost", "The carrier says it is lost", ""),
			opt("seized_by_customs", "Customs have held it", ""),
		}},
	"customs_reason": {ID: "customs_reason", Name: "customs_reason", Kind: "radios", Short: "Why customs held it",
		Title: "Why did customs hold the parcel?",
		Hint:  "The customs letter or the tracking usually says.",
		Options: []templates.Option{
			opt("seller_false_declaration", "The seller declared it wrongly", "For example a false value or description."),
			opt("prohibited_or_fake", "The goods are banned or fake", ""),
			opt("buyer_import_rules", "My country's import rules, duties or a permit I did not have", ""),
			opt("unknown", "I do not know", ""),
		}},
	"delivery_deadline": {ID: "delivery_deadline", Name: "delivery_deadline", Kind: "date", Short: "Delivery period ends",
		Title: "When does the promised delivery period end?",
		Hint:  "The latest delivery date on the order page. For example, 27 11 2026.",
		Help: &templates.Help{Summary: "I cannot find this date",
			Lines: []string{
				"Open the order from My Orders: the order page shows the promised delivery date (\u201cdelivery by\u201d, or the end of the estimated delivery period) next to the tracking.",
				"If it is not there, ask the seller in the order\u2019s chat to confirm the promised delivery date, and keep their answer.",
				"Until you know it, we cannot give you a date: a parcel that is still moving may arrive until the end of that period, and a dispute for it opens only the day after.",
			}}},
	"complaint": {ID: "complaint", Name: "complaint", Kind: "radios", Short: "What is different",
		Title: "How is the item different from the listing?",
		Options: []templates.Option{
			opt("different_item", "It is a different item altogether", ""),
			opt("different_spec", "Another size, colour, model or material", ""),
			opt("is_used", "It is used", ""),
			opt("is_defective", "It has a defect", ""),
			opt("minor_scratches", "It has minor scratches", ""),
			opt("below_expectations", "It matches the listing but is worse than I hoped", ""),
		}},
	"listing_condition": {ID: "listing_condition", Name: "listing_condition", Kind: "radios", Short: "Condition in the listing",
		Title: "What did the listing say about the item's condition?",
		Hint:  "Look at the title, the options and the description.",
		Options: []templates.Option{
			opt("new", "New", ""),
			opt("used", "Used", ""),
			opt("defective", "Defective or for parts", ""),
			opt("imitation", "An imitation, replica or copy", ""),
		}},
	"missing_item_in_listing": {ID: "missing_item_in_listing", Name: "missing_item_in_listing", Kind: "radios", Short: "Missing part was listed",
		Title:   "Did the listing or its package contents include what is missing?",
		Hint:    "For example, the charger is named in the package contents, or you ordered 20 and 5 came.",
		Options: yesNo},
	"conduct": {ID: "conduct", Name: "conduct", Kind: "checkboxes", Short: "Refunds, bank reversals or earlier disputes",
		Title: "Do any of these apply to this order?",
		Hint:  "Select all that apply. These change whether a new dispute can succeed.",
		Options: []templates.Option{
			opt("refund_received", "I have already been refunded for this problem", ""),
			opt("chargeback_filed", "I asked my bank or card company to reverse the payment", ""),
			opt("previous_dispute_same_reason", "I already opened a dispute about this problem on this order", ""),
			opt("motive_retaliation", "My main reason is something else with this seller, such as an earlier order or dispute", ""),
			{Value: "none", Label: "None of these apply", Exclusive: true},
		},
		Checks: []string{"refund_received", "chargeback_filed", "previous_dispute_same_reason", "motive_retaliation"}},
	"new_evidence": {ID: "new_evidence", Name: "new_evidence", Kind: "radios", Short: "New evidence since the last dispute",
		Title:   "Do you have new evidence since that dispute?",
		Hint:    "For example new photos, a repair report or new tracking information.",
		Options: yesNo},
	"requested_remedy": {ID: "requested_remedy", Name: "requested_remedy", Kind: "radios", Short: "What would settle it",
		Title: "What would settle this for you?",
		Options: []templates.Option{
			opt("full_refund", "A full refund", ""),
			opt("partial_refund", "A partial refund, keeping the item", ""),
			opt("replacement", "A replacement", ""),
			opt("ship_missing", "The seller sends what is missing", ""),
			opt("return_and_refund", "I return it for a refund", ""),
			opt("extra_compensation", "A refund and something extra, such as a coupon or a gift", "Buyer Protection covers only what the order included."),
		},
		// A parcel that never came cannot be kept, returned or completed.
		ForClaims: map[string][]string{
			"partial_refund":    {"not_as_described", "counterfeit", "broken", "missing_parts"},
			"ship_missing":      {"missing_parts"},
			"return_and_refund": {"not_as_described", "counterfeit", "broken", "missing_parts"},
		}},
	"signed_before_inspection": {ID: "signed_before_inspection", Name: "signed_before_inspection", Kind: "radios", Short: "Signed before checking",
		Title:   "Did you sign for the parcel before checking the item?",
		Options: yesNoUnsure},
	"refund_asked": {ID: "refund_asked", Name: "refund_asked", Kind: "radios", Short: "Asked the seller for a refund",
		Title:   "Have you asked the seller for a refund on the order page?",
		Hint:    "A refund request on the order, not only a chat message.",
		Options: yesNo},
	"refund_requested_on": {ID: "refund_requested_on", Name: "refund_requested_on", Kind: "date", Short: "Refund requested on",
		Title:     "When did you send the refund request?",
		Hint:      "The date on the order page. For example, 15 11 2026.",
		NotFuture: true},
	// Optional: the verdict's last day. A past date is an answer too (the
	// verdict then says protection has ended).
	"protection_ends_on": {ID: "protection_ends_on", Name: "protection_ends_on", Kind: "date", Short: "Buyer Protection ends",
		Title:      "When does Buyer Protection end for this order?",
		Hint:       "Open the order from My Orders: its details show when Buyer Protection ends, as a date or a countdown. For example, 20 12 2026.",
		Skip:       "I do not know this date",
		SkipAnswer: "Not known",
		Help: &templates.Help{Summary: "I cannot find this date",
			Lines: []string{
				"Look in the order\u2019s details, near the order status and tracking. If it shows a countdown of days, count that many days on from today.",
				"If you cannot find it, choose \u201cI do not know this date\u201d. We will still give you the first day to open a dispute, and remind you to check when protection ends.",
			}}},
}

// disputeFacts are the step ids that are contract facts, asked when the
// engine names them.
func isFactStep(id string) bool {
	_, ok := assistant.LookupFact(id)
	return ok
}
