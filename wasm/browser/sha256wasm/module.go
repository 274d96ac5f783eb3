// Package sha256wasm is SHA-256 for Go code running in a browser, done by a
// small WebAssembly module of its own.
//
// Go's crypto/sha256 compiled to wasm runs at about 100 MB/s under V8: the
// Go wasm backend keeps every integer in 64 bits and has no rotate, while
// its native build uses the CPU's SHA instructions. SHA-256 is the cost of
// an evidence bundle in the page, so this package emits (in Module, pure Go
// and testable anywhere) a wasm module whose one function runs the
// compression function fully unrolled on i32 locals with wasm's own
// rotates; New (js/wasm only) wraps it in a hash.Hash. Where the module
// cannot be instantiated, New returns crypto/sha256's hash instead.
package sha256wasm

// Layout of the module's memory, exported as "memory": the state (eight
// words, host order) at StateOffset, the data to hash from DataOffset, at
// most DataSize bytes per call of the exported blocks(ptr, n), which
// compresses n 64-byte blocks starting at ptr.
const (
	StateOffset = 0
	DataOffset  = 1024
	DataSize    = 1 << 20
	pages       = (DataOffset + DataSize + 0xFFFF) >> 16
)

var k = [64]uint32{
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}

// Initial is the SHA-256 initial state.
var Initial = [8]uint32{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}

// wasm opcodes used below.
const (
	opBlock    = 0x02
	opLoop     = 0x03
	opBrIf     = 0x0d
	opEnd      = 0x0b
	opLocalGet = 0x20
	opLocalSet = 0x21
	opLocalTee = 0x22
	opI32Load  = 0x28
	opI32Store = 0x36
	opI32Const = 0x41
	opI32Eqz   = 0x45
	opI32Add   = 0x6a
	opI32Sub   = 0x6b
	opI32And   = 0x71
	opI32Or    = 0x72
	opI32Xor   = 0x73
	opI32ShrU  = 0x76
	opI32Rotl  = 0x77
	opI32Rotr  = 0x78
	typeI32    = 0x7f
	typeVoid   = 0x40
)

// Locals of blocks: the two parameters, then the working variables, the
// 16-word message window and two temporaries.
const (
	lPtr   = 0
	lN     = 1
	lVars  = 2           // a..h: 2..9
	lW     = lVars + 8   // w[0..15]: 10..25
	lT1    = lW + 16     // 26
	lT2    = lT1 + 1     // 27
	nLocal = lT2 + 1 - 2 // declared locals, after the parameters
)

type code []byte

func (c *code) op(b ...byte)  { *c = append(*c, b...) }
func (c *code) get(l int)     { c.op(opLocalGet, byte(l)) }
func (c *code) set(l int)     { c.op(opLocalSet, byte(l)) }
func (c *code) tee(l int)     { c.op(opLocalTee, byte(l)) }
func (c *code) i32(v uint32)  { c.op(opI32Const); *c = appendSLEB(*c, int64(int32(v))) }
func (c *code) rotr(l, n int) { c.get(l); c.i32(uint32(n)); c.op(opI32Rotr) }
func (c *code) load(off int)  { c.get(lPtr); c.op(opI32Load, 2); *c = appendULEB(*c, uint64(off)) }
func (c *code) store(off int) { c.op(opI32Store, 2); *c = appendULEB(*c, uint64(off)) }
func (c *code) loadState(i int) {
	c.i32(0)
	c.op(opI32Load, 2)
	*c = appendULEB(*c, uint64(StateOffset+4*i))
}

// bswap leaves the byte-swapped value of local l on the stack: wasm loads
// little-endian, SHA-256 reads big-endian words.
func (c *code) bswap(l int) {
	c.get(l)
	c.i32(8)
	c.op(opI32Rotl)
	c.i32(0x00FF00FF)
	c.op(opI32And)
	c.get(l)
	c.i32(8)
	c.op(opI32Rotr)
	c.i32(0xFF00FF00)
	c.op(opI32And)
	c.op(opI32Or)
}

// sigma leaves rotr(x,r1) ^ rotr(x,r2) ^ (rotr or shr)(x,r3) on the stack.
func (c *code) sigma(x, r1, r2, r3 int, shift bool) {
	c.rotr(x, r1)
	c.rotr(x, r2)
	c.op(opI32Xor)
	c.get(x)
	c.i32(uint32(r3))
	if shift {
		c.op(opI32ShrU)
	} else {
		c.op(opI32Rotr)
	}
	c.op(opI32Xor)
}

// Module returns the wasm module: one memory of the layout above and the
// function blocks(ptr, n i32).
func Module() []byte {
	var body code
	// a..h from the state.
	for i := range 8 {
		body.loadState(i)
		body.set(lVars + i)
	}
	body.op(opBlock, typeVoid)
	body.op(opLoop, typeVoid)
	// while n != 0
	body.get(lN)
	body.op(opI32Eqz)
	body.op(opBrIf, 1)
	// Each round writes only d and h; the roles of the eight variables
	// rotate instead of the values, so round i's a is v(0, i).
	v := func(role, round int) int { return lVars + (role-round%8+8)%8 }
	for i := range 64 {
		w := lW + i%16
		switch {
		case i < 16:
			body.load(4 * i)
			body.set(lT1)
			body.bswap(lT1)
			body.set(w)
		default:
			// w[i] = σ1(w[i-2]) + w[i-7] + σ0(w[i-15]) + w[i-16]
			body.sigma(lW+(i-2)%16, 17, 19, 10, true)
			body.get(lW + (i-7)%16)
			body.op(opI32Add)
			body.sigma(lW+(i-15)%16, 7, 18, 3, true)
			body.op(opI32Add)
			body.get(w)
			body.op(opI32Add)
			body.set(w)
		}
		a, b, c, d := v(0, i), v(1, i), v(2, i), v(3, i)
		e, f, g, h := v(4, i), v(5, i), v(6, i), v(7, i)
		// t1 = h + Σ1(e) + Ch(e,f,g) + k[i] + w[i]
		body.get(h)
		body.sigma(e, 6, 11, 25, false)
		body.op(opI32Add)
		body.get(g)
		body.get(e)
		body.get(f)
		body.get(g)
		body.op(opI32Xor)
		body.op(opI32And)
		body.op(opI32Xor) // g ^ (e & (f ^ g))
		body.op(opI32Add)
		body.i32(k[i])
		body.op(opI32Add)
		body.get(w)
		body.op(opI32Add)
		body.set(lT1)
		// t2 = Σ0(a) + Maj(a,b,c)
		body.sigma(a, 2, 13, 22, false)
		body.get(a)
		body.get(b)
		body.op(opI32And)
		body.get(c)
		body.get(a)
		body.get(b)
		body.op(opI32Or)
		body.op(opI32And)
		body.op(opI32Or) // (a & b) | (c & (a | b))
		body.op(opI32Add)
		body.set(lT2)
		// d += t1; h = t1 + t2
		body.get(d)
		body.get(lT1)
		body.op(opI32Add)
		body.set(d)
		body.get(lT1)
		body.get(lT2)
		body.op(opI32Add)
		body.set(h)
	}
	// After 64 rounds the roles are back where they started: add a..h to
	// the state, keep the sums as the next block's a..h.
	for i := range 8 {
		body.i32(0)
		body.loadState(i)
		body.get(lVars + i)
		body.op(opI32Add)
		body.tee(lVars + i)
		body.store(StateOffset + 4*i)
	}
	// ptr += 64; n--
	body.get(lPtr)
	body.i32(64)
	body.op(opI32Add)
	body.set(lPtr)
	body.get(lN)
	body.i32(1)
	body.op(opI32Sub)
	body.set(lN)
	body.op(0x0c, 0) // br 0: the loop
	body.op(opEnd)   // loop
	body.op(opEnd)   // block
	body.op(opEnd)   // function

	fn := appendULEB(nil, 1) // one group of locals
	fn = appendULEB(fn, nLocal)
	fn = append(fn, typeI32)
	fn = append(fn, body...)

	m := []byte{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00}
	m = section(m, 1, []byte{1, 0x60, 2, typeI32, typeI32, 0})         // type: (i32, i32) -> ()
	m = section(m, 3, []byte{1, 0})                                    // function 0 has type 0
	m = section(m, 5, append([]byte{1, 0}, appendULEB(nil, pages)...)) // one memory, min pages, no max
	exports := []byte{2}
	exports = appendName(exports, "memory")
	exports = append(exports, 2, 0)
	exports = appendName(exports, "blocks")
	exports = append(exports, 0, 0)
	m = section(m, 7, exports)
	codeSec := appendULEB(nil, 1)
	codeSec = appendULEB(codeSec, uint64(len(fn)))
	codeSec = append(codeSec, fn...)
	return section(m, 10, codeSec)
}

func section(m []byte, id byte, content []byte) []byte {
	m = append(m, id)
	m = appendULEB(m, uint64(len(content)))
	return append(m, content...)
}

func appendName(b []byte, s string) []byte {
	b = appendULEB(b, uint64(len(s)))
	return append(b, s...)
}

func appendULEB(b []byte, v uint64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			b = append(b, c|0x80)
			continue
		}
		return append(b, c)
	}
}

func appendSLEB(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
