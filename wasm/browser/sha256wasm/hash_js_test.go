//go:build js && wasm

package sha256wasm

import (
	"bytes"
	"crypto/sha256"
	"math/rand/v2"
	"testing"
)

func newModuleHash(t testing.TB) *digest {
	t.Helper()
	if err := Init(); err != nil {
		t.Fatal(err)
	}
	d, ok := New().(*digest)
	if !ok {
		t.Fatal("New did not return the module's hash")
	}
	return d
}

// Every length around the block and padding boundaries and around the
// module's data size, written in one piece and in random pieces, matches
// crypto/sha256.
func TestMatchesCryptoSHA256(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	data := make([]byte, 3*DataSize+200)
	for i := range data {
		data[i] = byte(rng.Uint32())
	}
	var lengths []int
	for n := range 200 {
		lengths = append(lengths, n)
	}
	for _, base := range []int{DataSize, 2 * DataSize, 3 * DataSize} {
		for delta := -130; delta <= 130; delta += 13 {
			lengths = append(lengths, base+delta)
		}
	}
	for _, n := range lengths {
		want := sha256.Sum256(data[:n])
		d := newModuleHash(t)
		d.Write(data[:n])
		if got := d.Sum(nil); !bytes.Equal(got, want[:]) {
			t.Fatalf("one write of %d bytes: %x, want %x", n, got, want)
		}
		d.Reset()
		for p := data[:n]; len(p) > 0; {
			c := min(len(p), rng.IntN(3*DataSize/2)+1)
			if rng.IntN(4) == 0 {
				c = min(len(p), rng.IntN(100)+1)
			}
			if w, err := d.Write(p[:c]); w != c || err != nil {
				t.Fatalf("Write returned %d, %v for %d bytes", w, err, c)
			}
			p = p[c:]
		}
		if got := d.Sum(nil); !bytes.Equal(got, want[:]) {
			t.Fatalf("%d bytes in pieces: %x, want %x", n, got, want)
		}
	}
}

// Two hashes written in turn keep their own states, and Sum neither
// changes the state nor drops the bytes it appends to.
func TestInterleavedAndSum(t *testing.T) {
	a, b := newModuleHash(t), newModuleHash(t)
	ra, rb := sha256.New(), sha256.New()
	chunk := bytes.Repeat([]byte("calmclaim "), 10000)
	for i := range 5 {
		a.Write(chunk[:i*7000+1])
		ra.Write(chunk[:i*7000+1])
		b.Write(chunk[:i*3000+5])
		rb.Write(chunk[:i*3000+5])
		if got, want := a.Sum([]byte("x")), ra.Sum([]byte("x")); !bytes.Equal(got, want) {
			t.Fatalf("a after %d rounds: %x, want %x", i, got, want)
		}
		if got, want := b.Sum(nil), rb.Sum(nil); !bytes.Equal(got, want) {
			t.Fatalf("b after %d rounds: %x, want %x", i, got, want)
		}
	}
	if a.Size() != sha256.Size || a.BlockSize() != sha256.BlockSize {
		t.Fatal("Size or BlockSize differ from crypto/sha256")
	}
}

func BenchmarkModule(b *testing.B) {
	d := newModuleHash(b)
	buf := make([]byte, DataSize)
	b.SetBytes(int64(len(buf)))
	for b.Loop() {
		d.Write(buf)
	}
}
