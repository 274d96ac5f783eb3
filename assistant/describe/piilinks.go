package describe

import (
	"strings"
	"unicode/utf8"
)

// Emails, links and messenger handles.

// atAt reports an "@" at token i, written or spelled: @, (at) [at] {at}
// <at> (or any spelled "at" in brackets: "(arroba)"), or a word that reads "at" in one of the languages ("arroba",
// "собака", "małpa", "골뱅이"...). It returns the last token of the
// sign, whether it was spelled as a bare word, and whether it is there.
func (sc *scanner) atAt(i int) (end int, word bool, ok bool) {
	t := &sc.t[i]
	switch {
	case t.k == kPunct && t.r == '@', t.k == kPunct && t.r == '＠':
		return i, false, true
	case t.k == kPunct && strings.ContainsRune("([{<", t.r):
		if c, ok := sc.bracketed(i, func(k int) bool { return sc.t[k].k == kWord && sc.t[k].flags&wAt != 0 || sc.isPunct(k, '@') }); ok {
			return c, false, true
		}
	case t.k == kWord && t.flags&wAt != 0:
		// Turkish names the sign: "et işareti"
		if k := sc.next(i); k < len(sc.t) && sc.t[k].k == kWord && isAtSignWord(sc.tx(k)) {
			return k, true, true
		}
		return i, true, true
	}
	return 0, false, false
}

// isAtSignWord reports a word that follows a spelled "at" to name the
// sign ("et işareti").
func isAtSignWord(w string) bool {
	return strings.EqualFold(w, "işareti") || strings.EqualFold(w, "isareti") || strings.EqualFold(w, "sign")
}

// bracketed reports an opening bracket at token i closed around one token
// that inside accepts ("(at)", "[.]", "< @ >"), and returns the closing
// bracket's token.
func (sc *scanner) bracketed(i int, inside func(k int) bool) (int, bool) {
	k := sc.next(i)
	if k >= len(sc.t) || !inside(k) {
		return 0, false
	}
	c := sc.next(k)
	return c, sc.isPunct(c, closing(sc.t[i].r))
}

func closing(r rune) rune {
	switch r {
	case '(':
		return ')'
	case '[':
		return ']'
	case '{':
		return '}'
	}
	return '>'
}

// dotAt reports a dot at token i, written or spelled: ".", "(.)", "[.]",
// "(dot)", "[dot]", or a word that reads "dot" between spaces. It returns
// the last token of the dot, whether it was spelled or bracketed.
func (sc *scanner) dotAt(i int) (end int, spelled bool, ok bool) {
	if i >= len(sc.t) {
		return 0, false, false
	}
	t := &sc.t[i]
	switch {
	case t.k == kPunct && t.r == '.':
		return i, false, true
	case t.k == kPunct && strings.ContainsRune("([{", t.r):
		if c, ok := sc.bracketed(i, func(k int) bool { return sc.isPunct(k, '.') || sc.t[k].k == kWord && sc.t[k].flags&wDot != 0 }); ok {
			return c, true, true
		}
	case t.k == kWord && t.flags&wDot != 0:
		return i, true, true
	}
	return 0, false, false
}

// hostLabel reports a label of a domain name at token i: letters or
// digits, joined by dashes; it returns the label's last token.
func (sc *scanner) hostLabel(i int) (int, bool) {
	if !sc.isWord(i) && (i >= len(sc.t) || sc.t[i].k != kNum) {
		return 0, false
	}
	for i+2 < len(sc.t) && sc.isPunct(i+1, '-') && (sc.isWord(i+2) || sc.t[i+2].k == kNum) {
		i += 2
	}
	return i, true
}

// domain reads a domain name from token i: labels joined by dots, each
// dot written or spelled; spaced says whether white space may stand
// around the dots. It returns the last token, the number of labels, the
// first token of the last label, and whether any dot was spelled.
type domainRead struct {
	end, labels, tld int
	spelled          bool
}

func (sc *scanner) domain(i int, spaced bool) (domainRead, bool) {
	var d domainRead
	end, ok := sc.hostLabel(i)
	if !ok {
		return d, false
	}
	d.end, d.labels, d.tld = end, 1, i
	for {
		// white space before a dot: always before a spelled one, before a
		// written one only where spaced allows ("john @ mail . com")
		k := end + 1
		sp := k < len(sc.t) && sc.t[k].k == kSpace
		if sp {
			k++
		}
		de, spelled, ok := sc.dotAt(k)
		if !ok || sp && !spelled && !spaced || spelled && !sp && sc.t[k].k == kWord {
			break
		}
		n := de + 1
		after := n < len(sc.t) && sc.t[n].k == kSpace
		if after {
			n++
		}
		if spelled && sc.t[k].k == kWord && !after || !spelled && after && !spaced {
			break
		}
		le, ok := sc.hostLabel(n)
		if !ok {
			break
		}
		d.end, d.labels, d.tld = le, d.labels+1, n
		d.spelled = d.spelled || spelled
		end = le
	}
	return d, true
}

// tldOK reports a top-level domain at token i, in lowercase or in
// capitals; strict asks for one that is safe after a spelled dot.
func (sc *scanner) tldOK(i int, strict bool) bool {
	t := &sc.t[i]
	if t.k != kWord {
		return false
	}
	w := sc.tx(i)
	if t.upper && !t.caps {
		return false // "broken.It"
	}
	if strict {
		return t.flags&wTLD != 0
	}
	sc.buf = lowerWord(w, sc.buf)
	return tlds()[string(sc.buf)]
}

// knownOrLowerTLD reports a top-level domain at word token i that is a
// known one in any case, or written in lower-case letters.
func (sc *scanner) knownOrLowerTLD(i int) bool {
	w := sc.tx(i)
	sc.buf = lowerWord(w, sc.buf)
	return tlds()[string(sc.buf)] || string(sc.buf) == w && strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") == ""
}

func (sc *scanner) emailsAndLinks() {
	for i := 0; i < len(sc.t); i++ {
		t := &sc.t[i]
		// emails and @handles
		if atEnd, spelledAt, ok := sc.atAt(i); ok {
			if e, ok := sc.email(i, atEnd, spelledAt); ok {
				i = e
				continue
			}
		}
		if t.k == kWord || t.k == kAlnum || t.k == kNum {
			if e, ok := sc.link(i); ok {
				i = e
			}
		}
	}
}

// email reads an email around the @ at tokens at..atEnd.
func (sc *scanner) email(at, atEnd int, word bool) (int, bool) {
	// the name before the @
	k := at - 1
	spacedBefore := k >= 0 && sc.t[k].k == kSpace
	if spacedBefore {
		k--
	}
	if word && !spacedBefore {
		return 0, false
	}
	local := -1
	for k >= 0 {
		t := &sc.t[k]
		if t.k == kWord || t.k == kNum || t.k == kAlnum {
			if !t.ascii && t.k != kNum {
				break
			}
			local = k
			k--
			continue
		}
		if t.k == kPunct && strings.ContainsRune("._%+-", t.r) && k > 0 && (sc.isWord(k-1) || sc.t[k-1].k == kNum) {
			k--
			continue
		}
		break
	}
	if word && local >= 0 {
		// "max punkt muster": dots spelled in the name too
		for {
			p := sc.prev(local)
			if p < 0 || !sc.isWord(p) || sc.t[p].flags&wDot == 0 {
				break
			}
			q := sc.prev(p)
			if q < 0 || !sc.isWord(q) || !sc.t[q].ascii || sc.t[q].flags&(wLead|wConj) != 0 {
				break
			}
			local = q
		}
	}
	// the domain after it
	n := atEnd + 1
	spacedAfter := n < len(sc.t) && sc.t[n].k == kSpace
	if spacedAfter {
		n++
	}
	if word && !spacedAfter {
		return 0, false
	}
	d, ok := sc.domain(n, spacedAfter || spacedBefore || word)
	if !ok {
		return 0, false
	}
	// "me at ivan.petrov@gmail.com": what follows is the name of another email
	if sc.isPunct(d.end+1, '@') {
		return 0, false
	}
	// a bracketed "(at)" is as plain as @: any top-level domain will do
	atTok := sc.t[at]
	bracketed := atTok.k == kPunct && atTok.r != '@' && atTok.r != '＠'
	hasTLD := d.labels >= 2 && sc.tldOK(d.tld, d.spelled && !word && !bracketed) || d.labels >= 2 && !d.spelled && sc.t[d.tld].k == kWord &&
		utf8.RuneCountInString(sc.tx(d.tld)) >= 2 && sc.t[d.tld].ascii
	host := sc.wordFlags(n)&wMailHost != 0
	if spacedBefore && !spacedAfter && !word && !bracketed && atTok.k == kPunct && !host && local >= 0 &&
		(d.labels == 1 || sc.t[at-2].flags&(wHandle|wLead) != 0) {
		// "second @shop_helper", "instagram @name.surname": the @ is glued
		// to what follows, a name without a domain or after a messenger's
		// name or a lead word; "ivan.petrov @mycompany.com" stays an
		// email, name and all
		local = -1
	}
	switch {
	case local < 0 && !word && !spacedAfter && !bracketed && atTok.k == kPunct && (d.labels == 1 || !host):
		// @name, @name.surname: a handle (Instagram's have dots)
		end := d.end
		if strings.ContainsAny(sc.s[sc.t[n].a:sc.t[end].b], " \t\n\r") {
			end = n // "@name. Then": the name alone; a handle has no white space
		}
		if w := sc.s[sc.t[n].a:sc.t[end].b]; len(w) >= 3 && (sc.t[n].ascii || sc.t[n].k == kNum) {
			sc.add(FindHandle, atTok.a, sc.t[end].b, "")
			return end, true
		}
		return 0, false
	case local < 0:
		// no name before the @: only a known top-level domain makes the
		// rest an address ("@ 0. AA" is not one)
		if hasTLD && !word && sc.tldOK(d.tld, spacedAfter) {
			sc.add(FindEmail, atTok.a, sc.t[d.end].b, "")
			return d.end, true
		}
		return 0, false
	}
	if sc.t[local].flags&wLead != 0 && word {
		return 0, false // "me at ..."
	}
	switch {
	case word && (strings.EqualFold(sc.tx(atEnd), "at") || strings.EqualFold(sc.tx(atEnd), "et")):
		// English "at" is a common word: only with a spelled dot or a mail provider
		if !(hasTLD && (d.spelled || host)) {
			return 0, false
		}
	case word || spacedBefore || spacedAfter:
		// spaced out, it takes a mail provider, a known top-level domain in
		// any case ("gmail . Com") or one in lower case ("0@ 0. AA" is none)
		if !hasTLD || !host && !sc.knownOrLowerTLD(d.tld) {
			return 0, false
		}
	default:
		if !hasTLD && !host && d.labels < 2 {
			// name@word without a dot: still an address if the word is a provider
			if sc.t[n].k != kWord {
				return 0, false
			}
		}
	}
	sc.add(FindEmail, sc.t[local].a, sc.t[d.end].b, "")
	return d.end, true
}

// link reads a link at word token i: a scheme and ://, www., a bare
// domain with a known top-level domain, or a domain with a spelled dot.
func (sc *scanner) link(i int) (int, bool) {
	w := sc.tx(i)
	lw := strings.ToLower(w)
	switch lw {
	case "http", "https", "hxxp", "hxxps", "ftp", "ftps":
		k := i + 1
		if k < len(sc.t) && sc.t[k].k == kSpace {
			k++
		}
		if sc.isPunct(k, ':') {
			k++
			if k < len(sc.t) && sc.t[k].k == kSpace {
				k++
			}
			if sc.isPunct(k, '/') && sc.isPunct(k+1, '/') {
				end := sc.urlEnd(sc.t[k+1].b)
				sc.add(FindLink, sc.t[i].a, end, "")
				return sc.tokenAt(end), true
			}
		}
		return 0, false
	case "www":
		k := i + 1
		if k < len(sc.t) && sc.t[k].k == kSpace {
			k++
		}
		if !sc.isPunct(k, '.') {
			return 0, false
		}
		k++
		if k < len(sc.t) && sc.t[k].k == kSpace {
			k++
		}
		d, ok := sc.domain(k, true)
		if !ok {
			return 0, false
		}
		end := sc.urlEnd(sc.t[d.end].b)
		sc.add(FindLink, sc.t[i].a, end, "")
		return sc.tokenAt(end), true
	}
	// a bare domain: no white space inside unless a dot is spelled
	if i > 0 && (sc.isPunct(i-1, '.') || sc.isPunct(i-1, '/') || sc.isPunct(i-1, '@') || sc.isPunct(i-1, '-')) {
		return 0, false
	}
	d, ok := sc.domain(i, false)
	if !ok || d.labels < 2 {
		return 0, false
	}
	// a spelled dot is taken only with a plain top-level domain after it;
	// a written one with any known domain, and those that are also words
	// ("it", "in", "de") only with a path, a third label or "www"
	// a path: / ? or # and something after it that is not the end of the
	// sentence ("aC#." is no path)
	path := d.end+1 < len(sc.t) && sc.t[d.end+1].k == kPunct && strings.ContainsRune("/?#", sc.t[d.end+1].r) &&
		d.end+2 < len(sc.t) && sc.t[d.end+2].k != kSpace && sc.t[d.end+2].k != kBreak &&
		sc.urlEnd(sc.t[d.end].b) > sc.t[d.end+1].b
	spaced := strings.ContainsAny(sc.s[sc.t[i].a:sc.t[d.end].b], " \n")
	if d.spelled || spaced {
		if !sc.tldOK(d.tld, true) {
			return 0, false
		}
	} else {
		if !sc.tldOK(d.tld, false) {
			return 0, false
		}
		tld := strings.ToLower(sc.tx(d.tld))
		if strings.Contains(wordTLDs, " "+tld+" ") && !path && d.labels < 3 {
			return 0, false
		}
		if !path && d.labels == 2 && strings.EqualFold(sc.tx(i), "aliexpress") {
			return 0, false // the platform's own name
		}
		// labels of one letter are abbreviations: "e.g.", "z.B."
		if sc.t[i].b-sc.t[i].a == 1 && sc.t[i].k == kWord && !path {
			return 0, false
		}
	}
	end := sc.t[d.end].b
	if path {
		end = sc.urlEnd(end)
	}
	sc.add(FindLink, sc.t[i].a, end, "")
	return sc.tokenAt(end), true
}

// urlEnd returns the end of a link that goes on from byte i: up to white
// space or < > ", less the punctuation that ends a sentence.
func (sc *scanner) urlEnd(i int) int {
	s := sc.s
	j := i
	for j < len(s) && !isSpace(s[j]) && s[j] != '<' && s[j] != '>' && s[j] != '"' {
		j++
	}
	for j > i && strings.IndexByte(".,;:!?)'\"", s[j-1]) >= 0 {
		j--
	}
	// a bracket that the link opened stays
	if j < len(s) && s[j] == ')' && strings.Count(s[i:j], "(") > strings.Count(s[i:j], ")") {
		j++
	}
	return j
}

// tokenAt returns the index of the last token that starts before byte b.
func (sc *scanner) tokenAt(b int) int {
	lo, hi := 0, len(sc.t)
	for lo < hi {
		m := (lo + hi) / 2
		if sc.t[m].a < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// handles reads a messenger user name after the messenger's name: "Line
// ID: abc_123", "Discord: name#1234", "Telegram @name", "WeChat wxid_x",
// "카카오톡 아이디 abc123".
func (sc *scanner) handles() {
	for i := 0; i < len(sc.t); i++ {
		t := &sc.t[i]
		if t.k != kWord && t.k != kAlnum || t.flags&wHandle == 0 {
			continue
		}
		w := sc.tx(i)
		k := sc.next(i)
		named := false // an "id", "username" or colon before the handle
		// "my discord is name": after a possessive, "is" names it too
		mine := false
		if p := sc.prev(i); p >= 0 && sc.isWord(p) {
			sc.buf = lowerWord(sc.tx(p), sc.buf)
			mine = possessives[string(sc.buf)]
		}
		for steps := 0; steps < 3 && k < len(sc.t); steps++ {
			switch {
			case sc.isPunct(k, ':') || sc.isPunct(k, '-') || sc.isPunct(k, '='):
				named = true
			case sc.isWord(k) && sc.t[k].flags&wHandleID != 0:
				named = true
			case mine && sc.isWord(k) && isCopula(sc.tx(k)):
				named = true
			case sc.isWord(k) && (strings.EqualFold(sc.tx(k), "is") || sc.t[k].flags&wLead != 0 && steps == 0 &&
				(strings.EqualFold(sc.tx(k), "me") || strings.EqualFold(sc.tx(k), "on"))):
			default:
				steps = 3
				continue
			}
			k = sc.next(k)
		}
		if strings.EqualFold(w, "line") && !named {
			continue // "line" is a word
		}
		if k >= len(sc.t) {
			continue
		}
		at := sc.isPunct(k, '@')
		if at {
			k++
		}
		// the handle: letters, digits, _ . # - without white space
		start, end := k, -1
		hasMark := at
		for ; k < len(sc.t); k++ {
			tk := &sc.t[k]
			if tk.k == kWord || tk.k == kAlnum || tk.k == kNum {
				if !tk.ascii && tk.k != kNum {
					break
				}
				if tk.k != kWord || strings.ContainsRune(sc.tx(k), '_') {
					hasMark = true
				}
				end = k
				continue
			}
			if tk.k == kPunct && strings.ContainsRune("._#-", tk.r) && k+1 < len(sc.t) && sc.isWord(k+1) || sc.isPunct(k, '#') && k+1 < len(sc.t) && sc.t[k+1].k == kNum {
				hasMark = true
				continue
			}
			break
		}
		if end < 0 {
			continue
		}
		name := sc.s[sc.t[start].a:sc.t[end].b]
		if len(name) < 3 || len(name) > 40 || digitCount(name) == len(name) {
			continue // numbers are read as phone numbers
		}
		if !hasMark && !named || sc.t[start].flags&(wLead|wConj) != 0 && !at {
			continue
		}
		from := sc.t[start].a
		if at {
			from--
		}
		sc.add(FindHandle, from, sc.t[end].b, "")
		i = end
	}
}

// possessives are the words for "my" before a messenger's name ("my
// discord is ...").
var possessives = map[string]bool{"my": true, "mi": true, "mon": true, "ma": true, "mein": true, "meine": true,
	"mio": true, "mia": true, "mijn": true, "mój": true, "moj": true, "moja": true, "мой": true, "моя": true,
	"мій": true, "benim": true, "meu": true, "minha": true, "내": true, "제": true}

// socialHosts are the sites of messengers and social networks: a link to
// a profile or a chat there moves the talk off the platform.
var socialHosts = []string{"t.me", "telegram.me", "telegram.org", "wa.me", "whatsapp.com", "chat.whatsapp.com",
	"m.me", "messenger.com", "facebook.com", "fb.com", "fb.me", "instagram.com", "instagr.am", "vk.com", "vk.ru",
	"ok.ru", "line.me", "discord.gg", "discord.com", "open.kakao.com", "qr.kakao.com", "pf.kakao.com",
	"wechat.com", "weixin.qq.com", "viber.com", "invite.viber.com", "snapchat.com", "tiktok.com", "x.com",
	"twitter.com", "signal.me", "signal.group", "skype.com", "join.skype.com"}

// socialLink reports a link to a messenger or a social network.
func socialLink(link string) bool {
	l := strings.ToLower(link)
	if i := strings.Index(l, "://"); i >= 0 {
		l = l[i+3:]
	}
	if i := strings.IndexAny(l, "/?#"); i >= 0 {
		l = l[:i]
	}
	for _, h := range socialHosts {
		if l == h || strings.HasSuffix(l, "."+h) { // www., m., mobile.
			return true
		}
	}
	return false
}
