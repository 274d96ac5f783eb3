// Command calmclaim serves Calmclaim natively on 127.0.0.1:$PORT (default
// 8080): the same handler the Worker and the browser run.
package main

import (
	"context"
	"errors"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/calmclaim/calmclaim/web"
)

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	addr := net.JoinHostPort(envOr("HOST", "127.0.0.1"), port)
	srv := &http.Server{
		Addr:              addr,
		Handler:           web.New(options(os.Getenv)),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		MaxHeaderBytes:    32 << 10,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	log.Printf("Calmclaim on http://%s", addr)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}

// options reads the operator's settings from the environment, as the Worker
// reads them from its env.
func options(getenv func(string) string) web.Options {
	return web.Options{FrameAncestors: web.SplitOrigins(getenv(web.FrameAncestorsVar))}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
