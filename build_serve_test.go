package main

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeCommand runs frise serve in-process: it serves the site, shows
// the problems while the content is broken, the site again once it is
// fixed, and stops on Ctrl-C.
func TestServeCommand(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("stops on SIGINT")
	}
	work := t.TempDir()
	contentDir, out := filepath.Join(work, "content"), filepath.Join(work, "public")
	writeLargeContent(t, contentDir, 3, "aperçu")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	var stdout, stderr bytes.Buffer
	code := make(chan int, 1)
	go func() {
		code <- run([]string{"serve", "-content", contentDir, "-out", out, "-addr", addr}, nil, &stdout, &stderr)
	}()
	get := func() (int, string) {
		resp, err := http.Get("http://" + addr + "/events/2000-01-accord-0.html")
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	waitFor := func(what string, cond func(int, string) bool) {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		for {
			select {
			case c := <-code:
				t.Fatalf("frise serve ended with %d before %s:\n%s", c, what, stderr.String())
			default:
			}
			if status, body := get(); cond(status, body) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("not after 60s: %s", what)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitFor("the site is served", func(status int, body string) bool {
		return status == 200 && strings.Contains(body, "Accord numéro 0 (aperçu)")
	})

	bad := filepath.Join(contentDir, "events", "2000", "2000-01-accord-0.md")
	good, err := os.ReadFile(bad)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, bytes.Replace(good, []byte("date: 2000-01"), []byte("date: 2000-13"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("the error page", func(status int, body string) bool {
		return status == 500 && strings.Contains(body, `2000-01-accord-0.md:3:7: date &#34;2000-13&#34; has no month 13`)
	})
	if err := os.WriteFile(bad, good, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("the site again", func(status int, body string) bool { return status == 200 })

	syscall.Kill(os.Getpid(), syscall.SIGINT)
	select {
	case c := <-code:
		if c != 0 {
			t.Errorf("frise serve ended with %d after Ctrl-C:\n%s", c, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("frise serve still running 30s after Ctrl-C")
	}
	if !strings.Contains(stderr.String(), "frise: serving "+out+" at http://"+addr+"/") {
		t.Errorf("stderr does not say where it serves:\n%s", stderr.String())
	}
}
