package describe

// reviewSuggestions replace the dispute wording of a finding's suggestion
// when the text checked is a product review (FieldReview): a review is
// read by other buyers, not by the platform's dispute staff, so the advice
// speaks of the review. Each follows the review rules of "AliExpress Rules
// and Terms of Use for Buyers", Reviews on AliExpress, in our own words.
// Ids without an entry here use the general suggestion.
var reviewSuggestions = map[string]string{
	FindThreat: "This sentence was left out. A review tells other buyers about the item and the order; threats " +
		"have no place in it and can get the review removed. Say what happened and how you rate it.",
	FindFeedbackThreat: "This sentence was left out. A review or rating must not be used to pressure the seller " +
		"(\"rate after a refund\", \"I will change it if…\"): such reviews can be removed and the account " +
		"restricted. Rate the order as it went; a plain star rating stays.",
	FindExtraDemand: "This sentence was left out. A review is not the place to ask for gifts, discounts or " +
		"compensation; ask the seller in the order's chat or through the dispute.",
	FindOffPlatform: "This sentence was left out. A review must not invite anyone to talk or pay outside the " +
		"platform.",
	FindInsult: "This part was left out. Insults make a review less useful to other buyers and can get it " +
		"removed; describe the item and the service instead.",
	FindAccusation: "This part was left out. Words like \"scammer\" or \"fraud\" say more than a review can " +
		"show. Say what you received and how it differs from the listing.",
	FindProfanity: "Swear words were taken out. Reviews with them can be removed.",
	FindShouting: "Capitals and runs of !!! or ??? read as shouting; the review was set in normal sentence " +
		"case with calm punctuation.",
	FindEmail: "Your email address was removed. A review is public: never put contact details in it.",
	FindPhone: "A phone number was removed. A review is public: never put contact details in it.",
	FindCard:  "A payment card number was removed. A review is public: never put payment details in it.",
	FindIBAN:  "A bank account number was removed. A review is public: never put payment details in it.",
	FindBankAccount: "A bank account number was removed. A review is public: never put payment details in " +
		"it.",
	FindAddress: "An address was removed. A review is public: never put an address in it.",
	FindIDNumber: "An identity document number was removed. A review is public: never put identity numbers " +
		"in it.",
	FindHandle: "A messenger user name was removed. A review is public: never put contact details in it.",
	FindLink:   "A link was removed. Reviews must not contain links; describe what you saw instead.",
	FindTooLong: "The review was cut at 2,000 characters. Keep to your own experience of the item and the " +
		"order.",
	FindEmpty: "Nothing usable was left of the review after the check. Write a sentence or two about the item " +
		"as you found it.",
}
