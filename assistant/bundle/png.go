package bundle

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"io"
)

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// pngKeep lists the ancillary chunks that stay, each with the length it
// must have (-1: any): colour (gAMA, cHRM, sRGB, sBIT, cICP, mDCV, cLLI),
// transparency (tRNS) and animation (acTL, fcTL, fdAT). They hold numbers
// only. iCCP and eXIf are rebuilt (see StripPNG); every other ancillary
// chunk is left out.
var pngKeep = map[string]int{
	"tRNS": -1, "gAMA": 4, "cHRM": 32, "sRGB": 1, "sBIT": -1, "cICP": 4, "mDCV": 24, "cLLI": 8,
	"acTL": 8, "fcTL": 26, "fdAT": -1,
}

// maxPNGChunk is the largest chunk a stripper holds in memory to check it
// whole; image data (IDAT, fdAT) streams and is checked as it passes.
const maxPNGChunk = 1 << 20

// StripPNG rewrites a PNG from src to dst keeping only what decoding
// needs: the critical chunks IHDR, PLTE, IDAT and IEND, the ancillary
// chunks about colour, transparency and animation (see pngKeep), and two
// rebuilt by the stripper rather than copied: the ICC profile (iCCP) under
// a fixed name with its texts blanked (see scrubICC), and a minimal eXIf
// holding only the Orientation when the image is not upright. Text chunks
// (tEXt, zTXt, iTXt), Exif, time stamps, physical size, suggested palettes
// and every other ancillary chunk are left out, as is anything after IEND.
// A critical chunk the stripper does not know (a decoder would need it), a
// chunk whose CRC does not match, or a kept chunk of the wrong length ends
// the file as malformed.
//
// A src that is a *bufio.Reader is read through directly; memory use is
// its buffer and one small chunk. On malformed input see ErrMalformed.
func StripPNG(dst io.Writer, src io.Reader) (StripResult, error) {
	return finish(stripPNG(dst, newInput(src)))
}

func stripPNG(dst io.Writer, in *input) (StripResult, error) {
	var res StripResult
	sig, err := in.peek(len(pngSignature))
	if err != nil || !bytes.Equal(sig, pngSignature) {
		if err != nil && err != io.EOF {
			return res, err
		}
		return res, malformedError(0, "no PNG signature")
	}
	if _, err := dst.Write(pngSignature); err != nil {
		return res, err
	}
	in.skip(int64(len(pngSignature)))
	var small []byte
	first, idat := true, false
	for {
		at := in.n
		hdr, err := in.peek(8)
		if err != nil {
			return res, in.errAt(err, "no IEND chunk")
		}
		length := int64(be32(hdr))
		if length > 1<<31-1 {
			return res, malformedError(at, "chunk length too large")
		}
		var typ [4]byte
		copy(typ[:], hdr[4:8])
		for _, ch := range typ {
			if !(ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z') {
				return res, malformedError(at+4, "chunk type is not four letters")
			}
		}
		name := string(typ[:])
		if first != (name == "IHDR") {
			return res, malformedError(at, "IHDR is not the first chunk")
		}
		first = false
		critical := typ[0] >= 'A' && typ[0] <= 'Z'
		want, kept := pngKeep[name]
		switch name {
		case "IHDR":
			want, kept = 13, true
		case "PLTE":
			want, kept = -1, length%3 == 0 && length > 0 && length <= 768
		case "IEND":
			want, kept = 0, true
		case "IDAT":
			want, kept = -1, true
			idat = true
		case "iCCP", "eXIf":
			want, kept = -1, !idat && length <= maxPNGChunk
		case "fdAT":
			kept = length >= 4
		}
		if critical && (!kept || name != "IHDR" && name != "PLTE" && name != "IDAT" && name != "IEND") {
			return res, malformedError(at, "critical chunk "+name+" unknown or not valid")
		}
		if kept && want >= 0 && length != int64(want) {
			return res, malformedError(at, "chunk "+name+" has the wrong length")
		}
		if !kept {
			in.skip(8)
			if n, err := in.skip(length + 4); n < length+4 {
				if err == nil {
					err = io.EOF
				}
				return res, in.errAt(err, "chunk "+name+" runs past the end")
			}
			res.Removed++
			continue
		}
		if name == "IDAT" || name == "fdAT" || length > maxPNGChunk {
			// Streamed, its CRC checked at the end.
			if err := copyPNGChunk(dst, in, hdr, length); err != nil {
				return res, err
			}
			continue
		}
		if int64(cap(small)) < 12+length {
			small = make([]byte, 12+length)
		}
		c := small[:12+length]
		if err := in.readFull(c); err != nil {
			return res, in.errAt(err, "chunk "+name+" runs past the end")
		}
		if crc32.ChecksumIEEE(c[4:8+length]) != be32(c[8+length:]) {
			return res, malformedError(at, "chunk "+name+" has a bad CRC")
		}
		switch name {
		case "iCCP":
			res.Removed++
			c = rebuildICCP(c[8 : 8+length])
		case "eXIf":
			res.Removed++
			c = nil
			if o := exifOrientation(small[8 : 8+length]); o != 0 {
				c = pngChunk("eXIf", orientationTIFF(o))
			}
		}
		if _, err := dst.Write(c); err != nil {
			return res, err
		}
		if name == "IEND" {
			if end, err := in.atEOF(); err != nil {
				return res, err
			} else if !end {
				res.Removed++ // trailing data
			}
			return res, nil
		}
	}
}

// copyPNGChunk streams a chunk whose header is hdr, checking its CRC.
func copyPNGChunk(dst io.Writer, in *input, hdr []byte, length int64) error {
	at := in.n
	h := crc32.NewIEEE()
	h.Write(hdr[4:8])
	if _, err := dst.Write(hdr[:8]); err != nil {
		return err
	}
	in.skip(8)
	if n, err := in.copyTo(io.MultiWriter(dst, h), length); n < length {
		if err == nil {
			err = io.EOF
		}
		return in.errAt(err, "chunk runs past the end")
	}
	var crc [4]byte
	if err := in.readFull(crc[:]); err != nil {
		return in.errAt(err, "chunk runs past the end")
	}
	if be32(crc[:]) != h.Sum32() {
		return malformedError(at, "chunk has a bad CRC")
	}
	_, err := dst.Write(crc[:])
	return err
}

// pngChunk returns a whole chunk: length, type, data, CRC.
func pngChunk(typ string, data []byte) []byte {
	c := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	c = append(c, typ...)
	c = append(c, data...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

// rebuildICCP returns a new iCCP chunk for the data of one: a fixed
// profile name instead of the original, and the profile scrubbed. It
// returns nil (the chunk is dropped) when the profile does not decompress
// to a well-formed one of at most maxICC bytes.
func rebuildICCP(data []byte) []byte {
	i := bytes.IndexByte(data, 0)
	if i < 1 || i > 79 || i+2 > len(data) || data[i+1] != 0 {
		return nil
	}
	zr, err := zlib.NewReader(bytes.NewReader(data[i+2:]))
	if err != nil {
		return nil
	}
	profile, err := io.ReadAll(io.LimitReader(zr, maxICC+1))
	if err != nil || len(profile) > maxICC {
		return nil
	}
	n := scrubICC(profile)
	if n == 0 {
		return nil
	}
	var out bytes.Buffer
	out.WriteString("ICC\x00\x00")
	zw := zlib.NewWriter(&out)
	zw.Write(profile[:n])
	zw.Close()
	return pngChunk("iCCP", out.Bytes())
}
