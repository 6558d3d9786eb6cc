package extract

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"frise/timeline/content"
	"frise/timeline/edtf"
)

// goldEvent is a line of testdata/gold.txt.
type goldEvent struct {
	line     int
	date     edtf.Value
	required []string
	optional []string
	clear    bool
	words    []string
	what     string
}

func readGold(t testing.TB, path string) []goldEvent {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldEvent
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 5 {
			t.Fatalf("%s:%d: want 5 tab-separated columns, got %d", path, n, len(c))
		}
		v, err := edtf.Parse(c[0])
		if err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		g := goldEvent{line: n, date: v, clear: c[2] == "clear", words: strings.Split(c[3], "|"), what: c[4]}
		for _, s := range strings.Split(c[1], ",") {
			if id, ok := strings.CutPrefix(s, "+"); ok {
				g.optional = append(g.optional, id)
			} else {
				g.required = append(g.required, s)
			}
		}
		out = append(out, g)
	}
	return out
}

// matches reports whether an extracted event is a gold event, and whether it
// cites every source the gold event requires.
func (g goldEvent) matches(e *Event) (match, complete bool) {
	if !g.date.Contains(e.Date) && !e.Date.Contains(g.date) {
		return false, false
	}
	cited := map[string]bool{}
	hasWord := false
	for _, c := range e.Sources {
		cited[c.Source[:3]] = true
		q := content.Fold(c.Quote)
		for _, w := range g.words {
			if strings.Contains(q, content.Fold(w)) {
				hasWord = true
			}
		}
	}
	any := false
	for _, id := range append(append([]string{}, g.required...), g.optional...) {
		any = any || cited[id]
	}
	if !any || !hasWord {
		return false, false
	}
	complete = true
	for _, id := range g.required {
		complete = complete && cited[id]
	}
	return true, complete
}

// score compares the events extracted from the sources of dir with the
// events of a gold file: recall of the clearly dated events (each with all
// its sources) and precision. Each gold event accounts for one extracted
// event at most: a duplicate counts against precision.
func score(t *testing.T, dir, goldPath string) (recall, precision float64) {
	t.Helper()
	gold := readGold(t, goldPath)
	lx, err := loadLexicon("../../content")
	if err != nil {
		t.Fatal(err)
	}
	srcs, err := readSources(dir)
	if err != nil {
		t.Skip(err)
	}
	events := lx.events(srcs)
	used := make([]bool, len(gold))
	correct := 0
	foundClear := map[int]bool{}
	for _, e := range events {
		hit := -1
		for i, g := range gold {
			if ok, complete := g.matches(e); ok && !used[i] {
				hit = i
				if g.clear && complete {
					foundClear[i] = true
				}
				break
			}
		}
		if hit < 0 {
			t.Logf("not in gold: %s %q (%s: %q)", e.Date, e.Title, e.Sources[0].Source, e.Sources[0].Quote)
			continue
		}
		used[hit] = true
		correct++
	}
	clear := 0
	for i, g := range gold {
		if !g.clear {
			continue
		}
		clear++
		if !foundClear[i] {
			t.Logf("missed: %s:%d: %s %s", goldPath, g.line, g.date, g.what)
		}
	}
	recall = float64(len(foundClear)) / float64(max(1, clear))
	precision = float64(correct) / float64(max(1, len(events)))
	t.Logf("recall %.0f%% (%d/%d clearly dated events), precision %.0f%% (%d/%d extracted events)",
		100*recall, len(foundClear), clear, 100*precision, correct, len(events))
	return recall, precision
}

// checkBars fails below the bars of the extractor: 90 % recall of clearly
// dated events, 80 % precision.
func checkBars(t *testing.T, recall, precision float64) {
	if recall < 0.9 {
		t.Errorf("recall %.0f%% is below 90%%", 100*recall)
	}
	if precision < 0.8 {
		t.Errorf("precision %.0f%% is below 80%%", 100*precision)
	}
}

// TestGold scores the extractor against the events of the seeds read by
// hand (testdata/gold.txt).
func TestGold(t *testing.T) {
	r, p := score(t, "../../content/sources", "testdata/gold.txt")
	checkBars(t, r, p)
}

// TestHeldOut scores the extractor on articles written apart from the
// seeds, in the styles of other newspapers, whose events were read by hand
// before the extractor ran on them (testdata/heldout, testdata/heldout-gold.txt).
func TestHeldOut(t *testing.T) {
	r, p := score(t, "testdata/heldout", "testdata/heldout-gold.txt")
	checkBars(t, r, p)
}
