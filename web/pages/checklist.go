package pages

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/a-h/templ"
	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/templates"
)

func yn(id, short, title, hint string) *step {
	return &step{ID: id, Name: id, Kind: "radios", Short: short, Title: title, Hint: hint, Options: yesNoUnsure}
}

// checklistOrder is the checklist's questions in the order they are asked:
// first the ones whose answer can stop the order (paying outside the
// checkout, an imitation when the genuine product is wanted, a request for
// a login or a code), then the rest. The names are the checklist facts of
// assistant/checklist.go, except order_placed, which only decides whether
// order_placed_on is asked.
var checklistOrder = []*step{
	yn("off_platform_payment_requested", "Asked to pay another way", "Has the seller asked you to pay outside the checkout?", "For example by bank transfer, a payment app or a link in chat."),
	{ID: "listing_condition", Name: "listing_condition", Kind: "radios", Short: "Condition in the listing",
		Title: "What does the listing say about the item's condition?", Hint: "Look at the title, the options and the description.",
		Options: []templates.Option{opt("new", "New", ""), opt("used", "Used", ""), opt("defective", "Defective or for parts", ""),
			opt("imitation", "An imitation, replica or copy", ""), opt("unsure", "It does not say", "")}},
	yn("wants_genuine", "Want the genuine product", "Do you want the genuine branded product?", ""),
	yn("asked_for_login_or_code", "Asked for a login or code", "Has anyone asked for your password or a one-time code, or sent you a login link?", "In a chat, an email, a text message or on a page that promises a coupon or a refund."),
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
		Hint: "Some kinds of goods need a permit or a certificate to bring into a country, or are not allowed in.",
		Options: []templates.Option{opt("general", "Everyday goods, such as clothes or home items", ""),
			opt("electronics", "Electronics", ""), opt("batteries", "Batteries, or something containing them", ""),
			opt("radio_devices", "Radio devices, such as walkie-talkies or drones", ""), opt("cosmetics", "Cosmetics", ""),
			opt("medical", "Medical products", ""), opt("childrens", "Children's products or toys", ""),
			opt("automotive", "Car parts", ""), opt("branded", "Branded goods", "")}},
	yn("warranty_offered", "Warranty offered", "Is a warranty offered?", ""),
	yn("import_rules_checked", "Import tax, duty and rules looked up", "Have you looked up what your country charges and requires to import it?",
		"Import tax, customs duty, any declaration, and whether it is banned."),
	yn("specs_complete", "Every detail you need is listed", "Does the listing give every detail you need?", "If not, ask the seller in the chat before paying."),
	yn("screenshots_saved", "Screenshots saved", "Have you saved screenshots of the listing and the option you chose?", ""),
	{ID: "order_placed", Name: "order_placed", Kind: "radios", Short: "Order placed",
		Title: "Have you already placed the order?", Hint: "Placing an order and paying for it are separate steps.",
		Options: []templates.Option{opt("false", "No, not yet", ""), opt("true", "Yes, but I have not paid for it yet", "")}},
	{ID: "order_placed_on", Name: "order_placed_on", Kind: "date", Short: "Order placed on",
		Title: "When did you place the order?", Hint: "The order date on the order page. For example, 15 11 2026.", NotFuture: true},
	yn("coupon_used", "Coupon used", "Are you using a coupon or promo code?", ""),
	yn("coupon_terms_checked", "Coupon terms read", "Have you read the coupon's terms?", "Country, order amount, category, seller and dates."),
	yn("address_current", "Address up to date", "Is the delivery address, name and phone number on the order current?", ""),
}

// stop is the page that ends the checklist at an answer that makes item a
// stop. Its one answer, "1", is the buyer's choice to go on anyway.
func stop(item, title, hint string) *step {
	name := "continue_" + strings.TrimPrefix(item, "pre.")
	return &step{ID: name, Name: name, Kind: "stop", Item: item, Title: title, Hint: hint,
		Options: []templates.Option{opt("1", "Continue with the checklist anyway", "")}}
}

// checklistStops are the checklist's stop pages, one per item that can be
// a stop. The reason and its source are the engine's; the page adds a
// heading and what going on is still good for.
var checklistStops = []*step{
	stop("pre.pay_on_platform", "Stop: do not pay this seller outside the checkout",
		"You can still go through the rest of the checklist, for example to compare this listing with another seller's."),
	stop("pre.listing_condition", "Stop: this listing is not the genuine product",
		"You can still go through the rest of the checklist, for example if you decide a copy is what you want after all."),
	stop("pre.account_safety", "Stop: do not give anyone your login or a code",
		"You can still go through the rest of the checklist for this order."),
}

var checklistSteps = func() map[string]*step {
	m := map[string]*step{}
	for _, s := range checklistOrder {
		m[s.ID] = s
	}
	for _, s := range checklistStops {
		m[s.ID] = s
	}
	return m
}()

var checklist = &flow{base: "/checklist", steps: checklistSteps, next: checklistNext}

// checklistNext ends the walk at the first stop the buyer has not chosen to
// go past; otherwise it asks the questions in order, skipping those that
// do not apply: wants_genuine only for imitations, the order date only for
// an order placed, coupon terms only with a coupon.
func checklistNext(q url.Values, _ assistant.Date) string {
	res := assistant.Checklist(assistant.Date{}, ChecklistFacts(q))
	for _, s := range checklistStops {
		for _, it := range res.Items {
			if it.ID == s.Item && it.Status == assistant.StatusStop && !answered(s, q) {
				return s.ID
			}
		}
	}
	for _, s := range checklistOrder {
		switch s.ID {
		case "wants_genuine":
			if q.Get("listing_condition") != "imitation" {
				continue
			}
		case "order_placed_on":
			if q.Get("order_placed") != "true" {
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
	if q.Get("order_placed") == "true" {
		f.OrderPlacedOn, _ = assistant.ParseDate(q.Get("order_placed_on"))
	}
	f.CouponUsed = b("coupon_used")
	f.CouponTermsChecked = b("coupon_terms_checked")
	f.AskedForLoginOrCode = b("asked_for_login_or_code")
	f.AddressCurrent = b("address_current")
	return f
}

// checklistItemPages names each checklist item for the result page and
// lists the questions that inform it. An item none of them has answered
// is shown as not checked, whatever the engine makes of the silence.
var checklistItemPages = map[string]struct {
	Title string
	Steps []string
}{
	"pre.exact_variant":       {"The exact model, size and colour", []string{"variant_chosen"}},
	"pre.package_contents":    {"What the package contains", []string{"package_contents_checked"}},
	"pre.compatibility":       {"It fits what you have", []string{"compatibility_checked"}},
	"pre.seller_rating":       {"The store's feedback", []string{"seller_positive_percent"}},
	"pre.photo_reviews":       {"Reviews with buyers' photos", []string{"photo_reviews_seen"}},
	"pre.delivery_time_cost":  {"Delivery cost and date", []string{"delivery_checked"}},
	"pre.free_returns":        {"Free returns", []string{"free_returns"}},
	"pre.warranty":            {"Warranty", []string{"warranty_offered", "category"}},
	"pre.import_rules":        {"Import tax, duty and your country's rules", []string{"import_rules_checked"}},
	"pre.restricted_category": {"Goods that need a permit or are not allowed in", []string{"category"}},
	"pre.listing_condition":   {"The condition the listing states", []string{"listing_condition", "wants_genuine"}},
	"pre.ask_seller":          {"Details missing from the listing", []string{"specs_complete"}},
	"pre.save_screenshots":    {"Screenshots of the listing", []string{"screenshots_saved"}},
	"pre.pay_on_platform":     {"Paying through the checkout", []string{"off_platform_payment_requested"}},
	"pre.payment_window":      {"Time left to pay", []string{"order_placed", "order_placed_on"}},
	"pre.coupon_terms":        {"Coupon terms", []string{"coupon_used", "coupon_terms_checked"}},
	"pre.account_safety":      {"Your login and codes", []string{"asked_for_login_or_code"}},
	"pre.address_current":     {"Delivery address", []string{"address_current"}},
}

// checklistGroups are the result's sections, in order, with their headings
// (the page adds the count).
var checklistGroups = []struct {
	Status  assistant.Status
	Heading string
}{
	{assistant.StatusStop, "Stop"},
	{assistant.StatusWarn, "Check before you pay"},
	{assistant.StatusUnknown, "Not checked"},
	{assistant.StatusOK, "Fine"},
}

var checklistHeadlines = map[string]string{
	assistant.VerdictGo:      "Go: nothing here stands in the way of this order",
	assistant.VerdictCaution: "Caution: check the points marked below before you pay",
	assistant.VerdictStop:    "Stop: do not pay for this order as it stands",
}

// The words around the buyer's answers on a result item.
const (
	youSaid     = "You said: "
	notAnswered = "You have not answered this."
)

// checklistResult renders the go, caution or stop summary.
func checklistResult(q url.Values, today assistant.Date, embed bool) templ.Component {
	path, known, current := checklist.walk(q, today)
	if current != "" {
		return checklist.page(q, today, embed)
	}
	verdict, items := checklistOutcome(today, path, known)
	r := templates.ChecklistResult{
		Page:     templates.Page{Embedded: embed, Back: link("/checklist", known, q)},
		Verdict:  verdict,
		Headline: checklistHeadlines[verdict],
		Answers:  link("/checklist", known, q),
		Restart:  link("/checklist", nil, q),
	}
	r.Title = r.Headline
	for _, g := range checklistGroups {
		group := templates.ChecklistGroup{Status: string(g.Status), Heading: g.Heading}
		for _, it := range items {
			if it.Status == string(g.Status) {
				group.Items = append(group.Items, it)
			}
		}
		if len(group.Items) > 0 {
			r.Groups = append(r.Groups, group)
		}
	}
	return templates.ChecklistResultPage(r)
}

// checklistOutcome is the verdict and the items as the buyer sees them, in
// the checklist's order. An item whose questions were not answered is not
// checked, even where the engine needs no answer to call it fine.
func checklistOutcome(today assistant.Date, path []*step, known url.Values) (string, []templates.ChecklistItem) {
	res := assistant.Checklist(today, ChecklistFacts(known))
	verdict := res.Verdict
	var items []templates.ChecklistItem
	for _, it := range res.Items {
		info := checklistItemPages[it.ID]
		var said []string
		for _, name := range info.Steps {
			if s := checklistSteps[name]; onPath(path, name) && answered(s, known) {
				said = append(said, s.Short+" \u2014 "+answerText(s, known))
			}
		}
		status := it.Status
		if !informed(info.Steps, known) && status != assistant.StatusUnknown {
			status = assistant.StatusUnknown
			if verdict == assistant.VerdictGo {
				verdict = assistant.VerdictCaution
			}
		}
		out := templates.ChecklistItem{ID: it.ID, Status: string(status), Title: info.Title,
			Finding: it.Detail, Answers: notAnswered, Summary: it.Summary, Source: it.Source}
		if len(said) > 0 {
			out.Answers = youSaid + strings.Join(said, "; ") + "."
		}
		if status == assistant.StatusUnknown {
			out.Finding = "" // a finding needs an answer to stand on
		}
		if iso := it.Date.String(); !it.Date.IsZero() && strings.Contains(out.Finding, iso) {
			out.Finding, out.FindingEnd, _ = strings.Cut(out.Finding, iso)
			out.Date, out.DateText = iso, longDate(it.Date)
		}
		items = append(items, out)
	}
	return verdict, items
}

// informed reports whether any of the named questions has an answer other
// than "not sure".
func informed(names []string, known url.Values) bool {
	for _, name := range names {
		if v := known.Get(name); v != "" && v != "unsure" {
			return true
		}
	}
	return false
}

// stopPage renders a stop: the reason and its source, a link to change the
// answer that made it, and a form to go on with the checklist anyway.
func stopPage(s *step, q url.Values, known url.Values, back string, embed bool) templ.Component {
	var it assistant.ChecklistItem
	for _, x := range assistant.Checklist(assistant.Date{}, ChecklistFacts(known)).Items {
		if x.ID == s.Item {
			it = x
		}
	}
	p := templates.ChecklistStop{
		Page:    templates.Page{Title: s.Title, Back: back, Embedded: embed},
		Item:    s.Item,
		Heading: s.Title,
		Finding: it.Detail,
		Summary: it.Summary,
		Source:  it.Source,
		Hint:    s.Hint,
		Action:  checklist.base,
		Step:    s.ID,
		Name:    s.Name,
		Value:   s.Options[0].Value,
		Hidden:  hiddenAnswers(s, q, known),
		Button:  s.Options[0].Label,
		Change:  back,
		Restart: link(checklist.base, nil, q),
	}
	return templates.ChecklistStopPage(p)
}
