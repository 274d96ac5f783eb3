package bundle

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"math/rand/v2"
	"testing"
)

// secrets are planted in every metadata place of the synthetic fixtures;
// none may survive stripping.
var secrets = []string{"SECRET-GPS", "SECRET-XMP", "SECRET-IPTC", "SECRET-COMMENT", "SECRET-TRAILER",
	"SECRET-LATE", "SECRET-TEXT", "SECRET-ZTXT", "SECRET-ITXT", "SECRET-EXIF", "SECRET-PRIV", "SECRET-APP0",
	"SECRET-ICC", "SECRET-JFIF", "SECRET-NAME", "SECRET-APP", "SECRET-UDTA", "SECRET-KEYS", "SECRET-UUID",
	"SECRET-HDLR", "SECRET-PROP", "SECRET-ORPHAN", "SECRET-IDAT", "SECRET-UNKNOWN", "SECRET-MAKE", "SECRET-F7"}

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

// tiffGPS is a TIFF header and directory as Exif holds them: Make, the
// Orientation (6: turn right) when orient is set, and a GPS directory,
// with secrets in the text.
func tiffGPS(orient bool) string {
	var b bytes.Buffer
	b.WriteString("II*\x00\x08\x00\x00\x00")
	n := 2
	if orient {
		n = 3
	}
	le := binary.LittleEndian
	binary.Write(&b, le, uint16(n))
	tail := 8 + 2 + 12*n + 4
	binary.Write(&b, le, []uint16{0x010f, 2}) // Make, ASCII
	binary.Write(&b, le, []uint32{12, uint32(tail)})
	if orient {
		binary.Write(&b, le, []uint16{0x0112, 3, 1, 0})
		binary.Write(&b, le, []uint16{6, 0})
	}
	binary.Write(&b, le, []uint16{0x8825, 4}) // GPS directory
	binary.Write(&b, le, []uint32{1, uint32(tail + 12)})
	binary.Write(&b, le, uint32(0))
	b.WriteString("SECRET-MAKE\x00")
	b.Write([]byte{1, 0, 2, 0, 2, 0, 2, 0, 0, 0, 'N', 0, 0, 0, 0, 0, 0, 0}) // GPSLatitudeRef N
	b.WriteString("GPSLatitude 48.8584 2.2945 SECRET-GPS")
	return b.String()
}

// exifGPS is an APP1 Exif payload with GPS and an Orientation of 6.
func exifGPS() string { return "Exif\x00\x00" + tiffGPS(true) }

// iccProfile is a well-formed ICC profile: a header with a CMM, a maker
// and a creator, a white point, a description and a copyright, and text
// in a gap between tags.
func iccProfile() []byte {
	desc := append([]byte("desc\x00\x00\x00\x00\x00\x00\x00\x10"), "SECRET-ICC-NAME\x00"...)
	desc = append(desc, make([]byte, 12)...)
	wtpt := []byte("XYZ \x00\x00\x00\x00\x00\x00\xf6\xd6\x00\x01\x00\x00\x00\x00\xd3\x2d")
	cprt := []byte("text\x00\x00\x00\x00SECRET-ICC copyright\x00")
	gap := []byte("SECRET-ICC-GAP..")
	tags := []struct {
		sig  string
		data []byte
	}{{"desc", desc}, {"wtpt", wtpt}, {"cprt", cprt}}
	off := 128 + 4 + 12*len(tags)
	var table, data bytes.Buffer
	binary.Write(&table, binary.BigEndian, uint32(len(tags)))
	for _, tg := range tags {
		table.WriteString(tg.sig)
		binary.Write(&table, binary.BigEndian, []uint32{uint32(off + data.Len()), uint32(len(tg.data))})
		data.Write(tg.data)
		for data.Len()%4 != 0 {
			data.WriteByte(0)
		}
		if tg.sig == "desc" {
			data.Write(gap)
		}
	}
	h := make([]byte, 128)
	copy(h[4:], "SECR")
	copy(h[8:], "\x02\x10\x00\x00mntrRGB XYZ ")
	copy(h[24:], "\x07\xea\x00\x0b\x00\x16\x00\x0c\x00\x00\x00\x00acspAPPL")
	copy(h[48:], "SECMSECM")
	copy(h[68:], "\x00\x00\xf6\xd6\x00\x01\x00\x00\x00\x00\xd3\x2dSECR")
	p := append(append(h, table.Bytes()...), data.Bytes()...)
	binary.BigEndian.PutUint32(p, uint32(len(p)))
	return p
}

// plainJPEG is the picture of makeJPEG as Go's encoder writes it.
func plainJPEG(t testing.TB) []byte {
	var enc bytes.Buffer
	if err := jpeg.Encode(&enc, testImage(), &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	return enc.Bytes()
}

// makeJPEG returns a real JPEG with metadata everywhere a camera or an
// editor puts it: Exif with GPS and an Orientation, XMP, IPTC, a comment,
// a JFIF header with extra bytes, an unknown APP0, an ICC profile with
// texts, unknown segments (FF F7, FF 4F), an APP1 between the scan and EOI,
// and data after EOI. It also has the parts that stay: the frame, tables
// and scan, and the Adobe segment.
func makeJPEG(t testing.TB) []byte {
	raw := plainJPEG(t)
	var b bytes.Buffer
	b.Write(raw[:2])
	b.Write(segment(mAPP0, "JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00SECRET-JFIF"))
	b.Write(segment(mAPP0, "AVI1 SECRET-APP0"))
	b.Write(segment(mAPP1, exifGPS()))
	b.Write(segment(mAPP1, "http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>SECRET-XMP</x:xmpmeta>"))
	b.Write(segment(mAPP2, "ICC_PROFILE\x00\x01\x01"+string(iccProfile())+"SECRET-ICC after the profile"))
	b.Write(segment(0xed, "Photoshop 3.0\x008BIM SECRET-IPTC"))
	b.Write(segment(mAP14, "Adobe\x00\x64\x00\x00\x00\x00\x01SECRET-APP"))
	b.Write([]byte{0xff, 0xff}) // fill bytes before a marker
	b.Write(segment(mCOM, "SECRET-COMMENT"))
	b.Write(segment(0xf7, "SECRET-F7"))
	b.Write(segment(0x4f, "SECRET-F7 reserved"))
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

// zlibOf compresses s.
func zlibOf(s []byte) string {
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	zw.Write(s)
	zw.Close()
	return b.String()
}

// makePNG returns a real PNG with text chunks, Exif with an Orientation, a
// time stamp, a private ancillary chunk, an ICC profile with a name and
// texts, and data after IEND; and gAMA, which stays.
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
	b.Write(chunk("iCCP", "SECRET-ICC-NAME\x00\x00"+zlibOf(iccProfile())))
	b.Write(chunk("tEXt", "Comment\x00SECRET-TEXT"))
	b.Write(chunk("zTXt", "Author\x00\x00SECRET-ZTXT"))
	b.Write(chunk("iTXt", "XML:com.adobe.xmp\x00\x00\x00\x00\x00SECRET-ITXT"))
	b.Write(chunk("eXIf", tiffGPS(true)+"SECRET-EXIF"))
	b.Write(chunk("tIME", "\x07\xea\x0b\x16\x0c\x00\x00"))
	b.Write(chunk("pHYs", "\x00\x00\x0b\x13\x00\x00\x0b\x13\x01"))
	b.Write(chunk("prIv", "SECRET-PRIV"))
	b.Write(raw[ihdrEnd:])
	b.WriteString("SECRET-TRAILER")
	return b.Bytes()
}

// makeGIF returns a real two-frame GIF with a comment, XMP (as an
// application extension), a plain-text extension, a loop count and data
// after the trailer.
func makeGIF(t testing.TB) []byte {
	pal := color.Palette{color.Black, color.White, color.RGBA{255, 0, 0, 255}, color.RGBA{0, 0, 255, 255}}
	var frames []*image.Paletted
	for f := range 2 {
		img := image.NewPaletted(image.Rect(0, 0, 16, 12), pal)
		for i := range img.Pix {
			img.Pix[i] = uint8((i + f) % 4)
		}
		frames = append(frames, img)
	}
	var enc bytes.Buffer
	if err := gif.EncodeAll(&enc, &gif.GIF{Image: frames, Delay: []int{10, 10}, LoopCount: 3}); err != nil {
		t.Fatal(err)
	}
	raw := enc.Bytes()
	// After the header, the screen descriptor and its colour table.
	at := 13
	if raw[10]&0x80 != 0 {
		at += 3 << (raw[10]&7 + 1)
	}
	var b bytes.Buffer
	b.Write(raw[:at])
	b.Write([]byte{0x21, 0xfe, 14})
	b.WriteString("SECRET-COMMENT")
	b.WriteByte(0)
	b.Write([]byte{0x21, 0xff, 11})
	b.WriteString("XMP DataXMP")
	b.Write([]byte{10})
	b.WriteString("SECRET-XMP")
	b.WriteByte(0)
	b.Write([]byte{0x21, 0x01, 12, 0, 0, 0, 0, 16, 0, 12, 0, 8, 8, 1, 0, 10})
	b.WriteString("SECRET-APP")
	b.WriteByte(0)
	b.Write(raw[at:])
	b.WriteString("SECRET-TRAILER")
	return b.Bytes()
}

// riffChunk is a WebP chunk, padded to an even size.
func riffChunk(typ string, data []byte) []byte {
	b := binary.LittleEndian.AppendUint32([]byte(typ), uint32(len(data)))
	b = append(b, data...)
	if len(data)%2 == 1 {
		b = append(b, 0)
	}
	return b
}

// makeWebP returns an extended WebP: VP8X with every flag, an ICC
// profile, an image chunk (not a real bitstream: the stripper does not
// decode), EXIF with an Orientation, XMP, an unknown chunk and trailing
// data.
func makeWebP(t testing.TB) []byte {
	var body []byte
	body = append(body, riffChunk("VP8X", []byte{0x3c | 0x02, 0, 0, 0, 63, 0, 0, 47, 0, 0})...)
	body = append(body, riffChunk("ICCP", iccProfile())...)
	body = append(body, riffChunk("ANIM", []byte{0, 0, 0, 0, 0, 0})...)
	body = append(body, riffChunk("ANMF", append(make([]byte, 16), riffChunk("VP8L", []byte("\x2f pixels of a frame"))...))...)
	body = append(body, riffChunk("EXIF", []byte(tiffGPS(true)+"SECRET-EXIF"))...)
	body = append(body, riffChunk("XMP ", []byte("<x:xmpmeta>SECRET-XMP</x:xmpmeta>"))...)
	body = append(body, riffChunk("UNKN", []byte("SECRET-UNKNOWN"))...)
	out := binary.LittleEndian.AppendUint32([]byte("RIFF"), uint32(4+len(body)))
	out = append(out, "WEBP"...)
	out = append(out, body...)
	return append(out, "SECRET-TRAILER"...)
}

// box is an ISO base media box.
func box(typ string, parts ...[]byte) []byte {
	var body []byte
	for _, p := range parts {
		body = append(body, p...)
	}
	return append(binary.BigEndian.AppendUint32(nil, uint32(8+len(body))), append([]byte(typ), body...)...)
}

// full is a full box's version and flags.
func full(v byte, flags uint32) []byte {
	return []byte{v, byte(flags >> 16), byte(flags >> 8), byte(flags)}
}

func u16(v int) []byte    { return binary.BigEndian.AppendUint16(nil, uint16(v)) }
func u32(v int) []byte    { return binary.BigEndian.AppendUint32(nil, uint32(v)) }
func str(s string) []byte { return []byte(s) }

// hdlr is a handler box with a name.
func hdlr(typ, name string) []byte {
	return box("hdlr", full(0, 0), u32(0), str(typ), make([]byte, 12), str(name+"\x00"))
}

// mdatPayload is the media data of makeMP4: frames, one 0xFF-rich block
// so nothing depends on text.
var mdatPayload = bytes.Repeat([]byte("frame data \xff\x00 "), 200)

// makeMP4 returns an MP4 shaped like a phone's, with moov after mdat:
// ftyp, mdat, then moov with a track (its handler named), Android's udta
// with ©xyz and maker, Apple's meta with keys and ilst, a uuid box with
// XMP, a track-level udta, and trailing data.
func makeMP4(t testing.TB) []byte {
	stbl := box("stbl", box("stsd", full(0, 0), u32(0)), box("stts", full(0, 0), u32(0)),
		box("stsc", full(0, 0), u32(0)), box("stsz", full(0, 0), u32(0), u32(0)), box("stco", full(0, 0), u32(0)))
	minf := box("minf", box("vmhd", full(0, 1), make([]byte, 8)), box("dinf", box("dref", full(0, 0), u32(1), box("url ", full(0, 1)))), stbl)
	mdia := box("mdia", box("mdhd", full(0, 0), make([]byte, 20)), hdlr("vide", "SECRET-HDLR handler"), minf)
	trak := box("trak", box("tkhd", full(0, 3), make([]byte, 80)), mdia, box("udta", box("\xa9nam", str("SECRET-UDTA track"))))
	udta := box("udta", box("\xa9xyz", u16(18), u16(0x15c7), str("+48.8584+002.2945/")), box("\xa9mak", str("SECRET-MAKE")),
		box("meta", full(0, 0), hdlr("mdir", ""), box("ilst", box("\xa9ART", box("data", u32(1), u32(0), str("SECRET-UDTA artist"))))))
	keys := box("meta", hdlr("mdta", ""), box("keys", full(0, 0), u32(1), box("mdta", str("com.apple.quicktime.location.ISO6709"))),
		box("ilst", box("\x00\x00\x00\x01", box("data", u32(1), u32(0), str("+48.8584+002.2945+035.000/SECRET-KEYS")))))
	uuid := box("uuid", str("\xbe\x7a\xcf\xcb\x97\xa9\x42\xe8\x9c\x71\x99\x94\x91\xe3\xaf\xac"), str("<x:xmpmeta>SECRET-UUID</x:xmpmeta>"))
	moov := box("moov", box("mvhd", full(0, 0), make([]byte, 96)), trak, udta, keys, uuid)
	var b []byte
	b = append(b, box("ftyp", str("isom"), u32(512), str("isommp42"))...)
	b = append(b, box("free", str("SECRET-UNKNOWN in a free box"))...)
	b = append(b, box("mdat", mdatPayload)...)
	b = append(b, moov...)
	return append(b, "SECRET-TRAILER"...)
}

// heifExif is a HEIF Exif item: the offset to the TIFF header, then Exif.
func heifExif() []byte { return append(u32(6), "Exif\x00\x00"+tiffGPS(true)...) }

// heifPixels stands for the coded picture of makeHEIF.
var heifPixels = bytes.Repeat([]byte("hevc slice \x00\x01 "), 40)

// makeHEIF returns a HEIC shaped like a phone's: a picture item (named),
// an Exif item with GPS and an Orientation and an XMP item in mdat, a
// second XMP item in idat, properties with an ICC profile and an unknown
// one, an xml box, the handler named, bytes in mdat that no item uses, and
// trailing data.
func makeHEIF(t testing.TB) []byte {
	xmpIdat := []byte("<x:xmpmeta>SECRET-IDAT</x:xmpmeta>")
	xmp := []byte("<x:xmpmeta>SECRET-XMP</x:xmpmeta>")
	orphan := []byte("SECRET-ORPHAN bytes nothing uses")
	exif := heifExif()
	iinf := box("iinf", full(0, 0), u16(4),
		box("infe", full(2, 0), u16(1), u16(0), str("hvc1"), str("SECRET-NAME\x00")),
		box("infe", full(2, 1), u16(2), u16(0), str("Exif"), str("\x00")),
		box("infe", full(2, 1), u16(3), u16(0), str("mime"), str("\x00application/rdf+xml\x00")),
		box("infe", full(2, 1), u16(4), u16(0), str("mime"), str("\x00application/rdf+xml\x00")))
	iprp := box("iprp", box("ipco",
		box("hvcC", make([]byte, 23)), box("ispe", full(0, 0), u32(64), u32(48)),
		box("colr", str("prof"), iccProfile()), box("irot", []byte{1}),
		box("xtra", str("SECRET-PROP"))),
		box("ipma", full(0, 0), u32(1), u16(1), []byte{4, 0x81, 2, 3, 4 | 0x80}))
	build := func(mdatAt int) []byte {
		at := mdatAt + 8
		iloc := box("iloc", full(1, 0), []byte{0x44, 0x00}, u16(4),
			u16(1), u16(0), u16(0), u16(1), u32(at), u32(len(heifPixels)),
			u16(2), u16(0), u16(0), u16(1), u32(at+len(heifPixels)), u32(len(exif)),
			u16(3), u16(0), u16(0), u16(1), u32(at+len(heifPixels)+len(exif)), u32(len(xmp)),
			u16(4), u16(1), u16(0), u16(1), u32(0), u32(len(xmpIdat)))
		meta := box("meta", full(0, 0), hdlr("pict", "SECRET-HDLR"), box("pitm", full(0, 0), u16(1)), iloc, iinf,
			box("iref", full(0, 0), box("cdsc", u16(2), u16(1), u16(1))), iprp,
			box("idat", xmpIdat), box("xml ", full(0, 0), str("<SECRET-XMP/>")))
		var b []byte
		b = append(b, box("ftyp", str("heic"), u32(0), str("mif1heicmiaf"))...)
		b = append(b, meta...)
		b = append(b, box("mdat", heifPixels, exif, xmp, orphan)...)
		return append(b, "SECRET-TRAILER"...)
	}
	first := build(0)
	mdatAt := bytes.Index(first, []byte("mdat")) - 4
	return build(mdatAt)
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
	head = append(head, segment(mDQT, string(make([]byte, 65)))...)
	head = append(head, segment(0xc0, "\x08\x00\x10\x00\x10\x01\x01\x11\x00")...)
	head = append(head, segment(mSOS, "\x01\x01\x00\x00\x3f\x00")...)
	return io.MultiReader(bytes.NewReader(head), &patternReader{block: block, n: n}, bytes.NewReader([]byte{0xff, mEOI}))
}

// syntheticMP4 streams an MP4-shaped file with n bytes of media data: ftyp,
// mdat with a 64-bit size, then moov with a udta holding a location.
func syntheticMP4(n int64, block []byte) io.Reader {
	head := box("ftyp", str("mp42"), u32(0), str("isommp42"))
	head = append(head, u32(1)...)
	head = append(head, "mdat"...)
	head = binary.BigEndian.AppendUint64(head, uint64(16+n))
	moov := box("moov", box("mvhd", full(0, 0), make([]byte, 96)), box("udta", box("\xa9xyz", str("+48.8584+002.2945/SECRET-GPS"))))
	return io.MultiReader(bytes.NewReader(head), &patternReader{block: block, n: n}, bytes.NewReader(moov))
}

// el is an EBML element: its id, the shortest size, its data.
func el(id uint32, data ...[]byte) []byte {
	var b []byte
	for shift := 24; shift >= 0; shift -= 8 {
		if c := byte(id >> shift); c != 0 || len(b) > 0 {
			b = append(b, c)
		}
	}
	body := bytes.Join(data, nil)
	n := uint64(len(body))
	size := 1
	for n >= 1<<(7*size)-1 {
		size++
	}
	for i := size - 1; i >= 0; i-- {
		c := byte(n >> (8 * i))
		if i == size-1 {
			c |= 0x80 >> (size - 1)
		}
		b = append(b, c)
	}
	return append(b, body...)
}

// webmFrames stands for the coded frames of makeWebM.
var webmFrames = bytes.Repeat([]byte("vp8 frame \x9d\x01\x2a "), 30)

// makeWebM returns a WebM shaped like a recorder's: the EBML header, a
// segment with an index, information with a title, the muxing and writing
// apps and a date, a track with a name, tags with a location, an
// attachment, a cluster of unknown size then one of known size, cues, and
// trailing data.
func makeWebM(t testing.TB) []byte {
	header := el(ebmlHeader, el(0x4286, []byte{1}), el(0x4282, str("webm")), el(0x4287, []byte{4}))
	info := el(mkvInfo, el(mkvTimestamp, u32(1000000)), el(mkvDuration, []byte{0x44, 0x7a, 0, 0}),
		el(0x7BA9, str("SECRET-NAME title")), el(0x4D80, str("SECRET-APP muxer")), el(0x5741, str("SECRET-APP writer")),
		el(0x4461, make([]byte, 8)), el(ebmlCRC, u32(0x12345678)))
	tracks := el(mkvTracks, el(mkvTrackEntry, el(0xD7, []byte{1}), el(0x73C5, []byte{7}), el(0x83, []byte{1}),
		el(0x86, str("V_VP8")), el(mkvTrackName, str("SECRET-NAME track")), el(mkvCodecName, str("SECRET-APP codec")),
		el(0xE0, el(0xB0, []byte{16}), el(0xBA, []byte{12}))))
	tags := el(0x1254C367, el(0x7373, el(0x67C8, el(0x45A3, str("LOCATION")), el(0x4487, str("+55.7558+037.6173/ SECRET-GPS")))))
	attach := el(0x1941A469, el(0x61A7, el(0x466E, str("cover.jpg")), el(0x465C, str("SECRET-APP0 picture"))))
	// A cluster of unknown size: its id, an 8-byte size of all ones.
	open := bytes.Join([][]byte{{0x1F, 0x43, 0xB6, 0x75, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
		el(0xE7, []byte{0}), el(0xA3, []byte{0x81, 0, 0, 0x80}, webmFrames)}, nil)
	closed := el(mkvCluster, el(0xE7, []byte{0x40}), el(0xA3, []byte{0x81, 0, 0, 0x80}, webmFrames))
	cues := el(mkvCues, el(0xBB, el(0xB3, []byte{0}), el(0xB7, el(0xF7, []byte{1}), el(0xF1, []byte{0}))))
	seek := el(mkvSeekHead, el(0x4DBB, el(0x53AB, []byte{0x15, 0x49, 0xA9, 0x66}), el(0x53AC, []byte{0})))
	segment := el(mkvSegment, seek, info, tracks, tags, attach, open, closed, cues)
	return append(append(header, segment...), "SECRET-TRAILER"...)
}
