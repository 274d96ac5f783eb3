//go:build js && wasm

package sha256wasm

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash"
	"sync"
	"syscall/js"

	"github.com/calmclaim/calmclaim/wasm/browser/promise"
)

// The module instance, shared by every hash: one instance, one state slot.
// A hash keeps its own state in Go and loads it into the slot when it takes
// the module over from another; calls never overlap (Go's wasm runs on one
// thread).
var mod struct {
	once   sync.Once
	err    error
	module js.Value // the compiled module, for the worker
	blocks js.Value // the exported function
	mem    js.Value // a Uint8Array over the module's memory
	owner  *digest  // whose state is in the slot
}

// Init compiles and instantiates the module, once; it must be called from
// a goroutine that may block (it waits for WebAssembly.instantiate), not
// from a js.Func called synchronously by JavaScript. It returns why the
// module is not usable, and then New falls back to crypto/sha256.
func Init() error {
	mod.once.Do(func() {
		wa := js.Global().Get("WebAssembly")
		if wa.Type() != js.TypeObject {
			mod.err = errors.New("sha256wasm: no WebAssembly object")
			return
		}
		code := Module()
		bytes := js.Global().Get("Uint8Array").New(len(code))
		js.CopyBytesToJS(bytes, code)
		res, err := promise.Await(wa.Call("instantiate", bytes))
		if err != nil {
			mod.err = errors.New("sha256wasm: " + err.Error())
			return
		}
		mod.module = res.Get("module")
		exports := res.Get("instance").Get("exports")
		mod.blocks = exports.Get("blocks")
		mod.mem = js.Global().Get("Uint8Array").New(exports.Get("memory").Get("buffer"))
	})
	return mod.err
}

// New returns a SHA-256 hash.Hash run by the module when Init succeeded,
// crypto/sha256's otherwise.
func New() hash.Hash {
	if mod.blocks.IsUndefined() {
		return sha256.New()
	}
	d := &digest{}
	d.Reset()
	return d
}

// digest buffers writes and hands the module whole blocks, up to DataSize
// bytes per call.
type digest struct {
	h    [8]uint32
	pend []byte // bytes not yet compressed
	n    uint64 // bytes written
}

func (d *digest) Size() int      { return sha256.Size }
func (d *digest) BlockSize() int { return sha256.BlockSize }

func (d *digest) Reset() {
	d.h = Initial
	d.pend = d.pend[:0]
	d.n = 0
	if mod.owner == d {
		mod.owner = nil
	}
}

func (d *digest) Write(p []byte) (int, error) {
	n := len(p)
	d.n += uint64(n)
	if d.pend == nil {
		d.pend = make([]byte, 0, DataSize) // a multiple of the block size
	}
	if len(d.pend) == 0 && len(p) >= DataSize {
		// Large writes skip the buffer: whole blocks go straight in.
		whole := len(p) &^ (sha256.BlockSize - 1)
		d.compress(p[:whole])
		d.pend = append(d.pend, p[whole:]...)
		return n, nil
	}
	for len(p) > 0 {
		c := copy(d.pend[len(d.pend):cap(d.pend)], p)
		d.pend = d.pend[:len(d.pend)+c]
		p = p[c:]
		if len(d.pend) == cap(d.pend) {
			d.compress(d.pend)
			d.pend = d.pend[:0]
		}
	}
	return n, nil
}

// compress runs the module over p, a whole number of blocks, and leaves
// the new state in d.h.
func (d *digest) compress(p []byte) {
	d.take()
	for len(p) > 0 {
		c := min(len(p), DataSize)
		js.CopyBytesToJS(mod.mem.Call("subarray", DataOffset, DataOffset+c), p[:c])
		mod.blocks.Invoke(DataOffset, c/sha256.BlockSize)
		p = p[c:]
	}
	d.save()
}

// take loads d's state into the module's slot unless it is there already.
func (d *digest) take() {
	if mod.owner == d {
		return
	}
	var b [32]byte
	for i, v := range d.h {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	js.CopyBytesToJS(mod.mem.Call("subarray", StateOffset, StateOffset+32), b[:])
	mod.owner = d
}

// save copies the slot back into d.h.
func (d *digest) save() {
	var b [32]byte
	js.CopyBytesToGo(b[:], mod.mem.Call("subarray", StateOffset, StateOffset+32))
	for i := range d.h {
		d.h[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
}

// Sum appends the digest of what was written so far; d can go on.
func (d *digest) Sum(in []byte) []byte {
	// Whole pending blocks go into d (what it hashes does not change), so
	// only the last partial block is copied for the padding.
	if whole := len(d.pend) &^ (sha256.BlockSize - 1); whole > 0 {
		d.compress(d.pend[:whole])
		d.pend = d.pend[:copy(d.pend, d.pend[whole:])]
	}
	var buf [2 * sha256.BlockSize]byte
	pad := append(buf[:0], d.pend...)
	pad = append(pad, 0x80)
	for len(pad)%sha256.BlockSize != 56 {
		pad = append(pad, 0)
	}
	pad = binary.BigEndian.AppendUint64(pad, d.n<<3)
	f := &digest{h: d.h}
	f.compress(pad)
	for _, v := range f.h {
		in = binary.BigEndian.AppendUint32(in, v)
	}
	return in
}
