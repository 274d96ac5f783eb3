package bundle

// An ICC colour profile stays with a photo that has one: without it, the
// wide-gamut photos of recent phones (Display P3) show dull and shifted,
// and the colour of an item is often what a dispute is about. A profile can
// carry text, though: a description, a copyright, the device's maker and
// model, free text in gaps between its tags. scrubICC keeps the numbers a
// colour engine reads and blanks the rest.

// maxICC is the largest profile a stripper keeps; larger ones (printer
// profiles, not photos') are dropped.
const maxICC = 1 << 20

// iccNumberTypes are the tag types that hold only numbers (colours,
// curves, tables, measurements): they stay. Every other type (texts,
// dates, named colours, types this list does not know) has its contents
// zeroed, which reads as empty in the text types.
var iccNumberTypes = map[string]bool{
	"XYZ ": true, "curv": true, "para": true, "mft1": true, "mft2": true, "mAB ": true, "mBA ": true,
	"sf32": true, "uf32": true, "ui08": true, "ui16": true, "ui32": true, "ui64": true, "meas": true,
	"view": true, "chrm": true, "clro": true, "vcgt": true, "cicp": true, "mpet": true,
}

// scrubICC checks the profile at the start of p and blanks, in place,
// everything in it that is not needed to manage colour: the header's CMM,
// platform, creator, device maker and model, date and profile id; the
// contents of every text tag; every byte no tag claims; and every byte
// after the profile's own length. It returns that length, or 0 when p does not hold
// a well-formed profile, which is then dropped.
func scrubICC(p []byte) int {
	if len(p) < 132 || string(p[36:40]) != "acsp" {
		return 0
	}
	size := int64(be32(p))
	if size < 132 || size > int64(len(p)) {
		return 0
	}
	count := int64(be32(p[128:]))
	table := 132 + 12*count
	if count > 1024 || table > size {
		return 0
	}
	keep := make([]bool, size) // bytes a colour engine reads
	for i := range table {
		keep[i] = true
	}
	type tag struct{ off, end int64 }
	var text []tag
	for i := int64(0); i < count; i++ {
		e := p[132+12*i:]
		off, n := int64(be32(e[4:])), int64(be32(e[8:]))
		if off < table || n < 8 || off+n > size {
			return 0
		}
		if !iccNumberTypes[string(p[off:off+4])] {
			text = append(text, tag{off, off + n})
			for j := off; j < off+8; j++ { // the type and its reserved bytes
				keep[j] = true
			}
			continue
		}
		for j := off; j < off+n; j++ {
			keep[j] = true
		}
	}
	for _, t := range text {
		for j := t.off + 8; j < t.end; j++ {
			keep[j] = false
		}
	}
	for _, r := range [][2]int{{4, 8}, {24, 36}, {40, 44}, {48, 56}, {80, 128}} {
		for j := r[0]; j < r[1]; j++ {
			keep[j] = false
		}
	}
	for i := range p {
		if int64(i) >= size || !keep[i] {
			p[i] = 0
		}
	}
	return int(size)
}
