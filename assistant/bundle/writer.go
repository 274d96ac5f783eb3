// Package bundle writes the evidence bundle of a dispute: one ZIP with the
// buyer's files renamed by evidence id and stripped of metadata, a
// manifest.json with the SHA-256 of every file as stored, the dispute
// description and a printable summary.html.
//
// It works on io.Reader and io.Writer only and streams: each file passes
// once through metadata stripping, hashing and the ZIP entry in chunks of
// Options.ChunkSize, so memory depends on the chunk size, never on the
// file size, and files over 4 GiB are stored as ZIP64. It has no clock (the
// date is an input), no I/O of its own and no JavaScript: the browser
// passes a reader over a File and a writer that turns chunks into Blobs.
package bundle

import (
	"archive/zip"
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/calmclaim/calmclaim/assistant"
)

// DefaultChunkSize is the chunk size when Options.ChunkSize is zero.
const DefaultChunkSize = 64 << 10

// MinChunkSize is the smallest chunk size the writer uses.
const MinChunkSize = 4 << 10

// Case is what the bundle documents: the facts, the engine's verdict for
// them, the description text and the day the bundle is made.
type Case struct {
	Created     assistant.Date
	Facts       assistant.Facts
	Verdict     assistant.Verdict
	Description string
}

// Options tunes a Writer. The zero value is ready to use.
type Options struct {
	// ChunkSize is how many bytes are read, stripped, hashed and written
	// at a time (default DefaultChunkSize, at least MinChunkSize).
	ChunkSize int
	// NewHash returns the SHA-256 hash for each file's bytes (default
	// crypto/sha256.New). The browser build passes a faster one: Go's
	// SHA-256 compiled to wasm is the slowest step of a bundle there.
	// It must compute SHA-256; the manifest says so.
	NewHash func() hash.Hash
}

// File is one evidence file as stored in the bundle.
type File struct {
	Name         string // in the ZIP: "<evidence id>-<n><ext>", e.g. "photos_item-1.jpg"
	EvidenceID   assistant.EvidenceID
	OriginalName string // the name the buyer's file had, without folders or control characters
	Size         int64  // bytes stored
	MediaType    string // from the content when recognised, else from the given type or name
	SHA256       string // lowercase hex of the stored bytes
	// MetadataRemoved is true for JPEG and PNG files, which were passed
	// through the stripper; other types are stored unchanged.
	MetadataRemoved bool
	Removed         int  // metadata segments or chunks removed
	Truncated       bool // the image was malformed and is stored up to the damage (see ErrMalformed)
}

// Writer writes one bundle. Add files with AddFile, then Close. A Writer
// is not safe for concurrent use.
type Writer struct {
	zw     *zip.Writer
	c      Case
	br     *bufio.Reader
	buf    []byte
	files  []File
	counts map[assistant.EvidenceID]int
	err    error // sticky: an I/O error leaves the ZIP unusable
	closed bool
	hash   func() hash.Hash
}

// NewWriter starts a bundle that writes to w.
func NewWriter(w io.Writer, c Case, opts Options) *Writer {
	size := opts.ChunkSize
	if size == 0 {
		size = DefaultChunkSize
	}
	size = max(size, MinChunkSize)
	newHash := opts.NewHash
	if newHash == nil {
		newHash = sha256.New
	}
	return &Writer{
		hash:   newHash,
		zw:     zip.NewWriter(w),
		c:      c,
		br:     bufio.NewReaderSize(nil, size),
		buf:    make([]byte, size),
		counts: map[assistant.EvidenceID]int{},
	}
}

// Errors of AddFile and Close.
var (
	ErrClosed        = errors.New("bundle: the writer is closed")
	ErrUnknownID     = errors.New("bundle: unknown evidence id")
	ErrNothingToRead = errors.New("bundle: no reader")
)

// AddFile streams one file into the bundle as evidence of kind id. name
// and mediaType are what the buyer's file said; the stored type comes
// from the first bytes when they are recognised. JPEG and PNG files lose
// their metadata on the way (StripJPEG, StripPNG); a malformed image is
// stored up to the damage and reported in File.Truncated, not as an
// error. An error from r or from the output is returned and makes every
// later call fail: the ZIP is then incomplete and must be discarded.
func (w *Writer) AddFile(id assistant.EvidenceID, name, mediaType string, r io.Reader) (File, error) {
	switch {
	case w.closed:
		return File{}, ErrClosed
	case w.err != nil:
		return File{}, w.err
	case !assistant.ValidEvidenceID(string(id)):
		return File{}, ErrUnknownID
	case r == nil:
		return File{}, ErrNothingToRead
	}
	w.br.Reset(r)
	head, err := w.br.Peek(16)
	if err != nil && !isEOF(err) {
		w.err = err
		return File{}, err
	}
	mt, ext := fileType(head, mediaType, name)
	w.counts[id]++
	f := File{
		Name:         string(id) + "-" + strconv.Itoa(w.counts[id]) + ext,
		EvidenceID:   id,
		OriginalName: SanitizeName(name),
		MediaType:    mt,
	}
	entry, err := w.zw.CreateHeader(&zip.FileHeader{
		Name:     f.Name,
		Method:   methodFor(mt),
		Modified: w.modified(),
	})
	if err != nil {
		w.err = err
		return File{}, err
	}
	sink := &hashCount{w: entry, h: w.hash()}
	var res StripResult
	switch mt {
	case "image/jpeg":
		res, err = StripJPEG(sink, w.br)
		f.MetadataRemoved = true
	case "image/png":
		res, err = StripPNG(sink, w.br)
		f.MetadataRemoved = true
	default:
		err = w.copy(sink)
	}
	if errors.Is(err, ErrMalformed) {
		err = nil
	}
	w.br.Reset(nil) // drop the reference to r
	if err != nil {
		w.err = err
		return File{}, err
	}
	f.Removed, f.Truncated = res.Removed, res.Truncated
	f.Size = sink.n
	f.SHA256 = hex.EncodeToString(sink.h.Sum(nil))
	w.files = append(w.files, f)
	return f, nil
}

// copy streams the rest of the reader unchanged.
func (w *Writer) copy(dst io.Writer) error {
	for {
		n, err := w.br.Read(w.buf)
		if n > 0 {
			if _, werr := dst.Write(w.buf[:n]); werr != nil {
				return werr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// Files returns the files added so far. The slice is the writer's: do not
// modify it.
func (w *Writer) Files() []File { return w.files }

// Close writes description.txt, manifest.json and summary.html, then the
// ZIP's central directory. It does not close the underlying writer.
func (w *Writer) Close() error {
	if w.closed {
		return ErrClosed
	}
	w.closed = true
	if w.err != nil {
		return w.err
	}
	for _, doc := range []struct {
		name string
		data []byte
	}{
		{"description.txt", []byte(w.c.Description)},
		{"manifest.json", appendManifest(nil, &w.c, w.files)},
		{"summary.html", appendSummary(nil, &w.c, w.files)},
	} {
		e, err := w.zw.CreateHeader(&zip.FileHeader{Name: doc.name, Method: zip.Deflate, Modified: w.modified()})
		if err == nil {
			_, err = e.Write(doc.data)
		}
		if err != nil {
			w.err = err
			return err
		}
	}
	if err := w.zw.Close(); err != nil {
		w.err = err
		return err
	}
	return nil
}

// modified is the time stamp of every entry: the bundle's date at noon
// UTC, so no time zone moves it to another day.
func (w *Writer) modified() time.Time {
	if w.c.Created.IsZero() {
		return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	y, m, d := w.c.Created.YMD()
	return time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC)
}

// hashCount passes bytes on to the ZIP entry, hashing and counting them.
type hashCount struct {
	w io.Writer
	h hash.Hash
	n int64
}

func (s *hashCount) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	s.h.Write(p[:n])
	s.n += int64(n)
	return n, err
}

// types are the media types the bundle knows, with their extension and
// whether they are already compressed.
var types = []struct {
	mediaType, ext string
	compressed     bool
}{
	{"image/jpeg", ".jpg", true},
	{"image/png", ".png", true},
	{"image/gif", ".gif", true},
	{"image/webp", ".webp", true},
	{"image/heic", ".heic", true},
	{"image/heif", ".heif", true},
	{"image/avif", ".avif", true},
	{"image/bmp", ".bmp", false},
	{"image/tiff", ".tif", false},
	{"video/mp4", ".mp4", true},
	{"video/quicktime", ".mov", true},
	{"video/webm", ".webm", true},
	{"video/3gpp", ".3gp", true},
	{"audio/mpeg", ".mp3", true},
	{"audio/mp4", ".m4a", true},
	{"application/pdf", ".pdf", false},
	{"application/zip", ".zip", true},
	{"text/plain", ".txt", false},
	{"text/csv", ".csv", false},
	{"application/json", ".json", false},
	{"application/octet-stream", ".bin", true},
}

// extAliases maps other spellings of known extensions.
var extAliases = map[string]string{".jpeg": ".jpg", ".jpe": ".jpg", ".tiff": ".tif", ".qt": ".mov", ".text": ".txt", ".log": ".txt"}

// Sniff returns the media type of a file from its first bytes (16 are
// enough), or "" when they are not one the bundle recognises.
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
	case has(0, "II*\x00"), has(0, "MM\x00*"):
		return "image/tiff"
	case has(0, "\x1a\x45\xdf\xa3"):
		return "video/webm"
	case has(0, "PK\x03\x04"):
		return "application/zip"
	case has(4, "ftyp"):
		switch {
		case has(8, "heic"), has(8, "heix"), has(8, "hevc"), has(8, "heim"), has(8, "heis"):
			return "image/heic"
		case has(8, "mif1"), has(8, "msf1"):
			return "image/heif"
		case has(8, "avif"):
			return "image/avif"
		case has(8, "qt  "):
			return "video/quicktime"
		case has(8, "3gp"):
			return "video/3gpp"
		case has(8, "M4A "):
			return "audio/mp4"
		}
		return "video/mp4"
	case has(0, "ID3"):
		return "audio/mpeg"
	}
	return ""
}

// fileType decides the stored media type and extension: from the content
// when Sniff knows it, else from the given media type, else from the
// name's extension, else application/octet-stream.
func fileType(head []byte, mediaType, name string) (string, string) {
	mt := Sniff(head)
	if mt == "" {
		given := strings.ToLower(strings.TrimSpace(mediaType))
		if i := strings.IndexByte(given, ';'); i >= 0 {
			given = strings.TrimSpace(given[:i])
		}
		for _, t := range types {
			if t.mediaType == given && !imageKind(given) {
				mt = given
			}
		}
	}
	if mt == "" {
		ext := strings.ToLower(path.Ext(SanitizeName(name)))
		if a, ok := extAliases[ext]; ok {
			ext = a
		}
		for _, t := range types {
			if t.ext == ext && !imageKind(t.mediaType) {
				mt = t.mediaType
			}
		}
	}
	if mt == "" {
		mt = "application/octet-stream"
	}
	for _, t := range types {
		if t.mediaType == mt {
			return mt, t.ext
		}
	}
	return mt, ".bin"
}

// imageKind reports the types whose name or label is not trusted: a file
// is only stored as JPEG or PNG when its bytes say so, so it is never
// labelled clean without having been stripped.
func imageKind(mt string) bool { return mt == "image/jpeg" || mt == "image/png" }

func methodFor(mt string) uint16 {
	for _, t := range types {
		if t.mediaType == mt && t.compressed {
			return zip.Store
		}
	}
	return zip.Deflate
}

// SanitizeName returns the last element of a file name as a browser or an
// OS may give it, without folders, control or invisible characters, with
// spaces collapsed, at most 120 characters long. It may return "".
func SanitizeName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	var b strings.Builder
	space := false
	n := 0
	for _, r := range strings.ToValidUTF8(name, "") {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError {
			continue
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if n >= 120 {
			break
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		b.WriteRune(r)
		n++
	}
	return strings.Trim(b.String(), ". ")
}
