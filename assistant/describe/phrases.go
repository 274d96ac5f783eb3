package describe

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/calmclaim/calmclaim/assistant"
	"github.com/calmclaim/calmclaim/i18n"
	"github.com/calmclaim/calmclaim/i18n/enginetext"
)

// writer composes the five parts from the facts, the verdict and the
// checked story. Its sentences are our own, first person and plain; each
// claim has its own wording, so a missing parcel does not read like a
// broken one.
type writer struct {
	in *Input
	f  *assistant.Facts
	v  *assistant.Verdict
	p  *i18n.Printer // the language the text is written in
}

func newWriter(in *Input) writer {
	return writer{in: in, f: &in.Facts, v: &in.Verdict, p: i18n.For(in.textLang())}
}

// t is the text for key in the writer's language.
func (w *writer) t(key string, args ...string) string { return w.p.T(key, args...) }

// date writes a day as the text's language writes a date ("5 November
// 2026", "5 listopada 2026").
func (w *writer) date(d assistant.Date) string { return LongDate(w.p, d) }

// join puts sentences together, skipping empty ones.
func join(sentences ...string) string {
	var parts []string
	for _, s := range sentences {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// when returns s only if cond holds.
func when(cond bool, s string) string {
	if cond {
		return s
	}
	return ""
}

func (w *writer) ordered(story string) string {
	var lead string
	if story == "" {
		lead = w.t("describe.ordered.on_order_page")
	}
	lead = join(w.orderDetails(), lead)
	var condition string
	switch w.f.Claim {
	case assistant.NotAsDescribed, assistant.Counterfeit, assistant.Broken:
		switch w.f.ListingCondition {
		case assistant.ConditionNew:
			condition = w.t("describe.ordered.listed_new")
		case assistant.ConditionUsed:
			condition = w.t("describe.ordered.listed_used")
		}
	case assistant.MissingParts:
		condition = when(w.f.MissingItemInListing == assistant.Yes, w.t("describe.ordered.contents_listed"))
	case assistant.NotReceived:
		if dl := w.f.DeliveryDeadline; !dl.IsZero() {
			if dl.Before(w.in.Today) {
				condition = w.t("describe.ordered.promised_by", "date", w.date(dl))
			} else {
				condition = w.t("describe.ordered.period_until", "date", w.date(dl))
			}
		}
	}
	return join(lead, story, condition)
}

func (w *writer) receivedHeading() string {
	if w.f.Claim == assistant.NotReceived {
		return w.t("describe.heading.received.not_received")
	}
	return w.t("describe.heading.received")
}

func (w *writer) received(story string) string {
	if w.f.Claim == assistant.NotReceived {
		return join(w.tracking(), story)
	}
	if story != "" {
		return story
	}
	switch w.f.Claim {
	case assistant.NotAsDescribed:
		return w.t("describe.received.not_as_described")
	case assistant.Counterfeit:
		return w.t("describe.received.counterfeit")
	case assistant.Broken:
		return w.t("describe.received.broken")
	case assistant.MissingParts:
		return w.t("describe.received.missing_parts")
	}
	return w.t("describe.received.other")
}

func (w *writer) tracking() string {
	switch w.f.Tracking {
	case assistant.TrackingNone:
		return w.t("describe.tracking.none")
	case assistant.TrackingInvalid:
		return w.t("describe.tracking.invalid")
	case assistant.TrackingNotShipped:
		return w.t("describe.tracking.not_shipped")
	case assistant.TrackingInTransit:
		return w.t("describe.tracking.in_transit")
	case assistant.TrackingLost:
		return w.t("describe.tracking.lost")
	case assistant.TrackingSeized:
		switch w.f.CustomsReason {
		case assistant.CustomsSellerFalseDeclaration:
			return w.t("describe.tracking.seized.seller_false_declaration")
		case assistant.CustomsProhibitedOrFake:
			return w.t("describe.tracking.seized.prohibited_or_fake")
		}
		return w.t("describe.tracking.seized")
	}
	return w.t("describe.tracking.other")
}

func (w *writer) differenceHeading() string {
	if w.f.Claim == assistant.NotReceived {
		return w.t("describe.heading.difference.not_received")
	}
	return w.t("describe.heading.difference")
}

func (w *writer) difference(story string) string {
	var lead string
	switch w.f.Claim {
	case assistant.NotReceived:
		lead = w.t("describe.difference.not_received")
	case assistant.NotAsDescribed:
		switch w.f.Complaint {
		case assistant.DifferentItem:
			lead = w.t("describe.difference.different_item")
		case assistant.DifferentSpec:
			lead = w.t("describe.difference.different_spec")
		case assistant.IsUsed:
			lead = w.t("describe.difference.used")
			if w.f.ListingCondition == assistant.ConditionNew {
				lead = w.t("describe.difference.used_listed_new")
			}
		case assistant.IsDefective:
			lead = w.t("describe.difference.defective")
		case assistant.MinorScratches:
			lead = w.t("describe.difference.minor_scratches")
		default:
			lead = w.t("describe.difference.not_as_described")
		}
	case assistant.Counterfeit:
		lead = w.t("describe.difference.counterfeit")
	case assistant.Broken:
		lead = w.t("describe.difference.broken")
	case assistant.MissingParts:
		lead = w.t("describe.difference.missing_parts")
	default:
		lead = w.t("describe.difference.other")
	}
	return join(lead, story)
}

// EvidencePhrase returns the plain words for an evidence id in p's
// language ("photos of the item"), or "" for an unknown id.
func EvidencePhrase(p *i18n.Printer, id assistant.EvidenceID) string {
	if !assistant.ValidEvidenceID(string(id)) {
		return ""
	}
	return p.T("describe.evidence." + string(id))
}

func (w *writer) evidence(have []assistant.EvidenceID) string {
	if len(have) == 0 {
		return w.t("describe.evidence.none")
	}
	words := make([]string, len(have))
	for i, id := range have {
		words[i] = EvidencePhrase(w.p, id)
	}
	var list string
	switch len(words) {
	case 1:
		list = words[0]
	case 2:
		list = w.t("describe.list.two", "first", words[0], "second", words[1])
	default:
		list = w.t("describe.list.last", "list", strings.Join(words[:len(words)-1], w.t("describe.list.separator")), "last", words[len(words)-1])
	}
	switch w.f.Claim {
	case assistant.NotReceived, assistant.NotAsDescribed, assistant.Counterfeit, assistant.Broken, assistant.MissingParts:
		return w.t("describe.evidence.attached."+string(w.f.Claim), "list", list)
	}
	return w.t("describe.evidence.attached.other", "list", list)
}

func (w *writer) requested(story string) string {
	var contact string
	if d := w.f.RefundRequestedOn; !d.IsZero() && w.v.Outcome != assistant.ContactSellerFirst {
		contact = w.t("describe.requested.asked_on", "date", w.date(d))
	}
	remedy := w.remedy()
	return join(contact, remedy, w.withoutRequestRepeats(story, remedy))
}

// withoutRequestRepeats leaves out the buyer's sentences that only repeat
// the remedy sentence ("...a full refund of the order. Refund."). The words
// that say nothing on their own in a request ("I want", "please") and the
// words that say what the remedy sentence says in other words ("money" for
// "refund") are the text language's (describe.request.filler and
// describe.request.same in the catalogs), with English's beside them.
func (w *writer) withoutRequestRepeats(story, remedy string) string {
	if story == "" {
		return ""
	}
	rw := requestWordsFor(w.p)
	ours := map[string]bool{}
	for _, word := range strings.Fields(strings.ToLower(lettersOnly(remedy))) {
		ours[word] = true
		ours[requestStem(word)] = true
	}
	var kept []string
	for _, sent := range splitSentences(story) {
		t := strings.TrimSpace(sent.text)
		if t == "" {
			continue
		}
		repeat := true
		for _, word := range strings.Fields(strings.ToLower(lettersOnly(t))) {
			if rw.filler[word] {
				continue
			}
			if same, ok := rw.same[word]; ok {
				word = same
			}
			if !ours[word] && !ours[requestStem(word)] {
				repeat = false
				break
			}
		}
		if !repeat {
			kept = append(kept, t+sent.punct)
		}
	}
	return strings.Join(kept, " ")
}

// requestWords are a language's words of describe.request.filler and
// describe.request.same, with English's.
type requestWords struct {
	filler map[string]bool
	same   map[string]string
}

var (
	requestWordsMu    sync.Mutex
	requestWordsCache = map[*i18n.Printer]*requestWords{}
)

func requestWordsFor(p *i18n.Printer) *requestWords {
	requestWordsMu.Lock()
	defer requestWordsMu.Unlock()
	if rw, ok := requestWordsCache[p]; ok {
		return rw
	}
	rw := &requestWords{filler: map[string]bool{}, same: map[string]string{}}
	for _, q := range []*i18n.Printer{i18n.For(i18n.English), p} {
		for _, word := range strings.Fields(strings.ToLower(q.T("describe.request.filler"))) {
			rw.filler[word] = true
		}
		for _, pair := range strings.Fields(strings.ToLower(q.T("describe.request.same"))) {
			if a, b, ok := strings.Cut(pair, "="); ok {
				rw.same[a] = b
			}
		}
	}
	requestWordsCache[p] = rw
	return rw
}

// requestStem is the start of a word that its endings leave alone, for
// comparing a buyer's "reembolsen" with the sentence's "reembolso": the
// first five letters (two syllables in Korean); shorter words are whole.
func requestStem(word string) string {
	n := 5
	if r, _ := utf8.DecodeRuneInString(word); unicode.Is(unicode.Hangul, r) {
		n = 2
	}
	i := 0
	for k := range word {
		if i == n {
			return word[:k]
		}
		i++
	}
	return word
}

// lettersOnly returns s with every character that is not a letter or digit
// made a space.
func lettersOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, s)
}

// remedy says what the buyer asks for: the remedy they chose, else the one
// the rules grant, else the usual one for the claim.
func (w *writer) remedy() string {
	inr := w.f.Claim == assistant.NotReceived
	switch w.f.RequestedRemedy {
	case assistant.FullRefund:
		if w.v.Remedy == assistant.FullRefund {
			return w.grantedFullRefund()
		}
		return w.t("describe.remedy.full_refund")
	case assistant.PartialRefund:
		return w.t("describe.remedy.partial_refund")
	case assistant.Replacement:
		if inr {
			return w.t("describe.remedy.resend")
		}
		return w.t("describe.remedy.replacement")
	case assistant.ShipMissing:
		return w.t("describe.remedy.ship_missing")
	case assistant.ReturnAndRefund:
		return w.t("describe.remedy.return_and_refund")
	}
	if w.v.Remedy == assistant.FullRefund {
		return w.grantedFullRefund()
	}
	switch w.f.Claim {
	case assistant.NotReceived:
		return w.t("describe.remedy.full_refund")
	case assistant.MissingParts:
		return w.t("describe.remedy.missing_default")
	case assistant.Broken:
		return w.t("describe.remedy.broken_default")
	}
	return w.t("describe.remedy.default")
}

func (w *writer) grantedFullRefund() string {
	switch w.f.Tracking {
	case assistant.TrackingNotShipped:
		return w.t("describe.granted.not_shipped")
	case assistant.TrackingNone, assistant.TrackingInvalid:
		return w.t("describe.granted.no_tracking")
	case assistant.TrackingLost:
		return w.t("describe.granted.lost")
	case assistant.TrackingSeized:
		return w.t("describe.granted.seized")
	}
	return w.t("describe.granted.cannot_reach")
}

// ruleAlternatives are what to do when a dispute is not the way, by rule:
// the key of each alternative's text.
var ruleAlternatives = map[string][]string{
	assistant.RuleAlreadyRefunded:     {"check_refund"},
	assistant.RuleChargeback:          {"follow_chargeback"},
	assistant.RuleDuplicate:           {"new_evidence"},
	assistant.RuleRetaliation:         {"honest_review"},
	assistant.RuleExtraDemand:         {"ask_order_only"},
	assistant.RuleNotWanted:           {"return_terms_not_wanted"},
	assistant.RuleEscrowOnly:          {"payment_provider"},
	assistant.RuleINRReceived:         {"choose_problem"},
	assistant.RuleINRDelivered:        {"ask_carrier"},
	assistant.RuleINRCustomsBuyer:     {"contact_customs"},
	assistant.RuleSNADMatches:         {"return_terms"},
	assistant.RuleSNADUsedListed:      {"return_terms"},
	assistant.RuleSNADDefectiveListed: {"return_terms"},
	assistant.RuleSNADScratchesUsed:   {"return_terms"},
	assistant.RuleSNADExpectations:    {"return_terms_review"},
	assistant.RuleFakeImitation:       {"return_terms"},
	assistant.RuleMissingNotListed:    {"buy_part"},
}

// alternative is the alternative with this text key, under its public id
// (the two other "return terms" texts share the id return_terms).
func alternative(p *i18n.Printer, key string, args ...string) Alternative {
	id := key
	if key == "return_terms_not_wanted" || key == "return_terms_review" {
		id = "return_terms"
	}
	return Alternative{ID: id, Text: p.T("describe.alt."+key, args...)}
}

func reasonAndAlternatives(in *Input) (string, []Alternative) {
	p := i18n.For(in.Lang)
	if in.Verdict.Outcome == assistant.NeedInfo {
		return p.T("describe.reason.need_info"),
			[]Alternative{alternative(p, "answer_question", "question", questionName(p, string(in.Verdict.NextQuestion)))}
	}
	var reasons []string
	var alts []Alternative
	seen := map[string]bool{}
	talk := true
	for _, r := range in.Verdict.Rules {
		reasons = append(reasons, enginetext.RuleSummary(p, r))
		switch r.ID {
		case assistant.RuleAlreadyRefunded, assistant.RuleChargeback, assistant.RuleEscrowOnly:
			talk = false
		}
		for _, key := range ruleAlternatives[r.ID] {
			if a := alternative(p, key); !seen[a.ID] {
				seen[a.ID] = true
				alts = append(alts, a)
			}
		}
	}
	if talk {
		alts = append([]Alternative{alternative(p, "contact_seller")}, alts...)
	}
	return strings.Join(reasons, " "), alts
}

// orderDetails names the order from the buyer's details, "" when none.
func (w *writer) orderDetails() string {
	d := &w.in.Details
	var out []string
	if d.Order != "" {
		out = append(out, w.t("describe.details.order", "order", d.Order))
	}
	if item := d.ItemWords(); item != "" {
		out = append(out, w.t("describe.details.item", "item", item))
	}
	if d.Store != "" {
		out = append(out, w.t("describe.details.store", "store", d.Store))
	}
	switch paid := d.PaidIn(w.p); {
	case paid != "" && !d.OrderedOn.IsZero():
		out = append(out, w.t("describe.details.paid_on", "paid", paid, "date", w.date(d.OrderedOn)))
	case paid != "":
		out = append(out, w.t("describe.details.paid", "paid", paid))
	case !d.OrderedOn.IsZero():
		out = append(out, w.t("describe.details.ordered_on", "date", w.date(d.OrderedOn)))
	}
	return strings.Join(out, " ")
}

// questionName is the short name the wizard gives a fact's question
// ("Tracking", "Śledzenie przesyłki"), or the fact's name where it has
// none.
func questionName(p *i18n.Printer, fact string) string {
	if key := "q." + fact + ".short"; p.Has(key) {
		return p.T(key)
	}
	return fact
}
