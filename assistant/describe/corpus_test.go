package describe

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The labelled corpus under testdata/corpus is a yardstick for the tone
// check, written apart from the detector: buyer stories in the languages
// of corpusLangs, each labelled with what the seller must never see. See
// testdata/corpus/README.md for how the stories are labelled.

var corpusTable = flag.String("corpus.table", "", "write the TestCorpusQuality table as Markdown to this file")

// corpusLangs are the corpus languages, one file each, in table order.
var corpusLangs = []string{"en", "es", "pt-BR", "fr", "de", "it", "nl", "pl", "ru", "uk", "tr", "ko", "he"}

// corpusLabels are the labels a story may carry, in table order: the
// conduct, word and form findings, then personal data and links.
var corpusLabels = []string{
	FindThreat, FindFeedbackThreat, FindInsult, FindProfanity, FindHateSpeech, FindAccusation,
	FindExtraDemand, FindOffPlatform, FindShouting, FindLink,
	FindPhone, FindEmail, FindAddress, FindIDNumber, FindIBAN, FindCard, FindBankAccount,
}

// corpusKin puts labels that stand in for each other into one kin: a
// story labelled profanity is caught by an insult finding that removes
// the word, and a national account number written like an IBAN (Polish
// NRB) may be reported as either. Other labels are their own kin.
var corpusKin = map[string]string{
	FindInsult: "words", FindProfanity: "words", FindHateSpeech: "words",
	FindIBAN: "account", FindBankAccount: "account",
}

func kin(id string) string {
	if k, ok := corpusKin[id]; ok {
		return k
	}
	return id
}

// corpusGroups are the pooled categories with a required recall: a story
// counts once for each of its labels in the group. min is the product's
// target (issue 13); floor is the recall reached so far, which the test
// holds (a change that loses recall fails) until the target is reached,
// when floor becomes min. Raise floor as recall improves.
var corpusGroups = []struct {
	name       string
	labels     []string
	min, floor float64
}{
	{"threats", []string{FindThreat, FindFeedbackThreat}, 0.98, 0.98},
	{"insults", []string{FindInsult, FindProfanity, FindHateSpeech}, 0.95, 0.95},
	{"accusations", []string{FindAccusation}, 0.95, 0.95},
	{"personal data", []string{FindPhone, FindEmail, FindAddress, FindIDNumber, FindIBAN, FindCard, FindBankAccount}, 0.98, 0.99},
}

// minCalmPass is the share of calm stories that must pass untouched: no
// finding beyond what was done to the input itself, every kept part intact.
const minCalmPass = 0.97

// inputFindings are about the text itself, not its content; a calm story
// may have them.
var inputFindings = []string{FindTooLong, FindHidden, FindEmpty}

type corpusStory struct {
	ID     string   `json:"id"`
	Field  Field    `json:"field"`
	Text   string   `json:"text"`
	Labels []string `json:"labels"`
	Absent []string `json:"absent"`
	Keep   []string `json:"keep"`
	lang   string
}

// readCorpus reads every language file of a yardstick under testdata
// ("corpus", "holdout" or "blind") strictly: unknown keys are errors.
func readCorpus(t testing.TB, dir string) []corpusStory {
	t.Helper()
	var all []corpusStory
	for _, lang := range corpusLangs {
		for _, s := range decodeJSONL[corpusStory](t, filepath.Join("testdata", dir, lang+".jsonl"), true) {
			s.lang = lang
			all = append(all, s)
		}
	}
	return all
}

// foldForMatch lowers s; when digits matter it also drops spaces and the
// usual separators, so "+44 7700-900 123" and "447700900123" are the same.
func foldForMatch(s string, digits bool) string {
	s = strings.ToLower(s)
	if !digits {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune("+-./()", r) {
			return -1
		}
		return r
	}, s)
}

// survives reports whether part can still be read in out: compared
// case-insensitively, and for parts with digits ignoring spaces and
// separators. A long number (nine digits or more) also survives when six
// of its digits in a row are left in out, so a card or account number
// half replaced still counts as leaked.
func survives(out, part string) bool {
	if intact(out, part) {
		return true
	}
	folded := foldForMatch(out, true)
	want := onlyDigits(part)
	if len(want) < 9 {
		return false
	}
	for _, run := range strings.FieldsFunc(folded, func(r rune) bool { return r < '0' || r > '9' }) {
		for i := 0; i+6 <= len(want); i++ {
			if strings.Contains(run, want[i:i+6]) {
				return true
			}
		}
	}
	return false
}

// intact reports whether part is in out whole, compared as survives does.
func intact(out, part string) bool {
	digits := strings.ContainsFunc(part, unicode.IsDigit)
	return strings.Contains(foldForMatch(out, digits), foldForMatch(part, digits))
}

func onlyDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

func TestCorpusWellFormed(t *testing.T) {
	checkWellFormed(t, readCorpus(t, "corpus"), 40, 650, 3)
}

// TestHoldoutWellFormed checks the kept-back stories the same way.
func TestHoldoutWellFormed(t *testing.T) {
	checkWellFormed(t, readCorpus(t, "holdout"), 20, 260, 1)
}

// checkWellFormed checks a yardstick's stories: ids, fields, labels, parts
// found in the text, valid invented numbers, and enough stories (at least
// minPerLang a language, minAll in all, calmTenths tenths of them calm).
func checkWellFormed(t *testing.T, stories []corpusStory, minPerLang, minAll, calmTenths int) {
	ids := map[string]bool{}
	perLang := map[string]int{}
	calm := 0
	fields := []Field{FieldOrdered, FieldReceived, FieldDifference, FieldRequested}
	for _, s := range stories {
		if ids[s.ID] {
			t.Errorf("%s: duplicate id", s.ID)
		}
		ids[s.ID] = true
		if !strings.HasPrefix(s.ID, s.lang+"-") {
			t.Errorf("%s: id does not start with %q", s.ID, s.lang+"-")
		}
		perLang[s.lang]++
		if !slices.Contains(fields, s.Field) {
			t.Errorf("%s: unknown field %q", s.ID, s.Field)
		}
		if strings.TrimSpace(s.Text) == "" {
			t.Errorf("%s: empty text", s.ID)
		}
		for i, l := range s.Labels {
			if !slices.Contains(corpusLabels, l) {
				t.Errorf("%s: unknown label %q", s.ID, l)
			}
			if slices.Contains(s.Labels[:i], l) {
				t.Errorf("%s: label %q twice", s.ID, l)
			}
		}
		if len(s.Labels) == 0 {
			calm++
			if len(s.Absent) > 0 {
				t.Errorf("%s: a calm story has absent parts", s.ID)
			}
			if len(s.Keep) == 0 {
				t.Errorf("%s: a calm story keeps nothing", s.ID)
			}
		} else if len(s.Absent) == 0 && !slices.Equal(s.Labels, []string{FindShouting}) {
			t.Errorf("%s: labelled %v but nothing must be absent", s.ID, s.Labels)
		}
		for _, part := range append(slices.Clone(s.Absent), s.Keep...) {
			if part == "" || !strings.Contains(strings.ToLower(s.Text), strings.ToLower(part)) {
				t.Errorf("%s: %q is not in the text", s.ID, part)
			}
		}
		checkCorpusNumbers(t, s)
	}
	for _, lang := range corpusLangs {
		if perLang[lang] < minPerLang {
			t.Errorf("%s: only %d stories", lang, perLang[lang])
		}
	}
	if len(stories) < minAll {
		t.Errorf("only %d stories", len(stories))
	}
	if calm*10 < len(stories)*calmTenths {
		t.Errorf("only %d of %d stories are calm", calm, len(stories))
	}
}

// checkCorpusNumbers keeps the invented data honest: card numbers pass
// Luhn and IBANs their mod-97 check, so a detector that checks them must
// find them.
func checkCorpusNumbers(t *testing.T, s corpusStory) {
	// a number of a card's length in a story that also has an account, an
	// id or a phone may be one of those (a Mexican CLABE has 18 digits)
	otherNumbers := slices.ContainsFunc(s.Labels, func(l string) bool {
		return l == FindBankAccount || l == FindIDNumber || l == FindPhone
	})
	for _, part := range s.Absent {
		compact := strings.ToUpper(foldForMatch(part, true))
		if slices.Contains(s.Labels, FindCard) && !otherNumbers && len(compact) >= 13 && len(compact) <= 19 && isDigits(compact) && !testLuhn(compact) {
			t.Errorf("%s: card number %q fails Luhn", s.ID, part)
		}
		ibanLike := len(compact) >= 15 && isUpperLetters(compact[:2]) && isDigits(compact[2:4])
		if slices.Contains(s.Labels, FindIBAN) && ibanLike && !testIBAN(compact) {
			t.Errorf("%s: IBAN %q fails its check", s.ID, part)
		}
	}
}

// stillShouting reports whether out has three words in a row written in
// capitals (words of two or more cased letters; numbers and signs between
// them do not break the run).
func stillShouting(out string) bool {
	run := 0
	for _, w := range strings.Fields(out) {
		upper, lower := 0, 0
		for _, r := range w {
			switch {
			case unicode.IsUpper(r):
				upper++
			case unicode.IsLower(r):
				lower++
			}
		}
		switch {
		case lower > 0 || upper == 1:
			run = 0
		case upper >= 2:
			if run++; run >= 3 {
				return true
			}
		}
	}
	return false
}

func isUpperLetters(s string) bool {
	return strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

func isDigits(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

func testLuhn(s string) bool {
	sum := 0
	for i := range len(s) {
		d := int(s[len(s)-1-i] - '0')
		if i%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

func testIBAN(s string) bool {
	rem := 0
	for _, r := range s[4:] + s[:4] {
		switch {
		case r >= '0' && r <= '9':
			rem = (rem*10 + int(r-'0')) % 97
		case r >= 'A' && r <= 'Z':
			rem = (rem*100 + int(r-'A') + 10) % 97
		default:
			return false
		}
	}
	return rem == 1
}

// tally counts stories: n with the label (or calm), ok caught (or passed).
type tally struct{ ok, n int }

func (c tally) share() float64 {
	if c.n == 0 {
		return 1
	}
	return float64(c.ok) / float64(c.n)
}

func (c tally) cell() string {
	if c.n == 0 {
		return "–"
	}
	return fmt.Sprintf("%d/%d", c.ok, c.n)
}

func (c tally) total() string {
	if c.n == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f%% (%d/%d)", 100*c.share(), c.ok, c.n)
}

// corpusResult is what TestCorpusQuality measured.
type corpusResult struct {
	recall    map[string]map[string]*tally // label → language ("" for all) → caught of labelled
	precision map[string]*tally            // finding id → carried the label, of reported
	calm      map[string]*tally            // language ("" for all) → passed of calm
	kept      tally                        // flagged stories with facts to keep: all kept
	failures  []string
}

func newTallies() map[string]*tally {
	m := map[string]*tally{"": {}}
	for _, lang := range corpusLangs {
		m[lang] = &tally{}
	}
	return m
}

// measureCorpus runs Check on every story. A labelled story is caught for
// a label when a finding of the label's kin is reported and no absent part
// survives; a calm story passes with no finding beyond the input ones and
// every kept part intact.
func measureCorpus(stories []corpusStory) corpusResult {
	res := corpusResult{recall: map[string]map[string]*tally{}, precision: map[string]*tally{}, calm: newTallies()}
	for _, l := range corpusLabels {
		res.recall[l] = newTallies()
		res.precision[l] = &tally{}
	}
	for _, s := range stories {
		got := Check(s.Field, s.Text)
		var reported []string
		for _, f := range got.Findings {
			if !slices.Contains(reported, f.ID) {
				reported = append(reported, f.ID)
			}
		}
		var survived []string
		for _, a := range s.Absent {
			if survives(got.Text, a) {
				survived = append(survived, a)
			}
		}
		hasKin := func(list []string, id string) bool {
			return slices.ContainsFunc(list, func(x string) bool { return kin(x) == kin(id) })
		}
		if slices.Contains(s.Labels, FindShouting) && stillShouting(got.Text) {
			survived = append(survived, "(capitals)")
		}
		var missed, extra []string
		for _, l := range s.Labels {
			caught := hasKin(reported, l) && len(survived) == 0
			for _, lang := range []string{"", s.lang} {
				res.recall[l][lang].n++
				if caught {
					res.recall[l][lang].ok++
				}
			}
			if !caught {
				missed = append(missed, l)
			}
		}
		for _, id := range reported {
			p, ok := res.precision[id]
			if !ok {
				continue // an input finding
			}
			p.n++
			if hasKin(s.Labels, id) {
				p.ok++
			} else {
				extra = append(extra, id)
			}
		}
		if len(s.Labels) == 0 {
			var lost []string
			for _, k := range s.Keep {
				if !intact(got.Text, k) {
					lost = append(lost, k)
				}
			}
			flagged := slices.ContainsFunc(reported, func(id string) bool { return !slices.Contains(inputFindings, id) })
			for _, lang := range []string{"", s.lang} {
				res.calm[lang].n++
				if !flagged && len(lost) == 0 {
					res.calm[lang].ok++
				}
			}
			if flagged || len(lost) > 0 {
				res.failures = append(res.failures, fmt.Sprintf("%s calm: got %v, lost %q\n\tin:  %s\n\tout: %s", s.ID, reported, lost, s.Text, got.Text))
			}
			continue
		}
		var lost []string
		for _, k := range s.Keep {
			if !intact(got.Text, k) {
				lost = append(lost, k)
			}
		}
		if len(s.Keep) > 0 {
			res.kept.n++
			if len(lost) == 0 {
				res.kept.ok++
			}
		}
		if len(missed) > 0 || len(extra) > 0 || len(lost) > 0 {
			res.failures = append(res.failures, fmt.Sprintf("%s expected %v: missed %v, not labelled %v, got %v, survived %q, lost %q\n\tin:  %s\n\tout: %s",
				s.ID, s.Labels, missed, extra, reported, survived, lost, s.Text, got.Text))
		}
	}
	return res
}

// groupTally pools the labels of a group for one language ("" for all).
func (r corpusResult) groupTally(labels []string, lang string) tally {
	var t tally
	for _, l := range labels {
		t.ok += r.recall[l][lang].ok
		t.n += r.recall[l][lang].n
	}
	return t
}

// markdown is the table: recall per label and language, pooled groups,
// precision per label, and the calm pass rate.
func (r corpusResult) markdown() string {
	var b strings.Builder
	b.WriteString("| recall | " + strings.Join(corpusLangs, " | ") + " | all | precision |\n")
	b.WriteString("|---" + strings.Repeat("|---:", len(corpusLangs)+2) + "|\n")
	row := func(name string, cell func(lang string) tally, precision string) {
		b.WriteString("| " + name)
		for _, lang := range corpusLangs {
			b.WriteString(" | " + cell(lang).cell())
		}
		b.WriteString(" | " + cell("").total() + " | " + precision + " |\n")
	}
	for _, l := range corpusLabels {
		row(l, func(lang string) tally { return *r.recall[l][lang] }, r.precision[l].total())
	}
	for _, g := range corpusGroups {
		row(fmt.Sprintf("**%s** (min %.0f%%)", g.name, 100*g.min), func(lang string) tally { return r.groupTally(g.labels, lang) }, "")
	}
	row(fmt.Sprintf("**calm passes** (min %.0f%%)", 100*minCalmPass), func(lang string) tally { return *r.calm[lang] }, "")
	fmt.Fprintf(&b, "\nFlagged stories whose calm facts all survived: %s.\n", r.kept.total())
	return b.String()
}

// TestCorpusQuality measures the tone check on the labelled corpus and
// holds it to the recall and calm-pass minimums. With -v it prints the
// table; -corpus.table=path writes it as Markdown. Each story the check
// gets wrong is listed with what was expected, what was found and the
// text it returned.
func TestCorpusQuality(t *testing.T) {
	floors := map[string]float64{}
	for _, g := range corpusGroups {
		floors[g.name] = g.floor
	}
	floors["calm"] = minCalmPass
	checkQuality(t, readCorpus(t, "corpus"), floors, *corpusTable)
}

// TestHoldoutQuality measures the tone check on the kept-back stories of
// testdata/holdout: written apart from the lexicons and from the first
// corpus, after it had been used to tune them (see its README). Its floors
// are what it measured when it was first run, before any change was
// judged on it.
func TestHoldoutQuality(t *testing.T) {
	checkQuality(t, readCorpus(t, "holdout"), holdoutFloors, *holdoutTable)
}

var (
	holdoutTable = flag.String("holdout.table", "", "write the TestHoldoutQuality table as Markdown to this file")
	blindTable   = flag.String("blind.table", "", "write the TestBlindQuality table as Markdown to this file")
)

// TestBlindWellFormed checks the blind stories the same way.
func TestBlindWellFormed(t *testing.T) {
	checkWellFormed(t, readCorpus(t, "blind"), 20, 260, 1)
}

// TestBlindQuality measures the tone check on testdata/blind: stories
// written apart from the lexicons and from both other yardsticks, after
// those had been used for tuning, and never used for tuning themselves
// (see its README): the figure that stands for stories no one has seen.
// Its floors are its first measurement.
func TestBlindQuality(t *testing.T) {
	checkQuality(t, readCorpus(t, "blind"), blindFloors, *blindTable)
}

// blindFloors hold what TestBlindQuality first measured (2026-11-23,
// after the third lexicon round for ru, uk, pl, es, pt, it, tr, ko and he):
// threats 53.1%, insults 80.8%, accusations 87.3%, personal data 95.3%,
// calm passes 88.5%.
// After the day's work (no change was made from a blind story; see the README):
// threats 74.1%, insults 82.5%, accusations 92.7%, personal data 95.3%,
// calm 88.5%; the floors hold that.
var blindFloors = map[string]float64{"threats": 0.74, "insults": 0.82, "accusations": 0.92, "personal data": 0.95,
	"calm": 0.88}

// holdoutFloors hold the recall the kept-back stories had (see
// TestHoldoutQuality); the targets are corpusGroups' min.
// First run (2026-11-23, before the third lexicon round, after the
// structural fixes of that day): threats 56.3%, insults 87.0%,
// accusations 80.4%, personal data 90.0%, calm passes 78.8%.
// After the day's work: threats 93.1%, insults 96.9%, accusations 98.2%,
// personal data 100%, calm 100%; the floors hold that.
var holdoutFloors = map[string]float64{"threats": 0.93, "insults": 0.96, "accusations": 0.98, "personal data": 0.99,
	"calm": 0.97}

func checkQuality(t *testing.T, stories []corpusStory, floors map[string]float64, tableFile string) {
	res := measureCorpus(stories)
	table := res.markdown()
	t.Log("\n" + table)
	if tableFile != "" {
		if err := os.WriteFile(tableFile, []byte(table), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range res.failures {
		t.Log(f)
	}
	for _, g := range corpusGroups {
		got := res.groupTally(g.labels, "")
		switch {
		case got.share() < floors[g.name]:
			t.Errorf("%s: recall %s, fell below the %.0f%% reached before (target %.0f%%)", g.name, got.total(), 100*floors[g.name], 100*g.min)
		case got.share() < g.min:
			t.Logf("TARGET NOT MET: %s recall %s, target %.0f%%", g.name, got.total(), 100*g.min)
		}
	}
	switch got := *res.calm[""]; {
	case got.share() < floors["calm"]:
		t.Errorf("calm stories passing: %s, want at least %.0f%%", got.total(), 100*floors["calm"])
	case got.share() < minCalmPass:
		t.Logf("TARGET NOT MET: calm stories passing %s, target %.0f%%", got.total(), 100*minCalmPass)
	}
}

// TestCorpusMatching pins how TestCorpusQuality decides that a part
// survived, so a change to it is seen.
func TestCorpusMatching(t *testing.T) {
	for _, c := range []struct {
		out, part string
		survives  bool
		intact    bool
	}{
		{"Call +44 7700 900123", "07700-900123", true, false}, // six digits in a row left
		{"Call +44 7700 900123", "7700 900123", true, true},
		{"call 447700900123", "+44 (7700) 900.123", true, true},
		{"Konto 61 [card number removed] 1981 2874", "61 1090 1014 0000 0712 1981 2874", true, false},
		{"Order 3034 arrived", "3034123456789019", false, false},
		{"You are SCAMMERS", "scammers", true, true},
		{"[email removed]", "jan.testowy", false, false},
		{"Tracking LP00123456[removed]", "LP00123456789012", true, false},
	} {
		if got := survives(c.out, c.part); got != c.survives {
			t.Errorf("survives(%q, %q) = %v", c.out, c.part, got)
		}
		if got := intact(c.out, c.part); got != c.intact {
			t.Errorf("intact(%q, %q) = %v", c.out, c.part, got)
		}
	}
	for s, want := range map[string]bool{
		"I AM SO DONE with this":           true,
		"I am so done. USB-C HDMI cable":   false,
		"WHERE IS 60 MY PACKAGE":           true,
		"Where is my package? LED RGB 12V": false,
		"КОРОБКА БЫЛА ПУСТАЯ":              true,
	} {
		if got := stillShouting(s); got != want {
			t.Errorf("stillShouting(%q) = %v", s, got)
		}
	}
	if kin(FindProfanity) != kin(FindInsult) || kin(FindIBAN) != kin(FindBankAccount) || kin(FindPhone) == kin(FindIDNumber) {
		t.Error("kin groups changed")
	}
}
