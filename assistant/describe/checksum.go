package describe

// Validators of the numbers the tone check removes: each takes the digits
// (or characters) alone, without separators, and says whether the check
// digits hold. They allocate nothing.

// luhnValid reports a valid Luhn check over digits d (values 0..9).
func luhnValid(d []byte) bool {
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
	return len(d) > 0 && sum%10 == 0
}

// cardPlausible reports an issuer prefix that issues numbers of this
// length: Visa, Mastercard, Amex, Diners, JCB, Discover, UnionPay,
// Maestro, Mir and Troy. Order numbers that begin with 8 or 1 never pass.
func cardPlausible(d []byte) bool {
	n := len(d)
	if n < 13 || n > 19 {
		return false
	}
	p2 := int(d[0])*10 + int(d[1])
	p3 := p2*10 + int(d[2])
	p4 := p3*10 + int(d[3])
	switch {
	case d[0] == 4: // Visa
		return n == 13 || n == 16 || n == 19
	case p2 >= 51 && p2 <= 55, p4 >= 2221 && p4 <= 2720: // Mastercard
		return n == 16
	case p4 >= 2200 && p4 <= 2204: // Mir
		return n >= 16
	case p2 == 34 || p2 == 37: // Amex
		return n == 15
	case p2 == 36: // Diners
		return n == 14
	case p3 >= 300 && p3 <= 305, p2 == 38, p2 == 39: // Diners International
		return n >= 14 && n <= 16
	case p4 >= 3528 && p4 <= 3589: // JCB
		return n >= 16
	case p4 == 6011, p3 >= 644 && p3 <= 649, p2 == 65, p2 == 62: // Discover, UnionPay
		return n >= 16
	case p2 == 50, p2 >= 56 && p2 <= 58, d[0] == 6: // Maestro
		return n >= 13
	case p4 == 9792: // Troy
		return n == 16
	}
	return false
}

// isCard reports whether s (digits with any separators) is a payment card
// number: a plausible issuer prefix and length and a valid Luhn check.
func isCard(s string) bool {
	var buf [24]byte
	d := digitsOf(s, buf[:0])
	return len(d) <= 19 && cardPlausible(d) && luhnValid(d)
}

// digitsOf appends the values of the ASCII digits of s to b.
func digitsOf(s string, b []byte) []byte {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			b = append(b, s[i]-'0')
		}
	}
	return b
}

// ibanLengths is the length of an IBAN in each country that has them.
var ibanLengths = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27, "BR": 29,
	"BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
	"ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
	"HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
	"LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20,
	"MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25,
	"QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
	"SO": 23, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}

// ibanValid reports a valid mod-97 check over an IBAN in capitals.
func ibanValid(c []byte) bool {
	if len(c) < 5 {
		return false
	}
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

// nrbValid reports a Polish account number (NRB, 26 digits): the IBAN
// check with the country code PL.
func nrbValid(d []byte) bool {
	if len(d) != 26 {
		return false
	}
	// PL is 25 21; the check digits are d[0:2].
	r := 0
	add := func(v int) { r = (r*10 + v) % 97 }
	for _, v := range d[2:] {
		add(int(v))
	}
	for _, v := range []int{2, 5, 2, 1} {
		add(v)
	}
	add(int(d[0]))
	add(int(d[1]))
	return r == 1
}

// cpfValid: Brazil's CPF, 11 digits, two mod-11 check digits.
func cpfValid(d []byte) bool {
	if len(d) != 11 || allSame(d) {
		return false
	}
	for k := 9; k <= 10; k++ {
		sum := 0
		for i := 0; i < k; i++ {
			sum += int(d[i]) * (k + 1 - i)
		}
		if (sum*10)%11%10 != int(d[k]) {
			return false
		}
	}
	return true
}

// peselValid: Poland's PESEL, 11 digits with a weighted check and a
// birth date whose month carries the century.
func peselValid(d []byte) bool {
	if len(d) != 11 {
		return false
	}
	w := [10]int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3}
	sum := 0
	for i, x := range w {
		sum += x * int(d[i])
	}
	if (10-sum%10)%10 != int(d[10]) {
		return false
	}
	month := int(d[2])*10 + int(d[3])
	day := int(d[4])*10 + int(d[5])
	return month%20 >= 1 && month%20 <= 12 && day >= 1 && day <= 31
}

// tcknValid: Turkey's identity number (T.C. Kimlik No), 11 digits, not
// starting with 0, two check digits.
func tcknValid(d []byte) bool {
	if len(d) != 11 || d[0] == 0 {
		return false
	}
	odd := int(d[0] + d[2] + d[4] + d[6] + d[8])
	even := int(d[1] + d[3] + d[5] + d[7])
	if ((odd*7-even)%10+10)%10 != int(d[9]) {
		return false
	}
	sum := 0
	for _, v := range d[:10] {
		sum += int(v)
	}
	return sum%10 == int(d[10])
}

// bsnValid: the Netherlands' BSN, 9 digits passing the eleven test.
func bsnValid(d []byte) bool {
	if len(d) != 9 || allSame(d) {
		return false
	}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += int(d[i]) * (9 - i)
	}
	sum -= int(d[8])
	return sum%11 == 0
}

// israeliIDValid: Israel's identity number, up to 9 digits, Luhn-like
// weights 1 and 2.
func israeliIDValid(d []byte) bool {
	if len(d) != 9 || allSame(d) {
		return false
	}
	sum := 0
	for i, v := range d {
		x := int(v) * (i%2 + 1)
		if x > 9 {
			x -= 9
		}
		sum += x
	}
	return sum%10 == 0
}

// innValid: Russia's taxpayer number (INN), 10 digits (organisations) or
// 12 (people).
func innValid(d []byte) bool {
	check := func(w []int, n int) bool {
		sum := 0
		for i, x := range w {
			sum += x * int(d[i])
		}
		return sum%11%10 == int(d[n])
	}
	switch len(d) {
	case 10:
		return check([]int{2, 4, 10, 3, 5, 9, 4, 6, 8}, 9)
	case 12:
		return check([]int{7, 2, 4, 10, 3, 5, 9, 4, 6, 8}, 10) && check([]int{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}, 11)
	}
	return false
}

// rrnShape: a Korean resident registration number, YYMMDD then seven
// digits whose first gives sex and century (1-8); numbers issued before
// October 2020 also carry a check digit, which strict asks for.
func rrnValid(d []byte, strict bool) bool {
	if len(d) != 13 {
		return false
	}
	month := int(d[2])*10 + int(d[3])
	day := int(d[4])*10 + int(d[5])
	if month < 1 || month > 12 || day < 1 || day > 31 || d[6] < 1 || d[6] > 8 {
		return false
	}
	if !strict {
		return true
	}
	w := [12]int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	sum := 0
	for i, x := range w {
		sum += x * int(d[i])
	}
	return (11-sum%11)%10 == int(d[12])
}

// ssnShape: a US social security number: area 001-899 but 666, group
// 01-99, serial 0001-9999; or an individual taxpayer number (ITIN): area
// 9xx with a group of 50-65, 70-88, 90-92 or 94-99. There is no check
// digit.
func ssnShape(d []byte) bool {
	if len(d) != 9 {
		return false
	}
	area := int(d[0])*100 + int(d[1])*10 + int(d[2])
	group := int(d[3])*10 + int(d[4])
	serial := int(d[5])*1000 + int(d[6])*100 + int(d[7])*10 + int(d[8])
	if area >= 900 {
		return group >= 50 && group <= 65 || group >= 70 && group <= 88 || group >= 90 && group <= 92 || group >= 94
	}
	return area > 0 && area != 666 && group > 0 && serial > 0
}

// snilsValid: Russia's pension insurance number (СНИЛС), 11 digits: the
// sum of the first nine weighted 9 down to 1, modulo 101 (100 and 101
// read as 00), is the last two.
func snilsValid(d []byte) bool {
	if len(d) != 11 || allSame(d[:9]) {
		return false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(d[i]) * (9 - i)
	}
	sum %= 101
	if sum == 100 {
		sum = 0
	}
	return sum == int(d[9])*10+int(d[10])
}

// clabeValid: Mexico's bank account number (CLABE), 18 digits, weights
// 3, 7, 1 and a check digit of 10 less the sum modulo 10.
func clabeValid(d []byte) bool {
	if len(d) != 18 {
		return false
	}
	w := [3]int{3, 7, 1}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(d[i]) * w[i%3] % 10
	}
	return (10-sum%10)%10 == int(d[17])
}

// dniValid: Spain's DNI (8 digits and a letter) and NIE (X, Y or Z, 7
// digits and a letter); s is in capitals without separators.
func dniValid(s string) bool {
	if len(s) != 9 {
		return false
	}
	n := 0
	for i := 0; i < 8; i++ {
		c := s[i]
		switch {
		case isDigit(c):
			n = n*10 + int(c-'0')
		case i == 0 && (c == 'X' || c == 'Y' || c == 'Z'):
			n = int(c - 'X')
		default:
			return false
		}
	}
	return s[8] == "TRWAGMYFPDXBNJZSQVHLCKE"[n%23]
}

// codiceFiscaleValid: Italy's codice fiscale, 16 characters in capitals
// (6 letters, 2 digits, a letter, 2 digits, a letter, 3 digits, the
// check letter; digits may be replaced by letters in homonym codes).
func codiceFiscaleValid(s string) bool {
	if len(s) != 16 {
		return false
	}
	const shape = "LLLLLLNNLNNLNNNL"
	odd := [26]int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}
	sum := 0
	for i := 0; i < 15; i++ {
		c := s[i]
		var v int
		switch {
		case isDigit(c):
			if shape[i] == 'L' {
				return false
			}
			v = int(c - '0')
		case isUpper(c):
			if shape[i] == 'N' && !containsByte("LMNPQRSTUV", c) {
				return false
			}
			v = int(c - 'A')
		default:
			return false
		}
		if i%2 == 0 {
			sum += odd[v]
		} else {
			sum += v
		}
	}
	return isUpper(s[15]) && int(s[15]-'A') == sum%26
}

func allSame(d []byte) bool {
	for _, v := range d {
		if v != d[0] {
			return false
		}
	}
	return true
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// nirValid: France's social-security number (NIR), 15 digits: sex, year,
// month (01-12, or 20 and over for an unknown month), place, order, and a
// key of 97 less the first thirteen digits modulo 97. Corsica's 2A/2B
// are not read.
func nirValid(d []byte) bool {
	if len(d) != 15 || d[0] != 1 && d[0] != 2 && d[0] != 7 && d[0] != 8 {
		return false
	}
	month := int(d[3])*10 + int(d[4])
	if month < 1 || month > 12 && month < 20 {
		return false
	}
	r := 0
	for _, v := range d[:13] {
		r = (r*10 + int(v)) % 97
	}
	return 97-r == int(d[13])*10+int(d[14])
}
