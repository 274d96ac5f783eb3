package main

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// measure warms each endpoint up, then runs it concurrently and over one
// connection.
func measure(srv *server, eps []endpoint) map[string]result {
	res := map[string]result{}
	for _, ep := range eps {
		if ep.path == "/" && status(srv.base+"/") != 200 {
			ep.path = "/healthz" // no page at / yet
		}
		hammer(srv.base, ep, 500, 4) // warm up
		cpu0 := srv.cpu()
		r := hammer(srv.base, ep, *requests, *conns)
		r.cpuPerReq = (srv.cpu() - cpu0) / float64(*requests)
		one := hammer(srv.base, ep, *single, 1)
		r.p50one, r.p99one, r.errors = one.p50, one.p99, r.errors+one.errors
		res[ep.name] = r
	}
	return res
}

// hammer sends n requests over c connections and returns the figures.
func hammer(base string, ep endpoint, n, c int) result {
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: c, MaxConnsPerHost: c, DisableCompression: true},
	}
	defer client.CloseIdleConnections()
	lat := make([]float64, n)
	var (
		mu     sync.Mutex
		errors int
		wg     sync.WaitGroup
		next   = make(chan int)
	)
	t0 := time.Now()
	for range c {
		wg.Go(func() {
			for i := range next {
				req, _ := http.NewRequest(ep.method, base+ep.path, strings.NewReader(ep.body))
				if ep.body != "" {
					req.Header.Set("Content-Type", "application/json")
				}
				t := time.Now()
				res, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if err == nil && res.StatusCode != 200 {
						err = fmt.Errorf("%s", res.Status)
					}
				}
				lat[i] = ms(time.Since(t))
				if err != nil {
					mu.Lock()
					errors++
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
	elapsed := time.Since(t0)
	slices.Sort(lat)
	return result{
		rps:    float64(n) / elapsed.Seconds(),
		p50:    lat[n/2],
		p99:    lat[min(n-1, n*99/100)],
		errors: errors,
	}
}
