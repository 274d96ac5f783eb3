package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
)

type floor struct {
	name string
	gzip float64 // KiB
}

// sizeFloors builds the programs under bench/sizefloor as the Worker build
// does and returns the gzip size of each wasm, then of the Worker's own
// (build/app.wasm, as scripts/build-worker.sh left it): what the Go
// runtime, net/http, templ and syumai/workers cost before any code of ours.
func sizeFloors(root, tmp string) []floor {
	progs := []struct{ name, pkg string }{
		{"Go runtime (bench/sizefloor/runtime)", "runtime"},
		{"+ a blank import of net/http (bench/sizefloor/nethttp)", "nethttp"},
		{"+ templ (bench/sizefloor/templ)", "templ"},
		{"+ templ + syumai/workers/cloudflare (bench/sizefloor/workers)", "workers"},
	}
	var out []floor
	for _, p := range progs {
		file := filepath.Join(tmp, p.pkg+".wasm")
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", file, "./bench/sizefloor/"+p.pkg)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if b, err := cmd.CombinedOutput(); err != nil {
			fail(fmt.Sprintf("go build %s: %v\n%s", p.pkg, err, b))
		}
		out = append(out, floor{p.name, gzipKiB(file)})
	}
	return append(out, floor{"Calmclaim Worker (build/app.wasm)", gzipKiB(filepath.Join(root, "build/app.wasm"))})
}

// gzipKiB is the size of file gzipped at the default level, in KiB.
func gzipKiB(file string) float64 {
	data, err := os.ReadFile(file)
	check(err)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err = zw.Write(data)
	check(err)
	check(zw.Close())
	return float64(buf.Len()) / 1024
}

var uploadRE = regexp.MustCompile(`Total Upload: ([0-9.]+ KiB) / gzip: ([0-9.]+) KiB`)

// uploadSize runs wrangler deploy --dry-run for a config into dir and
// returns its "Total Upload" line and the gzip size in KiB.
func uploadSize(root, config, dir string) (string, float64) {
	out := run(root, "node_modules/.bin/wrangler", "deploy", "--dry-run", "-c", config, "--outdir", dir)
	m := uploadRE.FindStringSubmatch(out)
	if m == nil {
		fail("no Total Upload line from wrangler deploy --dry-run:\n" + out)
	}
	gz, _ := strconv.ParseFloat(m[2], 64)
	return m[1] + " raw, " + m[2] + " KiB gzip", gz
}
