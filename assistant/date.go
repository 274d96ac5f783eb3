package assistant

import "strconv"

// Date is a calendar date with no time of day and no time zone. The zero
// Date means "unknown". Dates compare with <, <= and ==, and AddDays moves by
// whole calendar days.
type Date struct {
	n int32 // days since 0000-03-01 in the proleptic Gregorian calendar, plus 1; 0 is unknown
}

// MakeDate returns the date y-m-d and whether it exists on the calendar
// (2026-02-29 does not). Years are limited to 1..9999.
func MakeDate(y, m, d int) (Date, bool) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return Date{}, false
	}
	return Date{n: int32(civilToDays(y, m, d)) + 1}, true
}

// ParseDate reads a date written exactly as YYYY-MM-DD. It reports false for
// any other shape and for dates that do not exist (2026-02-30, 2025-02-29).
func ParseDate(s string) (Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, false
	}
	return MakeDate(y, m, d)
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.n == 0 }

// AddDays returns the date n calendar days later (earlier for negative n).
// An unknown date stays unknown.
func (d Date) AddDays(n int) Date {
	if d.n == 0 {
		return d
	}
	return Date{n: d.n + int32(n)}
}

// Before reports whether d is strictly earlier than e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is strictly later than e.
func (d Date) After(e Date) bool { return d.n > e.n }

// Sub returns the number of calendar days from e to d.
func (d Date) Sub(e Date) int { return int(d.n - e.n) }

// YMD returns the year, month and day of a known date.
func (d Date) YMD() (y, m, day int) { return daysToCivil(int(d.n - 1)) }

// Weekday returns 0 for Sunday through 6 for Saturday.
func (d Date) Weekday() int {
	// 0000-03-01 was a Wednesday.
	return (int(d.n-1)%7 + 7 + 3) % 7
}

// Later returns the later of two dates; an unknown date loses.
func Later(a, b Date) Date {
	if a.n >= b.n {
		return a
	}
	return b
}

// String formats the date as YYYY-MM-DD, or "" when unknown.
func (d Date) String() string {
	if d.n == 0 {
		return ""
	}
	var b [10]byte
	return string(d.AppendTo(b[:0]))
}

// AppendTo appends the YYYY-MM-DD form of a known date to b.
func (d Date) AppendTo(b []byte) []byte {
	y, m, day := d.YMD()
	if y > 9999 { // only reachable by adding days to 9999-12-31
		b = strconv.AppendInt(b, int64(y/10000), 10)
		y %= 10000
	}
	return append(b,
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-',
		byte('0'+day/10), byte('0'+day%10))
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// civilToDays and daysToCivil count days from 0000-03-01, the algorithm of
// Howard Hinnant's "chrono-compatible low-level date algorithms" restricted
// to non-negative years.
func civilToDays(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe
}

func daysToCivil(z int) (y, m, d int) {
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = (mp+2)%12 + 1
	if m <= 2 {
		y++
	}
	return y, m, d
}
