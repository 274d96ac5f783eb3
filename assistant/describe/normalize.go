package describe

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxFieldRunes is the longest story field Check reads, in characters
// (Unicode code points). Longer text is cut and the cut is reported.
const MaxFieldRunes = 2000

// normalized is a story field after normalize: safe to show, with the
// tricks that dodge filters undone.
type normalized struct {
	text      string
	hidden    bool // invisible or control characters were removed
	truncated bool // the field was longer than MaxFieldRunes
}

// normalize makes a field safe to work on: invalid UTF-8 and invisible
// characters (zero-width, bidi controls, variation selectors, controls)
// are removed, fullwidth and "mathematical" letters become ASCII, runs of
// combining marks are cut to two, every kind of space becomes one space and
// the field is cut to MaxFieldRunes, at a word boundary when one is near.
func normalize(s string) normalized {
	var n normalized
	var b strings.Builder
	b.Grow(min(len(s), 4*MaxFieldRunes))
	runes, marks := 0, 0
	prevSpace := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			n.hidden = true
			continue
		}
		if runes == MaxFieldRunes {
			n.truncated = true
			break
		}
		switch {
		case r == '\r':
			// \r\n and lone \r both end a line.
			if i < len(s) && s[i] == '\n' {
				continue
			}
			r = '\n'
		case r == '\t':
			r = ' '
		case invisible(r):
			n.hidden = true
			continue
		case unicode.IsSpace(r) && r != '\n':
			r = ' '
		}
		if unicode.Is(unicode.Mn, r) {
			if marks++; marks > 2 {
				n.hidden = true
				continue
			}
		} else {
			marks = 0
		}
		r = foldWidth(r)
		if r == ' ' && prevSpace {
			continue // one space between words, as the output has
		}
		prevSpace = r == ' '
		b.WriteRune(r)
		runes++
	}
	n.text = b.String()
	if n.truncated {
		// Do not leave half a word at the cut, nor any part of a number
		// that was cut (a card or phone number cut short would no longer
		// be recognised).
		if k := strings.LastIndexAny(n.text, " \n"); k >= 0 && len(n.text)-k < 64 {
			n.text = n.text[:k]
		}
		n.text = strings.TrimRight(n.text, "0123456789 -+().\n")
	}
	return n
}

// invisible reports characters that render as nothing: format characters
// (zero-width space and joiners, bidi controls, soft hyphen, tags),
// controls other than newline, variation selectors and Hangul fillers.
func invisible(r rune) bool {
	switch {
	case r == '\n':
		return false
	case r < 0x20 || (r >= 0x7f && r < 0xa0):
		return true
	case unicode.Is(unicode.Cf, r):
		return true
	case r >= 0xfe00 && r <= 0xfe0f, r >= 0xe0100 && r <= 0xe01ef: // variation selectors
		return true
	case r == 0x034f, r == 0x115f, r == 0x1160, r == 0x3164, r == 0xffa0, r == 0x2800: // CGJ, fillers, blank braille
		return true
	}
	return false
}

// foldWidth maps fullwidth ASCII, the ideographic space, the mathematical
// alphanumeric letters and digits and the circled letters to plain ASCII.
func foldWidth(r rune) rune {
	switch {
	case r < 0x80:
		return r
	case r >= 0xff01 && r <= 0xff5e:
		return r - 0xfee0
	case r == 0x3000:
		return ' '
	case r >= 0x1d400 && r <= 0x1d6a3:
		// 13 styles of 52 letters, A-Z then a-z; holes are unassigned.
		k := (r - 0x1d400) % 52
		if k < 26 {
			return 'A' + k
		}
		return 'a' + k - 26
	case r >= 0x1d7ce && r <= 0x1d7ff:
		return '0' + (r-0x1d7ce)%10
	case r >= 0x24b6 && r <= 0x24cf:
		return 'A' + r - 0x24b6
	case r >= 0x24d0 && r <= 0x24e9:
		return 'a' + r - 0x24d0
	case r >= 0x1f130 && r <= 0x1f149: // squared capitals
		return 'A' + r - 0x1f130
	case r >= 0x1f170 && r <= 0x1f189: // negative squared capitals
		return 'A' + r - 0x1f170
	}
	return r
}

// confusables maps letters that look like Latin ones (Cyrillic, Greek,
// accented Latin) to the Latin letter, for matching only: the text shown
// keeps the buyer's letters.
var confusables = map[rune]rune{
	// Cyrillic
	'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p',
	'с': 'c', 'т': 't', 'у': 'y', 'х': 'x', 'і': 'i', 'ї': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd',
	'ԛ': 'q', 'ԝ': 'w', 'һ': 'h', 'ӏ': 'l', 'ь': 'b', 'г': 'r', 'п': 'n', 'и': 'u',
	// Greek
	'α': 'a', 'β': 'b', 'ε': 'e', 'η': 'n', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p',
	'τ': 't', 'υ': 'u', 'χ': 'x', 'ω': 'w', 'ς': 's', 'σ': 'o', 'μ': 'u',
	// Latin look-alikes and accents
	'ı': 'i', 'ſ': 's', 'ℓ': 'l', 'ß': 's', 'ø': 'o', 'đ': 'd', 'ł': 'l', 'ħ': 'h',
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a', 'ā': 'a', 'ă': 'a', 'ą': 'a',
	'ç': 'c', 'ć': 'c', 'č': 'c', 'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e', 'ē': 'e', 'ę': 'e', 'ě': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ī': 'i', 'ñ': 'n', 'ń': 'n', 'ň': 'n',
	'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o', 'ō': 'o', 'ő': 'o',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ū': 'u', 'ů': 'u', 'ű': 'u',
	'ý': 'y', 'ÿ': 'y', 'ś': 's', 'š': 's', 'ş': 's', 'ź': 'z', 'ż': 'z', 'ž': 'z', 'ř': 'r', 'ť': 't',
}

// leet maps the digits and symbols used to spell words past filters.
var leet = map[rune]rune{
	'0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g',
	'@': 'a', '$': 's', '!': 'i', '|': 'l', '+': 't', '€': 'e', '£': 'l',
}

// foldLetter lowercases r and maps a look-alike to its Latin letter.
func foldLetter(r rune) rune {
	r = unicode.ToLower(r)
	if c, ok := confusables[r]; ok {
		return c
	}
	return r
}

// skeleton returns the words of s as matching sees them: lowercase Latin
// letters with look-alikes folded, leetspeak undone inside words that have
// at least two letters, apostrophes, dots and stars inside words removed,
// hyphens, slashes and underscores treated as spaces, letters repeated
// three times or more cut to two, and one space between words. Runs of
// single letters ("s c a m") are also joined into a word.
func skeleton(s string) string {
	var out []string
	var singles []string
	flush := func() {
		if len(singles) >= 3 {
			out = append(out, strings.Join(singles, ""))
		} else {
			out = append(out, singles...)
		}
		singles = singles[:0]
	}
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '_' || r == '/' || r == ',' || r == ';' ||
			r == ':' || r == '(' || r == ')' || r == '"' || r == '[' || r == ']' || r == '{' || r == '}'
	}) {
		w := skeletonWord(tok)
		if w == "" {
			continue
		}
		if len(w) == 1 && w[0] >= 'a' && w[0] <= 'z' {
			singles = append(singles, w)
			continue
		}
		flush()
		out = append(out, w)
	}
	flush()
	return strings.Join(out, " ")
}

// skeletonWord folds one word; see skeleton.
func skeletonWord(tok string) string {
	tok = strings.Trim(tok, ".,!?;:'\"`’‘“”")
	letters := 0
	for _, r := range tok {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range tok {
		switch {
		case unicode.IsLetter(r):
			r = foldLetter(r)
		case letters >= 2 && leet[r] != 0:
			r = leet[r]
		case unicode.IsDigit(r):
			if r > '9' {
				r = '?'
			}
		case r == '*' || r == '#':
			if letters == 0 {
				continue
			}
			r = '*'
		case unicode.Is(unicode.Mn, r):
			continue
		default:
			continue // apostrophes, dots, other punctuation
		}
		if r == last {
			if run++; run >= 2 {
				continue
			}
		} else {
			last, run = r, 0
		}
		b.WriteRune(r)
	}
	return b.String()
}

// squeeze cuts every run of a repeated character to one ("fuuuck" and
// "fuck" both become "fuck"; "asshole" becomes "ashole").
func squeeze(s string) string {
	var b strings.Builder
	var last rune = -1
	for _, r := range s {
		if r != last || r == '*' {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}
