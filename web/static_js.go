//go:build js

package web

import "io/fs"

// staticFiles is nil in the Worker: Workers Static Assets serves /static/.
func staticFiles() fs.FS { return nil }
