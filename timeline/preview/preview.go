// Package preview serves a built site on the local machine while an editor
// works on it, and rebuilds it whenever its inputs change.
//
// The server builds once, then watches the folders it is given (content/,
// templates/, static/) through the system's change notifications
// (fsnotify: inotify, kqueue, ReadDirectoryChangesW), one watch per folder,
// added as folders appear. After the first notification of a save it waits
// until none came for 5 ms (30 ms at most), since editors save with several
// writes or by renaming a new file over the old one, then looks again at
// the paths named only, and hands the sorted list of those that changed to
// Options.Update, or rebuilds with Options.Build. From a save to Update
// takes about 6 ms on a tree of 11,000 files (BenchmarkNotice), the quiet
// spell included.
//
// Notifications miss changes on some shared and network folders, and fail
// once the system's limit on watches is reached. So the folders are also
// compared as a whole (every file's size, modification time and number)
// every 2 s, or ten times as long as a comparison takes; when notifications
// cannot be had at all, this is said once on the log and the comparison
// runs every 50 ms, or ten times as long as it takes, instead: a picture
// of 11,000 files takes 70 to 100 ms (BenchmarkPicture), so on such a site
// an edit is then noticed up to a second late.
// Folders that do not exist are looked for every 50 ms and watched once they
// appear. Hidden files and folders and names ending in ~ are never looked at.
//
// A build writes through package publish, which swaps the whole output
// folder in one step, so a request sees the previous site or the new one,
// never a mix. An update (Options.Update, such as timeline.Live's) replaces
// the files it changes one at a time, each in one step: for the few
// milliseconds it takes, a page may be new and its neighbour not yet.
//
// While the content is broken, every page request gets an error page that
// lists the problems (status 500) and the last good site stays on disk;
// stylesheets, scripts and data files are still served from it.
//
// Only files inside the output folder are served: no "..", no symbolic link
// leading out of it, no directory listing. "/" and "/dir/" serve the
// folder's index.html, and an unknown address gets 404.html with status 404.
package preview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// DefaultAddr is the address served when Options.Addr is empty: the local
// machine only.
const DefaultAddr = "127.0.0.1:1313"

// Options configure Serve.
type Options struct {
	Addr   string // host:port to listen on; DefaultAddr when empty, port 0 for any free port
	OutDir string // the built site's folder, written by Build

	// Build loads the content, renders it and writes it into OutDir with
	// package publish (timeline.Publish). It returns content.Problems when the content is broken.
	Build func() error

	// Update, when set, is called instead of Build after a change, with the
	// paths that changed, sorted: files and folders that appeared, changed
	// or vanished, each joined to the folder of Watch it lies in, as
	// "content/events/a.md". Build still makes the first build. It returns
	// what it did, for the log: "updated 12 files", "rebuilt the site".
	Update func(changed []string) (string, error)

	Watch    []string      // folders whose changes trigger a build; missing ones are watched for appearing
	Interval time.Duration // how often missing folders are looked for, and the folders compared without notifications; 50ms when zero
	Log      io.Writer     // where builds and failures are reported; nothing when nil
	Ready    func(addr string)

	poll     bool          // compare whole folders only, as where notifications are lost
	backstop time.Duration // how far apart whole comparisons are while notifications work; defaultBackstop when zero
}

// Serve builds the site, serves it on opts.Addr and rebuilds it on change
// until ctx is cancelled; it then stops accepting requests, lets those under
// way finish, waits for a build in progress and returns nil.
func Serve(ctx context.Context, opts Options) error {
	if opts.OutDir == "" || opts.Build == nil {
		return errors.New("preview: OutDir and Build are required")
	}
	if opts.Addr == "" {
		opts.Addr = DefaultAddr
	}
	if opts.Interval <= 0 {
		opts.Interval = 50 * time.Millisecond
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.backstop <= 0 {
		opts.backstop = defaultBackstop
	}

	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", opts.Addr, err)
	}
	srv := &server{dir: opts.OutDir, log: opts.Log, build: opts.Build, update: opts.Update}
	// Take the first picture of the inputs before building, so an edit made
	// during the first build is seen by the watcher.
	w := newWatcher(opts.Watch, !opts.poll, opts.Log)
	srv.rebuild("built")

	addr := ln.Addr().String()
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintf(opts.Log, "frise: serving %s at http://%s/ (Ctrl-C to stop)\n", opts.OutDir, addr)
	if !loopback(addr) {
		fmt.Fprintf(opts.Log, "frise: warning: %s is open to other machines, which can read the preview; -addr %s keeps it to this one\n", addr, DefaultAddr)
	}
	if opts.Ready != nil {
		opts.Ready(addr)
	}

	var wg sync.WaitGroup
	wg.Go(func() { w.run(ctx, opts.Interval, opts.backstop, srv.changed) })

	select {
	case err = <-served:
		// The listener failed on its own.
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = hs.Shutdown(shut)
		cancel()
	}
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	fmt.Fprintln(opts.Log, "frise: preview stopped")
	return err
}

// loopback reports whether a listening address lets in this machine only.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// server answers requests from the output folder and keeps the last build's outcome.
type server struct {
	dir    string
	log    io.Writer
	build  func() error
	update func(changed []string) (string, error) // nil: build again

	mu     sync.Mutex
	broken error // the last build's error, nil when it succeeded
}

// rebuild runs a build and records its outcome; what says why it ran.
func (s *server) rebuild(what string) {
	s.run(func() (string, error) { return what, s.build() })
}

// changed brings the site up to date after a change to the paths given.
func (s *server) changed(paths []string) {
	what := paths[0] + " changed"
	if n := len(paths) - 1; n > 0 {
		what = fmt.Sprintf("%s and %d other file%s changed", paths[0], n, plural(n))
	}
	if s.update == nil {
		s.rebuild(what + ": rebuilt")
		return
	}
	s.run(func() (string, error) {
		did, err := s.update(paths)
		if did == "" {
			did = "updated"
		}
		return what + ": " + did, err
	})
}

func plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}

// run runs build and records its outcome; build says what it did.
func (s *server) run(build func() (string, error)) {
	start := time.Now()
	var what string
	err := safeBuild(func() (err error) {
		what, err = build()
		return err
	})
	s.mu.Lock()
	s.broken = err
	s.mu.Unlock()
	if err != nil {
		fmt.Fprintf(s.log, "frise: the build failed; serving an error page for every page until it is fixed:\n%s\n", problemText(err))
		return
	}
	fmt.Fprintf(s.log, "frise: %s in %s\n", what, time.Since(start).Round(time.Millisecond))
}

// safeBuild runs the build, turning a panic into an error the error page
// shows, so that a bug met while rendering does not stop the preview.
func safeBuild(build func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the build stopped on a bug: %v", r)
		}
	}()
	return build()
}

func (s *server) failure() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.broken
}
