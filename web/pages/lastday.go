package pages

import (
	"strings"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/templates"
)

// lastDayWords are the verdict's words about the last day to open the
// dispute, the end of Buyer Protection the buyer read in the order's
// details. {earliest} is the first day a dispute can be opened and {last}
// the end of protection, in words. The seeds say deadlines differ by order
// and are shown in its details, and nothing about opening a dispute early,
// so when protection ends first the words say to act before it ends.
var lastDayWords = struct {
	Window, WindowNow, SameDay string
	EndsFirst, Ended, Unknown  string
	CalendarOne, CalendarTwo   string
}{
	Window:    "Open the dispute from {earliest} and no later than {last}, the day Buyer Protection for this order ends.",
	WindowNow: "You could open the dispute from {earliest}. Open it now, and no later than {last}, the day Buyer Protection for this order ends.",
	SameDay:   "Open the dispute on {earliest}: Buyer Protection for this order ends that day, so it is the only day left.",
	EndsFirst: "Buyer Protection for this order ends on {last}, before {earliest}, the first day a dispute can be opened. " +
		"Do not wait for {earliest}: act before {last}. Ask the seller to settle it now, check the end of protection in the order\u2019s details, " +
		"and if it is not settled in time, contact AliExpress support before protection ends.",
	Ended: "Buyer Protection for this order ended on {last}, by the date you gave. Check that date in the order\u2019s details. " +
		"If protection has ended, contact AliExpress support about this order, and keep your evidence.",
	Unknown:     "Open the dispute before Buyer Protection for this order ends: the order\u2019s details show when that is.",
	CalendarOne: "Add {date} to your calendar",
	CalendarTwo: "Add {date} and {date2} to your calendar",
}

// lastDayFor says when the dispute must be opened by, for a verdict that
// gives a date: both dates when the end of protection is known, with a
// warning when it comes first; a reminder to check it when it is not.
func lastDayFor(v assistant.Verdict, today assistant.Date) *templates.LastDay {
	switch v.Outcome {
	case assistant.Eligible, assistant.Wait, assistant.ContactSellerFirst:
	default:
		return nil
	}
	if v.LastDate.IsZero() {
		return &templates.LastDay{State: "unknown", Text: lastDayWords.Unknown}
	}
	l := &templates.LastDay{Dates: []templates.DateText{dateText(v.EarliestDate), dateText(v.LastDate)}}
	text := lastDayWords.Window
	switch {
	case v.LastDate.Before(today):
		l.State, text = "ended", lastDayWords.Ended
	case v.LastDate.Before(v.EarliestDate):
		l.State, text = "ends-first", lastDayWords.EndsFirst
	case v.LastDate == v.EarliestDate:
		l.State, text = "window", lastDayWords.SameDay
	case v.Outcome == assistant.Eligible:
		l.State, text = "window", lastDayWords.WindowNow
	default:
		l.State = "window"
	}
	text = fill(text, "{earliest}", longDate(v.EarliestDate), "{last}", longDate(v.LastDate))
	if l.State == "window" {
		l.Text = text
		return l
	}
	l.Warning = text
	for _, w := range v.Warnings {
		if w.ID == assistant.RuleProtectionEndsFirst {
			l.Source = w.SourceFor(v.Claim)
		}
	}
	return l
}

// dateText is d in words and as YYYY-MM-DD, for <time datetime>.
func dateText(d assistant.Date) templates.DateText {
	return templates.DateText{Text: longDate(d), ISO: d.String()}
}

// fill replaces each placeholder (old, new pairs) in text.
func fill(text string, oldnew ...string) string {
	return strings.NewReplacer(oldnew...).Replace(text)
}
