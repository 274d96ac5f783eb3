// Package api reads API requests into engine types and writes engine
// results as JSON. It has no HTTP in it, so the handler, the Worker and
// the browser wasm share it.
package api

import (
	"strconv"
	"strings"
	"time"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/tidwall/gjson"
)

// Requests are read here and only here: one function per request kind, each
// checking the JSON with gjson.Valid first and telling absent from false
// with Exists. Unknown keys are ignored; a known key with a wrong type or an
// unknown value is an error naming the field.

// MaxBodyBytes is the largest request body the API reads (64 KiB).
const MaxBodyBytes = 64 << 10

// Marketplace is the only marketplace the rules cover.
const Marketplace = "aliexpress"

func invalid(field, msg string) *assistant.Error {
	return assistant.Errorf(assistant.ECodeInvalid, field, msg)
}

// MaxDepth is how deeply a request's JSON may nest objects and arrays. No
// request needs more than 3 levels; the limit is checked before anything
// recursive (gjson's validator) reads the body, so 10,000 nested brackets
// are a 400, never a stack overflow in any runtime.
const MaxDepth = 16

// parseRoot checks that body is one JSON object and returns it.
func parseRoot(body []byte) (gjson.Result, *assistant.Error) {
	if err := checkDepth(body); err != nil {
		return gjson.Result{}, err
	}
	if !gjson.ValidBytes(body) {
		return gjson.Result{}, invalid("", "the body is not valid JSON")
	}
	root := gjson.ParseBytes(body)
	if !root.IsObject() {
		return gjson.Result{}, invalid("", "the body must be a JSON object")
	}
	return root, nil
}

// checkDepth fails when objects and arrays nest deeper than MaxDepth,
// naming the member where it happens ("facts.claim"; "" at the root). It
// reads the bytes once, without recursion, and leaves every other check of
// the syntax to gjson.
func checkDepth(body []byte) *assistant.Error {
	var (
		keys      [MaxDepth + 1][2]int // where the name of the member being read at each object depth lies
		objects   [MaxDepth + 1]bool   // whether each depth is an object
		depth     int
		expectKey bool
		strStart  = -1
	)
	for i := 0; i < len(body); i++ {
		c := body[i]
		if strStart >= 0 {
			switch c {
			case '\\':
				i++
			case '"':
				if expectKey && depth > 0 && objects[depth] {
					keys[depth] = [2]int{strStart, i}
					expectKey = false
				}
				strStart = -1
			}
			continue
		}
		switch c {
		case '"':
			strStart = i + 1
		case '{', '[':
			if depth == MaxDepth {
				var path []string
				for d := 1; d <= depth; d++ {
					if k := keys[d]; objects[d] && k[1] > k[0] {
						path = append(path, string(body[k[0]:k[1]]))
					}
				}
				return invalid(strings.Join(path, "."), "the JSON nests objects or arrays more than "+
					strconv.Itoa(MaxDepth)+" levels deep")
			}
			depth++
			objects[depth] = c == '{'
			keys[depth] = [2]int{}
			expectKey = c == '{'
		case '}', ']':
			if depth > 0 {
				depth--
			}
		case ',':
			expectKey = depth > 0 && objects[depth]
		}
	}
	return nil
}

// readCommon reads the fields every request shares: marketplace and today.
// A missing or null today is the current UTC date.
func readCommon(root gjson.Result, now time.Time) (assistant.Date, *assistant.Error) {
	if m := root.Get("marketplace"); m.Exists() && m.Type != gjson.Null {
		if m.Type != gjson.String {
			return assistant.Date{}, invalid("marketplace", "must be a string")
		}
		if m.Str != Marketplace {
			return assistant.Date{}, assistant.Errorf(assistant.ECodeUnsupported, "marketplace",
				"only \"aliexpress\" is supported")
		}
	}
	t := root.Get("today")
	if !t.Exists() || t.Type == gjson.Null {
		y, m, d := now.UTC().Date()
		today, _ := assistant.MakeDate(y, int(m), d)
		return today, nil
	}
	return readDate(t, "today")
}

func readDate(v gjson.Result, field string) (assistant.Date, *assistant.Error) {
	if v.Type != gjson.String {
		return assistant.Date{}, invalid(field, "must be a date string written YYYY-MM-DD")
	}
	d, ok := assistant.ParseDate(v.Str)
	if !ok {
		return assistant.Date{}, invalid(field, "must be a real calendar date written YYYY-MM-DD")
	}
	return d, nil
}

func readBool(v gjson.Result, field string) (bool, *assistant.Error) {
	switch v.Type {
	case gjson.True:
		return true, nil
	case gjson.False:
		return false, nil
	}
	return false, invalid(field, "must be true or false")
}

// readObject returns root[key] as an object; missing or null is an empty
// result, whose ForEach visits nothing.
func readObject(root gjson.Result, key string) (gjson.Result, *assistant.Error) {
	v := root.Get(key)
	if !v.Exists() || v.Type == gjson.Null {
		return gjson.Result{}, nil
	}
	if !v.IsObject() {
		return gjson.Result{}, invalid(key, "must be a JSON object")
	}
	return v, nil
}

// readEnvelope reads what every request shares: one JSON object with an
// optional marketplace, today and facts object.
func readEnvelope(body []byte, now time.Time) (root, facts gjson.Result, today assistant.Date, err *assistant.Error) {
	if root, err = parseRoot(body); err != nil {
		return
	}
	if today, err = readCommon(root, now); err != nil {
		return
	}
	facts, err = readObject(root, "facts")
	return
}

// DecodeAssess reads a POST /api/v1/assess body into an engine request.
// now supplies the default for a missing "today". The optional "lang" is
// checked too (readLang).
func DecodeAssess(body []byte, now time.Time) (assistant.Request, *assistant.Error) {
	req, _, err := decodeAssess(body, now, "")
	return req, err
}

// decodeAssess is DecodeAssess with the request's language (readLang).
func decodeAssess(body []byte, now time.Time, acceptLanguage string) (assistant.Request, *i18n.Printer, *assistant.Error) {
	var req assistant.Request
	root, facts, today, err := readEnvelope(body, now)
	if err != nil {
		return req, nil, err
	}
	req.Today = today
	if req.Facts, err = readDisputeFacts(facts, "facts."); err != nil {
		return req, nil, err
	}
	p, err := readLang(root, acceptLanguage)
	return req, p, err
}

// readDisputeFacts reads the dispute facts from a JSON object. A null value
// is the same as an absent one.
func readDisputeFacts(obj gjson.Result, prefix string) (assistant.Facts, *assistant.Error) {
	var f assistant.Facts
	var err *assistant.Error
	obj.ForEach(func(k, v gjson.Result) bool {
		spec, known := assistant.LookupFact(k.Str)
		if !known || v.Type == gjson.Null {
			return true
		}
		err = setFact(&f, spec, v, prefix+k.Str)
		return err == nil
	})
	return f, err
}

func setFact(f *assistant.Facts, spec *assistant.FactSpec, v gjson.Result, field string) *assistant.Error {
	switch spec.Kind {
	case assistant.KindBool:
		b, err := readBool(v, field)
		if err != nil {
			return err
		}
		spec.SetBool(f, b)
	case assistant.KindDate:
		d, err := readDate(v, field)
		if err != nil {
			return err
		}
		spec.SetDate(f, d)
	case assistant.KindEnum:
		if v.Type != gjson.String {
			return invalid(field, "must be a string, one of: "+strings.Join(spec.Values, ", "))
		}
		if !spec.SetEnum(f, v.Str) {
			return invalid(field, "must be one of: "+strings.Join(spec.Values, ", "))
		}
	}
	return nil
}

// checklistBools maps the checklist's yes/no facts to their fields.
var checklistBools = map[string]func(*assistant.ChecklistFacts) *assistant.Bool{
	"variant_chosen":                 func(f *assistant.ChecklistFacts) *assistant.Bool { return &f.VariantChosen },
	"package_contents_checked":       func(f *assistant.ChecklistFacts) *assistant.Bool { return &f.PackageContentsChecked },
	"compatibility_checked":          func(f *assistant.ChecklistFacts) *assistant.Bool { return &f.CompatibilityChecked },
	"photo_reviews_seen":             func(f *assistant.ChecklistFacts) *assistant.Bool { return &f.PhotoReviewsSeen },
	"delivery_checked":               func(f *assistant.ChecklistFacts) *assistant.Bool { return &f.DeliveryChecked },
	"free_returns":                   func(f *assistant.ChecklistFacts) *assistant.Bool { return &f.FreeReturns },
	"warranty_offered":               func(f *assistant.ChecklistFacts) *assistant.Bool { return &f.WarrantyOffered },
	"import_rules_checked":           func(f *assistant.ChecklistFacts) *assistant.Bool { return &f.ImportRulesChecked },
	"wants_genuine":                  func(f *assistant.ChecklistFacts) *assistant.Bool { return &f.WantsGenuine },
	"specs_complete":                 func(f *assistant.ChecklistFacts) *assistant.Bool { return &f.SpecsComplete },
	"screenshots_saved":              func(f *assistant.ChecklistFacts) *assistant.Bool { return &f.ScreenshotsSaved },
	"off_platform_payment_requested": func(f *assistant.ChecklistFacts) *assistant.Bool { return &f.OffPlatformPaymentRequested },
	"coupon_used":                    func(f *assistant.ChecklistFacts) *assistant.Bool { return &f.CouponUsed },
	"coupon_terms_checked":           func(f *assistant.ChecklistFacts) *assistant.Bool { return &f.CouponTermsChecked },
	"asked_for_login_or_code":        func(f *assistant.ChecklistFacts) *assistant.Bool { return &f.AskedForLoginOrCode },
	"address_current":                func(f *assistant.ChecklistFacts) *assistant.Bool { return &f.AddressCurrent },
}

var conditionValues = []string{"new", "used", "defective", "imitation"}

// ChecklistRequest is a decoded POST /api/v1/checklist body.
type ChecklistRequest struct {
	Today assistant.Date
	Facts assistant.ChecklistFacts
}

// DecodeChecklist reads a POST /api/v1/checklist body, its optional "lang"
// checked as for DecodeAssess.
func DecodeChecklist(body []byte, now time.Time) (ChecklistRequest, *assistant.Error) {
	req, _, err := decodeChecklist(body, now, "")
	return req, err
}

// decodeChecklist is DecodeChecklist with the request's language (readLang).
func decodeChecklist(body []byte, now time.Time, acceptLanguage string) (ChecklistRequest, *i18n.Printer, *assistant.Error) {
	var req ChecklistRequest
	root, facts, today, err := readEnvelope(body, now)
	if err != nil {
		return req, nil, err
	}
	req.Today = today
	f := &req.Facts
	facts.ForEach(func(k, v gjson.Result) bool {
		if v.Type == gjson.Null {
			return true
		}
		field := "facts." + k.Str
		if get, ok := checklistBools[k.Str]; ok {
			var b bool
			b, err = readBool(v, field)
			*get(f) = assistant.BoolOf(b)
			return err == nil
		}
		switch k.Str {
		case "seller_positive_percent":
			if v.Type != gjson.Number || v.Num < 0 || v.Num > 100 {
				err = invalid(field, "must be a number from 0 to 100")
				return false
			}
			f.SellerPositivePercent, f.SellerRatingKnown = v.Num, true
		case "category":
			err = readEnum(v, field, assistant.Categories, (*string)(&f.Category))
		case "listing_condition":
			err = readEnum(v, field, conditionValues, (*string)(&f.ListingCondition))
		case "order_placed_on":
			f.OrderPlacedOn, err = readDate(v, field)
		}
		return err == nil
	})
	if err != nil {
		return req, nil, err
	}
	p, err := readLang(root, acceptLanguage)
	return req, p, err
}

func readEnum(v gjson.Result, field string, values []string, dst *string) *assistant.Error {
	if v.Type == gjson.String {
		for _, x := range values {
			if v.Str == x {
				*dst = x
				return nil
			}
		}
	}
	return invalid(field, "must be one of: "+strings.Join(values, ", "))
}
