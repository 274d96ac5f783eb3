package api

import (
	"strconv"
	"unicode/utf8"
)

// jsonw appends JSON to a byte slice. The API's output is small and fixed in
// shape, so a writer is simpler and much lighter (in speed and in wasm size)
// than reflection-based encoding.
type jsonw struct {
	b     []byte
	comma bool // a value was written at this level, so the next needs a comma
}

func (w *jsonw) sep() {
	if w.comma {
		w.b = append(w.b, ',')
	}
	w.comma = true
}

func (w *jsonw) open(c byte)  { w.sep(); w.b = append(w.b, c); w.comma = false }
func (w *jsonw) close(c byte) { w.b = append(w.b, c); w.comma = true }

// key writes an object key; the value written next follows without a comma.
func (w *jsonw) key(k string) {
	w.sep()
	w.b = appendQuoted(w.b, k)
	w.b = append(w.b, ':')
	w.comma = false
}

func (w *jsonw) str(s string) { w.sep(); w.b = appendQuoted(w.b, s) }

// strOrNull writes null for the empty string.
func (w *jsonw) strOrNull(s string) {
	if s == "" {
		w.null()
		return
	}
	w.str(s)
}

func (w *jsonw) null() { w.sep(); w.b = append(w.b, "null"...) }

func (w *jsonw) bool(v bool) { w.sep(); w.b = strconv.AppendBool(w.b, v) }

func (w *jsonw) int(v int) { w.sep(); w.b = strconv.AppendInt(w.b, int64(v), 10) }

const hex = "0123456789abcdef"

// appendQuoted appends s as a JSON string. <, > and & are escaped so the
// output is safe inside HTML; invalid UTF-8 becomes U+FFFD.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
