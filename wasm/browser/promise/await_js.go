//go:build js && wasm

// Package promise lets Go code in the page wait for a JavaScript promise.
package promise

import (
	"errors"
	"syscall/js"
)

// Await waits for p and returns its value, or its rejection as an error.
// The caller must be a goroutine that may block, never a js.Func called
// synchronously by JavaScript: the promise settles only once Go yields to
// the event loop.
func Await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	ok := js.FuncOf(func(_ js.Value, a []js.Value) any { ch <- result{v: a[0]}; return nil })
	fail := js.FuncOf(func(_ js.Value, a []js.Value) any {
		ch <- result{err: errors.New(a[0].Call("toString").String())}
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	p.Call("then", ok, fail)
	r := <-ch
	return r.v, r.err
}
