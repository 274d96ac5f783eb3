package describe

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Numbers: a run is digit groups joined by one separator each (space,
// dot, dash, slash, brackets), with a + or a bracket before it. A run may
// hold several things ("14.11.2026 0612345678"): from each group the
// longest piece that is a datum is taken, dates are stepped over, and
// what is left stays in the text.

// numRun is one run of digit groups.
type numRun struct {
	g    []int  // token indices of the digit groups
	sep  []byte // sep[k]: the separator before g[k] (0 for the first)
	lead int    // byte offset where the run starts: a + or ( before g[0]
	plus bool
}

const maxGroups = 1 << 20 // no limit: each group is read in a window of twelve

func (sc *scanner) numbers() {
	var run numRun
	var d []byte
	for i := 0; i < len(sc.t); i++ {
		if sc.t[i].k != kNum {
			continue
		}
		run = sc.numRun(i, run)
		d = sc.readRun(&run, d)
		i = run.g[len(run.g)-1]
	}
}

// numRun reads the run that starts at the digit group at token i.
func (sc *scanner) numRun(i int, run numRun) numRun {
	run.g, run.sep = append(run.g[:0], i), append(run.sep[:0], 0)
	run.lead, run.plus = sc.t[i].a, false
	// what stands before: "+44", "+ 44", "+(44)", "(555)"
	j := i - 1
	if sc.isPunct(j, '(') {
		run.lead = sc.t[j].a
		j--
	}
	if j >= 0 && sc.t[j].k == kSpace && sc.isPunct(j-1, '+') {
		j--
	}
	if sc.isPunct(j, '+') && (j == 0 || !sc.isWord(j-1) && sc.t[j-1].k != kNum) {
		run.lead, run.plus = sc.t[j].a, true
	}
	for len(run.g) < maxGroups {
		last := run.g[len(run.g)-1]
		k := last + 1
		var sep byte
		spaces, puncts := 0, 0
		ok := true
		for ; k < len(sc.t) && sc.t[k].k != kNum; k++ {
			t := &sc.t[k]
			if t.k == kSpace && t.b-t.a == 1 {
				spaces++
				if sep == 0 {
					sep = ' '
				}
				continue
			}
			if t.k == kPunct && strings.ContainsRune(".-/()", t.r) {
				puncts++
				if sep == 0 || sep == ' ' {
					sep = byte(t.r)
				}
				// a dot before a space ends a sentence ("12. 345")
				if t.r == '.' && k+1 < len(sc.t) && sc.t[k+1].k != kNum {
					ok = false
				}
				continue
			}
			ok = false
			break
		}
		if !ok || k >= len(sc.t) || spaces > 1 || puncts > 2 || spaces+puncts == 0 || k-last > 3 {
			break
		}
		if sep == '-' && spaces == 1 && puncts == 1 && sc.t[last+1].k == kSpace {
			break // " - " between clauses
		}
		run.g = append(run.g, k)
		run.sep = append(run.sep, sep)
	}
	return run
}

// readRun finds the data in a run.
func (sc *scanner) readRun(run *numRun, d []byte) []byte {
	label, doc := sc.labelBefore(sc.tokenBeforeRun(run))
	if label&wOrder != 0 && !run.plus {
		return d // an order, tracking or product number, kept whole
	}
	if label&wPostcode != 0 && label&labelKinds == 0 && !run.plus && sc.postcodeShape(run) {
		return d // a postcode: the address it belongs to decides
	}
	for i := 0; i < len(run.g); {
		if n := sc.dateAt(run, i); n > 0 {
			i += n
			continue
		}
		found := false
		// the longest piece from group i that is a datum, a card first:
		// "4111 1111 1111 1111 4111 ..." is cards, not a 20-digit account
		first := i == 0
		lab, dl := uint32(0), -1
		if first {
			lab, dl = label, doc
		}
		bestJ, bestID, bestName := -1, "", ""
		for pass := 0; pass < 2 && bestJ < 0; pass++ {
			d = d[:0]
			for j := i; j < len(run.g) && j-i < 12; j++ {
				d = digitsOf(sc.tx(run.g[j]), d)
				if len(d) > 34 {
					break
				}
				id, name := sc.classify(run, i, j, d, lab, dl, first && run.plus)
				if id != "" && (pass == 1 || id == FindCard) {
					bestJ, bestID, bestName = j, id, name
				}
			}
		}
		if bestJ >= 0 {
			j := bestJ
			start := sc.t[run.g[i]].a
			if first {
				start = run.lead
				if bestID == FindIDNumber {
					start = sc.seriesBefore(run, start)
				}
			}
			end := sc.t[run.g[j]].b
			if bestID == FindIDNumber {
				end = sc.letterAfter(run.g[j], end)
			}
			if strings.Count(sc.s[start:end], "(") > strings.Count(sc.s[start:end], ")") {
				if k := run.g[j] + 1; sc.isPunct(k, ')') {
					end = sc.t[k].b
				}
			}
			sc.add(bestID, start, end, bestName)
			i, found = j+1, true
		}
		if !found {
			i++
		}
	}
	return d
}

// postcodeShape reports a run that can be a postcode on its own: one
// group of four to eight digits, or five and three (01310-100).
func (sc *scanner) postcodeShape(run *numRun) bool {
	size := func(k int) int { return sc.t[run.g[k]].b - sc.t[run.g[k]].a }
	switch len(run.g) {
	case 1:
		return size(0) >= 4 && size(0) <= 8
	case 2:
		return size(0) == 5 && size(1) == 3 && run.sep[1] == '-'
	}
	return false
}

// letterAfter returns where an identity number ends when a capital
// letter of its own follows it after a space ("QQ 12 34 56 C", "12345678
// Z"); else end.
func (sc *scanner) letterAfter(last, end int) int {
	k := last + 1
	if k+1 < len(sc.t) && sc.t[k].k == kSpace && sc.t[k].b-sc.t[k].a == 1 && sc.t[k+1].k == kWord &&
		sc.t[k+1].b-sc.t[k+1].a == 1 && isUpper(sc.s[sc.t[k+1].a]) && (k+2 == len(sc.t) || !sc.isWord(k+2) && sc.t[k+2].k != kNum) {
		return sc.t[k+1].b
	}
	return end
}

// hebrew reports a field with Hebrew letters in it, where nine digits
// are read as an Israeli identity number first.
func (sc *scanner) hebrew() bool {
	if sc.heb == 0 {
		sc.heb = 1
		for _, r := range sc.s {
			if r >= 0x5D0 && r <= 0x5EA {
				sc.heb = 2
				break
			}
		}
	}
	return sc.heb == 2
}

// dutch reports a field written in Dutch (two of its common words), where
// nine digits that pass the BSN's check are a BSN even when they begin 5
// to 9: Dutch mobiles have ten digits (06...).
func (sc *scanner) dutch() bool {
	if sc.nl == 0 {
		sc.nl = 1
		n := 0
		for i := range sc.t {
			if sc.t[i].k == kWord && dutchWords[strings.ToLower(sc.tx(i))] {
				if n++; n >= 2 {
					sc.nl = 2
					break
				}
			}
		}
	}
	return sc.nl == 2
}

// dutchWords are common Dutch words that the other markets' languages do
// not use.
var dutchWords = map[string]bool{"het": true, "een": true, "ik": true, "mijn": true, "niet": true, "jullie": true,
	"heb": true, "hebben": true, "geen": true, "wel": true, "naar": true, "voor": true, "pakket": true, "douane": true,
	"vroeg": true, "bestelling": true, "nog": true, "ook": true, "maar": true, "moet": true, "zijn": true}

// seriesBefore returns where an identity number starts when two capital
// letters of its series stand before it ("СН 123456", a Ukrainian
// passport); else start.
func (sc *scanner) seriesBefore(run *numRun, start int) int {
	i := sc.tokenBeforeRun(run)
	p := i - 1
	if p < 1 || sc.t[p].k != kSpace || sc.t[p].b-sc.t[p].a != 1 || sc.t[p-1].k != kWord {
		return start
	}
	if t := &sc.t[p-1]; t.caps && utf8.RuneCountInString(sc.tx(p-1)) == 2 {
		return t.a
	}
	return start
}

// tokenBeforeRun is the token index where the run begins, for the label
// look-back.
func (sc *scanner) tokenBeforeRun(run *numRun) int {
	i := run.g[0]
	for i > 0 && sc.t[i-1].a >= run.lead {
		i--
	}
	return i
}

// dateAt returns how many groups from i make a date (14.11.2026,
// 2026-11-21, 21/11/26, 11/2026), or 0.
func (sc *scanner) dateAt(run *numRun, i int) int {
	val := func(k int) (int, int) {
		s := sc.tx(run.g[k])
		if len(s) > 4 {
			return -1, len(s)
		}
		v := 0
		for j := 0; j < len(s); j++ {
			v = v*10 + int(s[j]-'0')
		}
		return v, len(s)
	}
	if i+2 < len(run.g) && run.sep[i+1] == run.sep[i+2] && strings.IndexByte("./-", run.sep[i+1]) >= 0 {
		a, la := val(i)
		b, lb := val(i + 1)
		c, lc := val(i + 2)
		dmy := la <= 2 && lb <= 2 && (lc == 2 || lc == 4) && a >= 1 && b >= 1 && (a <= 31 && b <= 12 || a <= 12 && b <= 31)
		ymd := la == 4 && lb <= 2 && lc <= 2 && b >= 1 && b <= 12 && c >= 1 && c <= 31
		// a fourth group in the same way makes a phone number: 06.12.34.56.78
		more := i+3 < len(run.g) && run.sep[i+3] == run.sep[i+1]
		if (dmy || ymd) && !more {
			return 3
		}
	}
	if i+1 < len(run.g) && strings.IndexByte("./", run.sep[i+1]) >= 0 {
		a, la := val(i)
		_, lb := val(i + 1)
		if la <= 2 && a >= 1 && a <= 12 && lb == 4 {
			return 2
		}
	}
	return 0
}

// classify tells what the groups i..j of a run (digits d) are: the
// finding id and, for an id number, the document's name; "" when the
// piece is no datum.
func (sc *scanner) classify(run *numRun, i, j int, d []byte, label uint32, doc int, plus bool) (string, string) {
	n := len(d)
	groups := j - i + 1
	size := func(k int) int { return sc.t[run.g[i+k]].b - sc.t[run.g[i+k]].a }
	sepAt := func(k int) byte { return run.sep[i+k] } // before group i+k, k >= 1
	seps := func() string {
		var b []byte
		for k := 1; k < groups; k++ {
			b = append(b, sepAt(k))
		}
		return string(b)
	}
	sameSep := true
	for k := 2; k < groups; k++ {
		sameSep = sameSep && sepAt(k) == sepAt(1)
	}
	maxSize := 0
	for k := 0; k < groups; k++ {
		maxSize = max(maxSize, size(k))
	}
	// a count or measure after the number: "2 pcs", "20 dias", "500 ml"
	after := sc.next(run.g[j])
	unit := sc.wordFlags(after)&wUnit != 0 || sc.isPunct(after, '%') || sc.isPunct(after, '€') ||
		sc.isPunct(after, '$') || sc.isPunct(after, '₽') || sc.isPunct(after, '₺') || sc.isPunct(after, '₪')
	if plus {
		if n >= 8 && n <= 15 && groups <= 7 {
			return FindPhone, ""
		}
		return "", ""
	}
	switch {
	case label&wPhone != 0 && n >= 6 && n <= 15:
		return FindPhone, ""
	case label&wCard != 0 && n >= 12 && n <= 19:
		return FindCard, ""
	case label&wAccount != 0 && (n >= 6 || n >= 4 && groups == 2 && sepAt(1) == '-' && size(1) == 1) && n <= 34:
		// Brazil's agência and conta carry a check digit after a dash
		return FindBankAccount, ""
	case label&wID != 0 && n >= 5 && n <= 15:
		return FindIDNumber, sc.docName(doc)
	case label&wAccount != 0 && groups == 1 && n >= 3 && n <= 5 && i == 0 && sc.branchBefore(run):
		// a Brazilian agência alone: "ag 0001", "agência 1234"
		return FindBankAccount, ""
	}
	if unit && groups == 1 && n <= 6 {
		return "", ""
	}
	// international prefix 00
	if n >= 10 && n <= 15 && d[0] == 0 && d[1] == 0 && groups <= 7 && d[2] != 0 {
		return FindPhone, ""
	}
	one := groups == 1
	// identity numbers with check digits
	switch n {
	case 11:
		if (one || seps() == "..-" && size(0) == 3 && size(1) == 3 && size(2) == 3) && cpfValid(d) {
			return FindIDNumber, "CPF"
		}
		if groups == 4 && (seps() == "-- " || seps() == "---") && size(0) == 3 && size(1) == 3 && size(2) == 3 && snilsValid(d) {
			return FindIDNumber, "СНИЛС"
		}
		if one && peselValid(d) {
			return FindIDNumber, "PESEL"
		}
		if one && tcknValid(d) {
			return FindIDNumber, "TCKN"
		}
	case 9:
		if seps() == "--" && size(0) == 3 && size(1) == 2 && ssnShape(d) {
			return FindIDNumber, "SSN"
		}
		// nine digits in one piece are Spain's, Portugal's and Poland's
		// mobiles too (they begin 5 to 9): a check digit that holds by
		// chance does not make those an id, unless the text is Hebrew
		if one && (d[0] < 5 || sc.hebrew() || sc.dutch()) {
			if sc.hebrew() && israeliIDValid(d) {
				return FindIDNumber, "ID number"
			}
			if bsnValid(d) {
				return FindIDNumber, "BSN"
			}
			if israeliIDValid(d) && (d[0] < 5 || sc.hebrew()) {
				return FindIDNumber, "ID number"
			}
		}
	case 18:
		// a CLABE begins with its bank's code (002 Banamex ... 072
		// Banorte, 127, 137, 646): order numbers of 18 digits do not
		bank := int(d[0])*100 + int(d[1])*10 + int(d[2])
		if one && (d[0] == 0 || bank == 127 || bank == 137 || bank == 646) && clabeValid(d) {
			return FindBankAccount, ""
		}
	case 13:
		if seps() == "-" && size(0) == 6 && rrnValid(d, false) || one && !isCardDigits(d) && rrnValid(d, true) {
			return FindIDNumber, "RRN"
		}
	case 12:
		if one && innValid(d) {
			return FindIDNumber, "INN"
		}
	case 15:
		if (one || seps() == "      " && size(0) == 1 && size(1) == 2 && size(4) == 3 && size(6) == 2) && nirValid(d) {
			return FindIDNumber, "NIR"
		}
	}
	// payment cards: contiguous or in groups of four (Amex 4-6-5,
	// Diners 4-6-4), any separator
	if n >= 13 && n <= 19 && sameSep && isCardDigits(d) && cardGrouping(groups, size) {
		return FindCard, ""
	}
	// bank accounts: Russian 20-digit accounts (they begin 3 or 4),
	// Polish NRB
	if n == 20 && (d[0] == 4 || d[0] == 3) && (one || groups == 5 && size(0) == 5 && size(1) == 3 || maxSize == 5 && size(0) == 5) {
		return FindBankAccount, ""
	}
	if n == 26 && nrbValid(d) {
		return FindBankAccount, ""
	}
	if unit {
		return "", ""
	}
	if phoneShape(d, groups, size, seps(), maxSize, sc.isPunct(run.g[i]-1, '(')) {
		return FindPhone, ""
	}
	return "", ""
}

// branchBefore reports the word agência (ag) right before the run.
func (sc *scanner) branchBefore(run *numRun) bool {
	j := sc.prev(sc.tokenBeforeRun(run))
	for j >= 0 && (sc.isPunct(j, ':') || sc.isPunct(j, '.') || sc.isPunct(j, '#')) {
		j = sc.prev(j)
	}
	if !sc.isWord(j) {
		return false
	}
	switch strings.ToLower(sc.tx(j)) {
	case "ag", "agência", "agencia", "agência:", "agencia:":
		return true
	}
	return false
}

func isCardDigits(d []byte) bool { return cardPlausible(d) && luhnValid(d) }

// cardGrouping: one group, or groups of four with a shorter last one,
// or the 4-6-5 and 4-6-4 of Amex and Diners.
func cardGrouping(groups int, size func(int) int) bool {
	if groups == 1 {
		return true
	}
	if groups == 3 && size(0) == 4 && size(1) == 6 && (size(2) == 5 || size(2) == 4) {
		return true
	}
	for k := 0; k < groups-1; k++ {
		if size(k) != 4 {
			return false
		}
	}
	return size(groups-1) <= 4
}

// phoneShape reports a national phone number of the markets served, by
// its digits and grouping: a trunk 0 (UK, France, Germany, Italy's
// landlines, the Netherlands, Ukraine, Turkey, Korea, Israel, Australia),
// Russia's 8 and 7, China's 1[3-9], ten digits in the North American and
// Indian way, Brazil's (11) 98765-4321, and nine digits in Spain, Portugal
// and Poland.
func phoneShape(d []byte, groups int, size func(int) int, seps string, maxSize int, bracket bool) bool {
	n := len(d)
	if groups > 6 || n < 9 || n > 13 {
		return false
	}
	if groups > 1 && maxSize > 5 && !(groups == 2 && n <= 11 && size(0) <= 5) {
		return false
	}
	if strings.Count(seps, ".") > 0 && groups < 3 {
		return false // 3.500, 1.299 000: prices
	}
	sizes := make([]int, groups)
	for k := range sizes {
		sizes[k] = size(k)
	}
	is := func(want ...int) bool {
		if len(want) != groups {
			return false
		}
		for k, w := range want {
			if sizes[k] != w {
				return false
			}
		}
		return true
	}
	switch {
	case n == 11 && bracket && is(2, 5, 4):
		return true // Brazil's mobiles: (11) 98765-4321
	case n == 11 && is(2, 5, 4) && d[0] != 0 && d[2] == 9:
		return true // and without the brackets: 11 98765-4321
	case d[0] == 0:
		return n >= 9 && n <= 12 && d[1] != 0
	case (d[0] == 8 || d[0] == 7) && n == 11:
		return groups == 1 || sizes[0] == 1
	case d[0] == 1 && n == 11:
		return groups == 1 && d[1] >= 3 || is(1, 3, 3, 4)
	case n == 10:
		return groups == 1 || is(3, 3, 4) || is(3, 3, 2, 2) || is(3, 4, 3) || is(2, 4, 4) ||
			bracket && (is(3, 3, 4) || is(2, 4, 4))
	case n == 9 && d[0] >= 2:
		return groups == 1 || is(3, 3, 3) || is(3, 2, 2, 2) || is(2, 3, 2, 2) || is(3, 2, 4) || is(2, 3, 4)
	}
	return false
}

// docName names the identity document of a label word for a finding.
func (sc *scanner) docName(doc int) string {
	if doc < 0 {
		return "ID number"
	}
	return sc.tx(doc)
}

// alnums reads words with digits in them: IBANs (any case, any spacing),
// Spain's DNI and NIE, Italy's codice fiscale, the UK's National
// Insurance number, and passport numbers after a keyword.
func (sc *scanner) alnums() {
	for i := 0; i < len(sc.t); i++ {
		t := &sc.t[i]
		if t.k != kAlnum && t.k != kWord {
			continue
		}
		w := sc.tx(i)
		if end, ok := sc.iban(i); ok {
			sc.add(FindIBAN, t.a, end, "")
			continue
		}
		if t.k != kAlnum {
			// "12345678-Z": the letter of a DNI after a dash
			if len(w) == 1 && isUpper(w[0]) && sc.isPunct(i-1, '-') && i >= 2 && sc.t[i-2].k == kNum {
				if s := sc.tx(i-2) + w; dniValid(s) {
					sc.add(FindIDNumber, sc.t[i-2].a, t.b, "DNI")
				}
			}
			continue
		}
		up := strings.ToUpper(w)
		switch {
		case len(up) == 9 && dniValid(up):
			name := "DNI"
			if !isDigit(up[0]) {
				name = "NIE"
			}
			sc.add(FindIDNumber, t.a, t.b, name)
		case len(up) == 16 && codiceFiscaleValid(up):
			sc.add(FindIDNumber, t.a, t.b, "codice fiscale")
		case len(w) == 9 && isUpper(w[0]) && isUpper(w[1]) && digitCount(w) == 6 && w[8] >= 'A' && w[8] <= 'D':
			sc.add(FindIDNumber, t.a, t.b, "NI number")
		default:
			if label, doc := sc.labelBefore(i); label&wID != 0 && label&wOrder == 0 && digitCount(w) >= 5 {
				sc.add(FindIDNumber, t.a, t.b, sc.docName(doc))
			}
		}
	}
}

// iban reads an IBAN starting at token i: two letters and two check
// digits, then letters and digits in groups, up to the country's length.
// It counts when the check holds, or, written in capitals or after the
// word IBAN, when only the length does: a mistyped account number is
// still one.
func (sc *scanner) iban(i int) (int, bool) {
	w := sc.tx(i)
	if len(w) < 2 || !isASCIILetter(w[0]) || !isASCIILetter(w[1]) {
		return 0, false
	}
	cc := strings.ToUpper(w[:2])
	want := ibanLengths[cc]
	if want == 0 {
		return 0, false
	}
	var buf [40]byte
	c := buf[:0]
	end := 0
	grouped := true
	k := i
	for len(c) < want {
		s := sc.tx(k)
		for j := 0; j < len(s) && len(c) < want; j++ {
			ch := s[j]
			if ch >= 'a' && ch <= 'z' {
				ch -= 'a' - 'A'
			}
			if !isDigit(ch) && !isUpper(ch) {
				return 0, false
			}
			c = append(c, ch)
			end = sc.t[k].a + j + 1
		}
		if len(c) == want {
			if end != sc.t[k].b {
				return 0, false // the word goes on
			}
			break
		}
		if len(c) < 4 && len(c) > 2 || len(c) == 2 && k == i && sc.t[k].b-sc.t[k].a > 2 {
			return 0, false
		}
		if k > i && sc.t[k].b-sc.t[k].a != 4 || k == i && sc.t[k].b-sc.t[k].a != 4 {
			grouped = false // IBANs are written in fours
		}
		// the next group: one space or dash, then letters or digits
		n := k + 1
		if n < len(sc.t) && (sc.t[n].k == kSpace && sc.t[n].b-sc.t[n].a == 1 || sc.isPunct(n, '-')) {
			n++
		} else {
			return 0, false
		}
		if n >= len(sc.t) || sc.t[n].k != kNum && sc.t[n].k != kAlnum && !(sc.t[n].k == kWord && sc.t[n].b-sc.t[n].a <= 4 && sc.t[n].caps == (sc.t[i].caps || sc.t[i].upper)) {
			return 0, false
		}
		k = n
	}
	if !isDigit(c[2]) || !isDigit(c[3]) || digitCount(string(c)) < 8 {
		return 0, false
	}
	if ibanValid(c) {
		return end, true
	}
	// mistyped: only in groups of four or in one piece, in capitals or
	// after the word IBAN
	label, _ := sc.labelBefore(i)
	caps := isUpper(w[1]) && (isUpper(w[0]) || sc.t[i].upper)
	return end, (grouped || k == i) && (caps || label&wAccount != 0)
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// spelledPhones finds phone numbers written in words, in any of the
// languages, or in words and digits mixed ("nine one six 1 2 3..."): seven
// digits or more in a row. Numbers read out in pairs and threes count
// their digits: "девятьсот шестнадцать" is three, "forty-five" two, "beş
// yüz otuz iki" three.
func (sc *scanner) spelledPhones() {
	for i := 0; i < len(sc.t); i++ {
		if r, _, _ := sc.numberWord(i, false); r == 0 {
			continue
		}
		digits, words := 0, 0
		group, prev := 0, 0 // the leading rank of the number in hand, and the rank before
		end := i
		for k, joined, link := i, false, false; k < len(sc.t); {
			r, times, last := sc.numberWord(k, true)
			if r == 0 && k > i && strings.EqualFold(sc.tx(k), "on") {
				// Turkish "on" (ten), only inside a number: "on iki"
				if n := sc.next(k); n < len(sc.t) && sc.t[n].k == kWord {
					if r2, _, _ := sc.numberWord(n, true); r2 == 1 {
						r = 2
					}
				}
			}
			if r == 0 {
				break
			}
			if sc.t[k].k == kWord {
				words++
			}
			switch {
			case r < 0: // digits, or Korean digit syllables: one each
				digits += -r
				group, prev = 0, 0
			case joined && group > 0: // "quatre-vingt-dix", "forty-five"
				if r > group {
					digits += r - group
					group = r
				}
				prev = r
			case times && prev == 1 && group == 1: // "five hundred", "beş yüz"
				digits += r - 1
				group, prev = r, r
			case group > 0 && (r < prev || link && r <= 2 && prev == 2): // "сто двадцать три", "treinta y cuatro"
				prev = r
			default:
				digits += r
				group, prev = r, r
			}
			end = last
			k = last + 1
			// one space, comma or dash between; "y", "e", "and" between
			// a ten and a unit
			joined, link = sc.isPunct(k, '-'), false
			if k < len(sc.t) && (sc.t[k].k == kSpace || sc.isPunct(k, '-') || sc.isPunct(k, ',')) {
				k++
				if k < len(sc.t) && sc.t[k].k == kSpace {
					k++
					joined = false
				}
			}
			// "vingt et un", and hyphenated: "vingt-et-un", "soixante-et-onze"
			if prev >= 2 && sc.isWord(k) && numberLinks[strings.ToLower(sc.tx(k))] && k+2 < len(sc.t) &&
				(sc.t[k+1].k == kSpace || sc.isPunct(k+1, '-')) {
				// a ten and a teen only with the hyphen: "soixante-et-onze"
				if r, _, _ := sc.numberWord(k+2, true); r > 0 && (r < prev || r == prev && sc.isPunct(k+1, '-')) {
					k += 2
					link = true
				}
			}
		}
		if digits >= 7 && words >= 3 {
			sc.add(FindPhone, sc.t[i].a, sc.t[end].b, "")
		}
		i = end
	}
}

// numberLinks join a ten and a unit: "treinta y cuatro", "trinta e
// quatro", "hundred and five".
var numberLinks = map[string]bool{"y": true, "e": true, "and": true, "et": true, "und": true}

// koreanDigits are the Sino-Korean digits, which are written together
// ("공일공").
const koreanDigits = "공영일이삼사오육칠팔구"

// numberWord reads a number at token k: the rank of a number word (1 a
// digit, 2 a ten or teen, 3 a hundred), or minus the digit count of
// digits written as such (up to four, as read out in groups) and of
// Korean digit syllables; whether it multiplies a digit before it
// ("hundred"); and its last token (a word with an apostrophe, "п'ять", is
// three). Numbers written as one word ("siebenundvierzig") are read
// only inside a number.
func (sc *scanner) numberWord(k int, inside bool) (rank int, times bool, last int) {
	t := &sc.t[k]
	switch t.k {
	case kNum:
		if n := t.b - t.a; n <= 4 {
			return -n, false, k
		}
		return 0, false, k
	case kWord:
	default:
		return 0, false, k
	}
	f := t.flags
	last = k
	if k+2 < len(sc.t) && (sc.isPunct(k+1, '\'') || sc.isPunct(k+1, '’')) && sc.t[k+2].k == kWord && sc.t[k+2].a == sc.t[k+1].b {
		// п'ять, дев'ять: the apostrophe splits the word
		w := sc.s[t.a:sc.t[k+2].b]
		if strings.ContainsRune(w, '’') {
			w = strings.ReplaceAll(w, "’", "'")
		}
		if g := lookupWord(w, &sc.buf); g&(wDigit|wTens|wHundreds) != 0 {
			f, last = g, k+2
		}
	}
	switch {
	case f&wHundreds != 0:
		return 3, f&wTimes != 0, last
	case f&wTens != 0:
		return 2, false, last
	case f&wDigit != 0:
		if !t.ascii && strings.ContainsAny(sc.tx(k), koreanDigits) {
			return -utf8RuneCount(sc.tx(k)), false, last
		}
		return 1, false, last
	}
	w := sc.tx(k)
	if t.ascii || !isHangul(w) {
		if !inside {
			return 0, false, last
		}
		return sc.compoundRank(w, t.ascii), false, last
	}
	n := 0
	for _, r := range w {
		if !strings.ContainsRune(koreanDigits, r) {
			return 0, false, last
		}
		n++
	}
	return -n, false, last
}

// compoundRank reads the number words written as one: German
// "siebenundvierzig", Dutch "zevenenveertig", Italian "trentadue" and
// "duecento" (two digits, three digits), else 0.
func (sc *scanner) compoundRank(w string, ascii bool) int {
	if len(w) < 7 || !ascii && !strings.ContainsAny(w, "äöüß") {
		return 0
	}
	sc.buf = lowerWord(w, sc.buf)
	lw := sc.buf
	for _, end := range compoundTens {
		if bytes.HasSuffix(lw, []byte(end)) && (bytes.Contains(lw, []byte("und")) || bytes.Contains(lw, []byte("en"))) {
			return 2
		}
	}
	if bytes.HasSuffix(lw, []byte("cento")) {
		return 3
	}
	for _, head := range italianTens {
		if bytes.HasPrefix(lw, []byte(head)) {
			return 2
		}
	}
	return 0
}

// compoundTens end German and Dutch tens; italianTens begin Italian ones.
var (
	compoundTens = []string{"zig", "ßig", "ssig", "tig"}
	italianTens  = []string{"vent", "trent", "quarant", "cinquant", "sessant", "settant", "ottant", "novant"}
)

func utf8RuneCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}
