// Command nethttp is the runtime floor plus a blank import of net/http:
// what net/http's package initialisers keep in a binary that never calls
// it, as templ's and syumai/workers' imports do.
package main

import (
	_ "net/http"
	"os"
)

func main() { os.Stdout.WriteString(os.Args[0]) }
