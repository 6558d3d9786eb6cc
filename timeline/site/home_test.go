package site

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"frise/timeline/content"
	"frise/timeline/synth"
)

// TestLongTimelineHome checks that a long timeline's home page lists the
// latest events and leads to every year's page, where each event has its
// anchor and the finder works on the year's events.
func TestLongTimelineHome(t *testing.T) {
	s, err := content.Load(synth.FS(400, 1))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render(s, testConfig(""))
	if err != nil {
		t.Fatal(err)
	}
	// Pages are rendered on every core; the bytes must not depend on it.
	again, err := Render(s, testConfig(""))
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != len(out) {
		t.Fatalf("two renders give %d and %d files", len(out), len(again))
	}
	for name, b := range out {
		if !bytes.Equal(b, again[name]) {
			t.Errorf("%s differs from one render to the next", name)
		}
	}
	home := string(out["index.html"])
	if n := strings.Count(home, `<li id="`); n != homeRecent {
		t.Errorf("the home page lists %d events, want the latest %d", n, homeRecent)
	}
	last := s.Events[len(s.Events)-1]
	if !strings.Contains(home, `id="`+last.Slug+`"`) {
		t.Errorf("the home page lacks the latest event %s", last.Slug)
	}
	if !strings.Contains(home, `data-of="Les 100 derniers événements sur 400"`) {
		t.Errorf("the home page does not say it lists only the latest events")
	}
	years := map[int]bool{}
	for _, e := range s.Events {
		years[e.Date.First().Year()] = true
	}
	for y := range years {
		link := `href="years/` + yearLabel(y) + `.html"`
		if strings.Count(home, link) < 2 {
			t.Errorf("the home page's overview and list of years should both link to %s", link)
		}
	}
	// Every event page's way back into the chronology lands on an anchor.
	crumb := regexp.MustCompile(`<nav class="crumbs"[^>]*>.*?› <a href="\.\./(years/\d+\.html)#([^"]+)"`)
	for _, e := range s.Events[:50] {
		page := string(out[eventPath(e.Slug)])
		m := crumb.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("%s: no link to its year's page in the crumbs", e.Slug)
		}
		if !strings.Contains(string(out[m[1]]), `id="`+m[2]+`"`) {
			t.Errorf("%s: %s has no anchor %s", e.Slug, m[1], m[2])
		}
		if !strings.Contains(string(out[m[1]]), `data-s="`) {
			t.Errorf("%s: %s carries no search words for the finder", e.Slug, m[1])
		}
	}
	// Related events still come from what events share, on a timeline too
	// long for every term to be compared with all its events.
	withRelated := 0
	for _, e := range s.Events {
		if strings.Contains(string(out[eventPath(e.Slug)]), `<section class="related"`) {
			withRelated++
		}
	}
	if withRelated < len(s.Events)*9/10 {
		t.Errorf("only %d events of %d have related events", withRelated, len(s.Events))
	}
	if len(home) > 256<<10 {
		t.Errorf("the home page of 400 events weighs %d KB, want at most 256", len(home)>>10)
	}
}

func TestThousands(t *testing.T) {
	for _, c := range []struct {
		name string
		n    int
		want string
	}{
		{"cinq", 5, "5"},
		{"neuf cent quatre-vingt-dix-neuf", 999, "999"},
		{"mille", 1000, "1\u202f000"},
		{"cent mille", 100000, "100\u202f000"},
		{"un million", 1234567, "1\u202f234\u202f567"},
	} {
		if got := thousands(c.n); got != c.want {
			t.Errorf("%s: thousands(%d) = %q, want %q", c.name, c.n, got, c.want)
		}
	}
}
