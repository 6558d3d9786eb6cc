// Package timeline is Frise's pipeline from a content tree to the files of
// a published site:
//
//	site, err := timeline.Load(contentFS)       // read and check content/, every problem at once
//	n, err := timeline.Publish(site, cfg, out)   // render, minify and write each file as it is made,
//	                                             // then swap the new site in (package publish)
//
// A preview keeps the site in memory and updates only what a change touches
// (see Live):
//
//	live, err := timeline.NewLive(contentDir, cfg, out)
//	n, err := live.Build()                       // as Load and Publish
//	n, whole, err := live.Update(changedPaths)    // after files changed
//
// The packages below it do the work: edtf (imprecise dates), frdate
// (French dates in text), article (scraped sources), content (the content
// tree), extract (sources to events), site (the pages), export (feeds and
// data), publish (writing) and check (a built site's links).
package timeline

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"sync"

	"frise/timeline/content"
	"frise/timeline/export"
	"frise/timeline/internal/recycle"
	"frise/timeline/publish"
	"frise/timeline/site"
)

// Config is what rendering needs besides the content.
type Config struct {
	BaseURL   string // the published site's address, for absolute links; may be empty
	Templates fs.FS  // the templates/ tree
	Static    fs.FS  // the static/ tree

	memo *export.Memo // what the data exports remember between builds (Live), or nil
	// recycle has the pages' bytes taken from package recycle, for
	// Publish and Live, which hand each back once written (pagesTo).
	recycle bool
}

func (cfg Config) site() site.Config {
	return site.Config{BaseURL: cfg.BaseURL, Templates: cfg.Templates, Static: cfg.Static, Minify: true, Recycle: cfg.recycle}
}

// pagesTo returns what hands the files of a site to st: the pages, which
// the renderer minifies (see site.Config.Minify), as they are, their bytes
// handed back to recycle once written, and the other files to be minified
// by their kind. Nothing holds a page after: a renderer that hands pages
// here takes their bytes from recycle (Config.recycle).
func pagesTo(st *publish.Stage) func(name string, data []byte) error {
	return func(name string, data []byte) error {
		if path.Ext(name) != ".html" {
			return st.Add(name, data)
		}
		return st.PutThen(name, data, recycle.Release)
	}
}

func (cfg Config) export() export.Config {
	return export.Config{BaseURL: cfg.BaseURL, Templates: cfg.Templates, Memo: cfg.memo}
}

// Load reads and checks a content tree; see package content.
func Load(contentFS fs.FS) (*content.Site, error) { return content.Load(contentFS) }

// Render returns every file of the site, keyed by its slash path in the
// output: the pages, the static files, the feeds and the exports. The
// pages are minified, as Publish writes them; the other files are not yet.
func Render(s *content.Site, cfg Config) (map[string][]byte, error) {
	files := map[string][]byte{}
	// The pages, the feeds and each data export arrive from goroutines of
	// their own.
	var mu sync.Mutex
	put := func(name string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := files[name]; dup {
			return fmt.Errorf("%s is written twice", name)
		}
		files[name] = data
		return nil
	}
	_, err := each(s, cfg, nil, put, export.InMemory(put))
	if err != nil {
		return nil, err
	}
	return files, nil
}

// Publish renders the site straight into dir: each page is minified and
// written as soon as it is made and then let go, so the whole site is
// never in memory at once, and the new site replaces dir in one step only
// once every file is written. It returns how many files it wrote.
func Publish(s *content.Site, cfg Config, dir string) (int, error) {
	st, err := publish.Begin(dir)
	if err != nil {
		return 0, err
	}
	// Abort is a no-op once committed: on a panic below, the staging
	// folder goes and the lock is released before the panic goes on.
	defer st.Abort()
	cfg.recycle = true
	n, err := each(s, cfg, nil, pagesTo(st), st.Create)
	if err != nil {
		return 0, err
	}
	return n, st.Commit()
}

// each hands every file of the site over: the pages in a fixed order as
// they render, and the feeds in a fixed order as they are made beside them
// (the two share nothing but the loaded site). Pages and feeds go to emit,
// called by one goroutine at a time; the data exports are written, each on
// a goroutine of its own, into what create returns (see export.Stream). The
// pages are rendered by pages when it is not nil, else by a renderer made
// for the purpose. It returns how many files it handed over.
func each(s *content.Site, cfg Config, pages *site.Renderer, emit func(name string, data []byte) error,
	create func(name string) (io.WriteCloser, error)) (int, error) {
	var mu sync.Mutex
	n := 0
	serial := func(name string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		n++
		return emit(name, data)
	}
	var feedErr error
	exported := make(chan struct{})
	go func() {
		defer close(exported)
		defer func() {
			if p := recover(); p != nil {
				feedErr = fmt.Errorf("exports failed: %v", p)
			}
		}()
		counted := func(name string) (io.WriteCloser, error) {
			mu.Lock()
			n++
			mu.Unlock()
			return create(name)
		}
		feedErr = export.Stream(s, cfg.export(), serial, counted)
	}()
	var err error
	if pages == nil {
		err = site.Stream(s, cfg.site(), serial)
	} else {
		err = pages.Stream(serial)
	}
	<-exported
	switch {
	case err != nil:
		return 0, fmt.Errorf("render: %w", err)
	case feedErr != nil:
		return 0, fmt.Errorf("export: %w", feedErr)
	}
	return n, nil
}
