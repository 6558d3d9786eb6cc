package site

import (
	"bytes"
	"errors"
	"slices"
	"testing"
)

// TestStream checks that Stream hands over the files Render returns, in
// the same order every time, and stops at the first error of emit.
func TestStream(t *testing.T) {
	want := render(t, "https://frise.example.org/")
	var names [2][]string
	for run := range 2 {
		err := Stream(testSite(), testConfig("https://frise.example.org/"), func(name string, data []byte) error {
			if !bytes.Equal(data, want[name]) {
				t.Errorf("%s: Stream and Render give different bytes", name)
			}
			names[run] = append(names[run], name)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(names[0]) != len(want) {
		t.Errorf("Stream hands over %d files, Render returns %d", len(names[0]), len(want))
	}
	if !slices.Equal(names[0], names[1]) {
		t.Errorf("two streams hand over the files in different orders")
	}
	if names[0][0] != "index.html" {
		t.Errorf("the first file is %s, want the home page", names[0][0])
	}

	full := errors.New("disque plein")
	calls := 0
	err := Stream(testSite(), testConfig(""), func(string, []byte) error {
		calls++
		return full
	})
	if !errors.Is(err, full) || calls != 1 {
		t.Errorf("after an error of emit, Stream made %d calls and returned %v", calls, err)
	}
}
