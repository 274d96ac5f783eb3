package describe

import "github.com/calmclaim/calmclaim/assistant"

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
const examplePrefix = " Instead, try: \""

// suggestionFor returns the suggestion for a finding, with the example
// sentence for the claim where the finding offers one.
func suggestionFor(field Field, id string, claim assistant.Claim) string {
	if field == FieldReview {
		if s, ok := reviewSuggestions[id]; ok {
			return s
		}
	}
	s := suggestions[id]
	switch id {
	case FindInsult, FindAccusation:
		ex, ok := claimExamples[claim]
		if !ok {
			ex = claimExamples[""]
		}
		return s + examplePrefix + ex + "\""
	}
	return s
}
