package describe

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A finder is a regular expression for personal data that runs only on
// the pieces of a text where it can match. It is compiled on first use.
//
// Its characters are those a match can hold: any other character cuts
// the text into windows, and so does white space that bridge says no
// match can hold. A match never crosses a cut, so finding in each window
// finds what the expression finds in the whole text, provided that \b
// sees the same neighbours: a window that a letter or digit cuts is run
// with that character beside it. A window is skipped when need says no
// match worth keeping can be in it; need is also asked about the whole
// text first, so that text with nothing of the kind costs one look.
type finder struct {
	src string
	// chars lists the ASCII characters a match can hold; nonASCII says
	// which others can.
	chars    string
	nonASCII int
	// bridge, when set, reports whether the white space s[i:j] can be
	// part of a match; when nil, white space is like other characters.
	bridge func(s string, i, j int) bool
	// need reports whether t.s[a:b] can hold a match worth keeping.
	need func(t *text, a, b int) bool
	// gate, when set, is asked about the whole text instead of need: a
	// cheaper test that need would fail in every window when gate fails.
	gate func(t *text) bool

	ascii [utf8.RuneSelf]bool // chars, set up by prepare
	once  sync.Once
	re    *regexp.Regexp
}

// which characters beyond ASCII a match can hold
const (
	noneBeyondASCII = iota
	foldedKS        // K (Kelvin) and ſ (long s): what (?i) matches for k and s
	letters         // any letter (\p{L})
	anyRune
)

// text is a field being searched, with what the needs ask of it.
type text struct {
	s string
	// lower is s with A-Z lowercased, at the same offsets.
	lower string
	// folded: s has K or ſ, which (?i) matches as k and s but lower does
	// not; need is not asked and every window is searched.
	folded bool
	// numberDigits is the most digits in a run of digits, white space and
	// . - ( ) / +, the characters of numbers; runDigits the most digits in
	// a row.
	numberDigits, runDigits int
}

func newText(s string) *text {
	t := &text{s: s, folded: strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")}
	b := []byte(nil)
	number, run := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			if b == nil {
				b = []byte(s)
			}
			b[i] = c + 'a' - 'A'
		case isDigit(c):
			number++
			run++
			t.numberDigits = max(t.numberDigits, number)
			t.runDigits = max(t.runDigits, run)
			continue
		}
		run = 0
		if !isSpace(c) && strings.IndexByte(".-()/+", c) < 0 {
			number = 0
		}
	}
	t.lower = s
	if b != nil {
		t.lower = string(b)
	}
	return t
}

// prepare sets up the table of chars; it runs when the finders are set
// up, before any search.
func (f *finder) prepare() {
	for i := 0; i < len(f.chars); i++ {
		f.ascii[f.chars[i]] = true
	}
}

func (f *finder) compile() {
	f.once.Do(func() { f.re = regexp.MustCompile(f.src) })
}

func (f *finder) holds(r rune) bool {
	if r < utf8.RuneSelf {
		return f.ascii[r]
	}
	switch f.nonASCII {
	case foldedKS:
		return r == '\u212a' || r == '\u017f'
	case letters:
		return unicode.IsLetter(r)
	case anyRune:
		return true
	}
	return false
}

// findAll returns what f.re.FindAllStringSubmatchIndex(t.s, -1) returns,
// less the matches in windows that need turns down: matches that would
// not be kept.
func (f *finder) findAll(t *text) [][]int {
	if !t.folded && (f.gate != nil && !f.gate(t) || f.gate == nil && !f.need(t, 0, len(t.s))) {
		return nil
	}
	var out [][]int
	s := t.s
	window := func(a, b int) {
		if a == b || !t.folded && !f.need(t, a, b) {
			return
		}
		// a letter or digit that cut the window stays beside it for \b
		if a > 0 && isWordByte(s[a-1]) {
			a--
		}
		if b < len(s) && isWordByte(s[b]) {
			b++
		}
		f.compile()
		for _, m := range f.re.FindAllStringSubmatchIndex(s[a:b], -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += a
				}
			}
			out = append(out, m)
		}
	}
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if f.bridge != nil && isSpace(c) {
			j := skipSpace(s, i)
			if !f.bridge(s, i, j) {
				window(start, i)
				start = j
			}
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			if !f.ascii[c] {
				window(start, i)
				start = i + 1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !f.holds(r) {
			window(start, i)
			start = i + size
		}
		i += size
	}
	window(start, len(s))
	return out
}

// regexp returns the finder's expression, compiled.
func (f *finder) regexp() *regexp.Regexp {
	f.compile()
	return f.re
}

// asciiExcept returns every ASCII character but those in cut.
func asciiExcept(cut string) string {
	var b []byte
	for c := byte(0); c < utf8.RuneSelf; c++ {
		if strings.IndexByte(cut, c) < 0 {
			b = append(b, c)
		}
	}
	return string(b)
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func hasASCIIDigit(s string) bool {
	return strings.IndexAny(s, digits) >= 0
}

// atLeastDigits needs n digits in the window.
func atLeastDigits(n int) func(t *text, a, b int) bool {
	return func(t *text, a, b int) bool { return digitCount(t.s[a:b]) >= n }
}

// numberOf gates a finder whose characters are those of numbers on n
// digits in a number; inRow on n digits in a row.
func numberOf(n int) func(t *text) bool { return func(t *text) bool { return t.numberDigits >= n } }
func inRow(n int) func(t *text) bool    { return func(t *text) bool { return t.runDigits >= n } }

// digitAfter reports word followed, after white space if any, by a digit.
func digitAfter(lower, word string) bool {
	for i := strings.Index(lower, word); i >= 0; {
		if j := skipSpace(lower, i+len(word)); j < len(lower) && isDigit(lower[j]) {
			return true
		}
		next := strings.Index(lower[i+1:], word)
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

// digitAnd needs a digit and one of words, in any case, in the window.
func digitAnd(words ...string) func(t *text, a, b int) bool {
	return func(t *text, a, b int) bool {
		return hasASCIIDigit(t.s[a:b]) && containsAny(t.lower[a:b], words...)
	}
}

// hasStreetWord reports a word of streetWords after white space and before
// a character that is not a letter, digit or underscore.
func hasStreetWord(s string) bool {
	for _, w := range streetWords {
		for i := strings.Index(s, w); i >= 0; {
			end := i + len(w)
			if i > 0 && isSpace(s[i-1]) && (end == len(s) || !isWordByte(s[end])) {
				return true
			}
			next := strings.Index(s[i+1:], w)
			if next < 0 {
				break
			}
			i += 1 + next
		}
	}
	return false
}

// hasWordStarting reports a word of lower[a:b] (a word begins after a
// character that is not a letter, digit or underscore) that begins with
// one of prefixes.
func hasWordStarting(lower string, a, b int, prefixes []string) bool {
	for i := a; i < b; i++ {
		if i > 0 && isWordByte(lower[i-1]) {
			continue
		}
		for _, p := range prefixes {
			if strings.HasPrefix(lower[i:b], p) {
				return true
			}
		}
	}
	return false
}

// Bridges: where white space can sit inside a match.

// emailBridge: around the @ or a bracketed (at), around the dots or a
// bracketed (dot), and in " at " and " dot ".
func emailBridge(s string, i, j int) bool {
	return i > 0 && strings.IndexByte("@)]}.", s[i-1]) >= 0 || j < len(s) && strings.IndexByte("@([{.", s[j]) >= 0 ||
		endsWithFold(s[:i], "at") || endsWithFold(s[:i], "dot") ||
		startsWithFold(s[j:], "at") || startsWithFold(s[j:], "dot")
}

// urlBridge: around the colon of "http :", and before the dot of "www .".
func urlBridge(s string, i, j int) bool {
	return i > 0 && s[i-1] == ':' || j < len(s) && (s[j] == ':' || s[j] == '.')
}

// dotBridge: around a bracketed [.] or (dot), and in " dot ".
func dotBridge(s string, i, j int) bool {
	return i > 0 && (s[i-1] == ']' || s[i-1] == ')') || j < len(s) && (s[j] == '[' || s[j] == '(') ||
		endsWithFold(s[:i], "dot") || startsWithFold(s[j:], "dot")
}

// startsWithFold and endsWithFold compare ASCII letters in any case; word
// is lowercase.
func startsWithFold(s, word string) bool {
	return len(s) >= len(word) && strings.EqualFold(s[:len(word)], word)
}

func endsWithFold(s, word string) bool {
	return len(s) >= len(word) && strings.EqualFold(s[len(s)-len(word):], word)
}
