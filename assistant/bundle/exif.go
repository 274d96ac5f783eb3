package bundle

// Orientation is the one piece of Exif the bundle keeps: without it a
// photo taken with the phone held upright shows on its side. Every
// stripper that meets Exif reads the Orientation tag (0x0112) from its
// first directory and, when it is not 1 (upright), writes a minimal Exif
// of its own holding only that tag. Nothing of the original Exif is
// copied.

// exifOrientation returns the Orientation (2 to 8) in tiff, a TIFF header
// and its first directory as Exif stores them, or 0 when it is absent,
// upright or unreadable.
func exifOrientation(tiff []byte) int {
	if len(tiff) < 8 {
		return 0
	}
	var u16 func([]byte) int
	var u32 func([]byte) uint32
	switch string(tiff[:4]) {
	case "II*\x00":
		u16, u32 = le16, le32
	case "MM\x00*":
		u16, u32 = be16, be32
	default:
		return 0
	}
	off := int64(u32(tiff[4:]))
	if off < 8 || off+2 > int64(len(tiff)) {
		return 0
	}
	n := int64(u16(tiff[off:]))
	for i := int64(0); i < n; i++ {
		e := off + 2 + 12*i
		if e+12 > int64(len(tiff)) {
			return 0
		}
		if u16(tiff[e:]) != 0x0112 {
			continue
		}
		if u16(tiff[e+2:]) != 3 || u32(tiff[e+4:]) != 1 { // SHORT, count 1
			return 0
		}
		if v := u16(tiff[e+8:]); v >= 2 && v <= 8 {
			return v
		}
		return 0
	}
	return 0
}

// minimalTIFF is a big-endian TIFF header and one directory with one
// entry, Orientation; the value's low byte is at orientationAt.
const minimalTIFF = "MM\x00*\x00\x00\x00\x08" + // header, first directory at 8
	"\x00\x01" + // one entry
	"\x01\x12\x00\x03\x00\x00\x00\x01\x00\x00\x00\x00" + // Orientation, SHORT, 1, value
	"\x00\x00\x00\x00" // no next directory

const orientationAt = 8 + 2 + 9

// orientationTIFF returns a minimal TIFF holding only orientation o.
func orientationTIFF(o int) []byte {
	b := []byte(minimalTIFF)
	b[orientationAt] = byte(o)
	return b
}
