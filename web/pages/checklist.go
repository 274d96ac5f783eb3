package pages

import (
	"net/url"
	"strconv"

	"github.com/a-h/templ"
	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/templates"
)

func yn(id, short, title, hint string) *step {
	return &step{ID: id, Name: id, Kind: "radios", Short: short, Title: title, Hint: hint, Options: yesNoUnsure}
}

// checklistOrder is the checklist's questions in order; the names are the
// checklist facts of assistant/checklist.go.
var checklistOrder = []*step{
	yn("variant_chosen", "Exact variant chosen", "Have you chosen the exact model, size and colour?", "Check the option you picked, not only the photos."),
	yn("package_contents_checked", "Package contents read", "Have you read what the package contains?", "Chargers, cases and cables are often not included."),
	yn("compatibility_checked", "Fits what you have", "Have you checked it fits what you will use it with?", "Your device, plug and socket, car model or local standards."),
	{ID: "seller_positive_percent", Name: "seller_positive_percent", Kind: "radios", Short: "Store's positive feedback",
		Title: "How much positive feedback does the store have?", Hint: "Shown on the store's page.",
		Options: []templates.Option{opt("97", "95% or more", ""), opt("92", "Between 90% and 95%", ""),
			opt("85", "Less than 90%", ""), opt("unsure", "I have not looked", "")}},
	yn("photo_reviews_seen", "Reviews with photos read", "Have you read reviews with buyers' own photos?", ""),
	yn("delivery_checked", "Delivery cost and date known", "Do you know the delivery cost and the promised delivery date?", ""),
	yn("free_returns", "Free returns", "Does the listing offer free returns?", ""),
	{ID: "category", Name: "category", Kind: "radios", Short: "Kind of item", Title: "What kind of item is it?",
		Hint: "Some kinds of goods are restricted on import in many countries.",
		Options: []templates.Option{opt("general", "Everyday goods, such as clothes or home items", ""),
			opt("electronics", "Electronics", ""), opt("batteries", "Batteries, or something containing them", ""),
			opt("radio_devices", "Radio devices, such as walkie-talkies or drones", ""), opt("cosmetics", "Cosmetics", ""),
			opt("medical", "Medical products", ""), opt("childrens", "Children's products or toys", ""),
			opt("automotive", "Car parts", ""), opt("branded", "Branded goods", "")}},
	yn("warranty_offered", "Warranty offered", "Is a warranty offered?", ""),
	yn("import_rules_checked", "Import rules checked", "Have you checked your country's taxes, duties and import rules for it?", ""),
	{ID: "listing_condition", Name: "listing_condition", Kind: "radios", Short: "Condition in the listing",
		Title: "What does the listing say about the item's condition?", Hint: "Look at the title, the options and the description.",
		Options: []templates.Option{opt("new", "New", ""), opt("used", "Used", ""), opt("defective", "Defective or for parts", ""),
			opt("imitation", "An imitation, replica or copy", ""), opt("unsure", "It does not say", "")}},
	yn("wants_genuine", "Want the genuine product", "Do you want the genuine branded product?", ""),
	yn("specs_complete", "Every detail you need is listed", "Does the listing give every detail you need?", "If not, ask the seller in the chat before paying."),
	yn("screenshots_saved", "Screenshots saved", "Have you saved screenshots of the listing and the option you chose?", ""),
	yn("off_platform_payment_requested", "Asked to pay another way", "Has the seller asked you to pay outside the checkout?", "For example by bank transfer, a payment app or a link in chat."),
	yn("coupon_used", "Coupon used", "Are you using a coupon or promo code?", ""),
	yn("coupon_terms_checked", "Coupon terms read", "Have you read the coupon's terms?", "Country, order amount, category, seller and dates."),
	yn("asked_for_login_or_code", "Asked for a login or code", "Has anyone asked for your password or a one-time code, or sent you a login link?", ""),
	yn("address_current", "Address up to date", "Is the delivery address, name and phone number on the order current?", ""),
}

var checklistSteps = func() map[string]*step {
	m := map[string]*step{}
	for _, s := range checklistOrder {
		m[s.ID] = s
	}
	return m
}()

var checklist = &flow{base: "/checklist", steps: checklistSteps, next: checklistNext}

// checklistNext asks the questions in order, skipping those that do not
// apply: wants_genuine only for imitations, coupon terms only with a coupon.
func checklistNext(q url.Values, _ assistant.Date) string {
	for _, s := range checklistOrder {
		switch s.ID {
		case "wants_genuine":
			if q.Get("listing_condition") != "imitation" {
				continue
			}
		case "coupon_terms_checked":
			if q.Get("coupon_used") != "true" {
				continue
			}
		}
		if !answered(s, q) {
			return s.ID
		}
	}
	return ""
}

// ChecklistFacts reads the checklist's answers; "unsure" is unknown.
func ChecklistFacts(q url.Values) assistant.ChecklistFacts {
	var f assistant.ChecklistFacts
	b := func(name string) assistant.Bool {
		switch q.Get(name) {
		case "true":
			return assistant.Yes
		case "false":
			return assistant.No
		}
		return assistant.Unknown
	}
	f.VariantChosen = b("variant_chosen")
	f.PackageContentsChecked = b("package_contents_checked")
	f.CompatibilityChecked = b("compatibility_checked")
	if n, err := strconv.Atoi(q.Get("seller_positive_percent")); err == nil && n >= 0 && n <= 100 {
		f.SellerPositivePercent, f.SellerRatingKnown = float64(n), true
	}
	f.PhotoReviewsSeen = b("photo_reviews_seen")
	f.DeliveryChecked = b("delivery_checked")
	f.FreeReturns = b("free_returns")
	f.WarrantyOffered = b("warranty_offered")
	f.ImportRulesChecked = b("import_rules_checked")
	if s := checklistSteps["category"]; hasOption(s, q.Get("category")) {
		f.Category = assistant.Category(q.Get("category"))
	}
	if v := q.Get("listing_condition"); v != "unsure" && hasOption(checklistSteps["listing_condition"], v) {
		f.ListingCondition = assistant.Condition(v)
	}
	f.WantsGenuine = b("wants_genuine")
	f.SpecsComplete = b("specs_complete")
	f.ScreenshotsSaved = b("screenshots_saved")
	f.OffPlatformPaymentRequested = b("off_platform_payment_requested")
	f.CouponUsed = b("coupon_used")
	f.CouponTermsChecked = b("coupon_terms_checked")
	f.AskedForLoginOrCode = b("asked_for_login_or_code")
	f.AddressCurrent = b("address_current")
	return f
}

var statusLabels = map[assistant.Status]string{
	assistant.StatusOK: "Fine", assistant.StatusWarn: "Check this", assistant.StatusStop: "Stop", assistant.StatusUnknown: "Not checked",
}

// checklistResult renders the go, caution or stop summary.
func checklistResult(q url.Values, today assistant.Date, embed bool) templ.Component {
	_, known, current := checklist.walk(q, today)
	if current != "" {
		return checklist.page(q, today, embed)
	}
	res := assistant.Checklist(today, ChecklistFacts(known))
	r := templates.ChecklistResult{
		Page:    templates.Page{Embedded: embed, Back: link("/checklist", known, q)},
		Verdict: res.Verdict,
		Answers: link("/checklist", known, q),
		Restart: link("/checklist", nil, q),
	}
	switch res.Verdict {
	case assistant.VerdictGo:
		r.Headline = "Go: nothing here stands in the way of this order"
	case assistant.VerdictCaution:
		r.Headline = "Caution: check the points marked below before you pay"
	default:
		r.Headline = "Stop: do not pay for this order as it stands"
	}
	r.Title = r.Headline
	// Stops first, then warnings, then the rest, each in the checklist's order.
	for _, want := range []assistant.Status{assistant.StatusStop, assistant.StatusWarn, assistant.StatusUnknown, assistant.StatusOK} {
		for _, it := range res.Items {
			if it.Status == want {
				r.Items = append(r.Items, templates.ChecklistItem{ID: it.ID, Status: string(it.Status),
					StatusLabel: statusLabels[it.Status], Summary: it.Summary, Detail: it.Detail, Source: it.Source})
			}
		}
	}
	return templates.ChecklistResultPage(r)
}
