package publish

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/tdewolff/parse/v2/buffer"
)

func TestCompactJSON(t *testing.T) {
	for _, tc := range []struct {
		name, json string
		compact    bool
	}{
		{"empty", ``, true},
		{"one line", `{"a":[1,2,"b c"],"d":{"e":null}}`, true},
		{"spaces inside strings", `{"titre":"Sommet de La Valette","n":"2 000"}`, true},
		{"escaped quote then space in string", `{"q":"il dit \"non\" puis part"}`, true},
		{"escaped backslash ends string", `{"p":"C:\\","q":1}`, true},
		{"space after colon", `{"a": 1}`, false},
		{"indented", "{\n  \"a\": 1\n}", false},
		{"tab between values", "[1,\t2]", false},
		{"space after escaped backslash", `["a\\", "b"]`, false},
		{"whole numbers", `{"n":[0,-12,2024]}`, true},
		{"round number", `{"n":2000}`, false},
		{"decimal", `{"n":1.5}`, false},
		{"exponent", `{"n":1e3}`, false},
		{"minus zero", `{"n":-0}`, false},
		{"leading zero", `{"n":07}`, false},
		{"digits in a string", `{"d":"1.50e3"}`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := compactJSON([]byte(tc.json)); got != tc.compact {
				t.Errorf("compactJSON(%q) = %v, want %v", tc.json, got, tc.compact)
			}
		})
	}
}

// FuzzCompactJSON checks that skipping the minifier for valid JSON that
// compactJSON accepts changes nothing: the minifier gives it back as it is.
func FuzzCompactJSON(f *testing.F) {
	for _, s := range []string{`{"a":[1,2,"b c"]}`, `{"q":"x\"y"}`, `["a\\","b"]`, `{"n":-1.5e3,"t":true}`} {
		f.Add(s)
	}
	mf := NewMinifier()
	f.Fuzz(func(t *testing.T, s string) {
		data := []byte(s)
		if !json.Valid(data) || !compactJSON(data) {
			return // what is not JSON is written as it is
		}
		var b buffers
		b.in = append(b.in, data...)
		b.out.Reset()
		if err := mf.m.Minify("application/json", &b.out, buffer.NewReader(b.in)); err != nil {
			t.Fatalf("minify %q: %v", data, err)
		}
		if !bytes.Equal(b.out.Bytes(), data) {
			t.Errorf("compact JSON %q minifies to %q", data, b.out.Bytes())
		}
	})
}
