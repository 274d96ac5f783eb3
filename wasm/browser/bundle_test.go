package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
	"testing"
	"time"
)

func TestWriteBundleStreamsFilesIntoAZip(t *testing.T) {
	video := bytes.Repeat([]byte("frame "), 100000)
	photo := []byte("\x89PNG\r\n\x1a\n not really a png")
	var out bytes.Buffer
	body := []byte(`{"today":"2026-11-22","facts":{"claim":"broken","paid_on_platform":true,"refund_requested_on":"2026-11-01"},
		"story":{"ordered":"A blue kettle","received":"It does not heat. Call me on +44 7700 900123","difference":"Broken","requested":"A full refund"}}`)
	files, err := writeBundle(&out, body, []evidenceFile{
		{ID: "unboxing_video", Name: "clip.mp4", MediaType: "video/mp4", R: bytes.NewReader(video)},
		{ID: "photos_item", Name: "kettle.png", MediaType: "image/png", R: bytes.NewReader(photo)},
	}, time.Now(), sha256.New)
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
	sum := sha256.Sum256(names[files[0].Name])
	if hex.EncodeToString(sum[:]) != files[0].SHA256 || !bytes.Equal(names[files[0].Name], video) {
		t.Error("the video's hash or bytes differ")
	}
	if desc := string(names["description.txt"]); strings.Contains(desc, "7700") || !strings.Contains(desc, "kettle") {
		t.Errorf("description: %s", desc)
	}
}

func TestWriteBundleRejectsUnknownEvidence(t *testing.T) {
	_, err := writeBundle(io.Discard, []byte(`{"facts":{"claim":"broken"}}`),
		[]evidenceFile{{ID: "selfie", Name: "x.jpg", R: strings.NewReader("x")}}, time.Now(), nil)
	if err == nil || err.Field != "files[0].id" {
		t.Errorf("got %v", err)
	}
}
