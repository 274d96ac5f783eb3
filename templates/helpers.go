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

func lower(s string) string { return strings.ToLower(s) }

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

func buttonText(s string) string {
	if s == "" {
		return "Continue"
	}
	return s
}

// dated writes text, escaped, with each mention of the date human marked
// up as <time datetime="iso">, so a verdict's dates are machine-readable.
func dated(text, human, iso string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		parts := []string{text}
		if human != "" && iso != "" {
			parts = strings.Split(text, human)
		}
		var b strings.Builder
		for i, part := range parts {
			if i > 0 {
				b.WriteString(`<time datetime="` + templ.EscapeString(iso) + `">` + templ.EscapeString(human) + `</time>`)
			}
			b.WriteString(templ.EscapeString(part))
		}
		_, err := io.WriteString(w, b.String())
		return err
	})
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
