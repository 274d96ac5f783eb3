// Command templ renders one templ component and nothing else: the size
// floor of the Go runtime plus github.com/a-h/templ, whose package imports
// net/http, html/template, encoding/json and regexp.
package main

import (
	"context"
	"os"

	"github.com/a-h/templ"
)

func main() { _ = templ.Raw(os.Args[0]).Render(context.Background(), os.Stdout) }
