// Package describe writes the text of a dispute: calm, factual, in the
// buyer's own voice, in five parts (what was ordered, what arrived, what is
// different, what evidence is attached and what solution is requested), and
// runs a tone check on the buyer's story so that threats, insults,
// accusations, shouting, links and personal data never reach the seller.
//
// It is pure: no I/O, no clock (today is an input), no HTTP, no JavaScript.
// The browser, the Worker and the native server call the same function.
package describe

import (
	"slices"
	"strings"

	"github.com/calmclaim/calmclaim/assistant"
)

// Story is the buyer's own account of the problem, one free-text field per
// part of the description. Any field may be empty.
type Story struct {
	Ordered    string // the listing and the option chosen
	Received   string // what arrived, and when
	Difference string // what is different from the listing
	Requested  string // the solution the buyer wants
}

// Get returns the text of a field.
func (s *Story) Get(f Field) string {
	switch f {
	case FieldOrdered:
		return s.Ordered
	case FieldReceived:
		return s.Received
	case FieldDifference:
		return s.Difference
	case FieldRequested:
		return s.Requested
	}
	return ""
}

// Input is everything a description is written from. Verdict is the
// engine's answer for Facts on Today (assistant.Assess); Evidence lists the
// kinds of evidence the buyer has, in any order, duplicates allowed.
type Input struct {
	Today    assistant.Date
	Facts    assistant.Facts
	Verdict  assistant.Verdict
	Story    Story
	Evidence []assistant.EvidenceID
	Details  Details // the order's details, if the buyer gave them
}

// Part ids, in the order of the description.
const (
	PartOrdered    = "ordered"
	PartReceived   = "received"
	PartDifference = "difference"
	PartEvidence   = "evidence"
	PartRequested  = "requested"
)

// Part is one of the five parts of a description: a stable id, a heading
// and the text under it.
type Part struct {
	ID      string
	Heading string
	Text    string
}

// Alternative is something the buyer can do instead of a dispute.
type Alternative struct {
	ID   string
	Text string
}

// Description is the result of Describe.
//
// For the outcomes eligible, wait and contact_seller_first, Parts holds the
// five parts and Text the whole description ready to paste; for wait and
// contact_seller_first, Date is the earliest day the dispute can be opened
// and Note says so, because the text is written for that day. For
// not_eligible and need_info there is no text: Reason says why, from the
// deciding rules, and Alternatives what the buyer can do instead.
// Findings come from the tone check of every story field, whatever the
// outcome.
type Description struct {
	Outcome      assistant.Outcome
	Text         string
	Parts        []Part
	Date         assistant.Date
	Note         string
	Reason       string
	Rules        []*assistant.Rule // the rules behind Reason
	Alternatives []Alternative
	// Attached lists the evidence ids the buyer has, once each, in the
	// claim's order; Missing the required evidence not among them.
	Attached []assistant.EvidenceID
	Missing  []assistant.EvidenceID
	Findings []Finding
}

// HasText reports whether the outcome gets a dispute text.
func HasText(o assistant.Outcome) bool {
	return o == assistant.Eligible || o == assistant.Wait || o == assistant.ContactSellerFirst
}

// Describe writes the dispute description for a case. It never fails: a
// verdict without text gets a reason and alternatives instead, and any
// story text is accepted (see Check).
func Describe(in Input) Description {
	d := Description{Outcome: in.Verdict.Outcome}
	var checked [4]Checked
	for i, f := range Fields {
		checked[i] = CheckWith(f, in.Story.Get(f), Context{Claim: in.Facts.Claim})
		d.Findings = append(d.Findings, checked[i].Findings...)
	}
	d.Attached, d.Missing = evidenceOf(&in)

	if !HasText(in.Verdict.Outcome) {
		d.Rules = in.Verdict.Rules
		d.Reason, d.Alternatives = reasonAndAlternatives(&in)
		return d
	}
	w := writer{in: &in, f: &in.Facts, v: &in.Verdict}
	d.Parts = []Part{
		{PartOrdered, "What I ordered", w.ordered(checked[0].Text)},
		{PartReceived, w.receivedHeading(), w.received(checked[1].Text)},
		{PartDifference, w.differenceHeading(), w.difference(checked[2].Text)},
		{PartEvidence, "Evidence attached", w.evidence(d.Attached)},
		{PartRequested, "What I am asking for", w.requested(checked[3].Text)},
	}
	dropRepeats(d.Parts)
	var b strings.Builder
	for i, p := range d.Parts {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p.Heading)
		b.WriteByte('\n')
		b.WriteString(p.Text)
	}
	d.Text = b.String()
	for _, f := range Fields {
		if strings.TrimSpace(in.Story.Get(f)) == "" && emptyAdvice[f] != "" {
			d.Findings = append(d.Findings, Finding{ID: FindEmpty, Field: f, Suggestion: emptyAdvice[f]})
		}
	}
	switch in.Verdict.Outcome {
	case assistant.Wait, assistant.ContactSellerFirst:
		d.Date = in.Verdict.EarliestDate
		d.Note = dateNote(&in)
	}
	return d
}

// emptyAdvice is what to write in a story field left empty.
var emptyAdvice = map[Field]string{
	FieldOrdered:    "Name the listing and the option you chose (size, colour, model, quantity) and when you ordered.",
	FieldReceived:   "Say what arrived and when, in a sentence or two.",
	FieldDifference: "Say exactly what differs from the listing: the size, colour, model or part, or the fault you see.",
}

func dateNote(in *Input) string {
	d := in.Verdict.EarliestDate
	if d.IsZero() {
		return ""
	}
	if in.Verdict.Outcome == assistant.ContactSellerFirst {
		return "Send the seller a refund request from the order page first. If it is not settled, you can open " +
			"the dispute from " + formatDate(d) + " (counted from today; a later request moves it). This text " +
			"is ready for that day."
	}
	return "You can open the dispute from " + formatDate(d) + ". This text is ready for that day."
}

// evidenceOf returns the buyer's evidence, deduplicated, in the order the
// claim lists it (then the contract's order), and the required evidence
// that is missing.
func evidenceOf(in *Input) (have, missing []assistant.EvidenceID) {
	set := map[assistant.EvidenceID]bool{}
	for _, id := range in.Evidence {
		if assistant.ValidEvidenceID(string(id)) {
			set[id] = true
		}
	}
	for _, e := range in.Verdict.Evidence {
		if set[e.ID] && !slices.Contains(have, e.ID) {
			have = append(have, e.ID)
		}
		if e.Required && !set[e.ID] {
			missing = append(missing, e.ID)
		}
	}
	for _, id := range assistant.EvidenceIDs {
		if set[id] && !slices.Contains(have, id) {
			have = append(have, id)
		}
	}
	return have, missing
}

var months = [...]string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// formatDate writes a date as "5 November 2026": unambiguous in every
// English-speaking country.
func formatDate(d assistant.Date) string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.YMD()
	var b []byte
	if day >= 10 {
		b = append(b, byte('0'+day/10))
	}
	b = append(b, byte('0'+day%10), ' ')
	b = append(b, months[m-1]...)
	b = append(b, ' ')
	b = appendInt(b, y)
	return string(b)
}

func appendInt(b []byte, n int) []byte {
	if n >= 10 {
		b = appendInt(b, n/10)
	}
	return append(b, byte('0'+n%10))
}

// FormatDate writes a date the way descriptions do ("5 November 2026");
// the zero date gives "".
func FormatDate(d assistant.Date) string { return formatDate(d) }

// dropRepeats leaves out of the parts a sentence said before in the
// description (the buyer wrote it twice, or in two fields); a part keeps
// at least its first sentence.
func dropRepeats(parts []Part) {
	seen := map[string]bool{}
	for i := range parts {
		var kept []string
		for _, sent := range splitSentences(parts[i].Text) {
			t := strings.TrimSpace(sent.text)
			if t == "" {
				continue
			}
			key := strings.ToLower(strings.Join(strings.Fields(t), " "))
			if seen[key] && len(kept) > 0 {
				continue
			}
			seen[key] = true
			kept = append(kept, t+sent.punct)
		}
		parts[i].Text = strings.Join(kept, " ")
	}
}
