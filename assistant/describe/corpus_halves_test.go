package describe

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

var corpusHalves = flag.Bool("corpus.halves", false, "TestCorpusHalves: print the pooled recall of the stories with even and odd id numbers")

// TestCorpusHalves prints the pooled figures of TestCorpusQuality for the
// stories whose id number is even and for those whose number is odd, by
// language. Work on the tone check looks only at failing even stories;
// the odd half stands in for stories no one has seen, so a change that
// helps the even half much more than the odd one is fitted to the corpus.
// It runs with -corpus.halves.
func TestCorpusHalves(t *testing.T) {
	if !*corpusHalves {
		t.Skip("run with -corpus.halves")
	}
	all := readCorpus(t, "corpus")
	for _, half := range []string{"even", "odd"} {
		var stories []corpusStory
		for _, s := range all {
			n, err := strconv.Atoi(s.ID[strings.LastIndexByte(s.ID, '-')+1:])
			if err != nil {
				t.Fatalf("%s: id without a number", s.ID)
			}
			if (n%2 == 0) == (half == "even") {
				stories = append(stories, s)
			}
		}
		res := measureCorpus(stories)
		var b strings.Builder
		fmt.Fprintf(&b, "%s half (%d stories)\n| group | %s | all |\n", half, len(stories), strings.Join(corpusLangs, " | "))
		row := func(name string, cell func(lang string) tally) {
			b.WriteString("| " + name)
			for _, lang := range corpusLangs {
				b.WriteString(" | " + cell(lang).cell())
			}
			b.WriteString(" | " + cell("").total() + " |\n")
		}
		for _, g := range corpusGroups {
			row(g.name, func(lang string) tally { return res.groupTally(g.labels, lang) })
		}
		for _, l := range []string{FindExtraDemand, FindOffPlatform, FindShouting} {
			row(l, func(lang string) tally { return *res.recall[l][lang] })
		}
		row("calm passes", func(lang string) tally { return *res.calm[lang] })
		t.Log("\n" + b.String())
	}
}
