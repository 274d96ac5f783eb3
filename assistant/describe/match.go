package describe

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// The conduct rules and the insult and accusation phrases are matched on
// the words of a skeleton (see skeleton), by looking words up in sets
// built from the word lists in lexicon.go. A rule is a sequence of steps:
// a phrase from a list, a gap of a few words, or "anywhere later". The
// sets are built on the first check, never at init.
//
// A word, for matching, is a run of ASCII letters and digits: a skeleton
// word such as "f*ck" or "ok✓" holds two words or one, and words only
// follow each other when exactly one space separates them. This is how
// the regular expressions the rules replace read the skeleton (\b and \w
// are ASCII), so a rule matches exactly where its expression did
// (reference_test.go holds them to it). Word lists in a script other than
// Latin will need their letters counted as word characters here and in
// validPhrase; matching then differs, on purpose, where an ASCII word
// touches such a letter.

// wordSeq is a skeleton cut into words.
type wordSeq struct {
	w []string
	// next[i] reports whether w[i] follows w[i-1] after exactly one space.
	next []bool
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || c == '_'
}

// split cuts sk into words, reusing ws's storage.
func (ws *wordSeq) split(sk string) {
	ws.w, ws.next = ws.w[:0], ws.next[:0]
	end := -1 // end of the previous word
	for i := 0; i < len(sk); {
		if !isWordByte(sk[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(sk) && isWordByte(sk[j]) {
			j++
		}
		ws.w = append(ws.w, sk[i:j])
		ws.next = append(ws.next, end >= 0 && i == end+1 && sk[end] == ' ')
		end, i = j, j
	}
}

// phraseSet is a list of phrases of one or more words, found by their
// first word.
type phraseSet struct {
	// byFirst maps a first word to the rest of each phrase it begins, in
	// tails: the words after the first, separated by one space ("" for a
	// one-word phrase).
	byFirst map[string]span32
	tails   []string
	// prefix: the last word of a phrase need only begin with the listed
	// word ("post" matches "posted").
	prefix bool
	first  []string // the first words
	bit    uint64   // the set's bit in lexicon.index (see index)
}

// span32 is the range [lo, hi) of a slice.
type span32 struct{ lo, hi int32 }

func newPhraseSet(phrases []string, prefix bool) *phraseSet {
	type split struct{ first, rest string }
	all := make([]split, len(phrases))
	for i, p := range phrases {
		if !validPhrase(p) || prefix && strings.IndexByte(p, ' ') >= 0 {
			panic("describe: phrase \"" + p + "\" is not words of ASCII letters and digits, one space apart" +
				map[bool]string{true: ", or not one word in a prefix set"}[prefix])
		}
		all[i].first, all[i].rest, _ = strings.Cut(p, " ")
	}
	slices.SortStableFunc(all, func(a, b split) int { return strings.Compare(a.first, b.first) })
	s := &phraseSet{byFirst: make(map[string]span32, len(all)), tails: make([]string, len(all)), prefix: prefix}
	for i := 0; i < len(all); {
		j := i
		for j < len(all) && all[j].first == all[i].first {
			s.tails[j] = all[j].rest
			j++
		}
		s.byFirst[all[i].first] = span32{int32(i), int32(j)}
		s.first = append(s.first, all[i].first)
		i = j
	}
	return s
}

// validPhrase reports words of ASCII letters and digits separated by one
// space.
func validPhrase(p string) bool {
	for i := 0; i < len(p); i++ {
		if p[i] == ' ' {
			if i == 0 || i == len(p)-1 || p[i-1] == ' ' {
				return false
			}
		} else if p[i] >= utf8.RuneSelf || !isWordByte(p[i]) {
			return false
		}
	}
	return p != ""
}

// at calls f with the index after each phrase of s that starts at word i,
// and stops when f returns true.
func (s *phraseSet) at(ws *wordSeq, i int, f func(end int) bool) bool {
	if s.prefix {
		for _, p := range s.first {
			if strings.HasPrefix(ws.w[i], p) && f(i+1) {
				return true
			}
		}
		return false
	}
	r := s.byFirst[ws.w[i]]
	for _, rest := range s.tails[r.lo:r.hi] {
		j := i + 1
		for rest != "" {
			var x string
			x, rest, _ = strings.Cut(rest, " ")
			if j == len(ws.w) || ws.w[j] != x || !ws.next[j] {
				j = -1
				break
			}
			j++
		}
		if j > 0 && f(j) {
			return true
		}
	}
	return false
}

// in reports whether a phrase of s is anywhere in ws.
func (s *phraseSet) in(ws *wordSeq) bool {
	for i := range ws.w {
		if s.at(ws, i, func(int) bool { return true }) {
			return true
		}
	}
	return false
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
	// need holds the bits of the sets whose first words must all be in a
	// sentence for the rule to have a chance: its phrase steps that are
	// not prefixes (see lexicon.index).
	need  uint64
	needs []*phraseSet
	// rating marks a rule that also matches a plain rating ("I give it one
	// star"): a threat in a message, but what a review is for.
	rating bool
}

// phrase, gap and later build the steps of a rule; a phrase step lists
// the phrases formed by one string from each list, joined in order (see
// cross).
func phrase(lists ...[]string) step {
	return step{kind: stepPhrase, set: newPhraseSet(cross(lists...), false)}
}
func prefixOf(list []string) step { return step{kind: stepPhrase, set: newPhraseSet(list, true)} }
func gap(lo, hi int) step         { return step{kind: stepGap, min: lo, max: hi} }

var later = step{kind: stepLater}

// cross returns every string made of one string from each list, in order:
// cross({"a ", "the "}, {"gift", "present"}) is "a gift", "a present",
// "the gift", "the present".
func cross(lists ...[]string) []string {
	if len(lists) == 1 {
		return lists[0]
	}
	n, size := 1, 0
	for _, l := range lists {
		longest := 0
		for _, s := range l {
			longest = max(longest, len(s))
		}
		n *= len(l)
		size += longest
	}
	// one string holds them all; each is a piece of it
	var b strings.Builder
	b.Grow(n * size)
	ends := make([]int, 0, n)
	pick := make([]int, len(lists))
	for range n {
		for k, l := range lists {
			b.WriteString(l[pick[k]])
		}
		ends = append(ends, b.Len())
		for k := len(lists) - 1; k >= 0; k-- { // the next pick, the last list fastest
			if pick[k]++; pick[k] < len(lists[k]) {
				break
			}
			pick[k] = 0
		}
	}
	all := b.String()
	out := make([]string, n)
	start := 0
	for i, end := range ends {
		out[i], start = all[start:end], end
	}
	return out
}

func newRule(id string, steps ...step) rule {
	r := rule{id: id, steps: steps, later: -1}
	for i, s := range steps {
		if s.kind == stepLater {
			if r.later >= 0 {
				panic("describe: a rule has one \"later\" step at most")
			}
			r.later = i
		}
		if s.kind == stepPhrase && !s.set.prefix {
			r.needs = append(r.needs, s.set)
		}
	}
	return r
}

func (r rule) with(ctx, unless *phraseSet) rule {
	r.ctx, r.unless = ctx, unless
	return r
}

// statesRating marks a rule that a plain rating matches (see rule.rating).
func (r rule) statesRating() rule {
	r.rating = true
	return r
}

// set builds the phrase set of a list, for the context of rules.
func set(list []string) *phraseSet { return newPhraseSet(list, false) }

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
// some word of a sentence whose words set the bits of mask.
func (r *rule) possible(mask uint64) bool { return mask&r.need == r.need }

// lexicon is the word sets and rules, built once on first use.
type lexicon struct {
	// index maps each first word of a phrase in rules, insultPhrases and
	// accusations to the bits of the sets it begins a phrase of, so that one
	// lookup per word tells which sets, and so which rules, may match.
	index                      map[string]uint64
	rules                      []rule
	insultPhrases, accusations *phraseSet
	words                      dictionaries
	profaneStems, profaneRoots []dictWord
	notProfane                 map[string]bool
	acronyms, common, dangling map[string]bool
}

var lex struct {
	once sync.Once
	l    *lexicon
}

// tables returns the lexicon, building it on the first call.
func tables() *lexicon {
	lex.once.Do(func() { lex.l = buildLexicon() })
	return lex.l
}

// indexSets gives each set a bit and fills the index.
func (l *lexicon) indexSets() {
	l.index = map[string]uint64{}
	n := 0
	add := func(s *phraseSet) {
		if s == nil || s.prefix || s.bit != 0 {
			return
		}
		if n == 64 {
			panic("describe: more than 64 phrase sets; widen lexicon.index")
		}
		s.bit = 1 << n
		n++
		for _, w := range s.first {
			l.index[w] |= s.bit
		}
	}
	for i := range l.rules {
		r := &l.rules[i]
		for _, s := range r.needs {
			add(s)
			r.need |= s.bit
		}
		add(r.ctx)
		add(r.unless)
	}
	add(l.insultPhrases)
	add(l.accusations)
}

// mask returns the bits of the sets that some word of ws begins a phrase
// of.
func (l *lexicon) mask(ws *wordSeq) uint64 {
	var m uint64
	for _, w := range ws.w {
		m |= l.index[w]
	}
	return m
}
