package pages

import (
	"net/url"
	"strings"
	"testing"

	ical "github.com/arran4/golang-ical"
)

// parseICS reads a calendar file with a real iCalendar parser
// (github.com/arran4/golang-ical) and fails on anything it cannot read.
func parseICS(t *testing.T, data string) *ical.Calendar {
	t.Helper()
	if data == "" {
		t.Fatal("no calendar file")
	}
	cal, err := ical.ParseCalendar(strings.NewReader(data))
	if err != nil {
		t.Fatalf("the calendar file does not parse: %v\n%s", err, data)
	}
	return cal
}

// prop is a property's value, unescaped if it is text.
func prop(c *ical.ComponentBase, p ical.ComponentProperty) string {
	if v := c.GetProperty(p); v != nil {
		return ical.FromText(v.Value)
	}
	return ""
}

type parsedEvent struct {
	uid, start, end, summary, desc string
	alarms                         []string // action trigger description
}

func events(t *testing.T, data string) []parsedEvent {
	t.Helper()
	var out []parsedEvent
	for _, e := range parseICS(t, data).Events() {
		p := parsedEvent{uid: prop(&e.ComponentBase, ical.ComponentPropertyUniqueId),
			start: prop(&e.ComponentBase, ical.ComponentPropertyDtStart), end: prop(&e.ComponentBase, ical.ComponentPropertyDtEnd),
			summary: prop(&e.ComponentBase, ical.ComponentPropertySummary), desc: prop(&e.ComponentBase, ical.ComponentPropertyDescription)}
		if e.GetProperty(ical.ComponentPropertyDtstamp) == nil {
			t.Errorf("event %s has no DTSTAMP", p.uid)
		}
		if v := e.GetProperty(ical.ComponentPropertyDtStart); v == nil || strings.Join(v.ICalParameters["VALUE"], "") != "DATE" {
			t.Errorf("event %s is not all day", p.uid)
		}
		for _, a := range e.Alarms() {
			p.alarms = append(p.alarms, prop(&a.ComponentBase, ical.ComponentPropertyAction)+" "+
				prop(&a.ComponentBase, ical.ComponentPropertyTrigger)+" "+prop(&a.ComponentBase, ical.ComponentPropertyDescription))
		}
		out = append(out, p)
	}
	return out
}

// TestCalendarHoldsBothDays: the earliest day and the last (Buyer
// Protection ends), one event each, each with an alarm the day before and
// a line of what to do, read back by an iCalendar parser.
func TestCalendarHoldsBothDays(t *testing.T) {
	q, _ := url.ParseQuery(withProtection("2026-12-20"))
	data, name := Calendar(q, today, "", "")
	if name != "calmclaim-2026-11-30.ics" {
		t.Errorf("file name %q", name)
	}
	ev := events(t, data)
	if len(ev) != 2 {
		t.Fatalf("%d events, want 2:\n%s", len(ev), data)
	}
	want := []struct{ start, end, summary, do string }{
		{"20261130", "20261201", "Open your AliExpress dispute if the refund request is not settled", en.T("calendar.earliest.do")},
		{"20261220", "20261221", "Last day for your AliExpress dispute: Buyer Protection ends", en.T("calendar.last.do")},
	}
	for i, w := range want {
		e := ev[i]
		if e.start != w.start || e.end != w.end || e.summary != w.summary {
			t.Errorf("event %d: %s–%s %q, want %s–%s %q", i, e.start, e.end, e.summary, w.start, w.end, w.summary)
		}
		if first, _, _ := strings.Cut(e.desc, "\n"); first != w.do || !strings.HasPrefix(first, "What to do: ") {
			t.Errorf("event %d: description starts %q, want %q", i, first, w.do)
		}
		if len(e.alarms) != 1 || e.alarms[0] != "DISPLAY -P1D "+w.summary {
			t.Errorf("event %d: alarms %q", i, e.alarms)
		}
		if strings.Contains(e.desc+e.summary, "Order") || strings.Contains(e.desc, "dispute.") {
			t.Errorf("event %d names an order or a rule id without one: %q", i, e.desc)
		}
	}
	if ev[0].uid == ev[1].uid {
		t.Errorf("both events have the UID %s", ev[0].uid)
	}
	// The earliest day says why, with its source.
	if !strings.Contains(ev[0].desc, "Why: The seller has 10 calendar days") || !strings.Contains(ev[0].desc, "(Source: About AliExpress Buyer Protection, ") {
		t.Errorf("the earliest day does not say why: %q", ev[0].desc)
	}
	for _, line := range strings.Split(data, "\r\n") {
		if len(line) > 75 {
			t.Errorf("line longer than 75 octets: %q", line)
		}
	}
}

// TestCalendarWhenProtectionEndsFirst: the last day comes first in the
// file, and its line says to act that day, not to open the dispute.
func TestCalendarWhenProtectionEndsFirst(t *testing.T) {
	q, _ := url.ParseQuery(withProtection("2026-11-27"))
	data, name := Calendar(q, today, "", "")
	ev := events(t, data)
	if len(ev) != 2 || ev[0].start != "20261127" || ev[1].start != "20261130" || name != "calmclaim-2026-11-27.ics" {
		t.Fatalf("%s: %+v", name, ev)
	}
	if first, _, _ := strings.Cut(ev[0].desc, "\n"); first != en.T("calendar.last.do_late") {
		t.Errorf("the last day says %q", first)
	}
	// Protection already ended: only the earliest day is still to come.
	q, _ = url.ParseQuery(withProtection("2026-11-21"))
	if ev := events(t, first(Calendar(q, today, "", ""))); len(ev) != 1 || ev[0].start != "20261130" {
		t.Errorf("protection ended: %+v", ev)
	}
	// Eligible, protection ending later: the last day alone.
	q, _ = url.ParseQuery(strings.Replace(withProtection("2026-12-20"), "refund_requested_on=2026-11-20", "refund_requested_on=2026-11-01", 1))
	if ev := events(t, first(Calendar(q, today, "", ""))); len(ev) != 1 || ev[0].start != "20261220" || len(ev[0].alarms) != 1 {
		t.Errorf("eligible: %+v", ev)
	}
	// Skipped: the earliest day alone, as before.
	q, _ = url.ParseQuery(brokenWait)
	if ev := events(t, first(Calendar(q, today, "", ""))); len(ev) != 1 || ev[0].start != "20261130" || len(ev[0].alarms) != 1 {
		t.Errorf("skipped: %+v", ev)
	}
}

func first(a, _ string) string { return a }

// TestCalendarWithOrderNumber: the page's own copy of Calendar, given the
// order number kept in the browser, writes it into every event; control
// characters and iCalendar's special characters cannot break the file.
func TestCalendarWithOrderNumber(t *testing.T) {
	q, _ := url.ParseQuery(withProtection("2026-12-20"))
	data, _ := Calendar(q, today, " 8123456789012345 ", "")
	for i, e := range events(t, data) {
		if !strings.HasPrefix(e.desc, "Order 8123456789012345\nWhat to do: ") || !strings.HasSuffix(e.summary, " (order 8123456789012345)") {
			t.Errorf("event %d: %q %q", i, e.summary, e.desc)
		}
		if !strings.HasPrefix(e.uid, "calmclaim-8123456789012345-") {
			t.Errorf("event %d: UID %s", i, e.uid)
		}
	}
	hostile := "81;23,4\\5\r\nEND:VCALENDAR\r\nBEGIN:VEVENT" + strings.Repeat("9", 100)
	data, _ = Calendar(q, today, hostile, "")
	ev := events(t, data)
	if len(ev) != 2 {
		t.Fatalf("%d events after a hostile order number", len(ev))
	}
	if got := strings.TrimPrefix(strings.SplitN(ev[0].desc, "\n", 2)[0], "Order "); got != cleanOrder(hostile) || len(got) != MaxOrderLen ||
		!strings.HasPrefix(got, "81;23,4\\5END:VCALENDARBEGIN:VEVENT") {
		t.Errorf("order read back as %q", got)
	}
	if strings.Count(data, "\r\nBEGIN:VEVENT\r\n") != 2 || strings.Count(data, "\r\nEND:VCALENDAR\r\n") != 1 {
		t.Errorf("the order number broke the file:\n%s", data)
	}
	// The GET address never carries one.
	_, body := render(t, "/dispute/calendar.ics?"+withProtection("2026-12-20")+"&order=8123")
	if strings.Contains(body, "8123") {
		t.Error("an order number from the address reached the calendar file")
	}
}
