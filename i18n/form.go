package i18n

// Form is the text for key in the plural category cat ("one", "few", …)
// with its placeholders left as they are: for a page script that learns
// the number only in the browser and picks the form there, with the same
// CLDR rules (Intl.PluralRules). A category the text lacks gives its
// "other" form; a plain text is the same in every category.
func (p *Printer) Form(key, cat string) string {
	t, ok := p.lookup(key)
	if !ok {
		return key
	}
	if t.plural == nil {
		return t.plain
	}
	if s, found := t.plural[cat]; found {
		return s
	}
	return t.plural[Other]
}
