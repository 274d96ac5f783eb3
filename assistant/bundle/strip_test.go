package bundle

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
)

// stripper is a format's stripper with its synthetic fixture.
type stripper struct {
	name    string
	strip   func(io.Writer, io.Reader) (StripResult, error)
	fixture func(testing.TB) []byte
	file    string // the fixture's name under testdata/
}

var strippers = []stripper{
	{"JPEG", StripJPEG, makeJPEG, "metadata.jpg"},
	{"PNG", StripPNG, makePNG, "metadata.png"},
	{"GIF", StripGIF, makeGIF, "metadata.gif"},
	{"WebP", StripWebP, makeWebP, "metadata.webp"},
	{"ISOBMFF", StripISOBMFF, makeMP4, "metadata.mp4"},
	{"ISOBMFF", StripISOBMFF, makeHEIF, "metadata.heic"},
	{"Matroska", StripMatroska, makeWebM, "metadata.webm"},
	{"Text", StripText, func(testing.TB) []byte {
		return []byte("Seller: sorry, I will send it.\r\nMe: thank you\tok\n€ ✓\n")
	}, "chat.txt"},
}

func strip(t testing.TB, f func(io.Writer, io.Reader) (StripResult, error), in []byte) ([]byte, StripResult) {
	t.Helper()
	var out bytes.Buffer
	res, err := f(&out, bytes.NewReader(in))
	if err != nil {
		t.Fatalf("strip: %v", err)
	}
	return out.Bytes(), res
}

// samePixels fails unless a and b decode to the same pixels.
func samePixels(t *testing.T, what string, a, b image.Image) {
	t.Helper()
	if a.Bounds() != b.Bounds() {
		t.Fatalf("%s: bounds %v, want %v", what, b.Bounds(), a.Bounds())
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				t.Fatalf("%s: pixel %d,%d is %v, was %v", what, x, y, b.At(x, y), a.At(x, y))
			}
		}
	}
}

// orientationOf finds the Orientation of a minimal Exif (the stripper's
// own) anywhere in data; 0 if there is none.
func orientationOf(data []byte) int {
	i := bytes.Index(data, []byte(minimalTIFF[:orientationAt]))
	if i < 0 {
		return 0
	}
	return int(data[i+orientationAt])
}

func TestStripJPEGRemovesMetadata(t *testing.T) {
	in := makeJPEG(t)
	out, res := strip(t, StripJPEG, in)
	noSecrets(t, "stripped JPEG", out)
	for _, keep := range []string{"JFIF\x00", "ICC_PROFILE\x00", "acsp", "Adobe"} {
		if !bytes.Contains(out, []byte(keep)) {
			t.Errorf("%q was removed", keep)
		}
	}
	if got := orientationOf(out); got != 6 {
		t.Errorf("orientation %d, want 6", got)
	}
	// APP0 AVI1, Exif, XMP, IPTC, COM, F7, 4F, the late APP1 and the trailer.
	if res.Removed != 9 || res.Truncated {
		t.Errorf("result %+v", res)
	}
	want, err := jpeg.Decode(bytes.NewReader(plainJPEG(t)))
	if err != nil {
		t.Fatal(err)
	}
	got, err := jpeg.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("the stripped JPEG does not decode: %v", err)
	}
	samePixels(t, "JPEG", want, got)
}

func TestStripPNGRemovesMetadata(t *testing.T) {
	in := makePNG(t)
	out, res := strip(t, StripPNG, in)
	noSecrets(t, "stripped PNG", out)
	for _, gone := range []string{"tEXt", "zTXt", "iTXt", "tIME", "prIv", "pHYs"} {
		if bytes.Contains(out, []byte(gone)) {
			t.Errorf("chunk %s left", gone)
		}
	}
	for _, keep := range []string{"IHDR", "gAMA", "iCCPICC\x00", "eXIf", "IDAT", "IEND"} {
		if !bytes.Contains(out, []byte(keep)) {
			t.Errorf("chunk %s was removed", keep)
		}
	}
	if got := orientationOf(out); got != 6 {
		t.Errorf("orientation %d, want 6", got)
	}
	// iCCP and eXIf (rebuilt), the three texts, tIME, pHYs, prIv, the trailer.
	if res.Removed != 9 || res.Truncated {
		t.Errorf("result %+v", res)
	}
	want, _ := png.Decode(bytes.NewReader(in))
	got, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("the stripped PNG does not decode: %v", err)
	}
	samePixels(t, "PNG", want, got)
}

func TestStripGIFKeepsFramesAndLoop(t *testing.T) {
	in := makeGIF(t)
	out, res := strip(t, StripGIF, in)
	noSecrets(t, "stripped GIF", out)
	if res.Removed != 4 || res.Truncated { // comment, XMP, plain text, trailer
		t.Errorf("result %+v", res)
	}
	want, err := gif.DecodeAll(bytes.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	got, err := gif.DecodeAll(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("the stripped GIF does not decode: %v", err)
	}
	if len(got.Image) != 2 || got.LoopCount != want.LoopCount || got.Delay[1] != want.Delay[1] {
		t.Errorf("frames %d loop %d delay %v", len(got.Image), got.LoopCount, got.Delay)
	}
	for i := range want.Image {
		samePixels(t, "GIF frame "+strconv.Itoa(i), want.Image[i], got.Image[i])
	}
}

// webpChunks lists the chunk types of a WebP, checking the RIFF size.
func webpChunks(t *testing.T, data []byte) []string {
	t.Helper()
	if int(binary.LittleEndian.Uint32(data[4:])) != len(data)-8 {
		t.Fatalf("RIFF size %d for %d bytes", binary.LittleEndian.Uint32(data[4:]), len(data))
	}
	var out []string
	for off := 12; off < len(data); {
		n := int(binary.LittleEndian.Uint32(data[off+4:]))
		out = append(out, string(data[off:off+4]))
		off += 8 + n + n%2
	}
	return out
}

func TestStripWebPDropsExifAndXMP(t *testing.T) {
	out, res := strip(t, StripWebP, makeWebP(t))
	noSecrets(t, "stripped WebP", out)
	if got := strings.Join(webpChunks(t, out), " "); got != "VP8X ICCP ANIM ANMF EXIF" {
		t.Errorf("chunks %s", got)
	}
	if flags := out[20]; flags != vp8xICC|0x10|0x02|vp8xExif {
		t.Errorf("VP8X flags %#x", flags)
	}
	if got := orientationOf(out); got != 6 {
		t.Errorf("orientation %d, want 6", got)
	}
	if res.Removed != 4 || res.Truncated { // EXIF, XMP, unknown, trailer
		t.Errorf("result %+v", res)
	}
	// Without an orientation, no EXIF chunk and no EXIF flag.
	in := makeWebP(t)
	i := bytes.Index(in, []byte("\x12\x01\x03\x00")) // the Orientation entry, little-endian
	in[i+8] = 1
	out, _ = strip(t, StripWebP, in)
	if got := strings.Join(webpChunks(t, out), " "); got != "VP8X ICCP ANIM ANMF" || out[20]&vp8xExif != 0 {
		t.Errorf("upright: chunks %s, flags %#x", got, out[20])
	}
}

// boxTypes lists the boxes of an ISO base media file: the top level, and
// the children of the containers named.
func boxTypes(t *testing.T, data []byte, containers string) []string {
	t.Helper()
	var out []string
	var walk func(p []byte, prefix string)
	walk = func(p []byte, prefix string) {
		for off := 0; off < len(p); {
			n := int(binary.BigEndian.Uint32(p[off:]))
			if n < 8 || off+n > len(p) {
				t.Fatalf("box at %d of %s: size %d", off, prefix, n)
			}
			typ := string(p[off+4 : off+8])
			out = append(out, prefix+typ)
			if strings.Contains(containers, typ) {
				body := p[off+8 : off+n]
				if typ == "meta" {
					body = body[4:] // a full box
				}
				walk(body, prefix+typ+"/")
			}
			off += n
		}
	}
	walk(data, "")
	return out
}

func TestStripMP4FreesMetadataBoxes(t *testing.T) {
	in := makeMP4(t)
	out, res := strip(t, StripISOBMFF, in)
	noSecrets(t, "stripped MP4", out)
	trailer := bytes.Index(in, []byte("SECRET-TRAILER"))
	if len(out) != trailer {
		t.Fatalf("%d bytes out of %d before the trailer: sizes must not change", len(out), trailer)
	}
	got := strings.Join(boxTypes(t, out, "moov trak mdia"), " ")
	want := "ftyp free mdat moov moov/mvhd moov/trak moov/trak/tkhd moov/trak/mdia moov/trak/mdia/mdhd moov/trak/mdia/hdlr " +
		"moov/trak/mdia/minf moov/trak/free moov/free moov/free moov/free"
	if got != want {
		t.Errorf("boxes\n%s\nwant\n%s", got, want)
	}
	if i := bytes.Index(out, mdatPayload); i != bytes.Index(in, mdatPayload) {
		t.Errorf("media data moved: at %d", i)
	}
	if res.Removed != 5 || res.Truncated { // track udta, udta, meta, uuid, trailer
		t.Errorf("result %+v", res)
	}
}

func TestStripHEIFZeroesItems(t *testing.T) {
	in := makeHEIF(t)
	out, _ := strip(t, StripISOBMFF, in)
	noSecrets(t, "stripped HEIC", out)
	trailer := bytes.Index(in, []byte("SECRET-TRAILER"))
	if len(out) != trailer {
		t.Fatalf("%d bytes out of %d before the trailer", len(out), trailer)
	}
	if i := bytes.Index(out, heifPixels); i != bytes.Index(in, heifPixels) || i < 0 {
		t.Errorf("the picture moved or changed: at %d", i)
	}
	// The Exif item holds the orientation alone, where it was.
	exifAt := bytes.Index(in, heifExif())
	if o := exifOrientation(out[exifAt+4:]); o != 6 {
		t.Errorf("orientation %d in the Exif item", o)
	}
	got := strings.Join(boxTypes(t, out, "meta iprp ipco"), " ")
	if !strings.Contains(got, "meta/free") || !strings.Contains(got, "ipco/free") || !strings.Contains(got, "ipco/colr") ||
		!strings.Contains(got, "ipco/irot") {
		t.Errorf("boxes %s", got)
	}
	if !bytes.Contains(out, []byte("acsp")) {
		t.Error("the ICC profile was removed")
	}
}

func TestStripWebMVoidsMetadata(t *testing.T) {
	in := makeWebM(t)
	out, res := strip(t, StripMatroska, in)
	noSecrets(t, "stripped WebM", out)
	trailer := bytes.Index(in, []byte("SECRET-TRAILER"))
	if len(out) != trailer {
		t.Fatalf("%d bytes out of %d before the trailer: sizes must not change", len(out), trailer)
	}
	for _, keep := range [][]byte{[]byte("webm"), []byte("V_VP8"), webmFrames} {
		if bytes.Count(out, keep) != bytes.Count(in, keep) {
			t.Errorf("%q was removed", keep)
		}
	}
	// Title, muxing app, writing app, date, CRC; track name, codec name;
	// tags, attachments; the trailer.
	if res.Removed != 10 || res.Truncated {
		t.Errorf("result %+v", res)
	}
	// As a browser records it: the segment of unknown size.
	seg := bytes.Index(in, []byte{0x18, 0x53, 0x80, 0x67})
	n, _, _, _ := vint(in[seg+4:], 8)
	live := append(bytes.Clone(in[:seg+4]), 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
	live = append(live, in[seg+4+n:trailer]...)
	out, _ = strip(t, StripMatroska, live)
	noSecrets(t, "stripped live WebM", out)
	if len(out) != len(live) || !bytes.Contains(out, webmFrames) {
		t.Errorf("live WebM: %d bytes of %d", len(out), len(live))
	}
}

func TestVoidHeaderFillsAnySize(t *testing.T) {
	for total := int64(2); total < 300; total++ {
		h := voidHeader(total)
		n, v, _, ok := vint(h[1:], 8)
		if !ok || h[0] != ebmlVoid || int64(1+n)+int64(v) != total {
			t.Fatalf("void of %d bytes: % x", total, h)
		}
	}
}

// TestStripEveryPrefix cuts the fixtures at every length: the stripper
// must report the damage, never panic, never emit a secret, and what it
// emits must be the start of what it emits for the whole file: it only
// ever copies units it has classified.
func TestStripEveryPrefix(t *testing.T) {
	for _, s := range strippers {
		full := s.fixture(t)
		var want bytes.Buffer
		s.strip(&want, bytes.NewReader(full))
		end := bytes.Index(full, []byte("SECRET-TRAILER"))
		if end < 0 {
			end = len(full)
		}
		step := 1
		if len(full) > 4000 {
			step = 3
		}
		for n := 0; n < len(full); n += step {
			var out bytes.Buffer
			res, err := s.strip(&out, bytes.NewReader(full[:n]))
			if n < end && s.name != "Text" && (!errors.Is(err, ErrMalformed) || !res.Truncated) {
				t.Fatalf("%s cut at %d: %v %+v", s.file, n, err, res)
			}
			if !bytes.HasPrefix(want.Bytes(), out.Bytes()) {
				t.Fatalf("%s cut at %d: output is not a prefix of the full output", s.file, n)
			}
			noSecrets(t, s.file, out.Bytes())
		}
	}
}

// TestStripHeaderMutations changes every byte before the image data of
// the JPEG and PNG fixtures, several ways: whatever the stripper makes of
// it, no secret comes out (a marker or length changed once let a whole
// Exif block through).
func TestStripHeaderMutations(t *testing.T) {
	for _, s := range strippers[:2] {
		full := s.fixture(t)
		data := bytes.Index(full, []byte{0xff, mSOS})
		if s.name == "PNG" {
			data = bytes.Index(full, []byte("IDAT")) - 4
		}
		for i := 0; i < data; i++ {
			for _, v := range []byte{0x00, 0xff, full[i] ^ 0x01, full[i] + 1, 0xd9, 0xc4, 0xdb, 'A'} {
				in := bytes.Clone(full)
				in[i] = v
				var out bytes.Buffer
				res, err := s.strip(&out, bytes.NewReader(in))
				if err != nil && !errors.Is(err, ErrMalformed) {
					t.Fatalf("%s byte %d = %#x: %v", s.name, i, v, err)
				}
				for _, sec := range secrets {
					if bytes.Contains(out.Bytes(), []byte(sec)) {
						t.Fatalf("%s byte %d = %#x: %s leaked (%+v)", s.name, i, v, sec, res)
					}
				}
			}
		}
	}
}

// TestStripHostile: bogus lengths, garbage, unknown critical units and
// endless fill bytes end in ErrMalformed, with no secret in the output.
func TestStripHostile(t *testing.T) {
	sig := "\x89PNG\r\n\x1a\n"
	ihdr := string(chunk("IHDR", "\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"))
	ftyp := string(box("ftyp", str("isom"), u32(0), str("isom")))
	cases := []struct {
		strip func(io.Writer, io.Reader) (StripResult, error)
		name  string
		in    string
	}{
		{StripJPEG, "empty", ""},
		{StripJPEG, "not a jpeg", "GIF89a"},
		{StripJPEG, "junk byte first", "\x00\xff\xd8\xff\xe1\x00\x0cExif\x00\x00SECRET-GPS"},
		{StripJPEG, "soi only", "\xff\xd8"},
		{StripJPEG, "length past end", "\xff\xd8\xff\xe1\xff\xffExif\x00\x00SECRET-GPS"},
		{StripJPEG, "length zero", "\xff\xd8\xff\xe1\x00\x00SECRET-GPS"},
		{StripJPEG, "length one", "\xff\xd8\xff\xfe\x00\x01SECRET-COMMENT"},
		{StripJPEG, "garbage", "\xff\xd8SECRET-COMMENT"},
		{StripJPEG, "fill forever", "\xff\xd8" + strings.Repeat("\xff", 100000)},
		{StripJPEG, "stuffed at marker", "\xff\xd8\xff\x00SECRET-GPS"},
		{StripJPEG, "second soi", "\xff\xd8\xff\xd8\xff\xfe\x00\x10SECRET-COMMENT"},
		{StripJPEG, "exif as a table", "\xff\xd8\xff\xdb\x00\x12Exif\x00\x00SECRET-GPS"},
		{StripJPEG, "exif as huffman", "\xff\xd8\xff\xc4\x00\x12Exif\x00\x00SECRET-GPS"},
		{StripJPEG, "exif as a frame", "\xff\xd8\xff\xc0\x00\x12Exif\x00\x00SECRET-GPS"},
		{StripJPEG, "scan before frame", "\xff\xd8\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00SECRET-GPS\xff\xd9"},
		{StripJPEG, "hierarchical", "\xff\xd8\xff\xde\x00\x04\x00\x00SECRET-GPS"},
		{StripJPEG, "no scan", "\xff\xd8\xff\xe1\x00\x0cExif\x00\x00SECRET\xff\xd9"},
		{StripPNG, "empty", ""},
		{StripPNG, "signature only", sig},
		{StripPNG, "huge length", sig + "\xff\xff\xff\xfftEXtSECRET-TEXT"},
		{StripPNG, "length past end", sig + "\x00\x00\x10\x00tEXtSECRET-TEXT"},
		{StripPNG, "bad type", sig + "\x00\x00\x00\x01t\x00XtSECRET-TEXT"},
		{StripPNG, "no iend", sig + ihdr + string(chunk("tEXt", "SECRET-TEXT"))},
		{StripPNG, "short chunk head", sig + "\x00\x00"},
		{StripPNG, "critical unknown", sig + ihdr + string(chunk("GPSl", "SECRET-GPS 48.85 2.29"))},
		{StripPNG, "not ihdr first", sig + string(chunk("gAMA", "\x00\x00\xb1\x8f")) + ihdr},
		{StripPNG, "bad crc", sig + ihdr[:len(ihdr)-1] + "\x00" + string(chunk("IEND", ""))},
		{StripPNG, "gAMA carrying text", sig + ihdr + string(chunk("gAMA", "\x00\x00\xb1\x8fSECRET-TEXT"))},
		{StripGIF, "no trailer", "GIF89a\x01\x00\x01\x00\x00\x00\x00\x21\xfe\x0aSECRET-COM"},
		{StripGIF, "unknown block", "GIF89a\x01\x00\x01\x00\x00\x00\x00\x99SECRET-GPS"},
		{StripGIF, "graphic control carrying text", "GIF89a\x01\x00\x01\x00\x00\x00\x00\x21\xf9\x0aSECRET-GPS\x00"},
		{StripGIF, "no image", "GIF89a\x01\x00\x01\x00\x00\x00\x00\x21\xfe\x06SECRET\x00\x3b"},
		{StripWebP, "huge RIFF", "RIFF\xff\xff\xff\x7fWEBPVP8X"},
		{StripWebP, "chunk past end", "RIFF\x20\x00\x00\x00WEBPVP8L\xff\x00\x00\x00SECRET-EXIF"},
		{StripWebP, "exif first", "RIFF\x1a\x00\x00\x00WEBPEXIF\x0e\x00\x00\x00SECRET-EXIF..."},
		{StripISOBMFF, "empty", ""},
		{StripISOBMFF, "no ftyp", string(box("udta", str("SECRET-UDTA")))},
		{StripISOBMFF, "box past end", ftyp + "\x00\x00\x10\x00udtaSECRET-UDTA"},
		{StripISOBMFF, "child past parent", ftyp + string(box("moov", u32(100), str("udtaSECRET-UDTA")))},
		{StripISOBMFF, "no media", ftyp + string(box("moov", box("udta", str("SECRET-UDTA"))))},
		{StripISOBMFF, "moov to the end", ftyp + "\x00\x00\x00\x00moov" + string(box("udta", str("SECRET-UDTA")))},
		{StripISOBMFF, "size below header", ftyp + "\x00\x00\x00\x04udtaSECRET-UDTA"},
		{StripISOBMFF, "huge meta", ftyp + "\x00\x00\x00\x01meta\x00\x00\x00\x10\x00\x00\x00\x00SECRET-XMP"},
		{StripText, "binary", "Seller: ok\x00\x01SECRET"},
		{StripMatroska, "not ebml", "\x1a\x45\xdf\xa3\x80\x00SECRET-GPS"},
		{StripMatroska, "tags past end", string(el(ebmlHeader, str("webm"))) + "\x18\x53\x80\x67\x88\x12\x54\xc3\x67\x8fSECRET-GPS"},
		{StripMatroska, "info of unknown size", string(el(ebmlHeader, str("webm"))) + "\x18\x53\x80\x67\x01\xff\xff\xff\xff\xff\xff\xff\x15\x49\xa9\x66\x01\xff\xff\xff\xff\xff\xff\xff\x7b\xa9\x8aSECRET-GPS"},
		{StripText, "latin-1", "caf\xe9 SECRET"},
	}
	for _, c := range cases {
		var out bytes.Buffer
		res, err := c.strip(&out, bytes.NewReader([]byte(c.in)))
		if !errors.Is(err, ErrMalformed) || !res.Truncated {
			t.Errorf("%s: %v %+v", c.name, err, res)
		}
		noSecrets(t, c.name, out.Bytes())
		if strings.Contains(out.String(), "SECRET") {
			t.Errorf("%s: a secret in %q", c.name, out.String())
		}
	}
}

// TestStripHEIFRefusesMisplacedItems: an XMP item whose bytes sit in the
// movie box, where the stripper copies, or before its meta box, makes the
// file malformed.
func TestStripHEIFRefusesMisplacedItems(t *testing.T) {
	in := makeHEIF(t)
	// Point the XMP item (item 3) at the ftyp box.
	i := bytes.Index(in, append(u16(3), u16(0)...))
	binary.BigEndian.PutUint32(in[i+8:], 8)
	var out bytes.Buffer
	if _, err := StripISOBMFF(&out, bytes.NewReader(in)); !errors.Is(err, ErrMalformed) {
		t.Errorf("an item before its meta box: %v", err)
	}
	// A photo whose media data comes before its meta box: nothing of the
	// media data is written.
	heif := makeHEIF(t)
	ftypEnd := int(binary.BigEndian.Uint32(heif))
	metaEnd := ftypEnd + int(binary.BigEndian.Uint32(heif[ftypEnd:]))
	mdatEnd := bytes.Index(heif, []byte("SECRET-TRAILER"))
	swapped := append(append(append([]byte(nil), heif[:ftypEnd]...), heif[metaEnd:mdatEnd]...), heif[ftypEnd:metaEnd]...)
	out.Reset()
	if _, err := StripISOBMFF(&out, bytes.NewReader(swapped)); !errors.Is(err, ErrMalformed) || out.Len() > ftypEnd {
		t.Errorf("media data first: %v, %d bytes written", err, out.Len())
	}
}

// TestStripReadsInSmallPieces: a reader that returns one byte at a time
// gives the same output; a read error comes back as it is.
func TestStripReadsInSmallPieces(t *testing.T) {
	for _, s := range strippers {
		in := s.fixture(t)
		var a, b bytes.Buffer
		s.strip(&a, bytes.NewReader(in))
		s.strip(&b, iotest.OneByteReader(bytes.NewReader(in)))
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: output depends on how the input is read", s.file)
		}
		if _, err := s.strip(&b, iotest.ErrReader(errors.New("disk gone"))); err == nil || errors.Is(err, ErrMalformed) {
			t.Errorf("%s: a read error must come back as is: %v", s.file, err)
		}
	}
}

// TestStripIsIdempotent: what a stripper writes has nothing left to
// remove.
func TestStripIsIdempotent(t *testing.T) {
	for _, s := range strippers {
		once, _ := strip(t, s.strip, s.fixture(t))
		twice, _ := strip(t, s.strip, once)
		if !bytes.Equal(once, twice) {
			t.Errorf("%s: a second pass changes the output", s.file)
		}
	}
}

// TestStripMemoryIsBounded: headers claiming huge sizes cost no more than
// the bytes that are there.
func TestStripMemoryIsBounded(t *testing.T) {
	ftyp := box("ftyp", str("heic"), u32(0), str("mif1heic"))
	for name, c := range map[string]struct {
		strip func(io.Writer, io.Reader) (StripResult, error)
		in    []byte
	}{
		"webp":  {StripWebP, []byte("RIFF\x00\x00\xff\x01WEBPVP8L\x10\x00\x00\x00")},
		"meta":  {StripISOBMFF, append(ftyp, "\x00\xff\xff\xffmeta\x00\x00\x00\x00"...)},
		"hdlr":  {StripISOBMFF, append(ftyp, box("moov", box("trak", box("mdia", str("\x00\x00\xff\xffhdlr"))))...)},
		"iCCP":  {StripPNG, append([]byte(pngSignature), "\x00\x0f\xff\xffiCCP"...)},
		"jpeg":  {StripJPEG, []byte("\xff\xd8\xff\xe2\xff\xffICC_PROFILE\x00\x01\xff")},
		"gifcm": {StripGIF, []byte("GIF89a\x01\x00\x01\x00\xf7\x00\x00")},
	} {
		allocated := allocs(func() { c.strip(io.Discard, bytes.NewReader(c.in)) })
		if allocated > 1<<20 {
			t.Errorf("%s: %d bytes allocated for %d bytes of input", name, allocated, len(c.in))
		}
	}
}

// allocs returns the bytes f allocates.
func allocs(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestCheck: Check tells clean, unsupported and damaged files apart, and
// seeks over a video's frames when it can.
func TestCheck(t *testing.T) {
	jpg := makeJPEG(t)
	block := scanBlock()
	video, _ := io.ReadAll(syntheticMP4(8<<20, block))
	for _, c := range []struct {
		name, mt string
		in       []byte
		want     Status
		format   string
	}{
		{"a.jpg", "image/jpeg", jpg, Clean, "JPEG"},
		{"a.jpg", "image/jpeg", jpg[:len(jpg)/2], Damaged, "JPEG"},
		{"a.jpg", "image/jpeg", append([]byte{0}, jpg...), Unsupported, ""},
		{"a.tif", "image/tiff", []byte("II*\x00\x08\x00\x00\x00"), Unsupported, "TIFF"},
		{"scan.pdf", "", []byte("%PDF-1.7\n"), Unsupported, "PDF"},
		{"chat.txt", "text/plain", []byte("hello\n"), Clean, "TXT"},
		{"chat.txt", "text/plain", []byte("hello\x00"), Damaged, "TXT"},
		{"photo.jpg", "image/jpeg", []byte("hello\n"), Unsupported, ""},
		{"clip.mp4", "video/mp4", video, Clean, "MP4"},
	} {
		got, err := Check(bytes.NewReader(c.in), c.mt, c.name)
		if err != nil || got.Status != c.want || got.Format != c.format {
			t.Errorf("%s (%d bytes): %+v %v, want %s %s", c.name, len(c.in), got, err, c.want, c.format)
		}
	}
	sr := &seekCounter{r: bytes.NewReader(video)}
	if c, err := Check(sr, "video/mp4", "clip.mp4"); err != nil || c.Status != Clean {
		t.Fatalf("%+v %v", c, err)
	}
	if sr.read > 2<<20 {
		t.Errorf("Check read %d bytes of an 8 MiB video that it could seek", sr.read)
	}
}

type seekCounter struct {
	r    *bytes.Reader
	read int
}

func (s *seekCounter) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	s.read += n
	return n, err
}

func (s *seekCounter) Seek(off int64, whence int) (int64, error) { return s.r.Seek(off, whence) }

// TestFormatsNamesAreUnique: the page lists formats by name.
func TestFormatsNamesAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range Formats() {
		if f.Name != "" && seen[f.Name] {
			t.Errorf("%s twice", f.Name)
		}
		seen[f.Name] = true
	}
}

// TestWriteFixtures keeps testdata/ and the fuzz seeds in step with the
// fixtures.
func TestWriteFixtures(t *testing.T) {
	for _, s := range strippers {
		data := s.fixture(t)
		writeIfChanged(t, filepath.Join("testdata", s.file), data)
		writeIfChanged(t, filepath.Join("testdata", "fuzz", "FuzzStrip"+s.name, strings.ReplaceAll(s.file, ".", "-")),
			[]byte(fmt.Sprintf("go test fuzz v1\n[]byte(%s)\n", strconv.Quote(string(data)))))
	}
}

func writeIfChanged(t *testing.T, path string, data []byte) {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return
	}
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// fuzzStrip checks a stripper on any input: no panic, only ErrMalformed
// as an error, an output hardly larger than the input, bounded memory, and
// a clean output left as it is by a second pass.
func fuzzStrip(f *testing.F, name string) {
	var fn func(io.Writer, io.Reader) (StripResult, error)
	for _, s := range strippers {
		if s.name == name {
			fn = s.strip
			f.Add(s.fixture(f))
		}
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, in []byte) {
		var out bytes.Buffer
		var err error
		allocated := allocs(func() { _, err = fn(&out, bytes.NewReader(in)) })
		if err != nil && !errors.Is(err, ErrMalformed) {
			t.Fatalf("unexpected error %v", err)
		}
		if out.Len() > len(in)+64 {
			t.Fatalf("output %d bytes from %d", out.Len(), len(in))
		}
		if limit := uint64(2<<20 + 8*len(in)); allocated > limit {
			t.Fatalf("%d bytes allocated for %d bytes of input", allocated, len(in))
		}
		if err != nil {
			return
		}
		var again bytes.Buffer
		if _, err := fn(&again, bytes.NewReader(out.Bytes())); err != nil || !bytes.Equal(again.Bytes(), out.Bytes()) {
			t.Fatalf("second pass: %v, output changed: %v", err, !bytes.Equal(again.Bytes(), out.Bytes()))
		}
	})
}

func FuzzStripJPEG(f *testing.F)     { fuzzStrip(f, "JPEG") }
func FuzzStripPNG(f *testing.F)      { fuzzStrip(f, "PNG") }
func FuzzStripGIF(f *testing.F)      { fuzzStrip(f, "GIF") }
func FuzzStripWebP(f *testing.F)     { fuzzStrip(f, "WebP") }
func FuzzStripISOBMFF(f *testing.F)  { fuzzStrip(f, "ISOBMFF") }
func FuzzStripText(f *testing.F)     { fuzzStrip(f, "Text") }
func FuzzStripMatroska(f *testing.F) { fuzzStrip(f, "Matroska") }
