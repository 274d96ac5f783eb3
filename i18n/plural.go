package i18n

// Plural categories, as CLDR names them.
const (
	Zero  = "zero"
	One   = "one"
	Two   = "two"
	Few   = "few"
	Many  = "many"
	Other = "other"
)

// Plural is the CLDR plural category of the whole number n in language l
// (CLDR 44 cardinal rules, for integers: v = 0).
func Plural(l Lang, n int) string {
	if n < 0 {
		n = -n
	}
	switch l {
	case English, German, Dutch, Turkish:
		if n == 1 {
			return One
		}
	case Spanish, Italian:
		if n == 1 {
			return One
		}
		if n != 0 && n%1000000 == 0 {
			return Many
		}
	case French, Portuguese:
		if n == 0 || n == 1 {
			return One
		}
		if n != 0 && n%1000000 == 0 {
			return Many
		}
	case Russian, Ukrainian:
		switch {
		case n%10 == 1 && n%100 != 11:
			return One
		case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
			return Few
		default:
			return Many
		}
	case Polish:
		switch {
		case n == 1:
			return One
		case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
			return Few
		default:
			return Many
		}
	case Hebrew:
		switch n {
		case 1:
			return One
		case 2:
			return Two
		}
	case Korean:
	}
	return Other
}

// Categories are the plural categories a text of language l must give
// for whole numbers.
func Categories(l Lang) []string {
	switch l {
	case Spanish, Italian, French, Portuguese:
		return []string{One, Many, Other}
	case Russian, Ukrainian, Polish:
		return []string{One, Few, Many} // "other" is for fractions only
	case Hebrew:
		return []string{One, Two, Other}
	case Korean:
		return []string{Other}
	}
	return []string{One, Other}
}
