package timeline_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"frise/timeline"
	"frise/timeline/synth"
)

// BenchmarkLiveUpdate is what serve does after an editor saves an event
// file: read it again, render the pages that show it, and replace them in
// the published folder, with the data exports when more than the body
// changed. A new date, or an actor or topic the site has, moves the event
// in the views; a new actor, with a page of its own, loads the content
// and works out the views again, and renders the pages whose digest
// changed. Each operation saves one of two versions of a file in turn.
//
//	go test ./timeline -run '^$' -bench LiveUpdate -benchtime 20x
func BenchmarkLiveUpdate(b *testing.B) {
	for _, n := range synth.BenchSizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			src := synth.Tree(b, n)
			live, err := timeline.NewLive(src, config(), filepath.Join(filepath.Dir(src), "public"))
			if err != nil {
				b.Fatal(err)
			}
			if _, err := live.Build(); err != nil {
				b.Fatal(err)
			}
			events, err := filepath.Glob(filepath.Join(src, "events", "*.md"))
			if err != nil || len(events) == 0 {
				b.Fatal("no events", err)
			}
			file := events[len(events)/2]
			orig, err := os.ReadFile(file)
			if err != nil {
				b.Fatal(err)
			}
			for _, c := range []struct {
				name  string
				edit  func(string) string
				first bool // the edit is of the first file read, not of one in the middle
			}{
				{"body", func(s string) string { return s + "\nUne phrase de plus.\n" }, false},
				{"title", func(s string) string { return strings.Replace(s, "\ntitle: \"", "\ntitle: \"Enfin, ", 1) }, false},
				{"date", func(s string) string { return dateLine.ReplaceAllString(s, "date: $1-$2") }, false},
				{"actor", func(s string) string { return actorsLine.ReplaceAllString(s, `actors: ["Frontex", `) }, false},
				{"known actor", func(s string) string { return actorsLine.ReplaceAllString(s, `actors: ["Bernard Picard", `) }, false},
				{"topic", func(s string) string { return topicsLine.ReplaceAllString(s, `topics: ["asile", `) }, false},
				// The first file naming a topic spells it otherwise: the
				// topic is retitled on every page showing it, and the
				// content loaded again.
				{"topic spelt otherwise", capitalTopic, true},
			} {
				b.Run(c.name, func(b *testing.B) {
					file, orig := file, orig
					if c.first {
						file = slices.Min(events)
						if orig, err = os.ReadFile(file); err != nil {
							b.Fatal(err)
						}
					}
					versions := [][]byte{[]byte(c.edit(string(orig))), orig}
					if bytes.Equal(versions[0], orig) {
						b.Fatalf("the edit leaves %s as it was", file)
					}
					b.ReportAllocs()
					defer synth.CPUMeter(b)()
					i := 0
					for b.Loop() {
						if err := os.WriteFile(file, versions[i%2], 0o644); err != nil {
							b.Fatal(err)
						}
						i++
						_, whole, err := live.Update([]string{file})
						if err != nil {
							b.Fatal(err)
						}
						if whole {
							b.Fatal("the edit made Update build the whole site")
						}
					}
				})
			}
			// Other files than events: an actor's description or role,
			// a source's publisher or text, as an editor corrects them.
			for _, c := range []struct {
				name, file, old, new string
				pages                int // the files an update writes, when only the file's page and the home page
			}{
				{"actor's file", "actors", "\n---\n", "\n---\nDécrit à nouveau. ", 2},
				{"actor's role", "actors", "\ntitle: ", "\nrole: \"porte-parole\"\ntitle: ", 0},
				// A name more, which no event names: taken in place.
				{"actor's aliases", "actors", `aliases: ["`, `aliases: ["Autre nom", "`, 0},
				// A new title: events naming the term by the old one
				// still find it by its file's name. Taken in place.
				{"actor's title", "actors", "\ntitle: \"", "\ntitle: \"Le ", 0},
				// Its aliases dropped, events naming it by one of them
				// naming another actor: the content is loaded again.
				{"actor's aliases dropped", "actors", `aliases: ["`, "aliases: []\n# [\"", 0},
				{"source's file", "sources", "\npublisher: \"", "\npublisher: \"Les ", 0},
				{"source's text", "sources", "\n---\n", "\n---\nEn bref.\n\n", 2},
			} {
				b.Run(c.name, func(b *testing.B) {
					files, err := filepath.Glob(filepath.Join(src, c.file, "*.md"))
					if err != nil || len(files) == 0 {
						b.Fatal("no files in ", c.file, err)
					}
					file := files[len(files)/2]
					orig, err := os.ReadFile(file)
					if err != nil {
						b.Fatal(err)
					}
					edited := strings.Replace(string(orig), c.old, c.new, 1)
					if edited == string(orig) {
						b.Fatalf("%s has no %q", file, c.old)
					}
					versions := [][]byte{[]byte(edited), orig}
					b.ReportAllocs()
					defer synth.CPUMeter(b)()
					i := 0
					for b.Loop() {
						if err := os.WriteFile(file, versions[i%2], 0o644); err != nil {
							b.Fatal(err)
						}
						i++
						written, whole, err := live.Update([]string{file})
						if err != nil || whole {
							b.Fatal("Update: ", err, ", the whole site built: ", whole)
						}
						if c.pages > 0 && written != c.pages {
							b.Fatalf("Update wrote %d files, not in place", written)
						}
					}
				})
			}
			// An event file renamed, and back, in turn: one late in the
			// order files are read in, seldom the first to name a term.
			b.Run("renamed", func(b *testing.B) {
				from := events[len(events)-1]
				to := strings.TrimSuffix(from, ".md") + "-bis.md"
				b.ReportAllocs()
				defer synth.CPUMeter(b)()
				for b.Loop() {
					if err := os.Rename(from, to); err != nil {
						b.Fatal(err)
					}
					if _, whole, err := live.Update([]string{from, to}); err != nil || whole {
						b.Fatal("Update: ", err, ", the whole site built: ", whole)
					}
					from, to = to, from
				}
			})
			// A new event file, a copy of the one edited above read last,
			// and the same file deleted, in turn.
			b.Run("new and deleted", func(b *testing.B) {
				added := filepath.Join(filepath.Dir(file), "zz-"+filepath.Base(file))
				b.ReportAllocs()
				defer synth.CPUMeter(b)()
				i := 0
				for b.Loop() {
					var err error
					if i%2 == 0 {
						err = os.WriteFile(added, orig, 0o644)
					} else {
						err = os.Remove(added)
					}
					if err != nil {
						b.Fatal(err)
					}
					i++
					if _, whole, err := live.Update([]string{added}); err != nil || whole {
						b.Fatal("Update: ", err, ", the whole site built: ", whole)
					}
				}
			})
		})
	}
}

// capitalTopic writes the first topic an event file names with a capital.
func capitalTopic(s string) string {
	return firstTopic.ReplaceAllStringFunc(s, func(m string) string {
		name := strings.TrimPrefix(m, `topics: ["`)
		c, size := utf8.DecodeRuneInString(name)
		return `topics: ["` + string(unicode.ToUpper(c)) + name[size:]
	})
}

// firstTopic is the first topic an event file names.
var firstTopic = regexp.MustCompile(`topics: \["[^"]+`)
