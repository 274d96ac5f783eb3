package pages

import (
	"net/url"

	"github.com/a-h/templ"
	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/calmclaim/calmclaim/templates"
)

// detailFields are the order's details the buyer can enter; each one's
// label and hint are details.<name>.label and .hint in guide.json.
var detailFields = []templates.DetailField{
	{Name: describe.DetailOrder},
	{Name: describe.DetailItem, Wide: true},
	{Name: describe.DetailOption, Wide: true},
	{Name: describe.DetailStore, Wide: true},
	{Name: describe.DetailAmount},
	{Name: describe.DetailCurrency},
	{Name: describe.DetailOrderedOn},
}

// detailFieldsIn are detailFields with their words in p's language.
func detailFieldsIn(p *i18n.Printer) []templates.DetailField {
	out := make([]templates.DetailField, len(detailFields))
	for i, df := range detailFields {
		df.Label, df.Hint = p.T("details."+df.Name+".label"), p.T("details."+df.Name+".hint")
		out[i] = df
	}
	return out
}

// messagePage is where the buyer adds the order's details to the message
// to the seller. The answers stay in the address; the details come in a
// POSTed form (with JavaScript, from this browser's storage), so they never
// reach an address that a third party could see.
func messagePage(p *i18n.Printer, q, form url.Values, today assistant.Date, embed bool) templ.Component {
	_, known, current := dispute.walk(q, today)
	if current != "" {
		return dispute.page(p, q, today, embed)
	}
	v, f := verdictFor(known, today)
	result := link("/dispute/result", known, q)
	m := templates.MessagePage{
		Page:   templates.Page{Title: p.T("page.title.message"), Embedded: embed, Back: result},
		Action: link("/dispute/message", known, q) + "#message",
		Case:   caseJSON(f, today, p.Lang),
		Result: result,
	}
	d, errs := describe.ReadDetails(form.Get, today)
	m.Fields, m.Errors = detailForm(p, form, errs)
	if len(errs) > 0 {
		m.Title = errorTitle(p, m.Title)
	}
	var textLang i18n.Lang
	m.TextLangs, textLang = textLangs(p, form.Get("text_lang"))
	m.Message = describe.SellerMessage(describe.Input{Today: today, Facts: f, Verdict: v, Lang: p.Lang, TextLang: textLang}, d).Text
	if href, _, _ := calendarLink(p, v, today, known, q); href != "" && d.Order != "" && len(errs) == 0 {
		m.Calendar, m.Order = href, d.Order
	}
	if m.Message == "" {
		return disputeResult(p, q, today, embed) // no message for this verdict
	}
	return templates.MessagePageView(m)
}

// detailForm is the order's detail fields as the buyer posted them, each
// with its error from errs (describe.ReadDetails), and the fields in error
// for the error summary.
func detailForm(p *i18n.Printer, form url.Values, errs []describe.DetailError) (fields, wrong []templates.DetailField) {
	for _, df := range detailFieldsIn(p) {
		df.Value = form.Get(df.Name)
		for _, e := range errs {
			if e.Field == df.Name {
				df.Error = e.In(p)
				wrong = append(wrong, df)
			}
		}
		fields = append(fields, df)
	}
	return fields, wrong
}
