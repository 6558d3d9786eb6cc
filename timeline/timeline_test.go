package timeline_test

import (
	"testing"

	"frise/timeline"
	"frise/timeline/content"
	"frise/timeline/synth"
)

// TestRenderGenerated renders a small generated site, pages and exports
// side by side; run with -race, it shows they share nothing they write.
func TestRenderGenerated(t *testing.T) {
	s, err := content.Load(synth.FS(120, 3))
	if err != nil {
		t.Fatal(err)
	}
	a, err := timeline.Render(s, config())
	if err != nil {
		t.Fatal(err)
	}
	b, err := timeline.Render(s, config())
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) || len(a) < 120 {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if string(b[name]) != string(data) {
			t.Errorf("%s differs between two renders", name)
		}
	}
}
