// Command runtime is the smallest Go wasm program that writes output: the
// size floor of the Go runtime alone, measured by make bench-edge.
package main

import "os"

func main() { os.Stdout.WriteString(os.Args[0]) }
