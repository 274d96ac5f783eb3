package describe

import (
	"strings"

	"github.com/calmclaim/calmclaim/assistant"
)

// Message is a calm message to the seller in the order's chat: the refund
// request a buyer sends before a dispute (outcomes contact_seller_first and
// wait). Findings come from the tone check of the buyer's own words used
// in it; the text itself has none (a test checks every claim and outcome).
type Message struct {
	Text     string
	Findings []Finding
}

// HasMessage reports whether the outcome gets a message to the seller:
// while the seller may still settle it.
func HasMessage(o assistant.Outcome) bool {
	return o == assistant.ContactSellerFirst || o == assistant.Wait
}

// SellerMessage writes the message to the seller for a case, or an empty
// Message for an outcome without one (see HasMessage). It uses the facts,
// the verdict, the buyer's own words about the difference (through the
// tone check) and the order's details when known; it asks for the remedy
// the buyer chose, keeps the talk in the order's chat, and threatens
// nothing. Like Describe it never fails.
func SellerMessage(in Input, d Details) Message {
	if !HasMessage(in.Verdict.Outcome) {
		return Message{}
	}
	var m Message
	checked := Check(FieldDifference, in.Story.Difference)
	m.Findings = checked.Findings
	w := writer{in: &in, f: &in.Facts, v: &in.Verdict}

	about := "I am writing about this order"
	if d.Order != "" {
		about = "I am writing about order " + d.Order
	}
	if item := d.ItemWords(); item != "" {
		about += " (" + item + ")"
	}
	var request string
	switch {
	case in.Verdict.Outcome == assistant.ContactSellerFirst:
		request = "I am also sending a refund request on the order page today."
	case !in.Facts.RefundRequestedOn.IsZero():
		request = "I sent a refund request on the order page on " + formatDate(in.Facts.RefundRequestedOn) + "."
	}
	var evidence string
	switch in.Facts.Claim {
	case assistant.NotReceived:
		evidence = "The tracking history is on the order page."
	case assistant.MissingParts:
		evidence = "I have photos of everything that arrived and can share them here."
	default:
		evidence = "I have photos and a video of the problem and can share them here."
	}
	paras := []string{
		"Hello,",
		join(about+".", messageProblem(&in), checked.Text),
		join(w.remedy(), request, evidence),
		"Please let me know here in the order's chat how you would like to settle it. Thank you.",
	}
	m.Text = strings.Join(paras, "\n\n")
	return m
}

// messageProblem is the problem in one sentence, from the facts.
func messageProblem(in *Input) string {
	f := &in.Facts
	switch f.Claim {
	case assistant.NotReceived:
		switch f.Tracking {
		case assistant.TrackingInTransit:
			switch dl := f.DeliveryDeadline; {
			case dl.IsZero():
			case dl.Before(in.Today):
				return "The parcel has not arrived, and the promised delivery period ended on " + formatDate(dl) + "."
			default:
				return "The parcel has not arrived yet; the promised delivery period ends on " + formatDate(dl) + "."
			}
			return "The parcel has not arrived yet."
		case assistant.TrackingNotShipped:
			return "The order has not been shipped."
		case assistant.TrackingNone, assistant.TrackingInvalid:
			return "The order has not arrived, and its tracking number does not show the parcel."
		case assistant.TrackingLost:
			return "The order has not arrived, and the carrier reports the parcel as lost."
		case assistant.TrackingSeized:
			return "The order has not arrived: customs held the parcel."
		}
		return "The order has not arrived."
	case assistant.NotAsDescribed:
		return "The item I received is different from the listing."
	case assistant.Counterfeit:
		return "The item I received does not appear to be the genuine product the listing offered."
	case assistant.Broken:
		return "The item arrived damaged and does not work as it should."
	case assistant.MissingParts:
		return "Part of the order was not in the parcel."
	}
	return ""
}
