package templates

import (
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"github.com/calmclaim/calmclaim/web/assets"
)

func itoa(n int) string { return strconv.Itoa(n) }

// changeLabel is a question's short label after "Change", for screen
// readers: lower-cased in English as GOV.UK writes it ("Change name");
// other languages keep their capitals (German nouns, proper names) and
// their own casing rules (Turkish dotted I).
func changeLabel(ctx context.Context, s string) string {
	if pageLang(ctx) == "en" {
		return strings.ToLower(s)
	}
	return s
}

func optionID(q Question, i int) string {
	if i == 0 {
		return q.Name // the error summary links to the first option
	}
	return q.Name + "-" + strconv.Itoa(i+1)
}

// firstInput is the id the error summary links to.
func firstInput(q Question) string {
	if q.Kind == "date" {
		part := q.ErrorPart
		if part == "" {
			part = "day"
		}
		return q.Name + "-" + part
	}
	return q.Name
}

func describedBy(q Question) string {
	var ids []string
	if q.Hint != "" {
		ids = append(ids, q.Name+"-hint")
	}
	if q.Error != "" {
		ids = append(ids, q.Name+"-error")
	}
	return strings.Join(ids, " ")
}

func optionAttrs(q Question, i int, o Option) templ.Attributes {
	a := templ.Attributes{}
	if o.Hint != "" {
		a["aria-describedby"] = optionID(q, i) + "-hint"
	}
	if o.Exclusive {
		a["data-exclusive"] = "true"
	}
	return a
}

func buttonText(ctx context.Context, s string) string {
	if s == "" {
		return T(ctx, "layout.continue")
	}
	return s
}

// dated writes text, escaped, with each mention of the date human marked
// up as <time datetime="iso">, so a verdict's dates are machine-readable.
func dated(text, human, iso string) templ.Component {
	return withDates(text, []DateText{{Text: human, ISO: iso}})
}

// withDates writes text, escaped, with each mention of each date marked up
// as <time datetime="YYYY-MM-DD">.
func withDates(text string, dates []DateText) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, markDates(text, dates))
		return err
	})
}

func markDates(text string, dates []DateText) string {
	for i, d := range dates {
		if d.Text == "" || d.ISO == "" {
			continue
		}
		parts := strings.Split(text, d.Text)
		if len(parts) == 1 {
			continue
		}
		for j := range parts {
			parts[j] = markDates(parts[j], dates[i+1:])
		}
		return strings.Join(parts, `<time datetime="`+templ.EscapeString(d.ISO)+`">`+templ.EscapeString(d.Text)+`</time>`)
	}
	return templ.EscapeString(text)
}

// wasmAttrs are the data-wasm and data-wasm-exec attributes of app.js's
// script tag: where app.js loads the page's wasm from (the assets.Runtime
// in ctx), and data-sha256-worker, the script of the worker the page's
// wasm hashes evidence in. Without them the page runs as plain forms.
func wasmAttrs(ctx context.Context) templ.Attributes {
	rt := assets.RuntimeFrom(ctx)
	if rt.Wasm == "" || rt.WasmExec == "" {
		return nil
	}
	return templ.Attributes{"data-wasm": rt.Wasm, "data-wasm-exec": rt.WasmExec, "data-sha256-worker": assets.URL("sha256-worker.js")}
}
