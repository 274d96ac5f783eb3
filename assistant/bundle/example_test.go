package bundle_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"strings"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/bundle"
)

func ExampleWriter() {
	today, _ := assistant.ParseDate("2026-11-22")
	facts := assistant.Facts{Claim: assistant.Broken, PaidOnPlatform: assistant.Yes}
	verdict, _ := assistant.Assess(assistant.Request{Today: today, Facts: facts})

	var out bytes.Buffer // in the browser: a writer that turns chunks into Blobs
	w := bundle.NewWriter(&out, bundle.Case{Created: today, Facts: facts, Verdict: verdict,
		Description: "What I ordered\nA glass teapot."}, bundle.Options{})
	chat, _ := w.AddFile(assistant.SellerChat, "chat export.txt", "text/plain", strings.NewReader("Seller: sorry\n"))
	fmt.Println(chat.Name, chat.Size, chat.SHA256[:16], chat.MetadataRemoved)
	if err := w.Close(); err != nil {
		panic(err)
	}

	zr, _ := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	for _, f := range zr.File {
		fmt.Println(f.Name)
	}
	// Output:
	// seller_chat-1.txt 14 28ba384b65b6ab45 true
	// seller_chat-1.txt
	// description.txt
	// manifest.json
	// summary.html
}

func ExampleStripJPEG() {
	// A photo as a phone writes it: an Exif segment with the place and the
	// way the phone was held, then the picture.
	var photo bytes.Buffer
	jpeg.Encode(&photo, image.NewGray(image.Rect(0, 0, 8, 8)), nil)
	exif := "Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x01" +
		"\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00\x00\x00\x00\x00" + // Orientation 6
		"GPS 48.8584 N 2.2945 E"
	in := append([]byte{0xff, 0xd8, 0xff, 0xe1, 0, byte(len(exif) + 2)}, exif...)
	in = append(in, photo.Bytes()[2:]...)

	var out bytes.Buffer
	res, err := bundle.StripJPEG(&out, bytes.NewReader(in))
	fmt.Println(res.Removed, err, bytes.Contains(out.Bytes(), []byte("GPS")))
	_, err = jpeg.Decode(&out)
	fmt.Println("decodes:", err == nil)
	// Output:
	// 1 <nil> false
	// decodes: true
}

func ExampleCheck() {
	for _, f := range []struct{ name, data string }{
		{"chat.txt", "Seller: sorry\n"},
		{"scan.pdf", "%PDF-1.7 ..."},
		{"IMG_0001.HEIC", "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"},
	} {
		c, _ := bundle.Check(strings.NewReader(f.data), "", f.name)
		fmt.Println(f.name, c.Format, c.Status)
	}
	// Output:
	// chat.txt TXT clean
	// scan.pdf PDF unsupported
	// IMG_0001.HEIC HEIC damaged
}
