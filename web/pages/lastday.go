package pages

import (
	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/calmclaim/calmclaim/templates"
)

// The verdict's words about the last day to open the dispute, the end of
// Buyer Protection the buyer read in the order's details, are in
// verdict.json (verdict.last_day.*): {earliest} is the first day a dispute
// can be opened and {last} the end of protection, in words. The seeds say
// deadlines differ by order and are shown in its details, and nothing
// about opening a dispute early, so when protection ends first the words
// say to act before it ends.

// lastDayFor says when the dispute must be opened by, for a verdict that
// gives a date: both dates when the end of protection is known, with a
// warning when it comes first; a reminder to check it when it is not.
func lastDayFor(p *i18n.Printer, v assistant.Verdict, today assistant.Date) *templates.LastDay {
	switch v.Outcome {
	case assistant.Eligible, assistant.Wait, assistant.ContactSellerFirst:
	default:
		return nil
	}
	if v.LastDate.IsZero() {
		return &templates.LastDay{State: "unknown", Text: p.T("verdict.last_day.unknown")}
	}
	l := &templates.LastDay{Dates: []templates.DateText{dateText(p, v.EarliestDate), dateText(p, v.LastDate)}}
	key := "verdict.last_day.window"
	switch {
	case v.LastDate.Before(today):
		l.State, key = "ended", "verdict.last_day.ended"
	case v.LastDate.Before(v.EarliestDate):
		l.State, key = "ends-first", "verdict.last_day.ends_first"
	case v.LastDate == v.EarliestDate:
		l.State, key = "window", "verdict.last_day.same_day"
	case v.Outcome == assistant.Eligible:
		l.State, key = "window", "verdict.last_day.window_now"
	default:
		l.State = "window"
	}
	text := p.T(key, "earliest", l.Dates[0].Text, "last", l.Dates[1].Text)
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
func dateText(p *i18n.Printer, d assistant.Date) templates.DateText {
	return templates.DateText{Text: longDate(p, d), ISO: d.String()}
}
