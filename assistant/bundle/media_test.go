package bundle

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/calmclaim/calmclaim/assistant"
)

// The media tests make files with the tools people's files come from
// (exiftool, ffmpeg, heif-enc, cwebp, ImageMagick), plant a person's name,
// a street, GPS coordinates, a device's make, model and serial in every
// place those tools write them, bundle the files, and check the result with
// exiftool and a byte scan: nothing planted survives, the pictures decode
// to the same pixels, the videos play the same frames, and photos keep
// their orientation. make test-media installs the tools
// (scripts/media-tools.sh) and sets CALMCLAIM_MEDIA=1, which makes a
// missing tool a failure instead of a skip.

// planted are the values written into the files' metadata; none may be
// found in a bundle's bytes or in what exiftool reads from it.
var planted = []string{"Maria Ivanova", "Tverskaya", "PlantedMake", "PlantedModel", "SN-PLANTED-4242",
	"55.7558", "37.6173", "55 deg 45", "37 deg 37"}

// leakyTag matches the exiftool tags that must not be left.
var leakyTag = regexp.MustCompile(`(?i)gps|\bmake\b|model|serial|artist|author|creator|city|location|thumbnail|comment|title|copyright|` +
	`software|encoder|xmp|iptc|datetimeoriginal|createdate`)

var mediaTools = []string{"exiftool", "ffmpeg", "ffprobe", "heif-enc", "heif-convert", "cwebp", "dwebp", "convert"}

func needTools(t *testing.T) {
	if testing.Short() {
		t.Skip("media tests run with make test-media, not with -short")
	}
	for _, tool := range mediaTools {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CALMCLAIM_MEDIA") == "1" {
				t.Fatalf("%s is missing: run scripts/media-tools.sh", tool)
			}
			t.Skipf("%s is missing: run make test-media", tool)
		}
	}
}

func run(t *testing.T, dir, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

// mediaFile is one file made by the tools.
type mediaFile struct {
	name   string
	id     assistant.EvidenceID
	orient bool // Orientation 6 was planted and must be kept
	video  bool
	pixels string // how to compare pixels: "go", "dwebp", "heif", or "" (none)
}

var mediaFiles = []mediaFile{
	{"photo.jpg", assistant.PhotosItem, true, false, "go"},
	{"thumb.jpg", assistant.PhotosItem, true, false, "go"},
	{"photo.png", assistant.PhotosItem, true, false, "go"},
	{"photo.webp", assistant.PhotosItem, true, false, "dwebp"},
	{"lossless.webp", assistant.PhotosItem, true, false, "dwebp"},
	{"photo.heic", assistant.PhotosItem, true, false, "heif"},
	{"photo.avif", assistant.PhotosItem, true, false, "heif"},
	{"photo.gif", assistant.PhotosItem, false, false, "go"},
	{"anim.gif", assistant.PhotosItem, false, false, "go"},
	{"clip.mp4", assistant.UnboxingVideo, false, true, ""},
	{"fast.mp4", assistant.UnboxingVideo, false, true, ""},
	{"clip.mov", assistant.UnboxingVideo, false, true, ""},
	{"clip.3gp", assistant.UnboxingVideo, false, true, ""},
	{"voice.m4a", assistant.SellerChat, false, true, ""},
	{"clip.webm", assistant.UnboxingVideo, false, true, ""},
	{"clip.mkv", assistant.UnboxingVideo, false, true, ""},
}

// makeMedia writes the files into dir, in parallel, and plants the
// metadata.
func makeMedia(t *testing.T, dir string) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 96, 64))
	for y := range 64 {
		for x := range 96 {
			img.Set(x, y, color.RGBA{uint8(x * 2), uint8(y * 4), uint8((x * y) % 256), 255})
		}
	}
	f, _ := os.Create(filepath.Join(dir, "base.png"))
	png.Encode(f, img)
	f.Close()
	ffmpeg := []string{"-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=176x144:rate=10", "-f", "lavfi", "-i",
		"sine=frequency=440:sample_rate=8000", "-t", "1", "-metadata", "location=+55.7558+037.6173/",
		"-metadata", "make=PlantedMake", "-metadata", "model=PlantedModel", "-metadata", "artist=Maria Ivanova",
		"-metadata", "title=Tverskaya street", "-metadata", "comment=SN-PLANTED-4242"}
	steps := [][]string{
		{"convert", "base.png", "-quality", "90", "photo.jpg"},
		{"convert", "base.png", "photo.png"},
		{"convert", "base.png", "photo.tif"},
		{"convert", "base.png", "-colors", "64", "photo.gif"},
		{"convert", "-delay", "20", "-loop", "0", "base.png", "(", "base.png", "-negate", ")", "-colors", "64", "anim.gif"},
		{"cwebp", "-quiet", "-q", "80", "base.png", "-o", "photo.webp"},
		{"cwebp", "-quiet", "-lossless", "base.png", "-o", "lossless.webp"},
		{"heif-enc", "-q", "60", "base.png", "-o", "photo.heic"},
		{"heif-enc", "-A", "-q", "60", "base.png", "-o", "photo.avif"},
		append(append([]string{"ffmpeg"}, ffmpeg...), "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "clip.mp4"),
		append(append([]string{"ffmpeg"}, ffmpeg...), "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-movflags", "+faststart", "fast.mp4"),
		append(append([]string{"ffmpeg"}, ffmpeg...), "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "clip.mov"),
		append(append([]string{"ffmpeg"}, ffmpeg...), "-c:v", "mpeg4", "-c:a", "aac", "-ar", "8000", "clip.3gp"),
		append(append([]string{"ffmpeg"}, ffmpeg...), "-metadata:s:v:0", "title=Maria Ivanova", "-c:v", "libvpx", "-deadline", "realtime",
			"-b:v", "200k", "-c:a", "libopus", "clip.webm"),
		append(append([]string{"ffmpeg"}, ffmpeg...), "-metadata:s:v:0", "title=Maria Ivanova", "-c:v", "libx264", "-preset", "ultrafast",
			"-c:a", "aac", "-attach", "base.png", "-metadata:s:t", "mimetype=image/png", "clip.mkv"),
		{"ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000", "-t", "1",
			"-metadata", "artist=Maria Ivanova", "-metadata", "location=+55.7558+037.6173/", "-c:a", "aac", "voice.m4a"},
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(steps))
	for _, s := range steps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(s[0], s[1:]...)
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				errs <- fmt.Errorf("%s: %v\n%s", strings.Join(s, " "), err, out)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	// A JPEG whose Exif also carries a thumbnail.
	run(t, dir, "cp", "photo.jpg", "thumb.jpg")
	run(t, dir, "convert", "base.png", "-resize", "32x", "t.jpg")
	// Every place exiftool writes, photos then videos.
	run(t, dir, "exiftool", "-q", "-m", "-overwrite_original",
		"-GPSLatitude=55.7558", "-GPSLatitudeRef=N", "-GPSLongitude=37.6173", "-GPSLongitudeRef=E", "-GPSAltitude=150",
		"-Make=PlantedMake", "-Model=PlantedModel", "-SerialNumber=SN-PLANTED-4242", "-Artist=Maria Ivanova",
		"-Copyright=Maria Ivanova", "-ImageDescription=Tverskaya 7, flat 12", "-DateTimeOriginal=2026:11:02 10:00:00",
		"-XMP-photoshop:City=Tverskaya", "-XMP-dc:Creator=Maria Ivanova", "-XMP-iptcExt:LocationShownSublocation=Tverskaya street",
		"-IPTC:City=Tverskaya", "-Comment=Maria Ivanova, Tverskaya 7", "-Orientation#=6",
		"photo.jpg", "thumb.jpg", "photo.png", "photo.webp", "lossless.webp", "photo.heic", "photo.avif", "photo.gif", "anim.gif", "photo.tif")
	run(t, dir, "exiftool", "-q", "-m", "-overwrite_original", "-ThumbnailImage<=t.jpg", "thumb.jpg")
	run(t, dir, "exiftool", "-q", "-m", "-overwrite_original",
		"-Keys:GPSCoordinates=55.7558 37.6173 150", "-UserData:GPSCoordinates=55.7558 37.6173 150",
		"-Keys:Make=PlantedMake", "-Keys:Model=PlantedModel", "-UserData:Make=PlantedMake", "-UserData:Model=PlantedModel",
		"-Keys:Author=Maria Ivanova", "-ItemList:Author=Maria Ivanova", "-UserData:Author=Maria Ivanova",
		"-XMP-dc:Creator=Maria Ivanova", "-XMP-photoshop:City=Tverskaya", "-Keys:DisplayName=Tverskaya street",
		"clip.mp4", "fast.mp4", "clip.mov", "clip.3gp", "voice.m4a")
	// Make sure the plants took: exiftool reads them back.
	var names []string
	for _, m := range mediaFiles {
		names = append(names, m.name)
	}
	var found []map[string]any
	if err := json.Unmarshal([]byte(exifTags(t, dir, names...)), &found); err != nil || len(found) != len(names) {
		t.Fatalf("exiftool: %v", err)
	}
	for i, tags := range found {
		all := fmt.Sprint(tags)
		if !strings.Contains(all, "Maria Ivanova") || !strings.Contains(all, "55.7558") {
			t.Fatalf("%s: the planted metadata is not there:\n%s", names[i], all)
		}
	}
}

// exifTags returns what exiftool reads from files, as JSON.
func exifTags(t *testing.T, dir string, names ...string) string {
	t.Helper()
	args := append([]string{"-j", "-a", "-G1", "-n", "-b", "-x", "System:all", "-x", "File:all", "-x", "ExifTool:all"}, names...)
	cmd := exec.Command("exiftool", args...)
	cmd.Dir = dir
	out, _ := cmd.Output() // exiftool exits 1 when it warns
	return string(out)
}

// TestMediaFilesFromTools: the whole set through a bundle, then checked.
// With CALMCLAIM_WRITE_SEEDS=1 it also writes the files as seeds of the
// fuzz targets (testdata/fuzz/FuzzStrip*/tool-*, committed).
func TestMediaFilesFromTools(t *testing.T) {
	needTools(t)
	dir := t.TempDir()
	makeMedia(t, dir)
	if os.Getenv("CALMCLAIM_WRITE_SEEDS") == "1" {
		writeSeeds(t, dir)
	}

	var zipped bytes.Buffer
	w := NewWriter(&zipped, testCase(t), Options{ChunkSize: 4096})
	stored := map[string]File{}
	for _, m := range mediaFiles {
		data, err := os.ReadFile(filepath.Join(dir, m.name))
		if err != nil {
			t.Fatal(err)
		}
		c, err := Check(bytes.NewReader(data), "", m.name)
		if err != nil || c.Status != Clean {
			t.Fatalf("%s: Check says %+v %v", m.name, c, err)
		}
		f, err := w.AddFile(m.id, m.name, "", bytes.NewReader(data))
		if err != nil || f.Truncated || !f.MetadataRemoved {
			t.Fatalf("%s: %+v %v", m.name, f, err)
		}
		stored[m.name] = f
	}
	tif, _ := os.ReadFile(filepath.Join(dir, "photo.tif"))
	if c, _ := Check(bytes.NewReader(tif), "image/tiff", "photo.tif"); c.Status != Unsupported || c.Format != "TIFF" {
		t.Errorf("TIFF: Check says %+v", c)
	}
	if _, err := w.AddFile(assistant.PhotosItem, "photo.tif", "image/tiff", bytes.NewReader(tif)); !errors.Is(err, ErrCannotClean) {
		t.Errorf("TIFF: AddFile %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}

	// Unpack the bundle beside the originals.
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	zr, err := zip.NewReader(bytes.NewReader(zipped.Bytes()), int64(zipped.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		os.WriteFile(filepath.Join(out, zf.Name), b, 0o644)
	}
	for _, p := range planted {
		if bytes.Contains(zipped.Bytes(), []byte(p)) {
			t.Errorf("the bundle's bytes contain %q", p)
		}
	}

	// What exiftool still finds in each stored file.
	var names []string
	for _, m := range mediaFiles {
		names = append(names, stored[m.name].Name)
	}
	var found []map[string]any
	if err := json.Unmarshal([]byte(exifTags(t, out, names...)), &found); err != nil {
		t.Fatalf("exiftool: %v", err)
	}
	for i, m := range mediaFiles {
		tags := found[i]
		for k, v := range tags {
			s := fmt.Sprint(v)
			for _, p := range planted {
				if strings.Contains(s, p) {
					t.Errorf("%s: exiftool finds %s = %q", m.name, k, s)
				}
			}
			if leakyTag.MatchString(k) && s != "" && s != "0" && s != "0000:00:00 00:00:00" {
				t.Errorf("%s: exiftool finds %s = %.60q", m.name, k, s)
			}
		}
		if o := fmt.Sprint(tags["IFD0:Orientation"]); m.orient && o != "6" {
			t.Errorf("%s: orientation %s, want 6 (%v)", m.name, o, tags)
		}
	}

	// The same pictures and the same frames.
	for _, m := range mediaFiles {
		orig, clean := filepath.Join(dir, m.name), filepath.Join(out, stored[m.name].Name)
		switch {
		case m.video:
			if a, b := probe(t, orig), probe(t, clean); a != b || !strings.Contains(b, "duration=") {
				t.Errorf("%s: ffprobe\n%s\nafter cleaning\n%s", m.name, a, b)
			}
			if a, b := frames(t, orig), frames(t, clean); a != b {
				t.Errorf("%s: the frames changed", m.name)
			}
		case m.pixels != "":
			a, b := decode(t, m.pixels, orig), decode(t, m.pixels, clean)
			if len(a) != len(b) {
				t.Fatalf("%s: %d frames, was %d", m.name, len(b), len(a))
			}
			for k := range a {
				samePixels(t, m.name+" frame "+strconv.Itoa(k), a[k], b[k])
			}
		}
	}
}

// probe lists a video's streams and duration; an attached picture (a
// cover, which cleaning removes) is not one.
func probe(t *testing.T, path string) string {
	out := string(run(t, "", "ffprobe", "-v", "error", "-show_entries",
		"stream=codec_type,codec_name,width,height:stream_disposition=attached_pic:format=duration", "-of", "compact", path))
	var keep []string
	for _, line := range strings.Split(out, "\n") {
		if !strings.Contains(line, "attached_pic=1") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}

// frames is the checksum of every frame of every audio and video stream
// but attached pictures.
func frames(t *testing.T, path string) string {
	return string(run(t, "", "ffmpeg", "-v", "error", "-i", path, "-map", "0:V?", "-map", "0:a?", "-f", "framemd5", "-"))
}

// decode decodes a picture's frames: with Go's decoders, or through
// dwebp or heif-convert to PNG.
func decode(t *testing.T, how, path string) []image.Image {
	t.Helper()
	data, _ := os.ReadFile(path)
	switch how {
	case "dwebp", "heif":
		png := path + ".png"
		if how == "dwebp" {
			run(t, "", "dwebp", "-quiet", path, "-o", png)
		} else {
			run(t, "", "heif-convert", path, png)
		}
		data, _ = os.ReadFile(png)
	}
	if g, err := gif.DecodeAll(bytes.NewReader(data)); err == nil {
		var out []image.Image
		for _, f := range g.Image {
			out = append(out, f)
		}
		return out
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s does not decode: %v", path, err)
	}
	return []image.Image{img}
}

var _ = jpeg.Decode // JPEG's decoder is registered for image.Decode

// TestMediaMutatedJPEG changes one byte of a JPEG that exiftool filled
// with GPS data, at 300 places and more, and bundles each: every file is
// either refused (its kind cannot be cleaned) or stored without a planted
// value.
func TestMediaMutatedJPEG(t *testing.T) {
	needTools(t)
	dir := t.TempDir()
	run(t, dir, "convert", "-size", "64x48", "gradient:red-blue", "photo.jpg")
	run(t, dir, "exiftool", "-q", "-overwrite_original", "-GPSLatitude=55.7558", "-GPSLatitudeRef=N",
		"-GPSLongitude=37.6173", "-GPSLongitudeRef=E", "-Make=PlantedMake", "-Model=PlantedModel",
		"-Artist=Maria Ivanova", "-XMP-photoshop:City=Tverskaya", "-Comment=Tverskaya 7", "photo.jpg")
	full, _ := os.ReadFile(filepath.Join(dir, "photo.jpg"))
	scan := bytes.Index(full, []byte{0xff, mSOS})
	var positions []int
	for i := 0; i < scan; i += max(1, scan/250) {
		positions = append(positions, i)
	}
	for i := scan; i < len(full); i += max(1, (len(full)-scan)/50) {
		positions = append(positions, i)
	}
	var refused, cut int
	for _, i := range positions {
		for _, v := range []byte{full[i] ^ 0x10, 0xff, 0x00} {
			in := bytes.Clone(full)
			in[i] = v
			var zipped bytes.Buffer
			w := NewWriter(&zipped, testCase(t), Options{})
			f, err := w.AddFile(assistant.PhotosItem, "photo.jpg", "image/jpeg", bytes.NewReader(in))
			switch {
			case errors.Is(err, ErrCannotClean):
				refused++
			case err != nil:
				t.Fatalf("byte %d = %#x: %v", i, v, err)
			case f.Truncated:
				cut++
			}
			w.Close()
			for _, p := range planted {
				if bytes.Contains(zipped.Bytes(), []byte(p)) {
					t.Fatalf("byte %d = %#x: %q kept (%+v)", i, v, p, f)
				}
			}
		}
	}
	t.Logf("%d mutations: %d refused, %d cut short at the damage, the rest cleaned", 3*len(positions), refused, cut)
	// One junk byte in front: not a JPEG, so not stored as one, nor as is.
	var zipped bytes.Buffer
	w := NewWriter(&zipped, testCase(t), Options{})
	if _, err := w.AddFile(assistant.PhotosItem, "photo.jpg", "image/jpeg", bytes.NewReader(append([]byte{0}, full...))); !errors.Is(err, ErrCannotClean) {
		t.Errorf("a JPEG with a junk byte in front: %v", err)
	}
}

// writeSeeds copies the tools' files into the fuzz targets' seed corpus.
func writeSeeds(t *testing.T, dir string) {
	target := map[string]string{".jpg": "JPEG", ".png": "PNG", ".gif": "GIF", ".webp": "WebP", ".heic": "ISOBMFF",
		".avif": "ISOBMFF", ".mp4": "ISOBMFF", ".mov": "ISOBMFF", ".3gp": "ISOBMFF", ".m4a": "ISOBMFF", ".webm": "Matroska", ".mkv": "Matroska"}
	for _, m := range mediaFiles {
		data, _ := os.ReadFile(filepath.Join(dir, m.name))
		name := target[filepath.Ext(m.name)]
		if name == "" || len(data) > 32<<10 || m.name == "fast.mp4" || m.name == "clip.3gp" {
			continue
		}
		writeIfChanged(t, filepath.Join("testdata", "fuzz", "FuzzStrip"+name, "tool-"+strings.ReplaceAll(m.name, ".", "-")),
			[]byte(fmt.Sprintf("go test fuzz v1\n[]byte(%s)\n", strconv.Quote(string(data)))))
	}
}
