//go:build !js

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "wasm/browser runs in the page: build it with GOOS=js GOARCH=wasm (make browser)")
	os.Exit(2)
}
