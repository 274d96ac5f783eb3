//go:build !js

package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/calmclaim/calmclaim/web/assets"
	"github.com/calmclaim/calmclaim/web/compress"
)

//go:embed static
var static embed.FS

// staticFiles is web/static as served natively, read once per process. The
// Worker build (js) embeds nothing: there, Workers Static Assets serves the
// same files under the same names (scripts/build-worker.sh).
var staticFiles = sync.OnceValue(func() *fileSet {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder
	}
	set, err := newFileSet(sub)
	if err != nil {
		panic(err) // an embedded file that cannot be read
	}
	return set
})

// staticHandler serves /static/ and names the page's wasm (see
// assets.Runtime).
func staticHandler() (http.Handler, assets.Runtime) {
	set := staticFiles()
	return set, set.runtime
}

// fileSet serves files under their public names (assets.Public) and
// nothing else: no directory listings, no unhashed aliases. Each file is
// sent with brotli or gzip when the request accepts it and it saves bytes:
// from the precompressed copy beside it (name.br, name.gz, written by
// make browser) when that decodes to exactly the file, else compressed
// once in memory on first use.
type fileSet struct {
	files   map[string]*file // by public path below /static/
	runtime assets.Runtime
}

type file struct {
	data  []byte
	ctype string
	cache string // Cache-Control
	etag  string // of the identity bytes
	// encoded holds, per coding, the precompressed copy found beside the
	// file (unchecked) and, once made, the bytes to send.
	encoded map[string]*encoding
}

type encoding struct {
	coding string
	saved  []byte // name.br or name.gz, if any
	once   sync.Once
	data   []byte // nil when the coding does not make the file smaller
	etag   string
}

func newFileSet(fsys fs.FS) (*fileSet, error) {
	set := &fileSet{files: map[string]*file{}}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || assets.Precompressed(p) {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		dir, name := path.Split(p)
		public := dir + assets.Public(name, data)
		f := &file{data: data, ctype: mime.TypeByExtension(path.Ext(name)), cache: assets.Immutable,
			encoded: map[string]*encoding{}}
		if f.ctype == "" {
			f.ctype = "application/octet-stream"
		}
		if assets.Stable(name) {
			f.cache = assets.Short
		}
		sum := sha256.Sum256(data)
		f.etag = `"` + hex.EncodeToString(sum[:8]) + `"`
		for ext, coding := range map[string]string{".br": compress.Brotli, ".gz": compress.Gzip} {
			saved, _ := fs.ReadFile(fsys, p+ext) // absent is fine
			f.encoded[coding] = &encoding{coding: coding, saved: saved}
		}
		set.files[public] = f
		if dir == "" && name == "app.wasm" {
			set.runtime.Wasm = assets.Prefix + public
		}
		if dir == "" && name == "wasm_exec.js" {
			set.runtime.WasmExec = assets.Prefix + public
		}
		return nil
	})
	if set.runtime.Wasm == "" || set.runtime.WasmExec == "" {
		set.runtime = assets.Runtime{} // the page cannot start the wasm without both
	}
	return set, err
}

func (set *fileSet) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f := set.files[strings.TrimPrefix(r.URL.Path, assets.Prefix)]
	if f == nil {
		w.Header().Set("Cache-Control", "no-store")
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		writeError(w, methodNotAllowed("GET, HEAD"))
		return
	}
	h := w.Header()
	h.Set("Cache-Control", f.cache)
	h.Set("Content-Type", f.ctype)
	h.Add("Vary", "Accept-Encoding")
	// A range addresses the file's own bytes: it is always served from
	// them, never from an encoding.
	var enc *encoding
	if r.Header.Get("Range") == "" {
		enc = f.encoding(compress.Negotiate(r.Header.Get("Accept-Encoding")))
	}
	if enc == nil {
		h.Set("ETag", f.etag)
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.data))
		return
	}
	h.Set("ETag", enc.etag)
	if etagMatches(r.Header.Get("If-None-Match"), enc.etag) {
		h.Del("Content-Type")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Encoding", enc.coding)
	h.Set("Content-Length", strconv.Itoa(len(enc.data)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(enc.data)
	}
}

// encoding returns the file in coding, or nil when coding is "" or does not
// make the file smaller.
func (f *file) encoding(coding string) *encoding {
	e := f.encoded[coding]
	if e == nil {
		return nil
	}
	e.once.Do(func() {
		data := e.saved
		if data != nil {
			// A copy left from an older build would serve old bytes under
			// the new name, cached for a year: use it only if it is exact.
			if plain, err := compress.Decode(coding, data); err != nil || !bytes.Equal(plain, f.data) {
				data = nil
			}
		}
		if data == nil {
			q := compress.Best
			if len(f.data) > 1<<20 {
				q = compress.Fast
			}
			var err error
			if data, err = compress.Encode(coding, f.data, q); err != nil {
				return
			}
		}
		e.saved = nil
		if len(data) < len(f.data) {
			e.data = data
			e.etag = strings.TrimSuffix(f.etag, `"`) + "-" + coding + `"`
		}
	})
	if e.data == nil {
		return nil
	}
	return e
}

// etagMatches is If-None-Match's weak comparison against one strong tag.
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}
