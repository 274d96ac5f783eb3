package bundle

import (
	"encoding/binary"
	"io"
)

// maxWebP is the largest WebP the stripper cleans: the RIFF header holds
// the size of what follows, so the file is read whole before anything is
// written. Photos are a few megabytes.
const maxWebP = 32 << 20

// VP8X flags.
const (
	vp8xICC  = 0x20
	vp8xExif = 0x08
	vp8xXMP  = 0x04
	vp8xKeep = 0x20 | 0x10 | 0x02 // ICC, alpha, animation
)

// StripWebP rewrites a WebP from src to dst keeping only what decoding
// needs: the VP8X header (its flags rewritten), the image (VP8, VP8L,
// ALPH), the animation (ANIM, ANMF), the ICC profile with its texts blanked
// (see scrubICC), and a minimal EXIF chunk holding only the Orientation
// when the image is not upright. The EXIF and XMP chunks, unknown chunks
// and anything after the RIFF data are left out; the RIFF size is
// rewritten for what remains. A simple (lossy or lossless) WebP without
// VP8X keeps its one image chunk.
//
// The file is read whole first (at most 32 MiB; a larger one is
// malformed): the RIFF size comes before the chunks it counts. On
// malformed input see ErrMalformed.
func StripWebP(dst io.Writer, src io.Reader) (StripResult, error) {
	return finish(stripWebP(dst, newInput(src)))
}

func stripWebP(dst io.Writer, in *input) (StripResult, error) {
	var res StripResult
	head, err := in.peek(12)
	if err != nil || string(head[:4]) != "RIFF" || string(head[8:12]) != "WEBP" {
		if err != nil && err != io.EOF {
			return res, err
		}
		return res, malformedError(0, "no WebP header")
	}
	size := int64(le32(head[4:]))
	if size < 4 || size > maxWebP {
		return res, malformedError(4, "RIFF size out of range")
	}
	in.skip(12)
	// Read as it comes, so a header claiming more than the file holds
	// costs no more memory than the file.
	data, err := io.ReadAll(io.LimitReader(in.br, size-4))
	in.n += int64(len(data))
	if err != nil {
		return res, err
	}
	if int64(len(data)) < size-4 {
		return res, malformedError(in.n, "RIFF data runs past the end")
	}
	if end, err := in.atEOF(); err != nil {
		return res, err
	} else if !end {
		res.Removed++ // trailing data
	}
	type chunk struct {
		typ  string
		data []byte
	}
	var kept []chunk
	var vp8x []byte
	orientation := 0
	image := false
	for off := 0; off < len(data); {
		at := 12 + int64(off)
		if len(data)-off < 8 {
			return res, malformedError(at, "chunk header runs past the end")
		}
		typ := string(data[off : off+4])
		n := int64(le32(data[off+4:]))
		if n > int64(len(data)-off-8) {
			return res, malformedError(at, "chunk "+typ+" runs past the end")
		}
		body := data[off+8 : off+8+int(n)]
		off += 8 + int(n) + int(n&1)
		if off > len(data) {
			off = len(data) // a missing pad byte at the very end
		}
		switch {
		case len(kept) == 0 && typ != "VP8X" && typ != "VP8 " && typ != "VP8L":
			return res, malformedError(at, "the first chunk is not an image header")
		case typ == "VP8X":
			if len(kept) > 0 || n != 10 {
				return res, malformedError(at, "VP8X out of place or of the wrong size")
			}
			vp8x = body
			kept = append(kept, chunk{typ, body})
		case typ == "VP8 " || typ == "VP8L":
			if image && vp8x == nil {
				res.Removed++ // a simple WebP has one image
				continue
			}
			image = true
			kept = append(kept, chunk{typ, body})
		case vp8x == nil:
			res.Removed++ // a simple WebP has nothing else
		case typ == "ALPH" || typ == "ANIM" || typ == "ANMF":
			image = image || typ != "ANIM"
			kept = append(kept, chunk{typ, body})
		case typ == "ICCP":
			p := append([]byte(nil), body...)
			if m := scrubICC(p); m > 0 && vp8x[0]&vp8xICC != 0 {
				kept = append(kept, chunk{typ, p[:m]})
			} else {
				res.Removed++
			}
		case typ == "EXIF":
			tiff := body
			if len(tiff) >= 6 && string(tiff[:6]) == "Exif\x00\x00" {
				tiff = tiff[6:]
			}
			if orientation == 0 {
				orientation = exifOrientation(tiff)
			}
			res.Removed++
		default: // XMP, unknown
			res.Removed++
		}
	}
	if !image {
		return res, malformedError(12, "no image data")
	}
	if vp8x != nil {
		flags := vp8x[0] & vp8xKeep
		hasICC := false
		for _, c := range kept {
			hasICC = hasICC || c.typ == "ICCP"
		}
		if !hasICC {
			flags &^= vp8xICC
		}
		if orientation != 0 {
			flags |= vp8xExif
			kept = append(kept, chunk{"EXIF", orientationTIFF(orientation)})
		}
		x := append([]byte{flags, 0, 0, 0}, vp8x[4:]...)
		kept[0].data = x
	}
	total := int64(4)
	for _, c := range kept {
		total += 8 + int64(len(c.data)) + int64(len(c.data)&1)
	}
	out := make([]byte, 0, 12+64)
	out = append(out, "RIFF"...)
	out = binary.LittleEndian.AppendUint32(out, uint32(total))
	out = append(out, "WEBP"...)
	if _, err := dst.Write(out); err != nil {
		return res, err
	}
	for _, c := range kept {
		h := binary.LittleEndian.AppendUint32([]byte(c.typ), uint32(len(c.data)))
		if _, err := dst.Write(h); err != nil {
			return res, err
		}
		if _, err := dst.Write(c.data); err != nil {
			return res, err
		}
		if len(c.data)&1 != 0 {
			if _, err := dst.Write([]byte{0}); err != nil {
				return res, err
			}
		}
	}
	return res, nil
}
