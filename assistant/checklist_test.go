package assistant

import (
	"strings"
	"testing"
)

func statusOf(res ChecklistResult, id string) ChecklistItem {
	for _, it := range res.Items {
		if it.ID == id {
			return it
		}
	}
	return ChecklistItem{}
}

func TestChecklistStatuses(t *testing.T) {
	today := mustDate("2026-11-22")
	cases := []struct {
		name   string
		facts  ChecklistFacts
		id     string
		status Status
	}{
		{"imitation wanted genuine is a stop", ChecklistFacts{ListingCondition: ConditionImitation, WantsGenuine: Yes}, "pre.listing_condition", StatusStop},
		{"imitation knowingly warns", ChecklistFacts{ListingCondition: ConditionImitation, WantsGenuine: No}, "pre.listing_condition", StatusWarn},
		{"used listing warns", ChecklistFacts{ListingCondition: ConditionUsed}, "pre.listing_condition", StatusWarn},
		{"defective listing warns", ChecklistFacts{ListingCondition: ConditionDefective}, "pre.listing_condition", StatusWarn},
		{"new listing ok", ChecklistFacts{ListingCondition: ConditionNew}, "pre.listing_condition", StatusOK},
		{"off-platform payment is a stop", ChecklistFacts{OffPlatformPaymentRequested: Yes}, "pre.pay_on_platform", StatusStop},
		{"on-platform payment ok", ChecklistFacts{OffPlatformPaymentRequested: No}, "pre.pay_on_platform", StatusOK},
		{"phishing is a stop", ChecklistFacts{AskedForLoginOrCode: Yes}, "pre.account_safety", StatusStop},
		{"low rating warns", ChecklistFacts{SellerPositivePercent: 85, SellerRatingKnown: true}, "pre.seller_rating", StatusWarn},
		{"rating 95 is ok", ChecklistFacts{SellerPositivePercent: 95, SellerRatingKnown: true}, "pre.seller_rating", StatusOK},
		{"rating unknown", ChecklistFacts{}, "pre.seller_rating", StatusUnknown},
		{"batteries unchecked warn", ChecklistFacts{Category: "batteries"}, "pre.restricted_category", StatusWarn},
		{"batteries checked ok", ChecklistFacts{Category: "batteries", ImportRulesChecked: Yes}, "pre.restricted_category", StatusOK},
		{"restricted makes import warn", ChecklistFacts{Category: "medical"}, "pre.import_rules", StatusWarn},
		{"general goods ok", ChecklistFacts{Category: "general"}, "pre.restricted_category", StatusOK},
		{"no warranty on a shirt is fine", ChecklistFacts{Category: "general", WarrantyOffered: No}, "pre.warranty", StatusOK},
		{"no warranty on electronics warns", ChecklistFacts{Category: "electronics", WarrantyOffered: No}, "pre.warranty", StatusWarn},
		{"payment day 20 ok", ChecklistFacts{OrderPlacedOn: mustDate("2026-11-02")}, "pre.payment_window", StatusOK},
		{"payment day 21 warns", ChecklistFacts{OrderPlacedOn: mustDate("2026-11-01")}, "pre.payment_window", StatusWarn},
		{"coupon terms not read warns", ChecklistFacts{CouponUsed: Yes, CouponTermsChecked: No}, "pre.coupon_terms", StatusWarn},
		{"coupon terms not answered", ChecklistFacts{CouponUsed: Yes}, "pre.coupon_terms", StatusUnknown},
		{"no coupon ok", ChecklistFacts{CouponUsed: No}, "pre.coupon_terms", StatusOK},
		{"old address warns", ChecklistFacts{AddressCurrent: No}, "pre.address_current", StatusWarn},
	}
	for _, c := range cases {
		if got := statusOf(Checklist(today, c.facts), c.id); got.Status != c.status {
			t.Errorf("%s: %s is %s, want %s", c.name, c.id, got.Status, c.status)
		}
	}
	if it := statusOf(Checklist(today, ChecklistFacts{OrderPlacedOn: mustDate("2026-11-10")}), "pre.payment_window"); it.Detail != "Pay by 2026-11-30." || it.Date != mustDate("2026-11-30") {
		t.Errorf("payment window detail %q, date %s", it.Detail, it.Date)
	}
}

// TestPaymentWindowDate: the item carries the last day to pay, and its
// detail names that day whether it is still ahead or has passed; with no
// order placed there is no date.
func TestPaymentWindowDate(t *testing.T) {
	today := mustDate("2026-11-22")
	late := statusOf(Checklist(today, ChecklistFacts{OrderPlacedOn: mustDate("2026-11-01")}), "pre.payment_window")
	if late.Date != mustDate("2026-11-21") || !strings.Contains(late.Detail, "2026-11-21") {
		t.Errorf("passed window: %q, date %s", late.Detail, late.Date)
	}
	if it := statusOf(Checklist(today, ChecklistFacts{}), "pre.payment_window"); !it.Date.IsZero() || it.Detail != "" {
		t.Errorf("no order: %q, date %s", it.Detail, it.Date)
	}
}

// TestImportItemsAreDistinct is named for a finding: pre.import_rules and
// pre.restricted_category read as the same advice. Their summaries share
// no sentence, and a restricted kind of item is explained once.
func TestImportItemsAreDistinct(t *testing.T) {
	res := Checklist(Date{}, ChecklistFacts{Category: "batteries"})
	imp, restricted := statusOf(res, "pre.import_rules"), statusOf(res, "pre.restricted_category")
	if imp.Status != StatusWarn || restricted.Status != StatusWarn {
		t.Fatalf("statuses %s, %s", imp.Status, restricted.Status)
	}
	if imp.Detail != "" || restricted.Detail == "" {
		t.Errorf("the restriction should be said once, by pre.restricted_category: %q / %q", imp.Detail, restricted.Detail)
	}
	for _, a := range strings.Split(imp.Summary, ". ") {
		for _, b := range strings.Split(restricted.Summary, ". ") {
			if strings.TrimSuffix(a, ".") == strings.TrimSuffix(b, ".") {
				t.Errorf("shared sentence %q", a)
			}
		}
	}
	if strings.Contains(imp.Summary, "batteries") || !strings.Contains(restricted.Summary, "batteries") {
		t.Error("the kinds of goods belong to pre.restricted_category only")
	}
}

func TestChecklistVerdict(t *testing.T) {
	all := ChecklistFacts{VariantChosen: Yes, PackageContentsChecked: Yes, CompatibilityChecked: Yes,
		SellerPositivePercent: 97, SellerRatingKnown: true, PhotoReviewsSeen: Yes, DeliveryChecked: Yes,
		FreeReturns: Yes, WarrantyOffered: Yes, ImportRulesChecked: Yes, Category: "general",
		ListingCondition: ConditionNew, SpecsComplete: Yes, ScreenshotsSaved: Yes,
		OffPlatformPaymentRequested: No, CouponUsed: No, AskedForLoginOrCode: No, AddressCurrent: Yes}
	if v := Checklist(Date{}, all).Verdict; v != VerdictGo {
		t.Errorf("all good: %s", v)
	}
	one := all
	one.FreeReturns = No
	if v := Checklist(Date{}, one).Verdict; v != VerdictCaution {
		t.Errorf("one warning: %s", v)
	}
	one.OffPlatformPaymentRequested = Yes
	if v := Checklist(Date{}, one).Verdict; v != VerdictStop {
		t.Errorf("a stop among warnings: %s", v)
	}
	if res := Checklist(Date{}, ChecklistFacts{}); res.Verdict != VerdictCaution || len(res.Items) != 18 {
		t.Errorf("nothing known: %s, %d items", res.Verdict, len(res.Items))
	}
}

// TestChecklistDetailsAreTheTable: every detail an item gives is one of
// ChecklistDetails, by its id, with the item's date filled in; and every
// entry of the table is given for some answers (pages translate them by
// id, so an id without its text would show nothing).
func TestChecklistDetailsAreTheTable(t *testing.T) {
	today := mustDate("2026-11-22")
	bools := []Bool{Unknown, Yes, No}
	seen := map[string]bool{}
	for _, b := range bools {
		for _, cond := range []Condition{"", ConditionNew, ConditionUsed, ConditionDefective, ConditionImitation} {
			for _, cat := range append([]string{""}, Categories...) {
				for _, placed := range []Date{{}, mustDate("2026-11-10"), mustDate("2026-10-01")} {
					for _, pct := range []float64{-1, 80, 92, 99} {
						f := ChecklistFacts{FreeReturns: b, WarrantyOffered: b, ImportRulesChecked: b, WantsGenuine: b,
							OffPlatformPaymentRequested: b, AskedForLoginOrCode: b, ListingCondition: cond,
							Category: Category(cat), OrderPlacedOn: placed, SellerPositivePercent: pct, SellerRatingKnown: pct >= 0}
						for _, it := range Checklist(today, f).Items {
							if it.DetailID == "" {
								if it.Detail != "" {
									t.Fatalf("%s: a detail without an id: %q", it.ID, it.Detail)
								}
								continue
							}
							seen[it.DetailID] = true
							want := ""
							for _, d := range ChecklistDetails {
								if d.ID == it.DetailID {
									want = strings.Replace(d.Text, "{date}", it.Date.String(), 1)
								}
							}
							if want == "" || it.Detail != want || strings.Contains(it.Detail, "{") {
								t.Fatalf("%s: detail %q (%s), the table says %q", it.ID, it.Detail, it.DetailID, want)
							}
						}
					}
				}
			}
		}
	}
	for _, d := range ChecklistDetails {
		if !seen[d.ID] {
			t.Errorf("no answers give the detail %s", d.ID)
		}
	}
}
