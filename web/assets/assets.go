// Package assets names Calmclaim's static files as the pages link to them.
//
// A file's public name carries a hash of its content (app.css is served as
// /static/app.3f2a9c1e.css) and is cached for a year as immutable, so a
// returning buyer downloads nothing again and a changed file gets a new
// name. Files that other sites link to keep their own names with a short
// cache (Stable: the help-page widget, embed.js).
//
// Two kinds of hashed files are named in two ways:
//   - the committed CSS and JS are named by the generated manifest
//     (manifest_gen.go, written by go generate from web/static and checked
//     fresh by the tests), so every build, the page's wasm included, draws
//     the same <head>;
//   - the files the Go toolchain writes at make browser (Built: app.wasm and
//     wasm_exec.js) are named at run time by the server that has them and
//     passed to the page in a Runtime, which app.js reads from its script
//     tag. app.wasm renders pages, so it could not contain its own hash.
//
// The package is pure: no HTTP, no file system; it is linked into the
// page's wasm and the Worker.
package assets

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"
)

//go:generate go run ./embedtitles
//go:generate go run ./gen

// Prefix is where the static files are served.
const Prefix = "/static/"

// Cache-Control values: hashed names never change; stable names are
// checked again after five minutes.
const (
	Immutable = "public, max-age=31536000, immutable"
	Short     = "public, max-age=300"
)

// Stable reports whether the file keeps its own name and a short cache,
// because other sites link to it (README: the widget's script tag).
func Stable(name string) bool { return name == "embed.js" }

// Built reports whether the file is written by make browser rather than
// committed; such files are named at run time (see Runtime).
func Built(name string) bool { return name == "app.wasm" || name == "wasm_exec.js" }

// Precompressed reports whether the file is a compressed copy of another
// (name.gz, name.br), which is served as that file's encoding.
func Precompressed(name string) bool {
	return strings.HasSuffix(name, ".gz") || strings.HasSuffix(name, ".br")
}

// Hashed is the public name of the file name with this content: the first
// 8 hex digits of its SHA-256 before the extension ("app.3f2a9c1e.css").
func Hashed(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

// Public is the name a file is served under: its own if Stable, else
// Hashed.
func Public(name string, data []byte) string {
	if Stable(name) {
		return name
	}
	return Hashed(name, data)
}

// URL is the address of a committed static file ("app.css") as the pages
// link to it. A name the manifest does not know is returned unhashed.
func URL(name string) string {
	if h, ok := manifest[name]; ok {
		return Prefix + h
	}
	return Prefix + name
}

// Runtime holds the addresses of the page's wasm and of its wasm_exec.js,
// the files named at run time. The zero value means the page runs without
// the wasm (it works as plain forms).
type Runtime struct {
	Wasm     string // "/static/app.1a2b3c4d.wasm"
	WasmExec string // "/static/wasm_exec.5e6f7a8b.js"
}

type runtimeKey struct{}

// WithRuntime returns ctx carrying rt for the layout to write on app.js's
// script tag, the way templ.WithNonce carries a CSP nonce.
func WithRuntime(ctx context.Context, rt Runtime) context.Context {
	return context.WithValue(ctx, runtimeKey{}, rt)
}

// RuntimeFrom returns the Runtime in ctx, or the zero Runtime.
func RuntimeFrom(ctx context.Context) Runtime {
	rt, _ := ctx.Value(runtimeKey{}).(Runtime)
	return rt
}
