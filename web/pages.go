package web

import "net/http"

// pages registers the server-rendered pages and the static assets.
func (s *server) pages(mux *http.ServeMux) {}
