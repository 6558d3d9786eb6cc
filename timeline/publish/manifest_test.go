package publish

import (
	"maps"
	"path/filepath"
	"reflect"
	"testing"
)

// TestReadManifestAgain checks that the manifest read again, untouched, is
// the map read before, and that a manifest written since, even of the same
// size, is read anew.
func TestReadManifestAgain(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	first := map[string]entry{"index.html": {sum: "0123456789abcdef0123456789abcdef", size: 10, modTime: 1}}
	if err := writeManifest(dir, first); err != nil {
		t.Fatal(err)
	}
	a, b := readManifest(dir), readManifest(dir)
	if !maps.Equal(a, first) {
		t.Fatalf("read %v, wrote %v", a, first)
	}
	if reflect.ValueOf(a).Pointer() != reflect.ValueOf(b).Pointer() {
		t.Error("the manifest, untouched, was parsed again")
	}
	second := map[string]entry{"index.html": {sum: "fedcba9876543210fedcba9876543210", size: 20, modTime: 2}}
	if err := writeManifest(dir, second); err != nil {
		t.Fatal(err)
	}
	if got := readManifest(dir); !maps.Equal(got, second) {
		t.Errorf("after a new manifest of the same size, read %v, want %v", got, second)
	}
	if got := readManifest(filepath.Join(t.TempDir(), "other")); len(got) != 0 {
		t.Errorf("another folder's missing manifest gives %v", got)
	}
}
