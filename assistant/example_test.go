package assistant_test

import (
	"fmt"

	"github.com/calmclaim/calmclaim/assistant"
)

func ExampleAssess() {
	today, _ := assistant.ParseDate("2026-11-22")
	requested, _ := assistant.ParseDate("2026-11-15")
	v, err := assistant.Assess(assistant.Request{
		Today: today,
		Facts: assistant.Facts{
			Claim:             assistant.Broken,
			PaidOnPlatform:    assistant.Yes,
			RefundRequestedOn: requested,
		},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(v.Outcome, v.EarliestDate, v.Rules[0].ID)
	fmt.Println(v.Rules[0].Source)
	// Output:
	// wait 2026-11-25 dispute.wait_10_days
	// About AliExpress Buyer Protection, What can you do if the item you received is not as described?
}

// The end of Buyer Protection, read in the order's details, is the last day
// to open the dispute; here it comes before the seller's 10 days are over.
func ExampleAssess_lastDate() {
	today, _ := assistant.ParseDate("2026-11-22")
	requested, _ := assistant.ParseDate("2026-11-20")
	ends, _ := assistant.ParseDate("2026-11-27")
	v, _ := assistant.Assess(assistant.Request{Today: today, Facts: assistant.Facts{
		Claim: assistant.Broken, PaidOnPlatform: assistant.Yes, RefundRequestedOn: requested, ProtectionEndsOn: ends,
	}})
	fmt.Println(v.Outcome, v.EarliestDate, v.LastDate, v.Warnings[0].ID)
	// Output: wait 2026-11-30 2026-11-27 dispute.protection_ends_first
}

func ExampleAssess_needInfo() {
	today, _ := assistant.ParseDate("2026-11-22")
	v, _ := assistant.Assess(assistant.Request{Today: today, Facts: assistant.Facts{
		Claim: assistant.NotAsDescribed, PaidOnPlatform: assistant.Yes, Complaint: assistant.IsUsed,
	}})
	fmt.Println(v.Outcome, v.NextQuestion)
	// Output: need_info listing_condition
}

func ExampleChecklist() {
	res := assistant.Checklist(assistant.Date{}, assistant.ChecklistFacts{
		OffPlatformPaymentRequested: assistant.Yes,
	})
	for _, it := range res.Items {
		if it.Status == assistant.StatusStop {
			fmt.Println(it.ID, it.Status)
		}
	}
	fmt.Println(res.Verdict)
	// Output:
	// pre.pay_on_platform stop
	// stop
}

func ExampleParseDate() {
	d, ok := assistant.ParseDate("2028-02-19")
	fmt.Println(d.AddDays(10), ok)
	_, ok = assistant.ParseDate("2027-02-29")
	fmt.Println(ok)
	// Output:
	// 2028-02-29 true
	// false
}
