package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestReads checks Reads against Load: for each name, a tree holding a
// valid file there, and Reads says whether Load took it in.
func TestReads(t *testing.T) {
	event := "---\ntitle: Un sommet\ndate: 2015-11-11\nactors: [Un nom]\nplaces: [Un lieu]\n---\nLe texte.\n"
	term := "---\ntitle: Un nom\n---\n"
	source := "---\ntitle: Un article\n---\nLe texte de l'article.\n"
	for _, name := range []string{
		"events/a.md", "events/2015/a.md", "events/a.txt", "events/a.md.tmp", "events/a.md~",
		"events/.a.md", "events/.drafts/a.md", "events/README.md", "events/readme.md", "events/4913",
		"sources/a.md", "sources/a.txt", "sources/a.pdf", "sources/old/a.txt",
		"actors/a.md", "actors/a.yaml", "places/a.md", "places/sub/a.md",
		"topics/a.md", "notes.md", "a.md", "_index.md",
	} {
		fsys := fstest.MapFS{
			"_index.md":          {Data: []byte("---\ntitle: Frise\n---\n")},
			"events/toujours.md": {Data: []byte(event)},
		}
		var data string
		switch {
		case strings.HasPrefix(name, "events/"):
			data = event
		case strings.HasPrefix(name, "sources/"):
			data = source
		case strings.HasPrefix(name, "places/"):
			data = "---\ntitle: Un lieu\n---\n"
		default:
			data = term
		}
		if name != "_index.md" {
			fsys[name] = &fstest.MapFile{Data: []byte(data)}
		}
		s, err := Load(fsys)
		if s == nil {
			// Read, and refused: a README.md is not an event's name.
			if got := Reads(name); !got || !strings.Contains(err.Error(), name+":") {
				t.Errorf("Reads(%q) = %v, and Load fails: %v", name, got, err)
			}
			continue
		}
		read := name == "_index.md"
		for _, e := range s.Events {
			read = read || e.File == name
		}
		for _, src := range s.Sources {
			read = read || src.File == name
		}
		for _, ts := range [][]*Term{s.Actors, s.Places} {
			for _, tm := range ts {
				read = read || tm.File == name
			}
		}
		if got := Reads(name); got != read {
			t.Errorf("Reads(%q) = %v, but Load read it: %v", name, got, read)
		}
	}
}
