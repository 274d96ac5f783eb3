package assets

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestManifestIsFresh: every committed file in web/static has its current
// hashed name in the manifest, and the manifest names nothing else. A page
// linking a stale name would get a 404 for its stylesheet or script.
func TestManifestIsFresh(t *testing.T) {
	entries, err := os.ReadDir("../static")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || n[0] == '.' || n[0] == '_' || Stable(n) || Built(n) || Precompressed(n) {
			continue
		}
		data, err := os.ReadFile(filepath.Join("../static", n))
		if err != nil {
			t.Fatal(err)
		}
		seen++
		if got, want := manifest[n], Hashed(n, data); got != want {
			t.Errorf("manifest names %s %q, its content is %q: run go generate ./web/assets (make generate)", n, got, want)
		}
	}
	if seen != len(manifest) {
		t.Errorf("manifest has %d names for %d files: run go generate ./web/assets (make generate)", len(manifest), seen)
	}
}

func TestHashedName(t *testing.T) {
	// sha256("") = e3b0c442...
	for name, want := range map[string]string{
		"app.css":      "app.e3b0c442.css",
		"wasm_exec.js": "wasm_exec.e3b0c442.js",
		"app.min.js":   "app.min.e3b0c442.js",
		"LICENSE":      "LICENSE.e3b0c442",
	} {
		if got := Hashed(name, nil); got != want {
			t.Errorf("Hashed(%q) = %q, want %q", name, got, want)
		}
	}
	if Public("embed.js", []byte("x")) != "embed.js" {
		t.Error("embed.js must keep its name: help pages link to it")
	}
}

func TestURL(t *testing.T) {
	if got := URL("app.css"); got != Prefix+manifest["app.css"] || got == "/static/app.css" {
		t.Errorf("URL(app.css) = %q", got)
	}
	if got := URL("embed.js"); got != "/static/embed.js" {
		t.Errorf("URL(embed.js) = %q", got)
	}
}

func TestRuntimeTravelsInContext(t *testing.T) {
	if rt := RuntimeFrom(context.Background()); rt != (Runtime{}) {
		t.Errorf("zero context: %+v", rt)
	}
	rt := Runtime{Wasm: "/static/app.1.wasm", WasmExec: "/static/wasm_exec.1.js"}
	if got := RuntimeFrom(WithRuntime(context.Background(), rt)); got != rt {
		t.Errorf("got %+v", got)
	}
}
