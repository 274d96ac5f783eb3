package describe

import "strings"

// After the checks, a sentence is written without the data taken out of
// it: a placeholder goes with the words that only led up to it ("call me
// at", "my card", "see", "and"), a clause left with nothing to say goes,
// and so does a sentence left with fewer than two words that say
// anything. The finding names what was removed; the text never shows a
// placeholder or a gap ("See [link removed] and [address removed]." is
// left out whole, "My phone is 0612345678 and the parcel is late." becomes
// "The parcel is late.").

// placeholderWords are the placeholders, split into words, for matching.
var placeholderWords = func() [][]string {
	seen := map[string]bool{}
	var out [][]string
	for _, p := range placeholders {
		if !seen[p] {
			seen[p] = true
			out = append(out, strings.Fields(p))
		}
	}
	return out
}()

// leadFlags are the words a placeholder takes with it when they stand
// right before it.
const leadFlags = wLead | wConj | wPhone | wCard | wAccount | wID | wAddress | wHandle | wHandleID | wAt

// leadExtra are more such words: prepositions that only carry what
// follows.
var leadExtra = map[string]bool{"with": true, "using": true, "from": true, "by": true, "for": true, "via": true,
	"con": true, "com": true, "avec": true, "mit": true, "met": true, "przez": true, "через": true, "при": true,
	"ile": true, "como": true, "under": true, "follow": true, "add": true, "link": true, "links": true,
	"website": true, "site": true, "page": true, "profile": true, "it's": true, "here's": true, "this": true}

// placeholderAt returns how many words from i make a placeholder, or 0.
func placeholderAt(words []string, i int) int {
	if !strings.Contains(words[i], "[") {
		return 0
	}
	for _, p := range placeholderWords {
		if i+len(p) > len(words) {
			continue
		}
		ok := true
		for k, pw := range p {
			w := words[i+k]
			switch {
			case k == 0:
				ok = ok && strings.HasSuffix(strings.TrimRight(w, "])"), strings.TrimRight(pw, "]")) &&
					strings.Contains(w, "[")
			case k == len(p)-1:
				ok = ok && strings.HasPrefix(w, pw)
			default:
				ok = ok && w == pw
			}
		}
		if ok {
			return len(p)
		}
	}
	return 0
}

// tidyWords takes the placeholders out of a clause's words and reports
// whether there were any, and how many words that say something are left.
func tidyWords(words []string, buf *[]byte) ([]string, bool, int) {
	any := false
	for i := range words {
		if placeholderAt(words, i) > 0 {
			any = true
			break
		}
	}
	if !any {
		return words, false, 0
	}
	drop := make([]bool, len(words))
	removed := false
	for i := 0; i < len(words); i++ {
		n := placeholderAt(words, i)
		if n == 0 {
			continue
		}
		removed = true
		for k := i; k < i+n; k++ {
			drop[k] = true
		}
		// the words that led up to it, and a particle between two of them
		// ("numéro de passeport", "numero di telefono")
		for k := i - 1; k >= 0 && !drop[k]; k-- {
			if !isLeadWord(words[k], buf) && !(k > 0 && !drop[k-1] && isParticleWord(words[k], buf) && isLeadWord(words[k-1], buf)) {
				break
			}
			drop[k] = true
		}
		i += n - 1
	}
	if !removed {
		return words, false, 0
	}
	var kept []string
	for i, w := range words {
		if !drop[i] {
			kept = append(kept, w)
		}
	}
	// what is left dangling at either end: "and", "or", "at", "to"
	for len(kept) > 0 && (bare(kept[0]) == "" || lookupWord(bare(kept[0]), buf)&wConj != 0 && !strings.EqualFold(kept[0], "i")) {
		kept = kept[1:]
	}
	for len(kept) > 0 && isDangling(kept[len(kept)-1], buf) {
		kept = kept[:len(kept)-1]
	}
	return kept, true, contentWords(kept, buf)
}

func bare(w string) string {
	return strings.Trim(w, ".,;:!?()[]{}\"'«»“”‘’-—–#№")
}

func isLeadWord(w string, buf *[]byte) bool {
	b := bare(w)
	if b == "" {
		return true // ":", "-", "#"
	}
	*buf = lowerWord(b, *buf)
	lw := string(*buf)
	if keepBefore[lw] {
		return false
	}
	return lookupWord(b, buf)&leadFlags != 0 || leadExtra[lw]
}

// isParticleWord reports a particle inside a name or label: de, di, do,
// van, von, and the elided d'.
func isParticleWord(w string, buf *[]byte) bool {
	b := bare(w)
	if strings.EqualFold(b, "d") || strings.HasPrefix(strings.ToLower(w), "d'") {
		return true
	}
	return b != "" && lookupWord(b, buf)&wParticle != 0
}

// keepBefore are words of the lead-in lists that say something of their
// own before a removed datum ("The parcel was sent to ...").
var keepBefore = map[string]bool{"send": true, "sent": true, "write": true, "reach": true, "contact": true,
	"visit": true, "please": true, "details": true, "call": true, "text": true, "ring": true}

func isDangling(w string, buf *[]byte) bool {
	b := bare(w)
	if b == "" {
		return true
	}
	f := lookupWord(b, buf)
	if f&wConj != 0 && !strings.EqualFold(b, "i") {
		return true
	}
	*buf = lowerWord(b, *buf)
	switch string(*buf) {
	case "at", "to", "on", "via", "with", "from", "by", "for", "is", "are", "my", "the", "a", "an", "see", "under":
		return true
	}
	return false
}

// contentWords counts the words that say something: not those that only
// lead up to data, conjunctions or pronouns.
func contentWords(words []string, buf *[]byte) int {
	n := 0
	for _, w := range words {
		b := bare(w)
		if b == "" {
			continue
		}
		if lookupWord(b, buf)&(wLead|wConj) != 0 {
			continue
		}
		n++
	}
	return n
}
