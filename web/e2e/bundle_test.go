package e2e_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// planted is what the test files carry in their metadata and names: none
// of it may reach a bundle unless the buyer asks.
var planted = []string{"GPS-SECRET", "Tverskaya", "55.7558", "Maria Ivanova"}

// jpegWithGPS is a real JPEG carrying an Exif segment with a fake GPS
// position and an Orientation of 6 (the phone held upright), as a phone
// camera writes.
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
	tiff := "MM\x00*\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00\x00\x00\x00\x00"
	payload := []byte("Exif\x00\x00" + tiff + "GPS-SECRET 55.7558N 37.6173E Maria Ivanova")
	seg := append([]byte{0xFF, 0xE1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}, payload...)
	b := buf.Bytes()
	return append(append(append([]byte{}, b[:2]...), seg...), b[2:]...)
}

// mp4WithLocation is a well-formed MP4 with moov after n bytes of frames,
// whose user data holds a location, as Android writes it.
func mp4WithLocation(frames []byte) []byte {
	box := func(typ string, body ...[]byte) []byte {
		all := bytes.Join(body, nil)
		return append(append(binary.BigEndian.AppendUint32(nil, uint32(8+len(all))), typ...), all...)
	}
	return bytes.Join([][]byte{
		box("ftyp", []byte("isom\x00\x00\x02\x00isommp42")),
		box("mdat", frames),
		box("moov", box("mvhd", make([]byte, 100)), box("udta", box("\xa9xyz", []byte("+55.7558+037.6173/ Tverskaya")))),
	}, nil)
}

// downloaded waits for a new download in dir (each named by its GUID)
// and returns its entries.
func downloaded(t *testing.T, dir string, seen int) map[string][]byte {
	t.Helper()
	var path string
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		all, _ := filepath.Glob(filepath.Join(dir, "*"))
		var m []string
		for _, p := range all {
			if !strings.HasSuffix(p, ".crdownload") {
				m = append(m, p)
			}
		}
		if len(m) > seen {
			sort.Slice(m, func(i, j int) bool {
				a, _ := os.Stat(m[i])
				b, _ := os.Stat(m[j])
				return a.ModTime().Before(b.ModTime())
			})
			path = m[len(m)-1]
			break
		}
	}
	if path == "" {
		t.Fatal("no bundle was downloaded")
	}
	zr, err := zip.OpenReader(path)
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
	return stored
}

type manifestFile struct {
	Name            string  `json:"name"`
	EvidenceID      string  `json:"evidence_id"`
	OriginalName    *string `json:"original_name"`
	Size            int64   `json:"size"`
	SHA256          string  `json:"sha256"`
	MetadataRemoved bool    `json:"metadata_removed"`
	StoredAsIs      bool    `json:"stored_as_is"`
}

func manifestOf(t *testing.T, stored map[string][]byte) []manifestFile {
	t.Helper()
	var m struct {
		Files []manifestFile `json:"files"`
	}
	if err := json.Unmarshal(stored["manifest.json"], &m); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	for _, f := range m.Files {
		sum := sha256.Sum256(stored[f.Name])
		if hex.EncodeToString(sum[:]) != f.SHA256 {
			t.Errorf("%s: hash differs from the manifest", f.Name)
		}
	}
	return m.Files
}

// build clicks the bundle button and waits for it to finish.
func build(t *testing.T, ctx context.Context) {
	t.Helper()
	eval[bool](t, ctx, `document.querySelector("[data-testid=bundle-status]").removeAttribute("data-done"), true`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-bundle]`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.querySelector("[data-testid=bundle-status]").hasAttribute("data-done")`, "the bundle")
}

// TestEvidenceBundleInTheBrowser attaches generated files, by the file
// inputs and by drag and drop, downloads the bundle the page builds, and
// checks it: the files, their hashes, the photo's GPS data gone and its
// orientation kept, the video's location gone, the description without
// the phone number, the PDF (which cannot be cleaned) named beforehand and
// left out until the buyer includes it, original names only when asked,
// the progress bar, and no request carrying anything while it was built.
func TestEvidenceBundleInTheBrowser(t *testing.T) {
	dir := t.TempDir()
	photo := filepath.Join(dir, "IMG_home_Tverskaya.jpg")
	os.WriteFile(photo, jpegWithGPS(t), 0o644)
	frames := make([]byte, 3<<20+123)
	rand.Read(frames)
	clip := mp4WithLocation(frames)
	video := filepath.Join(dir, "unboxing.mp4")
	os.WriteFile(video, clip, 0o644)
	receipt := filepath.Join(dir, "receipt.pdf")
	os.WriteFile(receipt, []byte("%PDF-1.4\n1 0 obj << /Author (Maria Ivanova) >> endobj\n%%EOF\n"), 0o644)
	var pngBuf bytes.Buffer
	png.Encode(&pngBuf, image.NewGray(image.Rect(0, 0, 8, 8)))
	downloads := filepath.Join(dir, "downloads")
	os.MkdirAll(downloads, 0o755)

	ctx := tab(t, true)
	c := chromedp.FromContext(ctx)
	if _, err := cdp.Call(ctx, c.Browser, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads}); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, "/dispute/evidence?claim=broken&paid_on_platform=true&conduct=none"+
		"&requested_remedy=full_refund&signed_before_inspection=false&refund_asked=true&refund_requested_on="+daysAgo(12)+"&protection_ends_on=unknown", true)
	waitFor(t, ctx, `!document.querySelector("[data-bundle]").closest(".js-only").hidden`, "the bundle controls")
	page(t, ctx, "evidence page")
	if got := eval[string](t, ctx, `document.querySelector("[data-testid=formats-cleaned]").textContent`); !strings.Contains(got, "HEIC") || !strings.Contains(got, "MOV") {
		t.Errorf("the page says it cleans %q", got)
	}
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
		chromedp.SetUploadFiles(chromedp.ID("file-payment_record"), []string{receipt}),
	); err != nil {
		t.Fatal(err)
	}
	// Drag and drop onto a kind of evidence: a PNG joins it, a text file
	// does not fit photos and is named as not added.
	eval[bool](t, ctx, fmt.Sprintf(`(() => {
		const bytes = Uint8Array.from(atob(%q), c => c.charCodeAt(0));
		const dt = new DataTransfer();
		dt.items.add(new File([bytes], "box.png", {type: "image/png"}));
		dt.items.add(new File(["hello"], "notes.txt", {type: "text/plain"}));
		const li = document.querySelector("[data-evidence=photos_packaging]");
		for (const type of ["dragenter", "dragover", "drop"])
			li.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: dt}));
		return true; })()`, base64.StdEncoding.EncodeToString(pngBuf.Bytes())))
	waitFor(t, ctx, `document.querySelector("#file-photos_packaging").files.length === 1 &&
		document.querySelector("[data-chosen=photos_packaging] li").textContent.startsWith("box.png")`, "the dropped photo")
	if got := eval[string](t, ctx, `document.querySelector("[data-rejected-for=photos_packaging]").textContent`); !strings.Contains(got, "notes.txt is not a kind of file") {
		t.Errorf("the refused drop reads %q", got)
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
	// Before the download, each file says whether it will be cleaned, and
	// the PDF is named with the choice, "leave it out" first.
	waitFor(t, ctx, `!document.querySelector("[data-testid=not-cleaned]").hidden &&
		document.querySelector("[data-chosen=unboxing_video] li").dataset.state === "clean" &&
		document.querySelector("[data-chosen=photos_item] li").dataset.state === "clean"`, "the files to be checked")
	if got := eval[string](t, ctx, `document.querySelector("[data-chosen=payment_record] li").textContent`); !strings.Contains(got, "cannot be cleaned") {
		t.Errorf("the PDF reads %q", got)
	}
	if got := eval[string](t, ctx, `document.querySelector("[data-testid=not-cleaned] fieldset").textContent`); !strings.Contains(got, "receipt.pdf") ||
		!strings.Contains(got, "PDF files cannot be cleaned.") {
		t.Errorf("the not-cleaned list reads %q", got)
	}
	if got := eval[string](t, ctx, `document.querySelector("[data-testid=not-cleaned] input:checked").value`); got != "leave" {
		t.Errorf("the PDF's choice starts as %q", got)
	}
	axe(t, ctx, "evidence with files")
	chromedp.Do(ctx, chromedp.EmulateViewport(375, 800))
	noOverflow(t, ctx, "the evidence page with files at 375px")
	shot(t, ctx, "evidence-files-375px")
	chromedp.Do(ctx, chromedp.EmulateViewport(1024, 800))

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
	build(t, ctx)
	// The hashes below were made by the page's own SHA-256 module in its
	// worker, not a fallback: the CSP lets the page compile the module
	// and start the worker.
	if got := eval[string](t, ctx, `document.querySelector("[data-testid=bundle-status]").getAttribute("data-sha256")`); got != "worker" {
		t.Errorf("the bundle was hashed by %q, want the worker", got)
	}
	// The progress bar counted every byte of the files put in the bundle.
	total := int64(len(jpegWithGPS(t)) + len(clip) + pngBuf.Len())
	if got := eval[[]float64](t, ctx, `(b => [b.value, b.max])(document.querySelector("[data-testid=bundle-progress]"))`); int64(got[0]) != total || int64(got[1]) != total {
		t.Errorf("progress %v, want %d of %d", got, total, total)
	}
	if got := eval[string](t, ctx, `document.querySelector("[data-testid=bundle-status]").textContent`); !strings.Contains(got, "Left out as you chose: receipt.pdf") {
		t.Errorf("status %q", got)
	}
	shot(t, ctx, "evidence-bundled")
	stored := downloaded(t, downloads, 0)
	if n := sent.Load(); n != 0 {
		t.Errorf("%d requests left the page while the bundle was built (%d body bytes)", n, bodyBytes.Load())
	}
	files := manifestOf(t, stored)
	if len(files) != 3 {
		t.Fatalf("manifest lists %d files: %s", len(files), stored["manifest.json"])
	}
	for name, data := range stored {
		for _, p := range planted {
			if bytes.Contains(data, []byte(p)) {
				t.Errorf("%s contains %q", name, p)
			}
		}
	}
	for _, f := range files {
		if f.OriginalName != nil || !f.MetadataRemoved || f.StoredAsIs {
			t.Errorf("%s: %+v", f.Name, f)
		}
		switch f.EvidenceID {
		case "photos_item":
			if _, _, err := image.Decode(bytes.NewReader(stored[f.Name])); err != nil {
				t.Errorf("the cleaned photo does not decode: %v", err)
			}
			if !bytes.Contains(stored[f.Name], []byte("\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06")) {
				t.Error("the photo lost its orientation")
			}
		case "unboxing_video":
			if len(stored[f.Name]) != len(clip) || !bytes.Contains(stored[f.Name], frames) {
				t.Error("the video's frames changed in the bundle")
			}
		}
	}
	if d := string(stored["description.txt"]); strings.Contains(d, "7700") || !strings.Contains(d, "kettle") {
		t.Errorf("description.txt: %s", d)
	}

	// The buyer includes the PDF as it is, and asks for the names.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid=not-cleaned] input[value=include]`)),
		chromedp.Click(chromedp.ID("original-names")),
	); err != nil {
		t.Fatal(err)
	}
	build(t, ctx)
	stored = downloaded(t, downloads, 1)
	// The link beside the status saves the same bundle again (for a
	// browser that holds back a second download a page starts by itself).
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid=bundle-link] a`))); err != nil {
		t.Fatal(err)
	}
	if again := downloaded(t, downloads, 2); !bytes.Equal(again["manifest.json"], stored["manifest.json"]) {
		t.Error("the link saves another bundle")
	}
	files = manifestOf(t, stored)
	if len(files) != 4 {
		t.Fatalf("manifest lists %d files: %s", len(files), stored["manifest.json"])
	}
	var pdf manifestFile
	for _, f := range files {
		if f.EvidenceID == "payment_record" {
			pdf = f
		}
	}
	if !pdf.StoredAsIs || pdf.MetadataRemoved || !bytes.Contains(stored[pdf.Name], []byte("Maria Ivanova")) {
		t.Errorf("the PDF included as it is: %+v", pdf)
	}
	if !bytes.Contains(stored["summary.html"], []byte("IMG_home_Tverskaya.jpg")) || !bytes.Contains(stored["manifest.json"], []byte("IMG_home_Tverskaya.jpg")) {
		t.Error("the names the buyer asked for are not in the bundle")
	}

	// Each chosen file shows its size, and a file can be removed again.
	if got := eval[string](t, ctx, `document.querySelector("[data-chosen=unboxing_video] li").textContent`); !strings.HasPrefix(got, "unboxing.mp4 (3.1 MB) will be cleaned Remove") {
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

// TestRecordedWebMIsCleaned records a second of a canvas with the
// browser's own MediaRecorder (a WebM whose segment and clusters have no
// size, as recorders write them) and bundles it: the file is checked as
// one the bundle cleans and keeps every byte's place.
func TestRecordedWebMIsCleaned(t *testing.T) {
	ctx := tab(t, true)
	open(t, ctx, "/dispute/evidence?claim=broken&paid_on_platform=true&conduct=none"+
		"&requested_remedy=full_refund&signed_before_inspection=false&refund_asked=true&refund_requested_on="+daysAgo(12), true)
	waitFor(t, ctx, `document.documentElement.getAttribute("data-wasm") === "ready"`, "the wasm")
	got := eval[[]any](t, ctx, `(async () => {
		const canvas = document.createElement("canvas");
		canvas.width = 64; canvas.height = 48;
		const g = canvas.getContext("2d");
		const rec = new MediaRecorder(canvas.captureStream(10), {mimeType: "video/webm"});
		const parts = [];
		rec.ondataavailable = e => parts.push(e.data);
		rec.start(200);
		for (let i = 0; i < 10; i++) { g.fillStyle = "hsl(" + i * 36 + ",80%,50%)"; g.fillRect(0, 0, 64, 48); await new Promise(r => setTimeout(r, 100)); }
		await new Promise(r => { rec.onstop = r; rec.stop(); });
		const file = new File(parts, "recording.webm", {type: "video/webm"});
		const check = await Calmclaim.check(file);
		const res = await Calmclaim.bundle({today: "2026-11-22", facts: {claim: "broken", paid_on_platform: true}}, [{id: "unboxing_video", file}]);
		const f = res.files[0];
		return [check.status, check.format, f.metadata_removed, f.truncated, f.size, file.size];
	})()`)
	if got[0] != "clean" || got[1] != "WebM" || got[2] != true || got[3] != false || got[4] != got[5] {
		t.Errorf("recorded WebM: check %v %v, stored %v (cut %v), %v bytes of %v", got[0], got[1], got[2], got[3], got[4], got[5])
	}
}
