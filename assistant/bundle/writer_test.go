package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/calmclaim/calmclaim/assistant"
)

func testCase(t testing.TB) Case {
	today, _ := assistant.ParseDate("2026-11-22")
	asked, _ := assistant.ParseDate("2026-11-08")
	f := assistant.Facts{Claim: assistant.NotAsDescribed, PaidOnPlatform: assistant.Yes,
		Complaint: assistant.DifferentSpec, RefundRequestedOn: asked}
	v, err := assistant.Assess(assistant.Request{Today: today, Facts: f})
	if err != nil {
		t.Fatal(err)
	}
	return Case{Created: today, Facts: f, Verdict: v,
		Description: "What I ordered\nA blue hoodie <script>alert(1)</script> & more."}
}

type manifest struct {
	Format  string   `json:"format"`
	Created string   `json:"created"`
	Claim   string   `json:"claim"`
	Outcome string   `json:"outcome"`
	Rules   []string `json:"rules"`
	Dates   struct {
		RefundRequestedOn   *string `json:"refund_requested_on"`
		DeliveryDeadline    *string `json:"delivery_deadline"`
		EarliestDisputeDate *string `json:"earliest_dispute_date"`
	} `json:"dates"`
	Files []struct {
		Name            string  `json:"name"`
		EvidenceID      string  `json:"evidence_id"`
		OriginalName    *string `json:"original_name"`
		Size            int64   `json:"size"`
		MediaType       string  `json:"media_type"`
		SHA256          string  `json:"sha256"`
		MetadataRemoved bool    `json:"metadata_removed"`
		StoredAsIs      bool    `json:"stored_as_is"`
	} `json:"files"`
	Missing []string `json:"missing_evidence"`
}

func buildBundle(t *testing.T, opts Options) []byte {
	var out bytes.Buffer
	opts.ChunkSize = 4096
	w := NewWriter(&out, testCase(t), opts)
	add := func(id assistant.EvidenceID, name, mt string, data []byte) File {
		f, err := w.AddFile(id, name, mt, bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return f
	}
	files := []File{
		add(assistant.PhotosItem, `C:\Users\me\DCIM\IMG_home_Tverskaya.JPG`, "image/jpeg", makeJPEG(t)),
		add(assistant.PhotosItem, "../../etc/passwd\x00\u202egpj.exe", "", makeHEIF(t)),
		add(assistant.SelectedOptionScreenshot, "Screenshot 2026-11-20.png", "image/png", makePNG(t)),
		add(assistant.SellerChat, "chat.txt", "text/plain; charset=utf-8", []byte(strings.Repeat("Seller: hello\n", 500))),
		add(assistant.UnboxingVideo, "VID_2026.mp4", "video/mp4", makeMP4(t)),
	}
	// A file that only claims to be a JPEG cannot be cleaned: refused,
	// and the writer goes on.
	if _, err := w.AddFile(assistant.PhotosPackaging, "box.jpg", "image/jpeg", strings.NewReader("not really a jpeg")); !errors.Is(err, ErrCannotClean) {
		t.Errorf("a file that only claims to be a JPEG: %v", err)
	}
	// The buyer may include it as it is.
	asIs, err := w.AddFileAsIs(assistant.PhotosPackaging, "receipt.pdf", "application/pdf", strings.NewReader("%PDF-1.4 Author SECRET-AUTHOR"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, asIs)
	want := []string{"photos_item-1.jpg", "photos_item-2.heic", "selected_option_screenshot-1.png",
		"seller_chat-1.txt", "unboxing_video-1.mp4", "photos_packaging-1.pdf"}
	for i, f := range files {
		if f.Name != want[i] {
			t.Errorf("file %d named %q, want %q", i, f.Name, want[i])
		}
	}
	if opts.OriginalNames && (files[1].OriginalName != "passwdgpj.exe" || files[0].OriginalName != "IMG_home_Tverskaya.JPG") {
		t.Errorf("original names %q %q", files[0].OriginalName, files[1].OriginalName)
	}
	if !opts.OriginalNames && (files[0].OriginalName != "" || files[1].OriginalName != "") {
		t.Errorf("original names kept without being asked: %q %q", files[0].OriginalName, files[1].OriginalName)
	}
	if !asIs.AsIs || asIs.MetadataRemoved || asIs.MediaType != "application/pdf" {
		t.Errorf("a file stored as it is: %+v", asIs)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestBundleOpens: the ZIP opens with archive/zip and with the system
// unzip, every manifest hash matches the bytes in the ZIP, the images
// decode and have no metadata, and the summary escapes what it shows.
func TestBundleOpens(t *testing.T) {
	data := buildBundle(t, Options{})
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	entries := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc) // checks the CRC-32
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		entries[f.Name] = b
		names = append(names, f.Name)
		wantMethod := zip.Store
		if strings.HasSuffix(f.Name, ".txt") || strings.HasSuffix(f.Name, ".json") || strings.HasSuffix(f.Name, ".html") || strings.HasSuffix(f.Name, ".pdf") {
			wantMethod = zip.Deflate
		}
		if f.Method != wantMethod {
			t.Errorf("%s stored with method %d", f.Name, f.Method)
		}
	}
	if got := strings.Join(names[len(names)-3:], " "); got != "description.txt manifest.json summary.html" {
		t.Errorf("documents %s", got)
	}
	var m manifest
	if err := json.Unmarshal(entries["manifest.json"], &m); err != nil {
		t.Fatalf("manifest: %v\n%s", err, entries["manifest.json"])
	}
	if m.Format != ManifestFormat || m.Claim != "not_as_described" || m.Outcome != "eligible" ||
		len(m.Rules) != 1 || m.Rules[0] != "snad.eligible" || m.Created != "2026-11-22" ||
		*m.Dates.RefundRequestedOn != "2026-11-08" || m.Dates.DeliveryDeadline != nil {
		t.Errorf("manifest %+v", m)
	}
	if len(m.Files) != 6 || m.Files[5].Name != "photos_packaging-1.pdf" {
		t.Fatalf("%d files in the manifest", len(m.Files))
	}
	for _, f := range m.Files {
		b, ok := entries[f.Name]
		if !ok {
			t.Fatalf("%s is in the manifest, not in the ZIP", f.Name)
		}
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) != f.SHA256 || int64(len(b)) != f.Size {
			t.Errorf("%s: manifest says %s/%d, the ZIP holds %x/%d", f.Name, f.SHA256, f.Size, sum, len(b))
		}
		if f.MetadataRemoved != (f.MediaType != "application/pdf") || f.StoredAsIs != (f.MediaType == "application/pdf") {
			t.Errorf("%s: metadata_removed %v, stored_as_is %v for %s", f.Name, f.MetadataRemoved, f.StoredAsIs, f.MediaType)
		}
		if f.OriginalName != nil {
			t.Errorf("%s: original name %q written without being asked", f.Name, *f.OriginalName)
		}
	}
	if strings.Join(m.Missing, ",") != "listing_screenshot" {
		t.Errorf("missing %v", m.Missing)
	}
	for _, name := range []string{"photos_item-1.jpg", "photos_item-2.heic", "unboxing_video-1.mp4"} {
		noSecrets(t, name, entries[name])
	}
	if _, err := jpeg.Decode(bytes.NewReader(entries["photos_item-1.jpg"])); err != nil {
		t.Error(err)
	}
	for _, doc := range []string{"manifest.json", "summary.html"} {
		if bytes.Contains(entries[doc], []byte("Tverskaya")) || bytes.Contains(entries[doc], []byte("passwd")) {
			t.Errorf("%s names the buyer's files", doc)
		}
	}
	noSecrets(t, "png", entries["selected_option_screenshot-1.png"])
	if _, err := png.Decode(bytes.NewReader(entries["selected_option_screenshot-1.png"])); err != nil {
		t.Error(err)
	}
	sum := string(entries["summary.html"])
	if strings.Contains(sum, "<script") || !strings.Contains(sum, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more") {
		t.Error("summary.html does not escape the description")
	}
	for _, want := range []string{m.Files[0].SHA256, "a screenshot of the listing", "8 November 2026",
		"18 November 2026", `data-rule="snad.eligible"`, "<style>", "stored as it was", "hidden data removed"} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary.html lacks %q", want)
		}
	}
	// Buyers read words: rule ids only in attributes, not in the text.
	if text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(sum, " "); strings.Contains(text, "snad.eligible") || strings.Contains(text, "(eligible)") {
		t.Error("summary.html shows a rule id or outcome code")
	}
	if strings.Contains(sum, "http:") || strings.Contains(sum, "https:") || strings.Contains(sum, "src=") {
		t.Error("summary.html refers to something outside itself")
	}
	unzipTest(t, data)
}

// unzipTest runs the system's unzip -t over the bundle.
func unzipTest(t *testing.T, data []byte) {
	t.Helper()
	bin, err := exec.LookPath("unzip")
	if err != nil {
		t.Skip("unzip is not installed; install it (apt-get install unzip) to check the ZIP with a second reader")
	}
	path := filepath.Join(t.TempDir(), "bundle.zip")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	unzipFile(t, bin, path)
}

func unzipFile(t *testing.T, bin, path string) {
	t.Helper()
	out, err := exec.Command(bin, "-t", path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No errors detected") {
		t.Fatalf("unzip -t: %v\n%s", err, out)
	}
}

// TestBundleZip64 streams a file over 4 GiB into a bundle on disk and
// reads it back with archive/zip and unzip: sizes are unknown up front,
// so archive/zip must switch to ZIP64 by itself.
func TestBundleZip64(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 4.5 GiB file; skipped with -short")
	}
	const size = 4<<30 + 512<<20
	path := filepath.Join(t.TempDir(), "big.zip")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	block := scanBlock()
	w := NewWriter(out, testCase(t), Options{})
	f, err := w.AddFile(assistant.UnboxingVideo, "big.mp4", "video/mp4", syntheticMP4(size, block))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	overhead, _ := io.Copy(io.Discard, syntheticMP4(0, block)) // the boxes around the frames
	if f.Size != size+overhead || f.Truncated || f.Removed != 1 {
		t.Fatalf("%+v", f)
	}
	st, _ := out.Stat()
	zr, err := zip.NewReader(out, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	e := zr.File[0]
	if e.UncompressedSize64 != uint64(f.Size) || e.UncompressedSize != 0xffffffff {
		t.Fatalf("entry sizes %d/%d", e.UncompressedSize64, e.UncompressedSize)
	}
	rc, err := e.Open()
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, rc); err != nil { // checks the CRC-32 too
		t.Fatal(err)
	}
	if hex.EncodeToString(h.Sum(nil)) != f.SHA256 {
		t.Fatal("hash of the stored bytes differs from the manifest")
	}
	if bin, err := exec.LookPath("unzip"); err == nil {
		unzipFile(t, bin, path)
	} else {
		t.Log("unzip not installed: checked with archive/zip only")
	}
}

// TestBundleMemoryIsBounded: streaming 64 MiB through strip, hash and ZIP
// allocates a small, fixed amount, whatever the file size.
func TestBundleMemoryIsBounded(t *testing.T) {
	block := scanBlock()
	for _, c := range []struct {
		name string
		file func(n int64) io.Reader
	}{{"jpeg", func(n int64) io.Reader { return syntheticJPEG(n, block) }}, {"mp4", func(n int64) io.Reader { return syntheticMP4(n, block) }}} {
		// Only AddFile is measured: Close deflates the documents with
		// archive/zip's pooled compressors, which the race detector's
		// sync.Pool drops at random (800 KB each time).
		measure := func(n int64) uint64 {
			var before, after runtime.MemStats
			w := NewWriter(io.Discard, testCase(t), Options{})
			runtime.GC()
			runtime.ReadMemStats(&before)
			if _, err := w.AddFile(assistant.PhotosItem, "a", "", c.file(n)); err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&after)
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			return after.TotalAlloc - before.TotalAlloc
		}
		// TotalAlloc is process-wide, so take the least of a few runs.
		least := func(n int64) uint64 {
			m := measure(n)
			for range 2 {
				m = min(m, measure(n))
			}
			return m
		}
		small, large := least(1<<20), least(64<<20)
		t.Logf("%s: allocated %d bytes for 1 MiB, %d bytes for 64 MiB", c.name, small, large)
		// Holding the file would take 64 MiB; allow noise of 1 MiB.
		if large > small+1<<20 || large > 4<<20 {
			t.Errorf("%s: allocation grows with the file: %d for 1 MiB, %d for 64 MiB", c.name, small, large)
		}
	}
}

type failingWriter struct{ left int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.left {
		n := w.left
		w.left = 0
		return n, errors.New("sink full")
	}
	w.left -= len(p)
	return len(p), nil
}

func TestWriterErrorsAreSticky(t *testing.T) {
	w := NewWriter(&failingWriter{left: 10000}, testCase(t), Options{})
	if _, err := w.AddFile("bogus", "a.jpg", "", strings.NewReader("x")); !errors.Is(err, ErrUnknownID) {
		t.Errorf("unknown id: %v", err)
	}
	big := bytes.Repeat([]byte("x"), 1<<20)
	if _, err := w.AddFileAsIs(assistant.SellerChat, "a.bin", "", bytes.NewReader(big)); err == nil {
		t.Fatal("no error from a failing sink")
	}
	if _, err := w.AddFile(assistant.SellerChat, "b.txt", "", strings.NewReader("x")); err == nil {
		t.Error("the writer kept going after a failed write")
	}
	if err := w.Close(); err == nil {
		t.Error("Close after a failure returned nil")
	}
	if _, err := w.AddFile(assistant.SellerChat, "c.txt", "", strings.NewReader("x")); !errors.Is(err, ErrClosed) {
		t.Errorf("after Close: %v", err)
	}
}

func TestDamagedImageIsStoredAndMarked(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out, testCase(t), Options{})
	full := makeJPEG(t)
	f, err := w.AddFile(assistant.PhotosItem, "cut.jpg", "image/jpeg", bytes.NewReader(full[:len(full)/2]))
	if err != nil || !f.Truncated || !f.MetadataRemoved || f.Size == 0 {
		t.Fatalf("%+v %v", f, err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	rc, _ := zr.Open("manifest.json")
	m, _ := io.ReadAll(rc)
	if !bytes.Contains(m, []byte(`"truncated": true`)) {
		t.Error("the manifest does not mark the damaged image")
	}
}

func TestSanitizeName(t *testing.T) {
	for in, want := range map[string]string{
		`C:\fakepath\IMG 1.jpg`:       "IMG 1.jpg",
		"../../x.png":                 "x.png",
		"a\u200bb\u202ec\x00d\n  e  ": "abcd e",
		"...":                         "",
		strings.Repeat("é", 300):      strings.Repeat("é", 120),
	} {
		if got := SanitizeName(in); got != want {
			t.Errorf("SanitizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkBundle streams a large synthetic file through strip, SHA-256
// and the ZIP writer to io.Discard: jpeg exercises the JPEG scanner,
// video the pass-through path. MB/s is of the input.
func BenchmarkBundle(b *testing.B) {
	block := scanBlock()
	const size = 256 << 20
	for _, bc := range []struct {
		name string
		src  func() io.Reader
		mt   string
	}{
		{"jpeg", func() io.Reader { return syntheticJPEG(size, block) }, "image/jpeg"},
		{"video", func() io.Reader { return syntheticMP4(size, block) }, "video/mp4"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			c := testCase(b)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				w := NewWriter(io.Discard, c, Options{})
				if _, err := w.AddFile(assistant.PhotosItem, "x", bc.mt, bc.src()); err != nil {
					b.Fatal(err)
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// countingDigest is the default digest, counting the bytes it is given.
type countingDigest struct {
	Digest
	n *int
}

func (c countingDigest) Write(p []byte) (int, error) { *c.n += len(p); return c.Digest.Write(p) }

// Options.NewDigest is the digest of every file, one per file, and sees
// exactly the stored bytes; its CRC-32 is the ZIP's for stored entries.
func TestNewDigestIsUsed(t *testing.T) {
	var sizes []*int
	opts := Options{NewDigest: func() Digest {
		n := new(int)
		sizes = append(sizes, n)
		return countingDigest{NewGoDigest(), n}
	}}
	var out bytes.Buffer
	w := NewWriter(&out, testCase(t), opts)
	files := []File{}
	for i, data := range [][]byte{makeJPEG(t), bytes.Repeat([]byte("chat line\n"), 9000), makeMP4(t)} {
		f, err := w.AddFile(assistant.SellerChat, "f"+strconv.Itoa(i)+".txt", "", bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if len(sizes) != len(files) {
		t.Fatalf("NewDigest called %d times for %d files", len(sizes), len(files))
	}
	for i, f := range files {
		if int64(*sizes[i]) != f.Size {
			t.Errorf("%s: digest saw %d bytes, %d stored", f.Name, *sizes[i], f.Size)
		}
	}
	unzipTest(t, out.Bytes())
}

// TestOriginalNamesOnRequest: with Options.OriginalNames the manifest and
// the summary name the buyer's files.
func TestOriginalNamesOnRequest(t *testing.T) {
	data := buildBundle(t, Options{OriginalNames: true})
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range []string{"manifest.json", "summary.html"} {
		rc, _ := zr.Open(doc)
		b, _ := io.ReadAll(rc)
		if !bytes.Contains(b, []byte("IMG_home_Tverskaya.JPG")) {
			t.Errorf("%s does not name the file", doc)
		}
	}
}

// sliceSink is a SliceSink that keeps slices as references, like the
// browser's, and can put the whole output back together.
type sliceSink struct {
	parts  []any // []byte, or a sliceRef
	skip   int64
	slices int
}

type sliceRef struct {
	src    io.ReaderAt
	off, n int64
}

func (s *sliceSink) Write(p []byte) (int, error) {
	n := len(p)
	k := min(int64(len(p)), s.skip)
	s.skip -= k
	if p = p[k:]; len(p) > 0 {
		s.parts = append(s.parts, bytes.Clone(p))
	}
	return n, nil
}

func (s *sliceSink) Slice(src io.Reader, off, n int64) {
	if s.skip != 0 {
		panic("a slice before the last one was written")
	}
	s.parts = append(s.parts, sliceRef{src.(io.ReaderAt), off, n})
	s.skip = n
	s.slices++
}

func (s *sliceSink) bytes() []byte {
	var out []byte
	for _, p := range s.parts {
		switch p := p.(type) {
		case []byte:
			out = append(out, p...)
		case sliceRef:
			b := make([]byte, p.n)
			p.src.ReadAt(b, p.off)
			out = append(out, b...)
		}
	}
	return out
}

// TestSliceSinkGetsTheSameBundle: a sink that takes slices of the files
// instead of copies ends with the very bytes of a plain one, for cleaned,
// damaged, stored-as-is and deflated files.
func TestSliceSinkGetsTheSameBundle(t *testing.T) {
	mp4 := makeMP4(t)
	files := []struct {
		name string
		data []byte
		asIs bool
	}{
		{"clip.mp4", mp4, false},
		{"cut.mp4", mp4[:len(mp4)/2], false},
		{"photo.jpg", makeJPEG(t), false},
		{"chat.txt", []byte(strings.Repeat("Seller: hello\n", 900)), false},
		{"scan.zip", append([]byte("PK\x03\x04"), bytes.Repeat([]byte("zip data "), 50000)...), true},
	}
	build := func(out io.Writer) {
		w := NewWriter(out, testCase(t), Options{ChunkSize: 4096})
		for _, f := range files {
			add := w.AddFile
			if f.asIs {
				add = w.AddFileAsIs
			}
			if _, err := add(assistant.PhotosItem, f.name, "", bytes.NewReader(f.data)); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	var plain bytes.Buffer
	build(&plain)
	sink := &sliceSink{}
	build(sink)
	if got := sink.bytes(); !bytes.Equal(got, plain.Bytes()) {
		t.Fatalf("%d bytes through slices, %d plain", len(got), plain.Len())
	}
	if sink.slices == 0 {
		t.Error("no slices were taken")
	}
	unzipTest(t, plain.Bytes())
}
