package bundle

import (
	"bytes"
	"errors"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"
)

func TestStripJPEGRemovesMetadata(t *testing.T) {
	in := makeJPEG(t)
	var out bytes.Buffer
	res, err := StripJPEG(&out, bytes.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	noSecrets(t, "stripped JPEG", out.Bytes())
	if bytes.Contains(out.Bytes(), []byte("Exif\x00\x00")) || bytes.Contains(out.Bytes(), []byte("GPSLatitude")) {
		t.Error("Exif left")
	}
	for _, keep := range []string{"JFIF\x00", "ICC_PROFILE\x00", "Adobe"} {
		if !bytes.Contains(out.Bytes(), []byte(keep)) {
			t.Errorf("%q was removed", keep)
		}
	}
	// APP0 AVI1, Exif, XMP, IPTC, COM, the late APP1 and the trailer.
	if res.Removed != 7 || res.Truncated {
		t.Errorf("result %+v", res)
	}
	img, err := jpeg.Decode(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatalf("the stripped JPEG does not decode: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 64 || b.Dy() != 48 {
		t.Errorf("bounds %v", b)
	}
}

func TestStripPNGRemovesMetadata(t *testing.T) {
	in := makePNG(t)
	if _, err := png.Decode(bytes.NewReader(in)); err != nil {
		t.Fatalf("fixture: %v", err)
	}
	var out bytes.Buffer
	res, err := StripPNG(&out, bytes.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	noSecrets(t, "stripped PNG", out.Bytes())
	for _, gone := range []string{"tEXt", "zTXt", "iTXt", "eXIf", "tIME", "prIv"} {
		if bytes.Contains(out.Bytes(), []byte(gone)) {
			t.Errorf("chunk %s left", gone)
		}
	}
	for _, keep := range []string{"IHDR", "gAMA", "pHYs", "IDAT", "IEND"} {
		if !bytes.Contains(out.Bytes(), []byte(keep)) {
			t.Errorf("chunk %s was removed", keep)
		}
	}
	if res.Removed != 7 || res.Truncated {
		t.Errorf("result %+v", res)
	}
	img, err := png.Decode(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatalf("the stripped PNG does not decode: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 64 || b.Dy() != 48 {
		t.Errorf("bounds %v", b)
	}
}

type stripFunc func(dst *bytes.Buffer, src []byte) (StripResult, error)

var strippers = map[string]struct {
	strip   stripFunc
	fixture func(testing.TB) []byte
}{
	"jpeg": {func(d *bytes.Buffer, s []byte) (StripResult, error) { return StripJPEG(d, bytes.NewReader(s)) }, makeJPEG},
	"png":  {func(d *bytes.Buffer, s []byte) (StripResult, error) { return StripPNG(d, bytes.NewReader(s)) }, makePNG},
}

// TestStripEveryPrefix cuts the fixtures at every length: the stripper
// must report the damage, never panic, never emit a secret, and what it
// emits must be the start of what it emits for the whole file: it only
// ever copies units it has classified.
func TestStripEveryPrefix(t *testing.T) {
	for name, s := range strippers {
		full := s.fixture(t)
		var want bytes.Buffer
		s.strip(&want, full)
		end := bytes.Index(full, []byte("SECRET-TRAILER"))
		for n := 0; n < len(full); n++ {
			var out bytes.Buffer
			res, err := s.strip(&out, full[:n])
			if n < end && (!errors.Is(err, ErrMalformed) || !res.Truncated) {
				t.Fatalf("%s cut at %d: %v %+v", name, n, err, res)
			}
			if !bytes.HasPrefix(want.Bytes(), out.Bytes()) {
				t.Fatalf("%s cut at %d: output is not a prefix of the full output", name, n)
			}
			noSecrets(t, name, out.Bytes())
		}
	}
}

// TestStripHostile: bogus lengths, garbage and endless fill bytes end in
// ErrMalformed, with no secret in the output.
func TestStripHostile(t *testing.T) {
	jpegCases := map[string]string{
		"empty":             "",
		"not a jpeg":        "GIF89a",
		"soi only":          "\xff\xd8",
		"length past end":   "\xff\xd8\xff\xe1\xff\xffExif\x00\x00SECRET-GPS",
		"length zero":       "\xff\xd8\xff\xe1\x00\x00SECRET-GPS",
		"length one":        "\xff\xd8\xff\xfe\x00\x01SECRET-COMMENT",
		"garbage":           "\xff\xd8SECRET-COMMENT",
		"fill forever":      "\xff\xd8" + string(bytes.Repeat([]byte{0xff}, 100000)),
		"stuffed at marker": "\xff\xd8\xff\x00SECRET-GPS",
		"second soi":        "\xff\xd8\xff\xd8\xff\xfe\x00\x10SECRET-COMMENT",
		"scan without end":  "\xff\xd8\xff\xda\x00\x02\x12\x34\xff\x00\xff\xd0",
		"scan then app1":    "\xff\xd8\xff\xda\x00\x02\x12\x34\xff\xe1\x00\x0cSECRET-GPS",
		"dangling ff":       "\xff\xd8\xff\xda\x00\x02\x12\xff",
	}
	for name, in := range jpegCases {
		var out bytes.Buffer
		res, err := StripJPEG(&out, bytes.NewReader([]byte(in)))
		if !errors.Is(err, ErrMalformed) || !res.Truncated {
			t.Errorf("jpeg %s: %v %+v", name, err, res)
		}
		noSecrets(t, "jpeg "+name, out.Bytes())
	}
	sig := "\x89PNG\r\n\x1a\n"
	pngCases := map[string]string{
		"empty":            "",
		"signature only":   sig,
		"huge length":      sig + "\xff\xff\xff\xfftEXtSECRET-TEXT",
		"length past end":  sig + "\x00\x00\x10\x00tEXtSECRET-TEXT",
		"bad type":         sig + "\x00\x00\x00\x01t\x00XtSECRET-TEXT",
		"no iend":          sig + string(chunk("IHDR", "1234567890123")) + string(chunk("tEXt", "SECRET-TEXT")),
		"short chunk head": sig + "\x00\x00",
	}
	for name, in := range pngCases {
		var out bytes.Buffer
		res, err := StripPNG(&out, bytes.NewReader([]byte(in)))
		if !errors.Is(err, ErrMalformed) || !res.Truncated {
			t.Errorf("png %s: %v %+v", name, err, res)
		}
		noSecrets(t, "png "+name, out.Bytes())
	}
}

// TestStripReadsInSmallPieces: a reader that returns one byte at a time
// gives the same output.
func TestStripReadsInSmallPieces(t *testing.T) {
	in := makeJPEG(t)
	var a, b bytes.Buffer
	StripJPEG(&a, bytes.NewReader(in))
	if _, err := StripJPEG(&b, iotest.OneByteReader(bytes.NewReader(in))); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("output depends on how the input is read")
	}
	if _, err := StripJPEG(&b, iotest.ErrReader(errors.New("disk gone"))); err == nil || errors.Is(err, ErrMalformed) {
		t.Errorf("a read error must come back as is: %v", err)
	}
}

// TestWriteFixtures keeps testdata/ in step with the fixtures, which seed
// the fuzz targets.
func TestWriteFixtures(t *testing.T) {
	for name, s := range strippers {
		path := filepath.Join("testdata", "metadata."+map[string]string{"jpeg": "jpg", "png": "png"}[name])
		data := s.fixture(t)
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
			continue
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func fuzzStrip(f *testing.F, name, fixture string) {
	s := strippers[name]
	if data, err := os.ReadFile(filepath.Join("testdata", fixture)); err == nil {
		f.Add(data)
	}
	f.Add(s.fixture(f))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, in []byte) {
		var out bytes.Buffer
		res, err := s.strip(&out, in)
		if err != nil && !errors.Is(err, ErrMalformed) {
			t.Fatalf("unexpected error %v", err)
		}
		if out.Len() > len(in) {
			t.Fatalf("output %d bytes from %d", out.Len(), len(in))
		}
		if err != nil {
			return
		}
		// Stripping is idempotent: nothing is left to remove.
		var again bytes.Buffer
		res2, err := s.strip(&again, out.Bytes())
		if err != nil || res2.Removed != 0 || !bytes.Equal(again.Bytes(), out.Bytes()) {
			t.Fatalf("second pass: %v %+v (first %+v)", err, res2, res)
		}
	})
}

func FuzzStripJPEG(f *testing.F) { fuzzStrip(f, "jpeg", "metadata.jpg") }
func FuzzStripPNG(f *testing.F)  { fuzzStrip(f, "png", "metadata.png") }
