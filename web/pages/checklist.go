package pages

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/a-h/templ"
	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/calmclaim/calmclaim/i18n/enginetext"
	"github.com/calmclaim/calmclaim/templates"
)

func yn(id string) *step {
	return &step{ID: id, Name: id, Kind: "radios", Key: "check.q." + id, Options: yesNoUnsure}
}

func cq(id string, values ...string) *step {
	return &step{ID: id, Name: id, Kind: "radios", Key: "check.q." + id, Options: opts("check.q."+id, values...)}
}

// checklistOrder is the checklist's questions in the order they are asked:
// first the ones whose answer can stop the order (paying outside the
// checkout, an imitation when the genuine product is wanted, a request for
// a login or a code), then the rest. The names are the checklist facts of
// assistant/checklist.go, except order_placed, which only decides whether
// order_placed_on is asked. Their words are in checklist.json.
var checklistOrder = []*step{
	yn("off_platform_payment_requested"),
	cq("listing_condition", "new", "used", "defective", "imitation", "unsure"),
	yn("wants_genuine"),
	yn("asked_for_login_or_code"),
	yn("variant_chosen"),
	yn("package_contents_checked"),
	yn("compatibility_checked"),
	cq("seller_positive_percent", "97", "92", "85", "unsure"),
	yn("photo_reviews_seen"),
	yn("delivery_checked"),
	yn("free_returns"),
	cq("category", "general", "electronics", "batteries", "radio_devices", "cosmetics", "medical", "childrens",
		"automotive", "branded"),
	yn("warranty_offered"),
	yn("import_rules_checked"),
	yn("specs_complete"),
	yn("screenshots_saved"),
	cq("order_placed", "false", "true"),
	{ID: "order_placed_on", Name: "order_placed_on", Kind: "date", Key: "check.q.order_placed_on", NotFuture: true},
	yn("coupon_used"),
	yn("coupon_terms_checked"),
	yn("address_current"),
}

// stop is the page that ends the checklist at an answer that makes item a
// stop (its words: check.stop.<item>.title and .hint). Its one answer,
// "1", is the buyer's choice to go on anyway.
func stop(item string) *step {
	short := strings.TrimPrefix(item, "pre.")
	name := "continue_" + short
	return &step{ID: name, Name: name, Kind: "stop", Item: item, Key: "check.stop." + short,
		Options: []templates.Option{{Value: "1", Label: "check.stop.continue"}}}
}

// checklistStops are the checklist's stop pages, one per item that can be
// a stop. The reason and its source are the engine's; the page adds a
// heading and what going on is still good for.
var checklistStops = []*step{stop("pre.pay_on_platform"), stop("pre.listing_condition"), stop("pre.account_safety")}

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

// checklistItemPages lists the questions that inform each checklist item
// (its name on the result page: check.item.<id>.title). An item none of
// them has answered is shown as not checked, whatever the engine makes of
// the silence.
var checklistItemPages = map[string][]string{
	"pre.exact_variant":       {"variant_chosen"},
	"pre.package_contents":    {"package_contents_checked"},
	"pre.compatibility":       {"compatibility_checked"},
	"pre.seller_rating":       {"seller_positive_percent"},
	"pre.photo_reviews":       {"photo_reviews_seen"},
	"pre.delivery_time_cost":  {"delivery_checked"},
	"pre.free_returns":        {"free_returns"},
	"pre.warranty":            {"warranty_offered", "category"},
	"pre.import_rules":        {"import_rules_checked"},
	"pre.restricted_category": {"category"},
	"pre.listing_condition":   {"listing_condition", "wants_genuine"},
	"pre.ask_seller":          {"specs_complete"},
	"pre.save_screenshots":    {"screenshots_saved"},
	"pre.pay_on_platform":     {"off_platform_payment_requested"},
	"pre.payment_window":      {"order_placed", "order_placed_on"},
	"pre.coupon_terms":        {"coupon_used", "coupon_terms_checked"},
	"pre.account_safety":      {"asked_for_login_or_code"},
	"pre.address_current":     {"address_current"},
}

// checklistGroups are the result's sections, in order; each heading is
// check.group.<status> (the page adds the count).
var checklistGroups = []assistant.Status{assistant.StatusStop, assistant.StatusWarn, assistant.StatusUnknown, assistant.StatusOK}

// checklistResult renders the go, caution or stop summary.
func checklistResult(p *i18n.Printer, q url.Values, today assistant.Date, embed bool) templ.Component {
	path, known, current := checklist.walk(q, today)
	if current != "" {
		return checklist.page(p, q, today, embed)
	}
	verdict, items := checklistOutcome(p, today, path, known)
	r := templates.ChecklistResult{
		Page:     templates.Page{Embedded: embed, Back: link("/checklist", known, q)},
		Verdict:  verdict,
		Headline: p.T("check.headline." + verdict),
		Answers:  link("/checklist", known, q),
		Restart:  link("/checklist", nil, q),
	}
	r.Title = r.Headline
	for _, g := range checklistGroups {
		group := templates.ChecklistGroup{Status: string(g), Heading: p.T("check.group." + string(g))}
		for _, it := range items {
			if it.Status == string(g) {
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
func checklistOutcome(p *i18n.Printer, today assistant.Date, path []*step, known url.Values) (string, []templates.ChecklistItem) {
	res := assistant.Checklist(today, ChecklistFacts(known))
	verdict := res.Verdict
	var items []templates.ChecklistItem
	for _, it := range res.Items {
		steps := checklistItemPages[it.ID]
		var said []string
		for _, name := range steps {
			if s := checklistSteps[name]; onPath(path, name) && answered(s, known) {
				said = append(said, p.T("check.answer", "question", s.short(p), "answer", answerText(p, s, known)))
			}
		}
		status := it.Status
		if !informed(steps, known) && status != assistant.StatusUnknown {
			status = assistant.StatusUnknown
			if verdict == assistant.VerdictGo {
				verdict = assistant.VerdictCaution
			}
		}
		out := templates.ChecklistItem{ID: it.ID, Status: string(status), Title: p.T("check.item." + it.ID + ".title"),
			Finding: enginetext.ItemDetail(p, &it), Answers: p.T("check.not_answered"),
			Summary: enginetext.ItemSummary(p, it.ID, it.Summary), Source: it.Source}
		if len(said) > 0 {
			out.Answers = p.T("check.you_said", "answers", strings.Join(said, "; "))
		}
		if status == assistant.StatusUnknown {
			out.Finding = "" // a finding needs an answer to stand on
		}
		if iso := it.Date.String(); !it.Date.IsZero() && strings.Contains(out.Finding, iso) {
			out.Finding, out.FindingEnd, _ = strings.Cut(out.Finding, iso)
			out.Date, out.DateText = iso, longDate(p, it.Date)
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
func stopPage(p *i18n.Printer, s *step, q url.Values, known url.Values, back string, embed bool) templ.Component {
	var it assistant.ChecklistItem
	for _, x := range assistant.Checklist(assistant.Date{}, ChecklistFacts(known)).Items {
		if x.ID == s.Item {
			it = x
		}
	}
	title := s.title(p)
	c := templates.ChecklistStop{
		Page:    templates.Page{Title: title, Back: back, Embedded: embed},
		Item:    s.Item,
		Heading: title,
		Finding: enginetext.ItemDetail(p, &it),
		Summary: enginetext.ItemSummary(p, it.ID, it.Summary),
		Source:  it.Source,
		Hint:    s.hint(p),
		Action:  checklist.base,
		Step:    s.ID,
		Name:    s.Name,
		Value:   s.Options[0].Value,
		Hidden:  hiddenAnswers(s, q, known),
		Button:  p.T(s.Options[0].Label),
		Change:  back,
		Restart: link(checklist.base, nil, q),
	}
	return templates.ChecklistStopPage(c)
}
