package main

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// server is a runtime serving the pages on loopback, in its own process
// group.
type server struct {
	URL string
	cmd *exec.Cmd
	log bytes.Buffer
}

// startNative builds web/cmd/calmclaim (make run's server, with
// web/static embedded) into dir and runs it on a free loopback port.
func startNative(dir string) (*server, error) {
	bin := filepath.Join(dir, "calmclaim")
	if out, err := exec.Command("go", "build", "-o", bin, "./web/cmd/calmclaim").CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build ./web/cmd/calmclaim: %v\n%s", err, out)
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	host, port, _ := net.SplitHostPort(addr)
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "HOST="+host, "PORT="+port)
	return launch(cmd, "http://"+addr, "the native server")
}

// startWorker runs the Worker under wrangler dev (make dev: workerd with
// build/ and its static assets) on a free loopback port. make build must
// have filled build/.
func startWorker() (*server, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	host, port, _ := net.SplitHostPort(addr)
	cmd := exec.Command("node_modules/.bin/wrangler", "dev", "--ip", host, "--port", port, "--log-level", "warn")
	cmd.Env = append(os.Environ(), "WRANGLER_SEND_METRICS=false", "CI=true")
	return launch(cmd, "http://"+addr, "wrangler dev")
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// launch starts cmd and waits up to 90 s for GET /healthz to answer 200.
func launch(cmd *exec.Cmd, url, what string) (*server, error) {
	s := &server{URL: url, cmd: cmd}
	cmd.Stdout, cmd.Stderr = &s.log, &s.log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	client := &http.Client{Timeout: 10 * time.Second}
	for t0 := time.Now(); ; time.Sleep(50 * time.Millisecond) {
		if res, err := client.Get(url + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return s, nil
			}
		}
		if time.Since(t0) > 90*time.Second {
			s.Stop()
			return nil, fmt.Errorf("%s did not answer in 90 s:\n%s", what, s.log.String())
		}
	}
}

// Stop ends the server's process group and waits for it.
func (s *server) Stop() {
	syscall.Kill(-s.cmd.Process.Pid, syscall.SIGTERM)
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
		<-done
	}
}
