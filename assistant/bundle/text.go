package bundle

import (
	"io"
	"unicode/utf8"
)

// StripText copies a plain-text file (a chat export, a CSV, JSON) from src
// to dst after checking that it is only text: UTF-8 without control
// characters other than tab, line feed, carriage return and form feed. Text
// has nothing hidden, so nothing is removed; but a file that only says it
// is text could be anything, so the first byte that is not text ends it as
// malformed.
//
// A src that is a *bufio.Reader is read through directly; memory use is
// its buffer. On malformed input see ErrMalformed.
func StripText(dst io.Writer, src io.Reader) (StripResult, error) {
	return finish(stripText(dst, newInput(src)))
}

func stripText(dst io.Writer, in *input) (StripResult, error) {
	var res StripResult
	for {
		buf, err := in.peek(in.br.Size())
		if len(buf) == 0 {
			if err == io.EOF {
				return res, nil
			}
			return res, err
		}
		n := textPrefix(buf)
		if n == 0 {
			return res, malformedError(in.n, "not text")
		}
		if _, err := in.copyTo(dst, int64(n)); err != nil {
			return res, err
		}
	}
}

// textPrefix returns how many bytes at the start of b are whole text
// characters; a character cut at the end of b is left for the next call.
func textPrefix(b []byte) int {
	i := 0
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f {
				return i
			}
			i++
			continue
		}
		if !utf8.FullRune(b[i:]) {
			return i
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError || r < 0xa0 {
			return i
		}
		i += size
	}
	return i
}
