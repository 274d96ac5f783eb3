package describe

import (
	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
)

// A suggestion that offers a calmer sentence offers one that fits the
// claim: a broken kettle is not told to write that the item does not
// match the order. suggestions (lexicon.go) says what was done; the
// example sentence comes from claimExamples.

// claimExamples are the calm sentences offered instead of an insult or
// an accusation, by claim; "" is for a check that does not know it.
var claimExamples = map[assistant.Claim]string{
	"":                       "The photos show the problem with the order.",
	assistant.NotReceived:    "The parcel has not reached me; the tracking record shows where it stopped.",
	assistant.NotAsDescribed: "The item I received is different from the listing; the photos show the difference.",
	assistant.Counterfeit:    "The item does not appear to be genuine; the photos show how it differs from the original.",
	assistant.Broken:         "The item arrived damaged and does not work; the photos show the damage.",
	assistant.MissingParts:   "Part of the order was not in the parcel; the photo shows everything that arrived.",
	assistant.NoLongerWanted: "I would like to return the item under the order's return terms.",
}

// examplePrefix introduces the example sentence.
const examplePrefix = " Instead, try: \"{example}\""

// suggestionFor returns the suggestion for a finding in lang, with the
// example sentence for the claim where the finding offers one. The
// English is in the tables here (suggestions, reviewSuggestions,
// claimExamples); every language's text is in its catalog under
// finding.<id>, finding.review.<id>, finding.example.<claim> and
// finding.example_prefix (TestFindingTextsInTheCatalog keeps the English
// catalog equal to these tables).
func suggestionFor(field Field, id string, claim assistant.Claim, lang i18n.Lang) string {
	p := i18n.For(lang)
	if field == FieldReview {
		if s, ok := reviewSuggestions[id]; ok {
			return p.TOr("finding.review."+id, s)
		}
	}
	s := p.TOr("finding."+id, suggestions[id])
	switch id {
	case FindInsult, FindAccusation:
		ex, ok := claimExamples[claim]
		if !ok {
			claim = ""
			ex = claimExamples[""]
		}
		return s + p.TOr("finding.example_prefix", examplePrefix, "example", p.TOr("finding.example."+exampleKey(claim), ex))
	}
	return s
}

// exampleKey names a claim's example in the catalogs ("any" for none).
func exampleKey(c assistant.Claim) string {
	if c == "" {
		return "any"
	}
	return string(c)
}
