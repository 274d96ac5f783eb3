package describe

import (
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The word lists and rules of the tone check are data: one file per
// language under lexicons/, embedded in the program and read on the first
// check (never at init). Each file explains its format at the top, so that
// a reviewer who speaks the language can edit it without reading Go. In
// short:
//
//	language: ru                      the file's language
//	letters: ы э ъ ё                  letters that show the language (the language guess)
//	prefixes: ו ה ש                   letters glued before a word (Hebrew)
//	casing: turkish                   I and İ lowercase as ı and i
//
//	[lists]        @name = item, item, item      named lists for the rules
//	[markers]      common words that show a text is in the language
//	[common]       words lowercased wherever they are shouted
//	[acronyms]     words kept in capitals
//	[dangling]     words that cannot end a clause once a swear word is gone
//	[not]          words that a stem or tail below must not match
//	[profanity] [insult] [accusation] [hate_speech]
//	               one entry a line: a word or a phrase
//	[feedback_threat] [threat] [extra_demand] [off_platform]
//	               one rule a line: pattern | if @list | unless @list | rating | kept
//
// Words: "word" is the word alone; "stem*" any word that starts with stem;
// "*tail" any word that ends with tail; "=word" the word with its accents
// exactly as written (else accents and look-alike letters do not count);
// "?entry" an entry that counts only in text that reads as the file's
// language. "(a|b|)" is one of a, b or nothing; "@name" one of the items
// of a list. In rules, "~3" is up to three words of any kind and "..."
// anywhere later in the sentence.

//go:generate go test . -run ^TestCompiledLexiconsAreCurrent$ -update-lexicons

// languages lists the lexicon files in the order their rules are tried;
// English first, as it always was. A language's bit in a language mask is
// 1 << its index.
var languages = []string{"en", "es", "pt", "fr", "de", "it", "nl", "pl", "ru", "uk", "tr", "ko", "he"}

const langEnglish = 0

// ruleOrder is the order of the conduct categories: the first rule that
// matches names the finding. The word sections may hold rules too (a line
// with a ~ gap or "..."): they come last, and leave the sentence out.
var ruleOrder = []string{FindFeedbackThreat, FindThreat, FindExtraDemand, FindOffPlatform, FindHateSpeech, FindInsult,
	FindAccusation, FindProfanity}

// vocab is every word the lexicons name, each with an id.
type vocab struct {
	exact map[string]int32
	// stems and tails by their first (last) two characters
	stems, tails map[string][]affix
	// accents: words that must be written with their accents, by their
	// folded form (exact) and by its first two characters (stems)
	accents, accentStems map[string][]affix
	not                  map[string]bool // words no stem or tail matches
	short                bool            // some stem is one character (by itself in stems)
	notStems             []string
	// glued: letters that may be glued before a word, by script (Hebrew)
	glued map[rune]bool
	// first holds, by id, the phrase sets a word of that id begins a
	// phrase of (indices in lexicon.sets).
	first [][]int32
	names []string // by id: the word as the lexicon writes it, for errors
}

type affix struct {
	s  string
	id int32
}

// head returns the first two characters of s, or "".
func head(s string) string {
	_, a := utf8.DecodeRuneInString(s)
	if a == len(s) {
		return ""
	}
	_, b := utf8.DecodeRuneInString(s[a:])
	return s[:a+b]
}

// tail2 returns the last two characters of s, or "".
func tail2(s string) string {
	_, a := utf8.DecodeLastRuneInString(s)
	if a == len(s) {
		return ""
	}
	_, b := utf8.DecodeLastRuneInString(s[:len(s)-a])
	return s[len(s)-a-b:]
}

// appendIDs appends the ids of the lexicon words that w (a word as
// skeleton reads it; plain: its plain form or "") is.
func (v *vocab) appendIDs(dst []int32, w, plain string) []int32 {
	if id, ok := v.exact[w]; ok {
		dst = append(dst, id)
	}
	if len(v.stems) > 0 {
		for _, a := range v.stems[head(w)] {
			if strings.HasPrefix(w, a.s) && !v.excepted(w) {
				dst = append(dst, a.id)
			}
		}
		if v.short {
			_, size := utf8.DecodeRuneInString(w)
			for _, a := range v.stems[w[:size]] {
				if !v.excepted(w) {
					dst = append(dst, a.id)
				}
			}
		}
	}
	if tl := v.tails[tail2(w)]; tl != nil {
		for _, a := range tl {
			if strings.HasSuffix(w, a.s) && !v.excepted(w) {
				dst = append(dst, a.id)
			}
		}
	}
	if plain == "" {
		if len(v.accents) == 0 || !hasNonASCII(w) {
			return dst // an entry spelled with its accents needs a word with accents
		}
		plain = w
	}
	for _, a := range v.accents[w] {
		if plain == a.s {
			dst = append(dst, a.id)
		}
	}
	for _, a := range v.accentStems[head(w)] {
		if strings.HasPrefix(plain, a.s) && !v.excepted(w) {
			dst = append(dst, a.id)
		}
	}
	return dst
}

// excepted reports a word that no stem or tail matches.
func (v *vocab) excepted(w string) bool {
	if v.not[w] {
		return true
	}
	for _, s := range v.notStems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// appendGlued appends the ids of w without the letters glued before it
// (Hebrew ו ה ש ל ב מ כ: "והנוכל" is "נוכל"), when w itself is none.
func (v *vocab) appendGlued(dst []int32, w string) []int32 {
	if len(v.glued) == 0 || len(w) < 2 || w[0] < 0xd6 || w[0] > 0xd7 || v.not[w] {
		return dst // Hebrew letters are 0xd6 0x90 to 0xd7 0xaa in UTF-8
	}
	rest := w
	for k := 0; k < 3; k++ {
		r, size := utf8.DecodeRuneInString(rest)
		if !v.glued[r] {
			break
		}
		rest = rest[size:]
		if utf8.RuneCountInString(rest) < 2 {
			break
		}
		n := len(dst)
		dst = v.appendIDs(dst, rest, "")
		if len(dst) > n {
			return dst
		}
	}
	return dst
}

// lexError is a mistake in a lexicon file; building the lexicon panics
// with it, and the tests build it.
type lexError struct {
	file string
	line int
	msg  string
}

func (e *lexError) Error() string {
	return fmt.Sprintf("lexicons/%s.txt:%d: %s", e.file, e.line, e.msg)
}

// builder compiles the lexicon files into a lexicon.
type builder struct {
	l        *lexicon
	lang     int
	file     string
	line     int
	lists    map[string][]string
	ctxSets  map[string]*phraseSet
	stepSets map[string]*phraseSet
	rules    map[string][]rule
	phrases  [kindCount][][]int32
	named    map[string]int32   // vocabulary words by name (see id)
	wordIDs  map[string][]int32 // written words read already (see words)
	// phraseWordIDs: the same, for words of a phrase of several
	phraseWordIDs map[string][]int32
	inPhrase      bool // the word in hand is one of a phrase's
	ws            wordSeq
	// latinWords: read only the word entries written in Latin letters
	// (see buildLatinLexicon)
	latinWords bool
}

func (b *builder) fail(format string, args ...any) {
	panic(&lexError{b.file, b.line, fmt.Sprintf(format, args...)})
}

func buildLexicon(fsys fs.FS) *lexicon { return buildLexiconOf(fsys, languages) }

// buildLatinLexicon builds the lexicon of the languages written in Latin
// letters (latinLanguages) for text in Latin letters only. It also holds
// the words of the other languages' word sections that their files write
// in Latin letters: the transliterations buyers type ("blyat", "ssibal",
// "ben zona"), which text without a Cyrillic, Hangul or Hebrew letter
// would otherwise never meet. Only those words, and the rules written
// wholly in Latin letters without a list, come in: none of those
// languages' other rules, markers or letters.
func buildLatinLexicon(fsys fs.FS) *lexicon {
	return buildLexiconOf(fsys, latinLanguages, languages...)
}

// buildLexiconOf builds, from the lexicon files in fsys, a lexicon of some
// languages only (the tests
// compare English alone with the expressions it replaced), with the
// Latin-letter words of the languages in latinWordsOf too (see
// buildLatinLexicon).
func buildLexiconOf(fsys fs.FS, codes []string, latinWordsOf ...string) *lexicon {
	l := &lexicon{
		v: vocab{exact: make(map[string]int32, 4096), stems: map[string][]affix{}, tails: map[string][]affix{},
			accents: map[string][]affix{}, accentStems: map[string][]affix{}, not: map[string]bool{}, glued: map[rune]bool{}},
		squeezed: map[string]sqWord{}, markers: map[string]uint16{}, letters: map[rune]uint16{},
		acronyms: map[string]bool{}, common: map[string]uint16{}, dangling: map[string]uint16{},
	}
	b := &builder{l: l, rules: map[string][]rule{}, named: make(map[string]int32, 4096), wordIDs: make(map[string][]int32, 4096),
		phraseWordIDs: make(map[string][]int32, 4096)}
	for i, code := range languages {
		all := slices.Contains(codes, code)
		if !all && !slices.Contains(latinWordsOf, code) {
			continue
		}
		data, err := fs.ReadFile(fsys, code+".txt")
		if err != nil {
			panic(err)
		}
		b.lang, b.file, b.latinWords = i, code, !all
		b.parse(string(data))
	}
	b.latinWords = false
	for _, id := range ruleOrder {
		l.rules = append(l.rules, b.rules[id]...)
	}
	l.wildByLen, l.wildBySqLen = map[int][]sqWord{}, map[int][]sqWord{}
	for _, w := range l.wild {
		n := utf8.RuneCountInString(w.word)
		l.wildByLen[n] = append(l.wildByLen[n], w)
		if w.sq != "" {
			n = utf8.RuneCountInString(w.sq)
			l.wildBySqLen[n] = append(l.wildBySqLen[n], w)
		}
	}
	for k := range b.phrases {
		if len(b.phrases[k]) > 0 {
			l.phrases[k] = b.set(newPhraseSet(b.phrases[k]))
		}
	}
	for i := range l.rules {
		r := &l.rules[i]
		for _, s := range r.steps {
			if s.kind == stepPhrase {
				r.need = append(r.need, s.set.bit)
			}
		}
	}
	return l
}

// set indexes a phrase set: each of its first words is told it begins a
// phrase of it.
func (b *builder) set(s *phraseSet) *phraseSet {
	if s.bit >= 0 {
		return s
	}
	s.bit = int32(len(b.l.sets))
	b.l.sets = append(b.l.sets, s)
	for _, f := range s.first {
		b.l.v.first[f] = append(b.l.v.first[f], s.bit)
	}
	return s
}

var sectionKinds = map[string]wordKind{"profanity": profaneWord, "insult": insultWord, "accusation": accusationWord,
	"hate_speech": hateWord}

func (b *builder) parse(src string) {
	b.lists = map[string][]string{}
	b.ctxSets = map[string]*phraseSet{}
	b.stepSets = map[string]*phraseSet{}
	section := ""
	lastList := ""
	code := ""
	for n, line := range strings.Split(src, "\n") {
		b.line = n + 1
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			lastList = ""
			continue
		}
		if b.latinWords && (section == "" || sectionKinds[section] == 0 && section != "not" && !latinRule(section, line)) {
			if section == "" && strings.HasPrefix(line, "language:") {
				code = b.file
			}
			continue // only the Latin-letter words (see buildLatinLexicon)
		}
		if section == "" {
			key, val, ok := strings.Cut(line, ":")
			if !ok {
				b.fail("expected \"name: value\" before the first [section]")
			}
			val = strings.TrimSpace(val)
			switch strings.TrimSpace(key) {
			case "language":
				code = val
				if code != b.file {
					b.fail("language %q in the file of %q", code, b.file)
				}
			case "letters":
				for _, f := range strings.Fields(val) {
					r, _ := utf8.DecodeRuneInString(f)
					b.l.letters[unicode.ToLower(r)] |= 1 << b.lang
				}
			case "prefixes":
				for _, f := range strings.Fields(val) {
					r, _ := utf8.DecodeRuneInString(f)
					b.l.v.glued[r] = true
				}
			case "casing":
				switch val {
				case "turkish":
					b.l.turkish |= 1 << b.lang
				case "nouns":
					b.l.nouns |= 1 << b.lang
				default:
					b.fail("unknown casing %q (turkish, nouns)", val)
				}
			default:
				b.fail("unknown setting %q", key)
			}
			continue
		}
		switch section {
		case "lists":
			if strings.HasPrefix(line, "@") {
				name, items, ok := strings.Cut(line, "=")
				if !ok {
					b.fail("expected \"@name = item, item\"")
				}
				lastList = strings.TrimSpace(name[1:])
				b.lists[lastList] = nil
				line = items
			} else if lastList == "" {
				b.fail("a list starts with \"@name =\"")
			}
			for _, it := range strings.Split(line, ",") {
				if it = strings.TrimSpace(it); it != "" {
					if it == "''" {
						it = ""
					}
					b.lists[lastList] = append(b.lists[lastList], it)
				}
			}
		case "markers":
			for _, w := range strings.Fields(line) {
				b.l.markers[skeletonWord(w)] |= 1 << b.lang
			}
		case "common":
			for _, w := range strings.Fields(line) {
				b.l.common[strings.ToLower(w)] |= 1 << b.lang
			}
		case "acronyms":
			for _, w := range strings.Fields(line) {
				b.l.acronyms[strings.ToLower(w)] = true
			}
		case "dangling":
			for _, w := range strings.Fields(line) {
				b.l.dangling[skeletonWord(w)] |= 1 << b.lang
			}
		case "not":
			for _, w := range strings.Fields(line) {
				if b.latinWords && !latinLetters(w) {
					continue
				}
				if s, ok := strings.CutSuffix(w, "*"); ok {
					b.l.v.notStems = append(b.l.v.notStems, skeletonWord(s))
				} else {
					b.l.v.not[skeletonWord(w)] = true
				}
			}
		case "profanity", "insult", "accusation", "hate_speech":
			if wordRule(line) {
				// "(вы|ты) ~0 @part ~0-1 @part ~0 @dumb": a rule, so that its
				// lists are not multiplied out into every phrase
				if !b.latinWords || latinRule(FindThreat, line) {
					b.rule(section, line)
				}
				continue
			}
			if b.latinWords && !latinLetters(line) {
				continue
			}
			b.entry(line, sectionKinds[section])
		case FindFeedbackThreat, FindThreat, FindExtraDemand, FindOffPlatform:
			b.rule(section, line)
		default:
			b.fail("unknown section [%s]", section)
		}
	}
	if code == "" {
		b.fail("no \"language:\" line")
	}
}

// latinRule reports a rule written wholly in Latin letters and without a
// list ("podam v sud", "napishu ... otzyv"): a transliteration, which the
// Latin-letter lexicon takes in from every language (buildLatinLexicon).
func latinRule(section, line string) bool {
	switch section {
	case FindFeedbackThreat, FindThreat, FindExtraDemand, FindOffPlatform:
		return !strings.Contains(line, "@") && latinLetters(line)
	}
	return false
}

// maxExpansion is the most phrases one entry or rule step may stand for:
// every one is compiled into the lexicon, which a Worker reads on its first
// check (a line of two lists of 70 words each is already 4,900).
const maxExpansion = 10000

// wordRule reports a line of a word section written as a rule: with a gap
// (~N) or "...".
func wordRule(line string) bool {
	for _, f := range strings.Fields(line) {
		if f == "..." || len(f) > 1 && f[0] == '~' && f[1] >= '0' && f[1] <= '9' {
			return true
		}
	}
	return false
}

// latinLetters reports whether every letter of s is a Latin one.
func latinLetters(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// entry adds a word or phrase of a word section.
func (b *builder) entry(line string, k wordKind) {
	guarded := strings.HasPrefix(line, "?")
	line = strings.TrimPrefix(line, "?")
	phrases := b.expand(line)
	if len(phrases) > maxExpansion {
		b.fail("this entry stands for %d phrases (at most %d): write it as a rule with ~0 between its parts, so that its lists are matched in turn rather than multiplied out", len(phrases), maxExpansion)
	}
	for _, p := range phrases {
		for _, ids := range b.compile(p) {
			if len(ids) > 1 {
				if guarded {
					b.fail("only a single word can count in its language alone (\"?\")")
				}
				b.phrases[kindIndex(k)] = append(b.phrases[kindIndex(k)], ids)
				continue
			}
			id := ids[0]
			if guarded {
				b.l.guard[id].kinds |= k
				b.l.guard[id].langs |= 1 << b.lang
			} else {
				b.l.kinds[id] |= k
			}
			name := b.l.v.names[id]
			if c := name[0]; c != '=' && c != '*' && name[len(name)-1] != '*' {
				w := sqWord{word: name, sq: squeezed4(name), langs: 1 << b.lang, id: id}
				b.l.wild = append(b.l.wild, w)
				if sq := squeeze(name); utf8.RuneCountInString(sq) >= 4 {
					e := b.l.squeezed[sq]
					e.langs |= 1 << b.lang
					e.ids = append(e.ids, id)
					b.l.squeezed[sq] = e
				}
			}
			if s, ok := strings.CutSuffix(name, "*"); ok && name[0] != '=' && name[0] != '*' {
				w := sqWord{word: s, sq: squeezed4(s), langs: 1 << b.lang, id: id}
				b.l.stemWords = append(b.l.stemWords, w)
				if b.lang == langEnglish && w.sq != "" {
					b.l.enStems = append(b.l.enStems, w)
				}
			}
			if s, ok := strings.CutPrefix(name, "*"); ok && strings.HasSuffix(s, "*") {
				b.l.roots = append(b.l.roots, sqWord{word: squeeze(strings.TrimSuffix(s, "*")), langs: 1 << b.lang, id: id})
			}
		}
	}
}

// rule adds a conduct rule: steps, then "| if @list", "| unless @list",
// "| rating", "| kept".
func (b *builder) rule(id, line string) {
	parts := strings.Split(line, "|")
	// "|" also separates the choices of "(a|b)": join what the brackets hold
	var fields []string
	depth := 0
	for _, p := range parts {
		if depth > 0 {
			fields[len(fields)-1] += "|" + p
		} else {
			fields = append(fields, p)
		}
		depth += strings.Count(p, "(") - strings.Count(p, ")")
	}
	r := rule{id: id, later: -1, lang: b.file}
	for _, f := range fields[1:] {
		f = strings.TrimSpace(f)
		switch {
		case f == "rating":
			r.rating = true
		case f == "kept":
			r.kept = true
		case strings.HasPrefix(f, "if "):
			r.ctx = b.ctx(strings.TrimSpace(f[3:]))
		case strings.HasPrefix(f, "unless "):
			r.unless = b.ctx(strings.TrimSpace(f[7:]))
		default:
			b.fail("unknown condition %q (if @list, unless @list, rating, kept)", f)
		}
	}
	var words []string
	flush := func() {
		if len(words) == 0 {
			return
		}
		src := strings.Join(words, " ")
		words = nil
		s, ok := b.stepSets[src]
		if !ok {
			var phrases [][]int32
			expanded := b.expand(src)
			if len(expanded) > maxExpansion {
				b.fail("a step of this rule stands for %d phrases (at most %d): put ~0 between its lists, so that they are matched in turn rather than multiplied out", len(expanded), maxExpansion)
			}
			for _, p := range expanded {
				phrases = append(phrases, b.compile(p)...)
			}
			if len(phrases) == 0 {
				b.fail("a step of the rule has no words")
			}
			s = b.set(newPhraseSet(phrases))
			b.stepSets[src] = s
		}
		r.steps = append(r.steps, step{kind: stepPhrase, set: s})
	}
	for _, w := range topLevelFields(fields[0]) {
		switch {
		case w == "...":
			flush()
			if r.later >= 0 {
				b.fail("a rule has one \"...\" at most")
			}
			r.later = len(r.steps)
			r.steps = append(r.steps, step{kind: stepLater})
		case strings.HasPrefix(w, "~"):
			flush()
			lo, hi := 0, 0
			var err error
			if a, c, ok := strings.Cut(w[1:], "-"); ok {
				lo, err = strconv.Atoi(a)
				if err == nil {
					hi, err = strconv.Atoi(c)
				}
			} else {
				hi, err = strconv.Atoi(w[1:])
			}
			if err != nil || lo > hi {
				b.fail("a gap is ~N or ~M-N, not %q", w)
			}
			r.steps = append(r.steps, step{kind: stepGap, min: lo, max: hi})
		default:
			words = append(words, w)
		}
	}
	flush()
	if len(r.steps) == 0 || r.steps[0].kind != stepPhrase {
		b.fail("a rule starts with words")
	}
	b.rules[id] = append(b.rules[id], r)
}

// ctx returns the set of a list, for the conditions of rules.
func (b *builder) ctx(name string) *phraseSet {
	if !strings.HasPrefix(name, "@") {
		b.fail("a condition names a list: @name")
	}
	if s, ok := b.ctxSets[name]; ok {
		return s
	}
	items, ok := b.lists[name[1:]]
	if !ok {
		b.fail("no list %s", name)
	}
	var phrases [][]int32
	for _, it := range items {
		for _, p := range b.expand(it) {
			phrases = append(phrases, b.compile(p)...)
		}
	}
	s := b.set(newPhraseSet(phrases))
	b.ctxSets[name] = s
	return s
}

// topLevelFields splits s at spaces outside brackets.
func topLevelFields(s string) []string {
	var out []string
	depth, start := 0, -1
	for i, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')':
			depth--
		}
		if r == ' ' && depth == 0 {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// expand returns every phrase a pattern stands for: "(a|b)" is a or b,
// "@name" any item of the list, pieces are joined as written (so
// "(a |a|)gift" is "a gift", "agift" or "gift").
func (b *builder) expand(p string) []string {
	out := []string{""}
	for i := 0; i < len(p); {
		var choices []string
		switch p[i] {
		case '(':
			end := strings.IndexByte(p[i:], ')')
			if end < 0 {
				b.fail("\"(\" without \")\"")
			}
			choices = strings.Split(p[i+1:i+end], "|")
			i += end + 1
		case '@':
			j := i + 1
			for j < len(p) && (p[j] == '_' || 'a' <= p[j] && p[j] <= 'z' || '0' <= p[j] && p[j] <= '9') {
				j++
			}
			items, ok := b.lists[p[i+1:j]]
			if !ok {
				b.fail("no list @%s", p[i+1:j])
			}
			choices = items
			i = j
		default:
			j := i
			for j < len(p) && p[j] != '(' && p[j] != '@' {
				j++
			}
			choices = []string{p[i:j]}
			i = j
		}
		next := make([]string, 0, len(out)*len(choices))
		for _, o := range out {
			for _, c := range choices {
				next = append(next, o+c)
			}
		}
		out = next
	}
	for i, o := range out {
		out[i] = strings.Join(strings.Fields(o), " ")
	}
	return slices.DeleteFunc(out, func(s string) bool { return s == "" })
}

// compile turns a phrase into the ids of its words: each word read as
// skeleton reads text, its marks (stem*, *tail, =exact) kept. A German
// word with ä, ö, ü or ß also gives its spelling with ae, oe, ue, ss.
func (b *builder) compile(p string) [][]int32 {
	var out [][]int32
	one := func(v string) {
		var ids []int32
		b.inPhrase = strings.IndexByte(v, ' ') >= 0
		for w := range strings.FieldsSeq(v) {
			ids = append(ids, b.words(w)...)
		}
		if len(ids) > 0 {
			out = append(out, ids)
		}
	}
	one(p)
	for _, v := range umlautSpellings(p) {
		one(v)
	}
	return out
}

var umlauts = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue")

func umlautSpellings(p string) []string {
	if !strings.ContainsAny(p, "äöüßÄÖÜ") || strings.Contains(p, "=") {
		return nil
	}
	return []string{umlauts.Replace(p)}
}

// words returns the ids of one written word of an entry, which skeleton
// may cut in several ("c'est", "1-star").
func (b *builder) words(w string) []int32 {
	memo := b.wordIDs
	if b.inPhrase {
		memo = b.phraseWordIDs // a short stem may be allowed there
	}
	if ids, ok := memo[w]; ok {
		return ids
	}
	ids := b.readWord(w)
	memo[w] = ids
	return ids
}

// readWord is words without the memo.
func (b *builder) readWord(w string) []int32 {
	accent := strings.HasPrefix(w, "=")
	w = strings.TrimPrefix(w, "=")
	isTail := strings.HasPrefix(w, "*")
	w = strings.TrimPrefix(w, "*")
	isStem := strings.HasSuffix(w, "*")
	w = strings.TrimSuffix(w, "*")
	if strings.ContainsAny(w, "*()@|~") {
		b.fail("%q: marks go at the start (=, *) or end (*) of a word", w)
	}
	if !accent && plainWord(w) && len(w) > 1 {
		// lowercase ASCII letters are read as written
		return []int32{b.id(markedName(w, isStem, isTail), w)}
	}
	if single := !strings.ContainsFunc(w, func(r rune) bool {
		return skeletonCut(r) || r == '\'' || r == '’' || r == '*' || r == '#' || unicode.IsDigit(r)
	}); single {
		// one word: read it as read does, without cutting
		c := countScripts(w)
		rd := c.readingOf()
		x := string(appendReading(nil, w, rd, c.letters))
		if x != "" && !strings.ContainsFunc(x, func(r rune) bool { return !isWordRune(r) }) {
			name := markedName(x, isStem, isTail)
			if accent {
				name = markedName("="+string(appendPlain(nil, w)), isStem, false)
			}
			return []int32{b.id(name, x)}
		}
	}
	b.ws.read(w)
	var ids []int32
	for i, x := range b.ws.w {
		name := x
		stem, tail := isStem && i == len(b.ws.w)-1, isTail && i == 0 // the marks go on the end words
		switch {
		case accent && len(b.ws.w) == 1:
			plain := b.ws.pl[0]
			if plain == "" {
				plain = x
			}
			name = markedName("="+plain, isStem, false)
		case stem || tail:
			name = markedName(x, stem, tail)
		case accent:
			b.fail("%q: = marks one word", w)
		}
		ids = append(ids, b.id(name, x))
	}
	return ids
}

// markedName is a word with its marks, as the vocabulary names it: "*x"
// for a tail, "x*" for a stem, "*x*" for both.
func markedName(x string, stem, tail bool) string {
	if tail {
		x = "*" + x
	}
	if stem {
		x += "*"
	}
	return x
}

// id returns the id of a vocabulary word, adding it the first time: name
// is the word with its marks, folded the folded word.
func (b *builder) id(name, folded string) int32 {
	v := &b.l.v
	if id, ok := b.named[name]; ok {
		return id
	}
	id := int32(len(v.names))
	b.named[name] = id
	v.names = append(v.names, name)
	v.first = append(v.first, nil)
	b.l.kinds = append(b.l.kinds, 0)
	b.l.guard = append(b.l.guard, guardedKind{})
	// A stem or tail has two characters at least (three of the Latin
	// script); a Hangul syllable alone will do after another word of a
	// phrase ("사기 당*": "사기 당했어요").
	n := utf8.RuneCountInString(folded)
	short := n < 2 || folded[0] < utf8.RuneSelf && len(folded) < 3
	if n == 1 && b.inPhrase && countScripts(folded).hangul == 1 {
		short = false
	}
	switch {
	case strings.HasPrefix(name, "*") && strings.HasSuffix(name, "*") && len(name) > 2:
		// an infix ("*fuck*"): profanity roots only, looked up by lexicon.roots
	case strings.HasPrefix(name, "="):
		plain := strings.TrimSuffix(name[1:], "*")
		if strings.HasSuffix(name, "*") {
			if short {
				b.fail("stem %q is too short", name)
			}
			k := head(folded)
			v.accentStems[k] = append(v.accentStems[k], affix{plain, id})
		} else {
			v.accents[folded] = append(v.accents[folded], affix{plain, id})
		}
	case strings.HasSuffix(name, "*"):
		if short {
			b.fail("stem %q is too short", name)
		}
		k := head(folded)
		if n == 1 {
			k, v.short = folded, true
		}
		v.stems[k] = append(v.stems[k], affix{folded, id})
	case strings.HasPrefix(name, "*"):
		if short {
			b.fail("tail %q is too short", name)
		}
		k := tail2(folded)
		v.tails[k] = append(v.tails[k], affix{folded, id})
	default:
		v.exact[name] = id
	}
	return id
}

// squeezed4 returns s squeezed when that is four letters or more, else "".
func squeezed4(s string) string {
	if sq := squeeze(s); utf8.RuneCountInString(sq) >= 4 {
		return sq
	}
	return ""
}
