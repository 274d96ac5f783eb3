//go:build js && wasm

package main

import (
	"runtime"
	"syscall/js"
	"time"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/web/api"
)

func main() {
	cc := js.Global().Get("Calmclaim")
	if cc.Type() != js.TypeObject {
		cc = js.Global().Get("Object").New()
		js.Global().Set("Calmclaim", cc)
	}
	json := js.Global().Get("JSON")
	jsonCall := func(fn func([]byte, time.Time) ([]byte, *assistant.Error)) js.Func {
		return js.FuncOf(func(_ js.Value, args []js.Value) any {
			body := "{}"
			if len(args) > 0 && args[0].Type() == js.TypeString {
				body = args[0].String()
			} else if len(args) > 0 && !args[0].IsUndefined() {
				body = json.Call("stringify", args[0]).String()
			}
			return json.Call("parse", string(answer(fn, []byte(body), time.Now())))
		})
	}
	cc.Set("assess", jsonCall(api.Assess))
	cc.Set("checklist", jsonCall(api.Checklist))
	cc.Set("describe", jsonCall(api.Describe))
	cc.Set("review", jsonCall(api.Review))
	cc.Set("message", jsonCall(api.Message))
	cc.Set("bundle", js.FuncOf(bundleJS))
	cc.Set("check", js.FuncOf(checkJS))
	// memory is the Go heap's size in bytes, for the benchmark.
	cc.Set("memory", js.FuncOf(func(js.Value, []js.Value) any {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return float64(ms.Sys)
	}))
	cc.Set("render", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 2 {
			return nil
		}
		lang := ""
		if len(args) > 2 && args[2].Type() == js.TypeString {
			lang = args[2].String()
		}
		p := render(args[0].String(), args[1].String(), lang, time.Now())
		out := js.Global().Get("Object").New()
		out.Set("status", p.Status)
		out.Set("html", p.HTML)
		out.Set("location", p.Location)
		return out
	}))
	cc.Set("calendar", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 2 {
			return nil
		}
		lang := ""
		if len(args) > 2 && args[2].Type() == js.TypeString {
			lang = args[2].String()
		}
		data, name := calendar(args[0].String(), args[1].String(), lang, time.Now())
		out := js.Global().Get("Object").New()
		out.Set("data", data)
		out.Set("name", name)
		return out
	}))
	cc.Set("ready", true)
	doc := js.Global().Get("document")
	if doc.Truthy() {
		doc.Call("dispatchEvent", js.Global().Get("CustomEvent").New("calmclaim:ready"))
	}
	select {}
}
