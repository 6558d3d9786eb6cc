package content

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var codeSpan = regexp.MustCompile("`([^`]+)`")

// TestErrorsDoc checks every row of ERRORS.md against the test it names:
// the message and the hint the table shows must be what that test expects.
func TestErrorsDoc(t *testing.T) {
	doc, err := os.ReadFile("ERRORS.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for line := range strings.SplitSeq(string(doc), "\n") {
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| bad input") || strings.HasPrefix(line, "| ---") {
			continue
		}
		cells := strings.Split(strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if len(cells) != 4 {
			t.Errorf("a row without its 4 cells: %s", line)
			continue
		}
		rows++
		test := cells[3]
		name := test
		if strings.HasSuffix(test, ".txtar") {
			name = filepath.Join("testdata", "load", test)
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("%s: names a test that does not exist: %v", cells[0], err)
			continue
		}
		text := string(b)
		if strings.HasSuffix(name, ".go") {
			// Messages written as Go strings.
			text = strings.NewReplacer(`\\`, `\`, `\"`, `"`).Replace(text)
		} else if i := strings.Index(text, "\n-- want --\n"); i >= 0 {
			text = text[i:]
		}
		for _, cell := range cells[1:3] {
			for _, m := range codeSpan.FindAllStringSubmatch(cell, -1) {
				if !strings.Contains(text, m[1]) {
					t.Errorf("%s: %s does not expect %q", cells[0], test, m[1])
				}
			}
		}
	}
	if rows < 40 {
		t.Errorf("ERRORS.md has %d rows; the table was not read", rows)
	}
}
