package pages

import (
	"net/url"
	"slices"
	"strings"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
)

// carried are parameters that travel on every link and form of a wizard
// without being answers: the date under test, the widget mode and host,
// and the language the buyer chose.
var carried = []string{"today", "embed", "host", "lang"}

// MaxHostLen bounds the widget's host origin, the one carried parameter
// that is free text.
const MaxHostLen = 200

// cleanCarried returns q with the carried parameters reduced to what they
// may be, so nothing else is copied into every link and form of a page:
// today a real date, embed "1", host the origin (scheme://name[:port]) of
// an http or https address of at most MaxHostLen bytes. Others are dropped.
func cleanCarried(q url.Values) url.Values {
	out := make(url.Values, len(q))
	for k, vs := range q {
		out[k] = vs
	}
	if _, ok := assistant.ParseDate(q.Get("today")); !ok {
		delete(out, "today")
	} else {
		out["today"] = q["today"][:1]
	}
	if q.Get("embed") == "1" {
		out["embed"] = []string{"1"}
	} else {
		delete(out, "embed")
	}
	delete(out, "lang")
	if l, ok := i18n.Parse(q.Get("lang")); ok {
		out.Set("lang", string(l))
	}
	delete(out, "host")
	if h := q.Get("host"); h != "" && len(h) <= MaxHostLen {
		if u, err := url.Parse(h); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.User == nil {
			out.Set("host", u.Scheme+"://"+u.Host)
		}
	}
	return out
}

// skipped is the answer of an optional date step the buyer skipped: the
// fact stays unknown.
const skipped = "unknown"

// answered reports whether the step has a usable answer in q: one of its
// options, a real date, or skipped for a step that can be skipped.
func answered(s *step, q url.Values) bool {
	vs := q[s.Name]
	if len(vs) == 0 || vs[0] == "" {
		return false
	}
	switch s.Kind {
	case "date":
		_, ok := assistant.ParseDate(vs[0])
		return (ok || s.Skippable && vs[0] == skipped) && len(vs) == 1
	case "checkboxes":
		for _, v := range vs {
			if !hasOption(s, v) || (v == "none" && len(vs) > 1) {
				return false
			}
		}
		return true
	}
	return len(vs) == 1 && hasOption(s, vs[0]) && offered(s, vs[0], q)
}

// offered reports whether option v of s is offered for the answers in q
// (see step.ForClaims).
func offered(s *step, v string, q url.Values) bool {
	claims, only := s.ForClaims[v]
	return !only || slices.Contains(claims, q.Get("claim"))
}

func hasOption(s *step, v string) bool {
	for _, o := range s.Options {
		if o.Value == v {
			return true
		}
	}
	return false
}

// disputeFacts reads the facts from the answers; a value the wizard does
// not know counts as unknown (forms are validated when submitted).
func disputeFacts(q url.Values) assistant.Facts {
	var f assistant.Facts
	for i := range assistant.DisputeFacts {
		spec := &assistant.DisputeFacts[i]
		v := q.Get(string(spec.Name))
		switch spec.Kind {
		case assistant.KindEnum:
			spec.SetEnum(&f, v)
		case assistant.KindBool:
			if v == "true" || v == "false" {
				spec.SetBool(&f, v == "true")
			}
		case assistant.KindDate:
			if d, ok := assistant.ParseDate(v); ok {
				spec.SetDate(&f, d)
			}
		}
	}
	if q.Get("conduct") != "" {
		for _, name := range disputeSteps["conduct"].Checks {
			spec, _ := assistant.LookupFact(name)
			spec.SetBool(&f, slices.Contains(q["conduct"], name))
		}
	}
	return f
}

// disputeNext returns the id of the next unanswered step, or "" when the
// wizard has what it needs. The engine names the contract facts it needs;
// then come the facts it never asks for, while a dispute is still possible,
// the optional end of Buyer Protection last.
func disputeNext(q url.Values, today assistant.Date) string {
	f := disputeFacts(q)
	v, _ := assistant.Assess(assistant.Request{Today: today, Facts: f})
	switch v.Outcome {
	case assistant.NeedInfo:
		return string(v.NextQuestion)
	case assistant.NotEligible:
		return ""
	}
	extras := []struct {
		id   string
		when bool
	}{
		{"customs_reason", f.Claim == assistant.NotReceived && f.Tracking == assistant.TrackingSeized},
		{"conduct", true},
		{"new_evidence", f.PreviousDisputeSameReason == assistant.Yes},
		{"requested_remedy", true},
		{"signed_before_inspection", f.Claim == assistant.Broken},
		{"refund_asked", true},
		{"refund_requested_on", q.Get("refund_asked") == "true"},
		{"protection_ends_on", true},
	}
	for _, e := range extras {
		if e.when && !answered(disputeSteps[e.id], q) {
			return e.id
		}
	}
	return ""
}

// flow is a wizard: its steps and the function that picks the next one.
type flow struct {
	base  string // "/dispute" or "/checklist"
	steps map[string]*step
	next  func(q url.Values, today assistant.Date) string
}

var dispute = &flow{base: "/dispute", steps: disputeSteps, next: disputeNext}

// walk replays the answers from the start and returns the steps on the
// path in order, the answers that belong to them (stale answers from
// another branch are dropped) and the current step ("" when complete).
func (fl *flow) walk(q url.Values, today assistant.Date) (path []*step, known url.Values, current string) {
	known = url.Values{}
	for range 64 {
		id := fl.next(known, today)
		if id == "" {
			return path, known, ""
		}
		s := fl.steps[id]
		if s == nil {
			return path, known, "" // a step the wizard has no page for: treat as complete
		}
		path = append(path, s)
		if !answered(s, q) {
			return path, known, id
		}
		known[s.Name] = q[s.Name]
	}
	return path, known, ""
}

// link builds base?answers&extra, with the carried parameters.
func link(base string, answers, q url.Values, extra ...string) string {
	v := url.Values{}
	for k, vs := range answers {
		v[k] = vs
	}
	for _, k := range carried {
		if q.Get(k) != "" {
			v.Set(k, q.Get(k))
		}
	}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	if len(v) == 0 {
		return base
	}
	return base + "?" + v.Encode()
}

// without returns a copy of v without the given key.
func without(v url.Values, key string) url.Values {
	out := url.Values{}
	for k, vs := range v {
		if k != key {
			out[k] = vs
		}
	}
	return out
}

// readDate takes a date answer from its day, month and year fields. It
// returns the date, or the catalog key of a message and the part at fault.
func readDate(q url.Values, name string, today assistant.Date, notFuture bool) (date string, msg, part string) {
	day := strings.TrimSpace(q.Get(name + "-day"))
	month := strings.TrimSpace(q.Get(name + "-month"))
	year := strings.TrimSpace(q.Get(name + "-year"))
	switch {
	case day == "" && month == "" && year == "":
		return "", "wizard.date.error.empty", ""
	case day == "":
		return "", "wizard.date.error.no_day", "day"
	case month == "":
		return "", "wizard.date.error.no_month", "month"
	case year == "":
		return "", "wizard.date.error.no_year", "year"
	case len(year) != 4:
		return "", "wizard.date.error.year_digits", "year"
	}
	d, ok := assistant.ParseDate(year + "-" + pad2(month) + "-" + pad2(day))
	if !ok {
		return "", "wizard.date.error.not_real", ""
	}
	// today is the server's UTC date unless the page knows the buyer's own;
	// east of UTC the buyer's calendar may already show the next day.
	if notFuture && d.After(today.AddDays(1)) {
		return "", "wizard.date.error.future", ""
	}
	return d.String(), "", ""
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}
