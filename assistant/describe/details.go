package describe

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
)

// Details are the order's details as the buyer enters them once: all
// optional, kept only in the buyer's browser (or in the form with
// JavaScript off), and used in the messages and documents written for the
// case. Read them with ReadDetails, which validates them.
type Details struct {
	Order     string // the order number, digits only
	Item      string // the item's title
	Option    string // the option chosen: size, colour, model
	Store     string // the store's name
	Amount    string // the amount paid, "12.50"
	Currency  string // its currency, ISO 4217: "EUR"
	OrderedOn assistant.Date
}

// Detail field names, as in forms and JSON.
const (
	DetailOrder     = "order"
	DetailItem      = "item"
	DetailOption    = "option"
	DetailStore     = "store"
	DetailAmount    = "amount"
	DetailCurrency  = "currency"
	DetailOrderedOn = "ordered_on"
)

// Longest free-text details, in characters.
const (
	MaxItemRunes   = 120
	MaxOptionRunes = 60
	MaxStoreRunes  = 80
)

// DetailError is a detail that cannot be used, and why: Key names the
// reason in the catalogs (describe.json, "details.error."), Max is a text
// field's longest length where the reason is its length, and Message is
// the reason in English, as the API gives it.
type DetailError struct {
	Field   string
	Key     string
	Max     int
	Message string
}

// In is the error's message in p's language.
func (e DetailError) In(p *i18n.Printer) string {
	return p.T(e.Key, "max", strconv.Itoa(e.Max))
}

// ReadDetails validates details given by field name (absent or blank
// fields are unknown) and returns those it can use. A detail is refused,
// with a message, when it is not what its field holds or when its text
// carries what must never reach a seller (personal data, links, threats:
// the tone check). today bounds the order date; a day's slack allows for
// buyers east of UTC.
func ReadDetails(get func(string) string, today assistant.Date) (Details, []DetailError) {
	var d Details
	var errs []DetailError
	fail := func(field, key string, max int) {
		e := DetailError{Field: field, Key: key, Max: max}
		e.Message = e.In(i18n.For(i18n.English))
		errs = append(errs, e)
	}

	if v := strings.Map(dropSpace, get(DetailOrder)); v != "" {
		if n := len(v); n < 6 || n > 24 || strings.IndexFunc(v, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			fail(DetailOrder, "details.error.order", 0)
		} else {
			d.Order = v
		}
	}
	text := func(field string, max int, dst *string) {
		v := strings.Join(strings.Fields(get(field)), " ")
		switch {
		case v == "":
		case utf8.RuneCountInString(v) > max:
			fail(field, "details.error.too_long", max)
		default:
			if c := Check(FieldOrdered, v); len(c.Findings) > 0 {
				fail(field, "details.error.not_order_words", 0)
			} else {
				*dst = v
			}
		}
	}
	text(DetailItem, MaxItemRunes, &d.Item)
	text(DetailOption, MaxOptionRunes, &d.Option)
	text(DetailStore, MaxStoreRunes, &d.Store)

	if v := strings.ReplaceAll(strings.TrimSpace(get(DetailAmount)), ",", "."); v != "" {
		if validAmount(v) {
			d.Amount = v
		} else {
			fail(DetailAmount, "details.error.amount", 0)
		}
	}
	if v := strings.ToUpper(strings.TrimSpace(get(DetailCurrency))); v != "" {
		if len(v) == 3 && strings.IndexFunc(v, func(r rune) bool { return r < 'A' || r > 'Z' }) < 0 {
			d.Currency = v
		} else {
			fail(DetailCurrency, "details.error.currency", 0)
		}
	}
	if v := strings.TrimSpace(get(DetailOrderedOn)); v != "" {
		date, ok := assistant.ParseDate(v)
		switch {
		case !ok:
			fail(DetailOrderedOn, "details.error.ordered_on.real", 0)
		case date.After(today.AddDays(1)):
			fail(DetailOrderedOn, "details.error.ordered_on.future", 0)
		default:
			d.OrderedOn = date
		}
	}
	return d, errs
}

// ItemWords is the item and its option in words, "" if neither is known.
func (d Details) ItemWords() string {
	switch {
	case d.Item != "" && d.Option != "":
		return d.Item + ", " + d.Option
	case d.Item != "":
		return d.Item
	}
	return d.Option
}

// PaidIn is Paid written as p's language writes a decimal amount
// ("12,50 EUR" in Polish, "12.50 EUR" in English).
func (d Details) PaidIn(p *i18n.Printer) string {
	paid := d.Paid()
	if sep := p.T("number.decimal"); sep != "." && sep != "number.decimal" {
		paid = strings.Replace(paid, ".", sep, 1)
	}
	return paid
}

// Paid is the amount with its currency, "" if the amount is unknown.
func (d Details) Paid() string {
	if d.Amount == "" {
		return ""
	}
	return strings.TrimSpace(d.Amount + " " + d.Currency)
}

func dropSpace(r rune) rune {
	if unicode.IsSpace(r) || r == '-' {
		return -1
	}
	return r
}

// validAmount accepts 1 to 9 digits with up to 2 decimals.
func validAmount(s string) bool {
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || len(whole) > 9 || (dot && (frac == "" || len(frac) > 2)) {
		return false
	}
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
