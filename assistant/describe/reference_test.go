package describe

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
)

// The tone check used to be written with regular expressions. It now
// matches by hand and by word lookups, which must find what the regular
// expressions found (the conduct rules at least that, see sameAsReference):
// the tests in this file replay the hostile, calm and fuzz corpora, and any
// fuzz input, through both. The regular expressions are compiled inside the
// tests, never at init.

var refSplit = sync.OnceValues(func() (sentence, clause *regexp.Regexp) {
	return regexp.MustCompile(`[.!?…。！？]+(?:\s+|$)|\n+`), regexp.MustCompile(`[,;:，；：]\s+|\s+[-–—]+\s+`)
})

func refSplitSentences(s string) []sentence {
	re, _ := refSplit()
	var out []sentence
	last := 0
	for _, m := range re.FindAllStringIndex(s, -1) {
		out = append(out, sentence{s[last:m[0]], strings.TrimSpace(s[m[0]:m[1]])})
		last = m[1]
	}
	if last < len(s) {
		out = append(out, sentence{s[last:], ""})
	}
	return out
}

func refSplitClauses(s string) []clause {
	_, re := refSplit()
	var out []clause
	last := 0
	for _, m := range re.FindAllStringIndex(s, -1) {
		out = append(out, clause{s[last:m[0]], strings.TrimSpace(s[m[0]:m[1]])})
		last = m[1]
	}
	return append(out, clause{s[last:], ""})
}

// refLexicon is the regular expressions of the tone check before it
// matched words by lookup (lexicon.go at commit 2ef1c17).
type refLexicon struct {
	ctxAction, ctxDemand, ctxListed, ctxFuture *regexp.Regexp
	conduct                                    []refPattern
	accusation, insultPhrase                   *regexp.Regexp
}

type refPattern struct {
	id              string
	re, ctx, unless *regexp.Regexp
}

var refLex = sync.OnceValue(func() *refLexicon {
	rx := regexp.MustCompile
	r := &refLexicon{
		ctxAction:    rx(`\b(will|ll|shall|gonna|going to|leave|leaving|give|giving|post|posting|write|writing|rate|rating|get|gets|receive|expect|unless|or|if|otherwise|deserve|make sure|put|see)\b`),
		ctxDemand:    rx(`\b(want|wants|wanted|demand|demands|demanding|expect|expecting|need|needs|deserve|deserves|owe|owes|give|send|must|should|require|requires|insist|ask|asking|like|get|add|include|provide|or|unless|otherwise|compensate|gimme|plus)\b`),
		ctxListed:    rx(`\b(promised|listed|listing|description|described|advertised|stated|came with|included in|part of the order|comes with|package contents|was supposed|supposed to|in the box|in the package|i paid for|i ordered|used|applied|redeemed|paid with)\b`),
		ctxFuture:    rx(`\b(will|ll|shall|gonna|going to|unless|if you|or i|or else|otherwise|threaten|next step|have no choice|no other choice)\b`),
		accusation:   rx(`\b(rip(ped|ping)? (me )?off|con artists?|con man|con men|you (stole|steal|are stealing|re stealing|lied|lie|are lying|re lying|cheated|robbed|deceived|tricked|conned)|(seller|store|shop|they|he|she|company) (stole|steals|is stealing|lied|lies|is lying|are lying|cheated|robbed|deceived|tricked|conned)|stole my|steal(ing)? my|fake (seller|store|shop|company|business|sellers|stores)|(are|is|you|u|seller|store) (a )?(bunch of )?(liars?|thieves|crooks|criminals|scammers?|frauds?))\b`),
		insultPhrase: rx(`\b(shame on (you|u|this seller|the seller|your store)|go to hell|burn in hell|rot in hell|to hell with|get lost|screw you|screw u|kiss my|piss off|suck it|you suck|u suck|fuck you|fuck u|fuck off|fuck yourself|fck you|fk you|f you|f u|stfu|shut up|drop dead|son of a|what is wrong with you|are you blind|are you stupid|learn to read)\b`),
	}
	r.conduct = []refPattern{
		// A bad review or rating held over the seller.
		{id: FindFeedbackThreat, re: rx(`\b(neg|negative|bad|low|lowest|poor|terrible|horrible|awful|worst|angry|nasty|scathing|brutal|harsh|honest|real|truthful|1|one|i|zero|0|o|2|two|single|minimum|minimal)( star| stars|star|stars| star rating)?( \w+){0,2} (feedback|feedbacks|review|reviews|rating|ratings|comment|comments|score|evaluation|evaluations|rate)\b`), ctx: r.ctxAction},
		{id: FindFeedbackThreat, re: rx(`\b(1|one|zero|0|no|single|2|two|i|o) ?stars?\b`), ctx: r.ctxAction},
		{id: FindFeedbackThreat, re: rx(`\b(ruin|ruins|ruining|destroy|destroying|damage|damaging|tank|tanking|kill|killing|wreck|wrecking|hurt|hurting|lower|lowering|drop|dropping|trash|trashing|tarnish|smear)( \w+){0,3} (rating|ratings|reputation|score|stars|store|shop|business|feedback|name|account)\b`)},
		{id: FindFeedbackThreat, re: rx(`\b(tell|telling|warn|warning|inform|alert)( \w+){0,2} (everyone|everybody|all buyers|other buyers|others|other customers|the world|all my friends|my followers|the internet|people|every buyer)\b`), ctx: r.ctxFuture},
		{id: FindFeedbackThreat, re: rx(`\b(post|posting|share|sharing|expose|exposing|publish|upload)\w*( \w+){0,5} (social media|facebook|instagram|tiktok|youtube|twitter|reddit|online|internet|forum|forums|trustpilot)\b`), ctx: r.ctxFuture},
		{id: FindFeedbackThreat, re: rx(`\b(review|reviews|feedback|rating|ratings|stars?)\b.*\b(unless|if you dont|if you do not|if you wont|if you refuse|or else|otherwise|if not)\b`)},
		{id: FindFeedbackThreat, re: rx(`\b(unless|if you dont|if you do not|if you wont|if you refuse|or else|otherwise|if not)\b.*\b(review|reviews|feedback|rating|ratings|stars?)\b`)},
		{id: FindFeedbackThreat, re: rx(`\b(remove|change|update|delete|improve|raise|fix)( \w+){0,2} (my )?(negative |bad |1 star |one star )?(feedback|review|rating)\b.*\b(if|when|after|once|only)\b`)},

		// Threats of harm, of legal or bank action as pressure, and ultimatums.
		{id: FindThreat, re: rx(`\b(or else|you will regret|youll regret|you will be sorry|youll be sorry|you will pay for|youll pay for|watch out|watch your back|i know where you|i know who you|last warning|final warning|you have been warned|youve been warned|be warned|you better|you had better|youd better|or you will see|or youll see|you will see what|youll see what|mark my words|dont make me)\b`)},
		{id: FindThreat, re: rx(`\b(i|we|my family|my brother|my friends|my husband|my wife)( \w+)? (will|ll|shall|am going to|m going to|are going to|re going to|gonna|am gonna|m gonna|would|d|can|could|might|plan to|intend to|threaten to|promise to|swear to)( \w+){0,2} (sue|kill|hurt|beat|destroy you|destroy your|ruin you|ruin your|punish|hunt|find you|track you|come for|come after|expose|shame|report you|report your|report the seller|report this seller|report them|report the store|report this store|report the shop|report this shop|report u|make you pay|make you regret|get you|get even)\b`)},
		{id: FindThreat, re: rx(`\b(sue|suing|lawsuit|legal action|legal steps|take legal|lawyer|lawyers|attorney|solicitor|court|courts|police|cops|fbi|interpol|consumer protection|ombudsman|trading standards|chargeback|charge back|charging back|block (my|the) card|reverse the (payment|charge)|(go to|contact|call|complain to|tell|ask) (my|the) (bank|card issuer|paypal)|report (you|your|u|the seller|this seller|the store|this store|the shop|this shop)|ban your|get you banned|shut down your|close your (store|shop))\b`), ctx: r.ctxFuture},
		{id: FindThreat, re: rx(`\b(kill|murder|beat|hurt|burn|stab|shoot|punch|slap|strangle)( \w+)? (you|u|him|her|them|your|ur|the seller|this seller|ya)\b`)},
		{id: FindThreat, re: rx(`\b(hope you die|go die|drop dead|you will die|youll die|i will find you|ill find you|i know your address|i know where)\b`)},

		// Asking for more than the order included.
		{id: FindExtraDemand, re: rx(`\b(free|extra|additional|bonus|complimentary|another free|second free)( \w+){0,2} (item|items|gift|gifts|product|products|case|cases|cover|covers|headphones|earphones|earbuds|accessory|accessories|charger|chargers|cable|cables|unit|units|piece|pieces|sample|samples|stuff|thing|things|present|presents|one|ones|set|sets|pair|pairs|battery|batteries|bag|bags|strap|straps|gadget|toy|toys|shipping)\b`), ctx: r.ctxDemand, unless: r.ctxListed},
		{id: FindExtraDemand, re: rx(`\b(discount|discounts|coupon|coupons|voucher|vouchers|promo code|promo codes|promocode|gift card|giftcard|gift cards|store credit|cashback|cash back|bonus|bonuses|coins|freebie|freebies)\b`), ctx: r.ctxDemand, unless: r.ctxListed},
		{id: FindExtraDemand, re: rx(`\b(send|give|want|deserve|owe|owes|get) (me )?(a|an|some|another)? ?(gift|gifts|present|presents)\b`), unless: r.ctxListed},
		{id: FindExtraDemand, re: rx(`\b(compensation|compensate|compensated|damages)\b.*\b(time|trouble|inconvenience|stress|wait|waiting|hassle|effort|nerves|suffering|troubles|disappointment|emotional)\b`)},
		{id: FindExtraDemand, re: rx(`\b(time|trouble|inconvenience|stress|wait|waiting|hassle|effort|nerves|suffering)\b.*\b(compensation|compensate|compensated)\b`)},
		{id: FindExtraDemand, re: rx(`\b(for my trouble|for the trouble|for the inconvenience|for my inconvenience|for wasting my time|for my time|for my wait|for the wait|for my nerves)\b`)},
		{id: FindExtraDemand, re: rx(`\b(on top|in addition to (the|a|my) refund|as well as (the|a|my) refund|plus (a|the|my) (full )?refund|refund (and|plus) (a|an|the)? ?(gift|discount|coupon|extra|free|bonus)|double refund|refund twice|twice the price|twice what i paid|double the (price|money|amount)|more than i paid|keep (the|both|all) items? and (a|the|get)? ?(full )?refund)\b`)},
		{id: FindExtraDemand, re: rx(`\b(next order|next orders|future order|future orders|next purchase|future purchases)\b`), ctx: r.ctxDemand},

		// Moving the talk or the money off the platform.
		{id: FindOffPlatform, re: rx(`\b(whatsapp|whats app|telegram|wechat|we chat|viber|skype|signal app|line app|email me|e mail me|mail me|call me|text me|dm me|message me on|contact me on|contact me at|contact me via|reach me on|reach me at|paypal me|pay me directly|pay me outside|send money directly|bank transfer|wire transfer|western union|moneygram|outside (aliexpress|the platform|the app|the site)|off the platform)\b`)},
		{id: FindOffPlatform, re: rx(`\b(call|phone|text|ring|message|contact|reach|write|mail|email|sms)( me| us)?( at| on| to| via| under)? (phone number removed|email removed)\b`)},
	}
	return r
})

// englishLexicon is the lexicon of lexicons/en.txt alone: the English
// rules and phrases, which must match exactly where the expressions did.
var englishLexicon = sync.OnceValue(func() *lexicon { return buildLexiconOf(lexiconText, []string{"en"}) })

// refComparable reports a text that the expressions read as the tone
// check does. The expressions read words of ASCII letters (\b, \w); the
// check reads words of any script, by their script (a Cyrillic word stays
// Cyrillic, Hebrew final letters are read as the ordinary ones, "ğ" as g)
// and cuts an elided French or Italian article ("l'arnaque") from its
// word. Text with such letters or elisions is left to the case files under
// testdata/tone.
func refComparable(s string) bool {
	for _, f := range strings.FieldsFunc(s, skeletonCut) {
		if elision(f) > 0 {
			return false
		}
	}
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		if unicode.IsLetter(r) {
			if r == 'ğ' || r == 'Ğ' || unicode.In(r, unicode.Cyrillic, unicode.Hebrew, unicode.Hangul) {
				return false
			}
			if foldLetter(r) >= 0x80 {
				return false // a letter the old reading cut words at
			}
		}
	}
	return true
}

// refConduct is conduct as it was.
func refConduct(sk string, field Field) string {
	for _, c := range refLex().conduct {
		asked := field == FieldRequested && c.id == FindExtraDemand
		if c.re.MatchString(sk) && (c.ctx == nil || asked || c.ctx.MatchString(sk)) &&
			(c.unless == nil || !c.unless.MatchString(sk)) {
			return c.id
		}
	}
	return ""
}

// refSkeleton, refSkeletonWord and refSqueeze are skeleton,
// skeletonWord and squeeze as they were.
func refSkeleton(s string) string {
	var out []string
	var singles []string
	flush := func() {
		if len(singles) >= 3 {
			out = append(out, strings.Join(singles, ""))
		} else {
			out = append(out, singles...)
		}
		singles = singles[:0]
	}
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '_' || r == '/' || r == ',' || r == ';' ||
			r == ':' || r == '(' || r == ')' || r == '"' || r == '[' || r == ']' || r == '{' || r == '}'
	}) {
		w := refSkeletonWord(tok)
		if w == "" {
			continue
		}
		if len(w) == 1 && w[0] >= 'a' && w[0] <= 'z' {
			singles = append(singles, w)
			continue
		}
		flush()
		out = append(out, w)
	}
	flush()
	return strings.Join(out, " ")
}

func refSkeletonWord(tok string) string {
	tok = strings.Trim(tok, ".,!?;:'\"`’‘“”")
	for len(tok) > 1 && tok[0] == '#' && hashtag(tok[1:]) { // since: a hashtag's word is read
		tok = strings.TrimLeft(tok[1:], ".,!?;:'\"`’‘“”")
	}
	letters := 0
	for _, r := range tok {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range tok {
		switch {
		case unicode.IsLetter(r):
			r = foldLetter(r)
		case letters >= 2 && leet(r) != 0:
			r = leet(r)
		case unicode.IsDigit(r):
			if r > '9' {
				r = '?'
			}
		case r == '*' || r == '#':
			if letters == 0 {
				continue
			}
			r = '*'
		case unicode.Is(unicode.Mn, r):
			continue
		default:
			continue
		}
		if r == last {
			if run++; run >= 2 {
				continue
			}
		} else {
			last, run = r, 0
		}
		b.WriteRune(r)
	}
	return b.String()
}

func refSqueeze(s string) string {
	var b strings.Builder
	var last rune = -1
	for _, r := range s {
		if r != last || r == '*' {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

var refRegexps sync.Map

// refRegexp compiles an expression once for the tests, apart from the
// finders' own copies.
func refRegexp(src string) *regexp.Regexp {
	if re, ok := refRegexps.Load(src); ok {
		return re.(*regexp.Regexp)
	}
	re, _ := refRegexps.LoadOrStore(src, regexp.MustCompile(src))
	return re.(*regexp.Regexp)
}

// sameAsReference reports, for one story field, the first place where
// the tone check's matching differs from the regular expressions.
func sameAsReference(t *testing.T, text string) {
	t.Helper()
	s := normalize(text).text
	for _, in := range []string{text, s} {
		if !refComparable(in) {
			continue
		}
		if got, want := skeleton(in), refSkeleton(in); got != want {
			t.Fatalf("skeleton(%q) = %q, want %q", in, got, want)
		}
		if got, want := squeeze(in), refSqueeze(in); got != want {
			t.Fatalf("squeeze(%q) = %q, want %q", in, got, want)
		}
		for _, w := range strings.Fields(in) {
			if got, want := skeletonWord(w), refSkeletonWord(w); got != want && elision(w) == 0 {
				t.Fatalf("skeletonWord(%q) = %q, want %q", w, got, want)
			}
			if got, want := squeeze(w), refSqueeze(w); got != want {
				t.Fatalf("squeeze(%q) = %q, want %q", w, got, want)
			}
		}
	}
	pieces := []string{text, s}
	for _, sent := range splitSentences(s) {
		pieces = append(pieces, sent.text)
		for _, cl := range splitClauses(sent.text) {
			pieces = append(pieces, cl.text)
		}
	}
	l, ref := englishLexicon(), refLex()
	var ws wordSeq
	for _, p := range pieces {
		if !refComparable(p) {
			continue
		}
		sk := refSkeleton(p)
		ws.read(p)
		l.mark(&ws)
		// The rules have grown past the expressions ("I'll", the contraction
		// they read as a word of its own, and constructions they never had):
		// what the expressions found must still be found, under the same id;
		// what the rules find beyond them is held by the case files and the
		// corpus, calm stories included.
		for _, f := range []Field{FieldDifference, FieldRequested} { // the other fields are read as difference is
			if got, _ := l.conduct(&ws, f); refConduct(sk, f) != "" && got != refConduct(sk, f) {
				t.Fatalf("conduct(%q, %s) = %q, want %q", sk, f, got, refConduct(sk, f))
			}
		}
		// "stfu", the one phrase of a single word, is a word of [insult] now
		if got, want := l.phrases[kindIndex(insultWord)].in(&ws) || slices.Contains(ws.w, "stfu"), ref.insultPhrase.MatchString(sk); got != want {
			t.Fatalf("insult phrase in %q: %v, want %v", sk, got, want)
		}
		if got, want := l.phrases[kindIndex(accusationWord)].in(&ws), ref.accusation.MatchString(sk); got != want {
			t.Fatalf("accusation phrase in %q: %v, want %v", sk, got, want)
		}
	}
	// Personal data is no longer found by regular expressions: the
	// scanner (personal.go) has its own tests (personal_test.go).
	for _, in := range []string{text, s} {
		if got, want := splitSentences(in), refSplitSentences(in); !slices.Equal(got, want) {
			t.Fatalf("splitSentences(%q)\n got %q\nwant %q", in, got, want)
		}
		if got, want := splitClauses(in), refSplitClauses(in); !slices.Equal(got, want) {
			t.Fatalf("splitClauses(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

// referenceCorpus is every story text the tests know, plus texts made to
// sit on the edges of the matchers.
func referenceCorpus(t testing.TB) []string {
	var out []string
	for _, c := range readJSONL[hostileCase](t, "testdata/hostile.jsonl") {
		out = append(out, c.Text)
	}
	for _, c := range readJSONL[hostileCase](t, "testdata/calm.jsonl") {
		out = append(out, c.Text)
	}
	for _, s := range goldenStories {
		out = append(out, s.Ordered, s.Received, s.Difference, s.Requested)
	}
	// FuzzToneCheck's corpus: mixed scripts, long text, what fuzzing found
	files, _ := filepath.Glob("testdata/fuzz/FuzzToneCheck/*")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		_, lit, _ := strings.Cut(strings.TrimSpace(string(data)), "\nstring(")
		s, err := strconv.Unquote(strings.TrimSuffix(lit, ")"))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, s)
	}
	return append(out, referenceEdges...)
}

var referenceEdges = []string{
	"", " ", "\n", "a", ".", "...", "e.g. this", "3.5 kg. Then", "Why?!? Now.\n\nNext", "end…", "終わり。次",
	"a , b ,c; d: e - f -- g —h – i ‒ j", "x -\n y", "x  -  y", "x\n-\ny", "a,\tb", "a ,", "a -", "- a",
	"\xff. \xfe, x", "a.\u00a0b",
	// words glued, split by a star or a letter that is not ASCII, spaced twice
	"I will leave 1star feedback", "i will give onestars", "or i give a 1 star rating", "send me agift",
	"send gift please", "refund and agift", "keep the items and afull refund", "keep both item and refund",
	"I will sue* you", "I will sue you", "i will  sue", "i wіll sue", "you SCAMMER", "f*ck you", "fuck  you",
	"review if not", "if not, review", "review.if not", "reviewif not", "posted it all over on facebook if you",
	"postit on my tiktok", "posting this on my tiktok, unless", "I want a free gift as listed",
	"I want a free gift", "compensation for my time", "my time deserves compensation", "call me at [phone number removed]",
	"reach us via [email removed]", "I will change my 1 star review once refunded", "i my will sue",
	"we really will hunt", "i am going to really sue", "I'm gonna report this shop", "I'll contact my bank",
	"or I go to the bank", "you ripped me off", "rip off", "are a bunch of liars", "seller lies", "U r a scammer",
	"the seller is a fraud", "shame on u", "f u", "what is wrong with you", "son of a", "y o u s u c k",
	// personal data at the edges of the finders' windows
	"mail john.doe@example.com, or john (at) mail (dot) com, or JOHN AT MAIL DOT COM", "john @ mail . com",
	"x.y @ z. co", "a@b.c", "jane.doe\u212a@example.com", "long ſ: jane.doe@exampleſ.com", "ab(at)cd[dot]ef.org",
	"see http : // x.y/z, hxxps://evil.ru/p?q=1 and WWW . example . com", "www.x", "http://", "a<http://x>b",
	"shop.example.com/item, aliexpress.com and www.aliexpress.com/item/1", "example [dot] com/path", "ex dot ru",
	"ab ( . ) com", "card 4111 1111 1111 1111, 4111-1111-1111-1111 or 4111111111111111x", "x4111111111111111",
	"IBAN GB82 WEST 1234 5698 7654 32 or gb82west12345698765432 or DE89370400440532013000.",
	"account number: 12345678, acct # 1234-5678, sort code 12-34-56, ſwift 12345678, BANK DETAILS 0012345",
	"call +44 7700 900123, 0049 151 23456789, (555) 123-4567, 555.123.4567, 030/1234567, 01712345678, 13812345678",
	"phone: 0171 2345 678, tel 12.34.56.78.90, WhatsApp +1 (555) 010-9999, text me on 07700900123", "x0049 151 23456789",
	"21/11/2026 12:30, 2026-11-21 0171", "221B Baker Street, 12 Main St. NW, apt 4; 1600 Pennsylvania Avenue NW",
	"12 quiet road, 7 Old lane", "Hauptstraße 5, HAUPTSTRAẞE 5, Lindenweg 12a, Stra 4", "rue de la Paix 10, ul. Długa 5",
	"via Roma 3, calle Mayor 7, 10 rue de la Paix, 3 ALLÉE des Pins, allée 4", "P.O. Box 123, po box 9",
	"my address is 5 Elm Row\nLondon. Address: Hauptstr. 3!", "passport X12345678, ID card: AB 123456, SSN 123-45-6789",
	"CPF 123.456.789-09, NI QQ123456C, 131052-308T, 44051401359, driver's license D1234567, ıd 1234",
	"Order 8181234567890123 and tracking LP00123456789012 arrived 14.11.2026",
	// skeletons
	"“Scam!” ‘liar’ 'x' `y` \"z\" s c a m, s-c-a-m s_c_a_m a b !! c", "fuuuuck shiiiit sh*t f**k ***", "Ⓕⓤⓒⓚ ｆｕｃｋ",
	"ѕсаm ＳＣＡＭ 5c4m $c@m 1d10t", "x\xffy \xff \xc3", "aaa bbb aab abb", "١٢٣ 4x4 H3LL0", "é́́́e",
}

func TestMatchesReference(t *testing.T) {
	for _, s := range referenceCorpus(t) {
		if testing.Short() && len(s) > 1000 {
			continue // the expressions take long on long text, most of all under -race
		}
		sameAsReference(t, s)
	}
}

func FuzzMatchesReference(f *testing.F) {
	for _, s := range referenceCorpus(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1000 {
			t.Skip("the regular expressions take up to a second on long text; the fuzzer is better spent on short")
		}
		sameAsReference(t, s)
	})
}
