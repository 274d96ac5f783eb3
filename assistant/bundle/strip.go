package bundle

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// ErrMalformed reports bytes a stripper could not account for: a file of a
// format the bundle cleans that does not parse cleanly. See StripResult for
// what was written before it.
var ErrMalformed = errors.New("malformed file")

// StripResult says what a stripper did.
type StripResult struct {
	// Removed counts the metadata units (segments, chunks, boxes, blocks,
	// items) left out or blanked, trailing data after the end of the file
	// counting as one.
	Removed int
	// Truncated is set when the input was malformed: the output stops at
	// the last whole unit the stripper could classify.
	Truncated bool
}

// Policy, the same for every format: a stripper keeps only what it knows a
// decoder needs (an allowlist per format, decided by the bytes, never by a
// name or a label), and it never copies a byte it has not classified, so
// metadata cannot slip through behind a bogus length. At the first byte
// that does not fit (a missing signature, a unit running past the end, a
// length that is too small, an unknown unit a decoder would need, data
// where a header must be) it stops, returns what it wrote so far, a result
// with Truncated set and an error wrapping ErrMalformed. Every step consumes
// at least one byte, so no input can make it loop, and memory is bounded:
// the buffered reader's buffer plus, per format, at most the small units it
// must see whole (a JPEG segment, an ICC profile, a HEIF meta box, a WebP
// file), each with a cap.

// malformedError wraps ErrMalformed with where and what.
func malformedError(at int64, what string) error {
	return fmt.Errorf("%w: %s at byte %d", ErrMalformed, what, at)
}

// finish sets Truncated for a malformed input.
func finish(res StripResult, err error) (StripResult, error) {
	if errors.Is(err, ErrMalformed) {
		res.Truncated = true
	}
	return res, err
}

// input is what a stripper reads: a buffered reader, how far into the file
// it is, and the reader under the buffer, which is sought past bytes that
// are only skipped when it can seek (Check reads a 1 GiB video's header
// boxes and seeks over its frames).
type input struct {
	br    *bufio.Reader
	under io.Reader
	n     int64
	// verbatim, when set, is told before copyTo writes n bytes of the
	// input from offset off unchanged, each time (see SliceSink).
	verbatim func(off, n int64) error
}

// newInput reads src through a buffer of DefaultChunkSize, or through src
// itself when it is a buffered reader already.
func newInput(src io.Reader) *input {
	if br, ok := src.(*bufio.Reader); ok && br.Size() >= 4096 {
		return &input{br: br}
	}
	return &input{br: bufio.NewReaderSize(src, DefaultChunkSize), under: src}
}

// errAt turns an end of input inside a unit into ErrMalformed.
func (in *input) errAt(err error, what string) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return malformedError(in.n, what)
	}
	return err
}

// peek returns the next k bytes without consuming them (k at most the
// buffer size).
func (in *input) peek(k int) ([]byte, error) { return in.br.Peek(k) }

// atEOF reports whether the input has no more bytes; a read error other
// than the end is returned.
func (in *input) atEOF() (bool, error) {
	_, err := in.br.Peek(1)
	if err == io.EOF {
		return true, nil
	}
	return false, err
}

// readByte consumes one byte.
func (in *input) readByte() (byte, error) {
	b, err := in.br.ReadByte()
	if err == nil {
		in.n++
	}
	return b, err
}

// readFull fills p.
func (in *input) readFull(p []byte) error {
	n, err := io.ReadFull(in.br, p)
	in.n += int64(n)
	return err
}

// seekThreshold is how many bytes past the buffer make skipping seek
// rather than read.
const seekThreshold = 256 << 10

// skip consumes n bytes without copying them anywhere. It returns fewer
// and io.EOF at the end of the input.
func (in *input) skip(n int64) (int64, error) {
	var done int64
	if s, ok := in.under.(io.Seeker); ok && n-int64(in.br.Buffered()) > seekThreshold {
		if k, err := in.seek(s, n); err == nil || err == io.EOF {
			return k, err
		}
		done = int64(in.br.Buffered()) // seeking failed: read on
		in.br.Discard(int(done))
		in.n += done
	}
	for done < n {
		k := int(min(n-done, int64(in.br.Size())))
		d, err := in.br.Discard(k)
		done += int64(d)
		in.n += int64(d)
		if err != nil {
			return done, err
		}
	}
	return done, nil
}

// seek skips n bytes by seeking the reader under the buffer, never past
// its end; it returns io.EOF with the bytes skipped when the end comes
// first, and another error, having skipped nothing, when it cannot seek.
func (in *input) seek(s io.Seeker, n int64) (int64, error) {
	b := int64(in.br.Buffered())
	cur, err := s.Seek(0, io.SeekCurrent)
	if err != nil {
		return 0, err
	}
	end, err := s.Seek(0, io.SeekEnd)
	if err != nil {
		return 0, err
	}
	to := cur + min(n-b, end-cur)
	if _, err := s.Seek(to, io.SeekStart); err != nil {
		return 0, err
	}
	in.br.Reset(in.under)
	k := b + to - cur
	in.n += k
	if k < n {
		return k, io.EOF
	}
	return k, nil
}

// copyTo copies n bytes to dst without allocating; to io.Discard it skips.
func (in *input) copyTo(dst io.Writer, n int64) (int64, error) {
	if dst == io.Discard {
		return in.skip(n)
	}
	var done int64
	for done < n {
		k := int(min(n-done, int64(in.br.Size())))
		p, err := in.br.Peek(k)
		if len(p) > 0 {
			if in.verbatim != nil {
				if verr := in.verbatim(in.n, int64(len(p))); verr != nil {
					return done, verr
				}
			}
			if _, werr := dst.Write(p); werr != nil {
				return done, werr
			}
			in.br.Discard(len(p))
			done += int64(len(p))
			in.n += int64(len(p))
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

// zeros is a block of zero bytes to write in place of blanked data.
var zeros = make([]byte, 32<<10)

// writeZeros writes n zero bytes.
func writeZeros(dst io.Writer, n int64) error {
	if dst == io.Discard {
		return nil
	}
	for n > 0 {
		k := min(n, int64(len(zeros)))
		if _, err := dst.Write(zeros[:k]); err != nil {
			return err
		}
		n -= k
	}
	return nil
}

// blank consumes n bytes and writes n zero bytes in their place.
func (in *input) blank(dst io.Writer, n int64) error {
	if got, err := in.skip(n); got < n {
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		return err
	}
	return writeZeros(dst, n)
}

// Byte order helpers; each reads from the start of b.
func be16(b []byte) int    { return int(binary.BigEndian.Uint16(b)) }
func be32(b []byte) uint32 { return binary.BigEndian.Uint32(b) }
func be64(b []byte) uint64 { return binary.BigEndian.Uint64(b) }
func le16(b []byte) int    { return int(binary.LittleEndian.Uint16(b)) }
func le32(b []byte) uint32 { return binary.LittleEndian.Uint32(b) }
