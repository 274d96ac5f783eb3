package describe

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The conduct rules and the insult, accusation, hate and profanity
// phrases are matched on the words of a sentence as skeleton reads them,
// by looking each word up once in the lexicon's vocabulary (vocab, built
// from the files under lexicons/ on the first check): the lookup gives the
// ids of the lexicon words it is (an exact word, a stem it starts with, a
// tail it ends with), and phrases and rules compare ids. A rule is a
// sequence of steps: a phrase from a set, a gap of a few words, or
// "anywhere later".
//
// A word, for matching, is a run of letters (of any script), digits and
// underscores in a skeleton word: "f*ck" or "ok✓" holds two words or one,
// and words only follow each other when exactly one space separates them.
// For text in Latin letters this is how the regular expressions the rules
// replaced read the skeleton (\b and \w), so an English rule matches
// exactly where its expression did (reference_test.go holds them to it).

// token is a skeleton word: a run of characters between white space and
// the separators of skeletonCut, read by its script.
type token struct {
	key string // the skeleton word (may hold '*' standing for a letter)
	alt string // its other reading (see scriptCount.otherReading), or ""
	// plain is the word lowercased with its accents kept, when it has
	// letters beyond ASCII and differs from key; else "".
	plain string
	// fw0 and fw1 are the first and last white-space separated words of
	// the text that the token lies in (single letters joined into one
	// token span several).
	fw0, fw1 int32
	long     bool // a letter written three times or more in a row
	// lookalike: alt is the Latin reading of a word all of Cyrillic letters
	lookalike bool
	// while read builds the token, its key is buf[start:end]
	start, end int32
}

// wordSeq is a text cut into tokens and the tokens into words.
type wordSeq struct {
	tok []token
	w   []string
	alt []string // each word's other reading, or ""
	pl  []string // each word's plain form (see token.plain), or ""
	// next[i] reports whether w[i] follows w[i-1] after exactly one space.
	next []bool
	tk   []int32 // the token of each word
	// ids holds the vocabulary ids of word i at ids[at[i]:at[i+1]] (see
	// lexicon.mark); mask has the bit of every phrase set a word begins.
	ids  []int32
	at   []int32
	mask []uint64
	buf  []byte
	// scratch: room for a word's other spellings (see appendUnstretched)
	scratch []byte
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isWordByte(byte(r))
	}
	return unicode.IsLetter(r)
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || c == '_'
}

// read cuts s into tokens and words, reusing ws's storage.
func (ws *wordSeq) read(s string) {
	ws.tok, ws.w, ws.alt, ws.pl, ws.next, ws.tk = ws.tok[:0], ws.w[:0], ws.alt[:0], ws.pl[:0], ws.next[:0], ws.tk[:0]
	ws.ids, ws.at = ws.ids[:0], ws.at[:0]
	buf := ws.buf[:0]
	spans := ws.tok[:0]
	// single letters wait in spans[single:] until a longer word comes
	single := 0
	flush := func() {
		if n := len(spans) - single; n >= 3 {
			spans[single].end = spans[len(spans)-1].end
			spans[single].fw1 = spans[len(spans)-1].fw1
			spans = spans[:single+1]
		}
		single = len(spans)
	}
	fw, inField := int32(-1), false
	// A Cyrillic word whose letters all look Latin ("ЅСАМ") is also read
	// as Latin only in text mostly of Latin letters: in Russian text "Рита"
	// is a name, not "puta". Letters that exist only to imitate Latin ones
	// (ѕ ј ԁ ԛ ԝ һ ӏ) give the Latin reading anywhere.
	latin, cyrillic := 0, 0
	lookalikeOnly := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			inField = false
			i += size
			continue
		}
		if !inField {
			fw++
			inField = true
		}
		if skeletonCut(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if skeletonCut(r) {
				break
			}
			j += size
		}
		if k := elision(s[i:j]); k > 0 {
			j = i + k
		}
		tok := trimPunct(s[i:j])
		i = j
		if n := asciiWordLen(tok); n > 0 {
			// the common case: a word of ASCII letters, read without the
			// look-alike tables
			start := len(buf)
			for k := 0; k < len(tok); k++ {
				c := tok[k] | 0x20
				if k >= 2 && c == buf[len(buf)-1] && c == buf[len(buf)-2] && len(buf)-start >= 2 {
					continue
				}
				buf = append(buf, c)
			}
			t := token{fw0: fw, fw1: fw, long: stretched(tok)}
			latin += n
			if len(buf)-start == 1 {
				spans = append(spans, t.at(start, len(buf)))
				continue
			}
			flush()
			spans = append(spans, t.at(start, len(buf)))
			single = len(spans)
			continue
		}
		c := countScripts(tok)
		rd := c.readingOf()
		start := len(buf)
		buf = appendReading(buf, tok, rd, c.letters)
		if len(buf) == start {
			continue
		}
		t := token{fw0: fw, fw1: fw, long: stretched(tok)}
		latin += c.latin
		cyrillic += c.cyrillic
		if rd2, ok := c.otherReading(rd); ok {
			t.alt = string(appendReading(nil, tok, rd2, c.letters))
			if c.latin == 0 && !strings.ContainsAny(tok, "ѕЅјЈԁԀԛԚԝԜһҺӏӀ") {
				t.lookalike = true
				lookalikeOnly = true
			}
		}
		if rd == readLatin && c.letters > c.latin || c.latin > 0 && hasNonASCII(tok) {
			if p := appendPlain(nil, tok); string(p) != string(buf[start:]) {
				t.plain = string(p)
			}
		}
		if len(buf)-start == 1 && buf[start] >= 'a' && buf[start] <= 'z' {
			spans = append(spans, t.at(start, len(buf)))
			continue
		}
		flush()
		spans = append(spans, t.at(start, len(buf)))
		single = len(spans)
	}
	flush()
	if lookalikeOnly && cyrillic >= latin {
		for i := range spans {
			if spans[i].lookalike {
				spans[i].alt = ""
			}
		}
	}
	ws.buf, ws.tok = buf, spans
	all := string(buf)
	for k := range ws.tok {
		ws.tok[k].key = all[ws.tok[k].start:ws.tok[k].end]
		ws.words(k)
	}
}

// at returns t with its key at buf[start:end].
func (t token) at(start, end int) token {
	t.start, t.end = int32(start), int32(end)
	return t
}

// wordSeqs keeps the storage of word sequences from one check to the next.
var wordSeqs = sync.Pool{New: func() any { return new(wordSeq) }}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// words cuts token k into words.
func (ws *wordSeq) words(k int) {
	t := &ws.tok[k]
	first := len(ws.w)
	joined := k > 0 && endsInWord(ws.tok[k-1].key)
	for i := 0; i < len(t.key); {
		r, size := utf8.DecodeRuneInString(t.key[i:])
		if !isWordRune(r) {
			joined = false
			i += size
			continue
		}
		j := i + size
		for j < len(t.key) {
			r, size := utf8.DecodeRuneInString(t.key[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		ws.w = append(ws.w, t.key[i:j])
		ws.alt = append(ws.alt, "")
		ws.pl = append(ws.pl, "")
		ws.next = append(ws.next, joined && i == 0)
		ws.tk = append(ws.tk, int32(k))
		joined = false
		i = j
	}
	n := len(ws.w) - first
	if n == 0 {
		return
	}
	if t.alt != "" {
		if parts := wordParts(t.alt); len(parts) == n {
			copy(ws.alt[first:], parts)
		}
	}
	if t.plain != "" {
		if parts := wordParts(t.plain); len(parts) == n {
			copy(ws.pl[first:], parts)
		}
	}
}

func endsInWord(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r != utf8.RuneError && isWordRune(r)
}

// wordParts cuts s into its words.
func wordParts(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) })
}

// idsOf returns the vocabulary ids of word i.
func (ws *wordSeq) idsOf(i int) []int32 { return ws.ids[ws.at[i]:ws.at[i+1]] }

// has reports whether word i has vocabulary id x.
func (ws *wordSeq) has(i int, x int32) bool {
	for _, id := range ws.ids[ws.at[i]:ws.at[i+1]] {
		if id == x {
			return true
		}
	}
	return false
}

// phraseSet is a list of phrases of one or more words, each word a
// vocabulary id, found by their first word.
type phraseSet struct {
	// byFirst maps a first word to the rest of each phrase it begins, in
	// tails.
	byFirst map[int32]span32
	tails   [][]int32
	first   []int32 // the first words
	bit     int32   // the set's index in lexicon.sets (see lexicon.mark)
}

// span32 is the range [lo, hi) of a slice.
type span32 struct{ lo, hi int32 }

func newPhraseSet(phrases [][]int32) *phraseSet {
	slices.SortStableFunc(phrases, func(a, b []int32) int { return int(a[0]) - int(b[0]) })
	s := &phraseSet{byFirst: make(map[int32]span32, len(phrases)), tails: make([][]int32, len(phrases)), bit: -1}
	for i := 0; i < len(phrases); {
		j := i
		for j < len(phrases) && phrases[j][0] == phrases[i][0] {
			s.tails[j] = phrases[j][1:]
			j++
		}
		s.byFirst[phrases[i][0]] = span32{int32(i), int32(j)}
		s.first = append(s.first, phrases[i][0])
		i = j
	}
	return s
}

// at calls f with the index after each phrase of s that starts at word i,
// and stops when f returns true.
func (s *phraseSet) at(ws *wordSeq, i int, f func(end int) bool) bool {
	for _, id := range ws.idsOf(i) {
		r, ok := s.byFirst[id]
		if !ok {
			continue
		}
		for _, rest := range s.tails[r.lo:r.hi] {
			j := i + 1
			for _, x := range rest {
				if j == len(ws.w) || !ws.next[j] || !ws.has(j, x) {
					j = -1
					break
				}
				j++
			}
			if j > 0 && f(j) {
				return true
			}
		}
	}
	return false
}

// in reports whether a phrase of s is anywhere in ws.
func (s *phraseSet) in(ws *wordSeq) bool {
	if s == nil || !ws.bit(s.bit) {
		return false
	}
	for i := range ws.w {
		if s.at(ws, i, func(int) bool { return true }) {
			return true
		}
	}
	return false
}

// each calls f with the start and end of every phrase of s in ws.
func (s *phraseSet) each(ws *wordSeq, f func(start, end int)) {
	if s == nil || !ws.bit(s.bit) {
		return
	}
	for i := range ws.w {
		s.at(ws, i, func(end int) bool { f(i, end); return false })
	}
}

// bit reports whether a word of ws begins a phrase of set b.
func (ws *wordSeq) bit(b int32) bool {
	return b >= 0 && int(b>>6) < len(ws.mask) && ws.mask[b>>6]&(1<<(b&63)) != 0
}

// step kinds
const (
	stepPhrase = iota // a phrase of a set
	stepGap           // min to max words, any words
	stepLater         // the next step starts at any later word
)

type step struct {
	kind     int
	set      *phraseSet
	min, max int
}

// rule is a sequence of steps; ctx, when set, must also be in the
// sentence, and unless, when set, excuses it.
type rule struct {
	id          string
	steps       []step
	later       int // the index of the "later" step, or -1
	ctx, unless *phraseSet
	// need holds the sets whose first words must all be in a sentence for
	// the rule to have a chance: its phrase steps.
	need []int32
	// rating marks a rule that also matches a plain rating ("I give it one
	// star"): a threat in a message, but what a review is for.
	rating bool
	// kept marks a rule about data the personal-data check has taken out
	// already (an account number given to be paid outside the platform):
	// the finding is reported and the rest of the sentence stays.
	kept bool
	lang string // the file the rule comes from
}

// match reports whether the rule's steps match ws.
func (r *rule) match(ws *wordSeq) bool {
	// After a "later" step, only the last word where the rest of the rule
	// matches counts: the steps before it must end there or earlier.
	last := len(ws.w)
	if r.later >= 0 {
		last = -1
		for j := len(ws.w) - 1; j >= 0; j-- {
			if r.from(ws, r.later+1, j, false, 0) {
				last = j
				break
			}
		}
		if last < 0 {
			return false
		}
	}
	for i := range ws.w {
		if r.from(ws, 0, i, false, last) {
			return true
		}
	}
	return false
}

// from reports whether steps k and on match from word i; joined: word i
// must follow the previous word after exactly one space. A "later" step
// matches when i is at most last.
func (r *rule) from(ws *wordSeq, k, i int, joined bool, last int) bool {
	if k == len(r.steps) {
		return true
	}
	s := &r.steps[k]
	switch s.kind {
	case stepLater:
		return i <= last
	case stepGap:
		for g := 0; g <= s.max; g++ {
			if g > 0 && (i+g-1 >= len(ws.w) || (g > 1 || joined) && !ws.next[i+g-1]) {
				return false
			}
			if g >= s.min && r.from(ws, k+1, i+g, joined || g > 0, last) {
				return true
			}
		}
		return false
	}
	if i >= len(ws.w) || joined && !ws.next[i] {
		return false
	}
	return s.set.at(ws, i, func(end int) bool { return r.from(ws, k+1, end, true, last) })
}

// possible reports whether every phrase step of the rule can start at
// some word of ws.
func (r *rule) possible(ws *wordSeq) bool {
	for _, b := range r.need {
		if !ws.bit(b) {
			return false
		}
	}
	return true
}

// lex holds the lexicons, each built on the first check that needs it:
// latin, of the languages written in Latin letters (with the words the
// other files write in Latin letters, see buildLatinLexicon), for text with no
// letter of another script that a lexicon is written in; all, of every
// language, for the rest. Text without Cyrillic, Hebrew or Hangul letters
// cannot match an entry written in them, so most checks never build the
// larger one.
var lex struct {
	latinOnce, allOnce sync.Once
	latin, all         *lexicon
}

// latinLanguages are the languages whose lexicons are in Latin letters.
var latinLanguages = []string{"en", "es", "pt", "fr", "de", "it", "nl", "pl", "tr"}

// tables returns the lexicon of every language, reading its compiled form
// on the first call.
func tables() *lexicon {
	lex.allOnce.Do(func() { lex.all = loadLexicon("all") })
	return lex.all
}

// tablesFor returns the lexicon that text needs (see lex).
func tablesFor(text string) *lexicon {
	if otherScripts(text) {
		return tables()
	}
	lex.latinOnce.Do(func() { lex.latin = loadLexicon("latin") })
	return lex.latin
}

// otherScripts reports a Cyrillic, Hebrew or Hangul letter in s.
func otherScripts(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x400 && r <= 0x52f || r >= 0x590 && r <= 0x5ff || r >= 0xfb1d && r <= 0xfb4f ||
			r >= 0x1100 && r <= 0x11ff || r >= 0x3130 && r <= 0x318f || r >= 0xac00 && r <= 0xd7a3 {
			return true
		}
		i += size - 1
	}
	return false
}

// mark looks every word of ws up in the vocabulary: its ids, and the bits
// of the phrase sets it begins a phrase of.
func (l *lexicon) mark(ws *wordSeq) {
	ws.ids, ws.at = ws.ids[:0], append(ws.at[:0], 0)
	n := (len(l.sets) + 63) / 64
	if cap(ws.mask) < n {
		ws.mask = make([]uint64, n)
	}
	ws.mask = ws.mask[:n]
	clear(ws.mask)
	for i, w := range ws.w {
		start := len(ws.ids)
		ws.ids = l.v.appendIDs(ws.ids, w, ws.pl[i])
		if a := ws.alt[i]; a != "" {
			ws.ids = l.v.appendIDs(ws.ids, a, "")
		}
		if len(ws.ids) == start {
			ws.ids = l.v.appendGlued(ws.ids, w)
		}
		if ws.tok[ws.tk[i]].long {
			// a stretched word inside a phrase: "eres un burrooo" is
			// read "burroo"; each double letter is tried single
			ws.ids = l.v.appendUnstretched(ws.ids, w, &ws.scratch)
		}
		for _, id := range ws.ids[start:] {
			for _, b := range l.v.first[id] {
				ws.mask[b>>6] |= 1 << (b & 63)
			}
		}
		ws.at = append(ws.at, int32(len(ws.ids)))
	}
}

// asciiWordLen returns the length of tok when it is ASCII letters only,
// else 0.
func asciiWordLen(tok string) int {
	for i := 0; i < len(tok); i++ {
		if c := tok[i] | 0x20; c < 'a' || c > 'z' {
			return 0
		}
	}
	return len(tok)
}

// clear drops what ws refers to, keeping its storage.
func (ws *wordSeq) clear() {
	clear(ws.tok[:cap(ws.tok)])
	clear(ws.w[:cap(ws.w)])
	clear(ws.alt[:cap(ws.alt)])
	clear(ws.pl[:cap(ws.pl)])
	ws.tok, ws.w, ws.alt, ws.pl = ws.tok[:0], ws.w[:0], ws.alt[:0], ws.pl[:0]
}

// appendUnstretched appends the ids of w with one of its doubled letters
// written once, each in turn ("burroo" is "buroo" or "burro").
func (v *vocab) appendUnstretched(ids []int32, w string, buf *[]byte) []int32 {
	for i := 1; i < len(w); i++ {
		if w[i] != w[i-1] || w[i] >= utf8.RuneSelf {
			continue
		}
		b := append(append((*buf)[:0], w[:i]...), w[i+1:]...)
		*buf = b
		ids = v.appendIDs(ids, string(b), "")
	}
	return ids
}
