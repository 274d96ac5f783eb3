package compress

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestNegotiate(t *testing.T) {
	for header, want := range map[string]string{
		"":                           "",
		"identity":                   "",
		"gzip":                       Gzip,
		"x-gzip":                     Gzip,
		"GZIP":                       Gzip,
		"br":                         Brotli,
		"gzip, deflate, br, zstd":    Brotli, // Chromium
		"gzip;q=1.0, br;q=0.5":       Gzip,
		"br;q=0, gzip":               Gzip,
		"br;q=0, gzip;q=0":           "",
		"*":                          Brotli,
		"*;q=0":                      "",
		"gzip, *;q=0":                Gzip,
		"br;q=0, *":                  Gzip,
		"br;q=nonsense, gzip":        Gzip, // a weight we cannot read selects nothing
		"br;q=2":                     "",
		"deflate":                    "",
		" br ; q=0.8 , gzip ; q=0.9": Gzip,
	} {
		if got := Negotiate(header); got != want {
			t.Errorf("Negotiate(%q) = %q, want %q", header, got, want)
		}
	}
}

func TestEncodeDecodesBack(t *testing.T) {
	data := bytes.Repeat([]byte("calm claim "), 1000)
	for _, coding := range []string{Brotli, Gzip} {
		for _, q := range []Quality{Best, Fast} {
			enc, err := Encode(coding, data, q)
			if err != nil {
				t.Fatal(err)
			}
			if len(enc) >= len(data) {
				t.Errorf("%s: %d bytes from %d", coding, len(enc), len(data))
			}
			plain, err := Decode(coding, enc)
			if err != nil || !bytes.Equal(plain, data) {
				t.Errorf("%s does not decode back: %v", coding, err)
			}
		}
	}
	if _, err := Encode("zstd", data, Best); err == nil {
		t.Error("an unknown coding encoded")
	}
}

// TestBrotliStaysOutOfWasm: the brotli module, and this package, are for
// the native server only; neither wasm build may import them.
func TestBrotliStaysOutOfWasm(t *testing.T) {
	goCmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goCmd); err != nil {
		if goCmd, err = exec.LookPath("go"); err != nil {
			t.Skip("no go command")
		}
	}
	cmd := exec.Command(goCmd, "list", "-deps", "github.com/calmclaim/calmclaim/wasm/browser", "github.com/calmclaim/calmclaim/wasm/worker")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "github.com/andybalholm/brotli") || pkg == "github.com/calmclaim/calmclaim/web/compress" {
			t.Errorf("the wasm builds import %s", pkg)
		}
	}
}
