package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"testing"

	"frise/timeline/content"
)

// TestRepositoryContent exports the project's own content/ and parses
// every output back: the exports must take whatever the loader gives.
func TestRepositoryContent(t *testing.T) {
	s, err := content.Load(os.DirFS("../../content"))
	if err != nil {
		t.Skipf("content/ does not load, which the content package's tests report: %v", err)
	}
	for _, base := range []string{testBase, ""} {
		fs := files(t, s, base)
		f := parseAtom(t, fs["atom.xml"])
		if len(f.Entries) != min(len(s.Events), FeedEntries) {
			t.Errorf("%d Atom entries for %d events", len(f.Entries), len(s.Events))
		}
		var doc jsonSite
		if err := json.Unmarshal(fs["events.json"], &doc); err != nil {
			t.Error(err)
		}
		var tl tlDoc
		if err := json.Unmarshal(fs["timelinejs.json"], &tl); err != nil {
			t.Error(err)
		}
		if _, err := csv.NewReader(bytes.NewReader(fs["events.csv"])).ReadAll(); err != nil {
			t.Error(err)
		}
		unfold(t, fs["events.ics"])
	}
}
