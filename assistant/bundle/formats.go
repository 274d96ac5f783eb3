package bundle

import (
	"bytes"
	"errors"
	"io"
	"path"
	"strings"
)

// format is a kind of file the bundle knows.
type format struct {
	mediaType, ext string
	name           string // as buyers know it: "JPEG", "HEIC"
	compressed     bool   // stored, not deflated, in the ZIP
	// strip cleans the format; nil: the bundle cannot clean it.
	strip func(io.Writer, *input) (StripResult, error)
}

// formats are the kinds of file the bundle knows. A file is of a format
// that strip cleans only when its bytes say so (Sniff); text, and formats
// that cannot be cleaned, may also be known by the type the browser gave
// or the name's extension.
var formats = []format{
	{"image/jpeg", ".jpg", "JPEG", true, stripJPEG},
	{"image/png", ".png", "PNG", true, stripPNG},
	{"image/heic", ".heic", "HEIC", true, stripISOBMFF},
	{"image/heif", ".heif", "HEIF", true, stripISOBMFF},
	{"image/avif", ".avif", "AVIF", true, stripISOBMFF},
	{"image/webp", ".webp", "WebP", true, stripWebP},
	{"image/gif", ".gif", "GIF", true, stripGIF},
	{"video/mp4", ".mp4", "MP4", true, stripISOBMFF},
	{"video/quicktime", ".mov", "MOV", true, stripISOBMFF},
	{"video/3gpp", ".3gp", "3GP", true, stripISOBMFF},
	{"audio/mp4", ".m4a", "M4A", true, stripISOBMFF},
	{"video/webm", ".webm", "WebM", true, stripMatroska},
	{"video/x-matroska", ".mkv", "MKV", true, stripMatroska},
	{"text/plain", ".txt", "TXT", false, stripText},
	{"text/csv", ".csv", "CSV", false, stripText},
	{"application/json", ".json", "JSON", false, stripText},
	{"image/tiff", ".tif", "TIFF", false, nil},
	{"image/bmp", ".bmp", "BMP", false, nil},
	{"audio/mpeg", ".mp3", "MP3", true, nil},
	{"application/pdf", ".pdf", "PDF", false, nil},
	{"application/zip", ".zip", "ZIP", true, nil},
	{"application/octet-stream", ".bin", "", true, nil},
}

// byContentOnly: a format the bundle cleans, other than text, is never
// taken from a name or a label, so no file is called clean without its
// bytes having been cleaned as that format.
func (f *format) byContentOnly() bool {
	return f.strip != nil && !strings.HasPrefix(f.mediaType, "text/") && f.mediaType != "application/json"
}

// extAliases maps other spellings of known extensions.
var extAliases = map[string]string{".jpeg": ".jpg", ".jpe": ".jpg", ".tiff": ".tif", ".qt": ".mov", ".text": ".txt", ".log": ".txt"}

// SniffSize is how many first bytes Sniff looks at.
const SniffSize = 64

// Sniff returns the media type of a file from its first bytes (SniffSize
// are enough), or "" when they are not one the bundle recognises.
func Sniff(head []byte) string {
	has := func(off int, s string) bool {
		return len(head) >= off+len(s) && string(head[off:off+len(s)]) == s
	}
	switch {
	case has(0, "\xff\xd8\xff"):
		return "image/jpeg"
	case has(0, string(pngSignature)):
		return "image/png"
	case has(0, "GIF87a"), has(0, "GIF89a"):
		return "image/gif"
	case has(0, "RIFF") && has(8, "WEBP"):
		return "image/webp"
	case has(0, "%PDF-"):
		return "application/pdf"
	case has(0, "BM") && len(head) >= 14:
		return "image/bmp"
	case has(0, "II*\x00"), has(0, "MM\x00*"), has(0, "II+\x00"), has(0, "MM\x00+"):
		return "image/tiff"
	case has(0, "\x1a\x45\xdf\xa3"):
		if bytes.Contains(head, []byte("\x42\x82\x84webm")) {
			return "video/webm"
		}
		return "video/x-matroska"
	case has(0, "PK\x03\x04"):
		return "application/zip"
	case has(4, "ftyp"):
		return sniffBrands(head)
	case has(0, "ID3"):
		return "audio/mpeg"
	}
	return ""
}

// sniffBrands names an ISO base media file by the brands of its ftyp box.
func sniffBrands(head []byte) string {
	size := int(be32(head))
	if size < 16 || size%4 != 0 {
		return ""
	}
	end := min(size, len(head))
	var brands []string
	for i := 8; i+4 <= end; i += 4 {
		if i != 12 { // the minor version
			brands = append(brands, string(head[i:i+4]))
		}
	}
	has := func(list ...string) bool {
		for _, b := range brands {
			for _, l := range list {
				if b == l {
					return true
				}
			}
		}
		return false
	}
	major := brands[0]
	switch {
	case major == "qt  ":
		return "video/quicktime"
	case strings.HasPrefix(major, "3gp"), strings.HasPrefix(major, "3g2"):
		return "video/3gpp"
	case major == "M4A " || major == "M4B ":
		return "audio/mp4"
	case major == "avif" || major == "avis":
		return "image/avif"
	case has("heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"):
		if major == "mif1" || major == "msf1" || strings.HasPrefix(major, "he") {
			return "image/heic"
		}
	case major == "mif1" || major == "msf1" || major == "mif2":
		if has("avif", "avis") {
			return "image/avif"
		}
		return "image/heif"
	}
	return "video/mp4"
}

// classify decides a file's format: from the content when Sniff knows
// it, else from the given media type, else from the name's extension
// (never a format the bundle cleans, text aside: see byContentOnly), else
// application/octet-stream.
func classify(head []byte, mediaType, name string) *format {
	if mt := Sniff(head); mt != "" {
		return formatOf(mt)
	}
	given := strings.ToLower(strings.TrimSpace(mediaType))
	if i := strings.IndexByte(given, ';'); i >= 0 {
		given = strings.TrimSpace(given[:i])
	}
	for i := range formats {
		if f := &formats[i]; f.mediaType == given && !f.byContentOnly() {
			return f
		}
	}
	ext := strings.ToLower(path.Ext(SanitizeName(name)))
	if a, ok := extAliases[ext]; ok {
		ext = a
	}
	for i := range formats {
		if f := &formats[i]; f.ext == ext && !f.byContentOnly() {
			return f
		}
	}
	return formatOf("application/octet-stream")
}

func formatOf(mt string) *format {
	for i := range formats {
		if formats[i].mediaType == mt {
			return &formats[i]
		}
	}
	return &formats[len(formats)-1]
}

// Format is a kind of file, as the evidence page lists them.
type Format struct {
	MediaType string
	Name      string // "JPEG"; "" for a file of no known kind
	Cleaned   bool   // the bundle removes its hidden data
}

// Formats returns every kind of file the bundle knows, the ones it cleans
// first.
func Formats() []Format {
	var out []Format
	for _, cleaned := range []bool{true, false} {
		for _, f := range formats {
			if (f.strip != nil) == cleaned {
				out = append(out, Format{MediaType: f.mediaType, Name: f.name, Cleaned: cleaned})
			}
		}
	}
	return out
}

// Status is what the bundle will do with a file.
type Status string

const (
	// Clean: the file is of a format the bundle cleans and parses cleanly.
	Clean Status = "clean"
	// Unsupported: the bundle cannot clean files of this kind.
	Unsupported Status = "unsupported"
	// Damaged: the file's bytes say it is of a format the bundle cleans,
	// but it does not parse; cleaning would cut it short at the damage.
	Damaged Status = "damaged"
)

// Checked is the result of Check.
type Checked struct {
	Status    Status
	MediaType string
	Format    string // as in Format.Name
	Problem   string // for a damaged file, where it fails (for developers)
}

// Check tells, before a bundle is made, what AddFile would do with a file:
// clean it, refuse it (its kind cannot be cleaned), or cut it short at
// damage. It runs the file's stripper with nowhere to write, so it reads
// the whole file, except where r can seek: then it seeks over what a
// stripper only copies (a video's frames). An error is returned only when
// r fails.
func Check(r io.Reader, mediaType, name string) (Checked, error) {
	in := newInput(r)
	head, err := in.peek(SniffSize)
	if err != nil && err != io.EOF {
		return Checked{}, err
	}
	f := classify(head, mediaType, name)
	c := Checked{MediaType: f.mediaType, Format: f.name, Status: Clean}
	if f.strip == nil {
		c.Status = Unsupported
		return c, nil
	}
	_, err = f.strip(io.Discard, in)
	switch {
	case err == nil:
	case errors.Is(err, ErrMalformed):
		c.Status, c.Problem = Damaged, err.Error()
	default:
		return Checked{}, err
	}
	return c, nil
}
