package content

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// problemsOf returns what Load reports for fsys, one line per problem.
func problemsOf(t *testing.T, s *Site, err error) []string {
	t.Helper()
	var probs Problems
	if err != nil && !errors.As(err, &probs) {
		t.Fatalf("Load: %v", err)
	}
	var out []string
	for _, p := range probs {
		out = append(out, p.String()+" | hint: "+p.Hint)
	}
	return out
}

func wantProblems(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Load reported:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

const minimalEvent = "---\ntitle: X\ndate: 2015\n---\n"

func TestFileOverTheSizeLimit(t *testing.T) {
	big := append([]byte(minimalEvent), bytes.Repeat([]byte("Texte. "), MaxFileSize/7+1)...)
	fsys := fstest.MapFS{
		"_index.md":         {Data: []byte("---\ntitle: Essai\n---\n")},
		"events/grand.md":   {Data: big},
		"sources/grand.txt": {Data: big},
		"events/juste.md":   {Data: append([]byte(minimalEvent), bytes.Repeat([]byte(" "), MaxFileSize-len(minimalEvent))...)},
	}
	s, err := Load(fsys)
	wantProblems(t, problemsOf(t, s, err), []string{
		"events/grand.md: is 8388639 bytes, over the limit of 8 MiB | hint: split it into several files",
		"sources/grand.txt: is 8388639 bytes, over the limit of 8 MiB | hint: split it into several files",
	})
}

func TestNULInAFileName(t *testing.T) {
	fsys := fstest.MapFS{
		"_index.md":        {Data: []byte("---\ntitle: Essai\n---\n")},
		"events/a\x00b.md": {Data: []byte(minimalEvent)},
		"actors/x\x00.md":  {Data: []byte("---\ntitle: Nul\n---\n")},
	}
	s, err := Load(fsys)
	wantProblems(t, problemsOf(t, s, err), []string{
		"actors/x\x00.md: file name \"x\\x00\" is not a page name | hint: rename it x.md: lower-case letters, digits and dashes",
		"events/a\x00b.md: file name \"a\\x00b\" is not a page name | hint: rename it a-b.md: lower-case letters, digits and dashes",
	})
}

// TestLinksOutOfTheContentFolder needs a real folder: a MapFS has no links.
func TestLinksOutOfTheContentFolder(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "content")
	outside := filepath.Join(base, "outside")
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, name); err != nil {
			t.Skipf("cannot make links here: %v", err)
		}
	}
	write(filepath.Join(dir, "_index.md"), "---\ntitle: Essai\n---\n")
	write(filepath.Join(outside, "secret.md"), "---\ntitle: Secret\ndate: 2015\n---\nmot de passe\n")
	write(filepath.Join(dir, "events", "2015-vrai.md"), minimalEvent)
	link(filepath.Join(outside, "secret.md"), filepath.Join(dir, "events", "absolu.md"))
	link("../../outside/secret.md", filepath.Join(dir, "events", "relatif.md"))
	link("2015-vrai.md", filepath.Join(dir, "events", "interne.md"))
	link("../../outside/secret.md", filepath.Join(dir, "sources", "fuite.txt"))
	// A link that stays inside by its name, through a folder that is a link out.
	link("../outside", filepath.Join(dir, "ailleurs"))
	link("../ailleurs/secret.md", filepath.Join(dir, "events", "chaine.md"))
	// A link to a link that leads out.
	link("relatif.md", filepath.Join(dir, "events", "relais.md"))
	// Links that go round in a circle.
	link("boucle-b.md", filepath.Join(dir, "events", "boucle-a.md"))
	link("boucle-a.md", filepath.Join(dir, "events", "boucle-b.md"))

	// os.DirFS, and Dir, which reads plain files another way.
	for _, fsys := range []fs.FS{os.DirFS(dir), Dir(dir)} {
		s, err := Load(fsys)
		wantProblems(t, problemsOf(t, s, err), []string{
			"events/absolu.md: is a link to " + filepath.Join(outside, "secret.md") + ", outside the content folder | hint: copy the file into the content folder instead of linking to it",
			"events/boucle-a.md: is a link that goes round in circles (events/boucle-a.md -> boucle-b.md) | hint: copy the file into the content folder instead of linking to it",
			"events/boucle-b.md: is a link that goes round in circles (events/boucle-b.md -> boucle-a.md) | hint: copy the file into the content folder instead of linking to it",
			"events/chaine.md: is a link to ../ailleurs/secret.md, which leads outside the content folder through ailleurs -> ../outside | hint: copy the file into the content folder instead of linking to it",
			"events/relais.md: is a link to relatif.md, which leads outside the content folder through events/relatif.md -> ../../outside/secret.md | hint: copy the file into the content folder instead of linking to it",
			"events/relatif.md: is a link to ../../outside/secret.md, outside the content folder | hint: copy the file into the content folder instead of linking to it",
			"sources/fuite.txt: is a link to ../../outside/secret.md, outside the content folder | hint: copy the file into the content folder instead of linking to it",
		})
	}
}
