package describe

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Addresses are read a sentence at a time, in pieces between commas. A
// piece holds an address core when it has a street with its type and
// number in one of the markets' ways (221B Baker Street, 12 rue de la
// Paix, Calle Mayor 7, Rua das Flores, 123, Hauptstraße 5, Am Lindenhof 3,
// Keizersgracht 123, ul. Długa 5, ул. Пушкина, Atatürk Mah., 테헤란로 123,
// רחוב הרצל 12), a postcode of a shape that nothing else has (BS6 7AX,
// K1A 0B1, 1012 AB, 01310-100, 1000-001, 00-950 Warszawa, CA 94103), a
// flat or house number (Flat 12, кв. 5, No: 12, 101동), a post-office box,
// or follows "address:". A core reaches over the names and numbers beside
// it (Bristol BS6 7AX), and the pieces around it that hold only names,
// postcodes and numbers (", Bristol", ", 80331 Munich") join it: the
// address goes whole. Flat and house numbers alone are weak: they count
// only beside a strong core; so are floors written after their number
// (2. OG, 3e étage, 5º andar, 2º izq) and parts named by a letter (scala
// B). Brazil parts an address with spaced dashes as well as commas, and
// Russia writes the postcode first (420111, г. Казань, ...).

type addrPiece struct {
	a, b       int // tokens of the piece
	from, to   int // the address in it (tokens), when core or names
	core       bool
	strong     bool
	names      bool // only names, postcodes and numbers
	leadNames  bool // names at its start, then other words: to is their end
	trail      int  // other words, then a city to its end ("по адресу г. Москва"): the city's first token, or -1
	whole      bool // the address fills the piece
	used       bool
	startWhole bool
	endWhole   bool
}

func (sc *scanner) addresses() {
	start := 0
	for i := 0; i <= len(sc.t); i++ {
		if i == len(sc.t) || sc.sentenceCut(i) {
			if i > start {
				sc.addressSentence(start, i)
			}
			start = i + 1
		}
	}
}

// sentenceCut reports a token that ends a sentence for addresses: a line
// break, ! ? ; and a dot before white space that does not end an
// abbreviation ("ul.", "St.", "д.").
func (sc *scanner) sentenceCut(i int) bool {
	t := &sc.t[i]
	switch {
	case t.k == kBreak:
		return true
	case t.k != kPunct:
		return false
	case t.r == '!' || t.r == '?' || t.r == ';':
		return true
	case t.r == '.':
		if i+1 < len(sc.t) && sc.t[i+1].k != kSpace && sc.t[i+1].k != kBreak {
			return false
		}
		p := i - 1
		// the dot of an ordinal floor: "2. OG", "3. Stock", "4. kat"
		if p >= 0 && sc.t[p].k == kNum && sc.t[p].b-sc.t[p].a <= 2 && sc.wordFlags(sc.next(i))&wFloor != 0 {
			return false
		}
		if p >= 0 && sc.isWord(p) && (sc.t[p].flags&(wNeedDot|wStreetPre|wStreetPost|wHouse|wCity) != 0 ||
			utf8.RuneCountInString(sc.tx(p)) == 1 || streetSuffix(sc.tx(p)) == "str" || sc.dottedStreetType(p-2)) {
			return false
		}
		return true
	}
	return false
}

func (sc *scanner) addressSentence(a, b int) {
	// a cheap look: every core needs a number, a street word or "address"
	need := false
	for i := a; i < b && !need; i++ {
		t := &sc.t[i]
		need = t.k == kNum || t.k == kAlnum || t.flags&(wStreetPre|wStreetPost|wAddress) != 0
	}
	if !need {
		return
	}
	var pieces []addrPiece
	from := a
	for i := a; i <= b; i++ {
		if i == b || sc.isPunct(i, ',') || sc.spacedDash(i) {
			if p, ok := sc.piece(from, i, b); ok {
				pieces = append(pieces, p)
			}
			from = i + 1
		}
	}
	for k := range pieces {
		p := &pieces[k]
		if !p.core || !p.strong || p.used {
			continue
		}
		l := k
		for l > 0 && pieces[l].startWhole && (pieces[l-1].names || pieces[l-1].core) && !pieces[l-1].used &&
			pieces[l-1].endWhole {
			l--
		}
		if l > 0 && pieces[l].startWhole && pieces[l-1].trail >= 0 && !pieces[l-1].used {
			l--
			pieces[l].from = pieces[l].trail
		}
		r, to := k, p.to
		for r+1 < len(pieces) {
			q := &pieces[r+1]
			if q.b-1 <= to {
				r++ // the core reached over it ("Rua das Flores, 123")
				continue
			}
			if to < pieces[r].b-1 || q.used || !(q.names || q.core || q.leadNames) || !q.startWhole {
				break
			}
			r, to = r+1, q.to
			if q.leadNames {
				break
			}
		}
		for m := l; m <= r; m++ {
			pieces[m].used = true
		}
		sc.add(FindAddress, sc.t[pieces[l].from].a, sc.t[to].b, "")
	}
}

// spacedDash reports a dash with white space on both sides at token i:
// Brazil parts an address with it ("Av. Paulista, 1000 - apto 52 - Bela
// Vista, São Paulo - SP").
func (sc *scanner) spacedDash(i int) bool {
	t := &sc.t[i]
	return t.k == kPunct && (t.r == '-' || t.r == '–' || t.r == '—') && i > 0 && sc.t[i-1].k == kSpace &&
		i+1 < len(sc.t) && sc.t[i+1].k == kSpace
}

// piece reads the tokens a..b (a comma's piece of a sentence that ends at
// end) for an address.
func (sc *scanner) piece(a, b, end int) (addrPiece, bool) {
	p := addrPiece{a: a, b: b, from: -1, to: -1, trail: -1}
	// the first and last tokens that are not white space
	for a < b && sc.t[a].k == kSpace {
		a++
	}
	for b > a && sc.t[b-1].k == kSpace {
		b--
	}
	if a >= b {
		return p, false
	}
	p.a, p.b = a, b
	coreFrom, coreTo, strong := -1, -1, false
	note := func(f, t int, s bool) {
		if coreFrom < 0 || f < coreFrom {
			coreFrom = f
		}
		coreTo = max(coreTo, t)
		strong = strong || s
	}
	for i := a; i < b; i++ {
		if f, t, s, ok := sc.core(i, b, end); ok {
			note(f, t, s)
			if t > i {
				i = t
			}
		}
	}
	if coreFrom >= 0 {
		p.core, p.strong = true, strong
		// reach over the names and postcodes beside the core; a street
		// type begins the address ("the parcel came to rue ...")
		for coreFrom > a && sc.wordFlags(coreFrom)&wStreetPre == 0 {
			j := sc.prev(coreFrom)
			if j < a || !sc.addrish(j, false) || sc.t[j].k == kNum && sc.t[j].b-sc.t[j].a > 7 {
				break
			}
			coreFrom = j
		}
		for n := 0; n < 4 && coreTo < b-1; n++ {
			j := sc.next(coreTo)
			if j >= b {
				break
			}
			// a flat or box number after the street, in any case: "apt 4",
			// "bus 2", "кв 3"
			if sc.wordFlags(j)&wHouse != 0 {
				if e, ok := sc.houseNumber(sc.skipMarks(j + 1)); ok && e < b && !sc.unitAfter(e) {
					coreTo = e
					continue
				}
			}
			if !sc.addrish(j, true) {
				break
			}
			coreTo = j
		}
		// a trailing dot of an abbreviation or a closing bracket stays with it
		if j := coreTo + 1; j < b && (sc.isPunct(j, '.') || sc.isPunct(j, ')')) && j == b-1 {
			coreTo = j
		}
		p.from, p.to = coreFrom, coreTo
		p.startWhole, p.endWhole = coreFrom == a, coreTo == b-1
		return p, true
	}
	// names only: at most four words, each a name, a postcode or a number
	words := 0
	for i := a; i < b; i++ {
		t := &sc.t[i]
		switch t.k {
		case kSpace:
			continue
		case kWord, kAlnum:
			words++
		}
		// in a script without capitals every word reads as a name: after
		// a postcode, the words that go on are the sentence's again
		afterCode := t.k == kWord && !t.cased && i > a
		if afterCode {
			p := sc.prev(i)
			afterCode = p >= a && sc.t[p].k == kNum && sc.t[p].b-sc.t[p].a >= 4
		}
		if afterCode || !sc.addrish(i, i > a) {
			// names at the start, then other words ("80331 Munich please")
			named := false
			last := -1
			for j := a; j < i; j++ {
				if sc.t[j].k == kWord && (sc.t[j].upper || !sc.t[j].cased) ||
					sc.t[j].k == kNum && sc.t[j].b-sc.t[j].a >= 4 && sc.t[j].b-sc.t[j].a <= 6 {
					named = true // a city, or a postcode ("420111 пожалуйста")
				}
				if sc.t[j].k != kSpace {
					last = j
				}
			}
			if named && last >= 0 {
				p.leadNames, p.from, p.to, p.startWhole = true, a, last, true
			}
			p.trail = sc.cityTrail(i, b)
			if p.trail < 0 {
				p.trail = sc.codeTrail(a, b)
			}
			return p, true
		}
	}
	if words > 4 || words == 0 && b-a > 3 {
		return p, true
	}
	p.names, p.from, p.to, p.startWhole, p.endWhole = true, a, b-1, true, true
	return p, true
}

// cityTrail returns the first token of a city word ("г.", "м.", "city")
// at or after token i from which the piece (to b) holds only names, or
// -1.
func (sc *scanner) cityTrail(i, b int) int {
	for ; i < b; i++ {
		t := &sc.t[i]
		if t.k != kWord || t.flags&wCity == 0 || t.flags&wNeedDot != 0 && !sc.isPunct(i+1, '.') {
			continue
		}
		n, names := sc.next(i), 0
		if sc.isPunct(n, '.') {
			n = sc.next(n)
		}
		for ; n < b; n = sc.next(n) {
			if !sc.addrish(n, true) {
				break
			}
			if sc.t[n].k == kWord {
				names++
			}
		}
		if n >= b && names > 0 {
			return i
		}
	}
	return -1
}

// codeTrail returns the last token of the piece a..b when it is a postcode
// of five or six digits that leads an address ("шлите на 420111, г.
// Казань, ..."), or -1. A number after an order or phone word is that
// number.
func (sc *scanner) codeTrail(a, b int) int {
	l := b - 1
	if l <= a || sc.t[l].k != kNum || sc.t[l].b-sc.t[l].a < 5 || sc.t[l].b-sc.t[l].a > 6 {
		return -1
	}
	if p := sc.prev(l); p < a || sc.t[p].k == kNum || sc.isPunct(p, '-') || sc.isPunct(p, '.') || sc.isPunct(p, '/') {
		return -1
	}
	if f, _ := sc.labelBefore(l); f&(labelKinds|wUnit) != 0 {
		return -1
	}
	return l
}

// addrish reports a token that can stand in an address beside a core: a
// name (a capitalised word, a word of a script without capitals), a
// particle inside a name, a number or postcode, a state code, a dash or
// slash.
func (sc *scanner) addrish(i int, inside bool) bool {
	t := &sc.t[i]
	switch t.k {
	case kNum:
		return t.b-t.a <= 7
	case kAlnum:
		return t.b-t.a <= 8 && (t.upper || !t.cased) && t.flags&wUnit == 0
	case kWord:
		if t.flags&wPostcode != 0 {
			return true // CEP 01310-100, PLZ 80331
		}
		if t.flags&(wUnit|wCarrier|wCalendar|wConj|wOrder|wPhone|wAddress) != 0 && t.flags&wCity == 0 {
			return false
		}
		if t.flags&wLead != 0 && t.flags&(wParticle|wCity|wHouse) == 0 {
			return false
		}
		if t.flags&wParticle != 0 && inside {
			return true
		}
		if t.flags&wCity != 0 {
			return true
		}
		if !t.cased {
			return koreanPlace(sc.tx(i)) || !isHangul(sc.tx(i))
		}
		return t.upper
	case kPunct:
		return t.r == '-' || t.r == '/' || t.r == '.' || t.r == '(' || t.r == ')'
	}
	return false
}

// core reports an address core starting at token i (before b, in a
// sentence that ends at end): its first and last tokens and whether it
// is strong.
func (sc *scanner) core(i, b, end int) (int, int, bool, bool) {
	t := &sc.t[i]
	w := sc.tx(i)
	switch t.k {
	case kNum:
		// 221B Baker Street; 10 rue de la Paix
		if e, ok := sc.houseNumber(i); ok && !sc.unitAfter(e) {
			if l, ok := sc.streetAfterNumber(e, b); ok {
				return i, l, true, true
			}
		}
		if e, ok := sc.floorAfter(i, b); ok {
			return i, e, false, true
		}
		return sc.postcode(i, b)
	case kAlnum:
		// 테헤란로12길 34: a numbered side street of a road, one token
		if isHangul(w) && (strings.HasSuffix(w, "길") || strings.HasSuffix(w, "번길")) {
			if e, ok := sc.houseNumber(sc.next(i)); ok {
				return i, e, true, true
			}
		}
		if e, ok := sc.houseNumber(i); ok && !sc.unitAfter(e) {
			if l, ok := sc.streetAfterNumber(e, b); ok {
				return i, l, true, true
			}
		}
		if f, l, s, ok := sc.postcode(i, b); ok {
			return f, l, s, ok
		}
		if e, ok := sc.floorAfter(i, b); ok {
			return i, e, false, true
		}
		// 101동, 202호 (and a particle after it: 202호로)
		d := 0
		for d < len(w) && isDigit(w[d]) {
			d++
		}
		if r, _ := utf8.DecodeRuneInString(w[d:]); d > 0 && (r == '동' || r == '호' || r == '층') {
			return i, i, false, true
		}
		return 0, 0, false, false
	case kWord:
	default:
		return 0, 0, false, false
	}
	f := t.flags
	dot := sc.isPunct(i+1, '.') || sc.isPunct(i+1, ':')
	runes := utf8.RuneCountInString(w)
	// "address: ..." to the end of the sentence
	if f&wAddress != 0 {
		if l, ok := sc.afterAddressWord(i, end); ok {
			return sc.next(i), l, true, true
		}
	}
	// a flat or house number: Flat 12, кв. 5, No: 12, Daire 3
	if f&wHouse != 0 && (f&wNeedDot == 0 || dot) && (t.upper || dot || !t.ascii || runes >= 5 || strongHouseWords[strings.ToLower(w)]) &&
		!sc.orderBefore(i) {
		if strings.EqualFold(w, "no") && !(t.upper && dot) {
			// "no" is a word: only "No." or "No:"
		} else if e, ok := sc.houseNumber(sc.skipMarks(i + 1)); ok && !sc.unitAfter(e) {
			strongHouse := !t.ascii || strongHouseWords[strings.ToLower(w)]
			return i, e, strongHouse, true
		} else if l := sc.skipMarks(i + 1); letterParts[strings.ToLower(w)] && l < b && sc.t[l].k == kWord &&
			sc.t[l].b-sc.t[l].a == 1 && isUpper(sc.s[sc.t[l].a]) {
			return i, l, false, true // scala B, bloco C
		}
	}
	// a street type before the name: rue, calle, rua, via, ul., ул.;
	// Russian shortens some with a dash: пр-т, б-р
	if f&wStreetPre != 0 && (f&wNeedDot == 0 || dot || runes > 3) || w == "C" && sc.isPunct(i+1, '/') ||
		sc.dashedStreetType(i) || sc.dottedStreetType(i) {
		if l, s, ok := sc.streetAfterType(i, b, end); ok {
			return i, l, s, true
		}
	}
	// Atatürk Mah., Cumhuriyet Cad.: a Turkish street type after the name
	if t.upper && f&(wStreetPre|wStreetPost|wHouse) == 0 && sc.nameWord(i) {
		k := i
		for n := 0; n < 3; n++ {
			j := sc.next(k)
			if j >= b {
				break
			}
			if sc.isWord(j) && turkishStreet[strings.ToLower(sc.tx(j))] {
				l := j
				if sc.isPunct(j+1, '.') {
					l = j + 1
				}
				return i, l, true, true
			}
			if !sc.nameWord(j) {
				break
			}
			k = j
		}
	}
	// Hauptstraße 5, Lindenweg 12a, Keizersgracht 123, Hauptstr. 3
	if t.upper || !t.cased {
		if suf := streetSuffix(w); suf != "" {
			k := i + 1
			if suf == "str" {
				if !sc.isPunct(k, '.') {
					return 0, 0, false, false
				}
				k++
			}
			if e, ok := sc.houseNumber(sc.next(k - 1)); ok && !sc.unitAfter(e) {
				return i, e, true, true
			}
		}
	}
	// Am Lindenhof 3, An der Alster 5, Zum Hafen 2
	if t.upper && t.ascii && germanPreps[w] {
		k := sc.next(i)
		if w == "An" || w == "In" || w == "Auf" {
			if k >= b || !germanArticles[sc.tx(k)] {
				return 0, 0, false, false
			}
			k = sc.next(k)
		} else if k < b && germanArticles[sc.tx(k)] {
			k = sc.next(k)
		}
		names := 0
		for k < b && names < 2 && sc.nameWord(k) && sc.t[k].flags&wCalendar == 0 {
			names++
			if e, ok := sc.houseNumber(sc.next(k)); ok && !sc.unitAfter(e) {
				return i, e, true, true
			}
			k = sc.next(k)
		}
	}
	// 테헤란로 123, 세종대로 110
	if !t.cased && runes >= 2 {
		if r, _ := utf8.DecodeLastRuneInString(w); r == '로' || r == '길' {
			if e, ok := sc.houseNumber(sc.next(i)); ok {
				return i, e, true, true
			}
		}
	}
	// P.O. Box 123, Postfach 12 34, Apartado 45, Caixa Postal 7
	lw := strings.ToLower(w)
	if lw == "box" || lw == "postfach" || lw == "apartado" || lw == "postal" || lw == "skrytka" {
		if e, ok := sc.houseNumber(sc.next(i)); ok {
			from := i
			if p := sc.prev(i); p >= 0 && (strings.EqualFold(sc.tx(p), "po") || strings.EqualFold(sc.tx(p), "caixa") ||
				sc.isPunct(p, '.')) {
				for from = p; from > 0 && (sc.isPunct(from-1, '.') || sc.isWord(from-1) && len(sc.tx(from-1)) <= 2); from-- {
				}
			}
			if lw != "box" || from < i {
				return from, e, true, true
			}
		}
	}
	// CA 94103: a US state and a ZIP code
	if t.caps && len(w) == 2 && strings.Contains(usStates, " "+w+" ") {
		if j := sc.next(i); j < b && sc.t[j].k == kNum && sc.t[j].b-sc.t[j].a == 5 {
			e := j
			if sc.isPunct(j+1, '-') && j+2 < len(sc.t) && sc.t[j+2].k == kNum && sc.t[j+2].b-sc.t[j+2].a == 4 {
				e = j + 2
			}
			return i, e, true, true
		}
	}
	return 0, 0, false, false
}

// letterParts are the parts of a building named by a letter: scala B,
// bloco C, blok A.
var letterParts = map[string]bool{"scala": true, "bloco": true, "bloque": true, "blok": true, "blocco": true,
	"escalera": true, "esc": true, "torre": true, "corpo": true, "edificio": true, "edifício": true, "lotto": true}

var strongHouseWords = map[string]bool{"apartment": true, "apt": true, "apto": true, "apartamento": true,
	"appartamento": true, "appartement": true, "wohnung": true, "whg": true, "mieszkanie": true, "flat": true}

var turkishStreet = map[string]bool{"mahallesi": true, "mahalle": true, "mah": true, "mh": true, "sokak": true,
	"sokağı": true, "sokagi": true, "sok": true, "sk": true, "cadde": true, "caddesi": true, "cad": true, "cd": true,
	"bulvarı": true, "bulvari": true, "blv": true}

var germanPreps = map[string]bool{"Am": true, "Im": true, "An": true, "In": true, "Auf": true, "Zum": true, "Zur": true}

var germanArticles = map[string]bool{"der": true, "dem": true, "den": true, "die": true}

var streetSuffixes = []string{"straße", "strasse", "str", "gasse", "weg", "allee", "platz", "ring", "damm", "ufer",
	"chaussee", "steig", "pfad", "straat", "laan", "gracht", "plein", "kade", "singel", "dijk", "steeg", "markt"}

// ordinalEnds are what follows a floor's number as an ordinal: 3e étage,
// 2nd floor, 5º andar (º is a sign of its own).
var ordinalEnds = map[string]bool{"e": true, "er": true, "ème": true, "eme": true, "st": true, "nd": true,
	"rd": true, "th": true, "o": true, "a": true, "ª": true, "º": true}

// floorSides are the sides of a floor that follow it: links, rechts,
// izquierda, derecha.
var floorSides = map[string]bool{"links": true, "rechts": true, "li": true, "re": true, "mitte": true,
	"izq": true, "izda": true, "izquierda": true, "dcha": true, "dch": true, "derecha": true, "esq": true,
	"dto": true, "dir": true, "esquerdo": true, "direito": true}

// floorAfter reads a floor written after its number at token i (before
// b): "2. OG", "3. Stock links", "3e étage", "5º andar", "2° piano", "5
// этаж"; it returns the last token.
func (sc *scanner) floorAfter(i, b int) (int, bool) {
	w := sc.tx(i)
	d := leadingDigits(w)
	if d == 0 || d > 2 || d < len(w) && !ordinalEnds[strings.ToLower(w[d:])] {
		return 0, false
	}
	j := i + 1
	mark := strings.HasSuffix(w, "º") || strings.HasSuffix(w, "ª")
	if j < b && sc.t[j].k == kPunct && strings.ContainsRune(".º°ª", sc.t[j].r) {
		mark = mark || sc.t[j].r != '.'
		j++
	}
	j = sc.next(j - 1)
	if j >= b {
		return 0, false
	}
	// Spain writes the floor and the door after º alone: 2º izq, 4º 2ª, 1º B
	if mark && sc.wordFlags(j)&wFloor == 0 {
		n := sc.tx(j)
		switch {
		case sc.isWord(j) && floorSides[strings.ToLower(n)]:
		case sc.t[j].k == kWord && len(n) == 1 && isUpper(n[0]):
		case sc.t[j].k == kAlnum && leadingDigits(n) > 0 && (strings.HasSuffix(n, "ª") || strings.HasSuffix(n, "º")):
		default:
			return 0, false
		}
		if sc.isPunct(j+1, '.') && j+1 < b {
			j++
		}
		return j, true
	}
	if sc.wordFlags(j)&wFloor == 0 {
		return 0, false
	}
	if n := sc.next(j); n < b && sc.isWord(n) && floorSides[strings.ToLower(sc.tx(n))] {
		j = n
		if sc.isPunct(n+1, '.') && n+1 < b {
			j = n + 1
		}
	}
	return j, true
}

// streetSuffix returns the street ending of a compound name
// ("Lindenweg"), or "".
func streetSuffix(w string) string {
	lw := strings.ToLower(w)
	for _, s := range streetSuffixes {
		if strings.HasSuffix(lw, s) && len(lw) > len(s)+2 {
			return s
		}
	}
	return ""
}

// skipMarks steps over the dot, colon or № between a house word and its
// number, and white space.
func (sc *scanner) skipMarks(i int) int {
	for i < len(sc.t) && (sc.t[i].k == kSpace || sc.t[i].k == kPunct && strings.ContainsRune(".:№º°#", sc.t[i].r)) {
		i++
	}
	return i
}

// houseNumber reads a house number at token i (12, 12a, 221B, 3º, 12/3,
// 10-12) and returns its last token.
func (sc *scanner) houseNumber(i int) (int, bool) {
	if i < 0 || i >= len(sc.t) {
		return 0, false
	}
	t := &sc.t[i]
	w := sc.tx(i)
	switch t.k {
	case kNum:
		if len(w) > 5 {
			return 0, false
		}
	case kAlnum:
		// digits then at most two letters
		d := 0
		for d < len(w) && isDigit(w[d]) {
			d++
		}
		if d == 0 || d > 5 || utf8.RuneCountInString(w[d:]) > 2 || isHangul(w[d:]) {
			return 0, false // 5월, 3개: a date or a count
		}
	default:
		return 0, false
	}
	if (sc.isPunct(i+1, '/') || sc.isPunct(i+1, '-')) && i+2 < len(sc.t) && sc.t[i+2].k == kNum && sc.t[i+2].b-sc.t[i+2].a <= 4 {
		return i + 2, true
	}
	// the Dutch floor or part of a house after it: 12-II, 12 hs, 12-huis
	if i+2 < len(sc.t) && sc.t[i+2].k == kWord {
		w := sc.tx(i + 2)
		switch {
		case sc.isPunct(i+1, '-') && (houseParts[strings.ToLower(w)] || romanFloor(w)):
			return i + 2, true
		case sc.t[i+1].k == kSpace && sc.t[i+1].b-sc.t[i+1].a == 1 && (houseParts[w] || w != "I" && romanFloor(w)):
			return i + 2, true
		}
	}
	return i, true
}

// houseParts name a part of a house after its number (Dutch huis,
// boven, hs; bis, ter).
var houseParts = map[string]bool{"hs": true, "huis": true, "boven": true, "bg": true, "bis": true, "ter": true}

// romanFloor reports a floor in Roman numerals, I to IV, in capitals.
func romanFloor(w string) bool {
	switch w {
	case "I", "II", "III", "IV":
		return true
	}
	return false
}

// unitAfter reports a unit of measure, time or money after token i: the
// number was a quantity ("20 dias", "64 GB", "10 Pcs").
func (sc *scanner) unitAfter(i int) bool {
	j := sc.next(i)
	if j >= len(sc.t) {
		return false
	}
	if sc.t[j].flags&wUnit != 0 {
		return true
	}
	return sc.t[j].k == kPunct && strings.ContainsRune("%€$₽₺₪£¥₩", sc.t[j].r)
}

// orderBefore reports an order or product word just before token i
// ("Item No. 5").
func (sc *scanner) orderBefore(i int) bool {
	j := sc.prev(i)
	return j >= 0 && sc.wordFlags(j)&wOrder != 0
}

// nameWord reports a word that can be part of a street's or city's name:
// capitalised (or of a script without capitals), not a unit, carrier,
// month or common leading word.
func (sc *scanner) nameWord(i int) bool {
	if !sc.isWord(i) {
		return false
	}
	t := &sc.t[i]
	if t.flags&(wUnit|wCarrier|wCalendar|wConj|wOrder) != 0 || t.flags&wLead != 0 && t.flags&wParticle == 0 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(sc.tx(i)); !unicode.IsLetter(r) {
		return false // a name starts with a letter ("0A" is none)
	}
	return t.upper || !t.cased
}

// streetAfterNumber reads "Baker Street" after a house number (token e
// is the number's last), or "rue de la Paix"; it returns the last token.
func (sc *scanner) streetAfterNumber(e, b int) (int, bool) {
	k := sc.next(e)
	if sc.isPunct(k, ',') {
		k = sc.next(k)
	}
	if k >= b {
		return 0, false
	}
	// 10 rue de la Paix, 12 avenue Foch
	if f := sc.wordFlags(k); f&wStreetPre != 0 && f&wNeedDot == 0 {
		if l, _, ok := sc.streetAfterType(k, b, b); ok {
			return l, true
		}
	}
	// 221B Baker Street, 5 Rosebery Hill, 1600 Pennsylvania Avenue NW
	names := 0
	for k < b && names <= 4 {
		t := &sc.t[k]
		if sc.isWord(k) && t.flags&wStreetPost != 0 && (t.upper) && names > 0 && !turkishStreet[strings.ToLower(sc.tx(k))] {
			l := k
			if sc.isPunct(k+1, '.') {
				l = k + 1
			}
			n := sc.next(l)
			if n < b && sc.isWord(n) && len(sc.tx(n)) <= 2 && strings.Contains(" N S E W NE NW SE SW ", " "+sc.tx(n)+" ") {
				l = n
			}
			return l, true
		}
		if !sc.nameWord(k) {
			return 0, false
		}
		names++
		k = sc.next(k)
	}
	return 0, false
}

// elision returns the token after an elided article at token i ("l'",
// "d'", "dell'", "all'") when a name follows, else i.
func (sc *scanner) elision(i int) int {
	t := &sc.t[i]
	if t.k != kWord || t.upper || t.b-t.a > 5 || !(sc.isPunct(i+1, '\'') || sc.isPunct(i+1, '’')) || !sc.isWord(i+2) {
		return i
	}
	switch strings.ToLower(sc.tx(i)) {
	case "l", "d", "dell", "dall", "all", "nell", "sull":
		return i + 2
	}
	return i
}

// dashedStreets are Russian and Ukrainian street types shortened with a
// dash (пр-т, проспект; б-р, бульвар), by their two halves.
var dashedStreets = map[string]string{"пр": "т", "б": "р"}

// dashedStreetType reports such a street type at token i.
func (sc *scanner) dashedStreetType(i int) bool {
	if !sc.isPunct(i+1, '-') || i+2 >= len(sc.t) || sc.t[i+2].k != kWord || sc.t[i].b-sc.t[i].a > 4 {
		return false
	}
	half, ok := dashedStreets[strings.ToLower(sc.tx(i))]
	return ok && strings.ToLower(sc.tx(i+2)) == half
}

// dottedStreetType reports an Italian street type shortened with a dot
// inside at token i: v.le (viale), v.lo (vicolo), p.zza and p.za
// (piazza), p.le (piazzale), c.so (corso).
func (sc *scanner) dottedStreetType(i int) bool {
	if i < 0 || i+2 >= len(sc.t) || sc.t[i].k != kWord || sc.t[i].b-sc.t[i].a != 1 || !sc.isPunct(i+1, '.') ||
		sc.t[i+2].k != kWord {
		return false
	}
	w := strings.ToLower(sc.tx(i + 2))
	switch strings.ToLower(sc.tx(i)) {
	case "v":
		return w == "le" || w == "lo"
	case "p":
		return w == "zza" || w == "le" || w == "za"
	case "c":
		return w == "so"
	}
	return false
}

// strongStreetTypes can stand without a house number: "Rua das Flores",
// "ul. Пушкина".
var strongStreetTypes = map[string]bool{"rue": true, "calle": true, "rua": true, "ulica": true, "ulicy": true,
	"ul": true, "ул": true, "улица": true, "вул": true, "вулиця": true, "רחוב": true, "avenida": true, "avda": true,
	"carrer": true, "travessa": true, "praça": true, "praca": true, "alameda": true, "viale": true, "piazza": true,
	"piazzale": true, "vicolo": true, "strada": true, "aleja": true, "osiedle": true, "проспект": true, "просп": true,
	"переулок": true, "провулок": true, "шоссе": true, "бульвар": true, "набережная": true, "impasse": true,
	"chemin": true, "allée": true, "quai": true, "paseo": true, "estrada": true, "rodovia": true, "c": true,
	"boulevard": true}

// streetAfterType reads the name (and number) after a street type at
// token i: "rue de la Paix 10", "Calle Mayor 7", "Rua das Flores, 123",
// "ul. Пушкина", "via Roma 3". A weak type ("via", "plaza", "avenue")
// needs a house number after the name, and no carrier in it.
func (sc *scanner) streetAfterType(i, b, end int) (int, bool, bool) {
	lw := strings.ToLower(sc.tx(i))
	strong := strongStreetTypes[lw] || sc.t[i].flags&wStreetPre != 0 && strings.HasSuffix(lw, "רחוב")
	k := i + 1
	if sc.dashedStreetType(i) || sc.dottedStreetType(i) {
		strong, k = true, i+3
	}
	for k < len(sc.t) && (sc.t[k].k == kSpace || sc.isPunct(k, '.') || sc.isPunct(k, '/')) {
		k++
	}
	names, caps, lower := 0, 0, 0
	last := -1
	for k < end && names < 5 {
		t := &sc.t[k]
		// a date in the name: Rua 7 de Setembro, ул. 8 Марта
		if t.k == kNum && t.b-t.a <= 2 && names == 0 {
			if n := sc.next(k); n < end && sc.isWord(n) && (sc.t[n].flags&(wParticle|wCalendar) != 0) {
				names++
				k = n
				continue
			}
		}
		if !sc.isWord(k) {
			break
		}
		// a month in the name, capitalised or after a number and "de":
		// Rua XV de Novembro, пр-т Октября, Via XX Settembre
		if t.flags&wCalendar != 0 && names < 4 && (t.upper || !t.cased) && t.flags&(wUnit|wCarrier|wOrder) == 0 {
			caps++
			names++
			last = k
			k = sc.next(k)
			continue
		}
		if t.flags&wCarrier != 0 {
			return 0, false, false
		}
		if t.flags&wParticle != 0 && !t.upper && names < 4 {
			names++
			k = sc.next(k)
			continue
		}
		// an elided article: "rue de l'Exemple", "via dell'Orto"
		if e := sc.elision(k); e > k && names < 4 {
			names++
			k = e
			continue
		}
		if !sc.nameWord(k) {
			// typed in lowercase after a strong type: "ул пробная 5",
			// "calle mayor 7"; the house number must follow then
			if !strong || lower >= 2 || !t.cased || t.flags&(wUnit|wCarrier|wCalendar|wConj|wOrder|wLead|wHouse) != 0 {
				break
			}
			lower++
		}
		if t.cased {
			caps++
		}
		names++
		last = k
		k = sc.next(k)
	}
	if last < 0 {
		return 0, false, false
	}
	// the house number, right after the name or after a comma
	n := sc.next(last)
	if sc.isPunct(n, ',') {
		n = sc.next(n)
	}
	if e, ok := sc.houseNumber(n); ok && !sc.unitAfter(e) {
		return e, true, true
	}
	if lower > 0 {
		return 0, false, false
	}
	if strong && caps > 0 && lw != "c" {
		return last, true, true
	}
	return 0, false, false
}

// postcode reports a postcode at token i: the UK's and Canada's (letters
// and digits in two parts), the Netherlands' 1234 AB, Brazil's 01310-100,
// Portugal's 1000-001, Poland's 00-950 before a city's name. Five- and
// six-digit codes are numbers like any other: they stand in an address
// only beside a core.
func (sc *scanner) postcode(i, b int) (int, int, bool, bool) {
	t := &sc.t[i]
	w := sc.tx(i)
	j := i + 1
	spaced := j < len(sc.t) && sc.t[j].k == kSpace && sc.t[j].b-sc.t[j].a == 1
	if t.k == kAlnum && spaced && j+1 < b && sc.t[j+1].k == kAlnum {
		in := sc.tx(j + 1)
		if ukOutward(w) && ukInward(in) || caPart(w, true) && caPart(in, false) {
			return i, j + 1, true, true
		}
	}
	if t.k != kNum {
		return 0, 0, false, false
	}
	switch len(w) {
	case 4:
		if spaced && j+1 < b && sc.t[j+1].k == kWord && sc.t[j+1].caps && len(sc.tx(j+1)) == 2 && w[0] != '0' &&
			!strings.Contains(" SA SD SS ", sc.tx(j+1)) && (sc.t[j+1].flags&wUnit == 0 || sc.cityAfterUnitCode(i, j+1, b)) {
			return i, j + 1, true, true // 1012 AB
		}
	}
	if sc.isPunct(j, '-') && j+1 < b && sc.t[j+1].k == kNum {
		rest := sc.tx(j + 1)
		switch {
		case len(w) == 5 && len(rest) == 3, len(w) == 4 && len(rest) == 3:
			return i, j + 1, true, true // 01310-100, 1000-001
		case len(w) == 2 && len(rest) == 3:
			if c := sc.next(j + 1); c < b && sc.nameWord(c) {
				return i, c, true, true // 00-950 Warszawa
			}
		}
	}
	return 0, 0, false, false
}

// cityAfterUnitCode reports a Dutch postcode whose letters are also a
// unit ("1017 GB Amsterdam", not "1024 GB SSD" or "2000 MB"): a city's
// name follows, and the number is no round size.
func (sc *scanner) cityAfterUnitCode(num, code, b int) bool {
	w := sc.tx(num)
	if strings.HasSuffix(w, "00") || w == "1024" || w == "2048" || w == "4096" || w == "8192" {
		return false
	}
	n := sc.next(code)
	return n < b && sc.nameWord(n) && !sc.t[n].caps && sc.t[n].k == kWord
}

// ukOutward: A9, A99, A9A, AA9, AA99, AA9A in capitals.
func ukOutward(w string) bool {
	w = asciiUpper(w)
	if len(w) < 2 || len(w) > 4 || !isUpper(w[0]) {
		return false
	}
	k := 1
	if isUpper(w[k]) {
		k++
	}
	if k >= len(w) || !isDigit(w[k]) {
		return false
	}
	k++
	if k < len(w) && (isDigit(w[k]) || isUpper(w[k])) {
		k++
	}
	return k == len(w)
}

// ukInward: 9AA, with the letters the Royal Mail uses there; not a size
// ("4GB").
func ukInward(w string) bool {
	w = asciiUpper(w)
	if len(w) != 3 || !isDigit(w[0]) || !isUpper(w[1]) || !isUpper(w[2]) {
		return false
	}
	const letters = "ABDEFGHJLNPQRSTUWXYZ"
	return strings.IndexByte(letters, w[1]) >= 0 && strings.IndexByte(letters, w[2]) >= 0 &&
		!strings.Contains(" GB TB ", " "+w[1:]+" ")
}

// caPart: Canada's A9A (first) and 9A9 (second).
func caPart(w string, first bool) bool {
	if len(w) != 3 {
		return false
	}
	if first {
		return isUpper(w[0]) && isDigit(w[1]) && isUpper(w[2])
	}
	return isDigit(w[0]) && isUpper(w[1]) && isDigit(w[2])
}

// afterAddressWord reads "address: ..." or "my address is ...": the rest
// of the sentence is the address when it has a digit or two names.
func (sc *scanner) afterAddressWord(i, end int) (int, bool) {
	if p := sc.prev(i); p >= 0 && sc.isWord(p) {
		switch strings.ToLower(sc.tx(p)) {
		case "email", "e-mail", "mail", "ip", "web", "mac", "wallet":
			return 0, false
		}
	}
	k := sc.next(i)
	switch {
	case sc.isPunct(k, ':') || sc.isWord(k) && isCopula(sc.tx(k)):
		k = sc.next(k)
	case sc.wordFlags(k)&(wCity|wStreetPre) != 0:
		// "мой адрес г. Уфа, ...", "address rue ...": the address at once
	default:
		return 0, false
	}
	digits, names, last := 0, 0, -1
	for j := k; j < end; j++ {
		t := &sc.t[j]
		switch t.k {
		case kNum, kAlnum:
			digits++
		case kWord:
			if t.upper || !t.cased {
				names++
			}
		}
		if t.k != kSpace && t.k != kBreak {
			last = j
		}
	}
	if last < 0 || digits == 0 && names < 2 {
		return 0, false
	}
	return last, true
}

func isCopula(w string) bool {
	switch strings.ToLower(w) {
	case "is", "es", "est", "ist", "è", "e", "é", "jest", "—", "это", "це":
		return true
	}
	return false
}

// koreanPlace reports a Korean word that names a place in an address:
// a city, province, district, neighbourhood or road.
func koreanPlace(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	return strings.ContainsRune("시도구군동읍면리로길", r) && utf8.RuneCountInString(w) >= 2
}

func isHangul(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.Is(unicode.Hangul, r)
}

// asciiUpper returns s with a-z in capitals (postcodes are typed in any
// case, and the first letter of a sentence is set in capitals anyway).
func asciiUpper(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			return strings.ToUpper(s)
		}
	}
	return s
}
