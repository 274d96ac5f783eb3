package describe

import (
	"bytes"
	"compress/flate"
	"embed"
	"encoding/binary"
	"errors"
	"io"
	"maps"
	"slices"
)

// The lexicon files are compiled when they change, not when a check first
// runs: compiling them (expanding every "(a|b)" and @list, reading every
// word) costs tens of milliseconds natively and several times that in a
// Worker's cold isolate, while reading the compiled form back is a copy of
// arrays and maps. lexicons/compiled/{all,latin}.bin hold the two
// lexicons the check uses (see lex), deflated (a third of the size in the
// wasm, a few milliseconds to inflate); TestCompiledLexiconsAreCurrent fails
// when they are older than the files, and `go generate
// ./assistant/describe` writes them again.

//go:embed lexicons/compiled/*.bin
var compiledLexicons embed.FS

// loadLexicon reads a compiled lexicon: "all" or "latin".
func loadLexicon(name string) *lexicon {
	data, err := compiledLexicon(name)
	if err != nil {
		panic(err)
	}
	l, err := unmarshalLexicon(data)
	if err != nil {
		panic("lexicons/compiled/" + name + ".bin: " + err.Error() + " (go generate ./assistant/describe)")
	}
	return l
}

// compiledLexicon returns a compiled lexicon's bytes, inflated.
func compiledLexicon(name string) ([]byte, error) {
	data, err := compiledLexicons.ReadFile("lexicons/compiled/" + name + ".bin")
	if err != nil {
		return nil, err
	}
	return io.ReadAll(flate.NewReader(bytes.NewReader(data)))
}

// lexBinMagic starts a compiled lexicon; its last byte is the format's
// version.
const lexBinMagic = "calmclaim-lexicon\x01"

// marshal writes l in the compiled form.
func (l *lexicon) marshal() []byte {
	w := &lexWriter{b: []byte(lexBinMagic)}
	setIndex := func(s *phraseSet) int {
		if s == nil {
			return -1
		}
		return int(s.bit)
	}
	// vocab
	writeMap(w, l.v.exact, func(v int32) { w.int(int64(v)) })
	for _, m := range []map[string][]affix{l.v.stems, l.v.tails, l.v.accents, l.v.accentStems} {
		writeMap(w, m, w.affixes)
	}
	writeMap(w, l.v.not, w.bool)
	w.bool(l.v.short)
	w.strs(l.v.notStems)
	w.uint(uint64(len(l.v.glued)))
	for _, r := range slices.Sorted(maps.Keys(l.v.glued)) {
		w.int(int64(r))
		w.bool(l.v.glued[r])
	}
	w.int32s2(l.v.first)
	w.strs(l.v.names)
	// phrase sets, in index order
	w.uint(uint64(len(l.sets)))
	for i, s := range l.sets {
		if int(s.bit) != i {
			panic("phrase set out of place")
		}
		w.int32s2(s.tails)
		w.int32s(s.first)
		w.uint(uint64(len(s.byFirst)))
		for _, k := range slices.Sorted(maps.Keys(s.byFirst)) {
			sp := s.byFirst[k]
			w.int(int64(k))
			w.int(int64(sp.lo))
			w.int(int64(sp.hi))
		}
	}
	// rules
	w.uint(uint64(len(l.rules)))
	for i := range l.rules {
		r := &l.rules[i]
		w.str(r.id)
		w.uint(uint64(len(r.steps)))
		for _, s := range r.steps {
			w.int(int64(s.kind))
			w.int(int64(setIndex(s.set)))
			w.int(int64(s.min))
			w.int(int64(s.max))
		}
		w.int(int64(r.later))
		w.int(int64(setIndex(r.ctx)))
		w.int(int64(setIndex(r.unless)))
		w.int32s(r.need)
		w.bool(r.rating)
		w.bool(r.kept)
		w.str(r.lang)
	}
	for _, s := range l.phrases {
		w.int(int64(setIndex(s)))
	}
	w.uint(uint64(len(l.kinds)))
	for _, k := range l.kinds {
		w.uint(uint64(k))
	}
	w.uint(uint64(len(l.guard)))
	for _, g := range l.guard {
		w.uint(uint64(g.kinds))
		w.uint(uint64(g.langs))
	}
	writeMap(w, l.squeezed, w.sqWord)
	for _, ws := range [][]sqWord{l.wild, l.stemWords, l.enStems, l.roots} {
		w.sqWords(ws)
	}
	for _, m := range []map[int][]sqWord{l.wildByLen, l.wildBySqLen} {
		w.uint(uint64(len(m)))
		for _, k := range slices.Sorted(maps.Keys(m)) {
			w.int(int64(k))
			w.sqWords(m[k])
		}
	}
	writeMap(w, l.markers, w.uint16)
	w.uint(uint64(len(l.letters)))
	for _, r := range slices.Sorted(maps.Keys(l.letters)) {
		w.int(int64(r))
		w.uint(uint64(l.letters[r]))
	}
	w.uint(uint64(l.turkish))
	w.uint(uint64(l.nouns))
	writeMap(w, l.acronyms, w.bool)
	writeMap(w, l.common, w.uint16)
	writeMap(w, l.dangling, w.uint16)
	return w.b
}

// unmarshalLexicon reads a compiled lexicon (see marshal).
func unmarshalLexicon(data []byte) (l *lexicon, err error) {
	if len(data) < len(lexBinMagic) || string(data[:len(lexBinMagic)]) != lexBinMagic {
		return nil, errors.New("not a compiled lexicon of this version")
	}
	r := &lexReader{b: data[len(lexBinMagic):], s: string(data[len(lexBinMagic):])}
	defer func() {
		if recover() != nil {
			l, err = nil, errors.New("compiled lexicon is cut short or corrupt")
		}
	}()
	l = &lexicon{}
	l.v.exact = readMap(r, func() int32 { return int32(r.int()) })
	for _, m := range []*map[string][]affix{&l.v.stems, &l.v.tails, &l.v.accents, &l.v.accentStems} {
		*m = readMap(r, r.affixes)
	}
	l.v.not = readMap(r, r.bool)
	l.v.short = r.bool()
	l.v.notStems = r.strs()
	n := r.count()
	l.v.glued = make(map[rune]bool, n)
	for range n {
		k := rune(r.int())
		l.v.glued[k] = r.bool()
	}
	l.v.first = r.int32s2()
	l.v.names = r.strs()
	sets := make([]*phraseSet, r.count())
	for i := range sets {
		s := &phraseSet{bit: int32(i)}
		s.tails = r.int32s2()
		s.first = r.int32s()
		n := r.count()
		s.byFirst = make(map[int32]span32, n)
		for range n {
			k := int32(r.int())
			s.byFirst[k] = span32{int32(r.int()), int32(r.int())}
		}
		sets[i] = s
	}
	l.sets = sets
	set := func() *phraseSet {
		i := r.int()
		if i < 0 {
			return nil
		}
		return sets[i]
	}
	l.rules = make([]rule, r.count())
	for i := range l.rules {
		ru := &l.rules[i]
		ru.id = r.str()
		ru.steps = make([]step, r.count())
		for k := range ru.steps {
			s := &ru.steps[k]
			s.kind = int(r.int())
			s.set = set()
			s.min, s.max = int(r.int()), int(r.int())
		}
		ru.later = int(r.int())
		ru.ctx, ru.unless = set(), set()
		ru.need = r.int32s()
		ru.rating, ru.kept = r.bool(), r.bool()
		ru.lang = r.str()
	}
	for k := range l.phrases {
		l.phrases[k] = set()
	}
	l.kinds = make([]wordKind, r.count())
	for i := range l.kinds {
		l.kinds[i] = wordKind(r.uint())
	}
	l.guard = make([]guardedKind, r.count())
	for i := range l.guard {
		l.guard[i] = guardedKind{wordKind(r.uint()), uint16(r.uint())}
	}
	l.squeezed = readMap(r, r.sqWord)
	for _, ws := range []*[]sqWord{&l.wild, &l.stemWords, &l.enStems, &l.roots} {
		*ws = r.sqWords()
	}
	for _, m := range []*map[int][]sqWord{&l.wildByLen, &l.wildBySqLen} {
		n := r.count()
		*m = make(map[int][]sqWord, n)
		for range n {
			k := int(r.int())
			(*m)[k] = r.sqWords()
		}
	}
	l.markers = readMap(r, r.uint16)
	n = r.count()
	l.letters = make(map[rune]uint16, n)
	for range n {
		k := rune(r.int())
		l.letters[k] = uint16(r.uint())
	}
	l.turkish, l.nouns = uint16(r.uint()), uint16(r.uint())
	l.acronyms = readMap(r, r.bool)
	l.common = readMap(r, r.uint16)
	l.dangling = readMap(r, r.uint16)
	if len(r.b) != 0 {
		return nil, errors.New("compiled lexicon has bytes left over")
	}
	return l, nil
}

type lexWriter struct{ b []byte }

// writeMap writes a map by its keys in order, each value with val.
func writeMap[V any](w *lexWriter, m map[string]V, val func(V)) {
	w.uint(uint64(len(m)))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		w.str(k)
		val(m[k])
	}
}

// readMap reads what writeMap wrote, each value with val.
func readMap[V any](r *lexReader, val func() V) map[string]V {
	n := r.count()
	m := make(map[string]V, n)
	for range n {
		k := r.str()
		m[k] = val()
	}
	return m
}

func (w *lexWriter) uint16(v uint16) { w.uint(uint64(v)) }
func (w *lexWriter) affixes(as []affix) {
	w.uint(uint64(len(as)))
	for _, a := range as {
		w.str(a.s)
		w.int(int64(a.id))
	}
}

func (w *lexWriter) uint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *lexWriter) int(v int64)   { w.b = binary.AppendVarint(w.b, v) }
func (w *lexWriter) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}
func (w *lexWriter) str(s string) { w.uint(uint64(len(s))); w.b = append(w.b, s...) }
func (w *lexWriter) strs(ss []string) {
	w.uint(uint64(len(ss)))
	for _, s := range ss {
		w.str(s)
	}
}
func (w *lexWriter) int32s(v []int32) {
	w.uint(uint64(len(v)))
	for _, x := range v {
		w.int(int64(x))
	}
}
func (w *lexWriter) int32s2(v [][]int32) {
	w.uint(uint64(len(v)))
	for _, x := range v {
		w.int32s(x)
	}
}
func (w *lexWriter) sqWord(s sqWord) {
	w.str(s.word)
	w.str(s.sq)
	w.uint(uint64(s.langs))
	w.int(int64(s.id))
	w.int32s(s.ids)
}
func (w *lexWriter) sqWords(ws []sqWord) {
	w.uint(uint64(len(ws)))
	for _, s := range ws {
		w.sqWord(s)
	}
}

// lexReader reads what lexWriter wrote; it panics on a short or corrupt
// input (unmarshalLexicon recovers). Its strings are cut from one copy of
// the input (s), and its []int32 from shared blocks (slab), so reading
// allocates little beyond the maps.
type lexReader struct {
	b    []byte
	s    string // the same bytes as b, from the same start
	slab []int32
}

func (r *lexReader) uint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		panic("lexicon")
	}
	r.b = r.b[n:]
	return v
}
func (r *lexReader) int() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		panic("lexicon")
	}
	r.b = r.b[n:]
	return v
}

// count reads a length, no larger than what is left to read.
func (r *lexReader) count() int {
	n := r.uint()
	if n > uint64(len(r.b)) {
		panic("lexicon")
	}
	return int(n)
}
func (r *lexReader) uint16() uint16 { return uint16(r.uint()) }
func (r *lexReader) affixes() []affix {
	as := make([]affix, r.count())
	for i := range as {
		as[i].s = r.str()
		as[i].id = int32(r.int())
	}
	return as
}
func (r *lexReader) bool() bool {
	v := r.b[0]
	r.b = r.b[1:]
	return v != 0
}
func (r *lexReader) str() string {
	n := r.count()
	at := len(r.s) - len(r.b)
	r.b = r.b[n:]
	return r.s[at : at+n]
}
func (r *lexReader) strs() []string { return readSlice(r, r.str) }
func (r *lexReader) int32s() []int32 {
	n := r.count()
	if n == 0 {
		return nil
	}
	if len(r.slab) < n {
		r.slab = make([]int32, max(n, 16384))
	}
	out := r.slab[:n:n]
	r.slab = r.slab[n:]
	for i := range out {
		out[i] = int32(r.int())
	}
	return out
}
func (r *lexReader) int32s2() [][]int32 { return readSlice(r, r.int32s) }
func (r *lexReader) sqWord() sqWord {
	var s sqWord
	s.word = r.str()
	s.sq = r.str()
	s.langs = uint16(r.uint())
	s.id = int32(r.int())
	s.ids = r.int32s()
	return s
}
func (r *lexReader) sqWords() []sqWord { return readSlice(r, r.sqWord) }

// readSlice reads a length and that many values with val; nil when none.
func readSlice[V any](r *lexReader, val func() V) []V {
	n := r.count()
	if n == 0 {
		return nil
	}
	out := make([]V, n)
	for i := range out {
		out[i] = val()
	}
	return out
}
