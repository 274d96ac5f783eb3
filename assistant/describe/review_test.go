package describe

import (
	"strings"
	"testing"
)

// TestReviewRules: a review may state a rating and a bad experience; it
// may not hold the rating over the seller, demand extras, carry personal
// data or links, or insult (AliExpress Rules and Terms of Use for Buyers,
// Reviews on AliExpress).
func TestReviewRules(t *testing.T) {
	calm := []string{
		"One star. The kettle stopped heating after two days and the seller did not reply.",
		"I give it 2 stars: the colour is lighter than in the photos, but it works.",
		"Five stars, it arrived quickly and works well.",
		"An honest negative review: the zip broke on the first use.",
		"1 star rating because the size runs small.",
	}
	for _, text := range calm {
		if c := Check(FieldReview, text); len(c.Findings) != 0 {
			t.Errorf("calm review %q: %v", text, c.Findings)
		}
	}
	hostile := map[string]string{
		"One star unless you refund me today.":                           FindFeedbackThreat,
		"I will change my review to five stars if you send a free case.": FindFeedbackThreat,
		"I will ruin your store's rating.":                               FindFeedbackThreat,
		"Call me on +44 7700 900123 for details.":                        FindPhone,
		"See my video at https://video.example.com/abc":                  FindLink,
		"This seller is a scammer.":                                      FindAccusation,
	}
	for text, id := range hostile {
		c := Check(FieldReview, text)
		found := false
		for _, f := range c.Findings {
			found = found || f.ID == id
		}
		if !found {
			t.Errorf("review %q: want %s, got %v", text, id, c.Findings)
		}
	}
	// The same plain rating in a message to the seller reads as pressure.
	if c := Check(FieldDifference, "I will give it one star."); len(c.Findings) == 0 {
		t.Error("a rating announced to the seller passed the message check")
	}
}

// TestReviewSuggestionsSpeakOfTheReview: a review's findings advise on the
// review, never on "the dispute text" (issue 11: the review helper's
// suggestions were the dispute's).
func TestReviewSuggestionsSpeakOfTheReview(t *testing.T) {
	for id := range suggestions {
		s := suggestionFor(FieldReview, id, "")
		if s == "" {
			t.Errorf("%s: no suggestion for a review", id)
		}
		if strings.Contains(strings.ToLower(s), "dispute text") || strings.Contains(s, "the case is settled") {
			t.Errorf("%s: review suggestion speaks of the dispute: %q", id, s)
		}
	}
	c := Check(FieldReview, "Call me on +44 7700 900123. This seller is a scammer.")
	for _, f := range c.Findings {
		if f.Suggestion != reviewSuggestions[f.ID] {
			t.Errorf("%s: got the dispute suggestion %q", f.ID, f.Suggestion)
		}
	}
}
