// Command publish copies a folder of static files (web/static) into a
// Workers Static Assets folder (build/assets/static) under the names the
// pages link to (assets.Public): content-hashed names, and their own names
// for the files other sites link to. Precompressed copies (name.br,
// name.gz) are left out: Cloudflare compresses what it serves.
// scripts/build-worker.sh runs it.
//
//	go run ./web/cmd/publish web/static build/assets/static
package main

import (
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/calmclaim/calmclaim/web/assets"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("publish: ")
	if len(os.Args) != 3 {
		log.Fatal("usage: publish SRC DST")
	}
	src, dst := os.Args[1], os.Args[2]
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		name := d.Name()
		if err != nil || d.IsDir() || assets.Precompressed(name) || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, filepath.Dir(p))
		if err != nil {
			return err
		}
		out := filepath.Join(dst, rel, assets.Public(name, data))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		log.Fatal(err)
	}
}
