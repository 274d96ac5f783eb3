package bundle

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"math/rand/v2"
	"testing"
)

// secrets are planted in every metadata place of the fixtures; none may
// survive stripping.
var secrets = []string{"SECRET-GPS", "SECRET-XMP", "SECRET-IPTC", "SECRET-COMMENT", "SECRET-TRAILER",
	"SECRET-LATE", "SECRET-TEXT", "SECRET-ZTXT", "SECRET-ITXT", "SECRET-EXIF", "SECRET-PRIV", "SECRET-APP0"}

func testImage() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for y := range 48 {
		for x := range 64 {
			img.Set(x, y, color.RGBA{uint8(x * 4), uint8(y * 5), 128, 255})
		}
	}
	return img
}

func segment(marker byte, payload string) []byte {
	n := len(payload) + 2
	return append([]byte{0xff, marker, byte(n >> 8), byte(n)}, payload...)
}

// exifGPS is an APP1 Exif payload: a TIFF header and an IFD pointing at a
// GPS IFD, with the secret in the GPS data.
func exifGPS() string {
	var b bytes.Buffer
	b.WriteString("Exif\x00\x00II*\x00\x08\x00\x00\x00")
	b.Write([]byte{1, 0, 0x25, 0x88, 4, 0, 1, 0, 0, 0, 0x1a, 0, 0, 0, 0, 0, 0, 0}) // one entry: GPSInfo IFD at 26
	b.Write([]byte{1, 0, 2, 0, 2, 0, 2, 0, 0, 0, 'N', 0, 0, 0, 0, 0, 0, 0})        // GPSLatitudeRef N
	b.WriteString("GPSLatitude 48.8584 2.2945 SECRET-GPS")
	return b.String()
}

// makeJPEG returns a real JPEG with metadata everywhere a camera or an
// editor puts it: Exif with GPS, XMP, IPTC, a comment, an unknown APP0, an
// APP1 between the scan and EOI, and data after EOI. It also has the parts
// that must stay: JFIF, an ICC profile and the Adobe segment.
func makeJPEG(t testing.TB) []byte {
	var enc bytes.Buffer
	if err := jpeg.Encode(&enc, testImage(), &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	raw := enc.Bytes()
	var b bytes.Buffer
	b.Write(raw[:2])
	b.Write(segment(mAPP0, "JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"))
	b.Write(segment(mAPP0, "AVI1 SECRET-APP0"))
	b.Write(segment(mAPP1, exifGPS()))
	b.Write(segment(mAPP1, "http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>SECRET-XMP</x:xmpmeta>"))
	b.Write(segment(mAPP2, "ICC_PROFILE\x00\x01\x01fake-profile"))
	b.Write(segment(0xed, "Photoshop 3.0\x008BIM SECRET-IPTC"))
	b.Write(segment(mAP14, "Adobe\x00\x64\x00\x00\x00\x00\x01"))
	b.Write([]byte{0xff, 0xff}) // fill bytes before a marker
	b.Write(segment(mCOM, "SECRET-COMMENT"))
	body := raw[2 : len(raw)-2]
	b.Write(body)
	b.Write(segment(mAPP1, "Exif\x00\x00SECRET-LATE"))
	b.Write([]byte{0xff, mEOI})
	b.WriteString("SECRET-TRAILER motion photo")
	return b.Bytes()
}

func chunk(typ, data string) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.BigEndian, uint32(len(data)))
	b.WriteString(typ)
	b.WriteString(data)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE([]byte(typ+data)))
	return b.Bytes()
}

// makePNG returns a real PNG with text chunks, Exif, a time stamp, a
// private ancillary chunk and data after IEND; and gAMA and pHYs, which
// stay.
func makePNG(t testing.TB) []byte {
	var enc bytes.Buffer
	if err := png.Encode(&enc, testImage()); err != nil {
		t.Fatal(err)
	}
	raw := enc.Bytes()
	ihdrEnd := 8 + 8 + 13 + 4
	var b bytes.Buffer
	b.Write(raw[:ihdrEnd])
	b.Write(chunk("gAMA", "\x00\x00\xb1\x8f"))
	b.Write(chunk("tEXt", "Comment\x00SECRET-TEXT"))
	b.Write(chunk("zTXt", "Author\x00\x00SECRET-ZTXT"))
	b.Write(chunk("iTXt", "XML:com.adobe.xmp\x00\x00\x00\x00\x00SECRET-ITXT"))
	b.Write(chunk("eXIf", "II*\x00SECRET-EXIF"))
	b.Write(chunk("tIME", "\x07\xea\x0b\x16\x0c\x00\x00"))
	b.Write(chunk("pHYs", "\x00\x00\x0b\x13\x00\x00\x0b\x13\x01"))
	b.Write(chunk("prIv", "SECRET-PRIV"))
	b.Write(raw[ihdrEnd:])
	b.WriteString("SECRET-TRAILER")
	return b.Bytes()
}

func noSecrets(t testing.TB, what string, data []byte) {
	t.Helper()
	for _, s := range secrets {
		if bytes.Contains(data, []byte(s)) {
			t.Errorf("%s still contains %s", what, s)
		}
	}
}

// patternReader yields n bytes by repeating block.
type patternReader struct {
	block []byte
	n     int64
	off   int
}

func (r *patternReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	k := copy(p[:min(int64(len(p)), r.n)], r.block[r.off:])
	r.off = (r.off + k) % len(r.block)
	r.n -= int64(k)
	return k, nil
}

// scanBlock is 1 MiB of entropy-coded-looking data: random, every 0xFF
// stuffed with 0x00, so the JPEG scanner meets a marker-like byte about
// every 256 bytes.
func scanBlock() []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, 1<<20)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	for i := 0; i < len(b)-1; i++ {
		if b[i] == 0xff {
			b[i+1] = 0x00
		}
	}
	if b[len(b)-1] == 0xff {
		b[len(b)-1] = 0xfe
	}
	return b
}

// syntheticJPEG streams a JPEG-shaped file of about n bytes: headers with
// Exif, then n bytes of scan data, then EOI. It does not decode; it
// exercises the stripper's streaming path.
func syntheticJPEG(n int64, block []byte) io.Reader {
	head := append([]byte{0xff, 0xd8}, segment(mAPP1, exifGPS())...)
	head = append(head, segment(0xdb, string(make([]byte, 65)))...)
	head = append(head, segment(mSOS, "\x01\x01\x00\x00\x3f\x00")...)
	return io.MultiReader(bytes.NewReader(head), &patternReader{block: block, n: n}, bytes.NewReader([]byte{0xff, mEOI}))
}
