// Package pages renders Calmclaim's wizard pages from a path and a query.
// It has no net/http in it: the HTTP handler and the browser wasm both call
// Render, so a step looks and behaves the same with or without JavaScript.
// All state is in the query; nothing is stored.
package pages

import (
	"context"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/a-h/templ"
	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/calmclaim/calmclaim/templates"
	"github.com/calmclaim/calmclaim/web/assets"
)

// Request is one page request.
type Request struct {
	Path  string
	Query url.Values
	// Today is the current date, used unless the query carries "today".
	Today assistant.Date
	// Form is a POSTed form (the story on the evidence page), if any.
	Form url.Values
	// Runtime is where app.js finds the page's wasm; the zero value leaves
	// it out (the browser's own rendering, which keeps the page's <head>).
	Runtime assets.Runtime
	// Lang is the language the browser asks for (Accept-Language) or the
	// buyer chose before (remembered); a "lang" in the query wins over it.
	Lang i18n.Lang
}

// Response says how to send what Render wrote.
type Response struct {
	Status      int
	ContentType string
	// Filename, when set, asks the browser to download the body.
	Filename string
	// Location, when set, is a redirect (303) and nothing was written.
	Location string
}

const htmlType = "text/html; charset=utf-8"

// Routes lists the paths Render answers.
var Routes = []string{"/", "/dispute", "/dispute/result", "/dispute/evidence", "/dispute/calendar.ics",
	"/checklist", "/checklist/result", "/demo/help-article", "/review", "/dispute/message"}

// Render writes the page for r to w.
func Render(ctx context.Context, w io.Writer, r Request) (Response, error) {
	ctx = assets.WithRuntime(ctx, r.Runtime)
	q := cleanCarried(r.Query)
	lang := r.Lang
	if l, ok := i18n.Parse(q.Get("lang")); ok {
		lang = l
	}
	p := i18n.For(lang)
	ctx = i18n.With(ctx, p)
	ctx = templates.WithLanguages(ctx, languageLinks(r.Path, q, lang))
	today := r.Today
	if d, ok := assistant.ParseDate(q.Get("today")); ok {
		today = d
	}
	embed := q.Get("embed") == "1"
	ok := Response{Status: 200, ContentType: htmlType}
	var c templ.Component
	switch r.Path {
	case "/":
		c = templates.StartPage(templates.Start{Page: templates.Page{Title: p.T("page.title.start"), Embedded: embed}})
	case "/dispute":
		c = dispute.page(p, q, today, embed)
	case "/dispute/result":
		c = disputeResult(p, q, today, embed)
	case "/dispute/evidence":
		c = evidencePage(p, q, r.Form, today, embed)
	case "/dispute/calendar.ics":
		// A POSTed form (JavaScript off, from the details page) may carry
		// the order number, never the address.
		order := ""
		if d, errs := describe.ReadDetails(r.Form.Get, today); len(errs) == 0 {
			order = d.Order
		}
		data, name := calendar(p, q, today, order)
		if data == "" {
			return Response{Location: link("/dispute/result", q, nil)}, nil
		}
		_, err := io.WriteString(w, data)
		return Response{Status: 200, ContentType: "text/calendar; charset=utf-8", Filename: name}, err
	case "/checklist":
		c = checklist.page(p, q, today, embed)
	case "/checklist/result":
		c = checklistResult(p, q, today, embed)
	case "/dispute/message":
		c = messagePage(p, q, r.Form, today, embed)
	case "/review":
		c = reviewPage(p, r.Form, embed)
	case "/demo/help-article":
		c = templates.DemoPage(templates.Demo{Page: templates.Page{Title: p.T("page.title.demo")},
			Script: "/static/embed.js"})
	default:
		ok.Status = 404
		c = templates.NotFoundPage(templates.Page{Title: p.T("page.title.not_found"), Embedded: embed})
	}
	return ok, c.Render(ctx, w)
}

// page renders the current step of a wizard, or its check-your-answers
// page when every step is answered. A submitted step that cannot be used
// is shown again with an error.
func (fl *flow) page(p *i18n.Printer, q url.Values, today assistant.Date, embed bool) templ.Component {
	q = normalizeDates(fl, q, today)
	path, known, current := fl.walk(q, today)
	at := q.Get("at")
	if s := fl.steps[at]; s != nil && onPath(path, at) {
		return fl.question(p, s, q, path, known, today, embed, "")
	}
	if current != "" {
		s := fl.steps[current]
		msg := ""
		if q.Get("submitted") == current {
			msg = p.T(errorFor(s, q, today))
		}
		return fl.question(p, s, q, path, known, today, embed, msg)
	}
	return fl.check(p, q, path, known, today, embed)
}

func onPath(path []*step, id string) bool {
	for _, s := range path {
		if s.ID == id {
			return true
		}
	}
	return false
}

// normalizeDates turns a submitted date's day, month and year fields into
// the date answer, when they make a real date.
func normalizeDates(fl *flow, q url.Values, today assistant.Date) url.Values {
	s := fl.steps[q.Get("submitted")]
	if s == nil || s.Kind != "date" {
		return q
	}
	date, msg, _ := readDate(q, s.Name, today, s.NotFuture)
	if msg != "" {
		return without(q, s.Name) // the error shows on the step
	}
	out := without(q, s.Name)
	out.Set(s.Name, date)
	return out
}

// errorFor is the catalog key of the message for a submitted step without
// a usable answer.
func errorFor(s *step, q url.Values, today assistant.Date) string {
	switch s.Kind {
	case "date":
		_, msg, _ := readDate(q, s.Name, today, s.NotFuture)
		if msg == "" {
			msg = "wizard.date.error.enter_real"
		}
		return msg
	case "checkboxes":
		if len(q[s.Name]) > 1 && contains(q[s.Name], "none") {
			return "wizard.error.checkboxes_none"
		}
		return "wizard.error.checkboxes"
	}
	return "wizard.error.select"
}

func contains(vs []string, v string) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// question renders one step. The back link goes to the step before it on
// the path (or the start page), with every answer kept.
func (fl *flow) question(p *i18n.Printer, s *step, q url.Values, path []*step, known url.Values, today assistant.Date, embed bool, msg string) templ.Component {
	back := "/"
	if embed {
		back = ""
	}
	for i, ps := range path {
		if ps.ID == s.ID && i > 0 {
			back = link(fl.base, known, q, "at", path[i-1].ID)
		}
	}
	if q.Get("change") == "1" {
		back = link(fl.base, known, q) // a change from check your answers returns there
	}
	if s.Kind == "stop" {
		return stopPage(p, s, q, known, back, embed)
	}
	caption := p.T("wizard.caption.dispute")
	if fl == checklist {
		caption = p.T("wizard.caption.checklist")
	}
	title := s.title(p)
	qp := templates.Question{
		Page:    templates.Page{Title: title, Back: back, Embedded: embed},
		Action:  fl.base,
		Step:    s.ID,
		Heading: title,
		Name:    s.Name,
		Kind:    s.Kind,
		Caption: caption,
		Hint:    s.hint(p),
		Error:   msg,
	}
	if msg != "" {
		qp.Title = errorTitle(p, title)
	}
	qp.Hidden = hiddenAnswers(s, q, known)
	current := q[s.Name]
	for _, o := range s.Options {
		if !offered(s, o.Value, known) {
			continue
		}
		o = option(p, o)
		o.Checked = contains(current, o.Value)
		qp.Options = append(qp.Options, o)
	}
	qp.Help = s.help(p)
	if s.Skippable {
		answers := without(known, s.Name)
		answers.Set(s.Name, skipped)
		qp.Skip = &templates.Skip{Label: p.T(s.Key + ".skip"), Href: link(fl.base, answers, q)}
	}
	if s.Kind == "date" {
		if d, ok := assistant.ParseDate(q.Get(s.Name)); ok {
			y, m, day := d.YMD()
			qp.Day, qp.Month, qp.Year = itoa(day), itoa(m), itoa(y)
		} else {
			qp.Day, qp.Month, qp.Year = q.Get(s.Name+"-day"), q.Get(s.Name+"-month"), q.Get(s.Name+"-year")
			if msg != "" {
				_, _, qp.ErrorPart = readDate(q, s.Name, today, s.NotFuture)
			}
		}
	}
	return templates.QuestionPage(qp)
}

// hiddenAnswers are the answers a step's form carries forward (all but its
// own) and the carried parameters, sorted by name.
func hiddenAnswers(s *step, q, known url.Values) []templates.Hidden {
	var h []templates.Hidden
	for k, vs := range without(known, s.Name) {
		for _, v := range vs {
			h = append(h, templates.Hidden{Name: k, Value: v})
		}
	}
	for _, k := range carried {
		if q.Get(k) != "" {
			h = append(h, templates.Hidden{Name: k, Value: q.Get(k)})
		}
	}
	if q.Get("change") == "1" { // still changing an answer from check your answers
		h = append(h, templates.Hidden{Name: "change", Value: "1"})
	}
	sortHidden(h)
	return h
}

func sortHidden(h []templates.Hidden) {
	for i := 1; i < len(h); i++ {
		for j := i; j > 0 && h[j].Name < h[j-1].Name; j-- {
			h[j], h[j-1] = h[j-1], h[j]
		}
	}
}

// check renders check-your-answers: each answer with a link to change it.
func (fl *flow) check(p *i18n.Printer, q url.Values, path []*step, known url.Values, today assistant.Date, embed bool) templ.Component {
	c := templates.Check{Page: templates.Page{Title: p.T("page.title.check"), Embedded: embed}}
	if len(path) > 0 {
		c.Back = link(fl.base, known, q, "at", path[len(path)-1].ID)
	}
	for _, s := range path {
		if s.Kind == "stop" {
			continue // going on past a stop is a choice, not an answer
		}
		c.Answers = append(c.Answers, templates.Answer{Key: s.ID, Label: s.short(p), Value: answerText(p, s, known),
			Change: link(fl.base, known, q, "at", s.ID, "change", "1")})
	}
	c.Submit = link(fl.base+"/result", known, q)
	return templates.CheckPage(c)
}

// answerText is an answer in the words of its option.
func answerText(p *i18n.Printer, s *step, q url.Values) string {
	if s.Kind == "date" {
		if q.Get(s.Name) == skipped {
			return p.T(s.Key + ".skip_answer")
		}
		d, _ := assistant.ParseDate(q.Get(s.Name))
		return longDate(p, d)
	}
	var out []string
	for _, o := range s.Options {
		if contains(q[s.Name], o.Value) {
			out = append(out, p.T(o.Label))
		}
	}
	return strings.Join(out, "; ")
}

// longDate writes d as the language's full date with its weekday
// ("Wednesday 2 December 2026"), "" for no date.
func longDate(p *i18n.Printer, d assistant.Date) string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.YMD()
	return p.DateFull(y, m, day, d.Weekday())
}

// errorTitle is a page's title when its form has an error.
func errorTitle(p *i18n.Printer, title string) string {
	return p.T("page.title.error", "title", title)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// languageLinks are the language switcher's links: this page in each
// language, with the answers in the address (a posted form's words are
// not carried: they are never put in an address).
func languageLinks(path string, q url.Values, current i18n.Lang) []templates.LangLink {
	if path == "/dispute/calendar.ics" {
		return nil
	}
	if !slices.Contains(Routes, path) {
		// A page we do not have: its address is the buyer's (or anyone's)
		// typing, never echoed into links; the switcher offers the start.
		path, q = "/", nil
	}
	out := make([]templates.LangLink, 0, len(i18n.Langs))
	for _, l := range i18n.Langs {
		v := make(url.Values, len(q))
		for k, vs := range q {
			if k != "submitted" {
				v[k] = vs
			}
		}
		v.Set("lang", string(l))
		out = append(out, templates.LangLink{Lang: string(l), Name: i18n.For(l).T("lang.name"),
			Href: path + "?" + v.Encode(), Current: l == current})
	}
	return out
}
