package browse

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
)

// The budgets a reader on a slow phone line is owed: the built (minified)
// script, stylesheet and home page for the seed content, in bytes
// (1 KB = 1000 bytes).
func TestBudgets(t *testing.T) {
	tests := []struct {
		name, file string
		max        int
	}{
		{"le script", "static/app.js", 15_000},
		{"la feuille de style", "static/style.css", 25_000},
		{"la page d'accueil", "index.html", 60_000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(siteDir, filepath.FromSlash(tt.file)))
			if err != nil {
				t.Fatalf("the built site has no %s: %v", tt.file, err)
			}
			if len(data) > tt.max {
				t.Errorf("%s weighs %d bytes minified, over its budget of %d", tt.file, len(data), tt.max)
			}
			t.Logf("%s: %d bytes minified (budget %d), %d gzipped", tt.file, len(data), tt.max, gzipped(data))
		})
	}
}

func gzipped(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return b.Len()
}
