package assistant

import (
	"fmt"
	"strings"

	"github.com/tidwall/gjson"
)

// Checklist facts. The pre-order checklist reads these facts about a listing
// the buyer is about to buy (names as sent in JSON; every one optional):
//
//	variant_chosen                  bool   the exact model, size and colour are selected
//	package_contents_checked        bool   the buyer read what the package contains
//	compatibility_checked           bool   it fits the buyer's device, plug, car or local standard
//	seller_positive_percent         number the store's positive feedback, 0 to 100
//	photo_reviews_seen              bool   reviews with buyers' own photos were read
//	delivery_checked                bool   the delivery cost and promised date are known
//	free_returns                    bool   the listing offers free returns
//	warranty_offered                bool   a warranty is offered
//	import_rules_checked            bool   taxes, duties and import bans were checked
//	category                        enum   general, electronics, batteries, radio_devices, cosmetics,
//	                                       medical, childrens, automotive, branded
//	listing_condition               enum   new, used, defective, imitation (as in the dispute contract)
//	wants_genuine                   bool   the buyer wants the genuine branded product
//	specs_complete                  bool   every detail the buyer needs is in the listing or answered by the seller
//	screenshots_saved               bool   the listing, chosen option and chat are saved
//	off_platform_payment_requested  bool   the seller asked to be paid outside the checkout
//	order_placed_on                 date   the order was placed but not yet paid, on this day
//	coupon_used                     bool   a coupon or promo code is part of the price
//	coupon_terms_checked            bool   its terms were read
//	asked_for_login_or_code         bool   someone asked for a password or a one-time code, or sent a login link
//	address_current                 bool   the delivery address, name and phone are current
type ChecklistFacts struct {
	VariantChosen               Bool
	PackageContentsChecked      Bool
	CompatibilityChecked        Bool
	SellerPositivePercent       float64 // meaningful when SellerRatingKnown
	SellerRatingKnown           bool
	PhotoReviewsSeen            Bool
	DeliveryChecked             Bool
	FreeReturns                 Bool
	WarrantyOffered             Bool
	ImportRulesChecked          Bool
	Category                    Category
	ListingCondition            Condition
	WantsGenuine                Bool
	SpecsComplete               Bool
	ScreenshotsSaved            Bool
	OffPlatformPaymentRequested Bool
	OrderPlacedOn               Date
	CouponUsed                  Bool
	CouponTermsChecked          Bool
	AskedForLoginOrCode         Bool
	AddressCurrent              Bool
}

// Category is the kind of goods, for import rules and restricted goods.
type Category string

// Categories lists the allowed categories; all but general and electronics
// are commonly restricted on import.
var Categories = []string{"general", "electronics", "batteries", "radio_devices", "cosmetics",
	"medical", "childrens", "automotive", "branded"}

// Restricted reports whether goods of this category often need permits,
// certificates or are banned on import.
func (c Category) Restricted() bool {
	return c != "" && c != "general" && c != "electronics"
}

// Status is how a checklist item stands.
type Status string

const (
	StatusOK      Status = "ok"
	StatusWarn    Status = "warn"
	StatusStop    Status = "stop"
	StatusUnknown Status = "unknown"
)

// Go, Caution and Stop are the checklist's overall answers.
const (
	VerdictGo      = "go"
	VerdictCaution = "caution"
	VerdictStop    = "stop"
)

// ChecklistItem is one checked point with its advice and source.
type ChecklistItem struct {
	ID      string
	Status  Status
	Summary string
	Source  string
	// Detail explains this buyer's status in a sentence, when there is more
	// to say than the summary (a date, the reason for a stop).
	Detail string
	// DetailID names Detail among ChecklistDetails ("" when there is no
	// detail), so a page can show it in another language.
	DetailID string
	// Date is the day the detail is about, written in it as YYYY-MM-DD:
	// the last day to pay for an order already placed. Zero if none.
	Date Date
}

// ChecklistResult is the answer of Checklist.
type ChecklistResult struct {
	Verdict string
	Items   []ChecklistItem
}

// ChecklistItemInfo is an item's fixed text.
type ChecklistItemInfo struct{ ID, Summary, Source string }

// ChecklistDetail is one sentence an item may add for this buyer's
// answers; "{date}" in Text stands for the item's Date, written
// YYYY-MM-DD.
type ChecklistDetail struct{ ID, Text string }

// ChecklistDetails are every detail an item may give, by id (the item's id
// and what the answers made of it). The checklist's words are here, in one
// table, so translators and tests find them all.
var ChecklistDetails = []ChecklistDetail{
	{"pre.seller_rating.under_90", "Under 90% positive feedback: many buyers had problems with this store."},
	{"pre.seller_rating.under_95", "Between 90% and 95% positive feedback: read the negative reviews first."},
	{"pre.free_returns.none", "No free returns: if you change your mind, the return is on you."},
	{"pre.warranty.not_electronics", "A warranty matters mostly for electronics."},
	{"pre.restricted_category.checked", "A restricted kind of item, and you have checked your country's rules."},
	{"pre.restricted_category.restricted", "This kind of item may need a permit or a certificate where you live, or not be allowed in: look it up before paying."},
	{"pre.listing_condition.used", "Listed as used: wear and minor scratches cannot be disputed later."},
	{"pre.listing_condition.defective", "Listed as defective: the stated defect cannot be disputed later."},
	{"pre.listing_condition.imitation_wanted_genuine", "Listed as an imitation, but you want the genuine product: this is not it, and it cannot be disputed as fake."},
	{"pre.listing_condition.imitation", "Listed as an imitation: it cannot be disputed as fake later, and branded copies may be seized by customs."},
	{"pre.pay_on_platform.asked", "The seller asked for payment outside the checkout. Do not pay that way: Buyer Protection would not cover it."},
	{"pre.payment_window.passed", "The last day to pay was {date}, so the order has probably been closed. Place it again."},
	{"pre.payment_window.pay_by", "Pay by {date}."},
	{"pre.account_safety.asked", "Someone asked for your login or a code. Do not give it; change your password and contact support if you already did."},
}

// checklistDetail is the detail id's text with the date filled in.
func checklistDetail(id string, date Date) string {
	for _, d := range ChecklistDetails {
		if d.ID == id {
			return strings.Replace(d.Text, "{date}", date.String(), 1)
		}
	}
	return ""
}

// PaymentWindowDays is how long an order may stay unpaid.
const PaymentWindowDays = 20

var checklistIDs = []string{"pre.exact_variant", "pre.package_contents", "pre.compatibility",
	"pre.seller_rating", "pre.photo_reviews", "pre.delivery_time_cost", "pre.free_returns",
	"pre.warranty", "pre.import_rules", "pre.restricted_category", "pre.listing_condition",
	"pre.ask_seller", "pre.save_screenshots", "pre.pay_on_platform", "pre.payment_window",
	"pre.coupon_terms", "pre.account_safety", "pre.address_current"}

// LoadChecklist parses and validates checklist data (data/checklist.json;
// ChecklistItems is that file as Go, see DefaultPack). It must hold every
// contract item once, in the contract's order, each with a summary and a
// source citing a document and a section.
func LoadChecklist(data string) ([]ChecklistItemInfo, error) {
	if !gjson.Valid(data) {
		return nil, &PackError{Index: -1, Msg: "checklist: not valid JSON"}
	}
	var items []ChecklistItemInfo
	for i, v := range gjson.Get(data, "items").Array() {
		it := ChecklistItemInfo{ID: v.Get("id").String(), Summary: strings.TrimSpace(v.Get("summary").String()),
			Source: strings.TrimSpace(v.Get("source").String())}
		switch {
		case i >= len(checklistIDs) || it.ID != checklistIDs[i]:
			return nil, &PackError{Index: i, ID: it.ID, Field: "id", Msg: "not the contract's item at this position"}
		case it.Summary == "":
			return nil, &PackError{Index: i, ID: it.ID, Field: "summary", Msg: "missing"}
		case !strings.Contains(it.Source, ", "):
			return nil, &PackError{Index: i, ID: it.ID, Field: "source", Msg: "must cite a document and a section"}
		}
		items = append(items, it)
	}
	if len(items) != len(checklistIDs) {
		return nil, &PackError{Index: -1, Msg: fmt.Sprintf("checklist: %d items, the contract has %d", len(items), len(checklistIDs))}
	}
	return items, nil
}

// yesNo maps a yes/no fact to ok when yes, to the given status when no.
func yesNo(b Bool, no Status) Status {
	switch b {
	case Yes:
		return StatusOK
	case No:
		return no
	}
	return StatusUnknown
}

// Checklist gives the pre-order verdict: stop if any item is a stop, caution
// if any warns or is not yet known, go otherwise. Today dates the payment
// window and may be zero when no order has been placed.
func Checklist(today Date, f ChecklistFacts) ChecklistResult {
	items := make([]ChecklistItem, len(ChecklistItems))
	verdict := VerdictGo
	for i, info := range ChecklistItems {
		st, detail := checkItem(info.ID, today, &f)
		date := itemDate(info.ID, &f)
		items[i] = ChecklistItem{ID: info.ID, Status: st, Summary: info.Summary, Source: info.Source,
			Detail: checklistDetail(detail, date), DetailID: detail, Date: date}
		switch {
		case st == StatusStop:
			verdict = VerdictStop
		case st != StatusOK && verdict == VerdictGo:
			verdict = VerdictCaution
		}
	}
	return ChecklistResult{Verdict: verdict, Items: items}
}

// checkItem is an item's status and the id of its detail ("" for none).
func checkItem(id string, today Date, f *ChecklistFacts) (Status, string) {
	switch id {
	case "pre.exact_variant":
		return yesNo(f.VariantChosen, StatusWarn), ""
	case "pre.package_contents":
		return yesNo(f.PackageContentsChecked, StatusWarn), ""
	case "pre.compatibility":
		return yesNo(f.CompatibilityChecked, StatusWarn), ""
	case "pre.seller_rating":
		switch {
		case !f.SellerRatingKnown:
			return StatusUnknown, ""
		case f.SellerPositivePercent < 90:
			return StatusWarn, "pre.seller_rating.under_90"
		case f.SellerPositivePercent < 95:
			return StatusWarn, "pre.seller_rating.under_95"
		}
		return StatusOK, ""
	case "pre.photo_reviews":
		return yesNo(f.PhotoReviewsSeen, StatusWarn), ""
	case "pre.delivery_time_cost":
		return yesNo(f.DeliveryChecked, StatusWarn), ""
	case "pre.free_returns":
		if f.FreeReturns == No {
			return StatusWarn, "pre.free_returns.none"
		}
		return yesNo(f.FreeReturns, StatusWarn), ""
	case "pre.warranty":
		if f.WarrantyOffered == No && f.Category != "electronics" && f.Category != "batteries" && f.Category != "radio_devices" {
			return StatusOK, "pre.warranty.not_electronics"
		}
		return yesNo(f.WarrantyOffered, StatusWarn), ""
	case "pre.import_rules":
		// A restricted kind of item is said once, by pre.restricted_category.
		if f.ImportRulesChecked != Yes && f.Category.Restricted() {
			return StatusWarn, ""
		}
		return yesNo(f.ImportRulesChecked, StatusWarn), ""
	case "pre.restricted_category":
		switch {
		case f.Category == "":
			return StatusUnknown, ""
		case !f.Category.Restricted():
			return StatusOK, ""
		case f.ImportRulesChecked == Yes:
			return StatusOK, "pre.restricted_category.checked"
		}
		return StatusWarn, "pre.restricted_category.restricted"
	case "pre.listing_condition":
		switch f.ListingCondition {
		case "":
			return StatusUnknown, ""
		case ConditionNew:
			return StatusOK, ""
		case ConditionUsed:
			return StatusWarn, "pre.listing_condition.used"
		case ConditionDefective:
			return StatusWarn, "pre.listing_condition.defective"
		}
		if f.WantsGenuine == Yes {
			return StatusStop, "pre.listing_condition.imitation_wanted_genuine"
		}
		return StatusWarn, "pre.listing_condition.imitation"
	case "pre.ask_seller":
		return yesNo(f.SpecsComplete, StatusWarn), ""
	case "pre.save_screenshots":
		return yesNo(f.ScreenshotsSaved, StatusWarn), ""
	case "pre.pay_on_platform":
		if f.OffPlatformPaymentRequested == Yes {
			return StatusStop, "pre.pay_on_platform.asked"
		}
		return yesNo(f.OffPlatformPaymentRequested.not(), StatusStop), ""
	case "pre.payment_window":
		if f.OrderPlacedOn.IsZero() || today.IsZero() {
			return StatusOK, ""
		}
		if today.After(itemDate(id, f)) {
			return StatusWarn, "pre.payment_window.passed"
		}
		return StatusOK, "pre.payment_window.pay_by"
	case "pre.coupon_terms":
		switch {
		case f.CouponUsed == No:
			return StatusOK, ""
		case f.CouponUsed == Yes:
			return yesNo(f.CouponTermsChecked, StatusWarn), ""
		}
		return StatusUnknown, ""
	case "pre.account_safety":
		if f.AskedForLoginOrCode == Yes {
			return StatusStop, "pre.account_safety.asked"
		}
		return yesNo(f.AskedForLoginOrCode.not(), StatusStop), ""
	case "pre.address_current":
		return yesNo(f.AddressCurrent, StatusWarn), ""
	}
	return StatusUnknown, ""
}

// itemDate is the day an item's detail is about: for an order already
// placed, the last day of its payment window.
func itemDate(id string, f *ChecklistFacts) Date {
	if id == "pre.payment_window" && !f.OrderPlacedOn.IsZero() {
		return f.OrderPlacedOn.AddDays(PaymentWindowDays)
	}
	return Date{}
}

func (b Bool) not() Bool {
	switch b {
	case Yes:
		return No
	case No:
		return Yes
	}
	return Unknown
}
