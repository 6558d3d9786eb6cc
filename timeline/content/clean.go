package content

import (
	"strings"
	"unicode/utf8"
)

// invisible are the characters every file loses as it is read: the bidi
// controls that reorder how text is shown (U+202A–U+202E embeddings and
// overrides, U+2066–U+2069 isolates, U+200E, U+200F and U+061C marks) and
// the characters that take no room (zero-width space, non-joiner and joiner,
// word joiner, the invisible operators, U+FEFF, U+180E). A title or a name
// holding them can show one thing and say another, hide text from search,
// or make two names that look alike distinct; French text has no need of
// them. Only emoji built with a zero-width joiner lose something: they
// show as their parts.
func invisible(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, // zero-width space, non-joiner, joiner; left-to-right and right-to-left marks
		r >= 0x202A && r <= 0x202E, // embeddings, pop, overrides
		r >= 0x2060 && r <= 0x2064, // word joiner, invisible operators
		r >= 0x2066 && r <= 0x2069, // isolates
		r == 0x061C,                // Arabic letter mark
		r == 0x180E,                // Mongolian vowel separator
		r == 0xFEFF:                // zero-width no-break space
		return true
	}
	return false
}

// dropInvisible returns s without the characters invisible reports.
func dropInvisible(s string) string {
	if !hasInvisible(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s)
}

// hasInvisible reports whether s holds an invisible character. Each of them
// starts, in UTF-8, with one of four bytes that French text rarely has, so
// the text is scanned a byte at a time rather than decoded: files are read
// whole through it.
func hasInvisible(s string) bool {
	if len(s) >= 64 {
		// Each byte looked for in turn, many bytes at a time: a whole
		// file is read faster so than a byte at a time.
		for _, lead := range []byte{0xE2, 0xEF, 0xD8, 0xE1} {
			for i := strings.IndexByte(s, lead); i >= 0; {
				if r, _ := utf8.DecodeRuneInString(s[i:]); invisible(r) {
					return true
				}
				j := strings.IndexByte(s[i+1:], lead)
				if j < 0 {
					break
				}
				i += 1 + j
			}
		}
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 0xD8, 0xE1, 0xE2, 0xEF: // U+061C; U+180E; U+200B–U+2069; U+FEFF
			if r, _ := utf8.DecodeRuneInString(s[i:]); invisible(r) {
				return true
			}
		}
	}
	return false
}

// dropInvisibleAll drops invisible characters from every string of a
// decoded front matter, which may have written them as escapes ("\u202e")
// that the text of the file did not show.
func dropInvisibleAll(v any) any {
	switch v := v.(type) {
	case string:
		return dropInvisible(v)
	case map[string]any:
		for k, e := range v {
			v[k] = dropInvisibleAll(e)
		}
	case []any:
		for i, e := range v {
			v[i] = dropInvisibleAll(e)
		}
	}
	return v
}
