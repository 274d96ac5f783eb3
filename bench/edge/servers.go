package main

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type server struct {
	base  string
	cmd   *exec.Cmd
	ready time.Duration
}

// freeAddr returns a loopback address with a port free at the time.
func freeAddr() string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	defer l.Close()
	return l.Addr().String()
}

// start runs wrangler dev for w on a free port in its own process group
// and waits for GET /healthz.
func start(root string, w *worker) *server {
	_, port, _ := net.SplitHostPort(freeAddr())
	args := []string{"dev", "-c", w.config, "--ip", "127.0.0.1", "--port", port, "--log-level", "warn"}
	cmd := exec.Command(filepath.Join(root, "node_modules/.bin/wrangler"), args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "WRANGLER_SEND_METRICS=false", "CI=true")
	return launch(cmd, "http://127.0.0.1:"+port, "wrangler dev for "+w.name)
}

// launch starts cmd in its own process group and waits for GET /healthz;
// ready is the time from starting the process to the first 200, polled
// every millisecond (a refused connection costs microseconds).
func launch(cmd *exec.Cmd, base, what string) *server {
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	t0 := time.Now()
	check(cmd.Start())
	s := &server{base: base, cmd: cmd}
	live = append(live, s)
	for status(s.base+"/healthz") != 200 {
		if time.Since(t0) > 90*time.Second {
			s.stop()
			fail(what + " did not answer in 90s:\n" + log.String())
		}
		time.Sleep(time.Millisecond)
	}
	s.ready = time.Since(t0)
	return s
}

// startNative runs the native server binary (web/cmd/calmclaim, built by
// the caller) on a free loopback port.
func startNative(bin string) *server {
	addr := freeAddr()
	host, port, _ := net.SplitHostPort(addr)
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "HOST="+host, "PORT="+port)
	return launch(cmd, "http://"+addr, "the native server")
}

// startWorkerd serves w's dry-run bundle with workerd alone. testRoutes
// sets CALMCLAIM_TEST_ROUTES=1 in the Worker's env (the /__test/ routes of
// wasm/worker/testroutes.go).
func startWorkerd(w *worker, testRoutes bool) *server {
	files, err := os.ReadDir(w.dist)
	check(err)
	var modules []string
	for _, f := range files {
		switch {
		case f.Name() == "worker.js":
			modules = append([]string{`(name = "worker.js", esModule = embed "worker.js")`}, modules...)
		case strings.HasSuffix(f.Name(), ".wasm"):
			modules = append(modules, fmt.Sprintf(`(name = %q, wasm = embed %q)`, f.Name(), f.Name()))
		}
	}
	bindings := ""
	if testRoutes {
		bindings = `(name = "CALMCLAIM_TEST_ROUTES", text = "1")`
	}
	addr := freeAddr()
	config := fmt.Sprintf(`using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .w)],
  sockets = [(name = "http", address = %q, http = (), service = "main")],
);
const w :Workerd.Worker = (
  modules = [%s],
  compatibilityDate = "2026-04-26",
  bindings = [%s],
);
`, addr, strings.Join(modules, ", "), bindings)
	check(os.WriteFile(filepath.Join(w.dist, "workerd.capnp"), []byte(config), 0o644))
	bin, _ := filepath.Abs("node_modules/@cloudflare/workerd-linux-64/bin/workerd")
	cmd := exec.Command(bin, "serve", "workerd.capnp")
	cmd.Dir = w.dist
	return launch(cmd, "http://"+addr, w.name+" in workerd")
}

// live lists the servers started and not yet stopped, for stopAll.
var live []*server

// stopAll stops every server still running (on a failure).
func stopAll() {
	for len(live) > 0 {
		live[0].stop()
	}
}

// stop ends the server's process group and waits for it.
func (s *server) stop() {
	live = slices.DeleteFunc(live, func(x *server) bool { return x == s })
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

// workerd lists the /proc/PID/stat fields of the workerd processes in the
// server's process group.
func (s *server) workerd() [][]string {
	var out [][]string
	dirs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, d := range dirs {
		b, err := os.ReadFile(d)
		if err != nil {
			continue
		}
		i := bytes.LastIndexByte(b, ')')
		if i < 0 || !bytes.Contains(b[:i], []byte("(workerd")) {
			continue
		}
		f := strings.Fields(string(b[i+2:])) // f[0] is field 3 (state)
		if pgid, _ := strconv.Atoi(f[2]); pgid == s.cmd.Process.Pid {
			out = append(out, f)
		}
	}
	return out
}

// cpu is the user+system CPU time of the server's workerd processes, in ms
// (clock ticks of 10 ms).
func (s *server) cpu() float64 {
	var ticks float64
	for _, f := range s.workerd() {
		u, _ := strconv.ParseFloat(f[11], 64)
		k, _ := strconv.ParseFloat(f[12], 64)
		ticks += u + k
	}
	return ticks * 10
}

// rss is the resident size of the server's workerd processes, in MB.
func (s *server) rss() float64 {
	var pages float64
	for _, f := range s.workerd() {
		p, _ := strconv.ParseFloat(f[21], 64)
		pages += p
	}
	return pages * float64(os.Getpagesize()) / 1e6
}
