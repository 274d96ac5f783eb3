package assistant

import (
	"testing"
	"time"
)

func TestParseDateRejectsImpossibleDates(t *testing.T) {
	for _, s := range []string{"", "2026-02-29", "2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
		"2026-11-00", "0000-01-01", "26-11-22", "2026/11/22", "2026-11-2x", "2026-11-221", " 2026-11-22", "２０２６-11-22"} {
		if _, ok := ParseDate(s); ok {
			t.Errorf("ParseDate(%q) accepted an impossible date", s)
		}
	}
	for _, s := range []string{"2024-02-29", "2000-02-29", "2026-12-31", "0001-01-01", "9999-12-31"} {
		d, ok := ParseDate(s)
		if !ok || d.String() != s {
			t.Errorf("ParseDate(%q) = %v, %v", s, d, ok)
		}
	}
}

// TestDateMatchesTimePackage walks every day of four centuries and checks
// the calendar arithmetic against the standard library.
func TestDateMatchesTimePackage(t *testing.T) {
	start := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	d0, _ := MakeDate(1900, 1, 1)
	for i := 0; i < 400*366; i += 1 {
		want := start.AddDate(0, 0, i)
		got := d0.AddDays(i)
		if got.String() != want.Format("2006-01-02") {
			t.Fatalf("day %d: got %s, want %s", i, got, want.Format("2006-01-02"))
		}
		if got.Weekday() != int(want.Weekday()) {
			t.Fatalf("%s: weekday %d, want %d", got, got.Weekday(), want.Weekday())
		}
		if p, ok := ParseDate(got.String()); !ok || p != got {
			t.Fatalf("round trip of %s failed", got)
		}
	}
}

func TestDateArithmeticAcrossBoundaries(t *testing.T) {
	cases := []struct {
		from string
		n    int
		want string
	}{
		{"2026-01-31", 1, "2026-02-01"},
		{"2026-12-25", 10, "2027-01-04"},
		{"2024-02-19", 10, "2024-02-29"},
		{"2024-02-28", 1, "2024-02-29"},
		{"2025-02-28", 1, "2025-03-01"},
		{"2100-02-28", 1, "2100-03-01"},
		{"2000-02-28", 1, "2000-02-29"},
		{"2026-03-01", -1, "2026-02-28"},
	}
	for _, c := range cases {
		d, _ := ParseDate(c.from)
		if got := d.AddDays(c.n).String(); got != c.want {
			t.Errorf("%s + %d = %s, want %s", c.from, c.n, got, c.want)
		}
	}
	var unknown Date
	if !unknown.AddDays(5).IsZero() || unknown.String() != "" {
		t.Error("an unknown date must stay unknown")
	}
}

func TestDateBeyondYear9999PrintsAllDigits(t *testing.T) {
	d, _ := ParseDate("9999-12-31")
	if got := d.AddDays(10).String(); got != "10000-01-10" {
		t.Errorf("got %s", got)
	}
}
