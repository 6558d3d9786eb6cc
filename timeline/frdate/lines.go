package frdate

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"

	"frise/timeline/edtf"
)

// lineMatch is one line of the output of Lines.
type lineMatch struct {
	Line    int    `json:"line"`
	Text    string `json:"text"`
	Value   string `json:"value"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Certain bool   `json:"certain"`
}

// Lines reads UTF-8 text from r, treats each line as a separate text, and
// writes to w one JSON object per expression found, one per line:
//
//	{"line":1,"text":"en novembre 2015","value":"2015-11","start":10,"end":26,"certain":true}
//
// line counts from 1; start and end are byte offsets within the line.
func Lines(r io.Reader, w io.Writer, ref edtf.Value) error {
	br := bufio.NewReader(r)
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		if line != "" {
			line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
			for _, m := range Find(line, ref) {
				if e := enc.Encode(lineMatch{n, m.Text, m.Value.String(), m.Start, m.End, m.Certain}); e != nil {
					return e
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	return bw.Flush()
}
