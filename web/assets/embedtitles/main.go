// Command embedtitles writes the help-page widget's frame titles, one pair
// a language, into web/static/embed.js between its <calmclaim:titles>
// markers. embed.js runs on other sites and cannot read the catalogs, so
// the titles are taken from them (script.embed.title.*) at go generate
// time; go generate ./web/assets (make generate) runs it, and a test
// beside it fails while embed.js is stale.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"unicode/utf16"

	"github.com/calmclaim/calmclaim/i18n"
)

const (
	open  = "  // <calmclaim:titles>\n"
	close = "  // </calmclaim:titles>\n"
)

func main() {
	file := flag.String("file", "../static/embed.js", "the widget's script")
	flag.Parse()
	old, err := os.ReadFile(*file)
	if err != nil {
		log.Fatal(err)
	}
	src, err := rewrite(old)
	if err != nil {
		log.Fatalf("%s: %v", *file, err)
	}
	if bytes.Equal(old, src) {
		return
	}
	if err := os.WriteFile(*file, src, 0o644); err != nil {
		log.Fatal(err)
	}
}

// rewrite is js with the lines between the markers replaced by the table
// of titles.
func rewrite(js []byte) ([]byte, error) {
	i := bytes.Index(js, []byte(open))
	j := bytes.Index(js, []byte(close))
	if i < 0 || j < i {
		return nil, errors.New("no " + open[5:len(open)-1] + " … " + close[5:len(close)-1] + " lines")
	}
	var b bytes.Buffer
	b.Write(js[:i+len(open)])
	b.WriteString("  var TITLES = {\n")
	for n, l := range i18n.Langs {
		p := i18n.For(l)
		b.WriteString("    " + quote(string(l)) + ": { dispute: " + quote(p.T("script.embed.title.dispute")) +
			", checklist: " + quote(p.T("script.embed.title.checklist")) + " }")
		if n < len(i18n.Langs)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("  };\n")
	b.Write(js[j:])
	return b.Bytes(), nil
}

// quote is s as a JavaScript string in ASCII: the help page that loads
// embed.js may declare another encoding than UTF-8, and the script is
// decoded in it, so every other character is written as \uXXXX.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, u := range utf16.Encode([]rune(s)) {
		switch {
		case u == '"' || u == '\\':
			b.WriteByte('\\')
			b.WriteByte(byte(u))
		case u < 0x20 || u > 0x7e || u == '<':
			fmt.Fprintf(&b, "\\u%04x", u)
		default:
			b.WriteByte(byte(u))
		}
	}
	b.WriteByte('"')
	return b.String()
}
