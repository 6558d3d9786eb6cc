// Package jsonw writes JSON by hand for the few fixed shapes the site and
// its exports write for every event: the bytes encoding/json would write,
// without its reflection over each value, and with strings escaped a
// word at a time where they need nothing.
//
// Strings are escaped as encoding/json escapes them by default: ", \ and
// the control characters, and also <, > and &, and U+2028 and U+2029, so
// that the JSON is safe to inline in a page; bytes that are not UTF-8
// become U+FFFD.
package jsonw

import "unicode/utf8"

// stop marks the ASCII bytes String escapes.
var stop = func() (t [utf8.RuneSelf]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	for _, c := range `"\<>&` {
		t[c] = true
	}
	return t
}()

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// plain reports whether none of the eight bytes of w, all ASCII, is a
// control character, ", \, < , > or &.
//
// A byte of x is zero where (x-ones)&^x has its high bit set, or after
// such a byte: a test for any zero byte that never misses one. " and &
// differ in one bit (0x22, 0x26), as do < and > (0x3C, 0x3E): setting
// that bit tests both at once. Subtracting 0x20 from each byte borrows at
// the bytes below it, and sets their high bits.
func plain(w uint64) bool {
	quote := w | ones*0x04 ^ ones*0x26
	angle := w | ones*0x02 ^ ones*0x3E
	slash := w ^ ones*'\\'
	z := (quote-ones)&^quote | (angle-ones)&^angle | (slash-ones)&^slash | (w - ones*0x20)
	return z&highs == 0
}

// load reads the eight bytes of s as one word, the first the lowest.
func load(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// String appends s to dst as a JSON string, quoted, as encoding/json
// writes it.
func String(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start, i := 0, 0
	for i < len(s) {
		// Eight ASCII bytes at a time while they need nothing; then
		// those eight, or the last few, a character at a time.
		end := len(s)
		if i+8 <= len(s) {
			if w := load(s[i : i+8]); w&highs == 0 && plain(w) {
				i += 8
				continue
			}
			end = i + 8
		}
		for i < end {
			c := s[i]
			if c < utf8.RuneSelf {
				if stop[c] {
					dst = append(dst, s[start:i]...)
					dst = escape(dst, c)
					start = i + 1
				}
				i++
				continue
			}
			if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
				i += 2 // a character of two bytes: é, à, «, …
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				dst = append(dst, s[start:i]...)
				dst = append(dst, `\ufffd`...)
			case r == '\u2028' || r == '\u2029':
				dst = append(dst, s[start:i]...)
				dst = append(dst, `\u202`...)
				dst = append(dst, hex[r&0xF])
			default:
				i += size
				continue
			}
			i += size
			start = i
		}
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

const hex = "0123456789abcdef"

// escape appends the escape of c, an ASCII byte String stops at.
func escape(dst []byte, c byte) []byte {
	switch c {
	case '\\', '"':
		return append(dst, '\\', c)
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
}

// Field appends a member of an object: a comma unless it is the first,
// the key, quoted (keys are plain ASCII, written as they are), a colon and
// the string v.
func Field(dst []byte, first bool, key, v string) []byte {
	return String(Key(dst, first, key), v)
}

// Key appends a comma unless first, then key quoted and a colon.
func Key(dst []byte, first bool, key string) []byte {
	if !first {
		dst = append(dst, ',')
	}
	dst = append(dst, '"')
	dst = append(dst, key...)
	return append(dst, '"', ':')
}

// Bool appends true or false.
func Bool(dst []byte, v bool) []byte {
	if v {
		return append(dst, "true"...)
	}
	return append(dst, "false"...)
}
