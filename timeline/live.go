package timeline

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"frise/timeline/content"
	"frise/timeline/export"
	"frise/timeline/publish"
	"frise/timeline/site"
)

// Live is a site under preview: the content as last loaded and what the
// pages were rendered from, kept between builds so that an edit to an
// event's text costs the pages that show that event, not the whole site.
//
// Build loads and publishes everything, as Load and Publish do. Update,
// given the files that changed, reads again only the event files among
// them and updates in place only the files that depend on them (see
// content.Site.Reread, site.Renderer.Refresh and publish.Patch): on a site
// of 10,000 events, a few pages and, when the title, summary, quotes or
// other keys changed, the feeds and data exports, which remember what they
// wrote for every event whose content did not change (export.Memo). Any other change (a new or deleted
// file, another date, terms or sources, a template, a source article)
// makes Update build the whole site again, which gives the same bytes.
//
// A Live is used by one goroutine at a time.
type Live struct {
	dir    string // the content folder, absolute
	fsys   fs.FS
	loader *content.Loader // parses again only the files that changed
	cfg    Config
	out    string

	site    *content.Site // nil until a build succeeds, and after a failure
	pages   *site.Renderer
	digests map[string]uint64 // the pages' digests (site.Renderer.Digests), nil until needed or once stale
	pending []string          // event files whose last reading found problems: read again by every Update until fixed
}

// NewLive prepares a preview of the content folder dir, published into out.
func NewLive(dir string, cfg Config, out string) (*Live, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	fsys := os.DirFS(abs)
	return &Live{dir: abs, fsys: fsys, loader: content.NewLoader(fsys), cfg: cfg, out: out}, nil
}

// Build loads the whole content folder and publishes it, keeping what
// Update needs. It returns how many files it wrote; on failure, the site
// on disk stays as it was and the error is content.Problems when the
// content is at fault.
func (l *Live) Build() (int, error) {
	l.site, l.pages, l.pending, l.digests = nil, nil, nil, nil
	s, err := l.loader.Load()
	if err != nil {
		return 0, err
	}
	pages, err := site.NewRenderer(s, l.cfg.site())
	if err != nil {
		return 0, fmt.Errorf("render: %w", err)
	}
	pages.Remember()
	st, err := publish.Begin(l.out)
	if err != nil {
		return 0, err
	}
	defer st.Abort()
	l.cfg.memo = export.NewMemo()
	n, err := each(s, l.cfg, pages, st.Add, st.Create)
	if err != nil {
		return 0, err
	}
	if err := st.Commit(); err != nil {
		return 0, err
	}
	l.site, l.pages = s, pages
	return n, nil
}

// Update brings the published site up to date after the files named
// (paths as the operating system gives them) changed. It returns how many
// files it wrote and whether it had to build the whole site. When the
// changed files have problems it returns them as content.Problems and the
// site on disk stays as it was.
func (l *Live) Update(changed []string) (n int, whole bool, err error) {
	files, ok := l.eventFiles(changed)
	if !ok || l.site == nil {
		n, err = l.Build()
		return n, true, err
	}
	files = append(files, l.pending...)
	edits, fits, err := l.site.Reread(l.fsys, files)
	if err != nil {
		l.pending = files
		return 0, false, err
	}
	l.pending = nil
	if !fits {
		return l.reshape(files)
	}
	st, err := publish.Patch(l.out)
	if err != nil {
		n, err = l.Build()
		return n, true, err
	}
	exported := func() (int, error) { return 0, nil }
	if !bodyOnly(edits) {
		exported = exportBeside(l.site, l.cfg, st)
	}
	l.digests = nil // the pages refreshed have new ones
	n, fits, err = l.pages.Refresh(edits, st.Add)
	made, xerr := exported()
	if err == nil {
		err = xerr
	}
	if err != nil || !fits {
		// What is in memory may no longer match the disk: start afresh.
		st.Abort()
		n, err := l.Build()
		return n, true, err
	}
	return n + made, false, st.Commit()
}

// reshape brings the site up to date after event files were added or
// deleted, or changed their dates, terms or sources: the content is loaded
// and its views worked out again, but only the pages whose digest changed
// are rendered and replaced, pages that no longer exist are removed, and
// the feeds and exports are made again. files are the event files that
// changed, read again by the next update while they have problems.
func (l *Live) reshape(files []string) (int, bool, error) {
	s, err := l.loader.Load()
	if err != nil {
		l.pending = files
		return 0, false, err
	}
	pages, err := site.NewRenderer(s, l.cfg.site())
	if err != nil || !pages.Local() {
		n, err := l.Build()
		return n, true, err
	}
	pages.Remember()
	st, err := publish.Patch(l.out)
	if err != nil {
		n, err := l.Build()
		return n, true, err
	}
	exported := exportBeside(s, l.cfg, st)
	// The digests of the pages on disk are known after a change of this
	// kind; after a build or a change in place, they are worked out beside
	// the new ones.
	before := l.digests
	digested := make(chan struct{})
	go func() {
		defer close(digested)
		defer func() {
			if recover() != nil {
				before = nil // every page is then rendered again
			}
		}()
		if before == nil {
			before = l.pages.Digests()
		}
	}()
	after := pages.Digests()
	<-digested
	n, err := pages.Render(func(path string) bool {
		d, ok := before[path]
		return path == "index.html" || !ok || d != after[path]
	}, st.Add)
	for path := range before {
		if _, ok := after[path]; !ok && err == nil {
			err = st.Remove(path)
			n++
		}
	}
	made, xerr := exported()
	if err == nil {
		err = xerr
	}
	if err != nil {
		st.Abort()
		n, err := l.Build()
		return n, true, err
	}
	if err := st.Commit(); err != nil {
		return 0, false, err
	}
	l.site, l.pages, l.digests = s, pages, after
	return n + made, false, nil
}

// exportBeside makes the feeds and data exports of s into st on a
// goroutine of their own, while the pages render on the others; the
// function it returns waits for them and says how many files they made.
func exportBeside(s *content.Site, cfg Config, st *publish.Stage) func() (int, error) {
	done := make(chan error, 1)
	made := 0
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("exports failed: %v", p)
			}
		}()
		counted := func(name string, data []byte) error { made++; return st.Add(name, data) }
		created := func(name string) (io.WriteCloser, error) { made++; return st.Create(name) }
		done <- export.Stream(s, cfg.export(), counted, created)
	}()
	return func() (int, error) {
		err := <-done
		return made, err
	}
}

// eventFiles returns the paths within the content folder of the changed
// files, and whether all of them are event files.
func (l *Live) eventFiles(changed []string) ([]string, bool) {
	var files []string
	for _, p := range changed {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, false
		}
		rel, err := filepath.Rel(l.dir, abs)
		if err != nil {
			return nil, false
		}
		rel = filepath.ToSlash(rel)
		name, ok := strings.CutPrefix(rel, "events/")
		if !ok || strings.Contains(name, "/") || !strings.HasSuffix(name, ".md") || strings.HasPrefix(name, ".") {
			return nil, false
		}
		files = append(files, rel)
	}
	return files, len(files) > 0
}

// bodyOnly reports whether the edits changed only events' bodies, which
// the data exports do not show.
func bodyOnly(edits []content.Edit) bool {
	for _, ed := range edits {
		if !ed.BodyOnly() {
			return false
		}
	}
	return true
}
