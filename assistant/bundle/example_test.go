package bundle_test

import (
	"archive/zip"
	"bytes"
	"fmt"
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
	// seller_chat-1.txt 14 28ba384b65b6ab45 false
	// seller_chat-1.txt
	// description.txt
	// manifest.json
	// summary.html
}

func ExampleStripJPEG() {
	// SOI, an APP1 Exif segment, a comment, EOI.
	in := []byte("\xff\xd8\xff\xe1\x00\x0cExif\x00\x00GPS!\xff\xfe\x00\x06note\xff\xd9")
	var out bytes.Buffer
	res, err := bundle.StripJPEG(&out, bytes.NewReader(in))
	fmt.Printf("% x\n%d removed, %v\n", out.Bytes(), res.Removed, err)
	// Output:
	// ff d8 ff d9
	// 2 removed, <nil>
}
