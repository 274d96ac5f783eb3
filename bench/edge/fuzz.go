package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
)

// The fuzz sends the same bounded, seeded list of requests to each runtime
// on loopback, one at a time, each on a new connection: JSON nested deep,
// bodies of every size around the limits, odd encodings, every method,
// random paths and queries, mutated API bodies, and raw bytes that are not
// quite HTTP. It counts what must never happen to a well-formed HTTP
// request: no answer, a 5xx, a body that is not what its headers say
// (invalid JSON, NUL padding), and a server that no longer answers GET
// /healthz at the end. Requests that are not well-formed HTTP (raw bytes,
// methods HTTP does not define) are counted apart: in production
// Cloudflare's front line answers those, and locally workerd's own HTTP
// layer does, before any Worker runs.

// fuzzReq is one generated request. raw, when set, is written to a TCP
// connection as it is instead.
type fuzzReq struct {
	kind    string
	badHTTP bool // not well-formed HTTP: raw bytes, an undefined method
	method  string
	path    string // escaped path and query
	header  map[string]string
	body    []byte
	raw     []byte
}

func (q fuzzReq) String() string {
	if q.raw != nil {
		return fmt.Sprintf("%s raw %d bytes %s", q.kind, len(q.raw), clip(q.raw))
	}
	var h []string
	for k, v := range q.header {
		h = append(h, k+": "+v)
	}
	return fmt.Sprintf("%s %s %s [%s] body %d bytes %s", q.kind, q.method, clip([]byte(q.path)), strings.Join(h, "; "), len(q.body), clip(q.body))
}

func clip(b []byte) string {
	if len(b) > 72 {
		return strconv.Quote(string(b[:60])) + "…" + strconv.Quote(string(b[len(b)-8:]))
	}
	return strconv.Quote(string(b))
}

// fuzzRes counts what one runtime did with the list.
type fuzzRes struct {
	sent, transport, fiveXX, malformed int // well-formed HTTP requests
	nulInside                          int // text answers with NUL characters inside (echoed input)
	badSent, badFiveXX, badTransport   int // requests that are not well-formed HTTP
	rawNoAnswer                        int // raw requests closed without an answer (allowed)
	healthy                            bool
	timedOut                           bool
	took                               time.Duration
	statuses                           []int // per request; 0 for none
	examples                           []string
	byClass                            map[string]int // failures per request kind
}

func (r *fuzzRes) failed(class string, i int, q fuzzReq, what string) {
	if r.byClass == nil {
		r.byClass = map[string]int{}
	}
	r.byClass[class+" / "+q.kind]++
	if r.byClass[class+" / "+q.kind] <= 2 && len(r.examples) < 12 {
		r.examples = append(r.examples, fmt.Sprintf("#%d %s: %s -> %s", i, class, q, what))
	}
}

// runFuzz sends reqs to base one at a time, for at most max.
func runFuzz(base string, reqs []fuzzReq, max time.Duration) fuzzRes {
	res := fuzzRes{statuses: make([]int, len(reqs))}
	t0 := time.Now()
	for i, q := range reqs {
		if time.Since(t0) > max {
			res.timedOut = true
			break
		}
		res.sent++
		if q.badHTTP {
			res.badSent++
		}
		if q.raw != nil {
			code, err := sendRaw(base, q.raw)
			res.statuses[i] = code
			switch {
			case code >= 500 && q.badHTTP:
				res.badFiveXX++
				res.failed("5xx to bad HTTP", i, q, strconv.Itoa(code))
			case code >= 500:
				res.fiveXX++
				res.failed("5xx", i, q, strconv.Itoa(code))
			case err != nil && q.badHTTP:
				res.badTransport++
				res.failed("no answer to bad HTTP", i, q, err.Error())
			case err != nil || code == 0 && !q.badHTTP:
				res.transport++
				res.failed("no answer", i, q, fmt.Sprint(err))
			case code == 0:
				res.rawNoAnswer++
			}
			continue
		}
		req, err := http.NewRequest(q.method, base+q.path, bytes.NewReader(q.body))
		if err != nil { // an escape net/url refuses: send the path as it is
			req, err = http.NewRequest(q.method, base+"/", bytes.NewReader(q.body))
			if err != nil || strings.HasPrefix(q.path, "//") {
				fail(fmt.Sprintf("fuzz request #%d does not build: %v", i, err))
			}
			req.URL.Opaque = q.path
		}
		if len(q.body) == 0 && q.method != "POST" && q.method != "PUT" && q.method != "PATCH" {
			req.Body, req.ContentLength = nil, 0
		}
		for k, v := range q.header {
			req.Header.Set(k, v)
		}
		resp, body, err := exchange(req)
		if err == nil {
			res.statuses[i] = resp.StatusCode
		}
		switch {
		case err != nil && q.badHTTP:
			res.badTransport++
			res.failed("no answer to bad HTTP", i, q, err.Error())
		case err != nil:
			res.transport++
			res.failed("no answer", i, q, err.Error())
		case resp.StatusCode >= 500 && q.badHTTP:
			res.badFiveXX++
			res.failed("5xx to bad HTTP", i, q, fmt.Sprintf("%d %s", resp.StatusCode, clip(body)))
		case resp.StatusCode >= 500:
			res.fiveXX++
			res.failed("5xx", i, q, fmt.Sprintf("%d %s", resp.StatusCode, clip(body)))
		default:
			what, inside := badBody(q.method, resp, body)
			if what != "" {
				res.malformed++
				res.failed("malformed", i, q, fmt.Sprintf("%d: %s", resp.StatusCode, what))
			}
			if inside != "" {
				res.nulInside++
				res.failed("NUL inside", i, q, fmt.Sprintf("%d: %s", resp.StatusCode, inside))
			}
		}
	}
	res.took = time.Since(t0)
	res.healthy = status(base+"/healthz") == 200
	return res
}

// exchange sends req on a new connection and reads the answer while it
// writes, as a browser does: a server may answer (413, say) before it has
// read the whole body, and close. Redirects are not followed and bodies
// not decompressed: the answer as sent.
func exchange(req *http.Request) (*http.Response, []byte, error) {
	c, err := net.DialTimeout("tcp", req.URL.Host, 5*time.Second)
	if err != nil {
		return nil, nil, err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(20 * time.Second))
	wrote := make(chan error, 1)
	go func() { wrote <- req.Write(c) }()
	resp, err := http.ReadResponse(bufio.NewReader(c), req)
	if err != nil {
		if werr := <-wrote; werr != nil {
			err = fmt.Errorf("%v (while writing: %v)", err, werr)
		}
		return nil, nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, body, err
}

// badBody says what is wrong with a body that does not match its headers:
// JSON that does not parse, text or JSON padded with NUL bytes. inside
// reports NUL characters within a text body (echoed from the request: an
// HTML parse error that browsers mend, not padding).
func badBody(method string, resp *http.Response, body []byte) (what, inside string) {
	if method == "HEAD" || resp.StatusCode == 204 || resp.StatusCode == 304 {
		return "", ""
	}
	switch resp.Header.Get("Content-Encoding") {
	case "", "identity":
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return "Content-Encoding gzip, but not gzip: " + err.Error(), ""
		}
		if body, err = io.ReadAll(zr); err != nil {
			return "Content-Encoding gzip, but broken: " + err.Error(), ""
		}
	default:
		return "", "" // not checked
	}
	ct := resp.Header.Get("Content-Type")
	if !strings.HasPrefix(ct, "text/") && !strings.Contains(ct, "json") {
		return "", ""
	}
	if trimmed := bytes.TrimRight(body, "\x00"); len(trimmed) < len(body) {
		return fmt.Sprintf("%d NUL bytes padding a %d-byte %s body", len(body)-len(trimmed), len(trimmed), ct), ""
	}
	if strings.Contains(ct, "json") && !json.Valid(body) {
		return "invalid JSON: " + clip(body), ""
	}
	if i := bytes.IndexByte(body, 0); i >= 0 {
		return "", fmt.Sprintf("%d NUL in a %d-byte %s body, the first at %d: %s", bytes.Count(body, []byte{0}), len(body), ct, i,
			clip(body[max(0, i-40):min(len(body), i+20)]))
	}
	return "", ""
}

// sendRaw writes raw to a new connection, closes its writing side and
// reads the answer's status, if any, within 5 s. A connection closed
// without an answer gives 0 and no error; one that neither answers nor
// closes is an error.
func sendRaw(base string, raw []byte) (int, error) {
	u, _ := url.Parse(base)
	c, err := net.DialTimeout("tcp", u.Host, 5*time.Second)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	c.Write(raw) // the server may close before reading it all
	c.(*net.TCPConn).CloseWrite()
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil && line == "" {
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			return 0, fmt.Errorf("no answer and not closed in 5s")
		}
		return 0, nil
	}
	f := strings.Fields(line)
	if len(f) < 2 || !strings.HasPrefix(f[0], "HTTP/") {
		return 0, fmt.Errorf("not an HTTP answer: %q", line)
	}
	code, _ := strconv.Atoi(f[1])
	io.Copy(io.Discard, c)
	return code, nil
}

// fuzzRequests generates n requests from seed.
func fuzzRequests(seed uint64, n int) []fuzzReq {
	typ, err := os.ReadFile(typicalFile)
	check(err)
	g := &gen{r: rand.New(rand.NewPCG(seed, 0x63616c6d)), describe: typ}
	kinds := []struct {
		weight int
		make   func() fuzzReq
	}{
		{15, g.nested},
		{10, g.sized},
		{15, g.encoded},
		{10, g.methods},
		{20, g.paths},
		{20, g.mutated},
		{10, g.form},
		{10, g.rawBytes},
	}
	total := 0
	for _, k := range kinds {
		total += k.weight
	}
	// First, while the Worker's exchange buffer (64 KiB) is fresh: the
	// evidence page posted with stories of quotes, each escaped to 5 bytes
	// and shown twice, for pages of about 22, 44, 66 and 88 KB.
	out := make([]fuzzReq, n)
	for i, k := range []int{500, 1000, 1500, 2000} {
		if i < n {
			out[i] = g.formOf(strings.Repeat(`"`, k))
			out[i].kind = "page size " + strconv.Itoa(k)
		}
	}
	for i := range out[min(n, 4):] {
		i += 4
		w := g.r.IntN(total)
		for _, k := range kinds {
			if w < k.weight {
				out[i] = k.make()
				break
			}
			w -= k.weight
		}
	}
	return out
}

type gen struct {
	r        *rand.Rand
	describe []byte
}

var (
	apiPaths  = []string{"/api/v1/assess", "/api/v1/describe", "/api/v1/checklist"}
	pagePaths = []string{"/", "/dispute", "/dispute/result", "/dispute/evidence", "/dispute/calendar.ics",
		"/checklist", "/checklist/result", "/demo/help-article", "/healthz", "/api/v1/rules",
		"/static/app.css", "/static/app.js", "/static/app.wasm", "/nope"}
	methods     = []string{"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "FOO", "get"}
	httpMethods = []string{"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"} // RFC 9110 and 5789
	queryKeys   = []string{"claim", "paid_on_platform", "tracking", "conduct", "requested_remedy", "signed_before_inspection",
		"refund_asked", "refund_requested_on", "refund_requested_on-day", "refund_requested_on-month",
		"refund_requested_on-year", "submitted", "embed", "host", "delivery_deadline", "listing_condition", "today",
		"protection_ends_on", "protection_ends_on-day"}
	queryVals = []string{"broken", "not_received", "true", "false", "none", "full_refund", "2026-11-01", "31", "2",
		"99999999999999999999", "-1", "", "\x00", "é", "<script>", "%", "https://evil.example", "2026-02-30", "1e309", "unknown"}
)

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *gen) api(body []byte) fuzzReq {
	return fuzzReq{method: "POST", path: g.pick(apiPaths), header: map[string]string{"Content-Type": "application/json"}, body: body}
}

// nested: arrays and objects nested up to 300,000 deep, closed or not,
// bare or inside a field the API reads.
func (g *gen) nested() fuzzReq {
	depth := []int{1, 2, 10, 100, 1000, 5000, 10000, 20000, 32000, 50000, 100000, 300000}[g.r.IntN(12)]
	var open, close string
	switch g.r.IntN(3) {
	case 0:
		open, close = "[", "]"
	case 1:
		open, close = `{"a":`, "}"
	default:
		open, close = `[{"a":`, "}]"
	}
	inner := strings.Repeat(open, depth) + "1"
	if g.r.IntN(4) > 0 {
		inner += strings.Repeat(close, depth)
	}
	var body string
	switch g.r.IntN(5) {
	case 0:
		body = inner
	case 1:
		body = `{"today":"2026-11-22","facts":{"claim":` + inner + `}}`
	case 2:
		body = `{"facts":` + inner + `}`
	case 3:
		body = `{"story":{"ordered":` + inner + `},"facts":{"claim":"broken"}}`
	default:
		body = `{"evidence":` + inner + `,"facts":{"claim":"broken"}}`
	}
	q := g.api([]byte(body))
	q.kind = "nested " + strconv.Itoa(depth)
	return q
}

// sized: bodies of sizes around the API's 64 KiB and the glue's 1 MiB
// limits, as a long story field, a long unknown field or random bytes.
func (g *gen) sized() fuzzReq {
	size := []int{0, 1, 100, 8 << 10, 64<<10 - 1, 64 << 10, 64<<10 + 1, 200 << 10, 1<<20 - 1, 1 << 20, 1<<20 + 1, 2 << 20}[g.r.IntN(12)]
	var body []byte
	switch g.r.IntN(3) {
	case 0:
		pre := []byte(`{"facts":{"claim":"broken"},"story":{"difference":"`)
		body = append(pre, bytes.Repeat([]byte("a"), max(0, size-len(pre)-3))...)
		body = append(body, `"}}`...)
	case 1:
		pre := []byte(`{"facts":{"claim":"broken"},"x":"`)
		body = append(pre, bytes.Repeat([]byte("\\u00e9"), max(0, size-len(pre)-2)/6)...)
		body = append(body, `"}`...)
	default:
		body = make([]byte, size)
		for i := range body {
			body[i] = byte(g.r.UintN(256))
		}
	}
	q := g.api(body)
	if g.r.IntN(4) == 0 {
		q.method, q.path = "POST", "/dispute/evidence"
		q.header["Content-Type"] = "application/x-www-form-urlencoded"
	}
	q.kind = "size " + strconv.Itoa(len(body))
	return q
}

// encoded: the typical describe body with its story in odd encodings, or
// the whole body re-encoded, under odd Content-Type and Content-Encoding.
func (g *gen) encoded() fuzzReq {
	texts := []string{
		"\xff\xfe\xfd broken", "\xc0\x80 overlong NUL", "\xe2\x82 truncated", "ok \x80\x81 lone continuation",
		`\u0000\u0000 escaped NUL`, "raw \x00 NUL", `\ud800 lone surrogate`, `\udc00\ud800 reversed`,
		strings.Repeat("\u200b", 1999), strings.Repeat("\u202e", 500) + "liar", strings.Repeat("e\u0301\u0302\u0303", 499),
		strings.Repeat("😡", 1999), strings.Repeat("😡", 2001), strings.Repeat("ＳＣＡＭ ", 400), strings.Repeat("A", 2001),
		strings.Repeat("\\\"", 1000), "\r\n\r\n\t\v\f", strings.Repeat("!", 1999),
	}
	text := g.pick(texts)
	body := bytes.Replace(g.describe, []byte(`"A glass electric kettle`), []byte(`"`+text+` kettle`), 1)
	q := g.api(body)
	q.path = "/api/v1/describe"
	q.kind = "encoding"
	switch g.r.IntN(6) {
	case 0: // UTF-16LE with a BOM
		u := utf16.Encode([]rune(string(body)))
		b := []byte{0xff, 0xfe}
		for _, c := range u {
			b = append(b, byte(c), byte(c>>8))
		}
		q.body = b
		q.header["Content-Type"] = "application/json; charset=utf-16"
		q.kind = "encoding utf-16"
	case 1: // a UTF-8 BOM
		q.body = append([]byte("\xef\xbb\xbf"), body...)
		q.kind = "encoding bom"
	case 2: // really gzipped
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(body)
		zw.Close()
		q.body = b.Bytes()
		q.header["Content-Encoding"] = "gzip"
		q.kind = "encoding gzip"
	case 3: // says gzip or br, is not
		q.header["Content-Encoding"] = g.pick([]string{"gzip", "br", "deflate", "x-unknown"})
		q.kind = "encoding false " + q.header["Content-Encoding"]
	case 4:
		q.header["Content-Type"] = g.pick([]string{"", "text/plain", "multipart/form-data; boundary=x", "application/json; charset=latin1"})
		q.kind = "encoding content-type"
	}
	if g.r.IntN(3) == 0 {
		q.header["Accept-Encoding"] = g.pick([]string{"gzip", "br", "gzip, br", "zstd", "*"})
	}
	return q
}

// methods: any method on any path, with or without a body.
func (g *gen) methods() fuzzReq {
	q := fuzzReq{kind: "method", method: g.pick(methods), path: g.pick(append(pagePaths, apiPaths...)), header: map[string]string{}}
	q.badHTTP = !slices.Contains(httpMethods, q.method)
	if g.r.IntN(2) == 0 {
		q.body = g.describe
		q.header["Content-Type"] = "application/json"
	}
	q.kind = "method " + q.method
	return q
}

// paths: known paths with random suffixes, random escaped bytes, very long
// paths, dot segments, and wizard pages with random queries.
func (g *gen) paths() fuzzReq {
	q := fuzzReq{method: g.pick([]string{"GET", "GET", "GET", "HEAD", "POST"}), header: map[string]string{}}
	randBytes := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(g.r.UintN(256))
		}
		return url.PathEscape(string(b))
	}
	switch g.r.IntN(6) {
	case 0:
		q.path = g.pick(pagePaths) + "/" + randBytes(g.r.IntN(40))
		q.kind = "path suffix"
	case 1:
		q.path = "/" + randBytes(1+g.r.IntN(200))
		q.kind = "path random"
	case 2:
		q.path = "/" + strings.Repeat(g.pick([]string{"a/", "%2e%2e/", "../", "/", "%00", "é", "dispute/"}), 1+g.r.IntN(4000))
		q.kind = "path long"
	case 3:
		q.path = g.pick([]string{"/dispute/../api/v1/rules", "//api/v1/rules", "/API/V1/RULES", "/api/v1/assess/", "/api/v1/", "/api",
			"/static/", "/static/../go.mod", "/static/%2e%2e/go.mod", "/static//app.css", "/dispute%2Fresult", "/%zz", "/?%zz", "/*"})
		q.kind = "path odd"
	default:
		v := url.Values{}
		for range 1 + g.r.IntN(12) {
			v.Add(g.pick(queryKeys), g.pick(queryVals))
		}
		if g.r.IntN(8) == 0 {
			for range 500 {
				v.Add(randBytes(3), randBytes(5))
			}
		}
		q.path = g.pick([]string{"/dispute", "/dispute/result", "/dispute/evidence", "/dispute/calendar.ics", "/checklist", "/checklist/result"}) + "?" + v.Encode()
		q.kind = "query"
	}
	return q
}

// evidencePage is the evidence page's address for an eligible case.
const evidencePage = "/dispute/evidence?claim=broken&paid_on_platform=true&conduct=none&requested_remedy=full_refund" +
	"&signed_before_inspection=false&refund_asked=true&refund_requested_on=2026-11-01&protection_ends_on=unknown"

// formOf posts the evidence page's form with story as every field.
func (g *gen) formOf(story string) fuzzReq {
	v := url.Values{}
	for _, f := range []string{"ordered", "received", "difference", "requested"} {
		v.Set(f, story)
	}
	return fuzzReq{kind: "form", method: "POST", path: evidencePage,
		header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, body: []byte(v.Encode())}
}

// form: the evidence page's form posted with stories of up to 2,100
// characters drawn from those HTML and JSON escape, and others.
func (g *gen) form() fuzzReq {
	chars := []rune{'"', '<', '>', '&', '\'', '\\', '\n', '\u2028', '\u200b', 'é', '😡', 'A', 'a', ' ', '!', '@', '.', '1'}
	n := g.r.IntN(300) // mostly short: a long story costs the Worker 100 ms or more
	if g.r.IntN(5) == 0 {
		n = g.r.IntN(2100)
	}
	r := make([]rune, n)
	for i := range r {
		r[i] = chars[g.r.IntN(len(chars))]
	}
	q := g.formOf(string(r))
	q.kind = "form"
	return q
}

// mutated: a valid assess, checklist or describe body with a few bytes
// flipped, inserted, removed or repeated.
func (g *gen) mutated() fuzzReq {
	bodies := [][]byte{[]byte(assessBody), g.describe,
		[]byte(`{"facts":{"listing_condition":"imitation","wants_genuine":true,"seller_positive_percent":97}}`)}
	i := g.r.IntN(3)
	b := bytes.Clone(bodies[i])
	for range 1 + g.r.IntN(6) {
		if len(b) == 0 {
			break
		}
		p := g.r.IntN(len(b))
		switch g.r.IntN(5) {
		case 0:
			b[p] ^= byte(1 << g.r.UintN(8))
		case 1:
			b = append(b[:p], append([]byte{g.pick([]string{"{", "}", "[", "]", `"`, ",", ":", "\\", "\x00", "9", "-", "e", "."})[0]}, b[p:]...)...)
		case 2:
			b = append(b[:p], b[p+1:]...)
		case 3:
			e := min(len(b), p+1+g.r.IntN(40))
			b = append(b[:e], append(bytes.Repeat(b[p:e], 1+g.r.IntN(50)), b[e:]...)...)
		default:
			b = b[:p]
		}
	}
	q := g.api(b)
	q.path = apiPaths[i] // in the order of bodies
	q.kind = "mutated"
	return q
}

// rawBytes: requests that are not quite HTTP, written to the socket.
func (g *gen) rawBytes() fuzzReq {
	var raw []byte
	kind := "raw"
	switch g.r.IntN(9) {
	case 0:
		raw = make([]byte, 1+g.r.IntN(2000))
		for i := range raw {
			raw[i] = byte(g.r.UintN(256))
		}
		kind = "raw random"
	case 1:
		raw = []byte("GET /\x00\xff HTTP/1.1\r\nHost: x\r\n\r\n")
		kind = "raw request line"
	case 2:
		raw = []byte("GET / HTTP/1.1\r\nHost: x\r\nX: " + strings.Repeat("a", 100<<10) + "\r\n\r\n")
		kind = "raw huge header"
	case 3:
		raw = []byte("POST /api/v1/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"facts\":")
		kind = "raw short body"
	case 4:
		raw = []byte("POST /api/v1/assess HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
		kind = "raw bad chunk"
	case 5:
		raw = []byte("POST /api/v1/assess HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
		kind = "raw cl+te"
	case 6:
		raw = []byte("POST /api/v1/assess HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n{}")
		kind = "raw negative length"
	case 7:
		raw = []byte("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
		kind = "raw h2 preface"
	default: // well-formed: HTTP/1.0 needs no Host
		return fuzzReq{kind: "raw http/1.0", raw: []byte("GET /healthz HTTP/1.0\r\n\r\n")}
	}
	return fuzzReq{kind: kind, raw: raw, badHTTP: true}
}

// statusDiffs counts the requests answered with different statuses by the
// two runtimes, and describes a few.
func statusDiffs(reqs []fuzzReq, a, b fuzzRes) (int, []string) {
	n := 0
	var ex []string
	seen := map[string]bool{}
	for i := range min(a.sent, b.sent) {
		if a.statuses[i] == b.statuses[i] || strings.HasPrefix(reqs[i].path, "/static/") {
			continue // Workers Static Assets, not the Worker, serves /static/
		}
		n++
		key := reqs[i].kind + strconv.Itoa(a.statuses[i]) + strconv.Itoa(b.statuses[i])
		if !seen[key] && len(ex) < 8 {
			seen[key] = true
			ex = append(ex, fmt.Sprintf("#%d %s: native %d, Worker %d", i, reqs[i], a.statuses[i], b.statuses[i]))
		}
	}
	return n, ex
}
