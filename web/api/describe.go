package api

import (
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/tidwall/gjson"
)

// MaxEvidenceItems is the longest evidence list a describe request may
// carry; the contract has twelve ids, so more is a mistake.
const MaxEvidenceItems = 64

// DescribeRequest is a decoded POST /api/v1/describe body.
type DescribeRequest struct {
	Request  assistant.Request // today and the facts, as for /api/v1/assess
	Story    describe.Story
	Evidence []assistant.EvidenceID
	Details  describe.Details // the order's details, if the buyer gave them
	// Lang is the buyer's language (findings, note, reason, alternatives),
	// TextLang the language the description or message is written in;
	// both optional ("lang", "text_lang"), English by default, text_lang
	// defaulting to lang.
	Lang, TextLang i18n.Lang
}

// readLangs reads the optional "lang" and "text_lang" of a describe,
// message or review request, each one of the languages we speak.
func readLangs(root gjson.Result) (lang, text i18n.Lang, err *assistant.Error) {
	p, err := readLang(root, "")
	if err != nil {
		return "", "", err
	}
	if p != nil {
		lang = p.Lang
	}
	v := root.Get("text_lang")
	if !v.Exists() || v.Type == gjson.Null {
		return lang, "", nil
	}
	if v.Type == gjson.String {
		if l, ok := i18n.Parse(v.Str); ok {
			return lang, l, nil
		}
	}
	return "", "", invalid("text_lang", "must be one of: "+langValues())
}

// DecodeDescribe reads a POST /api/v1/describe body:
//
//	{"marketplace", "today", "facts": {...},
//	 "story": {"ordered", "received", "difference", "requested"},
//	 "evidence": ["photos_item", ...],
//	 "details": {"order", "item", "option", "store", "amount", "currency", "ordered_on"},
//	 "lang": "pl", "text_lang": "en"}
//
// marketplace, today and facts read as for /api/v1/assess; details are the
// order's details, each optional and validated (describe.ReadDetails). story and each
// of its fields, and evidence, may be absent or null. A story field must
// be a string of at most describe.MaxFieldRunes characters; evidence a
// list of known evidence ids. now supplies the default for "today".
func DecodeDescribe(body []byte, now time.Time) (DescribeRequest, *assistant.Error) {
	var req DescribeRequest
	root, facts, today, err := readEnvelope(body, now)
	if err != nil {
		return req, err
	}
	req.Request.Today = today
	if req.Request.Facts, err = readDisputeFacts(facts, "facts."); err != nil {
		return req, err
	}
	if req.Details, err = readDetails(root, today); err != nil {
		return req, err
	}
	if req.Lang, req.TextLang, err = readLangs(root); err != nil {
		return req, err
	}
	story, err := readObject(root, "story")
	if err != nil {
		return req, err
	}
	for _, f := range describe.Fields {
		v := story.Get(string(f))
		if !v.Exists() || v.Type == gjson.Null {
			continue
		}
		field := "story." + string(f)
		if v.Type != gjson.String {
			return req, invalid(field, "must be a string")
		}
		if utf8.RuneCountInString(v.Str) > describe.MaxFieldRunes {
			return req, invalid(field, "must be at most "+strconv.Itoa(describe.MaxFieldRunes)+" characters")
		}
		switch f {
		case describe.FieldOrdered:
			req.Story.Ordered = v.Str
		case describe.FieldReceived:
			req.Story.Received = v.Str
		case describe.FieldDifference:
			req.Story.Difference = v.Str
		case describe.FieldRequested:
			req.Story.Requested = v.Str
		}
	}
	ev := root.Get("evidence")
	if !ev.Exists() || ev.Type == gjson.Null {
		return req, nil
	}
	if !ev.IsArray() {
		return req, invalid("evidence", "must be a list of evidence ids")
	}
	i := 0
	ev.ForEach(func(_, v gjson.Result) bool {
		field := "evidence[" + strconv.Itoa(i) + "]"
		switch {
		case i >= MaxEvidenceItems:
			err = invalid("evidence", "must list at most "+strconv.Itoa(MaxEvidenceItems)+" ids")
		case v.Type != gjson.String:
			err = invalid(field, "must be a string")
		case !assistant.ValidEvidenceID(v.Str):
			err = invalid(field, "unknown evidence id")
		default:
			req.Evidence = append(req.Evidence, assistant.EvidenceID(v.Str))
		}
		i++
		return err == nil
	})
	return req, err
}

// AppendDescription appends the answer of /api/v1/describe:
//
//	{"text": "..." | null, "parts": [{"id", "heading", "text"}],
//	 "findings": [{"id", "field", "excerpt", "suggestion"}],
//	 "verdict": {... as /api/v1/assess ...},
//	 "date": "YYYY-MM-DD" | null, "note": "..." | null,
//	 "reason": "..." | null, "alternatives": [{"id", "text"}],
//	 "attached": [ids], "missing_evidence": [ids]}
//
// text is null when the verdict gets no dispute text (not_eligible,
// need_info); reason and alternatives then say why and what to do.
// A finding's field is the request's path ("story.difference").
func AppendDescription(b []byte, today assistant.Date, v *assistant.Verdict, d *describe.Description) []byte {
	w := jsonw{b: b}
	w.open('{')
	w.key("text")
	w.strOrNull(d.Text)
	w.key("parts")
	w.open('[')
	for _, p := range d.Parts {
		w.open('{')
		w.key("id")
		w.str(p.ID)
		w.key("heading")
		w.str(p.Heading)
		w.key("text")
		w.str(p.Text)
		w.close('}')
	}
	w.close(']')
	writeFindings(&w, d.Findings, storyPath)
	w.key("verdict")
	w.sep()
	w.b = AppendVerdict(w.b, today, v)
	w.key("date")
	w.strOrNull(d.Date.String())
	w.key("note")
	w.strOrNull(d.Note)
	w.key("reason")
	w.strOrNull(d.Reason)
	w.key("alternatives")
	w.open('[')
	for _, a := range d.Alternatives {
		w.open('{')
		w.key("id")
		w.str(a.ID)
		w.key("text")
		w.str(a.Text)
		w.close('}')
	}
	w.close(']')
	w.key("attached")
	w.open('[')
	for _, id := range d.Attached {
		w.str(string(id))
	}
	w.close(']')
	w.key("missing_evidence")
	w.open('[')
	for _, id := range d.Missing {
		w.str(string(id))
	}
	w.close(']')
	w.close('}')
	return w.b
}

// writeFindings writes "findings": [{"id", "field", "excerpt",
// "suggestion"}], field being the request's path of the finding's field.
func writeFindings(w *jsonw, findings []describe.Finding, path func(describe.Field) string) {
	w.key("findings")
	w.open('[')
	for _, f := range findings {
		w.open('{')
		w.key("id")
		w.str(f.ID)
		w.key("field")
		w.str(path(f.Field))
		w.key("excerpt")
		w.str(f.Excerpt)
		w.key("suggestion")
		w.str(f.Suggestion)
		w.close('}')
	}
	w.close(']')
}

// storyPath is the request path of a story field: "story.difference".
func storyPath(f describe.Field) string { return "story." + string(f) }
