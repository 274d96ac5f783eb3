// Command wasmsize reports what takes room in a Go WebAssembly binary: the
// size of the code of each package (raw and gzipped alone), read from the
// wasm name section, and the size of the data segments. Build the binary
// without -s (or -ldflags=-w only) so the name section is present:
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags=-w -o /tmp/app.wasm ./wasm/worker
//	go run ./bench/wasmsize -top 30 /tmp/app.wasm
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	top := flag.Int("top", 25, "packages to list")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-top N] file.wasm")
		os.Exit(2)
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	m, err := parse(data)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if len(m.names) == 0 {
		fmt.Fprintln(os.Stderr, "no name section: build without -s")
		os.Exit(1)
	}
	type pkg struct {
		name       string
		raw, funcs int
		code       bytes.Buffer
	}
	pkgs := map[string]*pkg{}
	total := 0
	for i, body := range m.bodies {
		name := m.names[uint32(m.imports+i)]
		p := pkgOf(name)
		if pkgs[p] == nil {
			pkgs[p] = &pkg{name: p}
		}
		pkgs[p].raw += len(body)
		pkgs[p].funcs++
		pkgs[p].code.Write(body)
		total += len(body)
	}
	list := make([]*pkg, 0, len(pkgs))
	for _, p := range pkgs {
		list = append(list, p)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].raw > list[j].raw })
	fmt.Printf("file %d bytes, gzip -9 %d; code %d bytes in %d functions; data %d bytes (gzip %d)\n",
		len(data), gz(data), total, len(m.bodies), len(m.data), gz(m.data))
	fmt.Printf("%10s %10s %6s  %s\n", "code", "gzip", "funcs", "package")
	for i, p := range list {
		if i == *top {
			break
		}
		fmt.Printf("%10d %10d %6d  %s\n", p.raw, gz(p.code.Bytes()), p.funcs, p.name)
	}
}

// pkgOf returns the package of a function name in the wasm name section,
// where Go writes "net/http.(*Transport).RoundTrip" as
// "net_http.__Transport_.RoundTrip": everything before the first dot.
// A first dot followed by two to six lower-case letters and an underscore
// belongs to a domain ("github.com_tidwall_gjson.Get").
func pkgOf(sym string) string {
	from := 0
	if d := strings.IndexByte(sym, '.'); d > 0 {
		n := 0
		for n < len(sym)-d-1 && sym[d+1+n] >= 'a' && sym[d+1+n] <= 'z' {
			n++
		}
		if n >= 2 && n <= 6 && d+1+n < len(sym) && sym[d+1+n] == '_' {
			from = d + 1 + n
		}
	}
	if i := strings.IndexByte(sym[from:], '.'); i > 0 {
		return sym[:from+i]
	}
	return sym
}

func gz(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

type module struct {
	imports int
	bodies  [][]byte
	names   map[uint32]string
	data    []byte
}

func parse(b []byte) (*module, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("not a wasm file")
	}
	m := &module{names: map[uint32]string{}}
	r := &reader{b: b[8:]}
	for len(r.b) > 0 {
		id := r.byte()
		size := r.u32()
		sec := &reader{b: r.take(int(size))}
		switch id {
		case 2: // imports
			for n := sec.u32(); n > 0; n-- {
				sec.name()
				sec.name()
				switch kind := sec.byte(); kind {
				case 0:
					sec.u32()
					m.imports++
				case 1: // table
					sec.byte()
					limits(sec)
				case 2: // memory
					limits(sec)
				case 3: // global
					sec.byte()
					sec.byte()
				}
			}
		case 10: // code
			for n := sec.u32(); n > 0; n-- {
				m.bodies = append(m.bodies, sec.take(int(sec.u32())))
			}
		case 11: // data
			for n := sec.u32(); n > 0; n-- {
				switch flags := sec.u32(); flags {
				case 0:
					skipExpr(sec)
				case 2:
					sec.u32()
					skipExpr(sec)
				}
				m.data = append(m.data, sec.take(int(sec.u32()))...)
			}
		case 0:
			if sec.name() != "name" {
				continue
			}
			for len(sec.b) > 0 {
				sub := sec.byte()
				ss := &reader{b: sec.take(int(sec.u32()))}
				if sub != 1 {
					continue
				}
				for n := ss.u32(); n > 0; n-- {
					idx := ss.u32()
					m.names[idx] = ss.name()
				}
			}
		}
		if r.err != nil {
			return nil, r.err
		}
	}
	return m, r.err
}

func limits(r *reader) {
	if r.byte()&1 != 0 {
		r.u32()
	}
	r.u32()
}

// skipExpr skips a constant expression ending with 0x0b.
func skipExpr(r *reader) {
	for len(r.b) > 0 {
		op := r.byte()
		switch op {
		case 0x0b:
			return
		case 0x41, 0x42, 0x23:
			r.s64()
		}
	}
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.err = errors.New("truncated")
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) take(n int) []byte {
	if n > len(r.b) {
		r.err = errors.New("truncated")
		n = len(r.b)
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

func (r *reader) u32() uint32 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errors.New("bad LEB128")
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return uint32(v)
}

func (r *reader) s64() {
	for len(r.b) > 0 {
		c := r.byte()
		if c&0x80 == 0 {
			return
		}
	}
}

func (r *reader) name() string { return string(r.take(int(r.u32()))) }
