package site

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// randomLD makes an event's linked data with every field given or not,
// lists nil, empty or not, and texts drawn by text.
func randomLD(r *rand.Rand, text func() string) ldEvent {
	things := func() []ldThing {
		switch r.IntN(3) {
		case 0:
			return nil
		case 1:
			return []ldThing{}
		}
		list := make([]ldThing, 1+r.IntN(3))
		for i := range list {
			list[i] = ldThing{text(), text()}
		}
		return list
	}
	var works []ldWork
	if n := r.IntN(4); n > 0 {
		works = make([]ldWork, n-1)
		for i := range works {
			works[i] = ldWork{text(), text(), text(), text(), text()}
		}
	}
	return ldEvent{Context: text(), Type: text(), Name: text(), Description: text(), StartDate: text(),
		EndDate: text(), URL: text(), Location: things(), About: things(), Citations: works, EventStatus: text()}
}

// sameLD checks that ld.linkedData is what encoding/json writes.
func sameLD(t *testing.T, ld ldEvent) {
	t.Helper()
	want, err := json.Marshal(ld)
	if err != nil {
		t.Fatal(err)
	}
	if got := ld.linkedData(); string(got) != string(want) {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

// TestEventLinkedData checks the hand encoder of an event's linked data
// against encoding/json.
func TestEventLinkedData(t *testing.T) {
	texts := []string{"", "Sommet de La Valette", "d'État « x »", `</script><a href="?a&b">`, "a\"b\\c", "\n\x01", "\u2028", "\xff"}
	r := rand.New(rand.NewPCG(3, 3))
	for range 3000 {
		sameLD(t, randomLD(r, func() string { return texts[r.IntN(len(texts))] }))
	}
}

// FuzzEventLinkedData checks the hand encoder against encoding/json with
// the strings given in every field.
func FuzzEventLinkedData(f *testing.F) {
	f.Add("Event", "</script>", uint64(1))
	f.Add("", "\u2029\xff", uint64(2))
	f.Fuzz(func(t *testing.T, a, b string, seed uint64) {
		r := rand.New(rand.NewPCG(seed, seed))
		sameLD(t, randomLD(r, func() string {
			if r.IntN(2) == 0 {
				return a
			}
			return b
		}))
	})
}
