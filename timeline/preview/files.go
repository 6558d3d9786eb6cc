package preview

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"
	"time"
)

// policy is the Content-Security-Policy the published site is served with
// (see netlify.toml), so the preview breaks where the site would; it leaves
// out upgrade-insecure-requests, which a server on http://127.0.0.1 cannot honour.
const policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", policy)
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "only GET and HEAD are served", http.StatusMethodNotAllowed)
		return
	}
	name, dirForm, ok := siteName(r.URL.Path)
	if err := s.failure(); err != nil && (!ok || isPage(name, dirForm)) {
		s.errorPage(w, r, err)
		return
	}
	if !ok {
		s.notFound(w, r)
		return
	}
	if dirForm {
		name = path.Join(name, "index.html")
	}
	f, fi, err := s.open(name)
	if err != nil {
		s.notFound(w, r)
		return
	}
	defer f.Close()
	if fi.IsDir() {
		// A folder named without its final slash: its index's relative links need the slash.
		index, _, err := s.open(path.Join(name, "index.html"))
		if err != nil {
			s.notFound(w, r)
			return
		}
		index.Close()
		http.Redirect(w, r, path.Base(r.URL.Path)+"/", http.StatusMovedPermanently)
		return
	}
	http.ServeContent(w, r, fi.Name(), fi.ModTime(), f)
}

// siteName turns a request's path into a slash path inside the site, or
// reports that it names nothing there (a ".." or "." segment, an empty
// segment, a backslash or a NUL). dirForm is true when the path ends in a
// slash; "/" is the folder ".".
func siteName(urlPath string) (name string, dirForm, ok bool) {
	if !strings.HasPrefix(urlPath, "/") || strings.ContainsAny(urlPath, "\\\x00") {
		return "", false, false
	}
	p := urlPath[1:]
	if p == "" {
		return ".", true, true
	}
	if strings.HasSuffix(p, "/") {
		dirForm = true
		p = p[:len(p)-1]
	}
	if !fs.ValidPath(p) {
		return "", false, false
	}
	return p, dirForm, true
}

// isPage reports whether a request asks for a page rather than an asset:
// a folder, an .html file, or a name without extension.
func isPage(name string, dirForm bool) bool {
	ext := path.Ext(name)
	return dirForm || ext == ".html" || ext == ""
}

// open opens a regular file or a folder inside the output folder. The
// folder is opened as a root for each request, because every build puts a
// new folder in its place; if the file vanished because a build swapped the
// folder between the two opens, it tries again in the new one.
func (s *server) open(name string) (*os.File, fs.FileInfo, error) {
	var err error
	for range 5 {
		var root *os.Root
		root, err = os.OpenRoot(s.dir)
		if err != nil {
			// Between two renames (on systems without an atomic exchange)
			// the folder briefly does not exist.
			time.Sleep(20 * time.Millisecond)
			continue
		}
		var f *os.File
		var fi fs.FileInfo
		f, fi, err = openIn(root, name)
		if err == nil || !errors.Is(err, fs.ErrNotExist) || !swapped(root, s.dir) {
			root.Close()
			return f, fi, err
		}
		root.Close()
	}
	return nil, nil, err
}

// openIn opens name in root, which refuses any path or link leading out of it.
func openIn(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	// Stat before opening: opening a named pipe would wait for a writer.
	fi, err := root.Stat(name)
	if err != nil {
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() && !fi.IsDir() {
		return nil, nil, fs.ErrNotExist
	}
	f, err := root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	return f, fi, nil
}

// swapped reports whether dir is no longer the folder root was opened on.
func swapped(root *os.Root, dir string) bool {
	a, err := root.Stat(".")
	if err != nil {
		return true
	}
	b, err := os.Stat(dir)
	return err != nil || !os.SameFile(a, b)
}

// notFound answers with the site's 404.html, or a line of text when it has none.
func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	f, fi, err := s.open("404.html")
	if err != nil || fi.IsDir() {
		if f != nil {
			f.Close()
		}
		http.Error(w, "404: no such page", http.StatusNotFound)
		return
	}
	defer f.Close()
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, f); err != nil {
		http.Error(w, "404: no such page", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}
