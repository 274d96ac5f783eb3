package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io"
	"strings"
	"testing"
	"time"
)

// mp4 is a small well-formed MP4: ftyp, mdat holding frames, and a moov
// whose user data holds a location.
func mp4(frames []byte) []byte {
	box := func(typ string, body ...[]byte) []byte {
		b := binary.BigEndian.AppendUint32(nil, uint32(8+len(bytes.Join(body, nil))))
		return append(append(b, typ...), bytes.Join(body, nil)...)
	}
	return bytes.Join([][]byte{
		box("ftyp", []byte("isom\x00\x00\x02\x00isommp42")),
		box("mdat", frames),
		box("moov", box("mvhd", make([]byte, 100)), box("udta", box("\xa9xyz", []byte("+48.8584+002.2945/")))),
	}, nil)
}

func TestWriteBundleStreamsFilesIntoAZip(t *testing.T) {
	frames := bytes.Repeat([]byte("frame "), 100000)
	video := mp4(frames)
	var out bytes.Buffer
	body := []byte(`{"today":"2026-11-22","facts":{"claim":"broken","paid_on_platform":true,"refund_requested_on":"2026-11-01"},
		"story":{"ordered":"A blue kettle","received":"It does not heat. Call me on +44 7700 900123","difference":"Broken","requested":"A full refund"}}`)
	files, err := writeBundle(&out, body, []evidenceFile{
		{ID: "unboxing_video", Name: "IMG_home_Tverskaya.mp4", MediaType: "video/mp4", R: bytes.NewReader(video)},
		{ID: "seller_chat", Name: "chat.txt", MediaType: "text/plain", R: strings.NewReader("Seller: sorry\n")},
		{ID: "seller_chat", Name: "receipt.pdf", MediaType: "application/pdf", R: strings.NewReader("%PDF-1.4"), AsIs: true},
	}, time.Now(), bundleOptions{})
	if err != nil {
		t.Fatal(err)
	}
	zr, zerr := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if zerr != nil {
		t.Fatal(zerr)
	}
	names := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		names[f.Name] = data
	}
	for _, want := range []string{"manifest.json", "description.txt", "summary.html", files[0].Name} {
		if _, ok := names[want]; !ok {
			t.Errorf("the bundle lacks %s (has %v)", want, len(names))
		}
	}
	stored := names[files[0].Name]
	sum := sha256.Sum256(stored)
	if hex.EncodeToString(sum[:]) != files[0].SHA256 || len(stored) != len(video) || !bytes.Contains(stored, frames) {
		t.Error("the video's hash, size or frames differ")
	}
	if bytes.Contains(stored, []byte("48.8584")) || !files[0].MetadataRemoved {
		t.Error("the video keeps its location")
	}
	if !files[2].AsIs || files[2].MetadataRemoved {
		t.Errorf("the PDF: %+v", files[2])
	}
	if bytes.Contains(names["manifest.json"], []byte("Tverskaya")) {
		t.Error("the manifest names the file without being asked")
	}
	if desc := string(names["description.txt"]); strings.Contains(desc, "7700") || !strings.Contains(desc, "kettle") {
		t.Errorf("description: %s", desc)
	}
}

func TestWriteBundleOriginalNamesOnRequest(t *testing.T) {
	var out bytes.Buffer
	if _, err := writeBundle(&out, []byte(`{"facts":{"claim":"broken"}}`), []evidenceFile{
		{ID: "seller_chat", Name: "IMG_home_Tverskaya.txt", R: strings.NewReader("ok\n")},
	}, time.Now(), bundleOptions{OriginalNames: true}); err != nil {
		t.Fatal(err)
	}
	zr, _ := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	rc, _ := zr.Open("manifest.json")
	m, _ := io.ReadAll(rc)
	if !bytes.Contains(m, []byte("IMG_home_Tverskaya.txt")) {
		t.Errorf("manifest: %s", m)
	}
}

func TestWriteBundleRejectsUnknownEvidence(t *testing.T) {
	_, err := writeBundle(io.Discard, []byte(`{"facts":{"claim":"broken"}}`),
		[]evidenceFile{{ID: "selfie", Name: "x.jpg", R: strings.NewReader("x")}}, time.Now(), bundleOptions{})
	if err == nil || err.Field != "files[0].id" {
		t.Errorf("got %v", err)
	}
}

// A file the bundle cannot clean is an error unless the buyer chose to
// include it as it is.
func TestWriteBundleRefusesUncleanableFiles(t *testing.T) {
	_, err := writeBundle(io.Discard, []byte(`{"facts":{"claim":"broken"}}`),
		[]evidenceFile{{ID: "photos_item", Name: "scan.tif", R: strings.NewReader("II*\x00\x08\x00\x00\x00")}}, time.Now(), bundleOptions{})
	if err == nil || err.Field != "files[0]" || !strings.Contains(err.Message, "cannot be cleaned") {
		t.Errorf("got %v", err)
	}
}

func TestCheckFile(t *testing.T) {
	c, err := checkFile(bytes.NewReader(mp4([]byte("x"))), "video/mp4", "a.mp4")
	if err != nil || c.Status != "clean" || c.Format != "MP4" {
		t.Errorf("%+v %v", c, err)
	}
	c, _ = checkFile(strings.NewReader("%PDF-1.7"), "", "a.pdf")
	if c.Status != "unsupported" || c.Format != "PDF" {
		t.Errorf("%+v", c)
	}
}
