package describe

import (
	"strings"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
	"unicode"
	"unicode/utf8"
)

// Field names a part of the buyer's story, as the API spells it.
type Field string

const (
	FieldOrdered    Field = "ordered"
	FieldReceived   Field = "received"
	FieldDifference Field = "difference"
	FieldRequested  Field = "requested"
	// FieldReview is a product review, checked by the review rules: real
	// experience and a rating, without threats, extortion, personal data
	// or links. It is not part of a description's story.
	FieldReview Field = "review"
)

// Fields lists the story fields in the order of the description.
var Fields = []Field{FieldOrdered, FieldReceived, FieldDifference, FieldRequested}

// Finding ids. Each finding names what was found, where, and what was done
// about it: the description never contains what a finding points at.
const (
	// Conduct: the sentence is left out of the description.
	FindThreat         = "threat"          // threats of any kind, including legal or bank action used as pressure
	FindFeedbackThreat = "feedback_threat" // a bad review or rating held over the seller
	FindExtraDemand    = "extra_demand"    // gifts, extra items, discounts or compensation beyond the order
	FindOffPlatform    = "off_platform"    // moving the talk or the payment outside the platform
	// Words: the clause is left out (insults, accusations, hate speech) or
	// the word is (profanity).
	FindInsult     = "insult"
	FindHateSpeech = "hate_speech"
	FindAccusation = "accusation" // scammer, fraud, thief, liar: more than the evidence can carry
	FindProfanity  = "profanity"
	// Form: the text is calmed.
	FindShouting = "shouting" // capitals and runs of !!! or ???
	// Personal data and links: replaced by a placeholder.
	FindEmail       = "email"
	FindPhone       = "phone"
	FindCard        = "card_number"
	FindIBAN        = "iban"
	FindBankAccount = "bank_account"
	FindAddress     = "address"
	FindIDNumber    = "id_number"
	FindLink        = "link"
	// Input: what was done to the text itself.
	FindTooLong = "too_long"          // cut at MaxFieldRunes
	FindHidden  = "hidden_characters" // invisible or control characters removed
	FindEmpty   = "missing_detail"    // the field is empty or nothing usable was left
)

// Finding is one thing the tone check found in a story field: its id, the
// field, an excerpt of the text (personal data in it masked) and a
// suggestion in plain words, with a calmer rewrite where one fits.
type Finding struct {
	ID         string
	Field      Field
	Excerpt    string
	Suggestion string
}

// Checked is a story field after the tone check: the text safe to put in a
// description and what was found in it, in order of appearance.
type Checked struct {
	Text     string
	Findings []Finding
}

// Check runs the tone check on one story field. It never fails and never
// panics: any string, of any length and encoding, gives a result. The text
// it returns has no personal data, links, threats, insults, accusations or
// profanity, is at most MaxFieldRunes long and is written in sentences
// with normal capitals and punctuation.
func Check(field Field, text string) Checked {
	return CheckWith(field, text, Context{})
}

// Context is what the tone check may know of the case beyond the text:
// the claim, so that a suggestion speaks of the buyer's problem (a broken
// kettle is not told to write that the item does not match the order).
// The zero Context gives suggestions that fit any claim.
type Context struct {
	Claim assistant.Claim
	Lang  i18n.Lang // the language of the suggestions; "" is English
}

// CheckWith is Check with what is known of the case.
func CheckWith(field Field, text string, ctx Context) Checked {
	c := checker{field: field, lex: tablesFor(text), ctx: ctx, ws: wordSeqs.Get().(*wordSeq)}
	c.run(text)
	c.ws.clear()
	wordSeqs.Put(c.ws)
	return Checked{Text: c.out, Findings: c.findings}
}

type checker struct {
	field    Field
	lex      *lexicon
	ctx      Context
	out      string
	findings []Finding
	seen     map[string]bool
	ws       *wordSeq // the words of the sentence or clause in hand
	buf      []byte
	// of the sentence in hand: whether data was taken out of it, and how
	// many words that say something are left
	removed bool
	content int
	// cut: something was taken out inside the sentence in hand (a piece of
	// data, a swear word, a clause), so words that were apart may now
	// stand together; recheck counts the checks of a rewritten sentence
	cut     bool
	recheck int
	text    string // the whole field, normalized
	scores  *langScores
}

// fits reports whether the field reads as one of langs (see
// langScores.fits); the field's language is guessed on first need.
func (c *checker) fits(langs uint16) bool {
	if c.scores == nil {
		s := c.lex.guess(c.text)
		c.scores = &s
	}
	return c.scores.fits(langs)
}

// kinds returns the kinds of a word or token that count in this field.
func (c *checker) kinds(k wordKind, g guardedKind) wordKind {
	if g.kinds&^k != 0 && c.fits(g.langs) {
		k |= g.kinds
	}
	return k
}

// report adds a finding, once per id in a field.
func (c *checker) report(id, excerpt string) {
	c.reportOnce(id, id, excerpt)
}

// reportKept adds a finding of a rule marked kept, once per id, with the
// suggestion for a finding whose sentence stayed (keptSuggestions).
func (c *checker) reportKept(id, excerpt string) {
	if c.seen[id] {
		return
	}
	c.report(id, excerpt)
	if s, ok := keptSuggestions[id]; ok && c.field != FieldReview {
		c.findings[len(c.findings)-1].Suggestion = i18n.For(c.ctx.Lang).TOr("finding.kept."+id, s)
	}
}

// reportOnce adds a finding once per key.
func (c *checker) reportOnce(key, id, excerpt string) {
	if c.seen == nil {
		c.seen = map[string]bool{}
	}
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	c.findings = append(c.findings, Finding{ID: id, Field: c.field, Excerpt: excerpt,
		Suggestion: suggestionFor(c.field, id, c.ctx.Claim, c.ctx.Lang)})
}

func (c *checker) run(text string) {
	n := normalize(text)
	if n.truncated {
		c.report(FindTooLong, "")
	}
	if n.hidden {
		c.report(FindHidden, "")
	}
	c.text = n.text
	s := c.redact(n.text)
	var sentences []string
	for _, sent := range splitSentences(s) {
		if t := c.sentence(sent); t != "" {
			sentences = append(sentences, t)
		}
	}
	c.out = strings.Join(sentences, " ")
	if c.out == "" && strings.TrimSpace(text) != "" && len(c.findings) > 0 {
		c.report(FindEmpty, "")
	}
}

// redact replaces personal data and links with placeholders, which the
// sentence's rewrite takes out again (see tidy.go), and reports each
// piece: its kind, and its text masked ("CPF •••.•••.•••-09").
func (c *checker) redact(s string) string {
	spans := findPersonal(s)
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		ex := mask(s[sp.start:sp.end])
		if sp.label != "" {
			ex = sp.label + " " + ex
		}
		c.reportOnce(sp.id+"\x00"+ex, sp.id, ex)
		if sp.id == FindHandle || sp.id == FindLink && socialLink(s[sp.start:sp.end]) {
			// a messenger name or a profile link asks the seller to talk
			// elsewhere
			c.reportKept(FindOffPlatform, ex)
		}
		b.WriteString(s[last:sp.start])
		b.WriteString(placeholders[sp.id])
		last = sp.end
	}
	b.WriteString(s[last:])
	return b.String()
}

// sentence is one sentence and the punctuation that ended it.
type sentence struct {
	text  string
	punct string
}

// clause is a piece of a sentence and the separator after it.
type clause struct {
	text string
	sep  string
}

// splitSentences cuts s after each run of sentence punctuation (. ! ? …
// 。！？) that is followed by white space or the end of the text, and at
// each run of line breaks. The punctuation and the white space after it
// belong to the cut; the punctuation is kept in sentence.punct.
func splitSentences(s string) []sentence {
	var out []sentence
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case sentenceEnd(r):
			end := i + size
			for end < len(s) {
				r, size := utf8.DecodeRuneInString(s[end:])
				if !sentenceEnd(r) {
					break
				}
				end += size
			}
			if end < len(s) && !isSpace(s[end]) {
				i = end // a run not followed by white space ("e.g", "3.5") ends nothing
				continue
			}
			cut := skipSpace(s, end)
			out = append(out, sentence{s[last:i], strings.TrimSpace(s[i:cut])})
			last, i = cut, cut
		case r == '\n':
			cut := i
			for cut < len(s) && s[cut] == '\n' {
				cut++
			}
			out = append(out, sentence{s[last:i], ""})
			last, i = cut, cut
		default:
			i += size
		}
	}
	if last < len(s) {
		out = append(out, sentence{s[last:], ""})
	}
	return out
}

func sentenceEnd(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '。', '！', '？':
		return true
	}
	return false
}

// splitClauses cuts a sentence at a comma, semicolon or colon followed by
// white space, and at a dash with white space on both sides; the separator
// is kept in clause.sep.
func splitClauses(s string) []clause {
	var out []clause
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ',' || r == ';' || r == ':' || r == '，' || r == '；' || r == '：':
			if end := skipSpace(s, i+size); end > i+size {
				out = append(out, clause{s[last:i], strings.TrimSpace(s[i:end])})
				last, i = end, end
				continue
			}
		case r < utf8.RuneSelf && isSpace(byte(r)):
			dash := skipSpace(s, i)
			end := dash
			for end < len(s) {
				r, size := utf8.DecodeRuneInString(s[end:])
				if r != '-' && r != '–' && r != '—' {
					break
				}
				end += size
			}
			if after := skipSpace(s, end); end > dash && after > end {
				out = append(out, clause{s[last:i], strings.TrimSpace(s[i:after])})
				last, i = after, after
				continue
			}
			i = dash // every space of the run fails the same way
			continue
		}
		i += size
	}
	return append(out, clause{s[last:], ""})
}

// isSpace reports the white space of regexp's \s: tab, line feed, form
// feed, carriage return and space.
func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r'
}

// skipSpace returns the index of the first byte at or after i that is not
// white space.
func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// sentence checks one sentence and returns its calm form, or "" when
// nothing of it may go into the description.
func (c *checker) sentence(sent sentence) string {
	raw := strings.TrimSpace(sent.text)
	// Spanish opens a question or an exclamation with ¿ or ¡: the opening
	// marks are put back to match the calm end (¿ for a question).
	opened := strings.TrimLeft(raw, "¡¿ ")
	openRun := raw[:len(raw)-len(opened)]
	raw = opened
	if raw == "" {
		return ""
	}
	if strings.Count(sent.punct, "!")+strings.Count(sent.punct, "?")+strings.Count(sent.punct, "！")+strings.Count(sent.punct, "？") >= 3 ||
		strings.Count(openRun, "¡")+strings.Count(openRun, "¿") >= 3 {
		c.report(FindShouting, excerpt(openRun+raw+sent.punct))
	}
	c.ws.read(raw)
	c.lex.mark(c.ws)
	if id, kept := c.lex.conduct(c.ws, c.field); kept {
		c.reportKept(id, excerpt(raw))
	} else if id != "" {
		c.report(id, excerpt(raw))
		c.shoutedToo(raw)
		// the words are told too: "I'll report this to the police as
		// fraud" is a threat and an accusation
		c.clause(raw, true)
		return ""
	}
	var kept []string
	var seps []string
	var at []int // the index in clauses of each kept clause
	c.removed, c.content, c.cut = false, 0, false
	clauses := splitClauses(raw)
	for ci, cl := range clauses {
		// a sentence of one clause was read already
		t := c.clause(strings.TrimSpace(cl.text), len(clauses) == 1)
		if t == "" {
			continue
		}
		kept = append(kept, t)
		at = append(at, ci)
		sep := cl.sep
		if (sep == ";" || sep == ":") && strings.HasSuffix(cl.text, " ") {
			sep = " " + sep // French puts a space before ; and :
		}
		seps = append(seps, sep)
	}
	if len(kept) == 0 || c.removed && c.content < 2 {
		return ""
	}
	cut := c.cut || c.removed || len(kept) < len(clauses)
	var b strings.Builder
	for i, t := range kept {
		if i > 0 {
			sep := seps[i-1]
			switch {
			case sep == ":" || sep == ";" || sep == " :" || sep == " ;":
				b.WriteString(sep)
			case at[i] == at[i-1]+1 && sep != "" && strings.Trim(sep, "-–—") == "":
				// a dash between two clauses that both stay is the buyer's
				// own ("USB-C - HDMI cable")
				b.WriteByte(' ')
				b.WriteString(sep)
			default:
				b.WriteByte(',')
			}
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	// Punctuation inside the sentence stays as written: the runs of ! and ?
	// that end sentences are calmed by the split.
	out := b.String()
	end := "."
	if strings.ContainsAny(sent.punct, "?？") {
		end = "?"
		if strings.HasSuffix(sent.text, " ") {
			end = " ?" // French puts a space before ?
		}
	}
	out = strings.TrimRight(out, " ,;:")
	if c.lex.turkish != 0 && strings.HasPrefix(out, "i") && c.fits(c.lex.turkish) {
		out = "İ" + out[1:] // Turkish: the capital of i is İ
	}
	if cut && c.recheck < 2 {
		// Taking a piece out can bring words together that say something
		// new ("second [handle] free" is "second free"): the rewritten
		// sentence is checked again.
		c.recheck++
		again := c.sentence(sentence{openRun + c.redact(out), sent.punct})
		c.recheck--
		return again
	}
	out = capitalize(out) + end
	if end != "." && strings.Contains(openRun, "¿") {
		out = "¿" + out
	}
	return out
}

// clause checks one clause: it is left out for an insult, hate speech or
// an accusation; profanity is taken out word by word; shouting is calmed.
func (c *checker) clause(raw string, read bool) string {
	if raw == "" {
		return ""
	}
	l := c.lex
	words := strings.Fields(raw)
	if !read {
		c.ws.read(raw)
		l.mark(c.ws)
	}
	toks := c.ws.tok
	tokKinds := make([]wordKind, len(toks))
	// the token that is a whole word between spaces, by word
	whole := make([]int32, len(words))
	for i := range whole {
		whole[i] = -1
	}
	for i, t := range toks {
		tokKinds[i] = c.kinds(l.kindsOf(t.key, t.alt, t.plain, t.long))
		if t.fw0 == t.fw1 && int(t.fw0) < len(words) {
			if whole[t.fw0] == -1 {
				whole[t.fw0] = int32(i)
			} else {
				whole[t.fw0] = -2 // two tokens or more
			}
		}
	}
	keys := make([]string, len(words))
	kinds := make([]wordKind, len(words))
	latinText := mostlyLatin(raw)
	for i, w := range words {
		keys[i] = skeletonWord(w)
		if k := whole[i]; k >= 0 && toks[k].key == keys[i] && !strings.ContainsAny(w, "'’") {
			kinds[i] = tokKinds[k] // the same word read the same way
			continue
		}
		kinds[i] = c.kinds(l.wordKinds(w, keys[i], latinText))
	}
	if ids := l.offences(kinds, c.ws, tokKinds); len(ids) > 0 {
		for _, id := range ids {
			c.report(id, excerpt(raw))
		}
		c.shoutedToo(raw)
		if profaneIn(kinds, tokKinds) {
			c.report(FindProfanity, excerpt(raw)) // "thieves of shit": the swear word is named too
		}
		return ""
	}
	drop := make([]bool, len(words))
	profane := false
	for i := range words {
		if kinds[i]&profaneWord != 0 {
			drop[i], profane = true, true
			// "what the hell", "what the fuck": the article goes too.
			if i > 0 && keys[i-1] == "the" && (keys[i] == "hell" || keys[i] == "fuck" || keys[i] == "heck") {
				drop[i-1] = true
			}
		}
	}
	// swear words inside a word ("ты-блядь") or spelled out letter by
	// letter ("s h i t"), and swear phrases ("kurwa mać", "putain de")
	dropTok := func(t token) {
		for k := t.fw0; k <= t.fw1 && int(k) < len(drop); k++ {
			drop[k] = true
		}
		profane = true
	}
	for i, t := range toks {
		if tokKinds[i]&profaneWord != 0 {
			dropTok(t)
		}
	}
	l.phrases[kindIndex(profaneWord)].each(c.ws, func(start, end int) {
		for j := start; j < end; j++ {
			dropTok(toks[c.ws.tk[j]])
		}
	})
	if profane {
		c.cut = true
		c.report(FindProfanity, excerpt(raw))
		var kept []string
		var keptKeys []string
		for i, w := range words {
			if !drop[i] {
				kept = append(kept, w)
				keptKeys = append(keptKeys, keys[i])
			}
		}
		if len(kept) < 2 || c.dangles(keptKeys[len(keptKeys)-1]) {
			return ""
		}
		words = kept
	}
	words, removed, content := tidyWords(words, &c.buf)
	c.removed = c.removed || removed
	c.content += content
	if !removed {
		c.content += 2 // a clause without data says something
	}
	if len(words) == 0 || removed && content == 0 {
		return ""
	}
	if shouted := c.calmCaps(words); shouted {
		c.report(FindShouting, excerpt(raw))
	}
	return strings.Join(words, " ")
}

// shoutedToo reports shouting in a sentence or clause that is left out for
// what it says ("SCAM SCAM DO NOT BUY"): the capitals are found as in a
// clause that stays, so the buyer hears about both.
func (c *checker) shoutedToo(raw string) {
	if c.seen[FindShouting] {
		return
	}
	if c.calmCaps(strings.Fields(raw)) {
		c.report(FindShouting, excerpt(raw))
	}
}

// profaneIn reports a swear word among the kinds of a clause's words or
// tokens.
func profaneIn(kinds, tokKinds []wordKind) bool {
	for _, k := range kinds {
		if k&profaneWord != 0 {
			return true
		}
	}
	for _, k := range tokKinds {
		if k&profaneWord != 0 {
			return true
		}
	}
	return false
}

// mostlyLatin reports text with more Latin letters than Cyrillic ones.
func mostlyLatin(s string) bool {
	c := countScripts(s)
	return c.latin > c.cyrillic
}

// dangles reports a word that cannot end a clause (what followed it was
// removed), in the languages the field reads as.
func (c *checker) dangles(key string) bool {
	langs := c.lex.dangling[key]
	return langs != 0 && c.fits(langs)
}

// calmCaps lowercases shouted words in place and reports whether any were.
// A word is shouted when it is a common word written in capitals, or when
// most of the clause is in capitals; acronyms, sizes and model codes stay.
func (c *checker) calmCaps(words []string) bool {
	l := c.lex
	upper, letters, capsWords := 0, 0, 0
	for _, w := range words {
		u, l := 0, 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				l++
				if unicode.IsUpper(r) {
					u++
				}
			}
		}
		upper += u
		letters += l
		if l >= 3 && u == l {
			capsWords++
		}
	}
	shoutyClause := letters >= 8 && upper*10 >= letters*7 && capsWords >= 2
	changed := false
	if !shoutyClause && capsWords == 0 && upper <= 1 {
		return c.capitalI(words)
	}
	// Turkish text lowercases I as ı and İ as i; asked only when a word is
	// lowercased
	lower := func(s string) string {
		if l.turkish != 0 && c.fits(l.turkish) {
			return strings.ToLowerSpecial(unicode.TurkishCase, s)
		}
		return strings.ToLower(s)
	}
	for i, w := range words {
		core := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if n := utf8.RuneCountInString(core); n == 1 && shoutyClause && w == core && allUpper(core) {
			// "Y", "O", "A" of a shouted clause; "I" is English's I
			if core != "I" || !c.fits(1<<langEnglish) {
				words[i] = lower(core)
			}
			continue
		} else if n < 2 || !allUpper(core) || hasDigit(w) {
			continue
		}
		low := strings.ToLower(core)
		if l.acronyms[low] {
			continue
		}
		if l.common[low] != 0 || shoutyClause {
			calm := lower(core)
			// German writes nouns with a capital: in a shouted German
			// clause, a word that is not one of its common words is taken
			// for a noun ("DAS PRODUKT IST KAPUTT": "Das Produkt ist kaputt")
			if l.nouns != 0 && l.common[low]&l.nouns == 0 && c.fits(l.nouns) {
				r, size := utf8.DecodeRuneInString(calm)
				calm = string(unicode.ToUpper(r)) + calm[size:]
			}
			words[i] = strings.Replace(w, core, calm, 1)
			changed = true
		}
	}
	c.capitalI(words)
	return changed
}

// capitalI writes the English pronoun "i" as "I", in text that shows
// English words only ("i" is "and" in Polish and "the" in Italian); it
// returns false.
func (c *checker) capitalI(words []string) bool {
	for i, w := range words {
		if w == "i" || strings.HasPrefix(w, "i'") || strings.HasPrefix(w, "i’") {
			if !c.fits(1<<langEnglish) || c.scores[langEnglish] == 0 {
				return false
			}
			words[i] = "I" + w[1:]
		}
	}
	return false
}

func allUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func capitalize(s string) string {
	if rest, ok := strings.CutPrefix(s, "¿"); ok {
		return "¿" + capitalize(rest)
	}
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// excerpt shortens a piece of text for a finding.
func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if strings.Contains(s, " removed]") {
		// a piece the personal-data check took out is shown as "[…]" in
		// every language, not by its English placeholder
		for _, p := range placeholders {
			s = strings.ReplaceAll(s, p, "[…]")
		}
	}
	if utf8.RuneCountInString(s) <= 80 {
		return s
	}
	n := 0
	for i := range s {
		if n == 77 {
			return s[:i] + "..."
		}
		n++
	}
	return s
}
