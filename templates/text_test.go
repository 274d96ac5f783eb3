package templates

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/a-h/templ/parser/v2"
)

// TestTemplatesHoldNoText: the words a buyer reads come from the catalogs
// (T, N) or from the models web/pages fills, never from the templates. A
// literal text between tags, or in an attribute a person or a page script
// shows (aria-label, title, alt, placeholder, a data-* with words in it),
// fails here with its file and line.
func TestTemplatesHoldNoText(t *testing.T) {
	files, _ := filepath.Glob("*.templ")
	if len(files) == 0 {
		t.Fatal("no templates found")
	}
	for _, name := range files {
		tf, err := parser.Parse(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, n := range tf.Nodes {
			tmpl, ok := n.(*parser.HTMLTemplate)
			if !ok {
				continue
			}
			// The demo help article plays a host site's own page: its words
			// are the host's, not Calmclaim's.
			if strings.HasPrefix(tmpl.Expression.Value, "DemoPage(") {
				continue
			}
			walkText(tmpl.Children, func(what, text string, r parser.Range) {
				t.Errorf("%s:%d: %s %q is not from a catalog", name, r.From.Line+1, what, text)
			})
		}
	}
}

// brand is the one word the templates may write as it is.
const brand = "Calmclaim"

func walkText(nodes []parser.Node, report func(what, text string, r parser.Range)) {
	for _, n := range nodes {
		switch n := n.(type) {
		case *parser.Text:
			if s := strings.TrimSpace(n.Value); hasLetter(s) && s != brand {
				report("text", s, n.Range)
			}
		case *parser.Element:
			for _, a := range n.Attributes {
				if c, ok := a.(*parser.ConstantAttribute); ok && readable(c.Key.String(), c.Value) {
					report("attribute "+c.Key.String(), c.Value, c.Range)
				}
			}
		case *parser.TemplElementExpression:
			goWords(n.Expression, report)
		case *parser.CallTemplateExpression:
			goWords(n.Expression, report)
		}
		if c, ok := n.(parser.CompositeNode); ok {
			walkText(c.ChildNodes(), report)
		}
	}
}

var goString = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// goWords reports the Go strings in a component call that are words
// (@copyButton("seller-message", "Copy the message", …)): ones with a
// capital letter or a space; an id ("seller-message") or a key has neither.
func goWords(e parser.Expression, report func(what, text string, r parser.Range)) {
	for _, q := range goString.FindAllString(e.Value, -1) {
		if s := q[1 : len(q)-1]; hasLetter(s) && strings.IndexFunc(s, func(r rune) bool { return unicode.IsUpper(r) || r == ' ' }) >= 0 {
			report("Go string", s, e.Range)
		}
	}
}

// readable reports whether an attribute's constant value is words a
// person reads: any value of an attribute made for people, or a data-*
// value with words in it (an id or a flag has none).
func readable(name, value string) bool {
	switch name {
	case "aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "title", "alt", "placeholder":
		return hasLetter(value)
	}
	return strings.HasPrefix(name, "data-") && hasLetter(value) && strings.ContainsAny(value, " …")
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// TestTheTextCheckFinds: the check above sees text in an element, in an
// if and in a for, and a readable attribute (so it cannot pass by seeing
// nothing).
func TestTheTextCheckFinds(t *testing.T) {
	tf, err := parser.ParseString(`package templates

templ x(ok bool, items []string) {
	<p>Hello</p>
	if ok {
		<nav aria-label="Back"><span>{ T(ctx, "k") }</span></nav>
	}
	for range items {
		<li data-ready="Bundle ready: {n}." data-testid="item">Item</li>
	}
	<a>Calmclaim</a>
	@copyButton("seller-message", "Copy the message", T(ctx, "page.message.copied"))
}
`)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	walkText(tf.Nodes[0].(*parser.HTMLTemplate).Children, func(what, text string, _ parser.Range) {
		found = append(found, what+"="+text)
	})
	want := "text=Hello|attribute aria-label=Back|attribute data-ready=Bundle ready: {n}.|text=Item|Go string=Copy the message"
	if got := strings.Join(found, "|"); got != want {
		t.Errorf("found %s, want %s", got, want)
	}
}
