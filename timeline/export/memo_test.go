package export

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"frise/timeline/content"
)

// TestMemo makes the exports of the seed site with a Memo, changes an
// event, and checks that after Forget they are what they are without one,
// and that the Memo is used: without Forget they still show the old text.
func TestMemo(t *testing.T) {
	s, err := content.Load(os.DirFS("../../content"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{BaseURL: "https://frise.example.org/"}
	withMemo := cfg
	withMemo.Memo = NewMemo()
	if got, want := exported(t, s, withMemo), exported(t, s, cfg); !reflect.DeepEqual(got, want) {
		t.Fatal("the exports differ with a Memo")
	}

	ev := s.Events[len(s.Events)/2]
	old := ev.Title
	ev.Title = "Un titre corrigé"
	stale := exported(t, s, withMemo)
	for _, name := range []string{"events.csv", "events.ics", "events.json", "timelinejs.json"} {
		if !strings.Contains(stale[name], old) || strings.Contains(stale[name], ev.Title) {
			t.Errorf("%s: the Memo was not used", name)
		}
	}
	withMemo.Memo.Forget(ev)
	if got, want := exported(t, s, withMemo), exported(t, s, cfg); !reflect.DeepEqual(got, want) {
		for name := range want {
			if got[name] != want[name] {
				t.Errorf("%s differs after Forget", name)
			}
		}
	}
}

func exported(t *testing.T, s *content.Site, cfg Config) map[string]string {
	t.Helper()
	fs, err := Files(s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for name, b := range fs {
		out[name] = string(b)
	}
	return out
}
