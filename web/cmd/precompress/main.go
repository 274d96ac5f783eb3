// Command precompress writes name.br and name.gz beside each file of a
// folder, compressed as small as brotli and gzip go, for the native server
// to send as they are (it checks that each copy decodes to its file before
// using it). A copy that already decodes to its file is kept, so a second
// run after an unchanged build only checks. make browser runs it on
// web/static; the brotli of the 8 MB app.wasm takes about 20 s.
//
//	go run ./web/cmd/precompress web/static
package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/calmclaim/calmclaim/web/assets"
	"github.com/calmclaim/calmclaim/web/compress"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("precompress: ")
	if len(os.Args) != 2 {
		log.Fatal("usage: precompress DIR")
	}
	dir := os.Args[1]
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || assets.Precompressed(p) || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for ext, coding := range map[string]string{".br": compress.Brotli, ".gz": compress.Gzip} {
			if err := write(p+ext, coding, data); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
}

// write makes out the encoding of data, unless it already is; a coding that
// does not save bytes leaves no file.
func write(out, coding string, data []byte) error {
	if old, err := os.ReadFile(out); err == nil {
		if plain, err := compress.Decode(coding, old); err == nil && bytes.Equal(plain, data) {
			return nil
		}
	}
	start := time.Now()
	enc, err := compress.Encode(coding, data, compress.Best)
	if err != nil {
		return err
	}
	if len(enc) >= len(data) {
		if err := os.Remove(out); err != nil && !os.IsNotExist(err) {
			return err
		}
		return nil
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, enc, 0o644); err != nil {
		return err
	}
	fmt.Printf("precompress: %s, %d to %d bytes in %.1fs\n", out, len(data), len(enc), time.Since(start).Seconds())
	return os.Rename(tmp, out)
}
