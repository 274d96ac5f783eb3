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
	checked := CheckWith(FieldDifference, in.Story.Difference, Context{Claim: in.Facts.Claim, Lang: in.Lang})
	m.Findings = checked.Findings
	w := newWriter(&in)

	var about string
	switch item := d.ItemWords(); {
	case d.Order != "" && item != "":
		about = w.t("message.about.order_item", "order", d.Order, "item", item)
	case d.Order != "":
		about = w.t("message.about.order", "order", d.Order)
	case item != "":
		about = w.t("message.about.item", "item", item)
	default:
		about = w.t("message.about")
	}
	var request string
	switch {
	case in.Verdict.Outcome == assistant.ContactSellerFirst:
		request = w.t("message.request.today")
	case !in.Facts.RefundRequestedOn.IsZero():
		request = w.t("message.request.sent_on", "date", w.date(in.Facts.RefundRequestedOn))
	}
	var evidence string
	switch in.Facts.Claim {
	case assistant.NotReceived:
		evidence = w.t("message.evidence.not_received")
	case assistant.MissingParts:
		evidence = w.t("message.evidence.missing_parts")
	default:
		evidence = w.t("message.evidence.other")
	}
	paras := []string{
		w.t("message.hello"),
		join(about, w.messageProblem(), checked.Text),
		join(w.remedy(), request, evidence),
		w.t("message.close"),
	}
	m.Text = strings.Join(paras, "\n\n")
	return m
}

// messageProblem is the problem in one sentence, from the facts.
func (w *writer) messageProblem() string {
	in, f := w.in, w.f
	switch f.Claim {
	case assistant.NotReceived:
		switch f.Tracking {
		case assistant.TrackingInTransit:
			switch dl := f.DeliveryDeadline; {
			case dl.IsZero():
			case dl.Before(in.Today):
				return w.t("message.problem.in_transit_ended", "date", w.date(dl))
			default:
				return w.t("message.problem.in_transit_ends", "date", w.date(dl))
			}
			return w.t("message.problem.in_transit")
		case assistant.TrackingNotShipped:
			return w.t("message.problem.not_shipped")
		case assistant.TrackingNone, assistant.TrackingInvalid:
			return w.t("message.problem.no_tracking")
		case assistant.TrackingLost:
			return w.t("message.problem.lost")
		case assistant.TrackingSeized:
			return w.t("message.problem.seized")
		}
		return w.t("message.problem.not_received")
	case assistant.NotAsDescribed:
		return w.t("message.problem.not_as_described")
	case assistant.Counterfeit:
		return w.t("message.problem.counterfeit")
	case assistant.Broken:
		return w.t("message.problem.broken")
	case assistant.MissingParts:
		return w.t("message.problem.missing_parts")
	}
	return ""
}
