package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"testing"

	"github.com/tdewolff/minify/v2"
	mjson "github.com/tdewolff/minify/v2/json"
	mxml "github.com/tdewolff/minify/v2/xml"
)

// TestMinified checks that the outputs survive the site writer's
// minifier: the XML still parses with its escapes intact, and the JSON
// keeps < and > escaped.
func TestMinified(t *testing.T) {
	m := minify.New()
	m.AddFunc("xml", mxml.Minify)
	m.AddFunc("json", mjson.Minify)
	fs := files(t, hostileSite(), testBase)
	for name, kind := range map[string]string{"atom.xml": "xml", "sitemap.xml": "xml", "events.json": "json", "timelinejs.json": "json"} {
		// The minifier may write into its input: give it a copy.
		min, err := m.Bytes(kind, bytes.Clone(fs[name]))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		switch kind {
		case "xml":
			d := xml.NewDecoder(bytes.NewReader(min))
			d.Strict = true
			for {
				if _, err := d.Token(); err != nil {
					if err.Error() != "EOF" {
						t.Errorf("minified %s does not parse: %v", name, err)
					}
					break
				}
			}
		case "json":
			var a, b any
			if err := json.Unmarshal(fs[name], &a); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(min, &b); err != nil {
				t.Fatalf("minified %s does not parse: %v", name, err)
			}
			if ja, _ := json.Marshal(a); !bytes.Equal(ja, mustMarshal(b)) {
				t.Errorf("minifying %s changed its data", name)
			}
			if bytes.ContainsAny(min, "<>") {
				t.Errorf("minified %s holds a raw < or >", name)
			}
		}
	}
	atom, err := m.Bytes("xml", bytes.Clone(fs["atom.xml"]))
	if err != nil {
		t.Fatal(err)
	}
	f := parseAtom(t, atom)
	if f.Entries[0].Content.Body != parseAtom(t, fs["atom.xml"]).Entries[0].Content.Body {
		t.Error("minifying atom.xml changed an entry's content")
	}
}

func mustMarshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
