package describe

import (
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Personal data and links are found with regular expressions (RE2: linear
// time whatever the input), each run only on the pieces of a field where
// it can match (see finder), and checked where a check exists (Luhn for
// card numbers, mod 97 for IBANs), then replaced in the text by a
// placeholder that says what was removed.

// span is one piece of personal data or a link found in a field.
type span struct {
	start, end int
	id         string
}

// placeholders are what replaces each kind of removed data in the text.
var placeholders = map[string]string{
	FindEmail:       "[email removed]",
	FindPhone:       "[phone number removed]",
	FindCard:        "[card number removed]",
	FindIBAN:        "[bank account removed]",
	FindBankAccount: "[bank account removed]",
	FindAddress:     "[address removed]",
	FindIDNumber:    "[ID number removed]",
	FindLink:        "[link removed]",
}

// The finders' expressions are the specification of what is found; the
// characters, bridges and needs beside them only say where a match cannot
// be (see finder). Pieces of expressions:
const (
	asciiLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digits       = "0123456789"
	spaces       = " \t\n\f\r"
	upper        = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
)

// personalFinders are the finders of personal data and links, set up on
// the first check; each compiles its expression on first use.
type personalFinders struct {
	email, url, domain, dotWord, cardLike, card4, iban, bank *finder
	phone, address, idNumber                                 []*finder
}

var personal struct {
	once sync.Once
	f    personalFinders
}

func finders() *personalFinders {
	personal.once.Do(setUpFinders)
	return &personal.f
}

// all lists every finder.
func (pf *personalFinders) all() []*finder {
	out := []*finder{pf.email, pf.url, pf.domain, pf.dotWord, pf.cardLike, pf.card4, pf.iban, pf.bank}
	out = append(out, pf.phone...)
	out = append(out, pf.address...)
	return append(out, pf.idNumber...)
}

func setUpFinders() {
	pf := &personal.f
	pf.email = &finder{src: `(?i)[a-z0-9._%+\-]+\s*(?:@|\(at\)|\[at\]|\{at\}| at )\s*[a-z0-9\-]+(?:\s*(?:\.|\(dot\)|\[dot\]|\[\.\])\s*[a-z0-9\-]+)*\s*(?:\.|\(dot\)|\[dot\]|\[\.\]| dot )\s*(?:[a-z]{2,12})\b`,
		chars: asciiLetters + digits + "_._%+-@()[]{}", nonASCII: foldedKS, bridge: emailBridge,
		need: func(t *text, a, b int) bool {
			s, l := t.s[a:b], t.lower[a:b]
			return strings.IndexByte(s, '@') >= 0 || containsAny(l, "(at)", "[at]", "{at}") ||
				strings.Contains(s, " at ") && strings.Contains(s, " dot ")
		}}
	pf.url = &finder{src: `(?i)\b(?:(?:https?|hxxps?|ftp)\s*:\s*//|www\s*\.)[^\s<>"]+`,
		chars: asciiExcept(spaces + `<>"`), nonASCII: anyRune, bridge: urlBridge,
		need: func(t *text, a, b int) bool {
			return strings.Contains(t.s[a:b], "//") || strings.Contains(t.lower[a:b], "www")
		}}
	pf.domain = &finder{src: `\b[a-zA-Z0-9](?:[a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?)*\.(com|net|org|ru|cn|io|me|ly|co|to|gl|gd|tk|su|info|biz|xyz|shop|store|link|page|app|top|site|online|click|club|live|vip|fun|icu|de|uk|fr|es|it|nl|pl|br|in|au|ca|us|ua|kz|by|tv|cc)\b(/[^\s<>"]*)?`,
		chars: asciiExcept(spaces + `<>"`), nonASCII: anyRune,
		need: func(t *text, a, b int) bool {
			// a dot before a lowercase letter, as before every top-level domain
			for i := a; i+1 < b; i++ {
				if t.s[i] == '.' && 'a' <= t.s[i+1] && t.s[i+1] <= 'z' {
					return true
				}
			}
			return false
		}}
	pf.dotWord = &finder{src: `(?i)\b[a-z0-9\-]{2,}\s*(?:\[\.\]|\(\.\)|\[dot\]|\(dot\)| dot )\s*(?:com|net|org|ru|cn|io|me|ly|shop|store|xyz|info|biz)\b(/[^\s<>"]*)?`,
		chars: asciiExcept(`<>"`), nonASCII: anyRune, bridge: dotBridge,
		need: func(t *text, a, b int) bool {
			return containsAny(t.lower[a:b], "[.]", "(.)", "[dot]", "(dot)", " dot ")
		}}
	pf.cardLike = &finder{src: `\b\d(?:[ \-]?\d){12,18}\b`, chars: digits + " -", need: atLeastDigits(13),
		gate: numberOf(13)}
	pf.card4 = &finder{src: `\b\d{4}[ \-]\d{4}[ \-]\d{4}[ \-]\d{1,7}\b`, chars: digits + " -", need: atLeastDigits(13),
		gate: numberOf(13)}
	pf.iban = &finder{src: `\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b`, chars: upper + digits + " ",
		need: func(t *text, a, b int) bool { return hasIBANStart(t.s[a:b]) }}
	pf.bank = &finder{src: `(?i)\b(?:bank\s+)?(?:account|acct|a/c|routing|sort\s*code|swift|bic|bsb|bank\s+details)(?:\s*(?:number|no\.?|num|#|code))?\s*(?:is|:|=|-)?\s*([a-z]{0,4}\d[\d \-]{4,30}\d)`,
		chars: asciiLetters + digits + spaces + "/.#:=-", nonASCII: foldedKS,
		need: func(t *text, a, b int) bool {
			return digitCount(t.s[a:b]) >= 2 &&
				containsAny(t.lower[a:b], "account", "acct", "a/c", "routing", "sort", "swift", "bic", "bsb", "bank")
		}}
	// A phone number is kept only with 8 digits or more.
	pf.phone = []*finder{
		{src: `\+\s?\(?\d{1,4}\)?(?:[\s.\-]?\(?\d{1,5}\)?){2,7}`,
			chars: "+()" + digits + spaces + ".-", need: func(t *text, a, b int) bool {
				return strings.IndexByte(t.s[a:b], '+') >= 0 && digitCount(t.s[a:b]) >= 8
			}, gate: numberOf(8)},
		{src: `\b00\d{1,3}(?:[\s.\-]?\d{1,5}){2,6}\b`, chars: digits + spaces + ".-", need: func(t *text, a, b int) bool {
			return strings.Contains(t.s[a:b], "00") && digitCount(t.s[a:b]) >= 8
		}, gate: numberOf(8)},
		{src: `(?:\(\d{3}\)\s?|\b\d{3}[\s.\-])\d{3}[\s.\-]\d{4}\b`,
			chars: "()" + digits + spaces + ".-", need: atLeastDigits(10), gate: numberOf(10)},
		{src: `\b0\d{1,4}(?:[\s.\-/]?\d{2,4}){2,4}\b`,
			chars: digits + spaces + ".-/", need: atLeastDigits(8), gate: numberOf(8)},
		{src: `\b(?:0\d{9,10}|1[3-9]\d{9})\b`, chars: digits, need: atLeastDigits(10), gate: numberOf(10)},
		{src: `(?i)\b(?:phone|tel|telephone|mobile|cell|cellphone|whats\s?app|viber|telegram|call\s+me|text\s+me|sms)\b(?:\s*(?:number|no\.?|#))?\s*(?:is|:|=|at|on)?\s*(\+?\d[\d\s().\-]{5,20}\d)`,
			chars: asciiLetters + digits + spaces + ".#:=+()-", nonASCII: foldedKS,
			need: func(t *text, a, b int) bool {
				return digitCount(t.s[a:b]) >= 8 && containsAny(t.lower[a:b], "phone", "tel", "mobile", "cell",
					"whats", "viber", "call", "text", "sms")
			},
			gate: func(t *text) bool {
				return t.numberDigits >= 8 && containsAny(t.lower, "phone", "tel", "mobile", "cell", "whats", "viber",
					"call", "text", "sms")
			}},
	}
	pf.address = []*finder{
		// 221B Baker Street, 12 Main St., 1600 Pennsylvania Avenue NW, apt 4
		{src: `\b\d{1,5}[A-Za-z]?,?\s+(?:[\p{Lu}][\p{L}'.\-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Close|Crescent|Square|Sq|Highway|Hwy|Parkway|Pkwy|Alley|Row|Mews|Gardens|Grove)\b\.?(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b)?(?:,?\s*(?:Apt|Apartment|Unit|Suite|Flat|#)\.?\s*[\w\-]+)?`,
			chars: asciiLetters + digits + spaces + ",'.-#_", nonASCII: letters,
			need: func(t *text, a, b int) bool { return hasASCIIDigit(t.s[a:b]) && hasStreetWord(t.s[a:b]) }},
		{src: `(?i)\b\d{1,5}[a-z]?,?\s+(?:[\p{L}'.\-]+\s+){1,4}(?:street|avenue|road|boulevard|lane|drive)\b(?:,?\s*(?:apt|apartment|unit|suite|flat|#)\.?\s*[\w\-]+)?`,
			chars: asciiLetters + digits + spaces + ",'.-#_", nonASCII: letters,
			need: digitAnd("street", "avenue", "road", "boulevard", "lane", "drive")},
		// Hauptstraße 5, Lindenweg 12a
		{src: `(?i)\b[\p{L}\-]+(?:straße|strasse|str\.|gasse|weg|allee|platz|damm|ulica|utca|gatan|vej|veien|straat|laan|gracht)\s+\d{1,4}[a-z]?\b`,
			chars: asciiLetters + digits + spaces + "-.", nonASCII: letters,
			need: digitAnd("stra", "str.", "gasse", "weg", "allee", "platz", "damm", "ulica", "utca", "gatan", "vej",
				"veien", "laan", "gracht")},
		// rue de la Paix 10, ul. Długa 5, via Roma 3, calle Mayor 7
		{src: `(?i)\b(?:rue|via|viale|calle|avenida|av\.|avda\.|ul\.|ulica|ulitsa|rua|carrer|plaza|piazza|corso|chemin|allée|impasse)\s+(?:[\p{L}'\-.]+\s+){0,4}\d{1,4}[a-z]?\b`,
			chars: asciiLetters + digits + spaces + "'-.", nonASCII: letters,
			need: digitAnd("rue", "via", "calle", "avenida", "av.", "avda.", "ul.", "ulica", "ulitsa", "rua", "carrer",
				"plaza", "piazza", "corso", "chemin", "allée", "allÉe", "impasse")},
		// 10 rue de la Paix
		{src: `(?i)\b\d{1,4},?\s+(?:rue|avenue|boulevard|chemin|allée|impasse|via|calle)\s+(?:[\p{L}'\-]+\s?){1,4}`,
			chars: asciiLetters + digits + spaces + ",'-", nonASCII: letters,
			need: digitAnd("rue", "avenue", "boulevard", "chemin", "allée", "allÉe", "impasse", "via", "calle")},
		{src: `(?i)\bp\.?\s?o\.?\s?box\s*\d+`, chars: "pPoObBxX." + digits + spaces,
			need: func(t *text, a, b int) bool { return digitAfter(t.lower[a:b], "box") }},
		// "my address is ...", "address: ..." up to the end of the sentence
		{src: `(?i)\b(?:my\s+|home\s+|delivery\s+|shipping\s+|postal\s+)?address\s*(?:is|:)\s*[^.!?\n]{3,160}`,
			chars: asciiExcept(".!?"), nonASCII: anyRune,
			need: func(t *text, a, b int) bool { return strings.Contains(t.lower[a:b], "address") }},
	}
	pf.idNumber = []*finder{
		{src: `(?i)\b(?:passport|id\s*card|identity\s*card|identity\s*document|national\s*id|id\s*number|id\s*no|driver'?s?\s*licen[cs]e|driving\s*licen[cs]e|ssn|social\s*security(?:\s*number)?|tax\s*id|tax\s*number|pesel|dni|nie|nif|cpf|aadhaa?r|pan\s*card|inn|snils|personnummer|bsn)\b(?:\s*(?:number|no\.?|num|#))?\s*(?:is|:|=|-)?\s*([A-Za-z0-9][A-Za-z0-9 .\-/]{3,24}[A-Za-z0-9])`,
			chars: asciiLetters + digits + spaces + "'.-/#:=", nonASCII: foldedKS,
			need: func(t *text, a, b int) bool {
				return digitCount(t.s[a:b]) >= 4 && hasWordStarting(t.lower, a, b, idWords)
			}},
		// US SSN, Brazil CPF, UK NI number, Finnish personal id, PESEL-shaped
		{src: `\b\d{3}-\d{2}-\d{4}\b`, chars: digits + "-", need: atLeastDigits(9), gate: numberOf(9)},
		{src: `\b\d{3}\.\d{3}\.\d{3}-\d{2}\b`, chars: digits + ".-", need: atLeastDigits(11), gate: numberOf(11)},
		{src: `\b[A-Z]{2}\d{6}[A-D]\b`, chars: upper + digits, need: atLeastDigits(6), gate: inRow(6)},
		{src: `\b\d{6}[-+A]\d{3}[0-9A-Y]\b`, chars: digits + "-+" + upper, need: atLeastDigits(9), gate: inRow(6)},
		{src: `\b[0-9]{2}[01][0-9][0-3][0-9]\d{5}\b`, chars: digits, need: atLeastDigits(11), gate: numberOf(11)},
	}
	for _, f := range pf.all() {
		f.prepare()
	}
}

// reDateStart tells a date from a phone number.
var reDateStart = &finder{src: `^(?:\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4}|\d{4}[./\-]\d{1,2}[./\-]\d{1,2})`}

// idWords begin the names of identity documents and numbers.
var idWords = []string{"passport", "id", "national", "driv", "ssn", "social", "tax", "pesel", "dni", "nie", "nif",
	"cpf", "aadha", "pan", "inn", "snils", "personnummer", "bsn"}

// streetWords name a street after its name, in capitals as written.
var streetWords = []string{"Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Lane", "Ln", "Drive",
	"Dr", "Court", "Ct", "Way", "Place", "Pl", "Terrace", "Close", "Crescent", "Square", "Sq", "Highway", "Hwy",
	"Parkway", "Pkwy", "Alley", "Row", "Mews", "Gardens", "Grove"}

// findPersonal returns the personal data and links in s, in text order,
// without overlaps.
func findPersonal(s string) []span {
	pf := finders()
	t := newText(s)
	var found []span
	add := func(id string, start, end int) {
		found = append(found, span{start, end, id})
	}
	for _, m := range pf.email.findAll(t) {
		if hasAtSign(s[m[0]:m[1]]) || strings.Contains(s[m[0]:m[1]], " at ") && strings.Contains(s[m[0]:m[1]], " dot ") {
			add(FindEmail, m[0], m[1])
		}
	}
	for _, m := range pf.url.findAll(t) {
		add(FindLink, m[0], trimURL(s, m[0], m[1]))
	}
	for _, m := range pf.domain.findAll(t) {
		host := strings.ToLower(s[m[0]:m[1]])
		tld := s[m[2]:m[3]]
		hasPath := m[4] >= 0
		if tld != strings.ToLower(tld) || (!hasPath && isOwnPlatform(host)) {
			continue
		}
		add(FindLink, m[0], trimURL(s, m[0], m[1]))
	}
	for _, m := range pf.dotWord.findAll(t) {
		add(FindLink, m[0], m[1])
	}
	for _, m := range pf.iban.findAll(t) {
		if end, ok := ibanEnd(s, m[0], m[1]); ok {
			add(FindIBAN, m[0], end)
		}
	}
	for _, m := range pf.cardLike.findAll(t) {
		if isCard(s[m[0]:m[1]]) {
			add(FindCard, m[0], m[1])
		}
	}
	for _, m := range pf.card4.findAll(t) {
		add(FindCard, m[0], m[1])
	}
	for _, m := range pf.bank.findAll(t) {
		add(FindBankAccount, m[2], m[3])
	}
	for _, f := range pf.idNumber {
		for _, m := range f.findAll(t) {
			start, end := m[0], m[1]
			if len(m) > 2 {
				start, end = m[2], m[3]
				if digitCount(s[start:end]) < 4 {
					continue
				}
			}
			add(FindIDNumber, start, end)
		}
	}
	for i, f := range pf.phone {
		for _, m := range f.findAll(t) {
			start, end := m[0], m[1]
			if len(m) > 2 {
				start, end = m[2], m[3]
			}
			start, end = trimSpaceSpan(s, start, end)
			d := digitCount(s[start:end])
			if d < 8 || d > 15 {
				continue
			}
			if i == 3 && reDateStart.regexp().MatchString(s[start:end]) {
				continue
			}
			add(FindPhone, start, end)
		}
	}
	for _, f := range pf.address {
		for _, m := range f.findAll(t) {
			start, end := trimSpaceSpan(s, m[0], m[1])
			add(FindAddress, start, end)
		}
	}
	return merge(found)
}

// hasAtSign reports an @ or a bracketed "at" in s, in any case.
func hasAtSign(s string) bool {
	return strings.IndexByte(s, '@') >= 0 || containsAny(newText(s).lower, "(at)", "[at]", "{at}")
}

// merge sorts spans and resolves overlaps: the earlier span wins, and of
// two starting together the longer; an overlapped span extends the winner.
func merge(in []span) []span {
	if len(in) == 0 {
		return nil
	}
	sort.SliceStable(in, func(i, j int) bool {
		if in[i].start != in[j].start {
			return in[i].start < in[j].start
		}
		return in[i].end > in[j].end
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

func trimSpaceSpan(s string, start, end int) (int, int) {
	for start < end && (s[start] == ' ' || s[start] == '\n') {
		start++
	}
	for end > start && (s[end-1] == ' ' || s[end-1] == '\n' || s[end-1] == ',') {
		end--
	}
	return start, end
}

// trimURL leaves sentence punctuation after a link in the text.
func trimURL(s string, start, end int) int {
	for end > start && strings.IndexByte(".,;:!?)'\"", s[end-1]) >= 0 {
		end--
	}
	return end
}

// isOwnPlatform reports a bare mention of the marketplace's own domain,
// which is not a link to anywhere else.
func isOwnPlatform(host string) bool {
	host = strings.TrimPrefix(host, "www.")
	return strings.HasPrefix(host, "aliexpress.") && strings.Count(host, ".") == 1
}

func digitCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// isCard reports whether s (digits with spaces or dashes) is a payment card
// number: 13 to 19 digits, a known issuer prefix and a valid Luhn check.
// The prefix check keeps most order and tracking numbers out.
func isCard(s string) bool {
	var d []byte
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			d = append(d, s[i]-'0')
		}
	}
	if len(d) < 13 || len(d) > 19 || !cardPrefix(d) {
		return false
	}
	sum := 0
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i])
		if (len(d)-1-i)%2 == 1 {
			if v *= 2; v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return sum%10 == 0
}

func cardPrefix(d []byte) bool {
	p2 := int(d[0])*10 + int(d[1])
	p4 := p2*100 + int(d[2])*10 + int(d[3])
	switch {
	case d[0] == 4: // Visa
		return true
	case p2 >= 51 && p2 <= 55, p4 >= 2221 && p4 <= 2720: // Mastercard
		return true
	case p2 == 34 || p2 == 37: // Amex
		return true
	case p2 == 36 || p2 == 38 || p2 == 30: // Diners
		return true
	case p2 == 35: // JCB
		return true
	case d[0] == 6: // Discover, UnionPay, Maestro, RuPay
		return true
	case p2 == 50 || (p2 >= 56 && p2 <= 58): // Maestro
		return true
	case p4 >= 2200 && p4 <= 2204: // Mir
		return true
	}
	return false
}

// ibanEnd finds the longest prefix of s[start:end] that is an IBAN with a
// valid mod-97 check and returns its end. A string shaped like an IBAN
// (country code, check digits, at least ten more digits) counts even when
// the check fails: a mistyped account number is still an account number.
func ibanEnd(s string, start, end int) (int, bool) {
	if !ibanCountry(s[start : start+2]) {
		return 0, false
	}
	var chars []byte
	var ends []int // byte offset after each char
	for i := start; i < end; i++ {
		c := s[i]
		if c == ' ' {
			continue
		}
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		chars = append(chars, c)
		ends = append(ends, i+1)
	}
	for n := min(len(chars), 34); n >= 15; n-- {
		if ibanValid(chars[:n]) {
			return ends[n-1], true
		}
	}
	if digitCount(s[start:end]) >= 12 {
		// Stop at the last digit so a following word is not swallowed.
		last := start
		for i := start; i < end; i++ {
			if s[i] >= '0' && s[i] <= '9' {
				last = i + 1
			}
		}
		return last, true
	}
	return 0, false
}

// ibanCountries are the countries that use IBANs.
const ibanCountries = `AD AE AL AT AZ BA BE BG BH BI BR BY CH CR CY CZ DE DJ DK DO EE EG ES FI FK FO FR GB GE GI GL
GR GT HR HU IE IL IQ IS IT JO KW KZ LB LC LI LT LU LV LY MC MD ME MK MN MR MT MU NI NL NO OM PK PL PS PT QA RO RS
RU SA SC SD SE SI SK SM SO ST SV TL TN TR UA VA VG XK YE`

func ibanCountry(cc string) bool {
	for i := 0; i+2 <= len(ibanCountries); i += 3 {
		if ibanCountries[i:i+2] == cc {
			return true
		}
	}
	return false
}

// hasIBANStart reports two capitals naming an IBAN country followed by two
// digits: how every IBAN begins.
func hasIBANStart(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if isUpper(s[i]) && isUpper(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3]) && ibanCountry(s[i:i+2]) {
			return true
		}
	}
	return false
}

func ibanValid(c []byte) bool {
	// Move the first four characters to the end, letters become 10..35,
	// and the number mod 97 must be 1.
	r := 0
	for i := 0; i < len(c); i++ {
		ch := c[(i+4)%len(c)]
		switch {
		case ch >= '0' && ch <= '9':
			r = (r*10 + int(ch-'0')) % 97
		case ch >= 'A' && ch <= 'Z':
			r = (r*100 + int(ch-'A'+10)) % 97
		default:
			return false
		}
	}
	return r == 1
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
	return b.String()
}
