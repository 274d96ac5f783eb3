package describe

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lexicon is the vocabulary, word kinds, phrase sets and rules of every
// language, built once on first use from the files under lexicons/ (see
// lexfile.go).
type lexicon struct {
	v     vocab
	sets  []*phraseSet
	rules []rule
	// phrases of two words or more of each word section, by kindIndex
	phrases [kindCount]*phraseSet
	// kinds holds, by vocabulary id, the word sections a single-word entry
	// of that id is in; guard the sections it is in only for text in
	// certain languages ("?kut").
	kinds []wordKind
	guard []guardedKind
	// squeezed: single-word entries by their squeezed form, four letters
	// or more ("asshole" is "ashole"); wild: every single-word entry, for
	// words with a '*' standing for a letter ("f*ck"); stemWords: the
	// stems; roots: the words that count inside other words ("*fuck*").
	squeezed map[string]sqWord
	wild     []sqWord
	// wild by the length of the word and of its squeezed form
	wildByLen, wildBySqLen map[int][]sqWord
	stemWords              []sqWord
	enStems                []sqWord // the English ones
	roots                  []sqWord
	// the language guess (see guess)
	markers map[string]uint16
	letters map[rune]uint16
	turkish uint16 // languages with Turkish casing
	nouns   uint16 // languages that write nouns with a capital (German)
	// calming: common words by the languages they are common in
	acronyms map[string]bool
	common   map[string]uint16
	dangling map[string]uint16
}

// guardedKind is a word kind that counts only in text of some languages.
type guardedKind struct {
	kinds wordKind
	langs uint16
}

// sqWord is an entry for the slower lookups: its word (or squeezed word),
// languages and ids.
type sqWord struct {
	word  string
	sq    string // word squeezed, when that is four letters or more; else ""
	langs uint16
	id    int32
	ids   []int32
}

// wordKind says which word sections a word is in.
type wordKind uint8

const (
	hateWord wordKind = 1 << iota
	insultWord
	accusationWord
	profaneWord
	kindCount = iota
)

func kindIndex(k wordKind) int { return bits.TrailingZeros8(uint8(k)) }

// kindsOf returns the kinds of a word key (see skeletonWord), with alt and
// plain its other readings ("" when none); long: a letter of it was
// written three times or more. A key is compared as written, by the
// stems and tails it starts or ends with, and squeezed ("fuuuck" and
// "ashole" are "fuck" and "asshole"): English words always, others when a
// letter was stretched. A '*' in a key stands for one letter ("f*ck").
func (l *lexicon) kindsOf(key, alt, plain string, long bool) (k wordKind, g guardedKind) {
	if key == "" {
		return 0, g
	}
	add := func(id int32) {
		k |= l.kinds[id]
		g.kinds |= l.guard[id].kinds
		g.langs |= l.guard[id].langs
	}
	sq := squeeze(key)
	if strings.IndexByte(key, '*') < 0 {
		var buf [8]int32
		ids := l.v.appendIDs(buf[:0], key, plain)
		if alt != "" {
			ids = l.v.appendIDs(ids, alt, "")
		}
		if len(ids) == 0 {
			ids = l.v.appendGlued(ids, key)
		}
		for _, id := range ids {
			add(id)
		}
		if e, ok := l.squeezed[sq]; ok && (e.langs&(1<<langEnglish) != 0 || long) {
			for _, id := range e.ids {
				add(id)
			}
		}
		if sq != key && !l.v.excepted(sq) {
			stems := l.enStems // English stems, as they always were; others when a letter was stretched
			if long {
				stems = l.stemWords
			}
			for _, s := range stems {
				if s.sq != "" && strings.HasPrefix(sq, s.sq) {
					add(s.id)
				}
			}
		}
	} else {
		// a '*' stands for one letter: only words of the same length can match
		for _, w := range l.wildByLen[utf8.RuneCountInString(key)] {
			if keyIs(key, w.word) {
				add(w.id)
			}
		}
		if strings.Contains(key, "**") {
			// a word masked past reading ("f***", "k***a"): two stars
			// stand for two letters or more, as the skeleton keeps two
			// of a run; it can only be told for a swear word, which is
			// taken out
			for _, w := range l.wild {
				if l.kinds[w.id]&profaneWord != 0 && maskedIs(key, w.word, false) {
					k |= profaneWord
				}
			}
			for _, s := range l.stemWords {
				if l.kinds[s.id]&profaneWord != 0 && maskedIs(key, s.word, true) {
					k |= profaneWord
				}
			}
		}
		for _, w := range l.wildBySqLen[utf8.RuneCountInString(sq)] {
			if keyIs(sq, w.sq) {
				add(w.id)
			}
		}
		for _, s := range l.stemWords {
			if prefixIs(key, s.word) {
				add(s.id)
			} else if s.sq != "" && prefixIs(sq, s.sq) {
				add(s.id)
			}
		}
	}
	if len(l.roots) > 0 && !l.v.excepted(sq) && !l.v.excepted(key) {
		for _, r := range l.roots {
			if strings.Contains(sq, r.word) {
				add(r.id)
			}
		}
	}
	return k, g
}

// maskedIs reports whether key is a swear word (stem: a word starting
// with word) masked with more stars than keyIs allows ("f***", "k***a",
// "п***ц"), as only swear words are written. A run of two stars stands for
// two letters or more, one star for one letter; the key starts with a
// letter of the word and shows two letters at least, the word has four.
func maskedIs(key, word string, stem bool) bool {
	kr, wr := []rune(key), []rune(word)
	if len(kr) < 3 || len(wr) < 4 || kr[0] == '*' || len(kr)-strings.Count(key, "*") < 2 {
		return false // "J***" may be a name the buyer masked
	}
	var match func(i, j int) bool
	match = func(i, j int) bool {
		for i < len(kr) {
			if j == len(wr) {
				return stem // the rest of the key is the ending
			}
			if kr[i] != '*' {
				if kr[i] != wr[j] {
					return false
				}
				i, j = i+1, j+1
				continue
			}
			if i+1 < len(kr) && kr[i+1] == '*' {
				for n := 2; j+n <= len(wr); n++ {
					if match(i+2, j+n) {
						return true
					}
				}
				return stem && j+2 > len(wr)
			}
			i, j = i+1, j+1
		}
		return j == len(wr)
	}
	return match(0, 0)
}

// keyIs reports whether key spells word, '*' in key standing for a letter.
func keyIs(key, word string) bool {
	if len(key) == 0 || key[0] == '*' {
		return false
	}
	if !hasNonASCII(key) && !hasNonASCII(word) {
		if len(key) != len(word) {
			return false
		}
		stars := 0
		for i := 0; i < len(key); i++ {
			if key[i] == '*' {
				stars++
				continue
			}
			if key[i] != word[i] {
				return false
			}
		}
		return stars*2 <= len(key)
	}
	kr, wr := []rune(key), []rune(word)
	if len(kr) != len(wr) {
		return false
	}
	stars := 0
	for i, r := range kr {
		if r == '*' {
			stars++
			continue
		}
		if r != wr[i] {
			return false
		}
	}
	return stars*2 <= len(kr)
}

// prefixIs reports whether key begins with word, '*' in key standing for
// a letter.
func prefixIs(key, word string) bool {
	if !hasNonASCII(key) && !hasNonASCII(word) {
		return len(key) >= len(word) && keyIs(key[:len(word)], word)
	}
	wn, n := utf8.RuneCountInString(word), 0
	for i := range key {
		if n == wn {
			return keyIs(key[:i], word)
		}
		n++
	}
	return n == wn && keyIs(key, word)
}

// wordKinds is kindsOf for a word as written between spaces: it also
// tries the parts of a word cut by an apostrophe ("l'arnaqueur",
// "WhatsApp'tan").
func (l *lexicon) wordKinds(w, key string, latinText bool) (wordKind, guardedKind) {
	t := trimPunct(w)
	c := countScripts(t)
	var alt, plain string
	if rd2, ok := c.otherReading(c.readingOf()); ok && (c.latin > 0 || latinText || strings.ContainsAny(t, "ѕЅјЈԁԀԛԚԝԜһҺӏӀ")) {
		alt = string(appendReading(nil, t, rd2, c.letters))
	}
	if c.readingOf() == readLatin && hasNonASCII(t) {
		if p := string(appendPlain(nil, t)); p != key {
			plain = p
		}
	}
	k, g := l.kindsOf(key, alt, plain, stretched(t))
	if i := strings.IndexAny(t, "'’"); i > 0 {
		_, size := utf8.DecodeRuneInString(t[i:])
		for _, part := range []string{t[:i], t[i+size:]} {
			pk, pg := l.kindsOf(skeletonWord(part), "", "", stretched(part))
			k |= pk
			g.kinds |= pg.kinds
			g.langs |= pg.langs
		}
	}
	return k, g
}

// langScores counts, per language, the words of a text that show it.
type langScores [16]int32

// guess scores a text's languages: one point for each word that is one
// of the language's markers, and one for each word with a letter of the
// language's own ("ł", "ğ", "ß").
func (l *lexicon) guess(text string) langScores {
	var s langScores
	for _, w := range strings.Fields(text) {
		m := l.markers[skeletonWord(w)]
		var seen uint16
		for _, r := range w {
			if r >= utf8.RuneSelf {
				seen |= l.letters[unicode.ToLower(r)]
			}
		}
		for ; m != 0; m &= m - 1 {
			s[bits.TrailingZeros16(m)]++
		}
		for ; seen != 0; seen &= seen - 1 {
			s[bits.TrailingZeros16(seen)]++
		}
	}
	return s
}

// fits reports whether a text of these scores reads as one of langs: the
// language scores higher than any other, or, for English, nothing scores
// (text was always read as English). A tie reads as no language.
func (s *langScores) fits(langs uint16) bool {
	best, ties := int32(0), 0
	for _, v := range s {
		switch {
		case v > best:
			best, ties = v, 1
		case v == best:
			ties++
		}
	}
	for ; langs != 0; langs &= langs - 1 {
		i := bits.TrailingZeros16(langs)
		if s[i] > 0 && s[i] == best && ties == 1 || i == langEnglish && best == 0 {
			return true
		}
	}
	return false
}

// offences returns the word offences of a clause, in the order hate
// speech, insult, accusation: each one found, so that "a lying piece of
// crap" is told as both an insult and an accusation.
func (l *lexicon) offences(kinds []wordKind, ws *wordSeq, tokKinds []wordKind) []string {
	var found wordKind
	for _, k := range []wordKind{hateWord, insultWord, accusationWord} {
		if l.phrases[kindIndex(k)].in(ws) {
			found |= k
		}
	}
	for _, k := range kinds {
		found |= k & (hateWord | insultWord | accusationWord)
	}
	for _, k := range tokKinds {
		found |= k & (hateWord | insultWord | accusationWord)
	}
	var ids []string
	for _, o := range []struct {
		k  wordKind
		id string
	}{{hateWord, FindHateSpeech}, {insultWord, FindInsult}, {accusationWord, FindAccusation}} {
		if found&o.k != 0 {
			ids = append(ids, o.id)
		}
	}
	return ids
}

// conduct returns the id of the first conduct problem in a sentence's
// words, or "". In the "requested" field every sentence is a request,
// so a demand needs no demanding word around it. kept reports that only
// rules marked kept matched: the sentence stays (see rule.kept).
func (l *lexicon) conduct(ws *wordSeq, field Field) (id string, kept bool) {
	for i := range l.rules {
		r := &l.rules[i]
		if !r.possible(ws) {
			continue
		}
		if field == FieldReview && r.rating {
			continue // a review states its rating; only a rating held over the seller is a threat
		}
		asked := field == FieldRequested && r.id == FindExtraDemand
		if r.ctx != nil && !asked && !ws.bit(r.ctx.bit) {
			continue
		}
		if r.kept && id != "" {
			continue // one kept finding is enough; look on for a rule that leaves the sentence out
		}
		if r.match(ws) && (r.ctx == nil || asked || r.ctx.in(ws)) && (r.unless == nil || !r.unless.in(ws)) {
			if !r.kept {
				return r.id, false
			}
			id, kept = r.id, true
		}
	}
	return id, kept
}

// keptSuggestions replace the suggestion of a conduct finding whose
// sentence stayed, the data it was about taken out (see rule.kept).
var keptSuggestions = map[string]string{
	FindOffPlatform: "Contact or account details were taken out. Keep the conversation and any payment inside " +
		"the platform: refunds go back the way you paid, and talks or payments outside it are not protected.",
}

// suggestions say what was done and what to write instead; each is in our
// own words and, where a rule is involved, names it.
var suggestions = map[string]string{
	FindThreat: "This sentence was left out. Threats, including threats of legal steps or of going to your bank, " +
		"turn a dispute into pressure on the seller and can count against you. State what happened and the " +
		"solution you want; the platform decides on the evidence. Instead, try: \"I have opened a dispute and " +
		"attached the evidence.\"",
	FindFeedbackThreat: "This sentence was left out. Holding a bad review or rating over the seller is against the " +
		"buyer rules (Aliexpress rules for buyers, 1.1 Extortion through feedback on orders) and can get your " +
		"reviews removed and your account restricted. Once the case is settled you can review the order " +
		"honestly. Instead, try: \"I would like this settled through the dispute.\"",
	FindExtraDemand: "This sentence was left out. A dispute can only ask for what the order included: a refund, a " +
		"replacement or the missing part. Asking for gifts, extra items, discounts or compensation on top counts " +
		"as pressure on the seller. Instead, try: \"I am asking for a refund for the order.\"",
	FindOffPlatform: "This sentence was left out. Keep the conversation and any payment inside the platform: " +
		"messages and payments outside it are not protected and cannot be used in the dispute.",
	FindInsult:     "This part was left out. Insults weaken a dispute; describe the item, not the seller.",
	FindHateSpeech: "This part was left out. Hateful words are not allowed in messages on the platform.",
	FindAccusation: "This part was left out. Words like \"scammer\", \"fraud\", \"thief\" or \"liar\" accuse the " +
		"seller of more than your photos and records can show. Say what the evidence shows instead.",
	FindProfanity: "Swear words were taken out. Plain words make the case stronger.",
	FindShouting: "Capitals and runs of !!! or ??? read as shouting; the text was set in normal sentence case " +
		"with calm punctuation.",
	FindEmail: "Your email address was removed. The seller and the platform reach you through the order; the " +
		"dispute text does not need it.",
	FindPhone: "A phone number was removed. The platform already has your contact details; the dispute text " +
		"does not need them.",
	FindCard: "A payment card number was removed. Never share card numbers; the payment record from the order " +
		"page proves the payment.",
	FindIBAN: "A bank account number (IBAN) was removed. Refunds go back through the platform to the way you " +
		"paid; no account number is needed.",
	FindBankAccount: "A bank account number was removed. Refunds go back through the platform to the way you " +
		"paid; no account number is needed.",
	FindAddress: "An address was removed. The platform already has your delivery address; a return address " +
		"comes from the platform, not from the message.",
	FindIDNumber: "An identity document number was removed. Never share passport, ID or tax numbers in a " +
		"dispute; if the platform needs to verify you, it asks through its own tools.",
	FindHandle: "A messenger user name was removed. Talk with the seller in the order's messages, where the " +
		"platform can see it; the dispute text does not need it.",
	FindLink: "A link was removed. Links to other sites are not allowed in messages and are often taken for " +
		"phishing; attach a screenshot of the page instead.",
	FindTooLong: "The text was cut at 2,000 characters. Keep each part short; the photos and screenshots carry " +
		"the detail.",
	FindHidden: "Invisible or control characters were removed from the text.",
	FindEmpty: "Nothing usable was left of this part after the check. Describe it in a sentence or two of " +
		"plain facts.",
}
