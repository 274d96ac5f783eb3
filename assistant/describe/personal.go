package describe

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Personal data and links are found in one pass over the words and
// numbers of a field (see scan): runs of digits are read as a whole and
// told apart by their shape, their check digits and the word before them;
// addresses by the words of streets, houses and postcodes in each
// market's languages; emails, links and handles around an @, a spelled
// "at" or "dot", a scheme or a known top-level domain. No regular
// expression is used. What is found is replaced in the text by a
// placeholder (so the conduct rules still read "call me at [phone number
// removed]"), and the sentence is then rewritten without it (see tidy.go).

// span is one piece of personal data or a link found in a field.
type span struct {
	start, end int
	id         string
	label      string // the document's name for an id number ("CPF"), else ""
}

// FindHandle: a messenger user name (Telegram @name, Line ID, Discord,
// WeChat, KakaoTalk), replaced by a placeholder like the other data.
const FindHandle = "handle"

// placeholders are what replaces each kind of removed data in the text
// while the sentence is checked; tidy then takes them out of the sentence.
var placeholders = map[string]string{
	FindEmail:       "[email removed]",
	FindPhone:       "[phone number removed]",
	FindCard:        "[card number removed]",
	FindIBAN:        "[bank account removed]",
	FindBankAccount: "[bank account removed]",
	FindAddress:     "[address removed]",
	FindIDNumber:    "[ID number removed]",
	FindLink:        "[link removed]",
	FindHandle:      "[handle removed]",
}

// token kinds
const (
	kSpace uint8 = iota // spaces and tabs
	kBreak              // line breaks
	kWord               // letters
	kNum                // ASCII digits
	kAlnum              // letters and digits together, or an underscore
	kPunct              // one other character
)

type tok struct {
	a, b  int
	k     uint8
	r     rune   // the character of a kPunct token
	flags uint32 // word flags (piiwords.go) of a word
	upper bool   // a word starting with a capital
	caps  bool   // a word all in capitals (two letters or more)
	cased bool   // a word in a script with capitals
	ascii bool
}

// scanner holds one field being searched.
type scanner struct {
	s     string
	t     []tok
	found []span
	buf   []byte
	heb   uint8 // Hebrew letters in s: 0 not looked yet, 1 no, 2 yes
	nl    uint8 // Dutch words in s: 0 not looked yet, 1 no, 2 yes
}

// findPersonal returns the personal data and links in s, in text order,
// without overlaps.
func findPersonal(s string) []span {
	sc := scanner{s: s}
	sc.tokenize()
	sc.numbers()
	sc.alnums()
	sc.spelledPhones()
	sc.emailsAndLinks()
	sc.handles()
	sc.addresses()
	found := merge(sc.found)
	for k := range found {
		start := sc.dottedLabel(found[k])
		if k > 0 && start < found[k-1].end {
			// the label is the end of the span before ("... кв. 4, м. Київ,
			// 01001, тел. +380 ..."): the spans must not overlap
			start = max(found[k].start, found[k-1].end)
		}
		found[k].start = start
	}
	return found
}

// dottedLabel returns where a number's span starts when the label right
// before it is an abbreviation with a dot ("ת.ז. 123456782", "Ag. 0001",
// "Tel. 0612345678"): the label goes with it, for the text is cut into
// sentences at such a dot and the label would be left as one of its own.
func (sc *scanner) dottedLabel(sp span) int {
	switch sp.id {
	case FindPhone, FindIDNumber, FindBankAccount, FindCard, FindIBAN:
	default:
		return sp.start
	}
	// the token where the span starts
	i := sort.Search(len(sc.t), func(k int) bool { return sc.t[k].a >= sp.start })
	p := sc.prev(i)
	if p < 1 || p+1 == i || !sc.isPunct(p, '.') {
		return sp.start
	}
	// back over letters and inner dots with no white space: ת.ז., Ag., Nr.
	from := p
	for from > 0 && (sc.isWord(from-1) || sc.isPunct(from-1, '.') && sc.isWord(from-2)) && from-p > -6 {
		from--
	}
	if !sc.isWord(from) || utf8.RuneCountInString(sc.s[sc.t[from].a:sc.t[p].a]) > 8 {
		return sp.start
	}
	if lookupWord(sc.s[sc.t[from].a:sc.t[p].a], &sc.buf)&(labelKinds&^wOrder) == 0 {
		return sp.start
	}
	return sc.t[from].a
}

func (sc *scanner) add(id string, a, b int, label string) {
	if a < b {
		sc.found = append(sc.found, span{a, b, id, label})
	}
}

func (sc *scanner) tokenize() {
	s := sc.s
	sc.t = make([]tok, 0, len(s)/4+4)
	for i := 0; i < len(s); {
		c := s[i]
		start := i
		switch {
		case c == ' ' || c == '\t' || c == '\f' || c == '\r':
			for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f' || s[i] == '\r') {
				i++
			}
			sc.t = append(sc.t, tok{a: start, b: i, k: kSpace})
			continue
		case c == '\n':
			for i < len(s) && (s[i] == '\n' || s[i] == ' ') {
				i++
			}
			sc.t = append(sc.t, tok{a: start, b: i, k: kBreak})
			continue
		}
		letters, digs := 0, 0
		for i < len(s) {
			r, size := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
			switch {
			case r < utf8.RuneSelf && isDigit(byte(r)):
				digs++
			case r == '_' || unicode.IsLetter(r) || letters > 0 && unicode.Is(unicode.Mn, r):
				letters++
			default:
				goto done
			}
			i += size
		}
	done:
		if i == start {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			sc.t = append(sc.t, tok{a: start, b: i, k: kPunct, r: r})
			continue
		}
		// Korean writes its particles on the number: "010-1234-5678로",
		// "5678이에요"; the digits are a number of their own then
		if letters > 0 && digs > 0 {
			if d := leadingDigits(s[start:i]); d > 0 && d == digs && koreanParticle(s[start+d:i]) {
				sc.t = append(sc.t, tok{a: start, b: start + d, k: kNum})
				start, digs = start+d, 0
			}
		}
		t := tok{a: start, b: i}
		switch {
		case letters == 0:
			t.k = kNum
		case digs == 0:
			t.k = kWord
		default:
			t.k = kAlnum
		}
		if letters > 0 {
			w := s[start:i]
			t.flags = lookupWord(w, &sc.buf)
			r, _ := utf8.DecodeRuneInString(w)
			t.upper = unicode.IsUpper(r)
			t.cased = unicode.IsUpper(r) || unicode.IsLower(r)
			t.ascii = true
			up := 0
			for _, r := range w {
				if r >= utf8.RuneSelf {
					t.ascii = false
				}
				if unicode.IsUpper(r) {
					up++
				}
			}
			t.caps = up >= 2 && up == letters
			// the first word of a sentence is set in capitals in the text
			// the check returns: read it as capitalised already, so that a
			// second check finds nothing new
			if t.cased && !t.upper && sc.sentenceStart() {
				t.upper = true
			}
		}
		sc.t = append(sc.t, t)
	}
}

// leadingDigits returns how many ASCII digits w starts with.
func leadingDigits(w string) int {
	d := 0
	for d < len(w) && isDigit(w[d]) {
		d++
	}
	return d
}

// koreanParticles are what Korean writes on a number: case particles
// (로, 으로, 에, 이, 를...), "is" (이에요, 입니다) and "until" (까지).
// Counters (동, 호, 층, 개, 월) are not among them: "101동" and "4층" are
// read whole.
var koreanParticles = map[string]bool{"로": true, "으로": true, "로요": true, "으로요": true, "로는": true, "에": true,
	"에서": true, "에요": true, "이": true, "가": true, "은": true, "는": true, "을": true, "를": true, "도": true,
	"와": true, "과": true, "이랑": true, "랑": true, "이에요": true, "예요": true, "입니다": true, "이요": true, "요": true,
	"까지": true, "만": true, "로만": true, "으로만": true, "이고": true, "고": true, "인데": true, "인데요": true}

// koreanParticle reports a Korean particle written on a number.
func koreanParticle(w string) bool { return koreanParticles[w] }

// sentenceStart reports whether the token about to be added starts a
// sentence: nothing but white space before it, or a sentence's end and
// white space, or a line break.
func (sc *scanner) sentenceStart() bool {
	k := len(sc.t) - 1
	for k >= 0 && sc.t[k].k == kSpace {
		k--
	}
	if k < 0 || sc.t[k].k == kBreak {
		return true
	}
	if k == len(sc.t)-1 {
		return false // no white space before it
	}
	return sc.t[k].k == kPunct && strings.ContainsRune(".!?…。！？", sc.t[k].r)
}

// text of token i
func (sc *scanner) tx(i int) string { return sc.s[sc.t[i].a:sc.t[i].b] }

// next returns the index of the first token after i that is not a space,
// or len(t).
func (sc *scanner) next(i int) int {
	for i++; i < len(sc.t) && sc.t[i].k == kSpace; i++ {
	}
	return i
}

// prev returns the index of the last token before i that is not a space,
// or -1.
func (sc *scanner) prev(i int) int {
	for i--; i >= 0 && sc.t[i].k == kSpace; i-- {
	}
	return i
}

func (sc *scanner) isPunct(i int, r rune) bool {
	return i >= 0 && i < len(sc.t) && sc.t[i].k == kPunct && sc.t[i].r == r
}

func (sc *scanner) isWord(i int) bool {
	return i >= 0 && i < len(sc.t) && (sc.t[i].k == kWord || sc.t[i].k == kAlnum)
}

// wordFlags returns the flags of token i when it is a word, else 0.
func (sc *scanner) wordFlags(i int) uint32 {
	if sc.isWord(i) {
		return sc.t[i].flags
	}
	return 0
}

// labelBefore returns the flags of up to three words just before token i
// ("my phone number is", "IBAN:", "order no."), and the token index of the
// word that carried an identity document's name, or -1.
//
// A word that also only leads up to a datum ("номер", number) is a weak
// label: when a word that names the datum's kind stands beside it
// ("номер паспорта", "заказ номер"), that word decides.
func (sc *scanner) labelBefore(i int) (uint32, int) {
	var f, strong uint32
	doc := -1
	words := 0
	for j := i - 1; j >= 0 && words < 4; j-- {
		t := &sc.t[j]
		switch t.k {
		case kSpace, kBreak:
			// a label on the line above counts ("Sort code\n12-34-56"),
			// as it would once the lines are joined into sentences
			continue
		case kWord, kAlnum:
			words++
			f |= t.flags
			if t.flags&wLead == 0 {
				strong |= t.flags & labelKinds
			}
			if t.flags&wID != 0 && doc < 0 {
				doc = j
			}
			continue
		case kPunct:
			switch t.r {
			case ':', '#', '№', '=', '-', '(', '/', 'º', '°':
				continue
			case '.', '!', '?':
				// the dot of an abbreviation ("tel.", "No.", "nr."); ! and ?
				// too, which the calm rewrite turns into dots ("Acct! 1234"
				// is written "Acct. 1234")
				p := j - 1
				if t.r != '.' {
					p = sc.prev(j) // "Acct ! 1234"
				}
				if p >= 0 && sc.isWord(p) && utf8.RuneCountInString(sc.tx(p)) <= 4 {
					continue
				}
			}
		}
		break
	}
	if strong != 0 {
		f = f&^labelKinds | strong
	}
	return f, doc
}

// labelKinds are the word flags that name the kind of the number after
// them.
const labelKinds = wOrder | wPhone | wCard | wAccount | wID

// merge sorts spans and resolves overlaps: the earlier span wins, and of
// two starting together the longer (a handle before a link of the same
// text); an overlapped span extends the winner.
func merge(in []span) []span {
	if len(in) == 0 {
		return nil
	}
	sort.SliceStable(in, func(i, j int) bool {
		if in[i].start != in[j].start {
			return in[i].start < in[j].start
		}
		if in[i].end != in[j].end {
			return in[i].end > in[j].end
		}
		// "snap: name.surname": a user name after a messenger, not a link
		return in[i].id == FindHandle && in[j].id == FindLink
	})
	out := []span{in[0]}
	for _, sp := range in[1:] {
		last := &out[len(out)-1]
		if sp.start < last.end {
			last.end = max(last.end, sp.end)
			continue
		}
		out = append(out, sp)
	}
	return out
}

func digitCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

// mask hides all but the last two letters or digits of personal data, so a
// finding can point at it without repeating it.
func mask(s string) string {
	total := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			total++
		}
	}
	var b strings.Builder
	seen := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			seen++
			if seen <= total-2 || total <= 4 {
				b.WriteRune('•')
				continue
			}
		}
		b.WriteRune(r)
	}
	return excerpt(b.String())
}
