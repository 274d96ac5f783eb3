// Package bundle writes the evidence bundle of a dispute: one ZIP with the
// buyer's files renamed by evidence id and cleaned of hidden data, a
// manifest.json with the SHA-256 of every file as stored, the dispute
// description and a printable summary.html.
//
// Every file is cleaned by the rules of its format, told by its bytes,
// never by its name (see Formats and the Strip functions): only what
// decoding needs is kept. A file of a kind the bundle cannot clean is not
// stored unless the caller asks for it as it is (AddFileAsIs); Check says
// beforehand which files those are.
//
// It works on io.Reader and io.Writer only and streams: each file passes
// once through cleaning, hashing and the ZIP entry in chunks of
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
	"hash/crc32"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
	"github.com/calmclaim/calmclaim/i18n"
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
	// Details are the order's details as the buyer gave them (validated by
	// describe.ReadDetails), written into summary.html; zero if none.
	Details describe.Details
	// Lang is the language summary.html is written in (the page's);
	// "" is English. manifest.json and description.txt are not affected.
	Lang i18n.Lang
}

// Digest hashes the bytes of one stored file, in one pass, for the
// manifest (SHA-256) and for the ZIP (CRC-32).
type Digest interface {
	io.Writer
	// Sum returns the SHA-256 and the CRC-32 of what was written.
	Sum() (sha [sha256.Size]byte, crc uint32)
}

// SliceSink is a writer that can hold bytes of a file it was given by
// reference instead of by copy. The browser's sink is one: it keeps a
// slice of the buyer's File (a Blob slice, no copy) where a stored file's
// bytes pass through unchanged, such as a video's frames. When the writer
// given to NewWriter is a SliceSink, the Writer calls Slice before writing
// bytes a stripper copies as they are, for stored (not deflated) files
// whose reader can seek.
type SliceSink interface {
	io.Writer
	// Slice says that the next n bytes written are bytes off to off+n
	// of src, the reader given to AddFile, unchanged.
	Slice(src io.Reader, off, n int64)
}

// Options tunes a Writer. The zero value is ready to use.
type Options struct {
	// ChunkSize is how many bytes are read, cleaned, hashed and written
	// at a time (default DefaultChunkSize, at least MinChunkSize).
	ChunkSize int
	// NewDigest returns the Digest of each file (default: Go's
	// crypto/sha256 and hash/crc32). The browser build passes one of its
	// own: Go's SHA-256 compiled to wasm is the slowest step of a bundle
	// there. It must compute SHA-256 and the IEEE CRC-32.
	NewDigest func() Digest
	// OriginalNames writes the names the buyer's files had into
	// manifest.json and summary.html. Off by default: a name such as
	// "IMG_home_street.jpg" can say where or when a photo was taken.
	OriginalNames bool
}

// File is one evidence file as stored in the bundle.
type File struct {
	Name       string // in the ZIP: "<evidence id>-<n><ext>", e.g. "photos_item-1.jpg"
	EvidenceID assistant.EvidenceID
	// OriginalName is the name the buyer's file had, without folders or
	// control characters; "" unless Options.OriginalNames.
	OriginalName string
	Size         int64  // bytes stored
	MediaType    string // from the content when recognised, else from the given type or name
	Format       string // as buyers know it ("HEIC"), "" when unknown
	SHA256       string // lowercase hex of the stored bytes
	// MetadataRemoved is true for a file that was cleaned: passed through
	// the stripper of its format (see Formats).
	MetadataRemoved bool
	// AsIs is true for a file stored unchanged at the caller's request
	// (AddFileAsIs): it keeps whatever hidden data it had.
	AsIs      bool
	Removed   int  // metadata units removed or blanked
	Truncated bool // the file was damaged and is stored up to the damage (see ErrMalformed)
}

// Writer writes one bundle. Add files with AddFile, then Close. A Writer
// is not safe for concurrent use.
type Writer struct {
	zw     *zip.Writer
	slices SliceSink // the output, when it takes slices
	c      Case
	opts   Options
	br     *bufio.Reader
	files  []File
	counts map[assistant.EvidenceID]int
	err    error // sticky: an I/O error leaves the ZIP unusable
	closed bool
}

// NewWriter starts a bundle that writes to w.
func NewWriter(w io.Writer, c Case, opts Options) *Writer {
	size := opts.ChunkSize
	if size == 0 {
		size = DefaultChunkSize
	}
	size = max(size, MinChunkSize)
	if opts.NewDigest == nil {
		opts.NewDigest = NewGoDigest
	}
	slices, _ := w.(SliceSink)
	return &Writer{
		slices: slices,
		opts:   opts,
		zw:     zip.NewWriter(w),
		c:      c,
		br:     bufio.NewReaderSize(nil, size),
		counts: map[assistant.EvidenceID]int{},
	}
}

// NewGoDigest is the default Digest: crypto/sha256 and hash/crc32.
func NewGoDigest() Digest { return &goDigest{sha: sha256.New(), crc: crc32.NewIEEE()} }

type goDigest struct {
	sha hash.Hash
	crc hash.Hash32
}

func (d *goDigest) Write(p []byte) (int, error) {
	d.sha.Write(p)
	return d.crc.Write(p)
}

func (d *goDigest) Sum() (sum [sha256.Size]byte, crc uint32) {
	d.sha.Sum(sum[:0])
	return sum, d.crc.Sum32()
}

// Errors of AddFile and Close.
var (
	ErrClosed        = errors.New("bundle: the writer is closed")
	ErrUnknownID     = errors.New("bundle: unknown evidence id")
	ErrNothingToRead = errors.New("bundle: no reader")
	// ErrCannotClean is AddFile's answer for a file of a kind the bundle
	// cannot clean (Check says Unsupported). Nothing was written; the
	// writer goes on.
	ErrCannotClean = errors.New("bundle: this kind of file cannot be cleaned")
)

// AddFile streams one file into the bundle as evidence of kind id, cleaned
// by the rules of its format (see Formats), which its first bytes decide.
// name and mediaType are what the buyer's file said: they name a text file
// or an unknown one, never an image or a video. A file that cannot be
// cleaned is refused with ErrCannotClean and nothing is written; a damaged
// one (see ErrMalformed) is stored up to the damage and reported in
// File.Truncated, not as an error. An error from r or from the output is
// returned and makes every later call fail: the ZIP is then incomplete and
// must be discarded.
func (w *Writer) AddFile(id assistant.EvidenceID, name, mediaType string, r io.Reader) (File, error) {
	return w.add(id, name, mediaType, r, false)
}

// AddFileAsIs stores a file unchanged, with whatever hidden data it
// carries, because the buyer chose to include it as it is. The manifest
// and the summary say so.
func (w *Writer) AddFileAsIs(id assistant.EvidenceID, name, mediaType string, r io.Reader) (File, error) {
	return w.add(id, name, mediaType, r, true)
}

func (w *Writer) add(id assistant.EvidenceID, name, mediaType string, r io.Reader, asIs bool) (File, error) {
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
	defer w.br.Reset(nil) // drop the reference to r
	head, err := w.br.Peek(SniffSize)
	if err != nil && err != io.EOF {
		w.err = err
		return File{}, err
	}
	ft := classify(head, mediaType, name)
	if ft.strip == nil && !asIs {
		return File{}, ErrCannotClean
	}
	w.counts[id]++
	f := File{
		Name:       string(id) + "-" + strconv.Itoa(w.counts[id]) + ft.ext,
		EvidenceID: id,
		MediaType:  ft.mediaType,
		Format:     ft.name,
		AsIs:       asIs,
	}
	if w.opts.OriginalNames {
		f.OriginalName = SanitizeName(name)
	}
	fh := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: w.modified()}
	var entry io.Writer
	if ft.compressed {
		// Stored as it is: the ZIP's CRC-32 comes from the digest, which
		// reads the bytes anyway, so they are read once.
		entry, err = w.zw.CreateRaw(rawHeader(fh))
	} else {
		entry, err = w.zw.CreateHeader(fh)
	}
	if err != nil {
		w.err = err
		return File{}, err
	}
	sink := &digestCount{w: entry, d: w.opts.NewDigest()}
	in := &input{br: w.br, under: r}
	if _, seeks := r.(io.Seeker); seeks && w.slices != nil && ft.compressed {
		in.verbatim = func(off, n int64) error {
			// What the ZIP holds back goes out first: the slice follows it.
			if err := w.zw.Flush(); err != nil {
				return err
			}
			w.slices.Slice(r, off, n)
			return nil
		}
	}
	var res StripResult
	if asIs {
		_, err = in.copyTo(sink, math.MaxInt64)
		if err == io.EOF {
			err = nil
		}
	} else {
		res, err = ft.strip(sink, in)
		f.MetadataRemoved = true
	}
	if errors.Is(err, ErrMalformed) {
		res.Truncated, err = true, nil
	}
	if err != nil {
		w.err = err
		return File{}, err
	}
	sum, crc := sink.d.Sum()
	if ft.compressed {
		fh.CRC32 = crc
		fh.CompressedSize64, fh.UncompressedSize64 = uint64(sink.n), uint64(sink.n)
		fh.CompressedSize, fh.UncompressedSize = uint32(min(sink.n, 1<<32-1)), uint32(min(sink.n, 1<<32-1))
		if sink.n >= 1<<32-1 {
			fh.ReaderVersion = 45 // ZIP64
		}
	}
	f.Removed, f.Truncated = res.Removed, res.Truncated
	f.Size = sink.n
	f.SHA256 = hex.EncodeToString(sum[:])
	w.files = append(w.files, f)
	return f, nil
}

// rawHeader prepares a header for zip.Writer.CreateRaw as CreateHeader
// would: version, data descriptor (the CRC and sizes come after the data),
// and the time as an MS-DOS date and an extended timestamp.
func rawHeader(fh *zip.FileHeader) *zip.FileHeader {
	fh.Method = zip.Store
	fh.Flags |= 0x8
	fh.CreatorVersion = fh.CreatorVersion&0xff00 | 20
	fh.ReaderVersion = 20
	t := fh.Modified
	fh.ModifiedDate = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	fh.ModifiedTime = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	mt := uint32(t.Unix())
	fh.Extra = append(fh.Extra, 0x55, 0x54, 5, 0, 1, byte(mt), byte(mt>>8), byte(mt>>16), byte(mt>>24))
	return fh
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
		{"manifest.json", appendManifest(nil, &w.c, w.files, w.opts.OriginalNames)},
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

// digestCount passes bytes on to the ZIP entry, digesting and counting
// them.
type digestCount struct {
	w io.Writer
	d Digest
	n int64
}

func (s *digestCount) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	s.d.Write(p[:n])
	s.n += int64(n)
	return n, err
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
