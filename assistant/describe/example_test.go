package describe_test

import (
	"fmt"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/assistant/describe"
)

func ExampleDescribe() {
	today, _ := assistant.ParseDate("2026-11-22")
	asked, _ := assistant.ParseDate("2026-11-08")
	facts := assistant.Facts{Claim: assistant.Broken, PaidOnPlatform: assistant.Yes, RefundRequestedOn: asked}
	verdict, _ := assistant.Assess(assistant.Request{Today: today, Facts: facts})
	d := describe.Describe(describe.Input{
		Today: today, Facts: facts, Verdict: verdict,
		Story: describe.Story{
			Ordered:    "A glass teapot, 1 litre.",
			Received:   "It arrived in pieces on 15 November.",
			Difference: "The glass is shattered. You are SCAMMERS!!!",
			Requested:  "A refund, please. Card 4111 1111 1111 1111.",
		},
		Evidence: []assistant.EvidenceID{assistant.PhotosItem, assistant.UnboxingVideo},
	})
	fmt.Println(d.Text)
	fmt.Println()
	for _, f := range d.Findings {
		fmt.Println(f.Field, f.ID, f.Excerpt)
	}
	// Output:
	// What I ordered
	// A glass teapot, 1 litre.
	//
	// What arrived
	// It arrived in pieces on 15 November.
	//
	// What is different
	// The item arrived damaged or does not work, so I cannot use it as intended. The glass is shattered.
	//
	// Evidence attached
	// To show the damage, I have attached photos of the item and a video of the parcel being opened.
	//
	// What I am asking for
	// I asked the seller for a refund on 8 November 2026, and the request has not been settled. I am asking for a refund, or a replacement that works; I can return the item if the platform asks.
	//
	// difference shouting You are SCAMMERS!!!
	// difference accusation You are SCAMMERS
	// requested card_number •••• •••• •••• ••11
}

func ExampleDescribe_notEligible() {
	today, _ := assistant.ParseDate("2026-11-22")
	facts := assistant.Facts{Claim: assistant.NoLongerWanted}
	verdict, _ := assistant.Assess(assistant.Request{Today: today, Facts: facts})
	d := describe.Describe(describe.Input{Today: today, Facts: facts, Verdict: verdict})
	fmt.Printf("text %q\n", d.Text)
	fmt.Println(d.Reason)
	for _, a := range d.Alternatives {
		fmt.Println(a.ID)
	}
	// Output:
	// text ""
	// Buyer Protection does not cover an item you no longer want, whatever the reason. Check the order's own return terms, such as free returns, instead.
	// contact_seller
	// return_terms
}

func ExampleCheck() {
	c := describe.Check(describe.FieldRequested, "Send a refund or I will leave a 1-star review!!! Call +44 7700 900123")
	fmt.Printf("%q\n", c.Text)
	for _, f := range c.Findings {
		fmt.Println(f.ID)
	}
	// Output:
	// ""
	// phone
	// shouting
	// feedback_threat
	// off_platform
	// missing_detail
}
