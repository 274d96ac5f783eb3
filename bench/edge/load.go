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

// measure warms each endpoint up, then runs it with n requests over -c
// connections and with single requests over one connection.
func measure(srv *server, eps []endpoint, n, single int) map[string]result {
	res := map[string]result{}
	for _, ep := range eps {
		if ep.path == "/" && status(srv.base+"/") != 200 {
			ep.path = "/healthz" // no page at / yet
		}
		hammer(srv.base, ep, 500, 4) // warm up
		cpu0 := srv.cpu()
		r := hammer(srv.base, ep, n, *conns)
		r.cpuPerReq = (srv.cpu() - cpu0) / float64(max(r.n, 1))
		one := hammer(srv.base, ep, single, 1)
		r.p50one, r.p99one, r.errors = one.p50, one.p99, r.errors+one.errors
		res[ep.name] = r
	}
	return res
}

// hammerMax bounds every load run in time, whatever its request count.
const hammerMax = 60 * time.Second

// hammer sends n requests over c connections, or as many as it can in
// hammerMax, and returns the figures.
func hammer(base string, ep endpoint, n, c int) result {
	return hammerFor(base, ep, n, c, hammerMax)
}

// hammerFor sends n requests over c connections, stopping early once max
// has passed; the figures are over the requests that completed. A request
// fails on a transport error or a status other than 200.
func hammerFor(base string, ep endpoint, n, c int, max time.Duration) result {
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: c, MaxConnsPerHost: c, DisableCompression: true},
	}
	defer client.CloseIdleConnections()
	var (
		mu     sync.Mutex
		lat    = make([]float64, 0, n)
		errors int
		wg     sync.WaitGroup
		next   = make(chan struct{})
	)
	t0 := time.Now()
	for range c {
		wg.Go(func() {
			for range next {
				t := time.Now()
				err := send(client, base, ep)
				d := ms(time.Since(t))
				mu.Lock()
				lat = append(lat, d)
				if err != nil {
					errors++
				}
				mu.Unlock()
			}
		})
	}
	deadline := time.After(max)
feed:
	for range n {
		select {
		case next <- struct{}{}:
		case <-deadline:
			break feed
		}
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(t0)
	done := len(lat)
	if done == 0 {
		return result{errors: errors}
	}
	slices.Sort(lat)
	return result{
		n:      done,
		rps:    float64(done) / elapsed.Seconds(),
		p50:    lat[done/2],
		p99:    lat[min(done-1, done*99/100)],
		errors: errors,
	}
}

// send makes one request of ep and reads the whole answer; anything but a
// 200 is an error.
func send(client *http.Client, base string, ep endpoint) error {
	req, err := http.NewRequest(ep.method, base+ep.path, strings.NewReader(ep.body))
	if err != nil {
		return err
	}
	if ep.body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if err == nil && res.StatusCode != 200 {
		err = fmt.Errorf("%s", res.Status)
	}
	return err
}

func frps(v float64) string { return fmt.Sprintf("%.0f", v) }
