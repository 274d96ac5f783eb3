// Package compress picks the content coding a request accepts and encodes
// bytes with it: brotli (br) or gzip. It is for the native server only:
// Cloudflare compresses the Worker's responses itself, and neither wasm
// build may link github.com/andybalholm/brotli (the web package imports
// this one from a !js file; TestBrotliStaysOutOfWasm checks).
package compress

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
)

// The content codings, as written in Accept-Encoding and Content-Encoding.
const (
	Brotli = "br"
	Gzip   = "gzip"
)

// Negotiate returns the coding to send to a client with this
// Accept-Encoding: Brotli, Gzip or "" for none. A coding is acceptable when
// it is listed, or covered by "*", with a q-value above 0; brotli wins
// ties. An absent or empty header accepts neither.
func Negotiate(acceptEncoding string) string {
	br, gz, any := -1.0, -1.0, -1.0
	for _, item := range strings.Split(acceptEncoding, ",") {
		coding, params, _ := strings.Cut(item, ";")
		q := qvalue(params)
		switch strings.ToLower(strings.TrimSpace(coding)) {
		case "br":
			br = q
		case "gzip", "x-gzip":
			gz = max(gz, q)
		case "*":
			any = q
		}
	}
	if br < 0 {
		br = any
	}
	if gz < 0 {
		gz = any
	}
	switch {
	case br > 0 && br >= gz:
		return Brotli
	case gz > 0:
		return Gzip
	}
	return ""
}

// qvalue reads "q=0.5" from a coding's parameters: 1 when absent, 0 when
// it cannot be read (so a malformed weight never selects a coding).
func qvalue(params string) float64 {
	for _, p := range strings.Split(params, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || q < 0 || q > 1 {
			return 0
		}
		return q
	}
	return 1
}

// Quality says how hard Encode works.
type Quality int

const (
	// Best is the smallest output: brotli 11, gzip 9. About 20 s for an
	// 8 MB wasm in brotli: for build steps and small files.
	Best Quality = iota
	// Fast is brotli 5, gzip 6: about 1 s for an 8 MB wasm, for large
	// files compressed while a request waits.
	Fast
)

// Encode compresses data with coding (Brotli or Gzip).
func Encode(coding string, data []byte, q Quality) ([]byte, error) {
	var b bytes.Buffer
	var w io.WriteCloser
	switch coding {
	case Brotli:
		quality := brotli.BestCompression
		if q == Fast {
			quality = 5
		}
		w = brotli.NewWriterLevel(&b, quality)
	case Gzip:
		level := gzip.BestCompression
		if q == Fast {
			level = gzip.DefaultCompression
		}
		w, _ = gzip.NewWriterLevel(&b, level) // the level is valid
	default:
		return nil, fmt.Errorf("compress: unknown coding %q", coding)
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Decode reverses Encode.
func Decode(coding string, data []byte) ([]byte, error) {
	var r io.Reader
	switch coding {
	case Brotli:
		r = brotli.NewReader(bytes.NewReader(data))
	case Gzip:
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		r = zr
	default:
		return nil, fmt.Errorf("compress: unknown coding %q", coding)
	}
	return io.ReadAll(r)
}
