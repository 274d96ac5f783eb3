//go:build js && wasm

package sha256wasm

import (
	"crypto/sha256"
	"errors"
	"hash"
	"sync"
	"syscall/js"
	"time"
)

// The worker (web/static/sha256-worker.js) runs the module beside the
// page's thread: a hash from NewWorker hands its bytes over in transferred
// buffers and goes on while the worker hashes them, so the page's thread
// reads, cleans and zips while the worker hashes. The page compiles the
// module (its policy allows wasm) and posts the compiled module; the
// worker only instantiates it.
var wk struct {
	once sync.Once
	err  error
	w    js.Value
	free chan js.Value       // transfer buffers the worker gave back
	sums map[int]chan []byte // digests asked for, by hash id
	next int
	msg  js.Func
}

// workerBuffers and workerBuffer are the transfer pool: how many buffers
// can be on their way to the worker, and their size.
const (
	workerBuffers = 4
	workerBuffer  = 1 << 20
)

// StartWorker starts the worker whose script is at url, once, and gives
// it the module. Like Init (which it calls), it must be called from a
// goroutine that may block. It returns why the worker is not usable; then
// NewWorker returns New's hash.
func StartWorker(url string) error {
	wk.once.Do(func() {
		if err := Init(); err != nil {
			wk.err = err
			return
		}
		if url == "" || js.Global().Get("Worker").Type() != js.TypeFunction {
			wk.err = errors.New("sha256wasm: no worker")
			return
		}
		ready := make(chan error, 1)
		wk.free = make(chan js.Value, workerBuffers)
		wk.sums = map[int]chan []byte{}
		wk.msg = js.FuncOf(func(_ js.Value, args []js.Value) any {
			m := args[0].Get("data")
			switch m.Get("type").String() {
			case "ready":
				ready <- nil
			case "error":
				ready <- errors.New("sha256wasm: worker: " + m.Get("message").String())
			case "buf":
				wk.free <- m.Get("buf")
			case "sum":
				sum := make([]byte, sha256.Size)
				js.CopyBytesToGo(sum, m.Get("sum"))
				if ch := wk.sums[m.Get("id").Int()]; ch != nil {
					ch <- sum
				}
			}
			return nil
		})
		var err error
		func() {
			defer func() {
				if p := recover(); p != nil { // new Worker throws when a policy forbids it
					err = errors.New("sha256wasm: the worker cannot start")
				}
			}()
			wk.w = js.Global().Get("Worker").New(url)
		}()
		if err != nil {
			wk.err = err
			return
		}
		wk.w.Set("onmessage", wk.msg)
		failed := js.FuncOf(func(js.Value, []js.Value) any {
			select {
			case ready <- errors.New("sha256wasm: the worker failed"):
			default:
			}
			return nil
		})
		wk.w.Set("onerror", failed)
		msg := js.Global().Get("Object").New()
		msg.Set("type", "init")
		msg.Set("module", mod.module)
		wk.w.Call("postMessage", msg)
		select {
		case err = <-ready:
		case <-time.After(5 * time.Second):
			err = errors.New("sha256wasm: the worker did not answer")
		}
		if err == nil {
			err = selfTest()
		}
		if err != nil {
			wk.w.Call("terminate")
			wk.err = err
			return
		}
		for range workerBuffers {
			wk.free <- js.Global().Get("ArrayBuffer").New(workerBuffer)
		}
	})
	return wk.err
}

// selfTest hashes "abc" in the worker.
func selfTest() error {
	h := &workerHash{id: -1}
	wk.free <- js.Global().Get("ArrayBuffer").New(64)
	h.Write([]byte("abc"))
	sum := h.Sum(nil)
	<-wk.free
	if want := sha256.Sum256([]byte("abc")); string(sum) != string(want[:]) {
		return errors.New("sha256wasm: the worker hashes wrong")
	}
	return nil
}

// NewWorker returns a SHA-256 hash.Hash run by the worker when
// StartWorker succeeded, New's otherwise. Hashes may be used one after
// another or side by side; Sum waits for the worker.
func NewWorker() hash.Hash {
	if wk.err != nil || wk.w.IsUndefined() {
		return New()
	}
	wk.next++
	return &workerHash{id: wk.next}
}

// workerHash fills a transfer buffer with what is written and posts it
// when it is full or its sum is asked.
type workerHash struct {
	id   int
	buf  js.Value // the buffer being filled, or undefined
	view js.Value // a Uint8Array over it
	fill int
	n    uint64
}

func (h *workerHash) Size() int      { return sha256.Size }
func (h *workerHash) BlockSize() int { return sha256.BlockSize }

// Reset is not supported: a workerHash hashes one file.
func (h *workerHash) Reset() { panic("sha256wasm: a worker hash cannot be reset") }

func (h *workerHash) Write(p []byte) (int, error) {
	n := len(p)
	h.n += uint64(n)
	for len(p) > 0 {
		if h.buf.IsUndefined() {
			h.buf = <-wk.free // waits for the worker when all are out
			h.view = js.Global().Get("Uint8Array").New(h.buf)
			h.fill = 0
		}
		k := js.CopyBytesToJS(h.view.Call("subarray", h.fill), p)
		h.fill += k
		p = p[k:]
		if h.fill == h.view.Length() {
			h.post()
		}
	}
	return n, nil
}

// post sends the filled part of the buffer to the worker, which owns it
// until it comes back.
func (h *workerHash) post() {
	if h.buf.IsUndefined() {
		return
	}
	m := js.Global().Get("Object").New()
	m.Set("type", "data")
	m.Set("id", h.id)
	m.Set("buf", h.buf)
	m.Set("len", h.fill)
	wk.w.Call("postMessage", m, []any{h.buf})
	h.buf = js.Undefined()
}

// Sum appends the digest of what was written; the hash is spent.
func (h *workerHash) Sum(in []byte) []byte {
	h.post()
	ch := make(chan []byte, 1)
	wk.sums[h.id] = ch
	m := js.Global().Get("Object").New()
	m.Set("type", "sum")
	m.Set("id", h.id)
	wk.w.Call("postMessage", m)
	sum := <-ch
	delete(wk.sums, h.id)
	return append(in, sum...)
}
