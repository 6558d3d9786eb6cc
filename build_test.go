package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"frise": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the command-line scenarios in timeline/testdata/script:
// each is a txtar archive holding a content tree and the commands to run on it.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "timeline/testdata/script",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"treehash": treehash,
		},
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") != "",
	})
}

// treehash DIR prints one digest of every file's path and bytes below DIR,
// so a script can tell whether two builds wrote the same site.
func treehash(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: treehash DIR")
	}
	root := ts.MkAbs(args[0])
	var names []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	ts.Check(err)
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		rel, _ := filepath.Rel(root, n)
		b, err := os.ReadFile(n)
		ts.Check(err)
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(b))
		h.Write(b)
	}
	fmt.Fprintf(ts.Stdout(), "%d files %x\n", len(names), h.Sum(nil))
}
