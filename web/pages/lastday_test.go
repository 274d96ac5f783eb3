package pages

import (
	"strings"
	"testing"
)

const qProtection = "When does Buyer Protection end for this order?"

// TestProtectionQuestionIsAskedLast: the optional question comes after the
// refund request (its date, or "not yet"), only while a dispute is still
// possible, with a hint saying where to find the date and a link past it.
func TestProtectionQuestionIsAskedLast(t *testing.T) {
	before := strings.TrimSuffix(brokenWait, "&protection_ends_on=unknown")
	for _, target := range []string{"/dispute?" + before,
		"/dispute?" + strings.Replace(before, "refund_asked=true&refund_requested_on=2026-11-20", "refund_asked=false", 1),
		"/dispute/result?" + before} {
		_, html := render(t, target)
		if h1(html) != qProtection {
			t.Fatalf("%s asks %q", target, h1(html))
		}
		has(t, html, "the order from My Orders: its details show when Buyer Protection ends")
		has(t, html, `data-testid="skip">I do not know this date</a>`)
	}
	// The link past it keeps every answer and leads to check your answers.
	_, html := render(t, "/dispute?"+before)
	has(t, html, `href="/dispute?claim=broken&amp;conduct=none&amp;paid_on_platform=true&amp;protection_ends_on=unknown&amp;refund_asked=true&amp;`)
	_, html = render(t, "/dispute?"+brokenWait)
	if h1(html) != "Check your answers" {
		t.Fatalf("after skipping: %q", h1(html))
	}
	has(t, html, `<dt class="summary-key">Buyer Protection ends</dt><dd class="summary-value">Not known</dd>`)
	// A refused claim is not asked it.
	if _, html := render(t, "/dispute?claim=no_longer_wanted"); h1(html) != "Check your answers" {
		t.Errorf("a refused claim asks %q", h1(html))
	}
	// Other steps have no link past them.
	if _, html := render(t, "/dispute?claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund&signed_before_inspection=false&refund_asked=true"); strings.Contains(html, `data-testid="skip"`) {
		t.Error("the refund date can be skipped")
	}
}

// TestProtectionDateIsTyped: a date typed as day, month and year is taken,
// a past one too (protection has ended); one that is not real is refused
// with the link past the question still there.
func TestProtectionDateIsTyped(t *testing.T) {
	before := strings.TrimSuffix(brokenWait, "&protection_ends_on=unknown")
	typed := func(d, m, y string) string {
		return "/dispute?" + before + "&submitted=protection_ends_on&protection_ends_on-day=" + d +
			"&protection_ends_on-month=" + m + "&protection_ends_on-year=" + y
	}
	_, html := render(t, typed("20", "12", "2026"))
	has(t, html, `<dd class="summary-value">Sunday 20 December 2026</dd>`)
	_, html = render(t, typed("1", "11", "2026"))
	has(t, html, `<dd class="summary-value">Sunday 1 November 2026</dd>`)
	_, html = render(t, typed("31", "11", "2026"))
	if h1(html) != qProtection {
		t.Fatalf("a date that is not real was taken: %q", h1(html))
	}
	has(t, html, "The date must be a real date")
	has(t, html, `data-testid="skip"`)
	// A value other than a date or "unknown" is not an answer.
	if _, html := render(t, "/dispute?"+before+"&protection_ends_on=soon"); h1(html) != qProtection {
		t.Errorf("protection_ends_on=soon was taken: %q", h1(html))
	}
}

// lastDay is the verdict's block about the last day.
func lastDay(t *testing.T, html string) string {
	t.Helper()
	_, after, found := strings.Cut(html, `<div data-testid="last-day"`)
	if !found {
		return ""
	}
	block, _, _ := strings.Cut(after, `</div></div>`)
	block, _, _ = strings.Cut(block, `</p></div>`)
	return block
}

// TestVerdictShowsBothDays: the earliest and the last day, both in <time>,
// and a calendar link naming both.
func TestVerdictShowsBothDays(t *testing.T) {
	_, html := render(t, "/dispute/result?"+withProtection("2026-12-20"))
	block := lastDay(t, html)
	if !strings.HasPrefix(block, ` data-state="window">`) {
		t.Fatalf("last day block %q", block)
	}
	has(t, block, `Open the dispute from <time datetime="2026-11-30">Monday 30 November 2026</time> and no later than <time datetime="2026-12-20">Sunday 20 December 2026</time>, the day Buyer Protection for this order ends.`)
	has(t, html, `data-testid="ics">Add <time datetime="2026-11-30">Monday 30 November 2026</time> and <time datetime="2026-12-20">Sunday 20 December 2026</time> to your calendar</a>`)
	if strings.Contains(html, "last-day-warning") || strings.Contains(html, "protection_ends_first") {
		t.Error("a warning for a last day that comes after the first")
	}
	// The same day: the only day.
	_, html = render(t, "/dispute/result?"+withProtection("2026-11-30"))
	has(t, lastDay(t, html), `Open the dispute on <time datetime="2026-11-30">Monday 30 November 2026</time>: Buyer Protection for this order ends that day`)
	// Eligible now: open it now, by the last day; the calendar holds that day.
	eligible := strings.Replace(withProtection("2026-12-20"), "refund_requested_on=2026-11-20", "refund_requested_on=2026-11-01", 1)
	_, html = render(t, "/dispute/result?"+eligible)
	has(t, html, `data-outcome="eligible"`)
	has(t, lastDay(t, html), `You could open the dispute from <time datetime="2026-11-11">Wednesday 11 November 2026</time>. Open it now, and no later than <time datetime="2026-12-20">Sunday 20 December 2026</time>`)
	has(t, html, `data-testid="ics">Add <time datetime="2026-12-20">Sunday 20 December 2026</time> to your calendar</a>`)
	// Not known: a reminder to check it, and the calendar has the earliest day only.
	_, html = render(t, "/dispute/result?"+brokenWait)
	has(t, lastDay(t, html), ` data-state="unknown"><p>Open the dispute before Buyer Protection for this order ends: the order’s details show when that is.`)
	has(t, html, `data-testid="ics">Add <time datetime="2026-11-30">Monday 30 November 2026</time> to your calendar</a>`)
	// A refused claim has no last day.
	if _, html := render(t, "/dispute/result?claim=no_longer_wanted&protection_ends_on=2026-12-20"); lastDay(t, html) != "" {
		t.Error("a refused claim shows a last day")
	}
}

// TestLastDayWarning: when Buyer Protection ends before the first day a
// dispute can be opened, or has ended, a warning with both dates says what
// to do and cites its source, once.
func TestLastDayWarning(t *testing.T) {
	cases := []struct{ ends, state, says string }{
		{"2026-11-27", "ends-first", `Buyer Protection for this order ends on <time datetime="2026-11-27">Friday 27 November 2026</time>, before <time datetime="2026-11-30">Monday 30 November 2026</time>, the first day a dispute can be opened. Do not wait for <time datetime="2026-11-30">Monday 30 November 2026</time>: act before <time datetime="2026-11-27">Friday 27 November 2026</time>.`},
		{"2026-11-21", "ended", `Buyer Protection for this order ended on <time datetime="2026-11-21">Saturday 21 November 2026</time>, by the date you gave.`},
	}
	for _, c := range cases {
		_, html := render(t, "/dispute/result?"+withProtection(c.ends))
		block := lastDay(t, html)
		if !strings.HasPrefix(block, ` data-state="`+c.state+`">`) {
			t.Fatalf("%s: block %q", c.ends, block)
		}
		has(t, block, `<div class="warning" data-testid="last-day-warning"><strong><span class="visually-hidden">Warning: </span>`+c.says)
		has(t, block, "contact AliExpress support")
		has(t, block, `<p class="source">Source: AliExpress Rules and Terms of Use for Buyers, Disputes, returns and buyer protection</p>`)
		if strings.Contains(html, `data-testid="warning-dispute.protection_ends_first"`) {
			t.Errorf("%s: the warning is said twice", c.ends)
		}
		if visible := tags.ReplaceAllString(html, " "); strings.Contains(visible, "dispute.protection_ends_first") {
			t.Errorf("%s: the rule id is visible", c.ends)
		}
		// The outcome and its date do not change.
		has(t, html, `data-outcome="wait"`)
		has(t, html, `<h1 data-testid="h1">You can open a dispute from <time datetime="2026-11-30">`)
	}
}
