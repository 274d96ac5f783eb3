package bundle

import (
	"html"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/calmclaim/calmclaim/i18n/enginetext"
)

// ManifestFormat names the manifest's shape; it changes only with a
// change that is not additive.
const ManifestFormat = "calmclaim-evidence-bundle/1"

// appendManifest appends manifest.json: the case (claim, outcome, rule ids,
// dates) and every file with its SHA-256 as stored. original_name is null
// unless names is set (Options.OriginalNames).
func appendManifest(b []byte, c *Case, files []File, names bool) []byte {
	v := &c.Verdict
	b = append(b, "{\n  \"format\": "...)
	b = appendQuoted(b, ManifestFormat)
	b = append(b, ",\n  \"created\": "...)
	b = appendStrOrNull(b, c.Created.String())
	b = append(b, ",\n  \"claim\": "...)
	b = appendStrOrNull(b, string(c.Facts.Claim))
	b = append(b, ",\n  \"outcome\": "...)
	b = appendStrOrNull(b, string(v.Outcome))
	b = append(b, ",\n  \"rules\": ["...)
	for i, r := range v.Rules {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendQuoted(b, r.ID)
	}
	b = append(b, "],\n  \"remedy\": "...)
	b = appendStrOrNull(b, string(v.Remedy))
	b = append(b, ",\n  \"dates\": {\"refund_requested_on\": "...)
	b = appendStrOrNull(b, c.Facts.RefundRequestedOn.String())
	b = append(b, ", \"delivery_deadline\": "...)
	b = appendStrOrNull(b, c.Facts.DeliveryDeadline.String())
	b = append(b, ", \"earliest_dispute_date\": "...)
	b = appendStrOrNull(b, v.EarliestDate.String())
	b = append(b, "},\n  \"files\": ["...)
	for i, f := range files {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n    {\"name\": "...)
		b = appendQuoted(b, f.Name)
		b = append(b, ", \"evidence_id\": "...)
		b = appendQuoted(b, string(f.EvidenceID))
		b = append(b, ", \"original_name\": "...)
		if names {
			b = appendQuoted(b, f.OriginalName)
		} else {
			b = append(b, "null"...)
		}
		b = append(b, ", \"size\": "...)
		b = strconv.AppendInt(b, f.Size, 10)
		b = append(b, ", \"media_type\": "...)
		b = appendQuoted(b, f.MediaType)
		b = append(b, ", \"sha256\": "...)
		b = appendQuoted(b, f.SHA256)
		b = append(b, ", \"metadata_removed\": "...)
		b = strconv.AppendBool(b, f.MetadataRemoved)
		b = append(b, ", \"metadata_items_removed\": "...)
		b = strconv.AppendInt(b, int64(f.Removed), 10)
		b = append(b, ", \"truncated\": "...)
		b = strconv.AppendBool(b, f.Truncated)
		b = append(b, ", \"stored_as_is\": "...)
		b = strconv.AppendBool(b, f.AsIs)
		b = append(b, '}')
	}
	if len(files) > 0 {
		b = append(b, "\n  "...)
	}
	b = append(b, "],\n  \"missing_evidence\": ["...)
	for i, e := range missing(c, files) {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendQuoted(b, string(e.ID))
	}
	return append(b, "]\n}\n"...)
}

// missing returns the required evidence of the verdict with no file.
func missing(c *Case, files []File) []assistant.Evidence {
	var out []assistant.Evidence
	for _, e := range c.Verdict.Evidence {
		if e.Required && !slices.ContainsFunc(files, func(f File) bool { return f.EvidenceID == e.ID }) {
			out = append(out, e)
		}
	}
	return out
}

func appendStrOrNull(b []byte, s string) []byte {
	if s == "" {
		return append(b, "null"...)
	}
	return appendQuoted(b, s)
}

const hexDigits = "0123456789abcdef"

// appendQuoted appends s as a JSON string; invalid UTF-8 becomes U+FFFD.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, '\\', 'n')
		case r < 0x20 || r == '<' || r == '>' || r == '&' || r == 0x2028 || r == 0x2029:
			b = append(b, '\\', 'u', hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}

// summaryCSS is the only styling: inline, printable, no external files.
const summaryCSS = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.75rem 0 .5rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #e2e2e2}
th{font-weight:600;background:#f4f4f4}.hash{font:12px/1.3 ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
.desc{white-space:pre-wrap;background:#fafafa;border:1px solid #e2e2e2;padding:.75rem 1rem}.muted{color:#555}
.warn{color:#8a3b00}ul{padding-left:1.25rem}td,th{overflow-wrap:anywhere}
@media (max-width:40rem){table,tbody,tr,th,td{display:block}tr{border-bottom:1px solid #ccc;padding:.25rem 0}th,td{border:0;padding:.15rem 0}th{background:none}.files tr:first-child{display:none}}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}tr{break-inside:avoid}.desc{background:none}}`

// appendSummary appends summary.html: a self-contained page to print or
// keep, in the case's language, with every piece of text HTML-escaped.
func appendSummary(b []byte, c *Case, files []File) []byte {
	p := i18n.For(c.Lang)
	e := html.EscapeString
	t := func(key string, args ...string) string { return e(p.T(key, args...)) }
	date := func(d assistant.Date) string { return describe.LongDate(p, d) }
	var s strings.Builder
	w := s.WriteString
	v := &c.Verdict
	claim := "summary.claim.other"
	if c.Facts.Claim != "" && p.Has("summary.claim."+string(c.Facts.Claim)) {
		claim = "summary.claim." + string(c.Facts.Claim)
	}
	title := t("summary.title", "claim", p.T(claim))
	w("<!DOCTYPE html>\n<html lang=\"" + e(string(p.Lang)) + "\" dir=\"" + p.Lang.Dir() + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	w("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
	w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	w("<title>" + title + "</title>\n<style>\n" + summaryCSS + "\n</style>\n</head>\n<body>\n")
	w("<h1>" + title + "</h1>\n")
	w("<p class=\"muted\">" + t("summary.prepared", "date", date(c.Created)) + "</p>\n")

	w("<h2>" + t("summary.case") + "</h2>\n<table>\n")
	d := &c.Details
	for _, row := range [][2]string{{"summary.order", d.Order}, {"summary.item", d.ItemWords()}, {"summary.store", d.Store},
		{"summary.paid", d.PaidIn(p)}, {"summary.ordered_on", date(d.OrderedOn)}} {
		if row[1] != "" {
			w("<tr><th>" + t(row[0]) + "</th><td>" + e(row[1]) + "</td></tr>\n")
		}
	}
	w("<tr><th>" + t("summary.assessment") + "</th><td data-outcome=\"" + e(string(v.Outcome)) + "\">" + t("summary.outcome."+string(v.Outcome)) + "</td></tr>\n")
	if v.Remedy != "" {
		w("<tr><th>" + t("summary.remedy") + "</th><td>" + t("summary.remedy."+string(v.Remedy)) + "</td></tr>\n")
	}
	// Buyers read words: rule ids stay in data attributes and manifest.json.
	for i := range v.Rules {
		r := v.Rules[i]
		head := t("summary.why")
		if i > 0 {
			head = t("summary.also")
		}
		w("<tr data-rule=\"" + e(r.ID) + "\"><th>" + head + "</th><td>" + e(enginetext.RuleSummary(p, r)) + "<br><span class=\"muted\">" + t("summary.source", "source", r.SourceFor(v.Claim)) + "</span></td></tr>\n")
	}
	for _, r := range v.Warnings {
		w("<tr data-rule=\"" + e(r.ID) + "\"><th class=\"warn\">" + t("summary.warning") + "</th><td>" + e(enginetext.RuleSummary(p, r)) + "</td></tr>\n")
	}
	w("</table>\n")

	type event struct {
		d    assistant.Date
		what string
	}
	events := []event{
		{c.Facts.DeliveryDeadline, "summary.event.delivery_deadline"},
		{c.Facts.RefundRequestedOn, "summary.event.refund_requested"},
		{v.EarliestDate, "summary.event.earliest"},
		{c.Created, "summary.event.prepared"},
	}
	slices.SortStableFunc(events, func(a, b event) int { return a.d.Sub(b.d) })
	w("<h2>" + t("summary.timeline") + "</h2>\n<table>\n")
	for _, ev := range events {
		if !ev.d.IsZero() {
			w("<tr><th>" + e(date(ev.d)) + "</th><td>" + t(ev.what) + "</td></tr>\n")
		}
	}
	w("</table>\n")

	if strings.TrimSpace(c.Description) != "" {
		w("<h2>" + t("summary.description") + "</h2>\n<div class=\"desc\">" + e(c.Description) + "</div>\n")
	}

	w("<h2>" + t("summary.files") + "</h2>\n")
	if len(files) == 0 {
		w("<p>" + t("summary.no_files") + "</p>\n")
	} else {
		w("<table class=\"files\">\n<tr><th>" + t("summary.col.file") + "</th><th>" + t("summary.col.evidence") + "</th><th>" +
			t("summary.col.size") + "</th><th>" + t("summary.col.sha256") + "</th></tr>\n")
		for _, f := range files {
			w("<tr><td>" + e(f.Name))
			if f.OriginalName != "" {
				w("<br><span class=\"muted\">" + t("summary.was", "name", f.OriginalName) + "</span>")
			}
			w("</td><td>" + e(describe.EvidencePhrase(p, f.EvidenceID)) + "<br><span class=\"muted\">" + e(f.MediaType))
			switch {
			case f.Truncated:
				w("; " + t("summary.file.truncated"))
			case f.MetadataRemoved:
				w("; " + t("summary.file.cleaned"))
			default:
				w("; " + t("summary.file.as_is"))
			}
			w("</span></td><td>" + e(sizeWords(p, f.Size)) + "</td><td class=\"hash\">" + e(f.SHA256) + "</td></tr>\n")
		}
		w("</table>\n")
		if slices.ContainsFunc(files, func(f File) bool { return !f.MetadataRemoved }) {
			w("<p class=\"warn\">" + t("summary.as_is_warning") + "</p>\n")
		}
	}

	w("<h2>" + t("summary.missing") + "</h2>\n")
	if m := missing(c, files); len(m) == 0 {
		w("<p>" + t("summary.none_missing") + "</p>\n")
	} else {
		w("<ul>\n")
		for i := range m {
			ev := m[i]
			w("<li><strong>" + e(describe.EvidencePhrase(p, ev.ID)) + "</strong>: " + e(enginetext.EvidenceWhy(p, v.Claim, &ev)) + "</li>\n")
		}
		w("</ul>\n")
	}
	check := t("summary.check_hash")
	check = strings.Replace(check, "{cmd1}", "<code>sha256sum</code>", 1)
	check = strings.Replace(check, "{cmd2}", "<code>certutil -hashfile FILE SHA256</code>", 1)
	w("<p class=\"muted\">" + check + "</p>\n")
	w("</body>\n</html>\n")
	return append(b, s.String()...)
}

// sizeWords writes a size for people: "812 bytes", "1.4 MB".
func sizeWords(p *i18n.Printer, n int64) string {
	const unit = 1000
	if n < unit {
		return p.N("summary.bytes", int(n))
	}
	f := float64(n)
	for _, u := range []string{"kB", "MB", "GB", "TB"} {
		f /= unit
		if f < unit || u == "TB" {
			return strconv.FormatFloat(f, 'f', 1, 64) + " " + u
		}
	}
	return ""
}
