package pages

import (
	"net/url"

	"github.com/a-h/templ"
	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
	"github.com/calmclaim/calmclaim/templates"
)

// detailFields are the order's details the buyer can enter, with their
// labels and hints.
var detailFields = []templates.DetailField{
	{Name: describe.DetailOrder, Label: "Order number", Hint: "On the order page, under the order details. For example, 8190 2344 5566 7788."},
	{Name: describe.DetailItem, Label: "Item", Hint: "The item's title, shortened if you like.", Wide: true},
	{Name: describe.DetailOption, Label: "Option you chose", Hint: "Size, colour or model.", Wide: true},
	{Name: describe.DetailStore, Label: "Store", Hint: "The store's name on the order page.", Wide: true},
	{Name: describe.DetailAmount, Label: "Amount paid", Hint: "For example, 12.50."},
	{Name: describe.DetailCurrency, Label: "Currency", Hint: "Its three-letter code, for example EUR, USD or PLN."},
	{Name: describe.DetailOrderedOn, Label: "Order date", Hint: "Written YYYY-MM-DD, for example 2026-11-02."},
}

// messagePage is where the buyer adds the order's details to the message
// to the seller. The answers stay in the address; the details come in a
// POSTed form (with JavaScript, from this browser's storage), so they never
// reach an address that a third party could see.
func messagePage(q, form url.Values, today assistant.Date, embed bool) templ.Component {
	_, known, current := dispute.walk(q, today)
	if current != "" {
		return dispute.page(q, today, embed)
	}
	v, f := verdictFor(known, today)
	result := link("/dispute/result", known, q)
	m := templates.MessagePage{
		Page:   templates.Page{Title: "Your order's details", Embedded: embed, Back: result},
		Action: link("/dispute/message", known, q) + "#message",
		Case:   caseJSON(f, today),
		Result: result,
	}
	d, errs := describe.ReadDetails(form.Get, today)
	for _, df := range detailFields {
		df.Value = form.Get(df.Name)
		for _, e := range errs {
			if e.Field == df.Name {
				df.Error = e.Message
				m.Errors = append(m.Errors, df)
			}
		}
		m.Fields = append(m.Fields, df)
	}
	if len(errs) > 0 {
		m.Title = "Error: " + m.Title
	}
	m.Message = describe.SellerMessage(describe.Input{Today: today, Facts: f, Verdict: v}, d).Text
	if href, _, _ := calendarLink(v, today, known, q); href != "" && d.Order != "" && len(errs) == 0 {
		m.Calendar, m.Order = href, d.Order
	}
	if m.Message == "" {
		return disputeResult(q, today, embed) // no message for this verdict
	}
	return templates.MessagePageView(m)
}
