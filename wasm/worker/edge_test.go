//go:build !js

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/calmclaim/calmclaim/web/assets"
	"github.com/calmclaim/calmclaim/web/webtest"
)

// The edge tests run the built Worker in workerd (wrangler dev) and need
// `npm ci` first; `make test-edge` sets CALMCLAIM_EDGE=1 and does both.

const assessBody = `{"today":"2026-11-22","facts":{"claim":"broken","paid_on_platform":true,"refund_requested_on":"2026-11-01"}}`

// probe is a file put among the static assets to show they are served
// without Go.
const probe = "edge-probe.txt"

func edgeOnly(t *testing.T) string {
	t.Helper()
	if os.Getenv("CALMCLAIM_EDGE") != "1" {
		t.Skip("edge tests: set CALMCLAIM_EDGE=1 (make test-edge)")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "node_modules/.bin/wrangler")); err != nil {
		t.Fatal("wrangler is not installed: run npm ci (make test-edge does)")
	}
	buildOnce.Do(func() {
		cmd := exec.Command(filepath.Join(root, "scripts/build-worker.sh"))
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("scripts/build-worker.sh: %v\n%s", err, out)
			return
		}
		buildErr = os.WriteFile(filepath.Join(root, "build/assets/static", probe), []byte("served by assets\n"), 0o644)
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return root
}

var (
	buildOnce sync.Once
	buildErr  error
)

// TestGlue runs the glue's Node tests against the freshly built app.wasm.
func TestGlue(t *testing.T) {
	root := edgeOnly(t)
	cmd := exec.Command("node", "--test", "wasm/worker/glue/")
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node --test: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "# ") {
			t.Log(line)
		}
	}
}

// TestEdge serves the Worker with wrangler dev and runs the shared contract
// suite and the runtime checks over HTTP.
func TestEdge(t *testing.T) {
	root := edgeOnly(t)
	base := startWrangler(t, root, "--var", testRoutesVar+":1", "--var", "CALMCLAIM_TEST_ECHO:edge")

	t.Run("contract", func(t *testing.T) { webtest.Contract(t, base) })

	// contract/static checks the headers of the assets the pages link to
	// (nosniff, the referrer policy, immutable hashed names, embed.js).
	t.Run("static_assets", func(t *testing.T) {
		code, _, body := do(t, "GET", base+"/static/"+probe, "")
		if code != 200 || body != "served by assets\n" {
			t.Errorf("GET /static/%s = %d %q", probe, code, body)
		}
	})

	t.Run("pages_name_the_published_wasm", func(t *testing.T) {
		_, _, page := do(t, "GET", base+"/dispute", "")
		m := regexp.MustCompile(`data-wasm="(/static/app\.[0-9a-f]{8}\.wasm)" data-wasm-exec="(/static/wasm_exec\.[0-9a-f]{8}\.js)"`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no wasm address on app.js's tag: the Worker was built without the published names")
		}
		for _, url := range m[1:] {
			if code, h, _ := do(t, "HEAD", base+url, ""); code != 200 || h.Get("Cache-Control") != assets.Immutable {
				t.Errorf("HEAD %s = %d %v", url, code, h)
			}
		}
	})

	t.Run("panic_is_500_then_served", func(t *testing.T) {
		code, h, body := do(t, "GET", base+"/__test/panic", "")
		if code != 500 || !strings.HasPrefix(h.Get("Content-Type"), "application/json") || !strings.Contains(body, `"internal"`) {
			t.Errorf("GET /__test/panic = %d %v %s", code, h, body)
		}
		if code, _, body := do(t, "POST", base+"/api/v1/assess", assessBody); code != 200 {
			t.Errorf("after the panic: %d %s", code, body)
		}
	})

	t.Run("env_and_ctx_per_request", func(t *testing.T) {
		var wg sync.WaitGroup
		for i := range 40 {
			wg.Go(func() {
				_, _, body := do(t, "GET", base+"/__test/env?mark=m"+strconv.Itoa(i), "")
				if body != "echo=edge\nprev=\n" {
					t.Errorf("request %d saw %q: env or ctx of another request", i, body)
				}
			})
		}
		wg.Wait()
	})

	t.Run("exit_restarts_runtime", func(t *testing.T) {
		if code, _, body := do(t, "GET", base+"/__test/exit", ""); code != 500 {
			t.Errorf("GET /__test/exit = %d %s", code, body)
		}
		if code, _, body := do(t, "POST", base+"/api/v1/assess", assessBody); code != 200 {
			t.Errorf("after the exit: %d %s", code, body)
		}
	})

	// Named for a bug: the first response that outgrew the exchange buffer
	// of a fresh runtime was padded with the rest of the new buffer (NULs).
	t.Run("large_response_from_fresh_runtime_is_exact", func(t *testing.T) {
		do(t, "GET", base+"/__test/exit", "") // the next request starts a fresh runtime
		// Each "<" is written back as \u003c; the parts differ, as a
		// sentence repeated across the description is written once.
		lt := strings.Repeat("<", 1999)
		body := `{"today":"2026-11-22","facts":{"claim":"broken","paid_on_platform":true,"refund_requested_on":"2026-11-01"},` +
			`"story":{"ordered":"1` + lt + `","received":"2` + lt + `","difference":"3` + lt + `","requested":"4` + lt + `"}}`
		// identity: the bytes as the Worker sent them, with their length
		// (the client would otherwise ask for gzip and drop Content-Length).
		raw := func(method, url, body string) (int, http.Header, string) {
			req, _ := http.NewRequest(method, url, strings.NewReader(body))
			req.Header.Set("Accept-Encoding", "identity")
			if body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			res, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			b, err := io.ReadAll(res.Body)
			if err != nil {
				t.Fatal(err)
			}
			return res.StatusCode, res.Header, string(b)
		}
		code, h, got := raw("POST", base+"/api/v1/describe", body)
		if code != 200 || len(got) <= 64<<10 || h.Get("Content-Length") != strconv.Itoa(len(got)) ||
			strings.IndexByte(got, 0) >= 0 || !json.Valid([]byte(got)) {
			t.Errorf("describe from a fresh runtime: %d, %d bytes, Content-Length %s, NUL at %d, valid JSON %v",
				code, len(got), h.Get("Content-Length"), strings.IndexByte(got, 0), json.Valid([]byte(got)))
		}
		for _, n := range []int{1_000_003, 100_000} {
			code, h, got := raw("GET", base+"/__test/bytes?n="+strconv.Itoa(n), "")
			if code != 200 || len(got) != n || h.Get("Content-Length") != strconv.Itoa(n) {
				t.Fatalf("/__test/bytes?n=%d: %d, %d bytes, Content-Length %s", n, code, len(got), h.Get("Content-Length"))
			}
			for i := range n {
				if got[i] != byte(i%251) {
					t.Fatalf("/__test/bytes?n=%d: byte %d is %d", n, i, got[i])
				}
			}
		}
	})

	t.Run("memory_flat_10000_requests", func(t *testing.T) {
		load(t, base, 1000)
		first := mem(t, base)
		load(t, base, 9000)
		last := mem(t, base)
		t.Logf("Go memory after 1,000 requests: sys %d, heap %d; after 10,000: sys %d, heap %d, %d GCs",
			first.Sys, first.HeapAlloc, last.Sys, last.HeapAlloc, last.NumGC)
		if last.Sys > first.Sys+8<<20 || last.Sys > 128<<20 {
			t.Errorf("Go memory grew from %d to %d bytes", first.Sys, last.Sys)
		}
	})
}

// startWrangler starts wrangler dev on a free loopback port in its own
// process group, waits for /healthz and stops the group at cleanup.
func startWrangler(t *testing.T, root string, args ...string) string {
	t.Helper()
	port := freePort(t)
	base := "http://127.0.0.1:" + port
	args = append([]string{"dev", "--ip", "127.0.0.1", "--port", port, "--log-level", "warn"}, args...)
	cmd := exec.Command(filepath.Join(root, "node_modules/.bin/wrangler"), args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "WRANGLER_SEND_METRICS=false", "CI=true")
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-exited
		}
		if t.Failed() {
			t.Logf("wrangler dev output:\n%s", log.String())
		}
	})
	deadline := time.Now().Add(90 * time.Second)
	for {
		select {
		case err := <-exited:
			t.Fatalf("wrangler dev exited: %v\n%s", err, log.String())
		default:
		}
		if res, err := http.Get(base + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return base
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no /healthz from wrangler dev in 90s\n%s", log.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func freePort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}

var client = &http.Client{
	Timeout:   30 * time.Second,
	Transport: &http.Transport{MaxIdleConnsPerHost: 16},
}

func do(t *testing.T, method, url, body string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, res.Header, string(data)
}

// load sends n requests over 8 connections, alternating GET /healthz and
// POST /api/v1/assess, and fails on any error or non-200.
func load(t *testing.T, base string, n int) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var (
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
		next = make(chan int)
	)
	for range 8 {
		wg.Go(func() {
			for i := range next {
				var req *http.Request
				if i%2 == 0 {
					req, _ = http.NewRequestWithContext(ctx, "GET", base+"/healthz", nil)
				} else {
					req, _ = http.NewRequestWithContext(ctx, "POST", base+"/api/v1/assess", strings.NewReader(assessBody))
					req.Header.Set("Content-Type", "application/json")
				}
				res, err := client.Do(req)
				if err == nil {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if res.StatusCode != 200 {
						err = errors.New(res.Status)
					}
				}
				if err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("%d of %d requests failed, first: %v", len(errs), n, errs[0])
	}
}

type memStats struct {
	Sys       uint64 `json:"sys"`
	HeapAlloc uint64 `json:"heap_alloc"`
	NumGC     uint64 `json:"num_gc"`
}

func mem(t *testing.T, base string) memStats {
	_, _, body := do(t, "GET", base+"/__test/mem", "")
	var m memStats
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatalf("GET /__test/mem: %v: %s", err, body)
	}
	return m
}
