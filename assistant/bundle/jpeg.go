package bundle

import (
	"bytes"
	"fmt"
	"io"
)

// JPEG markers.
const (
	mSOI  = 0xd8
	mEOI  = 0xd9
	mSOS  = 0xda
	mDQT  = 0xdb
	mDNL  = 0xdc
	mDRI  = 0xdd
	mDHT  = 0xc4
	mDAC  = 0xcc
	mAPP0 = 0xe0
	mAPP1 = 0xe1
	mAPP2 = 0xe2
	mAP14 = 0xee
	mCOM  = 0xfe
)

// iccChunk is the most profile bytes one APP2 segment holds.
const iccChunk = 65535 - 2 - 14

// StripJPEG rewrites a JPEG from src to dst keeping only what decoding
// needs: the frame (SOF), quantisation and Huffman tables (DQT, DHT, DAC),
// the restart interval (DRI, DNL), the scans with their entropy-coded
// data, and these, rebuilt by the stripper rather than copied: a JFIF
// header in its minimal form (version, units and density; no thumbnail), a
// minimal Exif holding only the Orientation when the photo is not upright,
// the ICC colour profile with its texts blanked (see scrubICC), and the
// Adobe colour-transform flag, without which some JPEGs decode with wrong
// colours. Everything else is left out wherever it appears: Exif (with GPS,
// maker, model, serial and thumbnail), XMP, IPTC, comments, every other APPn
// segment, unknown and reserved segments, and anything after the
// end-of-image marker (appended thumbnails, multi-picture data, motion
// photo videos). Every kept segment is checked against its own structure,
// so a segment that is not what its marker says ends the file as
// malformed; so do hierarchical JPEGs and markers out of place.
//
// A src that is a *bufio.Reader is read through directly; memory use is
// its buffer and one segment (64 KiB), plus the ICC profile (at most
// 1 MiB). On malformed input see ErrMalformed.
func StripJPEG(dst io.Writer, src io.Reader) (StripResult, error) {
	return finish(stripJPEG(dst, newInput(src)))
}

// jpegHeaders are the segments a JPEG keeps from before its tables, held
// until the first table or frame segment and then written in one go.
type jpegHeaders struct {
	jfif        []byte // the minimal JFIF payload, or nil
	orientation int
	icc         map[byte][]byte // ICC chunks by sequence number
	iccCount    byte
	iccSize     int
	iccBad      bool
	adobe       int // the transform flag, -1 without an Adobe segment
	written     bool
}

func stripJPEG(dst io.Writer, in *input) (StripResult, error) {
	var res StripResult
	head, err := in.peek(2)
	if err != nil || head[0] != 0xff || head[1] != mSOI {
		if err != nil && err != io.EOF {
			return res, err
		}
		return res, malformedError(0, "no JPEG start marker")
	}
	if _, err := dst.Write([]byte{0xff, mSOI}); err != nil {
		return res, err
	}
	in.skip(2)
	h := jpegHeaders{adobe: -1}
	body := make([]byte, 65535)
	frame, scanned := false, false
	for {
		b, err := in.readByte()
		if err != nil {
			return res, in.errAt(err, "no end-of-image marker")
		}
		if b != 0xff {
			return res, malformedError(in.n-1, "data where a marker should be")
		}
		m := byte(0xff)
		for m == 0xff { // fill bytes
			if m, err = in.readByte(); err != nil {
				return res, in.errAt(err, "input ends inside a marker")
			}
		}
		at := in.n - 2
		switch {
		case m == mEOI:
			if !scanned {
				return res, malformedError(at, "end of image before any scan")
			}
			if _, err := dst.Write([]byte{0xff, mEOI}); err != nil {
				return res, err
			}
			if end, err := in.atEOF(); err != nil {
				return res, err
			} else if !end {
				res.Removed++ // trailing data
			}
			return res, nil
		case m == 0x00 || m == 0x01 || m == mSOI || m >= 0xd0 && m <= 0xd7:
			return res, malformedError(at, fmt.Sprintf("marker 0x%02x out of place", m))
		case m == 0xde || m == 0xdf:
			return res, malformedError(at, "hierarchical JPEG")
		}
		lb, err := in.peek(2)
		if err != nil {
			return res, in.errAt(err, "input ends inside a segment length")
		}
		length := be16(lb)
		if length < 2 {
			return res, malformedError(in.n, "segment length below 2")
		}
		in.skip(2)
		seg := body[:length-2]
		if err := in.readFull(seg); err != nil {
			return res, in.errAt(err, "segment runs past the end")
		}
		switch {
		case m >= 0xe0 && m <= 0xef: // APPn
			if h.written {
				res.Removed++ // too late to keep: headers go before the tables
				continue
			}
			if !h.take(m, seg) {
				res.Removed++
			}
			continue
		case m == mCOM, m >= 0xf0 && m <= 0xfd, m >= 0x02 && m <= 0xbf: // comments, JPGn, reserved
			res.Removed++
			continue
		}
		var ok bool
		switch {
		case m == mDQT:
			ok = validDQT(seg)
		case m == mDHT:
			ok = validDHT(seg)
		case m == mDAC:
			ok = len(seg) > 0 && len(seg)%2 == 0
		case m == mDRI, m == mDNL:
			ok = len(seg) == 2
		case m == mSOS:
			ok = frame && validSOS(seg)
		case m >= 0xc0 && m <= 0xcf: // SOFn; C4, C8 and CC are handled above or below
			if m == 0xc8 {
				return res, malformedError(at, "marker JPG")
			}
			ok = !frame && validSOF(seg)
			frame = true
		}
		if !ok {
			return res, malformedError(at, fmt.Sprintf("segment 0x%02x is not what its marker says", m))
		}
		if !h.written {
			if err := h.write(dst, &res); err != nil {
				return res, err
			}
		}
		if _, err := dst.Write([]byte{0xff, m, byte(length >> 8), byte(length)}); err != nil {
			return res, err
		}
		if _, err := dst.Write(seg); err != nil {
			return res, err
		}
		if m == mSOS {
			scanned = true
			if err := scanData(dst, in); err != nil {
				return res, in.errAt(err, "input ends inside image data")
			}
		}
	}
}

// take looks at an APPn segment before the tables and keeps what is
// needed of it; it reports whether anything was kept.
func (h *jpegHeaders) take(m byte, seg []byte) bool {
	switch {
	case m == mAPP0 && bytes.HasPrefix(seg, []byte("JFIF\x00")) && len(seg) >= 14 && h.jfif == nil:
		// version (2), units (1), density (2+2); no thumbnail.
		h.jfif = append([]byte("JFIF\x00"), seg[5:12]...)
		h.jfif = append(h.jfif, 0, 0)
		return true
	case m == mAPP1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")):
		if h.orientation == 0 {
			h.orientation = exifOrientation(seg[6:])
		}
		return false // written anew, with the orientation alone
	case m == mAPP2 && bytes.HasPrefix(seg, []byte("ICC_PROFILE\x00")) && len(seg) > 14:
		seq, count := seg[12], seg[13]
		switch {
		case h.iccBad:
		case seq == 0 || seq > count || h.iccCount != 0 && count != h.iccCount || h.icc[seq] != nil,
			h.iccSize+len(seg)-14 > maxICC:
			h.iccBad = true
		default:
			if h.icc == nil {
				h.icc = map[byte][]byte{}
			}
			h.iccCount = count
			h.icc[seq] = append([]byte(nil), seg[14:]...)
			h.iccSize += len(seg) - 14
		}
		return !h.iccBad
	case m == mAP14 && bytes.HasPrefix(seg, []byte("Adobe")) && len(seg) >= 12:
		h.adobe = int(seg[11])
		return true
	}
	return false
}

// write writes the kept headers: JFIF, the orientation, the ICC profile
// (scrubbed, in as many segments as it needs) and the Adobe flag.
func (h *jpegHeaders) write(dst io.Writer, res *StripResult) error {
	h.written = true
	var out []byte
	seg := func(m byte, payload ...[]byte) {
		n := 2
		for _, p := range payload {
			n += len(p)
		}
		out = append(out, 0xff, m, byte(n>>8), byte(n))
		for _, p := range payload {
			out = append(out, p...)
		}
	}
	if h.jfif != nil {
		seg(mAPP0, h.jfif)
	}
	if h.orientation != 0 {
		seg(mAPP1, []byte("Exif\x00\x00"), orientationTIFF(h.orientation))
	}
	if len(h.icc) > 0 {
		var profile []byte
		for i := 1; i <= int(h.iccCount) && !h.iccBad; i++ {
			c, ok := h.icc[byte(i)]
			if !ok {
				h.iccBad = true
			}
			profile = append(profile, c...)
		}
		n := 0
		if !h.iccBad {
			n = scrubICC(profile)
		}
		chunks := (n + iccChunk - 1) / iccChunk
		for i := 0; i < chunks; i++ {
			part := profile[i*iccChunk : min(n, (i+1)*iccChunk)]
			seg(mAPP2, []byte("ICC_PROFILE\x00"), []byte{byte(i + 1), byte(chunks)}, part)
		}
		if n == 0 {
			res.Removed++
		}
		h.icc = nil
	}
	if h.adobe >= 0 {
		seg(mAP14, []byte("Adobe\x00\x64\x00\x00\x00\x00"), []byte{byte(h.adobe)})
	}
	_, err := dst.Write(out)
	return err
}

// validDQT: whole tables of 64 values, 8 or 16 bits, ids 0 to 3.
func validDQT(s []byte) bool {
	if len(s) == 0 {
		return false
	}
	for len(s) > 0 {
		pq, tq := s[0]>>4, s[0]&15
		n := 1 + 64*(int(pq)+1)
		if pq > 1 || tq > 3 || len(s) < n {
			return false
		}
		s = s[n:]
	}
	return true
}

// validDHT: whole tables, class 0 or 1, ids 0 to 3, at most 256 codes.
func validDHT(s []byte) bool {
	if len(s) == 0 {
		return false
	}
	for len(s) > 0 {
		if len(s) < 17 || s[0]>>4 > 1 || s[0]&15 > 3 {
			return false
		}
		sum := 0
		for _, c := range s[1:17] {
			sum += int(c)
		}
		if sum > 256 || len(s) < 17+sum {
			return false
		}
		s = s[17+sum:]
	}
	return true
}

// validSOF: precision, a non-zero width, 1 to 4 components with sampling
// factors 1 to 4 and table ids 0 to 3, and nothing else.
func validSOF(s []byte) bool {
	if len(s) < 6 {
		return false
	}
	nf := int(s[5])
	if nf < 1 || nf > 4 || len(s) != 6+3*nf || be16(s[3:]) == 0 || s[0] < 2 || s[0] > 16 {
		return false
	}
	for i := 0; i < nf; i++ {
		c := s[6+3*i:]
		if h, v := c[1]>>4, c[1]&15; h < 1 || h > 4 || v < 1 || v > 4 || c[2] > 3 {
			return false
		}
	}
	return true
}

// validSOS: 1 to 4 components, and exactly the bytes they need.
func validSOS(s []byte) bool {
	if len(s) < 1 {
		return false
	}
	ns := int(s[0])
	return ns >= 1 && ns <= 4 && len(s) == 1+2*ns+3
}

// scanData copies entropy-coded data up to the next marker, which it
// leaves unread. Stuffed bytes (FF 00) and restart markers are data; fill
// bytes (FF FF) are dropped.
func scanData(dst io.Writer, in *input) error {
	for {
		if in.br.Buffered() == 0 {
			if _, err := in.br.Peek(1); err != nil {
				return err
			}
		}
		buf, _ := in.br.Peek(in.br.Buffered())
		i := bytes.IndexByte(buf, 0xff)
		if i != 0 {
			if i < 0 {
				i = len(buf)
			}
			if _, err := dst.Write(buf[:i]); err != nil {
				return err
			}
			in.skip(int64(i))
			continue
		}
		pair, err := in.br.Peek(2)
		if err != nil {
			return err
		}
		switch m := pair[1]; {
		case m == 0x00, m >= 0xd0 && m <= 0xd7:
			if _, err := dst.Write(pair); err != nil {
				return err
			}
			in.skip(2)
		case m == 0xff:
			in.skip(1)
		default:
			return nil
		}
	}
}
