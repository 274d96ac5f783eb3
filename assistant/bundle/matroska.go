package bundle

import (
	"io"
	"math"
)

// Matroska (MKV) and WebM files are EBML elements in elements, found by
// byte positions in their index (SeekHead, Cues): like ISO media, nothing
// may move. An element that must go becomes a Void element of the same
// size, zeroed, which every reader skips.

// Matroska element ids.
const (
	ebmlHeader     = 0x1A45DFA3
	ebmlVoid       = 0xEC
	ebmlCRC        = 0xBF
	mkvSegment     = 0x18538067
	mkvSeekHead    = 0x114D9B74
	mkvInfo        = 0x1549A966
	mkvTracks      = 0x1654AE6B
	mkvTrackEntry  = 0xAE
	mkvCluster     = 0x1F43B675
	mkvCues        = 0x1C53BB6B
	mkvTimestamp   = 0x2AD7B1
	mkvDuration    = 0x4489
	mkvTrackName   = 0x536E
	mkvCodecName   = 0x258688
	unknownSize    = -1
	maxEBMLHeader  = 4096
	maxMkvIDLength = 4
)

// mkvClusterChildren are the elements a cluster of unknown size holds;
// the first other element ends it.
var mkvClusterChildren = map[uint32]bool{
	0xE7: true, 0x5854: true, 0xA7: true, 0xAB: true, 0xA3: true, 0xA0: true, 0xAF: true, ebmlVoid: true, ebmlCRC: true,
}

// StripMatroska rewrites a WebM or Matroska file from src to dst without
// its metadata, changing no element's size: in the segment, the tags
// (with a location, an artist, an encoder), attachments (cover pictures,
// fonts) and chapters become Void elements; in the segment information,
// everything but the time scale and the duration (the title, the muxing
// and writing applications, the date, file names, ids); in the tracks,
// each track's name and codec name; every element the stripper does not
// know at the segment's level. The EBML header, the index (SeekHead, Cues),
// the tracks' codec settings and the clusters with the frames are copied.
// Clusters and segments "of unknown size", as browsers record them, are
// followed element by element.
//
// On malformed input see ErrMalformed.
func StripMatroska(dst io.Writer, src io.Reader) (StripResult, error) {
	return finish(stripMatroska(dst, newInput(src)))
}

type ebml struct {
	dst io.Writer
	in  *input
	res StripResult
}

// element is an element's header.
type element struct {
	id        uint32
	start     int64 // where its header starts
	idLen     int
	sizeLen   int
	size      int64 // of its data; unknownSize
	header    []byte
	dataStart int64
}

func (e element) end() int64 {
	if e.size == unknownSize {
		return math.MaxInt64
	}
	return e.dataStart + e.size
}

func stripMatroska(dst io.Writer, in *input) (StripResult, error) {
	m := &ebml{dst: dst, in: in}
	h, err := m.readElement(math.MaxInt64)
	if err != nil {
		return m.res, err
	}
	if h.id != ebmlHeader || h.size == unknownSize || h.size > maxEBMLHeader {
		return m.res, malformedError(0, "no EBML header")
	}
	if err := m.copyElement(h); err != nil {
		return m.res, err
	}
	seg, err := m.readElement(math.MaxInt64)
	if err != nil {
		return m.res, err
	}
	if seg.id != mkvSegment {
		return m.res, malformedError(seg.start, "no segment after the EBML header")
	}
	if err := m.write(seg.header); err != nil {
		return m.res, err
	}
	if err := m.segment(seg); err != nil {
		return m.res, err
	}
	if end, err := in.atEOF(); err != nil {
		return m.res, err
	} else if !end {
		m.res.Removed++ // trailing data
	}
	return m.res, nil
}

func (m *ebml) write(p []byte) error {
	_, err := m.dst.Write(p)
	return err
}

// vint reads an EBML variable-length integer at b: its length and value
// (the length marker removed); ok false when b holds none.
func vint(b []byte, max int) (n int, v uint64, allOnes, ok bool) {
	if len(b) == 0 || b[0] == 0 {
		return 0, 0, false, false
	}
	for n = 1; b[0]&(0x80>>(n-1)) == 0; n++ {
	}
	if n > max || len(b) < n {
		return 0, 0, false, false
	}
	v = uint64(b[0] & (0xff >> n))
	allOnes = v == uint64(0xff>>n)
	for i := 1; i < n; i++ {
		v = v<<8 | uint64(b[i])
		allOnes = allOnes && b[i] == 0xff
	}
	return n, v, allOnes, true
}

// readElement reads an element header at the input, inside a parent
// ending at end.
func (m *ebml) readElement(end int64) (element, error) {
	e := element{start: m.in.n}
	b, err := m.in.peek(12)
	if len(b) == 0 {
		return e, m.in.errAt(err, "element header runs past the end")
	}
	idLen, _, _, ok := vint(b, maxMkvIDLength)
	if !ok {
		return e, malformedError(e.start, "not an element id")
	}
	for i := 0; i < idLen; i++ {
		e.id = e.id<<8 | uint32(b[i])
	}
	sizeLen, size, allOnes, ok := vint(b[idLen:], 8)
	if !ok {
		if len(b) < 12 && err != nil {
			return e, m.in.errAt(err, "element header runs past the end")
		}
		return e, malformedError(e.start, "not an element size")
	}
	e.idLen, e.sizeLen = idLen, sizeLen
	e.header = append([]byte(nil), b[:idLen+sizeLen]...)
	e.dataStart = e.start + int64(idLen+sizeLen)
	switch {
	case allOnes:
		e.size = unknownSize
	case size > math.MaxInt64/2:
		return e, malformedError(e.start, "element size out of range")
	default:
		e.size = int64(size)
	}
	if e.end() > end && e.size != unknownSize {
		return e, malformedError(e.start, "element runs past its parent")
	}
	m.in.skip(int64(idLen + sizeLen))
	return e, nil
}

// copyElement writes an element whose header was read, and copies its
// data.
func (m *ebml) copyElement(e element) error {
	if e.size == unknownSize {
		return malformedError(e.start, "element of unknown size")
	}
	if err := m.write(e.header); err != nil {
		return err
	}
	if got, err := m.in.copyTo(m.dst, e.size); got < e.size {
		if err == nil {
			err = io.EOF
		}
		return m.in.errAt(err, "element runs past the end")
	}
	return nil
}

// voidHeader returns the header of a Void element of total bytes (at
// least 2): its id and a size, as long as need be for the data, zeros, to
// fill the rest.
func voidHeader(total int64) []byte {
	sizeLen := min(int64(8), total-1)
	b := make([]byte, 1+sizeLen)
	b[0] = ebmlVoid
	v := uint64(total - 1 - sizeLen)
	for i := sizeLen; i >= 1; i-- {
		b[i] = byte(v)
		v >>= 8
	}
	b[1] |= 0x80 >> (sizeLen - 1)
	return b
}

// voidElement turns e, whose header was read, into a Void element of the
// same size.
func (m *ebml) voidElement(e element) error {
	if e.size == unknownSize {
		return malformedError(e.start, "element of unknown size")
	}
	m.res.Removed++
	if got, err := m.in.skip(e.size); got < e.size {
		if err == nil {
			err = io.EOF
		}
		return m.in.errAt(err, "element runs past the end")
	}
	h := voidHeader(int64(e.idLen+e.sizeLen) + e.size)
	if err := m.write(h); err != nil {
		return err
	}
	return writeZeros(m.dst, int64(e.idLen+e.sizeLen)+e.size-int64(len(h)))
}

// segment cleans the segment's children.
func (m *ebml) segment(seg element) error {
	for m.in.n < seg.end() {
		if seg.size == unknownSize {
			if end, err := m.in.atEOF(); err != nil || end {
				return err
			}
		}
		e, err := m.readElement(seg.end())
		if err != nil {
			return err
		}
		switch e.id {
		case mkvSeekHead, mkvCues:
			err = m.copyElement(e)
		case mkvCluster:
			err = m.cluster(e)
		case mkvInfo:
			err = m.master(e, func(id uint32) bool { return id == mkvTimestamp || id == mkvDuration })
		case mkvTracks:
			err = m.tracks(e)
		case ebmlVoid:
			err = m.blank(e)
		default: // Tags, Attachments, Chapters, unknown
			err = m.voidElement(e)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// blank keeps a Void element, zeroed.
func (m *ebml) blank(e element) error {
	if e.size == unknownSize {
		return malformedError(e.start, "element of unknown size")
	}
	if err := m.write(e.header); err != nil {
		return err
	}
	if err := m.in.blank(m.dst, e.size); err != nil {
		return m.in.errAt(err, "element runs past the end")
	}
	return nil
}

// master copies a master element, keeping the children keep accepts and
// voiding the others (a CRC of the element, which no longer holds, goes
// too).
func (m *ebml) master(e element, keep func(uint32) bool) error {
	if e.size == unknownSize {
		return malformedError(e.start, "element of unknown size")
	}
	if err := m.write(e.header); err != nil {
		return err
	}
	for m.in.n < e.end() {
		c, err := m.readElement(e.end())
		if err != nil {
			return err
		}
		if c.size == unknownSize {
			return malformedError(c.start, "element of unknown size")
		}
		if keep(c.id) {
			err = m.copyElement(c)
		} else {
			err = m.voidElement(c)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// tracks keeps every track's settings but its name and codec name.
func (m *ebml) tracks(e element) error {
	if e.size == unknownSize {
		return malformedError(e.start, "element of unknown size")
	}
	if err := m.write(e.header); err != nil {
		return err
	}
	for m.in.n < e.end() {
		c, err := m.readElement(e.end())
		if err != nil {
			return err
		}
		switch c.id {
		case mkvTrackEntry:
			err = m.master(c, func(id uint32) bool { return id != mkvTrackName && id != mkvCodecName && id != ebmlCRC })
		default:
			err = m.voidElement(c)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// cluster copies a cluster: whole when its size is known, else child by
// child until an element that is not a cluster's.
func (m *ebml) cluster(e element) error {
	if e.size != unknownSize {
		return m.copyElement(e)
	}
	if err := m.write(e.header); err != nil {
		return err
	}
	for {
		if end, err := m.in.atEOF(); err != nil || end {
			return err
		}
		b, err := m.in.peek(4)
		if len(b) == 0 {
			return m.in.errAt(err, "cluster")
		}
		idLen, _, _, ok := vint(b, maxMkvIDLength)
		if !ok || len(b) < idLen {
			return malformedError(m.in.n, "not an element id")
		}
		var id uint32
		for i := 0; i < idLen; i++ {
			id = id<<8 | uint32(b[i])
		}
		if !mkvClusterChildren[id] {
			return nil // the next element of the segment
		}
		c, err := m.readElement(math.MaxInt64)
		if err != nil {
			return err
		}
		if err := m.copyElement(c); err != nil {
			return err
		}
	}
}
