package sha256wasm

import (
	"bytes"
	"crypto/sha256"
	"testing"
)

func TestLEB128(t *testing.T) {
	for _, c := range []struct {
		v    int64
		want []byte
	}{
		{0, []byte{0x00}}, {63, []byte{0x3f}}, {64, []byte{0xc0, 0x00}}, {-1, []byte{0x7f}},
		{-64, []byte{0x40}}, {-65, []byte{0xbf, 0x7f}}, {624485, []byte{0xe5, 0x8e, 0x26}},
		{-123456, []byte{0xc0, 0xbb, 0x78}},
	} {
		if got := appendSLEB(nil, c.v); !bytes.Equal(got, c.want) {
			t.Errorf("SLEB(%d) = % x, want % x", c.v, got, c.want)
		}
	}
	// Every constant the module uses decodes back to itself.
	for _, v := range append(k[:], 0x00FF00FF, 0xFF00FF00, 0x80000000, 0x7fffffff) {
		b := appendSLEB(nil, int64(int32(v)))
		if got, n := readSLEB(b); uint32(got) != v || n != len(b) {
			t.Errorf("SLEB round trip of %#x: %#x", v, uint32(got))
		}
	}
	for _, c := range []struct {
		v    uint64
		want []byte
	}{
		{0, []byte{0x00}}, {127, []byte{0x7f}}, {128, []byte{0x80, 0x01}}, {624485, []byte{0xe5, 0x8e, 0x26}},
	} {
		if got := appendULEB(nil, c.v); !bytes.Equal(got, c.want) {
			t.Errorf("ULEB(%d) = % x, want % x", c.v, got, c.want)
		}
	}
}

// The module is well formed as far as its outline goes: the header, then
// the type, function, memory, export and code sections in order, each as
// long as it says. (Its code runs in make test-js, under Node.)
func TestModuleOutline(t *testing.T) {
	m := Module()
	if !bytes.HasPrefix(m, []byte("\x00asm\x01\x00\x00\x00")) {
		t.Fatalf("header % x", m[:8])
	}
	var ids []byte
	for p := m[8:]; len(p) > 0; {
		id := p[0]
		size, n := readULEB(p[1:])
		if n == 0 || 1+n+int(size) > len(p) {
			t.Fatalf("section %d overruns the module", id)
		}
		ids = append(ids, id)
		p = p[1+n+int(size):]
	}
	if want := []byte{1, 3, 5, 7, 10}; !bytes.Equal(ids, want) {
		t.Errorf("sections %v, want %v", ids, want)
	}
	if !bytes.Contains(m, []byte("\x06memory\x02\x00")) || !bytes.Contains(m, []byte("\x06blocks\x00\x00")) {
		t.Error("memory or blocks not exported")
	}
	if !bytes.Equal(m, Module()) {
		t.Error("Module is not deterministic")
	}
}

func readULEB(p []byte) (uint64, int) {
	var v uint64
	for i, b := range p {
		v |= uint64(b&0x7f) << (7 * i)
		if b&0x80 == 0 {
			return v, i + 1
		}
	}
	return 0, 0
}

func readSLEB(p []byte) (int64, int) {
	var v int64
	for i, b := range p {
		v |= int64(b&0x7f) << (7 * i)
		if b&0x80 == 0 {
			if b&0x40 != 0 {
				v -= 1 << (7 * (i + 1))
			}
			return v, i + 1
		}
	}
	return 0, 0
}

// BenchmarkCryptoSHA256 is what the module is measured against: run it
// natively and with GOOS=js GOARCH=wasm (make test-js's command with
// -bench) to see crypto/sha256 on both sides.
func BenchmarkCryptoSHA256(b *testing.B) {
	d := sha256.New()
	buf := make([]byte, DataSize)
	b.SetBytes(int64(len(buf)))
	for b.Loop() {
		d.Write(buf)
	}
}
