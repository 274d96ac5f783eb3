package describe

import (
	"regexp"
	"strings"
)

// The patterns below read the skeleton of a sentence (see skeleton):
// lowercase Latin words, look-alikes and leetspeak folded, apostrophes
// dropped ("ill", "dont", "youll"), one space between words.

type pattern struct {
	re *regexp.Regexp
	// ctx, when set, must also match the sentence for the pattern to count.
	ctx *regexp.Regexp
	// unless, when set, excuses the sentence.
	unless *regexp.Regexp
}

var (
	// something the buyer says they will do, or a condition
	ctxAction = rx(`\b(will|ll|shall|gonna|going to|leave|leaving|give|giving|post|posting|write|writing|rate|rating|get|gets|receive|expect|unless|or|if|otherwise|deserve|make sure|put|see)\b`)
	// a request or demand
	ctxDemand = rx(`\b(want|wants|wanted|demand|demands|demanding|expect|expecting|need|needs|deserve|deserves|owe|owes|give|send|must|should|require|requires|insist|ask|asking|like|get|add|include|provide|or|unless|otherwise|compensate|gimme|plus)\b`)
	// the thing asked for was part of the order after all
	ctxListed = rx(`\b(promised|listed|listing|description|described|advertised|stated|came with|included in|part of the order|comes with|package contents|was supposed|supposed to|in the box|in the package|i paid for|i ordered|used|applied|redeemed|paid with)\b`)
	// future or conditional: a legal step announced as pressure
	ctxFuture = rx(`\b(will|ll|shall|gonna|going to|unless|if you|or i|or else|otherwise|threaten|next step|have no choice|no other choice)\b`)
)

var conductPatterns = []struct {
	id string
	p  pattern
}{
	// A bad review or rating held over the seller.
	{FindFeedbackThreat, pattern{re: rx(`\b(neg|negative|bad|low|lowest|poor|terrible|horrible|awful|worst|angry|nasty|scathing|brutal|harsh|honest|real|truthful|1|one|i|zero|0|o|2|two|single|minimum|minimal)( star| stars|star|stars| star rating)?( \w+){0,2} (feedback|feedbacks|review|reviews|rating|ratings|comment|comments|score|evaluation|evaluations|rate)\b`), ctx: ctxAction}},
	{FindFeedbackThreat, pattern{re: rx(`\b(1|one|zero|0|no|single|2|two|i|o) ?stars?\b`), ctx: ctxAction}},
	{FindFeedbackThreat, pattern{re: rx(`\b(ruin|ruins|ruining|destroy|destroying|damage|damaging|tank|tanking|kill|killing|wreck|wrecking|hurt|hurting|lower|lowering|drop|dropping|trash|trashing|tarnish|smear)( \w+){0,3} (rating|ratings|reputation|score|stars|store|shop|business|feedback|name|account)\b`)}},
	{FindFeedbackThreat, pattern{re: rx(`\b(tell|telling|warn|warning|inform|alert)( \w+){0,2} (everyone|everybody|all buyers|other buyers|others|other customers|the world|all my friends|my followers|the internet|people|every buyer)\b`), ctx: ctxFuture}},
	{FindFeedbackThreat, pattern{re: rx(`\b(post|posting|share|sharing|expose|exposing|publish|upload)\w*( \w+){0,5} (social media|facebook|instagram|tiktok|youtube|twitter|reddit|online|internet|forum|forums|trustpilot)\b`), ctx: ctxFuture}},
	{FindFeedbackThreat, pattern{re: rx(`\b(review|reviews|feedback|rating|ratings|stars?)\b.*\b(unless|if you dont|if you do not|if you wont|if you refuse|or else|otherwise|if not)\b`)}},
	{FindFeedbackThreat, pattern{re: rx(`\b(unless|if you dont|if you do not|if you wont|if you refuse|or else|otherwise|if not)\b.*\b(review|reviews|feedback|rating|ratings|stars?)\b`)}},
	{FindFeedbackThreat, pattern{re: rx(`\b(remove|change|update|delete|improve|raise|fix)( \w+){0,2} (my )?(negative |bad |1 star |one star )?(feedback|review|rating)\b.*\b(if|when|after|once|only)\b`)}},

	// Threats of harm, of legal or bank action as pressure, and ultimatums.
	{FindThreat, pattern{re: rx(`\b(or else|you will regret|youll regret|you will be sorry|youll be sorry|you will pay for|youll pay for|watch out|watch your back|i know where you|i know who you|last warning|final warning|you have been warned|youve been warned|be warned|you better|you had better|youd better|or you will see|or youll see|you will see what|youll see what|mark my words|dont make me)\b`)}},
	{FindThreat, pattern{re: rx(`\b(i|we|my family|my brother|my friends|my husband|my wife)( \w+)? (will|ll|shall|am going to|m going to|are going to|re going to|gonna|am gonna|m gonna|would|d|can|could|might|plan to|intend to|threaten to|promise to|swear to)( \w+){0,2} (sue|kill|hurt|beat|destroy you|destroy your|ruin you|ruin your|punish|hunt|find you|track you|come for|come after|expose|shame|report you|report your|report the seller|report this seller|report them|report the store|report this store|report the shop|report this shop|report u|make you pay|make you regret|get you|get even)\b`)}},
	{FindThreat, pattern{re: rx(`\b(sue|suing|lawsuit|legal action|legal steps|take legal|lawyer|lawyers|attorney|solicitor|court|courts|police|cops|fbi|interpol|consumer protection|ombudsman|trading standards|chargeback|charge back|charging back|block (my|the) card|reverse the (payment|charge)|(go to|contact|call|complain to|tell|ask) (my|the) (bank|card issuer|paypal)|report (you|your|u|the seller|this seller|the store|this store|the shop|this shop)|ban your|get you banned|shut down your|close your (store|shop))\b`), ctx: ctxFuture}},
	{FindThreat, pattern{re: rx(`\b(kill|murder|beat|hurt|burn|stab|shoot|punch|slap|strangle)( \w+)? (you|u|him|her|them|your|ur|the seller|this seller|ya)\b`)}},
	{FindThreat, pattern{re: rx(`\b(hope you die|go die|drop dead|you will die|youll die|i will find you|ill find you|i know your address|i know where)\b`)}},

	// Asking for more than the order included.
	{FindExtraDemand, pattern{re: rx(`\b(free|extra|additional|bonus|complimentary|another free|second free)( \w+){0,2} (item|items|gift|gifts|product|products|case|cases|cover|covers|headphones|earphones|earbuds|accessory|accessories|charger|chargers|cable|cables|unit|units|piece|pieces|sample|samples|stuff|thing|things|present|presents|one|ones|set|sets|pair|pairs|battery|batteries|bag|bags|strap|straps|gadget|toy|toys|shipping)\b`), ctx: ctxDemand, unless: ctxListed}},
	{FindExtraDemand, pattern{re: rx(`\b(discount|discounts|coupon|coupons|voucher|vouchers|promo code|promo codes|promocode|gift card|giftcard|gift cards|store credit|cashback|cash back|bonus|bonuses|coins|freebie|freebies)\b`), ctx: ctxDemand, unless: ctxListed}},
	{FindExtraDemand, pattern{re: rx(`\b(send|give|want|deserve|owe|owes|get) (me )?(a|an|some|another)? ?(gift|gifts|present|presents)\b`), unless: ctxListed}},
	{FindExtraDemand, pattern{re: rx(`\b(compensation|compensate|compensated|damages)\b.*\b(time|trouble|inconvenience|stress|wait|waiting|hassle|effort|nerves|suffering|troubles|disappointment|emotional)\b`)}},
	{FindExtraDemand, pattern{re: rx(`\b(time|trouble|inconvenience|stress|wait|waiting|hassle|effort|nerves|suffering)\b.*\b(compensation|compensate|compensated)\b`)}},
	{FindExtraDemand, pattern{re: rx(`\b(for my trouble|for the trouble|for the inconvenience|for my inconvenience|for wasting my time|for my time|for my wait|for the wait|for my nerves)\b`)}},
	{FindExtraDemand, pattern{re: rx(`\b(on top|in addition to (the|a|my) refund|as well as (the|a|my) refund|plus (a|the|my) (full )?refund|refund (and|plus) (a|an|the)? ?(gift|discount|coupon|extra|free|bonus)|double refund|refund twice|twice the price|twice what i paid|double the (price|money|amount)|more than i paid|keep (the|both|all) items? and (a|the|get)? ?(full )?refund)\b`)}},
	{FindExtraDemand, pattern{re: rx(`\b(next order|next orders|future order|future orders|next purchase|future purchases)\b`), ctx: ctxDemand}},

	// Moving the talk or the money off the platform.
	{FindOffPlatform, pattern{re: rx(`\b(whatsapp|whats app|telegram|wechat|we chat|viber|skype|signal app|line app|email me|e mail me|mail me|call me|text me|dm me|message me on|contact me on|contact me at|contact me via|reach me on|reach me at|paypal me|pay me directly|pay me outside|send money directly|bank transfer|wire transfer|western union|moneygram|outside (aliexpress|the platform|the app|the site)|off the platform)\b`)}},
	{FindOffPlatform, pattern{re: rx(`\b(call|phone|text|ring|message|contact|reach|write|mail|email|sms)( me| us)?( at| on| to| via| under)? (phone number removed|email removed)\b`)}},
}

// conduct returns the id of the first conduct problem in a sentence's
// skeleton, or "". In the "requested" field every sentence is a request,
// so a demand needs no demanding word around it.
func conduct(sk string, field Field) string {
	for _, c := range conductPatterns {
		asked := field == FieldRequested && c.id == FindExtraDemand
		if c.p.re.MatchString(sk) && (c.p.ctx == nil || asked || c.p.ctx.MatchString(sk)) &&
			(c.p.unless == nil || !c.p.unless.MatchString(sk)) {
			return c.id
		}
	}
	return ""
}

// Words are compared by their squeezed key (see squeeze): a key matches a
// dictionary word when it has the same letters, where a '*' in the key
// stands for any one letter ("f*ck", "sh*t").

var hateWords = dict("nigger", "niggers", "nigga", "niggas", "faggot", "faggots", "fag", "fags", "chink", "chinks",
	"chinaman", "spic", "spics", "kike", "kikes", "tranny", "gook", "gooks", "wetback", "raghead", "paki", "pakis",
	"subhuman", "untermensch", "ching chong", "chingchong")

var insultWords = dict("idiot", "idiots", "idiotic", "moron", "morons", "moronic", "stupid", "stupidity", "dumb",
	"dumbass", "dumbo", "imbecile", "imbeciles", "loser", "losers", "clown", "clowns", "pig", "pigs", "swine", "scum",
	"scumbag", "scumbags", "trash", "garbage", "crap", "crappy", "pathetic", "jerk", "jerks", "cretin", "cretins",
	"halfwit", "dimwit", "nitwit", "retard", "retarded", "retards", "disgusting", "shameless", "slut", "whore",
	"whores", "pussy", "vermin", "parasite", "parasites", "incompetent", "worthless",
	"bastard", "bastards", "bitch", "bitches", "asshole", "assholes", "arsehole", "dickhead", "dickheads", "prick",
	"pricks", "twat", "twats", "wanker", "wankers", "cunt", "cunts", "motherfucker", "motherfuckers", "sucker", "suckers")

var accusationWords = dict("scam", "scams", "scammer", "scammers", "scamming", "scammed", "scamer", "fraud", "frauds",
	"fraudster", "fraudsters", "fraudulent", "thief", "thieves", "thieving", "liar", "liars", "cheat", "cheats",
	"cheater", "cheaters", "cheating", "cheated", "crook", "crooks", "criminal", "criminals", "swindler",
	"swindlers", "swindle", "swindled", "conman", "conmen", "robber", "robbers", "robbed", "robbery", "ripoff",
	"ripoffs", "mafia", "thug", "thugs", "gangster", "gangsters", "shady", "dishonest", "deceiver", "deceitful",
	"extortion", "extortionist", "racketeer", "hustler", "hustlers")

var reAccusation = rx(`\b(rip(ped|ping)? (me )?off|con artists?|con man|con men|you (stole|steal|are stealing|re stealing|lied|lie|are lying|re lying|cheated|robbed|deceived|tricked|conned)|(seller|store|shop|they|he|she|company) (stole|steals|is stealing|lied|lies|is lying|are lying|cheated|robbed|deceived|tricked|conned)|stole my|steal(ing)? my|fake (seller|store|shop|company|business|sellers|stores)|(are|is|you|u|seller|store) (a )?(bunch of )?(liars?|thieves|crooks|criminals|scammers?|frauds?))\b`)

var reInsultPhrase = rx(`\b(shame on (you|u|this seller|the seller|your store)|go to hell|burn in hell|rot in hell|to hell with|get lost|screw you|screw u|kiss my|piss off|suck it|you suck|u suck|fuck you|fuck u|fuck off|fuck yourself|fck you|fk you|f you|f u|stfu|shut up|drop dead|son of a|what is wrong with you|are you blind|are you stupid|learn to read)\b`)

// profanity: whole words, stems that may take an ending and roots that
// may sit inside a word ("bullshit").
var (
	profaneWords = dict("damn", "dammit", "damnit", "goddamn", "goddammit", "ass", "arse", "asses", "dick", "dicks",
		"cock", "cocks", "bloody", "bollocks", "bollox", "tits", "hell", "wtf", "stfu", "omfg", "ffs", "fk", "fkn",
		"fkin", "fking", "fuk", "fuking", "fukin", "fuked", "fuker", "fcuk", "fcking", "piss", "pissed", "pissing",
		"crap", "crappy", "bugger", "sod", "frigging", "friggin", "effing", "shite", "shitty", "arsed", "douche",
		"douchebag", "jackass", "dipshit", "prick", "twat", "wank", "wanker", "wanking", "motherfucking", "mf", "mofo",
		"bs")
	profaneStems = dict("fuck", "fck", "shit", "bullshit", "bitch", "bastard", "asshole", "arsehole", "cunt",
		"dickhead", "motherfuck", "wank", "twat", "bollock", "fucc", "phuck", "phuk")
	profaneRoots = dict("fuck", "shit")
)

// profanity that is too short or too common to match inside other words
var notProfane = map[string]bool{"shitake": true, "shitakes": true}

type dictWord struct{ plain, squeezed string }

func dict(words ...string) []dictWord {
	out := make([]dictWord, len(words))
	for i, w := range words {
		w = strings.ReplaceAll(w, " ", "")
		out[i] = dictWord{w, squeeze(w)}
	}
	return out
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

// A raw key (runs cut to two letters) is compared with the word as
// written; its squeezed form with the squeezed word, but only for words
// whose squeezed form is four letters or more ("ass" squeezed is "as").

func inDict(raw string, d []dictWord) bool {
	sq := squeeze(raw)
	for _, w := range d {
		if keyIs(raw, w.plain) || (len(w.squeezed) >= 4 && keyIs(sq, w.squeezed)) {
			return true
		}
	}
	return false
}

func hasStem(raw string, d []dictWord) bool {
	sq := squeeze(raw)
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

func hasRoot(raw string, d []dictWord) bool {
	sq := squeeze(raw)
	for _, w := range d {
		if strings.Contains(sq, w.squeezed) {
			return true
		}
	}
	return false
}

// isProfanity reports whether a word key (see skeletonWord) is a swear
// word.
func isProfanity(raw string) bool {
	if raw == "" || notProfane[squeeze(raw)] {
		return false
	}
	return inDict(raw, profaneWords) || hasStem(raw, profaneStems) || hasRoot(raw, profaneRoots)
}

// wordsOffence returns the id of an insult, hate speech or accusation in a
// clause: by word key, by a phrase in the skeleton, or by a word spelled
// out letter by letter ("s c a m").
func wordsOffence(words, keys []string, sk string) string {
	for _, k := range keys {
		if k == "" {
			continue
		}
		if inDict(k, hateWords) {
			return FindHateSpeech
		}
	}
	if reInsultPhrase.MatchString(sk) {
		return FindInsult
	}
	if reAccusation.MatchString(sk) {
		return FindAccusation
	}
	for _, k := range keys {
		if k == "" {
			continue
		}
		if inDict(k, accusationWords) {
			return FindAccusation
		}
		if inDict(k, insultWords) {
			return FindInsult
		}
	}
	// words joined by skeleton from single letters
	for _, k := range strings.Fields(sk) {
		switch {
		case inDict(k, hateWords):
			return FindHateSpeech
		case inDict(k, accusationWords):
			return FindAccusation
		case inDict(k, insultWords):
			return FindInsult
		}
	}
	return ""
}

// acronyms stay in capitals even in a shouted sentence.
var acronyms = setOf("usb", "led", "lcd", "oled", "amoled", "hdmi", "usa", "uk", "eu", "us", "id", "pdf", "gps", "ssd",
	"hdd", "ram", "rom", "cpu", "gpu", "ac", "dc", "tv", "pc", "dhl", "ups", "ems", "usps", "tnt", "sim", "nfc", "rgb",
	"xl", "xxl", "xxxl", "xs", "xxs", "ok", "cn", "diy", "lte", "fm", "am", "aux", "vat", "ddp", "faq", "ip", "bt", "hd",
	"uhd", "abs", "pvc", "pu", "aa", "aaa", "mm", "cm", "kg", "ml", "mah", "dpi", "fps", "ios", "ps", "psu", "nvme",
	"sata", "pcie", "atx", "mini", "pro", "max", "ultra", "se", "gb", "tb", "mb", "kb", "hz", "khz", "mhz", "ghz",
	"eur", "usd", "gbp", "cny", "rmb", "aliexpress", "tws", "anc", "ipx", "ip", "ce", "rohs", "fcc", "ul", "gsm",
	"wifi", "dvd", "cd", "mp", "jbl", "akg", "lg", "hp", "asus", "msi", "amd", "intel", "nasa", "bmw", "vw", "pcb",
	"ssn", "iban", "sms", "ar", "vr", "qr", "api", "sdk", "eta", "pm", "utc", "gmt")

// commonWords are lowercased wherever they are shouted: they are never
// names or codes.
var commonWords = setOf("not", "no", "never", "nothing", "none", "yes", "now", "all", "you", "your", "the", "and",
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
	"listing", "picture", "pictures", "photo", "photos", "video", "scratched", "cracked", "dead", "wet", "dirty")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
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
	FindInsult: "This part was left out. Insults weaken a dispute; describe the item, not the seller. Instead, " +
		"try: \"The item does not match what I ordered.\"",
	FindHateSpeech: "This part was left out. Hateful words are not allowed in messages on the platform.",
	FindAccusation: "This part was left out. Words like \"scammer\", \"fraud\", \"thief\" or \"liar\" accuse the " +
		"seller of more than your photos and records can show. Say what the evidence shows instead, for " +
		"example: \"The item I received is different from the listing; the photos show the difference.\"",
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
	FindLink: "A link was removed. Links to other sites are not allowed in messages and are often taken for " +
		"phishing; attach a screenshot of the page instead.",
	FindTooLong: "The text was cut at 2,000 characters. Keep each part short; the photos and screenshots carry " +
		"the detail.",
	FindHidden: "Invisible or control characters were removed from the text.",
	FindEmpty: "Nothing usable was left of this part after the check. Describe it in a sentence or two of " +
		"plain facts.",
}
