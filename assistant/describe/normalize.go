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
	case 'ğ':
		return 'g'
	}
	return 0
}

// cyrillicOf maps a Latin letter that looks like a Cyrillic one to the
// Cyrillic letter, for reading a Cyrillic word with Latin letters mixed in
// ("мoшенник" with a Latin o); others map to 0.
func cyrillicOf(r rune) rune {
	switch r {
	case 'a':
		return 'а'
	case 'b':
		return 'в'
	case 'c':
		return 'с'
	case 'e':
		return 'е'
	case 'h':
		return 'н'
	case 'k':
		return 'к'
	case 'm':
		return 'м'
	case 'n':
		return 'п'
	case 'o':
		return 'о'
	case 'p':
		return 'р'
	case 'r':
		return 'г'
	case 't':
		return 'т'
	case 'u':
		return 'и'
	case 'x':
		return 'х'
	case 'y':
		return 'у'
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

// leetCyrillic is leet for Cyrillic words ("3ашквар", "4мо").
func leetCyrillic(r rune) rune {
	switch r {
	case '0':
		return 'о'
	case '3':
		return 'з'
	case '4':
		return 'ч'
	case '6':
		return 'б'
	case '@':
		return 'а'
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

// reading says how the letters of a word are read for matching.
type reading uint8

const (
	// readLatin: lowercase, look-alikes and accents folded to Latin letters
	// (Cyrillic, Greek and accented letters that look Latin), leetspeak
	// undone. Words of scripts without a reading of their own (Greek, Han,
	// Arabic...) are read this way too, as they always were.
	readLatin reading = iota
	// readCyrillic: lowercase Cyrillic, ё read as е, Latin look-alikes read
	// as the Cyrillic letters they imitate, Cyrillic leetspeak undone.
	readCyrillic
	// readHebrew: niqqud dropped, final letters read as the ordinary ones.
	readHebrew
	// readHangul: as written (Hangul has no case and no look-alikes).
	readHangul
)

// scriptCount counts the letters of a word by script.
type scriptCount struct {
	letters, latin, cyrillic, hebrew, hangul int
	// cyrillicLatinLike: every Cyrillic letter has a Latin look-alike
	cyrillicLatinLike bool
}

func countScripts(tok string) scriptCount {
	c := scriptCount{cyrillicLatinLike: true}
	for _, r := range tok {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				c.letters++
				c.latin++
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		c.letters++
		switch {
		case r >= 0x400 && r <= 0x52f:
			c.cyrillic++
			if confusable(unicode.ToLower(r)) == 0 {
				c.cyrillicLatinLike = false
			}
		case r >= 0x5d0 && r <= 0x5f2 || r >= 0xfb1d && r <= 0xfb4f:
			c.hebrew++
		case r >= 0xac00 && r <= 0xd7a3 || r >= 0x1100 && r <= 0x11ff || r >= 0x3130 && r <= 0x318f:
			c.hangul++
		case unicode.Is(unicode.Latin, r):
			c.latin++
		}
	}
	return c
}

// readingOf decides how a word is read: by the script most of its letters
// are in; Latin when in doubt, as words were always read.
func (c scriptCount) readingOf() reading {
	switch {
	case c.hebrew > 0 && c.hebrew*2 >= c.letters:
		return readHebrew
	case c.hangul > 0 && c.hangul*2 >= c.letters:
		return readHangul
	case c.cyrillic > c.latin:
		return readCyrillic
	}
	return readLatin
}

// otherReading returns the second way a word may be read, if any: a
// Cyrillic word with Latin letters in it, or of three letters or more that
// all look Latin ("ЅСАМ"), is also read as Latin; a Latin word with
// Cyrillic letters in it ("scаm") also as Cyrillic.
func (c scriptCount) otherReading(primary reading) (reading, bool) {
	switch primary {
	case readCyrillic:
		if c.latin > 0 || c.cyrillicLatinLike && c.cyrillic >= 3 {
			return readLatin, true
		}
	case readLatin:
		if c.cyrillic > 0 {
			return readCyrillic, true
		}
	}
	return 0, false
}

// skeleton returns the words of s as matching sees them: each word read
// by its script (see reading), leetspeak undone inside words that have at
// least two letters, apostrophes, dots and stars inside words removed,
// hyphens, slashes and underscores treated as spaces, an elided article
// or pronoun ("l'", "d'", "qu'", "dell'") cut from the word it is glued to,
// letters repeated three times or more cut to two, and one space between
// words. Runs of single letters ("s c a m") are also joined into a word.
func skeleton(s string) string {
	var ws wordSeq
	ws.read(s)
	var b strings.Builder
	for i, t := range ws.tok {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.key)
	}
	return b.String()
}

// skeletonCut reports the characters that separate words in a skeleton.
func skeletonCut(r rune) bool {
	switch r {
	case '-', '_', '/', ',', ';', ':', '(', ')', '"', '[', ']', '{', '}':
		return true
	}
	return unicode.IsSpace(r)
}

// elisions are the words French and Italian glue to the next with an
// apostrophe: "l'arnaque", "qu'il", "dell'ordine".
var elisions = map[string]bool{"l": true, "d": true, "j": true, "m": true, "t": true, "s": true, "n": true, "c": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true, "un": true, "dell": true, "dall": true,
	"nell": true, "sull": true, "all": true, "coll": true, "quell": true, "quest": true, "tutt": true}

// elision returns the length of an elided word and its apostrophe at the
// start of tok ("l'" in "l'arnaque"), or 0.
func elision(tok string) int {
	for i := 0; i < len(tok) && i <= 7; {
		r, size := utf8.DecodeRuneInString(tok[i:])
		if r == '\'' || r == '’' {
			if i == 0 || i+size >= len(tok) || !elisions[strings.ToLower(tok[:i])] {
				return 0
			}
			next, _ := utf8.DecodeRuneInString(tok[i+size:])
			if !unicode.IsLetter(next) {
				return 0
			}
			return i + size
		}
		if r >= utf8.RuneSelf || !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			return 0
		}
		i += size
	}
	return 0
}

// skeletonWord folds one word; see skeleton. A word with an elided article
// is folded whole ("larnaque"); lexicon lookups also try its parts.
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

// trimPunct trims the punctuation around a word: . , ! ? ; : ' " ` ¡ ¿ and
// curly quotes.
func trimPunct(s string) string {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if !wordPunct(r) && !(r == '#' && hashtag(s[size:])) {
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

// hashtag reports whether what follows a '#' reads as a hashtag's word:
// it starts with a letter ("#idiots"); a '#' inside a word stands for a
// letter ("id#ot").
func hashtag(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLetter(r)
}

func wordPunct(r rune) bool {
	switch r {
	case '.', ',', '!', '?', ';', ':', '\'', '"', '`', '’', '‘', '“', '”', '¡', '¿', '«', '»', '„':
		return true
	}
	return false
}

// appendSkeletonWord appends the skeleton of a word, its punctuation
// trimmed, to b, read by its script (see reading).
func appendSkeletonWord(b []byte, tok string) []byte {
	tok = trimPunct(tok)
	c := countScripts(tok)
	return appendReading(b, tok, c.readingOf(), c.letters)
}

// appendReading appends tok read as rd to b; letters is the number of
// letters in tok (leetspeak is undone only in words of two letters or
// more).
func appendReading(b []byte, tok string, rd reading, letters int) []byte {
	var stretch runOf
	for _, r := range tok {
		switch {
		case unicode.IsLetter(r):
			switch rd {
			case readLatin:
				r = foldLetter(r)
			case readCyrillic:
				r = unicode.ToLower(r)
				if r == 'ё' {
					r = 'е'
				} else if c := cyrillicOf(r); c != 0 {
					r = c
				}
			case readHebrew:
				r = hebrewFinal(r)
			}
		case letters >= 2 && rd == readLatin && leet(r) != 0:
			r = leet(r)
		case letters >= 2 && rd == readCyrillic && leetCyrillic(r) != 0:
			r = leetCyrillic(r)
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
		if stretch.more(r) {
			continue
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

// appendPlain appends tok lowercased with its accents kept, for the
// entries that must be spelled exactly ("=göt": not "got").
func appendPlain(b []byte, tok string) []byte {
	var stretch runOf
	for _, r := range tok {
		switch {
		case unicode.IsLetter(r):
			r = unicode.ToLower(r)
		case unicode.IsDigit(r) && r <= '9', r == '*':
		default:
			continue
		}
		if stretch.more(r) {
			continue
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

// hebrewFinal reads a final letter as the ordinary one (ך ם ן ף ץ).
func hebrewFinal(r rune) rune {
	switch r {
	case 'ך':
		return 'כ'
	case 'ם':
		return 'מ'
	case 'ן':
		return 'נ'
	case 'ף':
		return 'פ'
	case 'ץ':
		return 'צ'
	}
	return r
}

// stretched reports a letter written three times or more in a row
// ("fuuuck", "сукааа").
func stretched(tok string) bool {
	var stretch runOf
	for _, r := range tok {
		if !unicode.IsLetter(r) {
			stretch = runOf{last: r}
		} else if stretch.more(r) {
			return true
		}
	}
	return false
}

// runOf follows a character repeated in a row: the skeleton keeps two of
// a run ("fuuuck" is "fuuck") and a third marks a stretched word.
type runOf struct {
	last rune
	n    int
}

// more counts r and reports that it is the third or later in a row.
func (c *runOf) more(r rune) bool {
	if r == c.last {
		c.n++
		return c.n >= 2
	}
	c.last, c.n = r, 0
	return false
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
