package export

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// texts are strings of each kind the encoders must write as encoding/json
// does.
var texts = []string{"", "Maroc", "d'État « coopération »", `<a href="x?a=1&b=2">`, "a\"b\\c", "\n\t\x01", "\u2028\u2029", "\xff", "😀"}

// randomEvent and randomSlide make values with every field set or not,
// lists nil, empty or not.
func randomEvent(r *rand.Rand, text func() string) jsonEvent {
	opt := func() *string {
		if r.IntN(2) == 0 {
			return nil
		}
		s := text()
		return &s
	}
	names := func() []named {
		switch r.IntN(3) {
		case 0:
			return nil
		case 1:
			return []named{}
		}
		list := make([]named, 1+r.IntN(3))
		for i := range list {
			list[i] = named{text(), text()}
		}
		return list
	}
	var sources []cited
	if n := r.IntN(4); n > 0 {
		sources = make([]cited, n-1)
		for i := range sources {
			sources[i] = cited{text(), text(), text(), text()}
		}
	}
	return jsonEvent{Slug: text(), URL: text(), Title: text(), Date: text(), DateFR: text(),
		Start: opt(), End: opt(), Precision: text(), Certain: r.IntN(2) == 0, Summary: text(),
		Actors: names(), Places: names(), Topics: names(), Sources: sources, Status: text()}
}

func randomSlide(r *rand.Rand, text func() string) tlSlide {
	date := func() *tlDate {
		if r.IntN(3) == 0 {
			return nil
		}
		return &tlDate{text(), text(), text()}
	}
	s := tlSlide{StartDate: date(), EndDate: date(), DisplayDate: text(), Text: tlText{text(), text()},
		Group: text(), UniqueID: text()}
	if r.IntN(2) == 0 {
		b := r.IntN(2) == 0
		s.Autolink = &b
	}
	return s
}

// sameAsMarshal checks that got is what encoding/json writes for v.
func sameAsMarshal(t *testing.T, v any, got []byte) {
	t.Helper()
	want, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

// TestAppendJSON checks the hand encoders of events.json's and
// timelinejs.json's items against encoding/json, on values with each
// field given or not, and appended after what the buffer holds.
func TestAppendJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	text := func() string { return texts[r.IntN(len(texts))] }
	for range 2000 {
		je := randomEvent(r, text)
		sameAsMarshal(t, je, je.appendJSON(nil))
		s := randomSlide(r, text)
		sameAsMarshal(t, s, s.appendJSON(nil))
	}
	je := randomEvent(r, text)
	if got := je.appendJSON([]byte("[1,")); string(got[:3]) != "[1," {
		t.Errorf("appendJSON writes over the buffer: %s", got)
	}
}

// FuzzAppendJSON checks the hand encoders against encoding/json with the
// strings given in every field.
func FuzzAppendJSON(f *testing.F) {
	f.Add("Maroc", "\u2028<&>", uint64(1))
	f.Add("", "\xff\"", uint64(2))
	f.Fuzz(func(t *testing.T, a, b string, seed uint64) {
		r := rand.New(rand.NewPCG(seed, seed))
		text := func() string {
			if r.IntN(2) == 0 {
				return a
			}
			return b
		}
		je := randomEvent(r, text)
		sameAsMarshal(t, je, je.appendJSON(nil))
		s := randomSlide(r, text)
		sameAsMarshal(t, s, s.appendJSON(nil))
	})
}
