package bundle

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// ErrMalformed reports image bytes the stripper could not classify. See
// StripJPEG and StripPNG for what was written before it.
var ErrMalformed = errors.New("malformed image")

// StripResult says what a stripper did.
type StripResult struct {
	// Removed counts the segments or chunks left out, trailing data after
	// the end of the image counting as one.
	Removed int
	// Truncated is set when the input was malformed: the output stops at
	// the last whole segment or chunk the stripper could classify.
	Truncated bool
}

// Policy on malformed input: a stripper never copies a byte it has not
// classified, so metadata cannot slip through behind a bogus length. At the
// first byte that does not fit (a missing signature, a segment or chunk
// running past the end, a length field that is too small, data where a
// marker must be) it stops, returns what it wrote so far, a result with
// Truncated set and an error wrapping ErrMalformed. Every step consumes at
// least one byte, so no input can make it loop, and it holds at most the
// bufio.Reader's buffer in memory.

func malformed(res StripResult, at int64, what string) (StripResult, error) {
	res.Truncated = true
	return res, fmt.Errorf("%w: %s at byte %d", ErrMalformed, what, at)
}

// counter tracks how far into the input a stripper is, for error messages.
type counter struct {
	br *bufio.Reader
	n  int64
}

func (c *counter) discard(n int64) (int64, error) {
	var done int64
	for done < n {
		k := int(min(n-done, int64(c.br.Size())))
		d, err := c.br.Discard(k)
		done += int64(d)
		c.n += int64(d)
		if err != nil {
			return done, err
		}
	}
	return done, nil
}

// copyN copies n bytes from the buffer to dst without allocating.
func (c *counter) copyN(dst io.Writer, n int64) (int64, error) {
	var done int64
	for done < n {
		k := int(min(n-done, int64(c.br.Size())))
		p, err := c.br.Peek(k)
		if len(p) > 0 {
			if _, werr := dst.Write(p); werr != nil {
				return done, werr
			}
			c.br.Discard(len(p))
			done += int64(len(p))
			c.n += int64(len(p))
		}
		if err != nil && len(p) < k {
			if err == bufio.ErrBufferFull {
				continue
			}
			return done, err
		}
	}
	return done, nil
}

func (c *counter) readByte() (byte, error) {
	b, err := c.br.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

// readerOf returns src as a buffered reader, reusing it when it already is
// one.
func readerOf(src io.Reader) *bufio.Reader {
	if br, ok := src.(*bufio.Reader); ok && br.Size() >= 4096 {
		return br
	}
	return bufio.NewReaderSize(src, DefaultChunkSize)
}

// isEOF reports the end of input, expected or not.
func isEOF(err error) bool { return err == io.EOF || err == io.ErrUnexpectedEOF }

// JPEG markers.
const (
	mSOI  = 0xd8
	mEOI  = 0xd9
	mSOS  = 0xda
	mAPP0 = 0xe0
	mAPP1 = 0xe1
	mAPP2 = 0xe2
	mAP14 = 0xee
	mAP15 = 0xef
	mCOM  = 0xfe
	mTEM  = 0x01
)

// StripJPEG copies a JPEG from src to dst without its metadata: APP1
// (Exif, including GPS, and XMP), APP13 (IPTC), every other APPn segment
// and COM comments are removed wherever they appear, as is anything after
// the end-of-image marker (appended thumbnails, multi-picture data, motion
// photo videos). Kept: the JFIF APP0 header, the ICC colour profile
// (APP2 "ICC_PROFILE") and the Adobe APP14 colour-transform flag, without
// which some JPEGs decode with wrong colours, and every segment the
// decoder needs. Entropy-coded data is copied as is.
//
// A src that is a *bufio.Reader is read through directly; memory use is
// its buffer. On malformed input see ErrMalformed.
func StripJPEG(dst io.Writer, src io.Reader) (StripResult, error) {
	c := &counter{br: readerOf(src)}
	var res StripResult
	head, err := c.br.Peek(2)
	if err != nil || head[0] != 0xff || head[1] != mSOI {
		if err != nil && !isEOF(err) {
			return res, err
		}
		return malformed(res, 0, "no JPEG start marker")
	}
	if _, err := dst.Write(head); err != nil {
		return res, err
	}
	c.discard(2)
	for {
		b, err := c.readByte()
		if err != nil {
			if isEOF(err) {
				return malformed(res, c.n, "no end-of-image marker")
			}
			return res, err
		}
		if b != 0xff {
			return malformed(res, c.n-1, "data where a marker should be")
		}
		m := byte(0xff)
		for m == 0xff { // fill bytes
			if m, err = c.readByte(); err != nil {
				if isEOF(err) {
					return malformed(res, c.n, "input ends inside a marker")
				}
				return res, err
			}
		}
		switch {
		case m == mEOI:
			if _, err := dst.Write([]byte{0xff, mEOI}); err != nil {
				return res, err
			}
			if _, err := c.br.Peek(1); err == nil {
				res.Removed++ // trailing data
			}
			return res, nil
		case m >= 0xd0 && m <= 0xd7, m == mTEM:
			if _, err := dst.Write([]byte{0xff, m}); err != nil {
				return res, err
			}
			continue
		case m == 0x00 || m == mSOI:
			return malformed(res, c.n-1, fmt.Sprintf("marker 0x%02x out of place", m))
		}
		lb, err := c.br.Peek(2)
		if err != nil {
			if isEOF(err) {
				return malformed(res, c.n, "input ends inside a segment length")
			}
			return res, err
		}
		length := int64(lb[0])<<8 | int64(lb[1])
		if length < 2 {
			return malformed(res, c.n, "segment length below 2")
		}
		hdr := [4]byte{0xff, m, lb[0], lb[1]}
		c.discard(2)
		body := length - 2
		keep, err := keepSegment(c.br, m, body)
		if err != nil {
			if isEOF(err) {
				return malformed(res, c.n, "segment runs past the end")
			}
			return res, err
		}
		if !keep {
			if n, err := c.discard(body); n < body {
				if err == nil || isEOF(err) {
					return malformed(res, c.n, "segment runs past the end")
				}
				return res, err
			}
			res.Removed++
			continue
		}
		if _, err := dst.Write(hdr[:]); err != nil {
			return res, err
		}
		if n, err := c.copyN(dst, body); n < body {
			if isEOF(err) {
				return malformed(res, c.n, "segment runs past the end")
			}
			return res, err
		}
		if m == mSOS {
			if err := scanData(dst, c); err != nil {
				if isEOF(err) {
					return malformed(res, c.n, "input ends inside image data")
				}
				return res, err
			}
		}
	}
}

// keepSegment decides whether a segment stays, peeking at its first bytes
// when the marker alone does not say.
func keepSegment(br *bufio.Reader, m byte, body int64) (bool, error) {
	sig := func(s string) (bool, error) {
		if body < int64(len(s)) {
			return false, nil
		}
		p, err := br.Peek(len(s))
		if err != nil {
			return false, err
		}
		return string(p) == s, nil
	}
	switch {
	case m == mAPP0:
		return sig("JFIF\x00")
	case m == mAPP2:
		return sig("ICC_PROFILE\x00")
	case m == mAP14:
		return sig("Adobe")
	case m >= mAPP1 && m <= mAP15, m == mCOM:
		return false, nil
	}
	return true, nil
}

// scanData copies entropy-coded data up to the next marker, which it
// leaves unread. Stuffed bytes (FF 00) and restart markers are data; fill
// bytes (FF FF) are dropped.
func scanData(dst io.Writer, c *counter) error {
	for {
		if c.br.Buffered() == 0 {
			if _, err := c.br.Peek(1); err != nil {
				return err
			}
		}
		buf, _ := c.br.Peek(c.br.Buffered())
		i := bytes.IndexByte(buf, 0xff)
		if i != 0 {
			if i < 0 {
				i = len(buf)
			}
			if _, err := dst.Write(buf[:i]); err != nil {
				return err
			}
			c.discard(int64(i))
			continue
		}
		pair, err := c.br.Peek(2)
		if err != nil {
			return err
		}
		switch m := pair[1]; {
		case m == 0x00, m >= 0xd0 && m <= 0xd7:
			if _, err := dst.Write(pair); err != nil {
				return err
			}
			c.discard(2)
		case m == 0xff:
			c.discard(1)
		default:
			return nil
		}
	}
}

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// pngKeep lists the ancillary PNG chunks that stay: colour, transparency,
// physical size and animation. Every critical chunk stays too.
var pngKeep = map[string]bool{
	"tRNS": true, "cHRM": true, "gAMA": true, "iCCP": true, "sBIT": true, "sRGB": true, "cICP": true,
	"mDCv": true, "mDCV": true, "cLLi": true, "cLLI": true, "bKGD": true, "hIST": true, "pHYs": true,
	"sPLT": true, "acTL": true, "fcTL": true, "fdAT": true,
}

// StripPNG copies a PNG from src to dst without its metadata: the text
// chunks (tEXt, zTXt, iTXt), eXIf, tIME and every other ancillary chunk
// that is not about colour, transparency, physical size or animation are
// removed, as is anything after IEND. Chunk data and CRCs are copied as
// they are.
//
// A src that is a *bufio.Reader is read through directly; memory use is
// its buffer. On malformed input see ErrMalformed.
func StripPNG(dst io.Writer, src io.Reader) (StripResult, error) {
	c := &counter{br: readerOf(src)}
	var res StripResult
	sig, err := c.br.Peek(len(pngSignature))
	if err != nil || !bytes.Equal(sig, pngSignature) {
		if err != nil && !isEOF(err) {
			return res, err
		}
		return malformed(res, 0, "no PNG signature")
	}
	if _, err := dst.Write(sig); err != nil {
		return res, err
	}
	c.discard(int64(len(pngSignature)))
	for {
		hdr, err := c.br.Peek(8)
		if err != nil {
			if isEOF(err) {
				return malformed(res, c.n, "no IEND chunk")
			}
			return res, err
		}
		length := int64(hdr[0])<<24 | int64(hdr[1])<<16 | int64(hdr[2])<<8 | int64(hdr[3])
		if length > 1<<31-1 {
			return malformed(res, c.n, "chunk length too large")
		}
		var typ [4]byte
		copy(typ[:], hdr[4:8])
		for _, ch := range typ {
			if !(ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z') {
				return malformed(res, c.n+4, "chunk type is not four letters")
			}
		}
		name := string(typ[:])
		critical := typ[0] >= 'A' && typ[0] <= 'Z'
		total := length + 4 // data and CRC
		if critical || pngKeep[name] {
			if _, err := dst.Write(hdr); err != nil {
				return res, err
			}
			c.discard(8)
			if n, err := c.copyN(dst, total); n < total {
				if isEOF(err) {
					return malformed(res, c.n, "chunk "+name+" runs past the end")
				}
				return res, err
			}
		} else {
			c.discard(8)
			if n, err := c.discard(total); n < total {
				if err == nil || isEOF(err) {
					return malformed(res, c.n, "chunk "+name+" runs past the end")
				}
				return res, err
			}
			res.Removed++
		}
		if name == "IEND" {
			if _, err := c.br.Peek(1); err == nil {
				res.Removed++ // trailing data
			}
			return res, nil
		}
	}
}
