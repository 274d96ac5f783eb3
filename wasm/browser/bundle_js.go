//go:build js && wasm

package main

import (
	"crypto/sha256"
	"hash"
	"hash/crc32"
	"io"
	"syscall/js"
	"time"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/bundle"
	"github.com/calmclaim/calmclaim/wasm/browser/promise"
	"github.com/calmclaim/calmclaim/wasm/browser/sha256wasm"
)

// bundleJS is Calmclaim.bundle(case, files): case is the describe request
// object, files an array of {id, file} with browser File objects. It
// returns a promise of {blob, files, sha256}: the ZIP as a Blob, built
// from small Blobs one chunk at a time so no copy of a whole file is ever
// held, the manifest's file list, and which SHA-256 ran ("module" for
// package sha256wasm, "crypto/sha256" where it could not start). Nothing is sent over the network.
func bundleJS(_ js.Value, args []js.Value) any {
	caseJSON := js.Global().Get("JSON").Call("stringify", args[0]).String()
	list := args[1]
	var handler js.Func
	handler = js.FuncOf(func(_ js.Value, p []js.Value) any {
		resolve, reject := p[0], p[1]
		handler.Release()
		go func() {
			files := make([]evidenceFile, list.Length())
			for i := range files {
				item := list.Index(i)
				file := item.Get("file")
				files[i] = evidenceFile{ID: assistant.EvidenceID(item.Get("id").String()), Name: file.Get("name").String(),
					MediaType: file.Get("type").String(), R: &blobReader{blob: file, size: file.Get("size").Int()}}
			}
			sink := &blobSink{}
			// Hash with the module when it can be instantiated (about 2.3
			// times Go's crypto/sha256 in wasm), else with crypto/sha256.
			hasher := "module"
			if err := sha256wasm.Init(); err != nil {
				println("calmclaim:", err.Error())
				hasher = "crypto/sha256"
			}
			stored, err := writeBundle(sink, []byte(caseJSON), files, time.Now(), bundleOptions{NewDigest: newDigest})
			if err != nil {
				reject.Invoke(js.Global().Get("Error").New(err.Error()))
				return
			}
			sink.flush()
			out := js.Global().Get("Object").New()
			opts := js.Global().Get("Object").New()
			opts.Set("type", "application/zip")
			out.Set("blob", js.Global().Get("Blob").New(sink.parts, opts))
			names := js.Global().Get("Array").New()
			for _, f := range stored {
				o := js.Global().Get("Object").New()
				o.Set("name", f.Name)
				o.Set("id", string(f.EvidenceID))
				o.Set("size", f.Size)
				o.Set("sha256", f.SHA256)
				o.Set("metadata_removed", f.MetadataRemoved)
				names.Call("push", o)
			}
			out.Set("files", names)
			out.Set("sha256", hasher)
			resolve.Invoke(out)
		}()
		return nil
	})
	return js.Global().Get("Promise").New(handler)
}

// blobReader reads a Blob (a File) through its byte stream with a BYOB
// reader: every read fills the same 1 MiB buffer, handed back and forth,
// so reading a large file makes no garbage in the page's heap.
type blobReader struct {
	blob   js.Value
	size   int
	reader js.Value // the BYOB reader, opened on the first Read
	buf    js.Value // the ArrayBuffer lent to each read
	left   js.Value // bytes of the last read not yet copied to Go
}

const byobChunk = 1 << 20

func (r *blobReader) Read(p []byte) (int, error) {
	if r.reader.IsUndefined() {
		opts := js.Global().Get("Object").New()
		opts.Set("mode", "byob")
		r.reader = r.blob.Call("stream").Call("getReader", opts)
		r.buf = js.Global().Get("ArrayBuffer").New(byobChunk)
	}
	if r.left.IsUndefined() || r.left.Length() == 0 {
		res, err := promise.Await(r.reader.Call("read", js.Global().Get("Uint8Array").New(r.buf, 0, byobChunk)))
		if err != nil {
			return 0, err
		}
		if res.Get("done").Bool() {
			return 0, io.EOF
		}
		view := res.Get("value")
		r.buf = view.Get("buffer") // the same memory, returned to us
		r.left = view
	}
	n := js.CopyBytesToGo(p, r.left)
	r.left = r.left.Call("subarray", n)
	return n, nil
}

// blobSink turns each write into a small Blob; the browser keeps Blob
// data outside the page's heap and may page it to disk.
type blobSink struct {
	parts js.Value
	buf   []byte
	u     js.Value // one transfer array, reused: new Blob copies out of it
}

func (s *blobSink) Write(p []byte) (int, error) {
	if s.parts.IsUndefined() {
		s.parts = js.Global().Get("Array").New()
	}
	s.buf = append(s.buf, p...)
	if len(s.buf) >= 1<<20 {
		s.flush()
	}
	return len(p), nil
}

func (s *blobSink) flush() {
	if len(s.buf) == 0 {
		return
	}
	if s.u.IsUndefined() || s.u.Length() < len(s.buf) {
		s.u = js.Global().Get("Uint8Array").New(max(len(s.buf), 1<<20))
	}
	js.CopyBytesToJS(s.u, s.buf)
	s.parts.Call("push", js.Global().Get("Blob").New([]any{s.u.Call("subarray", 0, len(s.buf))}))
	s.buf = s.buf[:0]
}

// moduleDigest is SHA-256 by the module and the CRC-32 by Go.
type moduleDigest struct {
	sha hash.Hash
	crc hash.Hash32
}

func newDigest() bundle.Digest {
	return &moduleDigest{sha: sha256wasm.New(), crc: crc32.NewIEEE()}
}

func (d *moduleDigest) Write(p []byte) (int, error) {
	d.sha.Write(p)
	return d.crc.Write(p)
}

func (d *moduleDigest) Sum() (sum [sha256.Size]byte, crc uint32) {
	d.sha.Sum(sum[:0])
	return sum, d.crc.Sum32()
}
