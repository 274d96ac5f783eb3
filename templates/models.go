// Package templates holds Calmclaim's templ components and the plain view
// models they render. It knows nothing of HTTP or of the rules: web/pages
// builds the models, these components only draw them.
package templates

// Page is what every page shares.
type Page struct {
	Title string // the <title>, and usually the h1
	Back  string // the back link's href; "" for none
	// Embedded pages run inside the help-page widget's iframe.
	Embedded bool
	// Start is "checklist" or "dispute": which service the header links to.
	Start string
}

// Option is one radio or checkbox choice.
type Option struct {
	Value, Label, Hint string
	Checked            bool
	Exclusive          bool // a "none of these" checkbox
}

// Help is a "can't answer?" note under a question, shown in a disclosure.
type Help struct {
	Summary string
	Lines   []string
}

// Hidden is an answer carried forward in the form.
type Hidden struct{ Name, Value string }

// Question is one question page.
type Question struct {
	Page
	Action  string // the form's GET action
	Step    string // the step id, sent back as "submitted"
	Name    string // the field name
	Kind    string // "radios", "checkboxes" or "date"
	Heading string // the question, as the h1 (the title may add "Error: ")
	Caption string // the service name above the question
	Hint    string
	Options []Option
	Hidden  []Hidden
	Error   string // a message when the answer could not be used
	// Day, Month and Year prefill a date question.
	Day, Month, Year string
	// ErrorPart names the date part at fault: "day", "month" or "year".
	ErrorPart string
	Button    string
	Help      *Help // a "can't answer?" note, if any
	Skip      *Skip // a way past an optional question, if any
}

// Skip is a link that answers an optional question with "I do not know":
// a link, so it works with JavaScript off and needs no date typed.
type Skip struct{ Label, Href string }

// Answer is one row of a check-your-answers list.
type Answer struct {
	Key, Label, Value, Change string
}

// Check is the check-your-answers page.
type Check struct {
	Page
	Answers []Answer
	Submit  string // the href of the result
}

// GuideItem is one point of guidance after a verdict, with its source.
type GuideItem struct {
	ID, Title, Text, Source string
	Stop                    bool   // a point where the buyer must stop
	Link, LinkText          string // a page that helps with it, if any
}

// ReviewPage is the fair-review helper: the buyer's review checked under
// the review rules.
type ReviewPage struct {
	Page
	Text     string    // what the buyer wrote
	Checked  string    // the review ready to post, when checked
	Findings []Finding // what was taken out, and why
}

// Fix offers to change the one answer that made a claim fail.
type Fix struct{ Text, Label, Href string }

// Rule is a cited rule in plain words.
type Rule struct{ ID, Summary, Source string }

// Evidence is one thing to collect.
type Evidence struct {
	ID, Label, Why string
	Required       bool
	// Accept is the file input's accept list; Types says it in words.
	Accept, Types string
}

// Verdict is the dispute result page.
type Verdict struct {
	Page
	Outcome  string // the engine's outcome code
	Headline string // the outcome in one sentence
	Lead     string // the dates, in words
	Date     string // the key date, e.g. "Wednesday 2 December 2026"; "" if none
	DateISO  string // the same date as YYYY-MM-DD, for <time datetime>
	Fix      *Fix   // an answer to change that made a claim fail; nil if none
	// Message is the calm message to send the seller; "" if none.
	Message string
	Details string // href of the page that adds the order's details to it
	// Replies, Steps, Returns and After are guidance: the seller's common
	// answers, how to open and run the dispute, returns, and what remains
	// after a refusal. Each may be empty.
	Replies, Steps, Returns, After []GuideItem
	ICS                            string // the calendar file's href; "" if none
	// ICSText is the calendar link's words, with ICSDates in them.
	ICSText  string
	ICSDates []DateText
	LastDay  *LastDay // the last day to open the dispute; nil if none
	Rules    []Rule
	Warnings []Rule
	Next     []string // what to do next, in order
	Evidence []Evidence
	Answers  string // href back to check answers
	Restart  string
	Prepare  string // href of the description and evidence page; "" if none
}

// DateText is a date in words and as YYYY-MM-DD, for <time datetime>.
type DateText struct{ Text, ISO string }

// LastDay is what a verdict says about the last day to open the dispute,
// the end of Buyer Protection shown in the order's details. Each of Dates
// is marked up as <time> wherever Text or Warning mentions it.
type LastDay struct {
	State string // window, ends-first, ended or unknown (a data attribute)
	Text  string // the days to open the dispute in, or a reminder to check
	Dates []DateText
	// Warning, when not "", says protection ends first and what to do;
	// Source cites the rule behind it.
	Warning, Source string
}

// ChecklistItem is one checked point on the checklist result: the buyer's
// own finding first, then the general advice and its source.
type ChecklistItem struct {
	ID, Status string
	Title      string // the point in a few words
	// Finding is what the buyer's answers mean for this point, "" if there
	// is nothing to add to them. A date in it is split out: Finding, then
	// Date (YYYY-MM-DD) shown as DateText, then FindingEnd.
	Finding, Date, DateText, FindingEnd string
	Answers                             string // the buyer's answers behind it, in words
	Summary, Source                     string
}

// ChecklistGroup is the result's items of one status, under a heading
// that counts them.
type ChecklistGroup struct {
	Status, Heading string
	Items           []ChecklistItem
}

// ChecklistResult is the pre-order checklist's summary page.
type ChecklistResult struct {
	Page
	Verdict  string // go, caution or stop
	Headline string
	Groups   []ChecklistGroup // stop, warn, unknown, ok; empty ones left out
	Answers  string
	Restart  string
}

// ChecklistStop ends the checklist at an answer that makes an item a
// stop: why, in plain words and with its source, a way to change that
// answer, and a form to go on with the checklist anyway.
type ChecklistStop struct {
	Page
	Item            string // the item id (a data attribute, never shown)
	Heading         string
	Finding         string // why this answer is a stop
	Summary, Source string
	Hint            string // what going on is still good for
	Action          string // the form's GET action
	Step            string // the stop step's id, sent back as "submitted"
	Name, Value     string // the answer that means "go on anyway"
	Hidden          []Hidden
	Button          string
	Change          string // href of the question whose answer made the stop
	Restart         string
}

// Start is the start page.
type Start struct{ Page }

// Demo is the demo help article that embeds the widget.
type Demo struct {
	Page
	Script string // the embed script's src
}

// StoryField is one of the buyer's own-words fields.
type StoryField struct{ Name, Label, Hint, Value string }

// Finding is one tone or privacy finding on the buyer's words.
type Finding struct{ ID, Field, Excerpt, Suggestion string }

// EvidencePage prepares the dispute: the description and the bundle.
type EvidencePage struct {
	Page
	Case        string // the describe request (facts, today) as JSON, for the page's script
	Action      string // where the description form posts
	Story       []StoryField
	Description string // the calm description, when the story was sent
	Findings    []Finding
	Reason      string // why there is no dispute text, when there is none
	Evidence    []Evidence
	Result      string // the verdict's href
	// The order's details, posted with the story when JavaScript is off
	// (with it, the page fills them from this browser's storage).
	Details      []DetailField
	DetailErrors []DetailField
	DetailsOpen  bool // a detail was given or is wrong
}

// DetailField is one of the order's details on the details form.
type DetailField struct {
	Name, Label, Hint, Value, Error string
	Wide                            bool // a long text, not a short code
}

// MessagePage is where the buyer enters the order's details once and sees
// the message to the seller written with them.
type MessagePage struct {
	Page
	Action  string // where the form posts (the answers stay in the address, the details in the body)
	Case    string // the message request without details, as JSON, for the page's script
	Fields  []DetailField
	Errors  []DetailField // the fields with an error, for the error summary
	Message string
	Result  string // the verdict's href
	// Calendar is where the form that downloads the dates with the order
	// number posts (JavaScript off; with it, the result page builds the
	// file in this browser); Order is the checked order number.
	Calendar, Order string
}
