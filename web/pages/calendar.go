package pages

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/calmclaim/calmclaim/i18n/enginetext"
	"github.com/calmclaim/calmclaim/templates"
)

// The words of the calendar file's events are in verdict.json
// (calendar.*). Each event's description starts with the order number,
// when known, then one line of what to do.

// calendarEvent is one day in the calendar file.
type calendarEvent struct {
	Day              assistant.Date
	Kind             string // "earliest" or "last": part of the event's UID
	Summary, Details string // Details follow the what-to-do line
	Do               string // the one line of what to do
}

// calendarEvents are the days of a verdict still to come that a calendar
// file can hold, in date order: the earliest day to open the dispute (wait
// and contact_seller_first) and the last, the end of Buyer Protection, when
// it is known and not past.
func calendarEvents(p *i18n.Printer, v assistant.Verdict, today assistant.Date) []calendarEvent {
	var out []calendarEvent
	if v.Outcome == assistant.Wait || v.Outcome == assistant.ContactSellerFirst {
		out = append(out, calendarEvent{Day: v.EarliestDate, Kind: string(v.Outcome),
			Summary: p.T("calendar.earliest.summary"), Do: p.T("calendar.earliest.do"),
			Details: p.T("calendar.why", "summary", enginetext.RuleSummary(p, v.Rules[0]), "source", v.Rules[0].SourceFor(v.Claim))})
	}
	if !v.LastDate.IsZero() && !v.LastDate.Before(today) {
		do := p.T("calendar.last.do")
		if v.LastDate.Before(v.EarliestDate) {
			do = p.T("calendar.last.do_late")
		}
		last := calendarEvent{Day: v.LastDate, Kind: "last", Summary: p.T("calendar.last.summary"), Do: do}
		if len(out) > 0 && v.LastDate.Before(v.EarliestDate) {
			out = append([]calendarEvent{last}, out...) // protection ends first
		} else {
			out = append(out, last)
		}
	}
	// Only dates with four-digit years fit a calendar file.
	fits := out[:0]
	for _, e := range out {
		_, ok1 := icsDate(e.Day)
		_, ok2 := icsDate(e.Day.AddDays(1))
		if ok1 && ok2 {
			fits = append(fits, e)
		}
	}
	return fits
}

// calendarLink is the calendar file's address for the verdict and the
// link's words with the dates in them, or "" when it has no day to come.
func calendarLink(p *i18n.Printer, v assistant.Verdict, today assistant.Date, known, q url.Values) (href, text string, dates []templates.DateText) {
	events := calendarEvents(p, v, today)
	if len(events) == 0 {
		return "", "", nil
	}
	for _, e := range events {
		dates = append(dates, dateText(p, e.Day))
	}
	text = p.T("verdict.calendar.one", "date", dates[0].Text)
	if len(dates) > 1 {
		text = p.T("verdict.calendar.two", "date", dates[0].Text, "date2", dates[1].Text)
	}
	return link("/dispute/calendar.ics", known, q), text, dates
}

// Calendar is the dispute's calendar file (.ics) for the answers in q, and
// its file name; "" when the verdict has no day to come. It holds one event
// per day (calendarEvents), all day, each with an alarm the day before, a
// line of what to do and, when order is not "", the order number. Its
// words are in the language q's "lang" names, else in lang (the page's),
// else in English.
//
// Calendar is pure, so the page's wasm can call it as well as the server.
// GET /dispute/calendar.ics passes no order number: case details never go
// in an address. A page that keeps the order number in the browser builds
// the same file there with it.
func Calendar(q url.Values, today assistant.Date, order string, lang i18n.Lang) (data, name string) {
	if l, ok := i18n.Parse(q.Get("lang")); ok {
		lang = l
	}
	return calendar(i18n.For(lang), q, today, order)
}

func calendar(p *i18n.Printer, q url.Values, today assistant.Date, order string) (data, name string) {
	_, known, current := dispute.walk(q, today)
	if current != "" {
		return "", ""
	}
	v, _ := verdictFor(known, today)
	events := calendarEvents(p, v, today)
	stamp, ok := icsDate(today)
	if len(events) == 0 || !ok {
		return "", ""
	}
	order = cleanOrder(order)
	uidOrder := strings.Map(func(r rune) rune {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return r
		}
		return -1
	}, order)
	if uidOrder != "" {
		uidOrder += "-"
	}
	lines := []string{
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//Calmclaim//Dispute dates//EN",
		"CALSCALE:GREGORIAN",
	}
	for _, e := range events {
		day, _ := icsDate(e.Day)
		end, _ := icsDate(e.Day.AddDays(1))
		summary, desc := e.Summary, e.Do
		if order != "" {
			summary += p.T("calendar.order_summary", "order", order)
			desc = p.T("calendar.order_line", "order", order) + "\n" + desc
		}
		if e.Details != "" {
			desc += "\n" + e.Details
		}
		lines = append(lines,
			"BEGIN:VEVENT",
			"UID:calmclaim-"+uidOrder+day+"-"+e.Kind+"@calmclaim",
			"DTSTAMP:"+stamp+"T000000Z",
			"DTSTART;VALUE=DATE:"+day,
			"DTEND;VALUE=DATE:"+end,
			"SUMMARY:"+icsEscape(summary),
			"DESCRIPTION:"+icsEscape(desc),
			"TRANSP:TRANSPARENT",
			"BEGIN:VALARM",
			"ACTION:DISPLAY",
			"TRIGGER:-P1D",
			"DESCRIPTION:"+icsEscape(summary),
			"END:VALARM",
			"END:VEVENT",
		)
	}
	lines = append(lines, "END:VCALENDAR")
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(fold(l))
		b.WriteString("\r\n")
	}
	return b.String(), "calmclaim-" + events[0].Day.String() + ".ics"
}

// MaxOrderLen bounds the order number written into a calendar file.
const MaxOrderLen = 64

// cleanOrder is the order number as a calendar file may hold it: trimmed,
// without control characters, at most MaxOrderLen bytes of whole runes.
func cleanOrder(order string) string {
	order = strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return -1
		}
		return r
	}, order))
	for len(order) > MaxOrderLen {
		_, size := utf8.DecodeLastRuneInString(order)
		order = order[:len(order)-size]
	}
	return order
}

// icsDate writes d as an iCalendar DATE, YYYYMMDD, which holds only the
// years 0001 to 9999: a date past them has no calendar file.
func icsDate(d assistant.Date) (string, bool) {
	y, _, _ := d.YMD()
	if d.IsZero() || y < 1 || y > 9999 {
		return "", false
	}
	return strings.ReplaceAll(d.String(), "-", ""), true
}

func icsEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`).Replace(s)
}

// fold splits a content line into lines of at most 75 octets, the
// continuations starting with a space (RFC 5545, 3.1), never inside a
// UTF-8 sequence.
func fold(l string) string {
	var b strings.Builder
	limit := 75
	for len(l) > limit {
		cut := limit
		for cut > 0 && l[cut]&0xC0 == 0x80 {
			cut--
		}
		b.WriteString(l[:cut])
		b.WriteString("\r\n ")
		l = l[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(l)
	return b.String()
}
