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
func caseJSON(f assistant.Facts, today assistant.Date, lang i18n.Lang) string {
	var b strings.Builder
	b.WriteString(`{"marketplace":"aliexpress","today":"` + today.String() + `","lang":"` + string(lang) + `","facts":{`)
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
		Case:   caseJSON(f, today, p.Lang),
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
	e.Details, e.DetailErrors = detailForm(p, form, errs)
	for _, df := range e.Details {
		e.DetailsOpen = e.DetailsOpen || df.Value != ""
	}
	if len(errs) > 0 {
		e.Title = errorTitle(p, e.Title)
	}
	var textLang i18n.Lang
	e.TextLangs, textLang = textLangs(p, form.Get("text_lang"))
	if len(form) > 0 && len(errs) == 0 {
		d := describe.Describe(describe.Input{Today: today, Facts: f, Verdict: v, Story: story, Details: details,
			Lang: p.Lang, TextLang: textLang})
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

// textLangs are the languages a text for the seller may be written in, the
// page's own first and English, with chosen ("" for the page's) checked,
// and the language chosen. An English page offers no choice.
func textLangs(p *i18n.Printer, chosen string) ([]templates.TextLang, i18n.Lang) {
	lang := p.Lang
	if l, ok := i18n.Parse(chosen); ok && (l == p.Lang || l == i18n.English) {
		lang = l
	}
	if p.Lang == i18n.English {
		return nil, lang
	}
	var out []templates.TextLang
	for _, l := range []i18n.Lang{p.Lang, i18n.English} {
		out = append(out, templates.TextLang{Lang: string(l), Name: i18n.For(l).T("lang.name"), Checked: l == lang})
	}
	return out, lang
}
