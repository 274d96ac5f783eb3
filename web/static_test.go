//go:build !js

package web

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/calmclaim/calmclaim/web/assets"
	"github.com/calmclaim/calmclaim/web/compress"
)

// get sends one request to h with the given headers ("Name: value").
func get(h http.Handler, method, target string, headers ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, nil)
	for _, kv := range headers {
		k, v, _ := strings.Cut(kv, ": ")
		req.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func readStatic(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("static/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestStaticEncodingsDecodeToTheFile: brotli and gzip where the request
// accepts them, each decoding to the exact file, with its length, and
// Vary so that caches keep them apart; the file's own bytes otherwise.
func TestStaticEncodingsDecodeToTheFile(t *testing.T) {
	h := New(Options{})
	for _, name := range []string{"app.css", "app.js", "embed.js"} {
		data := readStatic(t, name)
		for accept, coding := range map[string]string{
			"gzip, deflate, br, zstd": compress.Brotli,
			"gzip":                    compress.Gzip,
			"br;q=0, gzip":            compress.Gzip,
			"":                        "",
			"identity":                "",
			"br;q=0, gzip;q=0":        "",
		} {
			w := get(h, "GET", assets.URL(name), "Accept-Encoding: "+accept)
			body := w.Body.Bytes()
			if w.Code != 200 || w.Header().Get("Content-Encoding") != coding || w.Header().Get("Vary") != "Accept-Encoding" {
				t.Errorf("%s with %q: %d %v", name, accept, w.Code, w.Header())
				continue
			}
			if w.Header().Get("Content-Length") != strconv.Itoa(len(body)) {
				t.Errorf("%s with %q: Content-Length %s for %d bytes", name, accept, w.Header().Get("Content-Length"), len(body))
			}
			if coding != "" {
				var err error
				if body, err = compress.Decode(coding, body); err != nil {
					t.Fatalf("%s in %s: %v", name, coding, err)
				}
			}
			if string(body) != string(data) {
				t.Errorf("%s with %q does not decode to the file", name, accept)
			}
		}
	}
}

// TestStaticETagPerEncoding: each encoding has its own ETag, and a
// revalidation matches only the representation that would be sent.
func TestStaticETagPerEncoding(t *testing.T) {
	h := New(Options{})
	url := assets.URL("app.css")
	br := get(h, "GET", url, "Accept-Encoding: br").Header().Get("ETag")
	gz := get(h, "GET", url, "Accept-Encoding: gzip").Header().Get("ETag")
	id := get(h, "GET", url).Header().Get("ETag")
	if br == "" || br == gz || br == id || gz == id {
		t.Fatalf("ETags br %s, gzip %s, identity %s", br, gz, id)
	}
	if w := get(h, "GET", url, "Accept-Encoding: br", "If-None-Match: "+br); w.Code != 304 || w.Body.Len() != 0 || w.Header().Get("ETag") != br {
		t.Errorf("br revalidation: %d %v", w.Code, w.Header())
	}
	if w := get(h, "GET", url, "Accept-Encoding: br", "If-None-Match: W/"+br); w.Code != 304 {
		t.Errorf("weak br revalidation: %d", w.Code)
	}
	if w := get(h, "GET", url, "If-None-Match: "+id); w.Code != 304 || w.Header().Get("Vary") != "Accept-Encoding" {
		t.Errorf("identity revalidation: %d %v", w.Code, w.Header())
	}
	// A cache holding the plain file asks; the client now takes brotli.
	if w := get(h, "GET", url, "Accept-Encoding: br", "If-None-Match: "+id); w.Code != 200 || w.Header().Get("Content-Encoding") != "br" {
		t.Errorf("identity ETag with br accepted: %d %v", w.Code, w.Header())
	}
}

// TestStaticRangeIsOfTheFileBytes: a range request gets the file's own
// bytes, never a slice of an encoding.
func TestStaticRangeIsOfTheFileBytes(t *testing.T) {
	h := New(Options{})
	data := readStatic(t, "app.js")
	w := get(h, "GET", assets.URL("app.js"), "Accept-Encoding: gzip, br", "Range: bytes=10-19")
	if w.Code != 206 || w.Header().Get("Content-Encoding") != "" || w.Body.String() != string(data[10:20]) ||
		w.Header().Get("Content-Range") != "bytes 10-19/"+strconv.Itoa(len(data)) {
		t.Errorf("range: %d %v %q", w.Code, w.Header(), w.Body.String())
	}
	if w := get(h, "GET", assets.URL("app.js"), "Accept-Encoding: br", "Range: bytes=999999-"); w.Code != 416 {
		t.Errorf("unsatisfiable range: %d", w.Code)
	}
}

func TestStaticHEADHasLengthNoBody(t *testing.T) {
	h := New(Options{})
	for _, accept := range []string{"br", ""} {
		w := get(h, "HEAD", assets.URL("app.css"), "Accept-Encoding: "+accept)
		if w.Code != 200 || w.Body.Len() != 0 || w.Header().Get("Content-Length") == "" {
			t.Errorf("HEAD with %q: %d %v %d bytes", accept, w.Code, w.Header(), w.Body.Len())
		}
	}
	if w := get(h, "POST", assets.URL("app.css")); w.Code != 405 || w.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d %v", w.Code, w.Header())
	}
}

// TestStaticHashedNamesAreImmutable: every file the pages link to is served
// under its hashed name, cached for a year, with the security headers.
func TestStaticHashedNamesAreImmutable(t *testing.T) {
	h := New(Options{})
	for _, name := range []string{"app.css", "print.css", "app.js", "demo.css"} {
		url := assets.URL(name)
		w := get(h, "GET", url)
		if w.Code != 200 || w.Header().Get("Cache-Control") != "public, max-age=31536000, immutable" ||
			w.Header().Get("X-Content-Type-Options") != "nosniff" || w.Header().Get("Referrer-Policy") != ReferrerPolicy {
			t.Errorf("GET %s: %d %v", url, w.Code, w.Header())
		}
		if w.Body.String() != string(readStatic(t, name)) {
			t.Errorf("GET %s: not the file", url)
		}
	}
}

// TestStaticEmbedJSIsStable: help pages link to /static/embed.js; it keeps
// that name, with a short cache.
func TestStaticEmbedJSIsStable(t *testing.T) {
	w := get(New(Options{}), "GET", "/static/embed.js")
	if w.Code != 200 || w.Header().Get("Cache-Control") != "public, max-age=300" || w.Header().Get("ETag") == "" ||
		!strings.HasPrefix(w.Header().Get("Content-Type"), "text/javascript") {
		t.Errorf("GET /static/embed.js: %d %v", w.Code, w.Header())
	}
}

// TestStaticUnknownNamesAre404: an unknown hash, an old unhashed name and
// a directory (no listing) are all 404.
func TestStaticUnknownNamesAre404(t *testing.T) {
	h := New(Options{})
	for _, p := range []string{"/static/", "/static/app.deadbeef.css", "/static/app.css", "/static/app.js",
		"/static/nope/", "/static/app.css.br", "/static/" + strings.TrimPrefix(assets.URL("app.css"), "/static/") + "/"} {
		w := get(h, "GET", p)
		if w.Code != 404 || strings.Contains(w.Body.String(), "<a href") || w.Header().Get("Cache-Control") == assets.Immutable {
			t.Errorf("GET %s: %d %v %q", p, w.Code, w.Header(), w.Body.String())
		}
	}
}

// TestStalePrecompressedCopyIsNotServed: a name.br left from an older build
// would put old bytes under the new name for a year; the file is
// compressed afresh instead.
func TestStalePrecompressedCopyIsNotServed(t *testing.T) {
	css := []byte(strings.Repeat("body { color: black; }\n", 50))
	old, _ := compress.Encode(compress.Brotli, []byte(strings.Repeat("body { color: red; }\n", 50)), compress.Best)
	set, err := newFileSet(fstest.MapFS{"app.css": {Data: css}, "app.css.br": {Data: old}})
	if err != nil {
		t.Fatal(err)
	}
	w := get(set, "GET", "/static/"+assets.Hashed("app.css", css), "Accept-Encoding: br")
	plain, err := compress.Decode(compress.Brotli, w.Body.Bytes())
	if w.Code != 200 || err != nil || string(plain) != string(css) {
		t.Errorf("%d %v: served the stale copy", w.Code, err)
	}
	// Nor is a copy that does not decode at all.
	garbage := []byte("not brotli, whatever the name says")
	set, _ = newFileSet(fstest.MapFS{"app.css": {Data: css}, "app.css.br": {Data: garbage}})
	if w := get(set, "GET", "/static/"+assets.Hashed("app.css", css), "Accept-Encoding: br"); w.Body.String() == string(garbage) {
		t.Error("served a copy that does not decode to the file")
	}
	// A copy that decodes to the file is sent as it is.
	good, _ := compress.Encode(compress.Brotli, css, compress.Fast)
	set, _ = newFileSet(fstest.MapFS{"app.css": {Data: css}, "app.css.br": {Data: good}})
	if w := get(set, "GET", "/static/"+assets.Hashed("app.css", css), "Accept-Encoding: br"); w.Body.String() != string(good) {
		t.Error("did not send the precompressed copy")
	}
}

// TestWasmNamedAtRunTime: the page's wasm and wasm_exec.js get hashed names
// from their content, which the pages pass to app.js; without both, pages
// have no wasm address.
func TestWasmNamedAtRunTime(t *testing.T) {
	wasm, exec := []byte("\x00asm-page"), []byte("// wasm_exec")
	set, _ := newFileSet(fstest.MapFS{"app.wasm": {Data: wasm}, "wasm_exec.js": {Data: exec}})
	want := assets.Runtime{Wasm: "/static/" + assets.Hashed("app.wasm", wasm), WasmExec: "/static/" + assets.Hashed("wasm_exec.js", exec)}
	if set.runtime != want {
		t.Errorf("runtime %+v, want %+v", set.runtime, want)
	}
	if w := get(set, "GET", want.Wasm); w.Code != 200 || w.Header().Get("Content-Type") != "application/wasm" || w.Header().Get("Cache-Control") != assets.Immutable {
		t.Errorf("GET %s: %d %v", want.Wasm, w.Code, w.Header())
	}
	set, _ = newFileSet(fstest.MapFS{"app.wasm": {Data: wasm}})
	if set.runtime != (assets.Runtime{}) {
		t.Errorf("runtime without wasm_exec.js: %+v", set.runtime)
	}
	// Natively the pages carry the embedded wasm's address, if it is built.
	h := New(Options{})
	page := get(h, "GET", "/").Body.String()
	if rt := staticFiles().runtime; rt.Wasm != "" && !strings.Contains(page, `data-wasm="`+rt.Wasm+`"`) {
		t.Errorf("the page lacks data-wasm=%q", rt.Wasm)
	}
	// An operator's Runtime wins.
	mine := assets.Runtime{Wasm: "/static/app.mine.wasm", WasmExec: "/static/wasm_exec.mine.js"}
	if page := get(New(Options{Runtime: mine}), "GET", "/").Body.String(); !strings.Contains(page, `data-wasm="/static/app.mine.wasm"`) {
		t.Error("Options.Runtime was not used")
	}
}
