package bundle

import (
	"io"
)

// StripGIF rewrites a GIF from src to dst keeping only what decoding
// needs: the header, the logical screen descriptor and colour tables, each
// image with its graphic control extension (delay, transparency), and the
// animation's loop count, written anew as a NETSCAPE2.0 extension.
// Comments, plain-text extensions and every other application extension
// (XMP, ICC, editors' own data) are left out, as is anything after the
// trailer. Image data is copied as it is, so the pixels do not change.
//
// A src that is a *bufio.Reader is read through directly; memory use is
// its buffer. On malformed input see ErrMalformed.
func StripGIF(dst io.Writer, src io.Reader) (StripResult, error) {
	return finish(stripGIF(dst, newInput(src)))
}

func stripGIF(dst io.Writer, in *input) (StripResult, error) {
	var res StripResult
	head := make([]byte, 13)
	if err := in.readFull(head); err != nil || string(head[:6]) != "GIF87a" && string(head[:6]) != "GIF89a" {
		if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
			return res, err
		}
		return res, malformedError(0, "no GIF header")
	}
	if _, err := dst.Write(head); err != nil {
		return res, err
	}
	if head[10]&0x80 != 0 { // global colour table
		if err := copyExact(dst, in, 3<<(head[10]&7+1), "colour table"); err != nil {
			return res, err
		}
	}
	images := 0
	block := make([]byte, 256)
	for {
		at := in.n
		b, err := in.readByte()
		if err != nil {
			return res, in.errAt(err, "no trailer")
		}
		switch b {
		case 0x3b: // trailer
			if images == 0 {
				return res, malformedError(at, "no image")
			}
			if _, err := dst.Write([]byte{0x3b}); err != nil {
				return res, err
			}
			if end, err := in.atEOF(); err != nil {
				return res, err
			} else if !end {
				res.Removed++
			}
			return res, nil
		case 0x2c: // image descriptor
			d := block[:10]
			d[0] = 0x2c
			if err := in.readFull(d[1:]); err != nil {
				return res, in.errAt(err, "image descriptor")
			}
			if _, err := dst.Write(d); err != nil {
				return res, err
			}
			if d[9]&0x80 != 0 {
				if err := copyExact(dst, in, 3<<(d[9]&7+1), "colour table"); err != nil {
					return res, err
				}
			}
			lzw, err := in.readByte()
			if err != nil {
				return res, in.errAt(err, "image data")
			}
			if lzw < 2 || lzw > 8 {
				return res, malformedError(in.n-1, "LZW code size out of range")
			}
			if _, err := dst.Write([]byte{lzw}); err != nil {
				return res, err
			}
			if err := subBlocks(dst, in, block); err != nil {
				return res, err
			}
			images++
		case 0x21: // extension
			label, err := in.readByte()
			if err != nil {
				return res, in.errAt(err, "extension")
			}
			switch label {
			case 0xf9: // graphic control: four bytes, then the terminator
				g := block[:8]
				g[0], g[1] = 0x21, 0xf9
				if err := in.readFull(g[2:]); err != nil {
					return res, in.errAt(err, "graphic control")
				}
				if g[2] != 4 || g[7] != 0 {
					return res, malformedError(at, "graphic control extension of the wrong size")
				}
				if _, err := dst.Write(g); err != nil {
					return res, err
				}
			case 0xff: // application
				n, err := in.readByte()
				if err != nil {
					return res, in.errAt(err, "application extension")
				}
				id := block[:n]
				if err := in.readFull(id); err != nil {
					return res, in.errAt(err, "application extension")
				}
				loop := -1
				if n == 11 && (string(id) == "NETSCAPE2.0" || string(id) == "ANIMEXTS1.0") {
					loop, err = loopCount(in, block)
				} else {
					err = subBlocks(io.Discard, in, block)
				}
				if err != nil {
					return res, err
				}
				if loop < 0 {
					res.Removed++
					continue
				}
				if _, err := dst.Write([]byte{0x21, 0xff, 11, 'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0',
					3, 1, byte(loop), byte(loop >> 8), 0}); err != nil {
					return res, err
				}
			default: // comments (FE), plain text (01), unknown
				if err := subBlocks(io.Discard, in, block); err != nil {
					return res, err
				}
				res.Removed++
			}
		default:
			return res, malformedError(at, "unknown block")
		}
	}
}

// copyExact copies n bytes or reports the input cut short.
func copyExact(dst io.Writer, in *input, n int64, what string) error {
	if got, err := in.copyTo(dst, n); got < n {
		if err == nil {
			err = io.EOF
		}
		return in.errAt(err, what)
	}
	return nil
}

// subBlocks copies data sub-blocks, the zero terminator included.
func subBlocks(dst io.Writer, in *input, block []byte) error {
	for {
		n, err := in.readByte()
		if err != nil {
			return in.errAt(err, "data sub-block")
		}
		b := block[:int(n)+1]
		b[0] = n
		if n == 0 {
			_, err := dst.Write(b)
			return err
		}
		if err := in.readFull(b[1:]); err != nil {
			return in.errAt(err, "data sub-block")
		}
		if _, err := dst.Write(b); err != nil {
			return err
		}
	}
}

// loopCount reads the sub-blocks of a looping extension and returns its
// loop count, or -1 when it has none.
func loopCount(in *input, block []byte) (int, error) {
	loop := -1
	for {
		n, err := in.readByte()
		if err != nil {
			return 0, in.errAt(err, "data sub-block")
		}
		if n == 0 {
			return loop, nil
		}
		b := block[:n]
		if err := in.readFull(b); err != nil {
			return 0, in.errAt(err, "data sub-block")
		}
		if n == 3 && b[0] == 1 && loop < 0 {
			loop = le16(b[1:])
		}
	}
}
