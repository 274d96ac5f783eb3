package bundle

import (
	"io"
	"math"
	"sort"
)

// ISO base media files (MP4, MOV, 3GP, M4A; HEIC, HEIF and AVIF photos) are
// boxes in boxes, and the media data (mdat) is found through byte offsets
// written in the headers: moving a byte breaks the file. So the stripper
// changes nothing's size. A box that must go becomes a "free" box of the
// same size, full of zeros, which every reader skips; metadata items of a
// HEIF photo are zeroed where they lie. It streams, whether the header
// boxes (moov) come before or after the media data.

// maxMeta is the largest HEIF meta box the stripper reads whole; a photo's
// is a few kilobytes. maxSmallBox is the same for a handler box.
const (
	maxMeta     = 16 << 20
	maxSmallBox = 64 << 10
)

// heifImageItems are the item types that hold pictures (coded images,
// tiles, grids, overlays, derived images): their data stays.
var heifImageItems = map[string]bool{
	"hvc1": true, "hvt1": true, "av01": true, "grid": true, "iovl": true, "iden": true, "jpeg": true,
	"avc1": true, "unci": true, "j2k1": true, "vvc1": true, "tmap": true, "lhv1": true,
}

// heifProperties are the item properties that stay: how to decode and
// show an image (codec configuration, size, rotation, mirroring, crop,
// colour, alpha and depth maps, HDR). Every other property becomes a free
// box of its size, so the others keep their index.
var heifProperties = map[string]bool{
	"hvcC": true, "av1C": true, "ispe": true, "pixi": true, "colr": true, "irot": true, "imir": true,
	"clap": true, "auxC": true, "rloc": true, "lsel": true, "a1op": true, "a1lx": true, "pasp": true,
	"clli": true, "mdcv": true, "cclv": true, "amve": true, "vvcC": true, "jpgC": true, "uncC": true,
	"cmpd": true, "lhvC": true, "oinf": true, "tols": true,
}

// heifPhotoBrands are major brands of HEIF photos: their metadata items
// lie in media data that only the meta box describes.
var heifPhotoBrands = map[string]bool{"heic": true, "heix": true, "heim": true, "heis": true, "mif1": true, "mif2": true, "avif": true}

// sequenceBrands mark files whose media data is read through a movie box
// (video, image sequences), not only through HEIF items.
var sequenceBrands = map[string]bool{"msf1": true, "hevs": true, "avis": true, "hevc": true, "avcs": true}

// StripISOBMFF rewrites an ISO base media file from src to dst without its
// metadata, changing no box's size:
//
//   - movies (MP4, MOV, 3GP, M4A): user data (udta, with Android's ISO 6709
//     location ©xyz, ffmpeg's location, maker, model, author, title), the
//     metadata boxes (meta, keys and ilst, with Apple's
//     com.apple.quicktime.location.ISO6709, make and model), uuid boxes
//     (XMP) and every box the stripper does not know in the movie, track
//     and media headers become free boxes; handler names and the dates
//     of recording in the movie, track and media headers are zeroed; what
//     decoding needs (mvhd, tkhd with its rotation matrix, mdhd, the
//     sample tables, edit lists, fragments) is copied;
//   - photos (HEIC, HEIF, AVIF): in the meta box, Exif, XMP and every item
//     that is not a picture is zeroed where its data lies, item names and
//     the handler name are zeroed, properties other than heifProperties
//     become free boxes, ICC profiles are scrubbed (see scrubICC); bytes of
//     the media data that no picture item uses are zeroed; and when the
//     Exif said the photo is not upright, its item holds a minimal Exif
//     with only the Orientation (readers turn HEIF photos by irot and imir,
//     which stay);
//   - top-level boxes other than ftyp, moov, moof, mdat, meta and index
//     boxes become free boxes; free boxes are zeroed; anything after the
//     last box once the file is complete is left out.
//
// Memory use is the input's buffer and, for a photo, its meta box (at most
// 16 MiB). On malformed input see ErrMalformed. Not removed: samples of
// timed metadata tracks (a GPS track of an action camera) stay in mdat,
// though their track's description is kept too; phones keep location in
// the boxes above.
func StripISOBMFF(dst io.Writer, src io.Reader) (StripResult, error) {
	return finish(stripISOBMFF(dst, newInput(src)))
}

// Actions on a span of media data.
const (
	spanKeep = iota
	spanZero
	spanExif
)

type span struct {
	from, to int64
	act      int
}

type bmff struct {
	dst      io.Writer
	in       *input
	res      StripResult
	sequence bool // a brand says the media data is read through a movie box
	photo    bool // the major brand is a HEIF photo's
	ftyp     bool
	moov     bool
	pict     bool // a HEIF meta box was cleaned
	mdat     bool
	image    bool   // media data not used by a picture item is zeroed
	plan     []span // sorted, disjoint; outside them: keep, or zero when image
	covered  []span // where the plan was applied or everything zeroed, in order
}

type boxHeader struct {
	typ   string
	start int64 // offset of the box
	hlen  int64 // 8, or 16 with a 64-bit size
	end   int64 // offset after the box; math.MaxInt64 for a last box "to the end"
	toEOF bool
}

func stripISOBMFF(dst io.Writer, in *input) (StripResult, error) {
	s := &bmff{dst: dst, in: in}
	err := s.top()
	return s.res, err
}

// readBox reads a box header at the input, inside a parent ending at end.
func (s *bmff) readBox(end int64) (boxHeader, error) {
	h := boxHeader{start: s.in.n, hlen: 8}
	b, err := s.in.peek(8)
	if err != nil {
		return h, s.in.errAt(err, "box header runs past the end")
	}
	size := int64(be32(b))
	h.typ = string(b[4:8])
	switch size {
	case 0:
		if end != math.MaxInt64 {
			return h, malformedError(h.start, "box "+h.typ+" to the end inside another")
		}
		h.end, h.toEOF = math.MaxInt64, true
	case 1:
		b, err = s.in.peek(16)
		if err != nil {
			return h, s.in.errAt(err, "box header runs past the end")
		}
		h.hlen = 16
		big := be64(b[8:])
		if big < 16 || big > math.MaxInt64/2 {
			return h, malformedError(h.start, "box size out of range")
		}
		h.end = h.start + int64(big)
	default:
		if size < 8 {
			return h, malformedError(h.start, "box size below its header")
		}
		h.end = h.start + size
	}
	if h.end > end {
		return h, malformedError(h.start, "box "+h.typ+" runs past its parent")
	}
	return h, nil
}

// header writes the box's header, or a free box's header of the same size.
func (s *bmff) header(h boxHeader, free bool) error {
	b, _ := s.in.peek(int(h.hlen))
	out := append([]byte(nil), b...)
	if free {
		copy(out[4:8], "free")
	}
	s.in.skip(h.hlen)
	_, err := s.dst.Write(out)
	return err
}

// payload returns how many bytes follow the header, -1 to the end.
func (h boxHeader) payload() int64 {
	if h.toEOF {
		return -1
	}
	return h.end - h.start - h.hlen
}

// blankRest zeroes the rest of a box whose header was written; a box "to
// the end" is zeroed to the end.
func (s *bmff) blankRest(h boxHeader) error {
	from := s.in.n
	defer func() { s.cover(from, s.in.n) }()
	n := h.payload()
	if n < 0 {
		for {
			k, err := s.in.skip(1 << 20)
			if err := writeZeros(s.dst, k); err != nil {
				return err
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
		}
	}
	if err := s.in.blank(s.dst, n); err != nil {
		return s.in.errAt(err, "box "+h.typ+" runs past the end")
	}
	return nil
}

// complete: the file has what a player needs, so trailing bytes that are
// not boxes are someone's appended data.
func (s *bmff) complete() bool { return s.ftyp && s.mdat && (s.moov || s.pict) }

func (s *bmff) top() error {
	for {
		if end, err := s.in.atEOF(); err != nil {
			return err
		} else if end {
			if !s.complete() {
				return malformedError(s.in.n, "file ends before its media data and headers")
			}
			return s.verify()
		}
		h, err := s.readBox(math.MaxInt64)
		if err == nil && !printable(h.typ) {
			err = malformedError(h.start, "box type is not text")
		}
		if err != nil {
			if s.complete() { // trailing data
				s.res.Removed++
				if _, err := s.in.skip(math.MaxInt64 - s.in.n); err != io.EOF {
					return err
				}
				return s.verify()
			}
			return err
		}
		if !s.ftyp && h.typ != "ftyp" {
			return malformedError(h.start, "the first box is not ftyp")
		}
		switch h.typ {
		case "ftyp", "styp":
			err = s.ftypBox(h)
		case "meta":
			err = s.metaBox(h)
		case "moov":
			if s.image && s.mdat {
				return malformedError(h.start, "movie box after media data cleaned as a photo's")
			}
			s.moov = true
			err = s.container(h, "moov")
		case "moof":
			err = s.container(h, "moof")
		case "mdat":
			err = s.mdatBox(h)
		case "free", "skip", "wide":
			if err = s.header(h, false); err == nil {
				err = s.blankRest(h)
			}
		case "sidx", "ssix", "prft", "pdin", "mfra", "emsg":
			if err = s.header(h, false); err == nil {
				err = s.copyRest(h)
			}
		default: // udta, uuid, unknown
			err = s.freeBox(h)
		}
		if err != nil {
			return err
		}
	}
}

func printable(t string) bool {
	for i := 0; i < len(t); i++ {
		if c := t[i]; c < 0x20 || c > 0x7e && c != 0xa9 { // © starts Apple's tags
			return false
		}
	}
	return true
}

// copyRest copies the rest of a box whose header was written.
func (s *bmff) copyRest(h boxHeader) error {
	n := h.payload()
	if n < 0 {
		_, err := s.in.copyTo(s.dst, math.MaxInt64)
		if err == io.EOF {
			err = nil
		}
		return err
	}
	if got, err := s.in.copyTo(s.dst, n); got < n {
		if err == nil {
			err = io.EOF
		}
		return s.in.errAt(err, "box "+h.typ+" runs past the end")
	}
	return nil
}

// freeBox turns a box into a free box of the same size. At the top level
// of a complete file, a box cut short is trailing data and left out.
func (s *bmff) freeBox(h boxHeader) error {
	s.res.Removed++
	if n := h.payload(); n >= 0 && s.complete() {
		hdr, _ := s.in.peek(int(h.hlen))
		out := append([]byte(nil), hdr...)
		copy(out[4:8], "free")
		if got, err := s.in.skip(n + h.hlen); got < n+h.hlen {
			if err == io.EOF || err == nil {
				return nil // trailing data
			}
			return err
		}
		if _, err := s.dst.Write(out); err != nil {
			return err
		}
		s.cover(h.start+h.hlen, h.end)
		return writeZeros(s.dst, n)
	}
	if err := s.header(h, true); err != nil {
		return err
	}
	return s.blankRest(h)
}

// readPayload reads a whole box after its header, up to limit bytes.
func (s *bmff) readPayload(h boxHeader, limit int64) ([]byte, error) {
	n := h.payload()
	if n < 0 || n > limit {
		return nil, malformedError(h.start, "box "+h.typ+" too large to clean")
	}
	s.in.skip(h.hlen)
	data, err := io.ReadAll(io.LimitReader(s.in.br, n))
	s.in.n += int64(len(data))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) < n {
		return nil, malformedError(s.in.n, "box "+h.typ+" runs past the end")
	}
	return data, nil
}

func (s *bmff) ftypBox(h boxHeader) error {
	hdr, _ := s.in.peek(int(h.hlen))
	hdr = append([]byte(nil), hdr...)
	p, err := s.readPayload(h, 4096)
	if err != nil {
		return err
	}
	if len(p) < 8 || len(p)%4 != 0 {
		return malformedError(h.start, "ftyp of the wrong size")
	}
	s.ftyp = true
	s.photo = heifPhotoBrands[string(p[:4])]
	for i := 0; i < len(p); i += 4 {
		if i != 4 && sequenceBrands[string(p[i:i+4])] {
			s.sequence = true
		}
	}
	if _, err := s.dst.Write(hdr); err != nil {
		return err
	}
	_, err = s.dst.Write(p)
	return err
}

// Actions on a box inside the movie.
const (
	boxCopy = iota
	boxDescend
	boxHandler
	boxBlank // a free box: kept, its contents zeroed
	boxFree  // becomes a free box
	boxTimes // a movie, track or media header: kept, its dates zeroed
)

// movieBox says what happens to a box of type typ in a parent: only the
// boxes that describe how to decode and show the media stay.
func movieBox(parent, typ string) int {
	switch typ {
	case "free", "skip", "wide":
		return boxBlank
	case "hdlr":
		if parent == "mdia" || parent == "minf" {
			return boxHandler
		}
		return boxFree
	case "mvhd", "tkhd", "mdhd":
		if parent == "moov" && typ == "mvhd" || parent == "trak" && typ == "tkhd" || parent == "mdia" && typ == "mdhd" {
			return boxTimes
		}
		return boxFree
	}
	var copyList, descend string
	switch parent {
	case "moov":
		copyList, descend = "iods pssh", "trak mvex"
	case "trak":
		copyList, descend = "tref tapt load txas clip matt kmat imap", "edts mdia"
	case "edts":
		copyList = "elst"
	case "mdia":
		copyList, descend = "elng", "minf"
	case "minf":
		copyList = "vmhd smhd hmhd nmhd sthd gmhd dinf stbl"
	case "mvex":
		copyList = "mehd trex trep leva"
	case "moof":
		copyList, descend = "mfhd pssh", "traf"
	case "traf":
		copyList = "tfhd tfdt trun sbgp sgpd subs saiz saio senc sdtp"
	}
	if inList(copyList, typ) {
		return boxCopy
	}
	if inList(descend, typ) {
		return boxDescend
	}
	return boxFree
}

func inList(list, typ string) bool {
	for i := 0; i+4 <= len(list); i += 5 {
		if list[i:i+4] == typ {
			return true
		}
	}
	return false
}

// container writes a container's header and cleans its children.
func (s *bmff) container(h boxHeader, typ string) error {
	if h.toEOF {
		return malformedError(h.start, "box "+typ+" without a size")
	}
	if err := s.header(h, false); err != nil {
		return err
	}
	for s.in.n < h.end {
		if left := h.end - s.in.n; left < 8 {
			// QuickTime may end a list with a 32-bit zero.
			b, err := s.in.peek(int(left))
			if err != nil {
				return s.in.errAt(err, "box "+typ+" runs past the end")
			}
			for _, c := range b {
				if c != 0 {
					return malformedError(s.in.n, "bytes at the end of "+typ)
				}
			}
			return s.in.blank(s.dst, left)
		}
		c, err := s.readBox(h.end)
		if err != nil {
			return err
		}
		switch movieBox(typ, c.typ) {
		case boxCopy:
			if err = s.header(c, false); err == nil {
				err = s.copyRest(c)
			}
		case boxDescend:
			err = s.container(c, c.typ)
		case boxHandler:
			err = s.handler(c, zeroHandlerName)
		case boxTimes:
			err = s.handler(c, zeroTimes)
		case boxBlank:
			if err = s.header(c, false); err == nil {
				err = s.blankRest(c)
			}
		default:
			s.res.Removed++
			if err = s.header(c, true); err == nil {
				err = s.blankRest(c)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// handler copies a small box after blank has zeroed what it must in its
// payload.
func (s *bmff) handler(h boxHeader, blank func([]byte)) error {
	hdr, _ := s.in.peek(int(h.hlen))
	hdr = append([]byte(nil), hdr...)
	p, err := s.readPayload(h, maxSmallBox)
	if err != nil {
		return err
	}
	blank(p)
	if _, err := s.dst.Write(hdr); err != nil {
		return err
	}
	_, err = s.dst.Write(p)
	return err
}

// zeroHandlerName zeroes what follows a handler's fixed fields: version
// and flags, pre-defined (QuickTime: component type), handler type, and
// three reserved words (QuickTime: manufacturer, flags, mask).
func zeroHandlerName(p []byte) {
	if len(p) > 24 {
		clear(p[24:])
	}
}

// zeroTimes zeroes the creation and modification dates of a movie, track
// or media header (version 0: 32-bit, 1: 64-bit); the duration and the
// rest stay.
func zeroTimes(p []byte) {
	n := 8
	if len(p) > 0 && p[0] == 1 {
		n = 16
	}
	if len(p) >= 4+n {
		clear(p[4 : 4+n])
	}
}

// mdatBox copies media data, applying the plan.
func (s *bmff) mdatBox(h boxHeader) error {
	if s.photo && !s.pict && !s.moov {
		// Its items are not known yet: copying would keep their Exif.
		return malformedError(h.start, "a photo's media data before its meta box")
	}
	if !s.mdat {
		s.image = s.pict && !s.moov && !s.sequence
	}
	s.mdat = true
	if err := s.header(h, false); err != nil {
		return err
	}
	pos, end := s.in.n, h.end
	from := pos
	defer func() { s.cover(from, s.in.n) }()
	for pos < end {
		act, to := s.spanAt(pos)
		to = min(to, end)
		n := to - pos
		var err error
		var got int64
		switch act {
		case spanKeep:
			got, err = s.in.copyTo(s.dst, n)
		case spanZero:
			got, err = s.in.skip(n)
			if werr := writeZeros(s.dst, got); werr != nil {
				return werr
			}
		case spanExif:
			got, err = s.exif(n)
		}
		if got < n {
			if err == nil {
				err = io.EOF
			}
			if h.toEOF && err == io.EOF {
				return nil
			}
			return s.in.errAt(err, "media data runs past the end")
		}
		pos = to
	}
	return nil
}

// cover notes that the plan was applied to the file's bytes from to to.
func (s *bmff) cover(from, to int64) {
	if n := len(s.covered); n > 0 && s.covered[n-1].to == from {
		s.covered[n-1].to = to
		return
	}
	s.covered = append(s.covered, span{from: from, to: to})
}

// verify, at the end of the file: every metadata item's bytes were in
// media data or in a box zeroed whole. An item placed anywhere else (in
// the movie box, in an index) was copied, and the file is malformed.
func (s *bmff) verify() error {
	for _, sp := range s.plan {
		if sp.act == spanKeep {
			continue
		}
		to := min(sp.to, s.in.n)
		if sp.from >= to {
			continue
		}
		i := sort.Search(len(s.covered), func(i int) bool { return s.covered[i].to > sp.from })
		if i == len(s.covered) || s.covered[i].from > sp.from || s.covered[i].to < to {
			return malformedError(sp.from, "metadata item outside the media data")
		}
	}
	return nil
}

// spanAt returns the action at file offset pos and where it ends.
func (s *bmff) spanAt(pos int64) (int, int64) {
	i := sort.Search(len(s.plan), func(i int) bool { return s.plan[i].to > pos })
	def := spanKeep
	if s.image {
		def = spanZero
	}
	if i == len(s.plan) {
		return def, math.MaxInt64
	}
	if sp := s.plan[i]; sp.from <= pos {
		if sp.act == spanExif && sp.from != pos {
			return spanZero, sp.to
		}
		return sp.act, sp.to
	}
	return def, s.plan[i].from
}

// exif replaces n bytes of an Exif item with a minimal Exif holding its
// orientation, or zeros.
func (s *bmff) exif(n int64) (int64, error) {
	head := make([]byte, min(n, maxSmallBox))
	if err := s.in.readFull(head); err != nil {
		return 0, err
	}
	fillExifItem(head)
	if _, err := s.dst.Write(head); err != nil {
		return 0, err
	}
	rest := n - int64(len(head))
	got, err := s.in.skip(rest)
	if werr := writeZeros(s.dst, got); werr != nil {
		return 0, werr
	}
	return int64(len(head)) + got, err
}

// fillExifItem rewrites the start of a HEIF Exif item in place (a 32-bit
// offset to the TIFF header, then the Exif): a minimal Exif with only the
// orientation when there is one and it fits, zeros otherwise.
func fillExifItem(p []byte) {
	o := 0
	if len(p) >= 4 {
		if off := int64(be32(p)); off <= int64(len(p))-4 {
			o = exifOrientation(p[4+off:])
		}
	}
	clear(p)
	if t := orientationTIFF(o); o != 0 && len(p) >= 4+len(t) {
		copy(p[4:], t)
	}
}

// metaBox cleans a top-level meta box: a HEIF photo's is cleaned in place,
// any other becomes a free box.
func (s *bmff) metaBox(h boxHeader) error {
	if h.toEOF {
		return malformedError(h.start, "meta box without a size")
	}
	hdr, _ := s.in.peek(int(h.hlen))
	hdr = append([]byte(nil), hdr...)
	p, err := s.readPayload(h, maxMeta)
	if err != nil {
		return err
	}
	pict, err := s.heifMeta(p, h.start+h.hlen, h.end)
	if err != nil {
		return err
	}
	if !pict {
		s.res.Removed++
		copy(hdr[4:8], "free")
		clear(p)
	} else {
		s.pict = true
	}
	if _, err := s.dst.Write(hdr); err != nil {
		return err
	}
	_, err = s.dst.Write(p)
	return err
}

// child is a box inside a buffered one.
type child struct {
	typ        string
	start, end int // of the box in the buffer
	body       int // where its payload starts
}

// children lists the boxes in p, which must fill it exactly.
func children(p []byte, base int64) ([]child, error) {
	var out []child
	for off := 0; off < len(p); {
		if len(p)-off < 8 {
			return nil, malformedError(base+int64(off), "box header runs past its parent")
		}
		size, hl := int64(be32(p[off:])), 8
		switch size {
		case 0:
			size = int64(len(p) - off)
		case 1:
			if len(p)-off < 16 {
				return nil, malformedError(base+int64(off), "box header runs past its parent")
			}
			size, hl = int64(be64(p[off+8:])), 16
		}
		if size < int64(hl) || size > int64(len(p)-off) {
			return nil, malformedError(base+int64(off), "box runs past its parent")
		}
		out = append(out, child{typ: string(p[off+4 : off+8]), start: off, end: off + int(size), body: off + hl})
		off += int(size)
	}
	return out, nil
}

// freeChild turns a buffered box into a free box of the same size.
func freeChild(p []byte, c child) {
	copy(p[c.start+4:c.start+8], "free")
	clear(p[c.body:c.end])
}

// heifItem is an item of a HEIF meta box.
type heifItem struct {
	typ     string
	cm      int // construction method: 0 file offsets, 1 idat, 2 other items
	dri     int // data reference: 0 this file
	extents [][2]int64
}

// heifMeta cleans the payload p of a meta box in place; base is where p
// starts in the file and end where the box ends. It reports false for a
// meta box that is not a HEIF photo's (the caller frees it).
func (s *bmff) heifMeta(p []byte, base, end int64) (bool, error) {
	if len(p) < 12 || string(p[4:8]) == "hdlr" { // QuickTime's meta has no version
		return false, nil
	}
	kids, err := children(p[4:], base+4)
	if err != nil {
		return false, err
	}
	for i := range kids {
		kids[i].start += 4
		kids[i].end += 4
		kids[i].body += 4
	}
	pict := false
	for _, c := range kids {
		if c.typ == "hdlr" && c.end-c.body >= 12 && string(p[c.body+8:c.body+12]) == "pict" {
			pict = true
		}
	}
	if !pict {
		return false, nil
	}
	items := map[uint32]*heifItem{}
	item := func(id uint32) *heifItem {
		if items[id] == nil {
			items[id] = &heifItem{}
		}
		return items[id]
	}
	var idat *child
	extents := 0
	for i, c := range kids {
		body := p[c.body:c.end]
		at := base + int64(c.body)
		switch c.typ {
		case "hdlr":
			zeroHandlerName(body)
		case "pitm", "iref", "grpl", "dinf":
		case "idat":
			idat = &kids[i]
		case "iinf":
			err = heifItems(body, at, item)
		case "iloc":
			err = heifLocations(body, at, item, &extents)
		case "iprp":
			err = s.heifProperties(body, at)
		default: // xml, bxml, udta, uuid, unknown
			s.res.Removed++
			freeChild(p, c)
		}
		if err != nil {
			return false, err
		}
	}
	var idatKeep []bool
	if idat != nil {
		idatKeep = make([]bool, idat.end-idat.body)
	}
	ids := make([]uint32, 0, len(items))
	for id := range items {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	var plan []span
	for _, id := range ids {
		it := items[id]
		act := spanZero
		switch {
		case heifImageItems[it.typ]:
			act = spanKeep
		case it.typ == "Exif":
			act = spanExif
		}
		if act != spanKeep {
			s.res.Removed++
		}
		for k, e := range it.extents {
			if it.dri != 0 {
				break // in another file
			}
			a := act
			if a == spanExif && k > 0 {
				a = spanZero
			}
			switch it.cm {
			case 0:
				from, to := e[0], e[0]+e[1]
				if e[1] == 0 {
					to = math.MaxInt64
				}
				if to < from {
					return false, malformedError(base, "item extent out of range")
				}
				if a != spanKeep && from < end {
					return false, malformedError(base, "metadata item placed before the end of its meta box")
				}
				plan = append(plan, span{from, to, a})
			case 1:
				if idat == nil {
					return false, malformedError(base, "item in idat without one")
				}
				n := int64(len(idatKeep))
				from, to := e[0], e[0]+e[1]
				if e[1] == 0 {
					to = n
				}
				if from < 0 || to > n || to < from {
					return false, malformedError(base, "item extent outside idat")
				}
				b := p[idat.body+int(from) : idat.body+int(to)]
				switch a {
				case spanKeep:
					for j := from; j < to; j++ {
						idatKeep[j] = true
					}
				case spanExif:
					fillExifItem(b)
				}
			default:
				if a != spanKeep {
					return false, malformedError(base, "metadata item built from other items")
				}
			}
		}
	}
	if idat != nil { // idat holds items only: bytes no picture uses go
		for j, keep := range idatKeep {
			if !keep {
				p[idat.body+j] = 0
			}
		}
	}
	s.plan = mergePlan(s.plan, plan)
	return true, nil
}

// maxExtents caps the item extents of a HEIF photo; a phone's photo has
// a few dozen.
const maxExtents = 1 << 16

// mergePlan adds spans to a plan, zeroing winning over Exif over keeping
// where they overlap, and returns it sorted and disjoint. An Exif span is
// rewritten from its first byte only: a piece of one that does not start
// it is zeroed.
func mergePlan(plan, add []span) []span {
	all := append(plan, add...)
	type event struct {
		at   int64
		act  int
		open int // +1 a span starts, -1 it ends
	}
	events := make([]event, 0, 2*len(all))
	exifStart := map[int64]bool{}
	for _, sp := range all {
		if sp.from >= sp.to {
			continue
		}
		events = append(events, event{sp.from, sp.act, 1}, event{sp.to, sp.act, -1})
		if sp.act == spanExif {
			exifStart[sp.from] = true
		}
	}
	sort.Slice(events, func(i, j int) bool { return events[i].at < events[j].at })
	var active [3]int
	var out []span
	for i := 0; i < len(events); {
		at := events[i].at
		for ; i < len(events) && events[i].at == at; i++ {
			active[events[i].act] += events[i].open
		}
		if i == len(events) {
			break
		}
		to := events[i].at
		act := -1
		switch {
		case active[spanZero] > 0:
			act = spanZero
		case active[spanExif] > 0:
			act = spanZero
			if exifStart[at] {
				act = spanExif
			}
		case active[spanKeep] > 0:
			act = spanKeep
		}
		if act < 0 {
			continue
		}
		if n := len(out); n > 0 && out[n-1].to == at && out[n-1].act == act && act != spanExif {
			out[n-1].to = to
			continue
		}
		out = append(out, span{at, to, act})
	}
	return out
}

// heifItems reads the item infos (iinf), zeroing item names in place.
func heifItems(p []byte, base int64, item func(uint32) *heifItem) error {
	if len(p) < 6 {
		return malformedError(base, "iinf too short")
	}
	off := 6
	if p[0] != 0 {
		off = 8
	}
	if len(p) < off {
		return malformedError(base, "iinf too short")
	}
	kids, err := children(p[off:], base+int64(off))
	if err != nil {
		return err
	}
	for _, c := range kids {
		b := p[off+c.body : off+c.end]
		if c.typ != "infe" {
			freeChild(p[off:], c)
			continue
		}
		if len(b) < 8 {
			return malformedError(base, "infe too short")
		}
		var id uint32
		typ, name := "", 8 // versions 0 and 1: no type, all data is "mime"
		switch b[0] {
		case 0, 1:
			id = uint32(be16(b[4:]))
		case 2:
			if len(b) < 12 {
				return malformedError(base, "infe too short")
			}
			id, typ, name = uint32(be16(b[4:])), string(b[8:12]), 12
		default:
			if len(b) < 14 {
				return malformedError(base, "infe too short")
			}
			id, typ, name = be32(b[4:]), string(b[10:14]), 14
		}
		item(id).typ = typ
		for j := name; j < len(b) && b[j] != 0; j++ {
			b[j] = 0
		}
	}
	return nil
}

// heifLocations reads the item locations (iloc).
func heifLocations(p []byte, base int64, item func(uint32) *heifItem, extents *int) error {
	bad := malformedError(base, "iloc does not parse")
	if len(p) < 8 {
		return bad
	}
	v := p[0]
	if v > 2 {
		return bad
	}
	offSize, lenSize, baseSize, idxSize := int(p[4]>>4), int(p[4]&15), int(p[5]>>4), 0
	if v > 0 {
		idxSize = int(p[5] & 15)
	}
	for _, n := range []int{offSize, lenSize, baseSize, idxSize} {
		if n != 0 && n != 4 && n != 8 {
			return bad
		}
	}
	pos := 6
	num := func(size int) (int64, bool) {
		if pos+size > len(p) {
			return 0, false
		}
		var x uint64
		switch size {
		case 2:
			x = uint64(be16(p[pos:]))
		case 4:
			x = uint64(be32(p[pos:]))
		case 8:
			x = be64(p[pos:])
		}
		pos += size
		if x > math.MaxInt64/4 {
			return 0, false
		}
		return int64(x), true
	}
	idSize := 2
	if v == 2 {
		idSize = 4
	}
	count, ok := num(idSize)
	if !ok {
		return bad
	}
	for i := int64(0); i < count; i++ {
		id, ok := num(idSize)
		if !ok {
			return bad
		}
		it := item(uint32(id))
		if v > 0 {
			cm, ok := num(2)
			if !ok {
				return bad
			}
			it.cm = int(cm & 15)
		}
		dri, ok1 := num(2)
		baseOff, ok2 := num(baseSize)
		ec, ok3 := num(2)
		if !ok1 || !ok2 || !ok3 {
			return bad
		}
		it.dri = int(dri)
		for j := int64(0); j < ec; j++ {
			if _, ok := num(idxSize); !ok {
				return bad
			}
			off, ok1 := num(offSize)
			n, ok2 := num(lenSize)
			if !ok1 || !ok2 {
				return bad
			}
			if *extents++; *extents > maxExtents {
				return malformedError(base, "too many item extents")
			}
			it.extents = append(it.extents, [2]int64{baseOff + off, n})
		}
	}
	return nil
}

// heifProperties cleans the item properties (iprp: ipco and ipma) in
// place.
func (s *bmff) heifProperties(p []byte, base int64) error {
	kids, err := children(p, base)
	if err != nil {
		return err
	}
	for _, c := range kids {
		switch c.typ {
		case "ipma":
		case "ipco":
			props, err := children(p[c.body:c.end], base+int64(c.body))
			if err != nil {
				return err
			}
			q := p[c.body:c.end]
			for _, pr := range props {
				body := q[pr.body:pr.end]
				switch {
				case !heifProperties[pr.typ]:
					s.res.Removed++
					freeChild(q, pr)
				case pr.typ == "colr" && len(body) >= 4 && (string(body[:4]) == "prof" || string(body[:4]) == "rICC"):
					if scrubICC(body[4:]) == 0 {
						s.res.Removed++
						freeChild(q, pr)
					}
				}
			}
		default:
			s.res.Removed++
			freeChild(p, c)
		}
	}
	return nil
}
