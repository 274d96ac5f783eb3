//go:build js && wasm

package main

import (
	"crypto/sha256"
	"errors"
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

// bundleJS is Calmclaim.bundle(case, files, options): case is the
// describe request object, files an array of {id, file, as_is} with
// browser File objects (as_is: the buyer chose to include a file that
// cannot be cleaned as it is), options {original_names, progress}:
// progress(done, total) is called with the bytes read so far, a few times a
// second. It returns a promise of {blob, files, sha256}: the ZIP as a Blob,
// built from small Blobs one chunk at a time so no copy of a whole file is
// ever held, the manifest's file list, and which SHA-256 ran ("module" for
// package sha256wasm, "crypto/sha256" where it could not start). Nothing is
// sent over the network.
func bundleJS(_ js.Value, args []js.Value) any {
	caseJSON := js.Global().Get("JSON").Call("stringify", args[0]).String()
	list := args[1]
	opts := js.Undefined()
	if len(args) > 2 && args[2].Type() == js.TypeObject {
		opts = args[2]
	}
	return newPromise(func() (any, error) {
		prog := &progress{}
		if !opts.IsUndefined() {
			prog.report = opts.Get("progress")
		}
		files := make([]evidenceFile, list.Length())
		for i := range files {
			item := list.Index(i)
			file := item.Get("file")
			size := int64(file.Get("size").Float())
			prog.total += size
			files[i] = evidenceFile{ID: assistant.EvidenceID(item.Get("id").String()), Name: file.Get("name").String(),
				MediaType: file.Get("type").String(), AsIs: item.Get("as_is").Truthy(),
				R: &blobReader{blob: file, size: size, progress: prog}}
		}
		sink := &blobSink{}
		// Hash with the module in a worker, beside this thread, when it
		// starts; else with the module here (about 2.3 times Go's
		// crypto/sha256 in wasm); else with crypto/sha256.
		hasher := "worker"
		if err := sha256wasm.StartWorker(workerURL()); err != nil {
			println("calmclaim:", err.Error())
			hasher = "module"
			if err := sha256wasm.Init(); err != nil {
				hasher = "crypto/sha256"
			}
		}
		prog.send(true)
		stored, err := writeBundle(sink, []byte(caseJSON), files, time.Now(), bundleOptions{
			NewDigest: newDigest, OriginalNames: !opts.IsUndefined() && opts.Get("original_names").Truthy()})
		if err != nil {
			return nil, errors.New(err.Error())
		}
		sink.close()
		prog.send(true)
		out := js.Global().Get("Object").New()
		o := js.Global().Get("Object").New()
		o.Set("type", "application/zip")
		out.Set("blob", js.Global().Get("Blob").New(sink.parts, o))
		names := js.Global().Get("Array").New()
		for _, f := range stored {
			o := js.Global().Get("Object").New()
			o.Set("name", f.Name)
			o.Set("id", string(f.EvidenceID))
			o.Set("size", f.Size)
			o.Set("sha256", f.SHA256)
			o.Set("metadata_removed", f.MetadataRemoved)
			o.Set("as_is", f.AsIs)
			o.Set("truncated", f.Truncated)
			names.Call("push", o)
		}
		out.Set("files", names)
		out.Set("sha256", hasher)
		return out, nil
	})
}

// checkJS is Calmclaim.check(file): a promise of {status, format,
// media_type}, status being "clean", "unsupported" or "damaged" (see
// bundle.Check). It reads the file's header boxes and seeks over what a
// stripper only copies, so a large video is checked in a moment.
func checkJS(_ js.Value, args []js.Value) any {
	file := args[0]
	return newPromise(func() (any, error) {
		r := &blobReader{blob: file, size: int64(file.Get("size").Float())}
		c, err := checkFile(r, file.Get("type").String(), file.Get("name").String())
		r.close()
		// A file chosen: start the hashing worker now, so building the
		// bundle later fetches nothing (it is a static file of this site).
		go sha256wasm.StartWorker(workerURL())
		if err != nil {
			return nil, err
		}
		out := js.Global().Get("Object").New()
		out.Set("status", string(c.Status))
		out.Set("format", c.Format)
		out.Set("media_type", c.MediaType)
		return out, nil
	})
}

// newPromise runs f in a goroutine (it may wait for JavaScript promises)
// and settles a new promise with its result.
func newPromise(f func() (any, error)) js.Value {
	var handler js.Func
	handler = js.FuncOf(func(_ js.Value, p []js.Value) any {
		resolve, reject := p[0], p[1]
		handler.Release()
		go func() {
			v, err := f()
			if err != nil {
				reject.Invoke(js.Global().Get("Error").New(err.Error()))
				return
			}
			resolve.Invoke(v)
		}()
		return nil
	})
	return js.Global().Get("Promise").New(handler)
}

// progress counts the bytes read for the page's progress bar.
type progress struct {
	report      js.Value // progress(done, total), or undefined
	done, total int64
	last        time.Time
}

// add counts n bytes read and tells the page, at most ten times a second.
func (p *progress) add(n int) {
	if p == nil {
		return
	}
	p.done += int64(n)
	p.send(false)
}

func (p *progress) send(now bool) {
	if p.report.Type() != js.TypeFunction || !now && time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.report.Invoke(float64(p.done), float64(p.total))
}

// blobReader reads a Blob (a File) through its byte stream with a BYOB
// reader: every read fills the same 1 MiB buffer, handed back and forth,
// so reading a large file makes no garbage in the page's heap. It can
// seek: the next read then opens a stream on the rest of the Blob.
type blobReader struct {
	blob     js.Value
	size     int64
	pos      int64     // bytes of the Blob consumed by Read
	progress *progress // counts what is read, or nil
	reader   js.Value  // the BYOB reader, opened on the first Read
	buf      js.Value  // the ArrayBuffer lent to each read
	left     js.Value  // bytes of the last read not yet copied to Go
}

const byobChunk = 1 << 20

func (r *blobReader) Read(p []byte) (int, error) {
	if r.pos >= r.size {
		return 0, io.EOF
	}
	if r.reader.IsUndefined() {
		opts := js.Global().Get("Object").New()
		opts.Set("mode", "byob")
		src := r.blob
		if r.pos > 0 {
			src = r.blob.Call("slice", float64(r.pos))
		}
		r.reader = src.Call("stream").Call("getReader", opts)
		if r.buf.IsUndefined() {
			r.buf = js.Global().Get("ArrayBuffer").New(byobChunk)
		}
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
		r.progress.add(view.Length())
	}
	n := js.CopyBytesToGo(p, r.left)
	r.left = r.left.Call("subarray", n)
	r.pos += int64(n)
	return n, nil
}

// Seek moves where the next Read starts.
func (r *blobReader) Seek(off int64, whence int) (int64, error) {
	switch whence {
	case io.SeekCurrent:
		off += r.pos
	case io.SeekEnd:
		off += r.size
	}
	if off < 0 {
		return r.pos, errors.New("blobReader: seek before the start")
	}
	if off != r.pos {
		r.progress.add(int(off - r.pos))
		r.close()
		r.pos = off
	}
	return off, nil
}

// close lets go of the stream.
func (r *blobReader) close() {
	if !r.reader.IsUndefined() {
		r.reader.Call("cancel")
		r.reader = js.Undefined()
	}
	r.left = js.Undefined()
	r.buf = js.Undefined() // a cancelled BYOB read may keep the buffer
}

// blobSink turns the ZIP into Blobs: what the bundle writes (headers,
// cleaned bytes, the documents) in chunks of 1 MiB, and what it copies
// unchanged from a file (a video's frames) as slices of that File, which
// the browser holds by reference: no copy of the bytes is made. The
// browser keeps Blob data outside the page's heap and may page it to disk.
type blobSink struct {
	parts js.Value
	buf   []byte
	u     js.Value // one transfer array, reused: new Blob copies out of it
	skip  int64    // bytes still to come that a slice stands for
	// The slice being extended: bytes from to to of file.
	file     js.Value
	from, to int64
}

func (s *blobSink) Write(p []byte) (int, error) {
	n := len(p)
	k := min(int64(len(p)), s.skip)
	s.skip -= k
	p = p[k:]
	if len(p) == 0 {
		return n, nil
	}
	s.endSlice()
	s.buf = append(s.buf, p...)
	if len(s.buf) >= 1<<20 {
		s.flush()
	}
	return n, nil
}

// Slice: the next n bytes written are bytes off to off+n of src's File.
func (s *blobSink) Slice(src io.Reader, off, n int64) {
	r := src.(*blobReader)
	s.skip += n
	if !s.file.IsUndefined() && s.file.Equal(r.blob) && s.to == off && len(s.buf) == 0 {
		s.to += n // the next piece of the same run of bytes
		return
	}
	s.endSlice()
	s.flush()
	s.file, s.from, s.to = r.blob, off, off+n
}

// endSlice adds the slice being extended to the parts.
func (s *blobSink) endSlice() {
	if s.file.IsUndefined() {
		return
	}
	s.push(s.file.Call("slice", float64(s.from), float64(s.to)))
	s.file = js.Undefined()
}

func (s *blobSink) push(part js.Value) {
	if s.parts.IsUndefined() {
		s.parts = js.Global().Get("Array").New()
	}
	s.parts.Call("push", part)
}

// flush adds the bytes written so far as a Blob; close also ends a slice.
func (s *blobSink) flush() {
	if len(s.buf) == 0 {
		return
	}
	if s.u.IsUndefined() || s.u.Length() < len(s.buf) {
		s.u = js.Global().Get("Uint8Array").New(max(len(s.buf), 1<<20))
	}
	js.CopyBytesToJS(s.u, s.buf)
	s.push(js.Global().Get("Blob").New([]any{s.u.Call("subarray", 0, len(s.buf))}))
	s.buf = s.buf[:0]
}

func (s *blobSink) close() {
	s.endSlice()
	s.flush()
}

// workerURL is the worker script's hashed address, which the server
// writes on app.js's tag.
func workerURL() string {
	tag := js.Global().Get("document").Call("querySelector", "script[data-sha256-worker]")
	if !tag.Truthy() {
		return ""
	}
	return tag.Call("getAttribute", "data-sha256-worker").String()
}

// moduleDigest is SHA-256 by the module (in the worker when it runs) and
// the CRC-32 by Go, here, while the worker hashes.
type moduleDigest struct {
	sha hash.Hash
	crc hash.Hash32
}

func newDigest() bundle.Digest {
	return &moduleDigest{sha: sha256wasm.NewWorker(), crc: crc32.NewIEEE()}
}

func (d *moduleDigest) Write(p []byte) (int, error) {
	d.sha.Write(p)
	return d.crc.Write(p)
}

func (d *moduleDigest) Sum() (sum [sha256.Size]byte, crc uint32) {
	d.sha.Sum(sum[:0])
	return sum, d.crc.Sum32()
}
