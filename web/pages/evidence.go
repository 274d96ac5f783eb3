package pages

import (
	"net/url"
	"strings"

	"github.com/a-h/templ"
	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/calmclaim/calmclaim/i18n/enginetext"
	"github.com/calmclaim/calmclaim/templates"
)

// storyFields are the buyer's own-words fields; each one's label and hint
// are story.<name>.label and .hint in guide.json.
var storyFields = []string{"ordered", "received", "difference", "requested"}

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
func evidencePage(p *i18n.Printer, q, form url.Values, today assistant.Date, embed bool) templ.Component {
	_, known, current := dispute.walk(q, today)
	if current != "" {
		return dispute.page(p, q, today, embed)
	}
	v, f := verdictFor(known, today)
	e := templates.EvidencePage{
		Page:   templates.Page{Title: p.T("page.title.evidence"), Embedded: embed, Back: link("/dispute/result", known, q)},
		Case:   caseJSON(f, today),
		Action: link("/dispute/evidence", known, q) + "#describe",
		Result: link("/dispute/result", known, q),
	}
	story := describe.Story{Ordered: form.Get("ordered"), Received: form.Get("received"),
		Difference: form.Get("difference"), Requested: form.Get("requested")}
	for _, name := range storyFields {
		e.Story = append(e.Story, templates.StoryField{Name: name, Label: p.T("story." + name + ".label"),
			Hint: p.T("story." + name + ".hint"), Value: form.Get(name)})
	}
	for i := range v.Evidence {
		ev := &v.Evidence[i]
		accept, types := evidenceTypes(ev.ID)
		e.Evidence = append(e.Evidence, templates.Evidence{ID: string(ev.ID), Label: EvidenceLabel(p, ev.ID),
			Why: enginetext.EvidenceWhy(p, v.Claim, ev), Required: ev.Required, Accept: accept, Types: p.T(types)})
	}
	details, errs := describe.ReadDetails(form.Get, today)
	for _, df := range detailFieldsIn(p) {
		df.Value = form.Get(df.Name)
		e.DetailsOpen = e.DetailsOpen || df.Value != ""
		for _, err := range errs {
			if err.Field == df.Name {
				df.Error = enginetext.DetailError(p, err)
				e.DetailErrors = append(e.DetailErrors, df)
			}
		}
		e.Details = append(e.Details, df)
	}
	if len(errs) > 0 {
		e.Title = errorTitle(p, e.Title)
	}
	if len(form) > 0 && len(errs) == 0 {
		d := describe.Describe(describe.Input{Today: today, Facts: f, Verdict: v, Story: story, Details: details})
		e.Description = d.Text
		e.Reason = d.Reason
		for _, fd := range d.Findings {
			e.Findings = append(e.Findings, templates.Finding{ID: fd.ID, Field: fieldLabel(p, string(fd.Field)), Excerpt: fd.Excerpt, Suggestion: fd.Suggestion})
		}
	}
	return templates.EvidencePageView(e)
}

// fieldLabel is a story field's label, or name for a field that is not one.
func fieldLabel(p *i18n.Printer, name string) string {
	for _, sf := range storyFields {
		if sf == name {
			return p.T("story." + name + ".label")
		}
	}
	return name
}
