package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/calmclaim/calmclaim/web"
)

// The two describe bodies, in bench/edge/testdata: a typical story of
// about 1 KB, and the hostile worst case (every story field near its 2,000
// character limit, full of threats, insults, shouting, phone numbers,
// e-mail addresses, card numbers and links).
var (
	typicalFile = filepath.Join("bench", "edge", "testdata", "describe-typical.json")
	hostileFile = filepath.Join("bench", "edge", "testdata", "describe-hostile.json")
)

func describeEndpoint(name, file string) endpoint {
	b, err := os.ReadFile(file)
	check(err)
	return endpoint{name, "POST", "/api/v1/describe", string(b)}
}

// describeRes is what the describe set measured on the Go Worker.
type describeRes struct {
	typical, hostile result
	// natively, through web.New in this process: ms per request
	nativeTypical, nativeHostile float64

	// POST /api/v1/assess over assessConns connections, alone and while
	// describeClients clients send the hostile describe without pause
	alone, loaded           result
	describes, describeErrs int64
	describeErr             string // the first error of the describe clients

	// the first typical describe in a fresh workerd (after its first GET
	// /healthz): latency and workerd CPU, in ms, each run; the tone check
	// reads its compiled lexicons then
	firstLat, firstCPU []float64
}

const (
	assessConns     = 4
	describeClients = 4
)

// describeSet measures POST /api/v1/describe on the Worker: the CPU per
// request of the typical and the hostile story (workerd's CPU time over
// nTyp and nHost requests sent one at a time, after a warm-up), then
// assessments alone and while describe is under load.
func describeSet(srv *server, typ, host, assess endpoint, nTyp, nHost int) describeRes {
	var d describeRes
	one := func(ep endpoint, n int) result {
		hammer(srv.base, ep, 10, 1) // warm up
		cpu0 := srv.cpu()
		r := hammer(srv.base, ep, n, 1)
		r.cpuPerReq = (srv.cpu() - cpu0) / float64(max(r.n, 1))
		return r
	}
	d.typical = one(typ, nTyp)
	d.hostile = one(host, nHost)
	d.nativeTypical = nativeMS(typ, nTyp)
	d.nativeHostile = nativeMS(host, nHost)

	const n, window = 3000, 10 * time.Second
	d.alone = hammerFor(srv.base, assess, n, assessConns, window)
	stop := make(chan struct{})
	var (
		wg sync.WaitGroup
		mu sync.Mutex
	)
	for range describeClients {
		wg.Go(func() {
			// A new connection per describe (it costs nothing beside 100 ms
			// of describe): under this load workerd may close a kept-alive
			// connection as a request goes out, and Go's client, unlike a
			// browser, does not send a POST again.
			client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
			defer client.CloseIdleConnections()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if err := send(client, srv.base, host); err != nil {
					atomic.AddInt64(&d.describeErrs, 1)
					mu.Lock()
					if d.describeErr == "" {
						d.describeErr = err.Error()
					}
					mu.Unlock()
				} else {
					atomic.AddInt64(&d.describes, 1)
				}
			}
		})
	}
	time.Sleep(500 * time.Millisecond) // the describe clients are queued
	d.loaded = hammerFor(srv.base, assess, n, assessConns, window)
	close(stop)
	wg.Wait()
	return d
}

// nativeMS is the mean time, in ms, of n requests of ep through web.New
// natively in this process, one at a time: the same Go code without wasm.
func nativeMS(ep endpoint, n int) float64 {
	h := web.New(web.Options{})
	do := func() {
		req := httptest.NewRequest(ep.method, ep.path, bytes.NewReader([]byte(ep.body)))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			fail("natively, " + ep.name + " answered " + http.StatusText(rec.Code) + ": " + rec.Body.String())
		}
	}
	do()
	t := time.Now()
	for range n {
		do()
	}
	return ms(time.Since(t)) / float64(n)
}

// firstDescribes starts a fresh workerd runs times, waits for its first
// 200, and times the first describe it answers: what a buyer's first
// description costs in a new isolate, the tone check's lexicons read on
// the way (see assistant/describe/lexbin.go).
func firstDescribes(w *worker, ep endpoint, runs int) (lat, cpu []float64) {
	for range runs {
		srv := startWorkerd(w, false)
		c0 := srv.cpu()
		t := time.Now()
		if r := hammer(srv.base, ep, 1, 1); r.errors == 0 && r.n == 1 {
			lat = append(lat, ms(time.Since(t)))
			cpu = append(cpu, srv.cpu()-c0)
		}
		srv.stop()
	}
	return lat, cpu
}
