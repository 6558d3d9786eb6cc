package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckTarget(t *testing.T) {
	root := t.TempDir()
	mk := func(name, data string) {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mk("content/events/a.md", "x")
	mk("site/index.html", "x")
	mk("notes/todo.txt", "x")
	os.MkdirAll(filepath.Join(root, "empty"), 0o755)
	in := func(n string) string { return filepath.Join(root, n) }
	tests := []struct {
		name, out, want string
	}{
		{"nouveau dossier", "public", ""},
		{"dossier vide", "empty", ""},
		{"site déjà construit", "site", ""},
		{"le contenu lui-même", "content", "which the site is built from"},
		{"un dossier qui contient le contenu", ".", "which the site is built from"},
		{"dans le contenu", "content/public", "which the site is built from"},
		{"un dossier d'autre chose", "notes", "holds files but no built site"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckTarget(in(tt.out), in("content"), in("templates"), in("static"))
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("CheckTarget(%s) = %v", tt.out, err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("CheckTarget(%s) = %v, want %q", tt.out, err, tt.want)
			}
		})
	}
}
