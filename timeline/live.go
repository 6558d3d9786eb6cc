package timeline

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"frise/timeline/content"
	"frise/timeline/export"
	"frise/timeline/publish"
	"frise/timeline/site"
)

// Live is a site under preview: the content as last loaded and what the
// pages were rendered from, kept between builds so that an edit costs the
// pages it touches, not the whole site.
//
// Build loads and publishes everything, as Load and Publish do. Update,
// given the files that changed, does the least it can, in place (see
// publish.Patch):
//
//   - an event file is read again alone (content.Site.Reread) and only
//     the pages that show it are rendered (site.Renderer.Refresh): its own
//     page when only its body changed; else also the pages that list it
//     and the feeds and data exports, which remember what they wrote for
//     every other event (export.Memo). A new date moves the event in the
//     views, and renders also its old and new neighbours' and years'
//     pages; other actors, places or topics render also the pages of those
//     it no longer names, other sources those it no longer cites; a new
//     date or terms, the pages whose related events changed. A new event
//     file, or one deleted, alone, is taken in or out the same way, and the
//     pages of terms and years come and go with their first and last
//     events; a draft made, changed or deleted renders nothing, and an
//     event that becomes a draft goes, a draft that becomes an event
//     comes. A save Reread does not take as a whole (a file renamed or
//     moved, several files naming other terms) is read again one file at
//     a time. Reread declines a few changes (a topic's new title when the
//     templates may show it on other pages, a file read under two names),
//     which go the next way, as does a save of several files of which one
//     declines before any was taken in; when one declines after others
//     were, the whole site is built again;
//   - an actor's or a place's file that keeps the term's names (its title
//     and aliases) is read again alone (content.Site.RereadTerm), and only
//     the term's page is rendered (site.Renderer.RefreshTerm), with its
//     events' pages when its role or country changed, which their facets
//     show, and the home page. A new title or new aliases are taken so
//     too when every event still names the term, by its file's name if
//     not by one it goes by, and the templates show a term's names only
//     where they may show its title (site.Renderer.Retitles): its events'
//     pages and those of their years are rendered too, and for a new
//     title the feeds and data exports. So is a new file for a term its
//     events named without one, whose page has the file's name, and a
//     file deleted whose events all name it by that name;
//   - a source's file is read again alone (content.Site.RereadSource) as
//     long as every passage quoted is still in its text, and its page and
//     the home page are rendered (site.Renderer.RefreshSource); when its
//     title, publisher, address, language or date changed, also the pages
//     of the events citing it and of their years, and the feeds and data
//     exports;
//   - any other change in the content folder (an actor's or a place's
//     file changing which term an event names, a source that lost a
//     passage quoted, a file read under two names)
//     loads the content again, parsing only the files that changed
//     (content.Loader), and renders the pages whose digest changed
//     (site.Renderer.Digests), removing those gone;
//   - a change to a static file rewrites that file alone, once Live knows
//     the folder they come from (WatchStatic): no page shows what a static
//     file holds;
//   - a change to the HTML templates, once Live knows their folder
//     (WatchTemplates), works out the views again from the same content
//     and renders the pages whose digest changed: a page template's pages,
//     or every page for the base layout or a partial;
//   - a change to the site's settings (_index.md), or to another file of
//     the templates folder (robots.txt), builds the whole site again.
//
// Each way gives the bytes a build from scratch gives.
//
// A Live is used by one goroutine at a time.
type Live struct {
	dir    string // the content folder, absolute
	fsys   fs.FS
	loader *content.Loader // parses again only the files that changed
	cfg    Config
	out    string
	static string // the folder cfg.Static reads, absolute, or "" when unknown
	tmpls  string // the folder cfg.Templates reads, absolute, or "" when unknown

	site    *content.Site // nil until a build succeeds, and after a failure
	pages   *site.Renderer
	digests map[string]uint64 // the pages' digests (site.Renderer.Digests), nil until needed or once stale
	pending []string          // event files whose last reading found problems: read again by every Update until fixed
	written *publish.Written  // what the site's files hold, as builds and updates wrote them
	// unloaded are the files changed since the loader last loaded the
	// folder (an edit in place reads its file without it): the next
	// load reads them again, and only them of the files it keeps.
	unloaded map[string]bool
}

// NewLive prepares a preview of the content folder dir, published into out.
func NewLive(dir string, cfg Config, out string) (*Live, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	fsys := content.Dir(abs)
	cfg.recycle = true // nothing holds a page once written: see pagesTo
	return &Live{dir: abs, fsys: fsys, loader: content.NewLoader(fsys), cfg: cfg, out: out}, nil
}

// WatchStatic tells l that its Config's static files are those of the
// folder dir, so that Update given files of that folder rewrites them
// alone instead of building the whole site.
func (l *Live) WatchStatic(dir string) (err error) {
	l.static, err = filepath.Abs(dir)
	return err
}

// WatchTemplates tells l that its Config's templates are those of the
// folder dir, so that Update given page templates of that folder renders
// only the pages they change instead of building the whole site.
func (l *Live) WatchTemplates(dir string) (err error) {
	l.tmpls, err = filepath.Abs(dir)
	return err
}

// Build loads the whole content folder and publishes it, keeping what
// Update needs. It returns how many files it wrote; on failure, the site
// on disk stays as it was and the error is content.Problems when the
// content is at fault.
func (l *Live) Build() (int, error) {
	l.site, l.pages, l.pending, l.digests, l.unloaded, l.written = nil, nil, nil, nil, nil, nil
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
	written := publish.NewWritten()
	st.Track(written)
	l.cfg.memo = export.NewMemo()
	n, err := each(s, l.cfg, pages, pagesTo(st), st.Create)
	if err != nil {
		return 0, err
	}
	if err := st.Commit(); err != nil {
		return 0, err
	}
	l.site, l.pages, l.written = s, pages, written
	return n, nil
}

// patchStage starts an update in place of the published site (see
// publish.Patch), which replaces a page whose bytes changed since the
// last build or update wrote it without reading it first.
func (l *Live) patchStage() (*publish.Stage, error) {
	st, err := publish.Patch(l.out)
	if err == nil {
		st.Track(l.written)
	}
	return st, err
}

// Update brings the published site up to date after the files named
// (paths as the operating system gives them) changed. It returns how many
// files it wrote and whether it had to build the whole site. When the
// changed files have problems it returns them as content.Problems and the
// site on disk stays as it was.
func (l *Live) Update(changed []string) (n int, whole bool, err error) {
	// Static files alone, while the content has no problems pending: with
	// some, the whole build below reports them again.
	if names, ok := within(l.static, changed); ok && l.site != nil && l.pending == nil {
		return l.restatic(names)
	}
	if names, ok := within(l.tmpls, changed); ok && l.site != nil && l.pending == nil && pageTemplates(names) {
		return l.retemplate()
	}
	files, ok := l.contentFiles(changed)
	if !ok || l.site == nil {
		return l.whole()
	}
	if files = l.dropUnread(files); len(files) == 0 && l.pending == nil {
		return 0, false, nil
	}
	files = slices.Compact(slices.Sorted(slices.Values(append(files, l.pending...))))
	if l.unloaded == nil {
		l.unloaded = map[string]bool{}
	}
	for _, f := range files {
		l.unloaded[f] = true
	}
	if len(files) == 1 {
		if n, whole, err, done := l.rereadDescribed(files[0]); done {
			return n, whole, err
		}
	}
	edits, fits, err := l.site.Reread(l.fsys, files, l.pages.Retitles())
	if err == nil && !fits && len(files) > 1 {
		// A file renamed, or several naming other terms: one at a time.
		var taken int
		edits, fits, taken, err = l.rereadEach(files)
		if taken > 0 && err != nil {
			// The content in memory is half changed, and the pages
			// rendered no longer tell what the disk holds: the next
			// update builds the whole site.
			l.site = nil
		}
		if taken > 0 && err == nil && !fits {
			return l.whole()
		}
	}
	if err != nil {
		l.pending = files
		return 0, false, err
	}
	l.pending = nil
	if !fits {
		return l.reshape(files)
	}
	if !l.pages.Local() {
		return l.whole()
	}
	return l.patch(edits, false, func(st *publish.Stage) (int, bool, error) {
		return l.pages.Refresh(edits, pagesTo(st), st.Remove)
	})
}

// eachAtMost is the most files rereadEach reads again one at a time.
const eachAtMost = 16

// rereadEach reads the files again one after another (see content.Site.
// Reread), those gone first, for a save Reread does not take as a whole: a
// file renamed (one gone, one new), a file moved, or several files naming
// other terms. It returns the edits of all of them, and how many files it
// took in before one declined or had problems: the content in memory then
// holds those changes, and neither it nor the renderer's views tell what
// the disk holds.
func (l *Live) rereadEach(files []string) (edits []content.Edit, fits bool, taken int, err error) {
	// Only event files may be taken in so, a few at a time; any other, or
	// many (a branch checked out), are for a new load, before anything
	// changes: each file read again alone goes through every event.
	if len(files) > eachAtMost {
		return nil, false, 0, nil
	}
	for _, f := range files {
		if !strings.HasPrefix(f, "events/") || path.Ext(f) != ".md" {
			return nil, false, 0, nil
		}
	}
	var ordered, there []string
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(l.dir, filepath.FromSlash(f))); errors.Is(err, fs.ErrNotExist) {
			ordered = append(ordered, f)
		} else {
			there = append(there, f)
		}
	}
	ordered = append(ordered, there...) // those gone first
	for _, f := range ordered {
		ed, fits, err := l.site.Reread(l.fsys, []string{f}, l.pages.Retitles())
		if err != nil || !fits {
			return nil, false, taken, err
		}
		edits = append(edits, ed...)
		taken++
	}
	return edits, true, taken, nil
}

// patch publishes what content.Site.Reread, RereadTerm or RereadSource
// changed in place: refresh renders into the stage the pages that show
// it, and the feeds and data exports are made again beside, unless every
// edit changed only a body (a term's file, or a source's new text alone,
// gives no edit at all) and no term was retitled.
func (l *Live) patch(edits []content.Edit, retitled bool, refresh func(st *publish.Stage) (int, bool, error)) (int, bool, error) {
	st, err := l.patchStage()
	if err != nil {
		return l.whole()
	}
	defer st.Abort() // on a panic below: the lock is let go
	exported := func() (int, error) { return 0, nil }
	sitemaps := l.cfg.memo.Sitemaps()
	if !bodyOnly(edits) || retitled {
		exported = exportBeside(l.site, l.cfg, st)
	}
	l.digests = nil // the pages refreshed have new ones
	n, ok, err := refresh(st)
	if err == nil && !ok {
		err = errors.New("refresh: the templates show more than the pages rendered")
	}
	made, xerr := exported()
	if err == nil {
		err = xerr
	}
	if err == nil {
		var dropped int
		dropped, err = l.dropSitemaps(st, sitemaps)
		n += dropped
	}
	if rebuilt, n, err := l.commit(st, err); rebuilt {
		return n, true, err
	}
	return n + made, false, nil
}

// rereadDescribed takes in place a change to the file of an actor or a
// place (content.Site.RereadTerm, site.Renderer.RefreshTerm) or of a
// source (content.Site.RereadSource, site.Renderer.RefreshSource). done
// is false, and nothing changed, when file is none of those or the change
// is not one taken so.
func (l *Live) rereadDescribed(file string) (n int, whole bool, err error, done bool) {
	var edits []content.Edit
	var refresh func(st *publish.Stage) (int, bool, error)
	retitled := false // the feeds and exports show the title of a term with events
	if l.pages.TermLocal() {
		t, was, fits, rerr := l.site.RereadTerm(l.fsys, file, l.pages.Retitles())
		if err = rerr; fits {
			retitled = t.Title != was.Title && len(t.Events) > 0
			refresh = func(st *publish.Stage) (int, bool, error) {
				return l.pages.RefreshTerm(t, was, pagesTo(st))
			}
		}
	}
	if err == nil && refresh == nil && l.pages.Local() {
		src, eds, fits, rerr := l.site.RereadSource(l.fsys, file)
		if err = rerr; fits {
			edits = eds
			refresh = func(st *publish.Stage) (int, bool, error) {
				return l.pages.RefreshSource(src, edits, pagesTo(st))
			}
		}
	}
	switch {
	case err != nil:
		l.pending = []string{file}
		return 0, false, err, true
	case refresh == nil:
		return 0, false, nil, false
	}
	l.pending = nil
	n, whole, err = l.patch(edits, retitled, refresh)
	return n, whole, err, true
}

// reshape brings the site up to date after files of the content folder
// changed in a way Reread does not take in place: the content is loaded
// and its views worked out again, but only the pages whose digest changed
// are rendered and replaced, pages that no longer exist are removed, and
// the feeds and exports are made again. files are the files that changed,
// read again by the next update while they have problems.
func (l *Live) reshape(files []string) (int, bool, error) {
	s, err := l.loader.LoadChanged(slices.Collect(maps.Keys(l.unloaded)))
	if err != nil {
		l.pending = files
		return 0, false, err
	}
	l.unloaded = nil
	st, err := l.patchStage()
	if err != nil {
		return l.whole()
	}
	defer st.Abort() // on a panic below: the lock is let go
	// The feeds and exports need only the content: they are made while
	// the views are worked out.
	sitemaps := l.cfg.memo.Sitemaps()
	exported := exportBeside(s, l.cfg, st)
	pages, err := l.pages.Next(s)
	if err != nil || !pages.Local() {
		exported() // nothing may write into st once it is let go
		return l.rebuild(st)
	}
	n, after, err := l.renderChanged(pages, st)
	made, xerr := exported()
	if err == nil {
		err = xerr
	}
	if err == nil {
		var dropped int
		dropped, err = l.dropSitemaps(st, sitemaps)
		n += dropped
	}
	if rebuilt, n, err := l.commit(st, err); rebuilt {
		return n, true, err
	}
	l.site, l.pages, l.digests = s, pages, after
	return n + made, false, nil
}

// dropSitemaps removes from st the sitemaps of before, those the exports
// made last time, that the exports just made no longer make: a site that
// shrank may need fewer. It returns how many.
func (l *Live) dropSitemaps(st *publish.Stage, before []string) (int, error) {
	n, now := 0, l.cfg.memo.Sitemaps()
	for _, name := range before {
		if !slices.Contains(now, name) {
			if err := st.Remove(name); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// renderChanged renders into st the pages of pages, the renderer that
// follows l.pages, whose digest changed, and the home page, and removes the
// pages gone. It returns how many files it handed over, and the new
// digests.
func (l *Live) renderChanged(pages *site.Renderer, st *publish.Stage) (int, map[string]uint64, error) {
	// The digests of the pages on disk are known after a change of shape;
	// after a build or a change in place, they are worked out beside the
	// new ones.
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
	// What lists show of the events and terms that did not change is
	// rendered already.
	pages.Inherit(l.pages)
	n, err := pages.Render(func(path string) bool {
		d, ok := before[path]
		return path == "index.html" || !ok || d != after[path]
	}, pagesTo(st))
	for path := range before {
		if _, ok := after[path]; !ok && err == nil {
			err = st.Remove(path)
			n++
		}
	}
	return n, after, err
}

// retemplate brings the site up to date after the page templates named
// (slash paths within the templates folder) changed: the views are worked
// out again, from the same content, and only the pages whose digest
// changed are rendered, a kind of page's own template being in its pages'
// digests. A template that shows more than Refresh and Digests account
// for, or does not parse, builds the whole site, which reports the error.
func (l *Live) retemplate() (int, bool, error) {
	pages, err := l.pages.Next(l.site)
	if err != nil || !pages.Local() {
		return l.whole()
	}
	st, err := l.patchStage()
	if err != nil {
		return l.whole()
	}
	defer st.Abort() // on a panic below: the lock is let go
	n, after, err := l.renderChanged(pages, st)
	if rebuilt, n, err := l.commit(st, err); rebuilt {
		return n, true, err
	}
	l.pages, l.digests = pages, after
	return n, false, nil
}

// commit ends an update in place: it commits st unless err says the update
// failed. On any failure some files may be written and others not, and
// what is in memory may no longer match the disk: it builds the whole site
// again, and returns true with that build's outcome.
func (l *Live) commit(st *publish.Stage, err error) (rebuilt bool, n int, _ error) {
	if err == nil {
		err = st.Commit()
	}
	if err == nil {
		return false, 0, nil
	}
	st.Abort()
	n, err = l.Build()
	return true, n, err
}

// exportBeside makes the feeds and data exports of s into st on a
// goroutine of their own, while the pages render on the others; the
// function it returns waits for them and says how many files they made.
func exportBeside(s *content.Site, cfg Config, st *publish.Stage) func() (int, error) {
	done := make(chan error, 1)
	var made atomic.Int64 // the data exports are made on goroutines of their own
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("exports failed: %v", p)
			}
		}()
		counted := func(name string, data []byte) error { made.Add(1); return st.Add(name, data) }
		created := func(name string) (io.WriteCloser, error) { made.Add(1); return st.Create(name) }
		done <- export.Stream(s, cfg.export(), counted, created)
	}()
	return func() (int, error) {
		err := <-done
		return int(made.Load()), err
	}
}

// restatic writes again the static files named (slash paths within the
// static folder) as a build would, and removes those gone. A folder, which
// may have taken or lost many files, builds the whole site.
func (l *Live) restatic(names []string) (int, bool, error) {
	st, err := l.patchStage()
	if err != nil {
		return l.whole()
	}
	defer st.Abort() // on a panic below: the lock is let go
	n := 0
	for _, name := range names {
		out := "static/" + name
		hidden := strings.HasPrefix(path.Base(name), ".") // a file a build leaves out
		fi, err := fs.Stat(l.cfg.Static, name)
		switch {
		case name == ".":
			return l.rebuild(st)
		case errors.Is(err, fs.ErrNotExist):
			if pi, err := os.Stat(filepath.Join(l.out, filepath.FromSlash(out))); err == nil && pi.IsDir() {
				return l.rebuild(st)
			}
			if hidden {
				continue
			}
			err = st.Remove(out)
		case err == nil && fi.IsDir():
			return l.rebuild(st)
		case err == nil:
			if hidden {
				continue
			}
			var data []byte
			if data, err = fs.ReadFile(l.cfg.Static, name); err == nil {
				err = st.Add(out, data)
			}
		}
		if err != nil {
			return l.rebuild(st)
		}
		n++
	}
	if rebuilt, n, err := l.commit(st, nil); rebuilt {
		return n, true, err
	}
	return n, false, nil
}

// pageTemplates reports whether the names, within the templates folder,
// are all HTML templates: the base layout, partials, page templates. Any
// other file (robots.txt, which the exports read, or a folder) builds the
// whole site.
func pageTemplates(names []string) bool {
	for _, name := range names {
		if path.Ext(name) != ".html" || strings.HasPrefix(path.Base(name), ".") {
			return false
		}
	}
	return true
}

// rebuild lets go of an update in place and builds the whole site.
func (l *Live) rebuild(st *publish.Stage) (int, bool, error) {
	st.Abort()
	return l.whole()
}

// whole builds the whole site, for an update that cannot be made in
// place, and says so.
func (l *Live) whole() (int, bool, error) {
	n, err := l.Build()
	return n, true, err
}

// within returns the slash paths within the folder dir of the changed
// files, and whether all of them lie in it.
func within(dir string, changed []string) ([]string, bool) {
	if dir == "" || len(changed) == 0 {
		return nil, false
	}
	var names []string
	for _, p := range changed {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, false
		}
		rel, err := filepath.Rel(dir, abs)
		if err != nil || !filepath.IsLocal(rel) {
			return nil, false
		}
		names = append(names, filepath.ToSlash(rel))
	}
	return slices.Compact(slices.Sorted(slices.Values(names))), true
}

// dropUnread leaves out of files, paths within the content folder, those
// a load would not read and which are gone, or are plain files: an
// editor's temporary file, saved then renamed over an event's, or a note
// beside the events, changes no page, and would have the content loaded
// again. A folder gone is left out too: the watcher names the files it
// held with it. A folder that is there is kept, for the files it may
// bring.
func (l *Live) dropUnread(files []string) []string {
	return slices.DeleteFunc(files, func(f string) bool {
		if content.Reads(f) {
			return false
		}
		fi, err := os.Lstat(filepath.Join(l.dir, filepath.FromSlash(f)))
		return errors.Is(err, fs.ErrNotExist) || err == nil && fi.Mode().IsRegular()
	})
}

// contentFiles returns the paths within the content folder of the changed
// files, and whether an update can take them in: all lie in the content
// folder, and none is its settings (_index.md), which every page shows.
func (l *Live) contentFiles(changed []string) ([]string, bool) {
	files, ok := within(l.dir, changed)
	if !ok || slices.Contains(files, "_index.md") {
		return nil, false
	}
	return files, true
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
