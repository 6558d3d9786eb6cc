package export

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"frise/timeline/content"
)

// TestMemo makes the exports of the seed site with a Memo, changes an
// event, and checks that they are what they are without one; that the
// Memo is used (an item it holds shows in the export); and that it lets
// go of what the site no longer has.
func TestMemo(t *testing.T) {
	s, withMemo, same := seedWithMemo(t)
	same("first")
	if n := len(withMemo.Memo.entries); n != len(s.Events) {
		t.Errorf("the Memo holds %d entries for %d events", n, len(s.Events))
	}

	ev := s.Events[len(s.Events)/2]
	ev.Title = "Un titre corrigé"
	same("after a new title")
	if n := len(withMemo.Memo.entries); n != len(s.Events) {
		t.Errorf("after a new title the Memo holds %d entries for %d events", n, len(s.Events))
	}

	// The same content loaded again is remembered: an item planted in the
	// Memo shows in the export.
	again, err := content.Load(os.DirFS("../../content"))
	if err != nil {
		t.Fatal(err)
	}
	first := again.Events[0]
	var d digester
	digest := d.sum(shapeOf(first))
	e := withMemo.Memo.entries[digest]
	if e == nil || e.items[csvFormat] == nil {
		t.Fatal("the first event of a new load is not remembered")
	}
	e.items[csvFormat] = []byte("ligne,plantée\r\n")
	if csv := exported(t, again, withMemo)["events.csv"]; !bytes.Contains([]byte(csv), []byte("ligne,plantée")) {
		t.Error("the Memo's item is not used")
	}

	if n := len(withMemo.Memo.byEvent); n != len(again.Events) {
		t.Errorf("the Memo knows %d events, for %d in the site", n, len(again.Events))
	}

	// Another base URL starts afresh.
	other := withMemo
	other.BaseURL = "https://ailleurs.example.org/"
	got, want := exported(t, again, other), exported(t, again, Config{BaseURL: other.BaseURL})
	if !reflect.DeepEqual(got, want) {
		t.Error("a Memo used with another base URL gives other exports")
	}
}

// TestMemoChangesInPlace changes in place each thing an entry is made
// from, as content.Site.Reread does: a term's title, a source's, a quote,
// a date, a term named no more. The exports with a Memo must follow.
func TestMemoChangesInPlace(t *testing.T) {
	s, withMemo, same := seedWithMemo(t)
	same("first")
	var cited, named *content.Event
	for _, e := range s.Events {
		if cited == nil && len(e.Sources) > 0 && e.Sources[0].Source != nil {
			cited = e
		}
		if named == nil && len(e.Topics) > 1 {
			named = e
		}
	}
	if cited == nil || named == nil {
		t.Fatal("no event citing a source, or naming two topics")
	}
	for _, c := range []struct {
		what   string
		change func()
	}{
		{"a topic's new title", func() { named.Topics[0].Title += " (bis)" }},
		{"a source's new title", func() { cited.Sources[0].Source.Title = "Un autre titre" }},
		{"a source's new address", func() { cited.Sources[0].Source.URL = "https://ailleurs.example.org/article" }},
		{"a new quote", func() { cited.Sources[0].Quote = cited.Sources[0].Quote[1:] }},
		{"a new date", func() { cited.Date.Start.Year-- }},
		{"a topic named no more", func() { named.Topics = named.Topics[1:] }},
		{"a new summary", func() { named.Summary += " De plus." }},
	} {
		c.change()
		same("after " + c.what)
	}
	// What the Memo holds is of this site alone.
	m := withMemo.Memo
	if len(m.entries) != len(s.Events) || len(m.byEvent) != len(s.Events) {
		t.Errorf("the Memo holds %d entries and %d events for %d events", len(m.entries), len(m.byEvent), len(s.Events))
	}
}

// seedWithMemo loads the seed site, and returns it with settings for its
// exports that hold a Memo, and a check that they give the same exports
// as without it.
func seedWithMemo(t *testing.T) (s *content.Site, withMemo Config, same func(what string)) {
	t.Helper()
	s, err := content.Load(os.DirFS("../../content"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{BaseURL: "https://frise.example.org/"}
	withMemo = cfg
	withMemo.Memo = NewMemo()
	same = func(what string) {
		t.Helper()
		got, want := exported(t, s, withMemo), exported(t, s, cfg)
		for name := range want {
			if got[name] != want[name] {
				t.Errorf("%s: %s differs with a Memo", what, name)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the exports differ with a Memo", what)
		}
	}
	return s, withMemo, same
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
