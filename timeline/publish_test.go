package timeline_test

import (
	"os"
	"path"
	"path/filepath"
	"testing"

	"frise/timeline"
	"frise/timeline/content"
	"frise/timeline/publish"
	"frise/timeline/synth"
)

// TestPublishStreams checks that writing each page as it is rendered gives
// the same site, byte for byte, as rendering it all in memory then writing
// it: the pages as they are, since they come minified, and the other files
// minified.
func TestPublishStreams(t *testing.T) {
	s, err := content.Load(synth.FS(150, 5))
	if err != nil {
		t.Fatal(err)
	}
	cfg := config()
	files, err := timeline.Render(s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	whole, streamed := filepath.Join(work, "whole"), filepath.Join(work, "streamed")
	st, err := publish.Begin(whole)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if path.Ext(name) == ".html" {
			err = st.Put(name, data)
		} else {
			err = st.Add(name, data)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	n, err := timeline.Publish(s, cfg, streamed)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(files) {
		t.Errorf("Publish wrote %d files, Render made %d", n, len(files))
	}
	for name := range files {
		a, errA := os.ReadFile(filepath.Join(whole, filepath.FromSlash(name)))
		b, errB := os.ReadFile(filepath.Join(streamed, filepath.FromSlash(name)))
		if errA != nil || errB != nil || string(a) != string(b) {
			t.Errorf("%s differs: %v %v", name, errA, errB)
		}
	}
}
