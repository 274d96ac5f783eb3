//go:build js && wasm

// Command workers adds one call into github.com/syumai/workers/cloudflare
// (which imports net/http) to the templ floor: the smallest program using
// both required dependencies the Worker needs.
package main

import (
	"context"
	"os"

	"github.com/a-h/templ"
	"github.com/syumai/workers/cloudflare"
)

func main() {
	_ = templ.Raw(cloudflare.Getenv(os.Args[0])).Render(context.Background(), os.Stdout)
}
