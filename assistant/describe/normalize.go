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

// confusable maps a letter that looks like a Latin one (Cyrillic, Greek,
// accented Latin) to the Latin letter, for matching only: the text shown
// keeps the buyer's letters. Other letters map to 0.
//
// Cyrillic а в е ё к м н о р с т у х і ї ј ѕ ԁ ԛ ԝ һ ӏ ь г п и; Greek α β ε η ι κ
// ν ο ρ τ υ χ ω ς σ μ; Latin look-alikes and accents.
func confusable(r rune) rune {
	switch r {
	case 'а', 'α', 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą':
		return 'a'
	case 'в', 'ь', 'β':
		return 'b'
	case 'е', 'ё', 'ε', 'è', 'é', 'ê', 'ë', 'ē', 'ę', 'ě':
		return 'e'
	case 'к', 'κ':
		return 'k'
	case 'м':
		return 'm'
	case 'н', 'һ', 'ħ':
		return 'h'
	case 'о', 'ο', 'σ', 'ø', 'ò', 'ó', 'ô', 'õ', 'ö', 'ō', 'ő':
		return 'o'
	case 'р', 'ρ':
		return 'p'
	case 'с', 'ç', 'ć', 'č':
		return 'c'
	case 'т', 'τ', 'ť':
		return 't'
	case 'у', 'ý', 'ÿ':
		return 'y'
	case 'х', 'χ':
		return 'x'
	case 'і', 'ї', 'ι', 'ı', 'ì', 'í', 'î', 'ï', 'ī':
		return 'i'
	case 'ј':
		return 'j'
	case 'ѕ', 'ς', 'ſ', 'ß', 'ś', 'š', 'ş':
		return 's'
	case 'ԁ', 'đ':
		return 'd'
	case 'ԛ':
		return 'q'
	case 'ԝ', 'ω':
		return 'w'
	case 'ӏ', 'ℓ', 'ł':
		return 'l'
	case 'г', 'ř':
		return 'r'
	case 'п', 'η', 'ñ', 'ń', 'ň':
		return 'n'
	case 'и', 'υ', 'μ', 'ù', 'ú', 'û', 'ü', 'ū', 'ů', 'ű':
		return 'u'
	case 'ν':
		return 'v'
	case 'ź', 'ż', 'ž':
		return 'z'
	}
	return 0
}

// leet maps the digits and symbols used to spell words past filters;
// others map to 0.
func leet(r rune) rune {
	switch r {
	case '0':
		return 'o'
	case '1', '!':
		return 'i'
	case '3', '€':
		return 'e'
	case '4', '@':
		return 'a'
	case '5', '$':
		return 's'
	case '7', '+':
		return 't'
	case '8':
		return 'b'
	case '9':
		return 'g'
	case '|', '£':
		return 'l'
	}
	return 0
}

// foldLetter lowercases r and maps a look-alike to its Latin letter.
func foldLetter(r rune) rune {
	r = unicode.ToLower(r)
	if c := confusable(r); c != 0 {
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
	b := make([]byte, 0, len(s))
	var word, singles []byte
	put := func(w []byte) {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	flush := func() {
		if len(singles) >= 3 {
			put(singles)
		} else {
			for i := range singles {
				put(singles[i : i+1])
			}
		}
		singles = singles[:0]
	}
	for i := 0; i < len(s); {
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if skeletonCut(r) {
				break
			}
			j += size
		}
		if j == i {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		word = appendSkeletonWord(word[:0], s[i:j])
		i = j
		switch {
		case len(word) == 0:
		case len(word) == 1 && word[0] >= 'a' && word[0] <= 'z':
			singles = append(singles, word[0])
		default:
			flush()
			put(word)
		}
	}
	flush()
	return string(b)
}

// skeletonCut reports the characters that separate words in a skeleton.
func skeletonCut(r rune) bool {
	switch r {
	case '-', '_', '/', ',', ';', ':', '(', ')', '"', '[', ']', '{', '}':
		return true
	}
	return unicode.IsSpace(r)
}

// skeletonWord folds one word; see skeleton.
func skeletonWord(tok string) string {
	tok = trimPunct(tok)
	if plainWord(tok) {
		return tok
	}
	return string(appendSkeletonWord(nil, tok))
}

// plainWord reports a word that skeletonWord leaves as it is: lowercase
// ASCII letters, none three times in a row.
func plainWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'a' || c > 'z' || i >= 2 && c == s[i-1] && c == s[i-2] {
			return false
		}
	}
	return true
}

// trimPunct trims the punctuation around a word: . , ! ? ; : ' " ` and
// curly quotes.
func trimPunct(s string) string {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if !wordPunct(r) {
			break
		}
		s = s[size:]
	}
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if !wordPunct(r) {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

func wordPunct(r rune) bool {
	switch r {
	case '.', ',', '!', '?', ';', ':', '\'', '"', '`', '’', '‘', '“', '”':
		return true
	}
	return false
}

// appendSkeletonWord appends the skeleton of a word, its punctuation
// trimmed, to b.
func appendSkeletonWord(b []byte, tok string) []byte {
	tok = trimPunct(tok)
	letters := 0
	for _, r := range tok {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	var last rune
	run := 0
	for _, r := range tok {
		switch {
		case unicode.IsLetter(r):
			r = foldLetter(r)
		case letters >= 2 && leet(r) != 0:
			r = leet(r)
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
		b = utf8.AppendRune(b, r)
	}
	return b
}

// squeeze cuts every run of a repeated character to one ("fuuuck" and
// "fuck" both become "fuck"; "asshole" becomes "ashole").
func squeeze(s string) string {
	if squeezed(s) {
		return s
	}
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

// squeezed reports whether squeeze would return s as it is: valid UTF-8
// with no character but '*' twice in a row.
func squeezed(s string) bool {
	var last rune = -1
	for _, r := range s {
		if r == utf8.RuneError || r == last && r != '*' {
			return false
		}
		last = r
	}
	return true
}
