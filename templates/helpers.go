package templates

import (
	"context"
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

// wasmAttrs are the data-wasm and data-wasm-exec attributes of app.js's
// script tag: where app.js loads the page's wasm from (the assets.Runtime
// in ctx). Without them the page runs as plain forms.
func wasmAttrs(ctx context.Context) templ.Attributes {
	rt := assets.RuntimeFrom(ctx)
	if rt.Wasm == "" || rt.WasmExec == "" {
		return nil
	}
	return templ.Attributes{"data-wasm": rt.Wasm, "data-wasm-exec": rt.WasmExec}
}
