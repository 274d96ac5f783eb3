// Package web is Calmclaim's HTTP surface: one http.Handler that serves the
// JSON API, the server-rendered pages and the static assets. The same handler
// runs natively (make run), in the Cloudflare Worker and in tests.
package web
