package jsonw

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// marshal is what encoding/json writes for s.
func marshal(t testing.TB, s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// strs are strings that need each kind of care, alone and among others.
var strs = []string{
	"",
	"Sommet de La Valette sur la migration",
	"Visite d'État d'Emmanuel Macron au Maroc, « partenariat d'exception »",
	`<p><a href="https://example.org/?a=1&b=2">Sources et détails</a></p>`,
	"a\"b\\c/d",
	"\x00\x01\x1f\x7f\b\f\n\r\t",
	"ligne\u2028séparée\u2029paragraphe",
	"\xe2\x80\xa7\xe2\x80\xaa\xe2\x82\xac", // U+2027, U+202A, €: not escaped
	"invalid \xff byte, \xe2\x80 cut, \xc3",
	"œuvre — 12 000 € ; 30 % ; 😀",
	strings.Repeat("plain ascii words ", 40),
	strings.Repeat("é", 17),
}

// TestString checks String against encoding/json on strings of each kind,
// and on every place a special byte may fall within a word.
func TestString(t *testing.T) {
	for _, s := range strs {
		if got, want := string(String(nil, s)), marshal(t, s); got != want {
			t.Errorf("String(%q) = %s, want %s", s, got, want)
		}
	}
	specials := []string{"\"", "\\", "<", ">", "&", "\x00", "\x1f", "\n", "\u2028", "\u2029", "\u2027", "é", "\xff", "\x7f", " ", "\x80"}
	for _, sp := range specials {
		for pre := range 17 {
			for post := range 3 {
				s := strings.Repeat("a", pre) + sp + strings.Repeat("b", post)
				if got, want := string(String(nil, s)), marshal(t, s); got != want {
					t.Errorf("String(%q) = %s, want %s", s, got, want)
				}
			}
		}
	}
	// Appended, not written over.
	if got := string(String([]byte("x:"), "y")); got != `x:"y"` {
		t.Errorf("String appends %s", got)
	}
}

// TestStringRandom checks String against encoding/json on random strings
// drawn from bytes that matter.
func TestStringRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "Z", " ", "é", "\"", "\\", "<", ">", "&", "\n", "\x01", "\u2028", "\u2029", "\xe2\x80", "\xe2", "\xff", "€", "😀", "\x7f"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		s := b.String()
		if got, want := string(String(nil, s)), marshal(t, s); got != want {
			t.Fatalf("String(%q) = %s, want %s", s, got, want)
		}
	}
}

// TestPlain checks the word test against the byte table for every ASCII
// byte in every place of a word: a byte String escapes is never let
// through, and no other stops the word alone.
func TestPlain(t *testing.T) {
	base := []byte("abcdefgh")
	for c := range utf8.RuneSelf {
		for pos := range 8 {
			w := bytes.Clone(base)
			w[pos] = byte(c)
			if got := plain(load(string(w))); got == stop[c] {
				t.Errorf("byte %#x at %d: plain %v", c, pos, got)
			}
		}
	}
}

func TestFields(t *testing.T) {
	b := Field(nil, true, "a", "x")
	b = Key(b, false, "b")
	b = Bool(b, true)
	b = Key(b, false, "c")
	b = Bool(b, false)
	if got := string(b); got != `"a":"x","b":true,"c":false` {
		t.Errorf("got %s", got)
	}
}

// FuzzString checks String against encoding/json.
func FuzzString(f *testing.F) {
	for _, s := range strs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(String(nil, s)), marshal(t, s); got != want {
			t.Fatalf("String(%q) = %s, want %s", s, got, want)
		}
	})
}

// BenchmarkString compares String with encoding/json on French texts as
// the exports write them: plain, as a summary, and with markup, as a
// slide's text.
func BenchmarkString(b *testing.B) {
	texts := []struct{ name, text string }{
		{"plain", strings.Repeat("Les chefs d'État et de gouvernement africains et européens adoptent une déclaration politique et un plan d'action sur la migration. ", 4)},
		{"markup", strings.Repeat(`<p>Les chefs d&#39;État adoptent une déclaration « politique » &amp; un plan d&#39;action.</p><p><a href="https://example.org/events/x.html">Sources et détails</a></p>`, 2)},
	}
	for _, tt := range texts {
		b.Run(tt.name+"/jsonw", func(b *testing.B) {
			b.SetBytes(int64(len(tt.text)))
			var buf []byte
			for b.Loop() {
				buf = String(buf[:0], tt.text)
			}
		})
		b.Run(tt.name+"/encoding-json", func(b *testing.B) {
			b.SetBytes(int64(len(tt.text)))
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			for b.Loop() {
				buf.Reset()
				if err := enc.Encode(tt.text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
