package describe

import (
	"strings"
)

// The lexicon is data: lists of words and phrases, one word or phrase a
// string, words separated by one space. Rules (conductRules) and the word
// checks read them through sets built on the first check (see match.go),
// so that a language can bring its own lists.
//
// Phrases are matched on the skeleton of a sentence (see skeleton):
// lowercase Latin words, look-alikes and leetspeak folded, apostrophes
// dropped ("ill", "dont", "youll"), one space between words.

// Context: words that must, or must not, be somewhere in the sentence.
var (
	// something the buyer says they will do, or a condition
	actionWords = []string{"will", "ll", "shall", "gonna", "going to", "leave", "leaving", "give", "giving", "post",
		"posting", "write", "writing", "rate", "rating", "get", "gets", "receive", "expect", "unless", "or", "if",
		"otherwise", "deserve", "make sure", "put", "see"}
	// a request or demand
	demandWords = []string{"want", "wants", "wanted", "demand", "demands", "demanding", "expect", "expecting", "need",
		"needs", "deserve", "deserves", "owe", "owes", "give", "send", "must", "should", "require", "requires",
		"insist", "ask", "asking", "like", "get", "add", "include", "provide", "or", "unless", "otherwise",
		"compensate", "gimme", "plus"}
	// the thing asked for was part of the order after all
	listedWords = []string{"promised", "listed", "listing", "description", "described", "advertised", "stated",
		"came with", "included in", "part of the order", "comes with", "package contents", "was supposed",
		"supposed to", "in the box", "in the package", "i paid for", "i ordered", "used", "applied", "redeemed",
		"paid with"}
	// future or conditional: a legal step announced as pressure
	futureWords = []string{"will", "ll", "shall", "gonna", "going to", "unless", "if you", "or i", "or else",
		"otherwise", "threaten", "next step", "have no choice", "no other choice"}
)

// Pieces that phrases are made of with cross (match.go). Where an
// article or a word may be glued to the next ("agift", "1star"), the
// glued forms are listed too: the buyer's spacing is not to be trusted.
var (
	space      = []string{" "}
	maybeMy    = []string{"", "my "}
	maybeMe    = []string{"", "me "}
	maybeFull  = []string{"", "full "}
	starSuffix = []string{"", " star", " stars", "star", "stars", " star rating"}
	stars      = []string{" star", " stars", "star", "stars"}
)

// Feedback threats: a bad review or rating held over the seller.
var (
	badWords = []string{"neg", "negative", "bad", "low", "lowest", "poor", "terrible", "horrible", "awful", "worst",
		"angry", "nasty", "scathing", "brutal", "harsh", "honest", "real", "truthful", "1", "one", "i", "zero", "0",
		"o", "2", "two", "single", "minimum", "minimal"}
	reviewWords = []string{"feedback", "feedbacks", "review", "reviews", "rating", "ratings", "comment", "comments",
		"score", "evaluation", "evaluations", "rate"}
	fewStars  = []string{"1", "one", "zero", "0", "no", "single", "2", "two", "i", "o"}
	harmWords = []string{"ruin", "ruins", "ruining", "destroy", "destroying", "damage", "damaging", "tank", "tanking",
		"kill", "killing", "wreck", "wrecking", "hurt", "hurting", "lower", "lowering", "drop", "dropping", "trash",
		"trashing", "tarnish", "smear"}
	reputationWords = []string{"rating", "ratings", "reputation", "score", "stars", "store", "shop", "business",
		"feedback", "name", "account"}
	tellWords     = []string{"tell", "telling", "warn", "warning", "inform", "alert"}
	audienceWords = []string{"everyone", "everybody", "all buyers", "other buyers", "others", "other customers",
		"the world", "all my friends", "my followers", "the internet", "people", "every buyer"}
	// words that begin "post", "share"... ("posted", "shared")
	publishStems = []string{"post", "posting", "share", "sharing", "expose", "exposing", "publish", "upload"}
	publicPlaces = []string{"social media", "facebook", "instagram", "tiktok", "youtube", "twitter", "reddit", "online",
		"internet", "forum", "forums", "trustpilot"}
	reviewNouns    = []string{"review", "reviews", "feedback", "rating", "ratings", "star", "stars"}
	conditionWords = []string{"unless", "if you dont", "if you do not", "if you wont", "if you refuse", "or else",
		"otherwise", "if not"}
	changeWords     = []string{"remove", "change", "update", "delete", "improve", "raise", "fix"}
	reviewAdjective = []string{"", "negative ", "bad ", "1 star ", "one star "}
	reviewKinds     = []string{"feedback", "review", "rating"}
	onceWords       = []string{"if", "when", "after", "once", "only"}
)

// Threats of harm, of legal or bank action as pressure, and ultimatums.
var (
	ultimatums = []string{"or else", "you will regret", "youll regret", "you will be sorry", "youll be sorry",
		"you will pay for", "youll pay for", "watch out", "watch your back", "i know where you", "i know who you",
		"last warning", "final warning", "you have been warned", "youve been warned", "be warned", "you better",
		"you had better", "youd better", "or you will see", "or youll see", "you will see what", "youll see what",
		"mark my words", "dont make me"}
	threatSubjects = []string{"i", "we", "my family", "my brother", "my friends", "my husband", "my wife"}
	threatModals   = []string{"will", "ll", "shall", "am going to", "m going to", "are going to", "re going to", "gonna",
		"am gonna", "m gonna", "would", "d", "can", "could", "might", "plan to", "intend to", "threaten to",
		"promise to", "swear to"}
	threatActs = []string{"sue", "kill", "hurt", "beat", "destroy you", "destroy your", "ruin you", "ruin your",
		"punish", "hunt", "find you", "track you", "come for", "come after", "expose", "shame", "report you",
		"report your", "report the seller", "report this seller", "report them", "report the store",
		"report this store", "report the shop", "report this shop", "report u", "make you pay", "make you regret",
		"get you", "get even"}
	legalSteps = []string{"sue", "suing", "lawsuit", "legal action", "legal steps", "take legal", "lawyer", "lawyers",
		"attorney", "solicitor", "court", "courts", "police", "cops", "fbi", "interpol", "consumer protection",
		"ombudsman", "trading standards", "chargeback", "charge back", "charging back", "block my card",
		"block the card", "reverse the payment", "reverse the charge", "ban your", "get you banned",
		"shut down your", "close your store", "close your shop"}
	askBank    = []string{"go to ", "contact ", "call ", "complain to ", "tell ", "ask "}
	myOrThe    = []string{"my ", "the "}
	bankWords  = []string{"bank", "card issuer", "paypal"}
	reportWhom = []string{"report you", "report your", "report u", "report the seller", "report this seller",
		"report the store", "report this store", "report the shop", "report this shop"}
	violence    = []string{"kill", "murder", "beat", "hurt", "burn", "stab", "shoot", "punch", "slap", "strangle"}
	victims     = []string{"you", "u", "him", "her", "them", "your", "ur", "the seller", "this seller", "ya"}
	deathWishes = []string{"hope you die", "go die", "drop dead", "you will die", "youll die", "i will find you",
		"ill find you", "i know your address", "i know where"}
)

// Asking for more than the order included.
var (
	extraWords  = []string{"free", "extra", "additional", "bonus", "complimentary", "another free", "second free"}
	extraThings = []string{"item", "items", "gift", "gifts", "product", "products", "case", "cases", "cover", "covers",
		"headphones", "earphones", "earbuds", "accessory", "accessories", "charger", "chargers", "cable", "cables",
		"unit", "units", "piece", "pieces", "sample", "samples", "stuff", "thing", "things", "present", "presents",
		"one", "ones", "set", "sets", "pair", "pairs", "battery", "batteries", "bag", "bags", "strap", "straps",
		"gadget", "toy", "toys", "shipping"}
	perks = []string{"discount", "discounts", "coupon", "coupons", "voucher", "vouchers", "promo code", "promo codes",
		"promocode", "gift card", "giftcard", "gift cards", "store credit", "cashback", "cash back", "bonus",
		"bonuses", "coins", "freebie", "freebies"}
	giveWords    = []string{"send ", "give ", "want ", "deserve ", "owe ", "owes ", "get "}
	someArticle  = []string{"a ", "an ", "some ", "another ", "a", "an", "some", "another", ""}
	giftWords    = []string{"gift", "gifts", "present", "presents"}
	compensation = []string{"compensation", "compensate", "compensated", "damages"}
	troubleWords = []string{"time", "trouble", "inconvenience", "stress", "wait", "waiting", "hassle", "effort",
		"nerves", "suffering", "troubles", "disappointment", "emotional"}
	troubles = []string{"time", "trouble", "inconvenience", "stress", "wait", "waiting", "hassle", "effort", "nerves",
		"suffering"}
	compensated  = []string{"compensation", "compensate", "compensated"}
	forMyTrouble = []string{"for my trouble", "for the trouble", "for the inconvenience", "for my inconvenience",
		"for wasting my time", "for my time", "for my wait", "for the wait", "for my nerves"}
	onTopFixed = []string{"on top", "double refund", "refund twice", "twice the price", "twice what i paid",
		"double the price", "double the money", "double the amount", "more than i paid"}
	besides      = []string{"in addition to ", "as well as "}
	theAMy       = []string{"the", "a", "my"}
	aTheMy       = []string{"a ", "the ", "my "}
	andPlus      = []string{"and ", "plus "}
	anArticle    = []string{"a ", "an ", "the ", "a", "an", "the", ""}
	refundExtras = []string{"gift", "discount", "coupon", "extra", "free", "bonus"}
	keepWhich    = []string{"the ", "both ", "all "}
	itemOrItems  = []string{"item", "items"}
	andGet       = []string{"a ", "the ", "get ", "a", "the", "get", ""}
	futureOrders = []string{"next order", "next orders", "future order", "future orders", "next purchase",
		"future purchases"}
)

// Moving the talk or the money off the platform.
var (
	offPlatform = []string{"whatsapp", "whats app", "telegram", "wechat", "we chat", "viber", "skype", "signal app",
		"line app", "email me", "e mail me", "mail me", "call me", "text me", "dm me", "message me on",
		"contact me on", "contact me at", "contact me via", "reach me on", "reach me at", "paypal me",
		"pay me directly", "pay me outside", "send money directly", "bank transfer", "wire transfer",
		"western union", "moneygram", "outside aliexpress", "outside the platform", "outside the app",
		"outside the site", "off the platform"}
	contactVerbs = []string{"call", "phone", "text", "ring", "message", "contact", "reach", "write", "mail", "email",
		"sms"}
	meOrUs        = []string{"", " me", " us"}
	atOnTo        = []string{"", " at", " on", " to", " via", " under"}
	removedPlaces = []string{"phone number removed", "email removed"} // placeholders, as the skeleton reads them
)

// conductRules are checked in order on each sentence; the first that
// matches names the finding and the sentence is left out.
func conductRules() []rule {
	action, demand, listed, future := set(actionWords), set(demandWords), set(listedWords), set(futureWords)
	return []rule{
		newRule(FindFeedbackThreat, phrase(badWords, starSuffix), gap(0, 2), phrase(reviewWords)).with(action, nil).statesRating(),
		newRule(FindFeedbackThreat, phrase(fewStars, stars)).with(action, nil).statesRating(),
		newRule(FindFeedbackThreat, phrase(harmWords), gap(0, 3), phrase(reputationWords)),
		newRule(FindFeedbackThreat, phrase(tellWords), gap(0, 2), phrase(audienceWords)).with(future, nil),
		newRule(FindFeedbackThreat, prefixOf(publishStems), gap(0, 5), phrase(publicPlaces)).with(future, nil),
		newRule(FindFeedbackThreat, phrase(reviewNouns), later, phrase(conditionWords)),
		newRule(FindFeedbackThreat, phrase(conditionWords), later, phrase(reviewNouns)),
		newRule(FindFeedbackThreat, phrase(changeWords), gap(0, 2), phrase(maybeMy, reviewAdjective, reviewKinds),
			later, phrase(onceWords)),

		newRule(FindThreat, phrase(ultimatums)),
		newRule(FindThreat, phrase(threatSubjects), gap(0, 1), phrase(threatModals), gap(0, 2), phrase(threatActs)),
		newRule(FindThreat, phrase(append(append(cross(askBank, myOrThe, bankWords), legalSteps...), reportWhom...))).
			with(future, nil),
		newRule(FindThreat, phrase(violence), gap(0, 1), phrase(victims)),
		newRule(FindThreat, phrase(deathWishes)),

		newRule(FindExtraDemand, phrase(extraWords), gap(0, 2), phrase(extraThings)).with(demand, listed),
		newRule(FindExtraDemand, phrase(perks)).with(demand, listed),
		newRule(FindExtraDemand, phrase(giveWords, maybeMe, someArticle, giftWords)).with(nil, listed),
		newRule(FindExtraDemand, phrase(compensation), later, phrase(troubleWords)),
		newRule(FindExtraDemand, phrase(troubles), later, phrase(compensated)),
		newRule(FindExtraDemand, phrase(forMyTrouble)),
		newRule(FindExtraDemand, phrase(append(append(append(append(cross(besides, theAMy, []string{" refund"}),
			cross([]string{"plus "}, aTheMy, maybeFull, []string{"refund"})...),
			cross([]string{"refund "}, andPlus, anArticle, refundExtras)...),
			cross([]string{"keep "}, keepWhich, itemOrItems, []string{" and "}, andGet, maybeFull, []string{"refund"})...),
			onTopFixed...))),
		newRule(FindExtraDemand, phrase(futureOrders)).with(demand, nil),

		newRule(FindOffPlatform, phrase(offPlatform)),
		newRule(FindOffPlatform, phrase(contactVerbs, meOrUs, atOnTo, space, removedPlaces)),
	}
}

// Insults and accusations in a clause (besides the words in the
// dictionaries below).
var (
	insultPhrases = []string{"shame on you", "shame on u", "shame on this seller", "shame on the seller",
		"shame on your store", "go to hell", "burn in hell", "rot in hell", "to hell with", "get lost", "screw you",
		"screw u", "kiss my", "piss off", "suck it", "you suck", "u suck", "fuck you", "fuck u", "fuck off",
		"fuck yourself", "fck you", "fk you", "f you", "f u", "stfu", "shut up", "drop dead", "son of a",
		"what is wrong with you", "are you blind", "are you stupid", "learn to read"}
	ripOff = []string{"rip ", "ripped ", "ripping "}
	youDid = []string{"stole", "steal", "are stealing", "re stealing", "lied", "lie", "are lying", "re lying",
		"cheated", "robbed", "deceived", "tricked", "conned"}
	whoDid  = []string{"seller ", "store ", "shop ", "they ", "he ", "she ", "company "}
	theyDid = []string{"stole", "steals", "is stealing", "lied", "lies", "is lying", "are lying", "cheated", "robbed",
		"deceived", "tricked", "conned"}
	fakeWhat        = []string{"seller", "store", "shop", "company", "business", "sellers", "stores"}
	whoIs           = []string{"are ", "is ", "you ", "u ", "seller ", "store "}
	maybeA          = []string{"", "a "}
	maybeBunch      = []string{"", "bunch of "}
	crooks          = []string{"liar", "liars", "thieves", "crooks", "criminals", "scammer", "scammers", "fraud", "frauds"}
	accusationFixed = []string{"con artist", "con artists", "con man", "con men", "stole my", "steal my",
		"stealing my"}
)

func accusationPhrases() []string {
	var p []string
	p = append(p, cross(ripOff, maybeMe, []string{"off"})...)
	p = append(p, cross([]string{"you "}, youDid)...)
	p = append(p, cross(whoDid, theyDid)...)
	p = append(p, cross([]string{"fake "}, fakeWhat)...)
	p = append(p, cross(whoIs, maybeA, maybeBunch, crooks)...)
	return append(p, accusationFixed...)
}

// conduct returns the id of the first conduct problem in a sentence's
// words, or "". In the "requested" field every sentence is a request,
// so a demand needs no demanding word around it.
func (l *lexicon) conduct(ws *wordSeq, field Field) string {
	m := l.mask(ws)
	for i := range l.rules {
		r := &l.rules[i]
		if !r.possible(m) {
			continue
		}
		if field == FieldReview && r.rating {
			continue // a review states its rating; only a rating held over the seller is a threat
		}
		asked := field == FieldRequested && r.id == FindExtraDemand
		if r.ctx != nil && !asked && m&r.ctx.bit == 0 {
			continue
		}
		if r.match(ws) && (r.ctx == nil || asked || r.ctx.in(ws)) && (r.unless == nil || m&r.unless.bit == 0 || !r.unless.in(ws)) {
			return r.id
		}
	}
	return ""
}

// Words are compared by their squeezed key (see squeeze): a key matches a
// dictionary word when it has the same letters, where a '*' in the key
// stands for any one letter ("f*ck", "sh*t").

var hateWords = []string{"nigger", "niggers", "nigga", "niggas", "faggot", "faggots", "fag", "fags", "chink", "chinks",
	"chinaman", "spic", "spics", "kike", "kikes", "tranny", "gook", "gooks", "wetback", "raghead", "paki", "pakis",
	"subhuman", "untermensch", "ching chong", "chingchong"}

var insultWords = []string{"idiot", "idiots", "idiotic", "moron", "morons", "moronic", "stupid", "stupidity", "dumb",
	"dumbass", "dumbo", "imbecile", "imbeciles", "loser", "losers", "clown", "clowns", "pig", "pigs", "swine", "scum",
	"scumbag", "scumbags", "trash", "garbage", "crap", "crappy", "pathetic", "jerk", "jerks", "cretin", "cretins",
	"halfwit", "dimwit", "nitwit", "retard", "retarded", "retards", "disgusting", "shameless", "slut", "whore",
	"whores", "pussy", "vermin", "parasite", "parasites", "incompetent", "worthless",
	"bastard", "bastards", "bitch", "bitches", "asshole", "assholes", "arsehole", "dickhead", "dickheads", "prick",
	"pricks", "twat", "twats", "wanker", "wankers", "cunt", "cunts", "motherfucker", "motherfuckers", "sucker", "suckers"}

var accusationWords = []string{"scam", "scams", "scammer", "scammers", "scamming", "scammed", "scamer", "fraud", "frauds",
	"fraudster", "fraudsters", "fraudulent", "thief", "thieves", "thieving", "liar", "liars", "cheat", "cheats",
	"cheater", "cheaters", "cheating", "cheated", "crook", "crooks", "criminal", "criminals", "swindler",
	"swindlers", "swindle", "swindled", "conman", "conmen", "robber", "robbers", "robbed", "robbery", "ripoff",
	"ripoffs", "mafia", "thug", "thugs", "gangster", "gangsters", "shady", "dishonest", "deceiver", "deceitful",
	"extortion", "extortionist", "racketeer", "hustler", "hustlers"}

// profanity: whole words, stems that may take an ending and roots that
// may sit inside a word ("bullshit").
var (
	profaneWords = []string{"damn", "dammit", "damnit", "goddamn", "goddammit", "ass", "arse", "asses", "dick", "dicks",
		"cock", "cocks", "bloody", "bollocks", "bollox", "tits", "hell", "wtf", "stfu", "omfg", "ffs", "fk", "fkn",
		"fkin", "fking", "fuk", "fuking", "fukin", "fuked", "fuker", "fcuk", "fcking", "piss", "pissed", "pissing",
		"crap", "crappy", "bugger", "sod", "frigging", "friggin", "effing", "shite", "shitty", "arsed", "douche",
		"douchebag", "jackass", "dipshit", "prick", "twat", "wank", "wanker", "wanking", "motherfucking", "mf", "mofo",
		"bs"}
	profaneStems = []string{"fuck", "fck", "shit", "bullshit", "bitch", "bastard", "asshole", "arsehole", "cunt",
		"dickhead", "motherfuck", "wank", "twat", "bollock", "fucc", "phuck", "phuk"}
	profaneRoots = []string{"fuck", "shit"}
	// profanity that is too short or too common to match inside other words
	notProfane = []string{"shitake", "shitakes"}
)

type dictWord struct{ plain, squeezed string }

func dict(words []string) []dictWord {
	out := make([]dictWord, len(words))
	for i, w := range words {
		w = strings.ReplaceAll(w, " ", "")
		out[i] = dictWord{w, squeeze(w)}
	}
	return out
}

// wordKind says which dictionaries a word is in.
type wordKind uint8

const (
	hateWord wordKind = 1 << iota
	insultWord
	accusationWord
	profaneWord
)

// dictionaries holds the word dictionaries for kind: by the word as
// written and by its squeezed form.
type dictionaries struct {
	lists [4][]dictWord // by the bit of their kind
	plain map[string]wordKind
	// squeezed holds the squeezed forms of four letters or more
	squeezed map[string]wordKind
}

func newDictionaries(lists ...[]string) dictionaries {
	d := dictionaries{plain: map[string]wordKind{}, squeezed: map[string]wordKind{}}
	for i, l := range lists {
		d.lists[i] = dict(l)
		for _, w := range d.lists[i] {
			d.plain[w.plain] |= 1 << i
			if len(w.squeezed) >= 4 {
				d.squeezed[w.squeezed] |= 1 << i
			}
		}
	}
	return d
}

// keyIs reports whether key spells word, '*' in key standing for a letter.
func keyIs(key, word string) bool {
	if len(key) != len(word) || len(key) == 0 || key[0] == '*' {
		return false
	}
	stars := 0
	for i := 0; i < len(key); i++ {
		if key[i] == '*' {
			stars++
			continue
		}
		if key[i] != word[i] {
			return false
		}
	}
	return stars*2 <= len(key)
}

// kind returns the dictionaries a word key (see skeletonWord) is in, and
// the key squeezed. A raw key (runs cut to two letters) is compared with
// the word as written; its squeezed form with the squeezed word, but only
// for words whose squeezed form is four letters or more ("ass" squeezed
// is "as"). Without a '*' in the key, that is two lookups.
func (d *dictionaries) kind(raw string) (wordKind, string) {
	sq := squeeze(raw)
	if strings.IndexByte(raw, '*') < 0 {
		return d.plain[raw] | d.squeezed[sq], sq
	}
	var k wordKind
	for i, l := range d.lists {
		for _, w := range l {
			if keyIs(raw, w.plain) || (len(w.squeezed) >= 4 && keyIs(sq, w.squeezed)) {
				k |= 1 << i
				break
			}
		}
	}
	return k, sq
}

func hasStem(raw, sq string, d []dictWord) bool {
	for _, w := range d {
		if len(raw) >= len(w.plain) && keyIs(raw[:len(w.plain)], w.plain) {
			return true
		}
		if len(w.squeezed) >= 4 && len(sq) >= len(w.squeezed) && keyIs(sq[:len(w.squeezed)], w.squeezed) {
			return true
		}
	}
	return false
}

func hasRoot(sq string, d []dictWord) bool {
	for _, w := range d {
		if strings.Contains(sq, w.squeezed) {
			return true
		}
	}
	return false
}

// isProfanity reports whether a word key (see skeletonWord), of kind k
// and squeezed sq, is a swear word.
func (l *lexicon) isProfanity(raw string, k wordKind, sq string) bool {
	if raw == "" || l.notProfane[sq] {
		return false
	}
	return k&profaneWord != 0 || hasStem(raw, sq, l.profaneStems) || hasRoot(sq, l.profaneRoots)
}

// wordsOffence returns the id of an insult, hate speech or accusation in a
// clause: by word key (kinds holds their kinds), by a phrase in the
// skeleton, or by a word spelled out letter by letter ("s c a m").
func (l *lexicon) wordsOffence(keys []string, kinds []wordKind, sk string, ws *wordSeq) string {
	for i, k := range keys {
		if k != "" && kinds[i]&hateWord != 0 {
			return FindHateSpeech
		}
	}
	m := l.mask(ws)
	if m&l.insultPhrases.bit != 0 && l.insultPhrases.in(ws) {
		return FindInsult
	}
	if m&l.accusations.bit != 0 && l.accusations.in(ws) {
		return FindAccusation
	}
	for i, k := range keys {
		if k == "" {
			continue
		}
		if kinds[i]&accusationWord != 0 {
			return FindAccusation
		}
		if kinds[i]&insultWord != 0 {
			return FindInsult
		}
	}
	// words joined by skeleton from single letters
	for w := range strings.FieldsSeq(sk) {
		k, _ := l.words.kind(w)
		switch {
		case k&hateWord != 0:
			return FindHateSpeech
		case k&accusationWord != 0:
			return FindAccusation
		case k&insultWord != 0:
			return FindInsult
		}
	}
	return ""
}

// acronyms stay in capitals even in a shouted sentence.
var acronyms = []string{"usb", "led", "lcd", "oled", "amoled", "hdmi", "usa", "uk", "eu", "us", "id", "pdf", "gps", "ssd",
	"hdd", "ram", "rom", "cpu", "gpu", "ac", "dc", "tv", "pc", "dhl", "ups", "ems", "usps", "tnt", "sim", "nfc", "rgb",
	"xl", "xxl", "xxxl", "xs", "xxs", "ok", "cn", "diy", "lte", "fm", "am", "aux", "vat", "ddp", "faq", "ip", "bt", "hd",
	"uhd", "abs", "pvc", "pu", "aa", "aaa", "mm", "cm", "kg", "ml", "mah", "dpi", "fps", "ios", "ps", "psu", "nvme",
	"sata", "pcie", "atx", "mini", "pro", "max", "ultra", "se", "gb", "tb", "mb", "kb", "hz", "khz", "mhz", "ghz",
	"eur", "usd", "gbp", "cny", "rmb", "aliexpress", "tws", "anc", "ipx", "ip", "ce", "rohs", "fcc", "ul", "gsm",
	"wifi", "dvd", "cd", "mp", "jbl", "akg", "lg", "hp", "asus", "msi", "amd", "intel", "nasa", "bmw", "vw", "pcb",
	"ssn", "iban", "sms", "ar", "vr", "qr", "api", "sdk", "eta", "pm", "utc", "gmt"}

// commonWords are lowercased wherever they are shouted: they are never
// names or codes.
var commonWords = []string{"not", "no", "never", "nothing", "none", "yes", "now", "all", "you", "your", "the", "and",
	"bad", "why", "what", "this", "that", "it", "is", "are", "was", "were", "very", "really", "so", "still", "even",
	"wrong", "broken", "fake", "damaged", "missing", "refund", "money", "back", "want", "need", "must", "immediately",
	"asap", "today", "again", "please", "help", "order", "item", "seller", "store", "shop", "received", "arrived",
	"did", "does", "didnt", "doesnt", "dont", "cant", "wont", "isnt", "wasnt", "at", "to", "of", "in", "on", "for",
	"with", "my", "me", "we", "he", "she", "they", "them", "his", "her", "our", "their", "have", "has", "had", "be",
	"been", "do", "got", "get", "give", "send", "sent", "return", "full", "only", "just", "same", "different", "size",
	"color", "colour", "never", "ever", "always", "totally", "completely", "absolutely", "useless", "terrible",
	"horrible", "worst", "awful", "disgusting", "unacceptable", "ridiculous", "angry", "upset", "tired", "waited",
	"waiting", "days", "weeks", "months", "time", "long", "late", "nobody", "anyone", "everyone", "answer", "reply",
	"respond", "stop", "lie", "lies", "lying", "joke", "real", "original", "quality", "work", "works", "working",
	"doesn't", "don't", "can't", "won't", "isn't", "wasn't", "didn't", "i'm", "im", "its", "it's", "or", "but", "if",
	"because", "how", "when", "where", "who", "which", "there", "here", "one", "two", "three", "some", "any", "more",
	"less", "too", "much", "many", "new", "used", "old", "open", "opened", "dispute", "parcel", "package", "box",
	"delivery", "shipping", "tracking", "number", "ordered", "paid", "pay", "sold", "buy", "bought", "description",
	"listing", "picture", "pictures", "photo", "photos", "video", "scratched", "cracked", "dead", "wet", "dirty"}

// dangling words cannot end a clause: what followed them was removed.
var danglingWords = []string{"is", "are", "was", "were", "a", "an", "the", "this", "so", "such", "its", "it", "of",
	"to", "like", "very", "my", "your", "and", "or", "but", "total", "complete", "what"}

func setOf(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func buildLexicon() *lexicon {
	l := &lexicon{
		rules:         conductRules(),
		insultPhrases: newPhraseSet(insultPhrases, false),
		accusations:   newPhraseSet(accusationPhrases(), false),
		words:         newDictionaries(hateWords, insultWords, accusationWords, profaneWords),
		profaneStems:  dict(profaneStems),
		profaneRoots:  dict(profaneRoots),
		notProfane:    setOf(notProfane),
		acronyms:      setOf(acronyms),
		common:        setOf(commonWords),
		dangling:      setOf(danglingWords),
	}
	l.indexSets()
	return l
}

// suggestions say what was done and what to write instead; each is in our
// own words and, where a rule is involved, names it.
var suggestions = map[string]string{
	FindThreat: "This sentence was left out. Threats, including threats of legal steps or of going to your bank, " +
		"turn a dispute into pressure on the seller and can count against you. State what happened and the " +
		"solution you want; the platform decides on the evidence. Instead, try: \"I have opened a dispute and " +
		"attached the evidence.\"",
	FindFeedbackThreat: "This sentence was left out. Holding a bad review or rating over the seller is against the " +
		"buyer rules (Aliexpress rules for buyers, 1.1 Extortion through feedback on orders) and can get your " +
		"reviews removed and your account restricted. Once the case is settled you can review the order " +
		"honestly. Instead, try: \"I would like this settled through the dispute.\"",
	FindExtraDemand: "This sentence was left out. A dispute can only ask for what the order included: a refund, a " +
		"replacement or the missing part. Asking for gifts, extra items, discounts or compensation on top counts " +
		"as pressure on the seller. Instead, try: \"I am asking for a refund for the order.\"",
	FindOffPlatform: "This sentence was left out. Keep the conversation and any payment inside the platform: " +
		"messages and payments outside it are not protected and cannot be used in the dispute.",
	FindInsult:     "This part was left out. Insults weaken a dispute; describe the item, not the seller.",
	FindHateSpeech: "This part was left out. Hateful words are not allowed in messages on the platform.",
	FindAccusation: "This part was left out. Words like \"scammer\", \"fraud\", \"thief\" or \"liar\" accuse the " +
		"seller of more than your photos and records can show. Say what the evidence shows instead.",
	FindProfanity: "Swear words were taken out. Plain words make the case stronger.",
	FindShouting: "Capitals and runs of !!! or ??? read as shouting; the text was set in normal sentence case " +
		"with calm punctuation.",
	FindEmail: "Your email address was removed. The seller and the platform reach you through the order; the " +
		"dispute text does not need it.",
	FindPhone: "A phone number was removed. The platform already has your contact details; the dispute text " +
		"does not need them.",
	FindCard: "A payment card number was removed. Never share card numbers; the payment record from the order " +
		"page proves the payment.",
	FindIBAN: "A bank account number (IBAN) was removed. Refunds go back through the platform to the way you " +
		"paid; no account number is needed.",
	FindBankAccount: "A bank account number was removed. Refunds go back through the platform to the way you " +
		"paid; no account number is needed.",
	FindAddress: "An address was removed. The platform already has your delivery address; a return address " +
		"comes from the platform, not from the message.",
	FindIDNumber: "An identity document number was removed. Never share passport, ID or tax numbers in a " +
		"dispute; if the platform needs to verify you, it asks through its own tools.",
	FindHandle: "A messenger user name was removed. Talk with the seller in the order's messages, where the " +
		"platform can see it; the dispute text does not need it.",
	FindLink: "A link was removed. Links to other sites are not allowed in messages and are often taken for " +
		"phishing; attach a screenshot of the page instead.",
	FindTooLong: "The text was cut at 2,000 characters. Keep each part short; the photos and screenshots carry " +
		"the detail.",
	FindHidden: "Invisible or control characters were removed from the text.",
	FindEmpty: "Nothing usable was left of this part after the check. Describe it in a sentence or two of " +
		"plain facts.",
}

// wordKey returns a word key with its kind and squeezed form, as
// isProfanity takes them.
func (l *lexicon) wordKey(raw string) (string, wordKind, string) {
	k, sq := l.words.kind(raw)
	return raw, k, sq
}
