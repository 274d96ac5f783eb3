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
	"github.com/calmclaim/calmclaim/i18n"
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
	// Lang is the buyer's language: findings, notes, reasons and
	// alternatives are written in it. TextLang is the language of the
	// description and the message itself, as the buyer picks (sellers and
	// platform staff often read English); "" is Lang. The buyer's own
	// words stay as written. Zero values are English.
	Lang, TextLang i18n.Lang
}

// textLang is the language the description is written in.
func (in *Input) textLang() i18n.Lang {
	if in.TextLang != "" {
		return in.TextLang
	}
	return in.Lang
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
		checked[i] = CheckWith(f, in.Story.Get(f), Context{Claim: in.Facts.Claim, Lang: in.Lang})
		d.Findings = append(d.Findings, checked[i].Findings...)
	}
	d.Attached, d.Missing = evidenceOf(&in)

	if !HasText(in.Verdict.Outcome) {
		d.Rules = in.Verdict.Rules
		d.Reason, d.Alternatives = reasonAndAlternatives(&in)
		return d
	}
	w := newWriter(&in)
	d.Parts = []Part{
		{PartOrdered, w.t("describe.heading.ordered"), w.ordered(checked[0].Text)},
		{PartReceived, w.receivedHeading(), w.received(checked[1].Text)},
		{PartDifference, w.differenceHeading(), w.difference(checked[2].Text)},
		{PartEvidence, w.t("describe.heading.evidence"), w.evidence(d.Attached)},
		{PartRequested, w.t("describe.heading.requested"), w.requested(checked[3].Text)},
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
	p := i18n.For(in.Lang)
	for _, f := range Fields {
		if strings.TrimSpace(in.Story.Get(f)) == "" && f != FieldRequested {
			d.Findings = append(d.Findings, Finding{ID: FindEmpty, Field: f, Suggestion: p.T("describe.empty." + string(f))})
		}
	}
	switch in.Verdict.Outcome {
	case assistant.Wait, assistant.ContactSellerFirst:
		d.Date = in.Verdict.EarliestDate
		d.Note = dateNote(&in)
	}
	return d
}

func dateNote(in *Input) string {
	d := in.Verdict.EarliestDate
	if d.IsZero() {
		return ""
	}
	p := i18n.For(in.Lang)
	if in.Verdict.Outcome == assistant.ContactSellerFirst {
		return p.T("describe.note.contact_seller_first", "date", LongDate(p, d))
	}
	return p.T("describe.note.wait", "date", LongDate(p, d))
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

// LongDate writes a date in p's language as CLDR's long date ("5 November
// 2026", "5 de novembro de 2026"); the zero date gives "".
func LongDate(p *i18n.Printer, d assistant.Date) string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.YMD()
	return p.Date(y, m, day)
}

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
