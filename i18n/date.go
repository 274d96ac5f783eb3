package i18n

import "strconv"

// Date writes a calendar day in the language's long form, as CLDR's
// "long" date ("18 de novembro de 2026", "18 listopada 2026",
// "2026년 11월 18일"); the pattern and month names are in the catalog
// (date.long, date.month.1 … 12), months in the form a date takes
// (genitive in Slavic languages). weekday is 0 for Sunday.
func (p *Printer) Date(year, month, day int) string {
	if month < 1 || month > 12 {
		return ""
	}
	return p.T("date.long", "day", strconv.Itoa(day), "month", p.T("date.month."+strconv.Itoa(month)), "year", strconv.Itoa(year))
}

// DateFull is Date with the day of the week, as CLDR's "full" date
// ("segunda-feira, 23 de novembro de 2026"; date.full, date.weekday.0 … 6).
func (p *Printer) DateFull(year, month, day, weekday int) string {
	if month < 1 || month > 12 || weekday < 0 || weekday > 6 {
		return ""
	}
	return p.T("date.full", "day", strconv.Itoa(day), "month", p.T("date.month."+strconv.Itoa(month)),
		"year", strconv.Itoa(year), "weekday", p.T("date.weekday."+strconv.Itoa(weekday)))
}
