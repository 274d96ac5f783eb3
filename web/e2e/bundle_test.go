package e2e_test

import (
	"archive/zip"
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// jpegWithGPS is a real JPEG carrying an Exif segment with a fake GPS
// position, as a phone camera writes.
func jpegWithGPS(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for i := range img.Pix {
		img.Pix[i] = byte(i)
	}
	img.Set(1, 1, color.RGBA{255, 0, 0, 255})
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	payload := append([]byte("Exif\x00\x00"), []byte("GPS-SECRET 51.5007N 0.1246W")...)
	seg := append([]byte{0xFF, 0xE1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}, payload...)
	b := buf.Bytes()
	return append(append(append([]byte{}, b[:2]...), seg...), b[2:]...)
}

// TestEvidenceBundleInTheBrowser attaches generated files, downloads the
// bundle the page builds, and checks it: the files, their hashes, the
// photo's GPS data gone, the description without the phone number, and no
// request carrying anything while it was built.
func TestEvidenceBundleInTheBrowser(t *testing.T) {
	dir := t.TempDir()
	photo := filepath.Join(dir, "kettle.jpg")
	os.WriteFile(photo, jpegWithGPS(t), 0o644)
	video := filepath.Join(dir, "unboxing.mp4")
	clip := make([]byte, 3<<20+123)
	rand.Read(clip)
	os.WriteFile(video, clip, 0o644)
	downloads := filepath.Join(dir, "downloads")
	os.MkdirAll(downloads, 0o755)

	ctx := tab(t, true)
	c := chromedp.FromContext(ctx)
	if _, err := cdp.Call(ctx, c.Browser, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads}); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, "/dispute/evidence?claim=broken&paid_on_platform=true&conduct=none"+
		"&requested_remedy=full_refund&signed_before_inspection=false&refund_asked=true&refund_requested_on="+daysAgo(12)+"&protection_ends_on=unknown", true)
	waitFor(t, ctx, `!document.querySelector("[data-bundle]").closest(".js-only").hidden`, "the bundle controls")
	page(t, ctx, "evidence page")
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("story-ordered"), "A blue kettle, 1.7 litres, ordered on 2 November"),
		chromedp.SendKeys(chromedp.ID("story-received"), "It does not heat. CALL ME on +44 7700 900123!!!"),
		chromedp.SendKeys(chromedp.ID("story-difference"), "The listing says it boils in 3 minutes; it does not switch on"),
		chromedp.SendKeys(chromedp.ID("story-requested"), "A full refund"),
	); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.querySelector("[data-finding=phone]") && document.querySelector("[data-testid=description]")`, "the live description")
	if d := eval[string](t, ctx, `document.querySelector("[data-testid=description]").textContent`); strings.Contains(d, "7700") {
		t.Errorf("the description shows the phone number: %s", d)
	}
	page(t, ctx, "evidence with description")
	if err := chromedp.Do(ctx,
		chromedp.SetUploadFiles(chromedp.ID("file-photos_item"), []string{photo}),
		chromedp.SetUploadFiles(chromedp.ID("file-unboxing_video"), []string{video}),
	); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.querySelector("[data-testid=missing]").textContent.includes("Still missing") &&
		!document.querySelector("[data-testid=missing]").textContent.includes("An unboxing video")`, "the missing list to update")
	// Findings name the question, as with JavaScript off, not a field id.
	if got := eval[string](t, ctx, `document.querySelector("[data-finding=phone] strong").textContent`); got != "What arrived?: " {
		t.Errorf("finding labelled %q", got)
	}
	// The description follows the files (it once kept saying none were attached).
	waitFor(t, ctx, `!document.querySelector("[data-testid=description]").textContent.includes("no files attached") &&
		document.querySelector("[data-testid=description]").textContent.includes("a video of the parcel being opened")`, "the description to name the files")

	chromedp.Do(ctx, call(network.Enable, network.EnableParams{}))
	var sent atomic.Int32
	var bodyBytes atomic.Int64
	events := chromedp.Events(ctx, network.RequestWillBeSent)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			if strings.HasPrefix(ev.Request.URL, "http") {
				sent.Add(1)
				for _, e := range ev.Request.PostDataEntries {
					bodyBytes.Add(int64(len(e.Bytes)))
				}
			}
		}
	}()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-bundle]`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.querySelector("[data-testid=bundle-status]").hasAttribute("data-done")`, "the bundle")
	// The hashes below were made by the page's own SHA-256 module, not the
	// fallback: the CSP lets it compile.
	if got := eval[string](t, ctx, `document.querySelector("[data-testid=bundle-status]").getAttribute("data-sha256")`); got != "module" {
		t.Errorf("the bundle was hashed by %q, want the module", got)
	}
	shot(t, ctx, "evidence-bundled")
	var zipPath string
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if m, _ := filepath.Glob(filepath.Join(downloads, "*.zip")); len(m) == 1 {
			zipPath = m[0]
			break
		}
	}
	if zipPath == "" {
		t.Fatal("no bundle was downloaded")
	}
	if n := sent.Load(); n != 0 {
		t.Errorf("%d requests left the page while the bundle was built (%d body bytes)", n, bodyBytes.Load())
	}
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	stored := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc) // checks the CRC
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		stored[f.Name] = data
	}
	var manifest struct {
		Files []struct {
			Name            string `json:"name"`
			EvidenceID      string `json:"evidence_id"`
			SHA256          string `json:"sha256"`
			MetadataRemoved bool   `json:"metadata_removed"`
		} `json:"files"`
	}
	if err := json.Unmarshal(stored["manifest.json"], &manifest); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	if len(manifest.Files) != 2 {
		t.Fatalf("manifest lists %d files: %s", len(manifest.Files), stored["manifest.json"])
	}
	for _, f := range manifest.Files {
		sum := sha256.Sum256(stored[f.Name])
		if hex.EncodeToString(sum[:]) != f.SHA256 {
			t.Errorf("%s: hash differs from the manifest", f.Name)
		}
		switch f.EvidenceID {
		case "photos_item":
			if !f.MetadataRemoved || bytes.Contains(stored[f.Name], []byte("GPS-SECRET")) {
				t.Errorf("the photo keeps its GPS data")
			}
			if _, _, err := image.Decode(bytes.NewReader(stored[f.Name])); err != nil {
				t.Errorf("the stripped photo does not decode: %v", err)
			}
		case "unboxing_video":
			if !bytes.Equal(stored[f.Name], clip) {
				t.Error("the video changed in the bundle")
			}
		}
	}
	if d := string(stored["description.txt"]); strings.Contains(d, "7700") || !strings.Contains(d, "kettle") {
		t.Errorf("description.txt: %s", d)
	}
	if _, ok := stored["summary.html"]; !ok {
		t.Fatal("no summary.html")
	}
	// Each chosen file shows its size, and a file can be removed again.
	if got := eval[string](t, ctx, `document.querySelector("[data-chosen=unboxing_video] li").textContent`); !strings.HasPrefix(got, "unboxing.mp4 (3.1 MB) Remove") {
		t.Errorf("the chosen video reads %q", got)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-chosen=unboxing_video] button`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.querySelector("#file-unboxing_video").files.length === 0 &&
		document.querySelector("[data-chosen=unboxing_video]").hidden &&
		document.querySelector("[data-testid=missing]").textContent.includes("An unboxing video") &&
		!document.querySelector("[data-testid=description]").textContent.includes("a video of the parcel being opened")`, "the video to be removed")
	page(t, ctx, "evidence after removing a file")
	// The printable summary fits a phone: no sideways scrolling at 320 or
	// 375px (its hashes and file table once overflowed).
	sumPath := filepath.Join(dir, "summary.html")
	os.WriteFile(sumPath, stored["summary.html"], 0o644)
	for _, width := range []int64{320, 375} {
		chromedp.Do(ctx, chromedp.EmulateViewport(width, 800))
		if err := chromedp.Do(ctx, chromedp.Navigate("file://"+sumPath)); err != nil {
			t.Fatal(err)
		}
		noOverflow(t, ctx, fmt.Sprintf("summary.html at %dpx", width))
		shot(t, ctx, fmt.Sprintf("summary-%dpx", width))
	}
}
