package pages

import (
	"net/url"
	"strings"

	"github.com/a-h/templ"
	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
	"github.com/calmclaim/calmclaim/templates"
)

var storyFields = []templates.StoryField{
	{Name: "ordered", Label: "What did you order?", Hint: "The item, the option you chose (size, colour, model) and when."},
	{Name: "received", Label: "What arrived?", Hint: "What you found when you opened the parcel, or that nothing came."},
	{Name: "difference", Label: "What is different from the listing?", Hint: "Plain facts: what the listing promised and what you got."},
	{Name: "requested", Label: "What are you asking for?", Hint: "For example a full refund, a partial refund or the missing part."},
}

// caseJSON is the describe request for these facts, without the story:
// the page's script adds the buyer's words and files to it locally.
func caseJSON(f assistant.Facts, today assistant.Date) string {
	var b strings.Builder
	b.WriteString(`{"marketplace":"aliexpress","today":"` + today.String() + `","facts":{`)
	first := true
	for i := range assistant.DisputeFacts {
		spec := &assistant.DisputeFacts[i]
		v, ok := spec.Value(&f)
		if !ok {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		b.WriteString(`"` + string(spec.Name) + `":`)
		if spec.Kind == assistant.KindBool {
			b.WriteString(v)
		} else {
			b.WriteString(`"` + v + `"`) // enum values and dates need no escaping
		}
	}
	b.WriteString("}}")
	return b.String()
}

// evidencePage renders the page that prepares the dispute. form holds the
// story when the buyer sent it without JavaScript (a POST, so their words
// are never in an address).
func evidencePage(q, form url.Values, today assistant.Date, embed bool) templ.Component {
	_, known, current := dispute.walk(q, today)
	if current != "" {
		return dispute.page(q, today, embed)
	}
	v, f := verdictFor(known, today)
	e := templates.EvidencePage{
		Page:   templates.Page{Title: "Prepare your dispute", Embedded: embed, Back: link("/dispute/result", known, q)},
		Case:   caseJSON(f, today),
		Action: link("/dispute/evidence", known, q) + "#describe",
		Result: link("/dispute/result", known, q),
	}
	story := describe.Story{Ordered: form.Get("ordered"), Received: form.Get("received"),
		Difference: form.Get("difference"), Requested: form.Get("requested")}
	for _, sf := range storyFields {
		sf.Value = form.Get(sf.Name)
		e.Story = append(e.Story, sf)
	}
	for _, ev := range v.Evidence {
		accept, types := evidenceTypes(ev.ID)
		e.Evidence = append(e.Evidence, templates.Evidence{ID: string(ev.ID), Label: evidenceLabels[ev.ID], Why: ev.Why,
			Required: ev.Required, Accept: accept, Types: types})
	}
	details, errs := describe.ReadDetails(form.Get, today)
	for _, df := range detailFields {
		df.Value = form.Get(df.Name)
		e.DetailsOpen = e.DetailsOpen || df.Value != ""
		for _, err := range errs {
			if err.Field == df.Name {
				df.Error = err.Message
				e.DetailErrors = append(e.DetailErrors, df)
			}
		}
		e.Details = append(e.Details, df)
	}
	if len(errs) > 0 {
		e.Title = "Error: " + e.Title
	}
	if len(form) > 0 && len(errs) == 0 {
		d := describe.Describe(describe.Input{Today: today, Facts: f, Verdict: v, Story: story, Details: details})
		e.Description = d.Text
		e.Reason = d.Reason
		for _, fd := range d.Findings {
			e.Findings = append(e.Findings, templates.Finding{ID: fd.ID, Field: fieldLabel(string(fd.Field)), Excerpt: fd.Excerpt, Suggestion: fd.Suggestion})
		}
	}
	return templates.EvidencePageView(e)
}

func fieldLabel(name string) string {
	for _, sf := range storyFields {
		if sf.Name == name {
			return sf.Label
		}
	}
	return name
}
