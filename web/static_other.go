//go:build !js

package web

import (
	"embed"
	"io/fs"
)

//go:embed static
var static embed.FS

// staticFiles is web/static, served natively at /static/. The Worker build
// (js) embeds nothing: there, Workers Static Assets serves the same files.
func staticFiles() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		return nil
	}
	return sub
}
