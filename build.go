// Command frise turns a folder of news articles into a sourced, public
// timeline: it extracts the dated events the articles report, and renders
// the events, as editors have corrected them, into a static website.
//
// Usage:
//
//	frise build   [-content DIR] [-out DIR] [-base-url URL]   render content/ into public/
//	frise check   [-content DIR] [-out DIR]                   check a built site's links and quotes
//	frise extract [-content DIR] [-sources DIR] [-json]       write the events the sources report
//	frise dates   -ref YYYY-MM-DD                             find French dates in standard input
//	frise serve   [-content DIR] [-out DIR] [-addr HOST:PORT]  preview the site, rebuilt on every change
//
// Exit status: 0 on success, 1 for bad content or a failed check, 2 for bad usage.
package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"time"

	"frise/timeline"
	"frise/timeline/check"
	"frise/timeline/content"
	"frise/timeline/edtf"
	"frise/timeline/export"
	"frise/timeline/extract"
	"frise/timeline/frdate"
	"frise/timeline/heapfloor"
	"frise/timeline/preview"
	"frise/timeline/publish"
)

// The default templates and static files, used where the site has no folder of its own.
//
//go:embed all:templates all:static
var defaults embed.FS

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" && len(os.Args) > 1 && os.Args[1] == "build" {
		heapfloor.Set(buildHeapFloor, buildGCPercent)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// memoryLimit is the memory past which the garbage collector works harder
// rather than let the process grow: a build of a few thousand events never
// comes near it; one of 100,000 stays within it, 1.43 GB at its peak, its
// collector working a cycle every 400 MB or so over 650 MB that stay live
// (with 1280 MiB, 1.35 GB but 0.7 s slower; with 1400 MiB, 1.47 GB,
// too near the 1.5 GB the build must keep within). GOMEMLIMIT (for
// example GOMEMLIMIT=4GiB) replaces it.
const memoryLimit = 1350 << 20

// buildGCPercent is the garbage collector's GOGC for a build once its
// heap is past buildHeapFloor: a build allocates much, keeps little and
// exits, and collecting less often than Go's default of 100 makes it
// faster (5 % at 150, 7 % at 200 at 10,000 events), for a higher peak.
// From some 50,000 events on, memoryLimit decides when to collect
// instead. serve, which keeps its site in memory for hours, keeps Go's
// default. GOGC replaces both this and buildHeapFloor.
const buildGCPercent = 150

// buildHeapFloor is the heap below which a build does not collect (see
// package heapfloor): a build of 10,000 events then runs two cycles
// where it ran eight, for 5–6 % less processor time and a peak of
// 220–230 MB (190–215 MB without a floor; a floor of 224 MiB was no
// faster and peaked at 255 MB, one of 160 MiB saved less); the 300 MB it
// must keep within leaves room for a machine's differences. A site of a
// few thousand events never collects.
const buildHeapFloor = 192 << 20

const usage = `usage: frise <command> [flags]

commands:
  build     render content/ into a static site in public/
  check     check a built site: links, anchors, reachable pages, quotes
  extract   write the dated events the sources report into content/events/
  dates     print the French dates found in each line of standard input, as JSON
  serve     build the site, serve it on 127.0.0.1:1313 and rebuild it on every change

run "frise <command> -h" for a command's flags
`

// exitError carries an exit status and, when there is one, what to print.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "build":
		err = runBuild(rest, stdout, stderr)
	case "check":
		err = runCheck(rest, stdout, stderr)
	case "extract":
		err = runExtract(rest, stdout, stderr)
	case "dates":
		err = runDates(rest, stdin, stdout, stderr)
	case "serve":
		err = runServe(rest, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "frise: unknown command %q\n%s", cmd, usage)
		return 2
	}
	var ee *exitError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ee):
		if ee.msg != "" {
			fmt.Fprintf(stderr, "frise: %s\n", ee.msg)
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "frise: %v\n", err)
	return 1
}

// usageError is a bad command line: exit status 2.
func usageError(format string, a ...any) error {
	return &exitError{code: 2, msg: fmt.Sprintf(format, a...)}
}

// newFlags returns a flag set that reports its errors as usage errors.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("frise "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &exitError{code: 2}
	}
	if fs.NArg() > 0 {
		return usageError("%s: unexpected argument %q", fs.Name(), fs.Arg(0))
	}
	return nil
}

// buildConfig is what a build reads and where it writes.
type buildConfig struct {
	content, out, templates, static, baseURL string
}

func (c *buildConfig) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.content, "content", "content", "the content folder")
	fs.StringVar(&c.out, "out", "public", "the output folder, replaced as a whole when the build succeeds")
	fs.StringVar(&c.templates, "templates", "templates", "the templates folder (the built-in templates when it does not exist)")
	fs.StringVar(&c.static, "static", "static", "the static files folder (the built-in ones when it does not exist)")
	fs.StringVar(&c.baseURL, "base-url", os.Getenv("URL"), "the published site's address, for feeds, sitemap and canonical links (default: $URL, which Netlify sets)")
}

func runBuild(args []string, stdout, stderr io.Writer) error {
	var c buildConfig
	fs := newFlags("build", stderr)
	c.flags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := publish.CheckTarget(c.out, c.content, c.templates, c.static); err != nil {
		return usageError("%v", err)
	}
	start := time.Now()
	s, err := load(c.content, stderr)
	if err != nil {
		return err
	}
	for _, src := range s.Uncited() {
		fmt.Fprintf(stderr, "frise: warning: %s: not extracted yet; run frise extract to propose its events\n", filepath.Join(c.content, filepath.FromSlash(src.File)))
	}
	cfg, err := c.timeline()
	if err != nil {
		return err
	}
	n, err := timeline.Publish(s, cfg, c.out)
	if err != nil {
		return fmt.Errorf("build %s: %w (the previous site is unchanged)", c.out, err)
	}
	fmt.Fprintf(stdout, "frise: built %d event%s, %d files into %s in %s\n",
		len(s.Events), plural(len(s.Events)), n, c.out, time.Since(start).Round(time.Millisecond))
	return nil
}

// load reads and checks the content tree, printing warnings, and every
// problem with its hint when there are any.
func load(dir string, stderr io.Writer) (*content.Site, error) {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, usageError("content folder %s not found: run frise from the site's folder, or give -content DIR", dir)
	}
	s, err := content.Load(content.Dir(dir))
	var probs content.Problems
	if errors.As(err, &probs) {
		for _, p := range probs {
			printProblem(stderr, dir, p, "")
		}
		return nil, &exitError{code: 1, msg: fmt.Sprintf("%d problem%s in %s: nothing was written", len(probs), plural(len(probs)), dir)}
	}
	if err != nil {
		return nil, err
	}
	for _, w := range s.Warnings {
		printProblem(stderr, dir, w, "warning: ")
	}
	return s, nil
}

func printProblem(w io.Writer, dir string, p content.Problem, kind string) {
	p.File = filepath.Join(dir, filepath.FromSlash(p.File))
	fmt.Fprintf(w, "frise: %s%s\n", kind, p)
	if p.Hint != "" {
		fmt.Fprintf(w, "frise: hint: %s\n", p.Hint)
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// timeline is the rendering configuration: the site's own templates and
// static files, or the built-in ones.
func (c buildConfig) timeline() (timeline.Config, error) {
	tmpl, err := overridable(c.templates, "templates")
	if err != nil {
		return timeline.Config{}, err
	}
	static, err := overridable(c.static, "static")
	if err != nil {
		return timeline.Config{}, err
	}
	return timeline.Config{BaseURL: c.baseURL, Templates: tmpl, Static: static}, nil
}

// overridable is the folder dir when it exists, else the built-in one.
func overridable(dir, builtin string) (fs.FS, error) {
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		return os.DirFS(dir), nil
	}
	return fs.Sub(defaults, builtin)
}

func runCheck(args []string, stdout, stderr io.Writer) error {
	var c buildConfig
	fs := newFlags("check", stderr)
	c.flags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(c.out, "index.html")); err != nil {
		return &exitError{code: 1, msg: fmt.Sprintf("%s has no built site: run frise build first", c.out)}
	}
	s, err := load(c.content, stderr)
	if err != nil {
		return err
	}
	probs, err := check.Site(os.DirFS(c.out), "404.html")
	if err != nil {
		return err
	}
	// Every page the content calls for is there: the site is not older than the content.
	for _, p := range export.Pages(s) {
		if _, err := os.Stat(filepath.Join(c.out, filepath.FromSlash(p))); err != nil {
			probs = append(probs, check.Problem{Page: p, Msg: "is missing: the site is older than the content; run frise build"})
		}
	}
	for _, p := range probs {
		fmt.Fprintf(stderr, "frise: %s\n", filepath.Join(c.out, filepath.FromSlash(p.Page))+": "+p.Msg)
	}
	if len(probs) > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d problem%s in %s", len(probs), plural(len(probs)), c.out)}
	}
	quotes := 0
	for _, e := range s.Events {
		quotes += len(e.Sources)
	}
	fmt.Fprintf(stdout, "frise: %s is sound: every link and anchor resolves, every page is reachable, %d quotes found in their sources\n", c.out, quotes)
	return nil
}

func runExtract(args []string, stdout, stderr io.Writer) error {
	var opts extract.Options
	var asJSON bool
	fs := newFlags("extract", stderr)
	fs.StringVar(&opts.ContentDir, "content", "content", "the content folder: sources are read from it, events written into it")
	fs.StringVar(&opts.SourcesDir, "sources", "", "read the sources from this folder instead of content/sources")
	fs.BoolVar(&asJSON, "json", false, "write nothing; print the events found in each source as one JSON object")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if asJSON {
		return extract.JSON(opts, stdout)
	}
	report, err := extract.Run(opts)
	if err != nil {
		return err
	}
	report.Print(stdout)
	return nil
}

func runDates(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var ref string
	fs := newFlags("dates", stderr)
	fs.StringVar(&ref, "ref", "", "the reference date relative dates are read against: YYYY-MM-DD or YYYY-MM (required)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if ref == "" {
		return usageError("dates: -ref is required, e.g. -ref %s", time.Now().Format("2006-01-02"))
	}
	v, err := edtf.Parse(ref)
	if err != nil {
		return usageError("dates: -ref: %v", err)
	}
	return frdate.Lines(stdin, stdout, v)
}

// runServe builds the site, serves it locally and rebuilds it when content/,
// templates/ or static/ change, until Ctrl-C.
func runServe(args []string, stderr io.Writer) error {
	var c buildConfig
	fs := newFlags("serve", stderr)
	c.flags(fs)
	addr := fs.String("addr", preview.DefaultAddr, "the address to serve on; the default lets in this machine only")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fi, err := os.Stat(c.content); err != nil || !fi.IsDir() {
		return usageError("content folder %s not found: run frise from the site's folder, or give -content DIR", c.content)
	}
	if err := publish.CheckTarget(c.out, c.content, c.templates, c.static); err != nil {
		return usageError("%v", err)
	}
	cfg, err := c.timeline()
	if err != nil {
		return err
	}
	live, err := timeline.NewLive(c.content, cfg, c.out)
	if err != nil {
		return err
	}
	// The templates and static files are these folders' when they exist
	// (see overridable): a change to one renders only what it changes.
	if fi, err := os.Stat(c.static); err == nil && fi.IsDir() {
		if err := live.WatchStatic(c.static); err != nil {
			return err
		}
	}
	if fi, err := os.Stat(c.templates); err == nil && fi.IsDir() {
		if err := live.WatchTemplates(c.templates); err != nil {
			return err
		}
	}
	// Problems go to the error page as they are, with the folder's path.
	withPaths := func(err error) error {
		var probs content.Problems
		if errors.As(err, &probs) {
			for i := range probs {
				probs[i].File = filepath.Join(c.content, filepath.FromSlash(probs[i].File))
			}
			return probs
		}
		return err
	}
	build := func() error {
		_, err := live.Build()
		return withPaths(err)
	}
	update := func(changed []string) (string, error) {
		n, whole, err := live.Update(changed)
		if whole {
			return fmt.Sprintf("rebuilt the site (%d files)", n), withPaths(err)
		}
		if n == 1 {
			return "updated 1 file", withPaths(err)
		}
		return fmt.Sprintf("updated %d files", n), withPaths(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return preview.Serve(ctx, preview.Options{
		Addr: *addr, OutDir: c.out, Build: build, Update: update, Log: stderr,
		Watch: []string{c.content, c.templates, c.static},
	})
}
