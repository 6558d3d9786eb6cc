package timeline

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"frise/timeline/content"
	"frise/timeline/publish"
)

// FuzzBuild builds whole sites from small content trees written as txtar
// archives (seeded with the loader's and the command line's test cases):
// no panic, broken content reported as problems, every output path inside
// the site, nothing written beside it, and the same bytes from two builds.
func FuzzBuild(f *testing.F) {
	for _, glob := range []string{"content/testdata/load/*.txtar", "testdata/script/*.txtar"} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			ar, err := txtar.ParseFile(p)
			if err != nil {
				f.Fatal(err)
			}
			var files []txtar.File
			for _, file := range ar.Files {
				if name, ok := strings.CutPrefix(file.Name, "content/"); ok {
					file.Name = name
				} else if strings.HasPrefix(glob, "testdata/script") || file.Name == "want" {
					continue
				}
				files = append(files, file)
			}
			f.Add(txtar.Format(&txtar.Archive{Files: files}))
		}
	}
	f.Add([]byte(`-- _index.md --
---
title: "Frise <script>alert(1)</script>"
---
Intro [x](javascript:alert(1))
-- sources/a.txt --
Le ministre a dit : "><img src=x onerror=alert(1)> puis =cmd|' /C calc'!A0 fin.
-- events/2024-10-x.md --
---
title: "<script>alert(1)</script> {{ template \"x\" }}"
date: 2024-10/2025~
summary: "=cmd|' /C calc'!A0; a, b"
actors: ["\"><img src=x onerror=alert(1)>"]
topics: ["+SUM(1;2)"]
sources:
  - source: a
    quote: "\"><img src=x onerror=alert(1)> puis"
---
<script>alert(1)</script> [l](javascript:alert(1))
`))
	cfg := Config{BaseURL: "https://frise.example.org/", Templates: os.DirFS("../templates"), Static: os.DirFS("../static")}
	f.Fuzz(func(t *testing.T, archive []byte) {
		fsys := unpack(archive)
		first, ok := build(t, fsys, cfg)
		if !ok {
			return
		}
		for name := range first {
			if !fs.ValidPath(name) || name == "." || strings.Contains(name, `\`) {
				t.Fatalf("output path %q is not inside the site", name)
			}
		}
		second, _ := build(t, fsys, cfg)
		if len(first) != len(second) {
			t.Fatalf("two builds gave %d and %d files", len(first), len(second))
		}
		for name, data := range first {
			if !bytes.Equal(data, second[name]) {
				t.Fatalf("two builds gave different bytes for %s", name)
			}
		}
		parent := t.TempDir()
		if err := publish.Write(filepath.Join(parent, "public"), first); err != nil {
			t.Fatalf("write failed on content that loads: %v", err)
		}
		entries, err := os.ReadDir(parent)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if n := e.Name(); n != "public" && n != ".public.lock" && n != ".public.manifest" {
				t.Errorf("the build wrote %s beside the site", n)
			}
		}
	})
}

// build loads and renders fsys; ok is false when the content has problems.
func build(t *testing.T, fsys fs.FS, cfg Config) (map[string][]byte, bool) {
	t.Helper()
	s, err := content.Load(fsys)
	if err != nil {
		var probs content.Problems
		if !errors.As(err, &probs) || len(probs) == 0 {
			t.Fatalf("Load failed without problems: %v", err)
		}
		for _, p := range probs {
			if p.File == "" || p.Msg == "" {
				t.Errorf("a problem without its file or message: %+v", p)
			}
		}
		return nil, false
	}
	files, err := Render(s, cfg)
	if err != nil {
		t.Fatalf("Render failed on content that loads: %v", err)
	}
	return files, true
}

// unpack reads a txtar archive into a file system: a line "-- NAME --"
// starts a file, and names that are not valid paths are left out. (The
// txtar package's own parser panics on a line "-- --".)
func unpack(archive []byte) fstest.MapFS {
	fsys := fstest.MapFS{}
	var name string
	var data []byte
	flush := func() {
		if name != "" && fs.ValidPath(name) && name != "." {
			fsys[name] = &fstest.MapFile{Data: data}
		}
	}
	for line := range bytes.Lines(archive) {
		trimmed := strings.TrimRight(string(line), "\r\n")
		if len(trimmed) >= len("-- x --") && strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") {
			flush()
			name, data = strings.TrimSpace(trimmed[3:len(trimmed)-3]), nil
			continue
		}
		if name != "" {
			data = append(data, line...)
		}
	}
	flush()
	return fsys
}
