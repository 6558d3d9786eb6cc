package content

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// seedTree is the repository's own content tree, in memory.
func seedTree(t *testing.T) fstest.MapFS {
	t.Helper()
	tree := fstest.MapFS{}
	root := os.DirFS("../../content")
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(root, p)
		tree[p] = &fstest.MapFile{Data: b, Mode: 0o644}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

const (
	valette  = "events/2015-11-sommet-de-la-valette.md"
	visas    = "events/2021-visas-divises-par-deux.md"
	imam     = "events/2023-01-rapatriement-de-l-imam-iquioussen.md"
	mna      = "events/2018-06-equipe-marocaine-en-france-pour-les-mineurs-non-accompagnes.md"
	arrivals = "events/2022-03-les-arrivees-en-espagne-baissent-de-55-pour-cent.md"
	accord   = "events/2022-04-30-entree-en-vigueur-de-l-accord-de-securite-maroc-espagne.md"
	schema   = "events/2020-12-schema-de-procedure-pour-le-retour-des-mna.md"
	macron   = "events/2024-10-visite-d-etat-d-emmanuel-macron-au-maroc.md"
	gone     = "events/2025-01-les-eloignements-vers-le-maroc-augmentent-de-60-pour-cent.md"
	// brouillon is the draft withDraft adds, read before every event.
	brouillon = "events/2015-01-brouillon.md"
	rise      = "events/2018-forte-hausse-des-arrivees-par-la-mediterranee.md"
	sahara    = "events/2024-22-la-france-reconnait-la-souverainete-marocaine-sur-le-sahara.md"
)

// TestReread edits the seed site's files as an editor would and checks
// that Reread either gives the site a new Load gives, or declines.
func TestReread(t *testing.T) {
	quote := "En novembre 2015, les chefs d'Etat et de gouvernement africains et européens ont exploré les possibilités d'une coopération plus étroite lors du sommet sur la migration à La Valette"
	tests := []struct {
		name    string
		edit    func(t *testing.T, tree fstest.MapFS)
		files   []string
		fits    bool                    // Reread takes the change in place
		setup   func(tree fstest.MapFS) // the tree before the change, when not the seed's
		fails   string                  // the problem it reports, if any
		retitle bool                    // a term's title may change
	}{
		{name: "title, summary and body", files: []string{valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "title: Sommet de La Valette sur la migration", "title: Le sommet de La Valette")
			replace(t, tree, valette, "summary: Les chefs", "summary: Réunis à Malte, les chefs")
			replace(t, tree, valette, "centraux :", "centraux, dit-on :")
		}},
		{name: "a shorter quote, a status and a misspelt key", files: []string{valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, quote, "les chefs d'Etat et de gouvernement africains et européens")
			replace(t, tree, valette, "status: reviewed", "status: extracted\nsumary: oubli")
		}},
		{name: "two files at once, one twice", files: []string{valette, "events/2023-01-rapatriement-de-l-imam-iquioussen.md", valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "title: Sommet", "title: Le sommet")
			replace(t, tree, "events/2023-01-rapatriement-de-l-imam-iquioussen.md", "\ntitle: ", "\ntitle: Enfin, ")
		}},
		{name: "the body", files: []string{valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "centraux :", "centraux, dit-on :")
		}},
		{name: "a file left as it was", files: []string{valette}, fits: true, edit: func(*testing.T, fstest.MapFS) {}},
		{name: "another date", files: []string{valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "date: 2015-11", "date: 2015-11-11")
		}},
		{name: "another date past other events", files: []string{arrivals}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, arrivals, "date: 2022-03", "date: 2022-05")
		}},
		{name: "two events swapping the only years they are in", files: []string{imam, visas}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, visas, "date: 2021/2022", "date: 2023-02")
			replace(t, tree, imam, "date: 2023-01", "date: 2021-06")
		}},
		{name: "two events trading years", files: []string{valette, mna}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "date: 2015-11", "date: 2018-06-02")
			replace(t, tree, mna, "date: 2018-06", "date: 2015-12")
		}},
		{name: "the only event of its year", files: []string{valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "date: 2015-11", "date: 2018-11")
		}},
		{name: "a year of its own", files: []string{imam}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, imam, "date: 2023-01", "date: 2019-01")
		}},
		{name: "the same date written otherwise", files: []string{valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "date: 2015-11", "date: \"2015-11\"")
		}},
		{name: "another actor", files: []string{valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "actors: [Union européenne]", "actors: [Union européenne, Maroc]")
		}},
		{name: "the same actor named otherwise", files: []string{valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "actors: [Union européenne]", "actors: [UE]")
		}},
		{name: "another actor with a page", files: []string{valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "actors: [Union européenne]", "actors: [Union européenne, Emmanuel Macron]")
		}},
		{name: "a topic it names first, spelt otherwise", files: []string{valette}, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "[migration irrégulière, retour", "[Migration irrégulière, retour")
		}},
		{name: "a topic it names first, no longer named", files: []string{valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "migration irrégulière, retour, ", "migration irrégulière, ")
		}},
		{name: "a topic it names first, retitled", files: []string{valette}, fits: true, retitle: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "[migration irrégulière, retour", "[Migration irrégulière, retour")
		}},
		{name: "a topic it names first from now on, retitled", files: []string{valette}, fits: true, retitle: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "coopération UE-Maroc]", "coopération UE-Maroc, Expulsion]")
		}},
		{name: "a topic it names first, no longer named, the next file spelling it otherwise", files: []string{valette},
			setup: withRetour, edit: func(t *testing.T, tree fstest.MapFS) {
				replace(t, tree, valette, "migration irrégulière, retour, ", "migration irrégulière, ")
			}},
		{name: "a topic it names first, no longer named, retitled as the next file spells it", files: []string{valette}, fits: true, retitle: true,
			setup: withRetour, edit: func(t *testing.T, tree fstest.MapFS) {
				replace(t, tree, valette, "migration irrégulière, retour, ", "migration irrégulière, ")
			}},
		{name: "a deleted file, the first to name a topic, retitled as the next file spells it", files: []string{valette}, fits: true, retitle: true,
			setup: withRetour, edit: func(t *testing.T, tree fstest.MapFS) {
				delete(tree, valette)
			}},
		{name: "an event becoming a draft, retitled", files: []string{valette}, fits: true, retitle: true,
			setup: withRetour, edit: func(t *testing.T, tree fstest.MapFS) {
				replace(t, tree, valette, "\ntitle: ", "\ndraft: true\ntitle: ")
				replace(t, tree, valette, "[migration irrégulière, retour", "[Migration irrégulière, Retour")
			}},
		{name: "a new file naming a topic first, retitled", files: []string{"events/2015-12-suite.md"}, fits: true, retitle: true, edit: func(t *testing.T, tree fstest.MapFS) {
			tree["events/2015-12-suite.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Suite\ndate: 2015-12\ntopics: [Expulsion]\n---\n")}
		}},
		{name: "a draft naming a topic first, spelt otherwise, with retitle", files: []string{brouillon}, retitle: true, setup: withDraft, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, brouillon, "topics: [asile]", "topics: [asile, Migration irrégulière]")
		}},
		{name: "a topic a draft read after names first, retitled", files: []string{valette}, fits: true, retitle: true, setup: func(tree fstest.MapFS) {
			tree["events/2016-brouillon.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Brouillon\ndate: 2016\ntopics: [Asile]\ndraft: true\n---\n")}
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "coopération UE-Maroc]", "coopération UE-Maroc, asile]")
		}},
		{name: "a topic another file names first, no longer named", files: []string{mna}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, mna, `"mineurs non accompagnés", "retour"`, `"mineurs non accompagnés"`)
		}},
		{name: "a topic another file names first, spelt otherwise", files: []string{mna}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, mna, `"mineurs non accompagnés", "retour"`, `"mineurs non accompagnés", "Retour"`)
		}},
		{name: "a topic it names first from now on, spelt alike", files: []string{valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "coopération UE-Maroc]", "coopération UE-Maroc, expulsion]")
		}},
		{name: "a topic it names first from now on, spelt otherwise", files: []string{valette}, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "coopération UE-Maroc]", "coopération UE-Maroc, Expulsion]")
		}},
		{name: "the only event of a topic", files: []string{accord}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, accord, `"crime organisé", `, "")
		}},
		{name: "a topic a draft read before names first", files: []string{valette}, fits: true, setup: func(tree fstest.MapFS) {
			tree["events/2015-01-brouillon.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Brouillon\ndate: 2015-01\ntopics: [Asile]\ndraft: true\n---\n")}
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "coopération UE-Maroc]", "coopération UE-Maroc, asile]")
		}},
		{name: "a topic a draft read after names first, spelt otherwise", files: []string{valette}, setup: func(tree fstest.MapFS) {
			tree["events/2016-brouillon.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Brouillon\ndate: 2016\ntopics: [Asile]\ndraft: true\n---\n")}
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "coopération UE-Maroc]", "coopération UE-Maroc, asile]")
		}},
		{name: "a topic a draft read after names first, spelt alike", files: []string{valette}, fits: true, setup: func(tree fstest.MapFS) {
			tree["events/2016-brouillon.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Brouillon\ndate: 2016\ntopics: [asile]\ndraft: true\n---\n")}
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "coopération UE-Maroc]", "coopération UE-Maroc, asile]")
		}},
		{name: "two topics spelt alike but for case, new", files: []string{valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "coopération UE-Maroc]", "coopération UE-Maroc, Droit d'asile, droit d’asile]")
		}},
		{name: "an actor with a file and no event yet", files: []string{valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "actors: [Union européenne]", "actors: [Union européenne, Gérald Darmanin]")
		}},
		{name: "the only event of an actor", files: []string{imam}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, imam, "actors: [Hassan Iquioussen]", "actors: []")
		}},
		{name: "a topic no event names", files: []string{valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "coopération UE-Maroc]", "coopération UE-Maroc, asile]")
		}},
		{name: "two files naming other terms", files: []string{valette, mna}, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "actors: [Union européenne]", "actors: [Union européenne, Emmanuel Macron]")
			replace(t, tree, mna, `"mineurs non accompagnés", "retour"`, `"mineurs non accompagnés"`)
		}},
		{name: "a draft", files: []string{valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "status: reviewed", "status: reviewed\ndraft: true")
		}},
		{name: "another source", files: []string{valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "quote: \""+quote+"\"", "quote: \""+quote+"\"\n  - source: 000_a5a4beaffec547ff")
		}},
		{name: "the last events citing a source cite it no more", files: []string{mna, schema, macron}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			cite := regexp.MustCompile(`(?m)^  - source: 003_52a7616ffb998fd5\n    quote: .*\n`)
			for _, f := range []string{mna, schema, macron} {
				by := "  - source: 000_a5a4beaffec547ff\n    quote: \"" + quote + "\"\n"
				if f == macron {
					by = ""
				}
				if !cite.Match(tree[f].Data) {
					t.Fatalf("%s does not cite 003_52a7616ffb998fd5", f)
				}
				tree[f].Data = cite.ReplaceAll(tree[f].Data, []byte(by))
			}
		}},
		{name: "a new file", files: []string{"events/2015-12-suite.md"}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			tree["events/2015-12-suite.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Suite\ndate: 2015-12\n---\n")}
		}},
		{name: "a new file in a folder, naming terms and citing a source", files: []string{"events/ajouts/2023-02-suite.md"}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			tree["events/ajouts/2023-02-suite.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Suite\ndate: 2023-02-03\n" +
				"actors: [UE, Hassan Iquioussen]\nplaces: [Rabat]\ntopics: [expulsion]\n" +
				"sources:\n  - source: 000_a5a4beaffec547ff\n    quote: \"" + quote + "\"\n---\nEnfin.\n")}
		}},
		{name: "a new file naming a topic first", files: []string{"events/2015-12-suite.md"}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			tree["events/2015-12-suite.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Suite\ndate: 2015-12\ntopics: [expulsion]\n---\n")}
		}},
		{name: "a new file naming a topic first, spelt otherwise", files: []string{"events/2015-12-suite.md"}, edit: func(t *testing.T, tree fstest.MapFS) {
			tree["events/2015-12-suite.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Suite\ndate: 2015-12\ntopics: [Expulsion]\n---\n")}
		}},
		{name: "a new file naming an actor with no page yet", files: []string{"events/2015-12-suite.md"}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			tree["events/2015-12-suite.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Suite\ndate: 2015-12\nactors: [Gérald Darmanin]\n---\n")}
		}},
		{name: "a new file in a year of its own", files: []string{"events/2016-suite.md"}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			tree["events/2016-suite.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Suite\ndate: 2016-12\n---\n")}
		}},
		{name: "a new file with the name of another", files: []string{"events/ajouts/2015-11-sommet-de-la-valette.md"}, edit: func(t *testing.T, tree fstest.MapFS) {
			tree["events/ajouts/2015-11-sommet-de-la-valette.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Suite\ndate: 2015-12\n---\n")}
		}},
		{name: "a new draft", files: []string{"events/2015-12-suite.md"}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			tree["events/2015-12-suite.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Suite\ndate: 2015-12\ndraft: true\n---\n")}
		}},
		{name: "a draft ceasing to be one", files: []string{brouillon}, fits: true, setup: withDraft, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, brouillon, "draft: true\n", "")
		}},
		{name: "a draft edited", files: []string{brouillon}, fits: true, setup: withDraft, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, brouillon, "title: Brouillon", "title: Brouillon revu")
		}},
		{name: "a draft naming other terms", files: []string{brouillon}, fits: true, setup: withDraft, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, brouillon, "topics: [asile]", "topics: [expulsion, nouveau thème]")
		}},
		{name: "a draft deleted", files: []string{brouillon}, fits: true, setup: withDraft, edit: func(t *testing.T, tree fstest.MapFS) {
			delete(tree, brouillon)
		}},
		{name: "a draft naming a topic first, spelt otherwise", files: []string{brouillon}, setup: withDraft, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, brouillon, "topics: [asile]", "topics: [asile, Migration irrégulière]")
		}},
		{name: "an event becoming a draft, the only one to cite a source", files: []string{"events/2025-ajout.md"}, fits: true, setup: func(tree fstest.MapFS) {
			tree["sources/005_ajout.txt"] = &fstest.MapFile{Data: []byte("Un article ajouté, qui dit une chose en 2025.\n")}
			tree["events/2025-ajout.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Ajout\ndate: 2025\n" +
				"sources:\n  - source: 005_ajout\n    quote: \"qui dit une chose\"\n---\n")}
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, "events/2025-ajout.md", "date: 2025\n", "date: 2025\ndraft: true\n")
		}},
		{name: "a draft become a folder", files: []string{brouillon}, setup: withDraft, edit: func(t *testing.T, tree fstest.MapFS) {
			delete(tree, brouillon)
			tree[brouillon+"/2015-02-suite.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Suite\ndate: 2015-02\n---\n")}
		}},
		{name: "an event file become a folder", files: []string{gone}, edit: func(t *testing.T, tree fstest.MapFS) {
			delete(tree, gone)
			tree[gone+"/2015-02-suite.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Suite\ndate: 2015-02\n---\n")}
		}},
		{name: "a new file in a hidden folder", files: []string{"events/.brouillons/2015-12-suite.md"}, edit: func(t *testing.T, tree fstest.MapFS) {
			tree["events/.brouillons/2015-12-suite.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Suite\ndate: 2015-12\n---\n")}
		}},
		{name: "a new file not in Markdown", files: []string{"events/2015-12-suite.txt"}, edit: func(t *testing.T, tree fstest.MapFS) {
			tree["events/2015-12-suite.txt"] = &fstest.MapFile{Data: []byte("---\ntitle: Suite\ndate: 2015-12\n---\n")}
		}},
		{name: "a new file with no date", files: []string{"events/2015-12-suite.md"}, fails: "events/2015-12-suite.md:1: has no date", edit: func(t *testing.T, tree fstest.MapFS) {
			tree["events/2015-12-suite.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Suite\n---\n")}
		}},
		{name: "a deleted file", files: []string{gone}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			delete(tree, gone)
		}},
		{name: "a deleted file, the only one citing a source", files: []string{"events/2025-ajout.md"}, fits: true, setup: func(tree fstest.MapFS) {
			tree["sources/005_ajout.txt"] = &fstest.MapFile{Data: []byte("Un article ajouté, qui dit une chose en 2025.\n")}
			tree["events/2025-ajout.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Ajout\ndate: 2025\n" +
				"sources:\n  - source: 005_ajout\n    quote: \"qui dit une chose\"\n---\n")}
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			delete(tree, "events/2025-ajout.md")
		}},
		{name: "a deleted file, the only event of its year", files: []string{valette}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			delete(tree, valette)
		}},
		{name: "a deleted file, the only event of a place", files: []string{rise}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			delete(tree, rise)
		}},
		{name: "a deleted file, the only one to name a topic", files: []string{sahara}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			delete(tree, sahara)
		}},
		{name: "a deleted file, the first to name a topic a draft names", files: []string{sahara}, setup: func(tree fstest.MapFS) {
			tree["events/2030-brouillon.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Brouillon\ndate: 2030\ntopics: [sahara]\ndraft: true\n---\n")}
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			delete(tree, sahara)
		}},
		{name: "a deleted file, the first to name a topic others name", files: []string{imam}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			delete(tree, imam)
		}},
		{name: "a topic no longer named, by the only file naming it", files: []string{sahara}, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, sahara, `topics: ["Sahara"]`, `topics: ["expulsion"]`)
		}},
		{name: "a deleted file and another edited", files: []string{gone, imam}, edit: func(t *testing.T, tree fstest.MapFS) {
			delete(tree, gone)
			replace(t, tree, imam, "\ntitle: ", "\ntitle: Enfin, ")
		}},
		{name: "not an event", files: []string{"actors/union-europeenne.md"}, edit: func(*testing.T, fstest.MapFS) {}},
		{name: "no title", files: []string{valette}, fails: "events/2015-11-sommet-de-la-valette.md:1: has no title", edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "title: Sommet de La Valette sur la migration\n", "")
		}},
		{name: "a quote the source lacks", files: []string{valette}, fails: "quote not found in source 000_a5a4beaffec547ff", edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, quote, "une phrase que l'article n'écrit pas")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree := seedTree(t)
			if tt.setup != nil {
				tt.setup(tree)
			}
			s := load(t, tree)
			before := load(t, tree)
			tt.edit(t, tree)
			changed, fits, err := s.Reread(tree, tt.files, tt.retitle)
			if tt.fails != "" {
				if err == nil || !strings.Contains(err.Error(), tt.fails) {
					t.Fatalf("Reread gives %v, want a problem %q", err, tt.fails)
				}
				var ps Problems
				if !errors.As(err, &ps) {
					t.Fatalf("Reread gives %T, want Problems", err)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if fits != tt.fits {
				t.Fatalf("Reread takes the change in place: %v, want %v", fits, tt.fits)
			}
			if !fits {
				if len(changed) > 0 {
					t.Errorf("Reread declines but names %d changed events", len(changed))
				}
				same(t, s, before)
				return
			}
			for _, ed := range changed {
				if !slices.Contains(tt.files, ed.Event.File) {
					t.Errorf("Reread names %s, which was not reread", ed.Event.File)
				}
				was, now := before.eventByFile(ed.Event.File), load(t, tree).eventByFile(ed.Event.File)
				if ed.New != (was == nil) || ed.Gone != (now == nil) {
					t.Errorf("%s: New is %v and Gone %v", ed.Event.File, ed.New, ed.Gone)
				}
				if ed.New || ed.Gone {
					if ed.BodyOnly() || ed.Moved() {
						t.Errorf("%s: a new or deleted file is taken for an edit", ed.Event.File)
					}
					continue
				}
				bodyOnly := tt.name == "the body" || tt.name == "the same date written otherwise" || tt.name == "a file left as it was"
				if ed.BodyOnly() != bodyOnly {
					t.Errorf("%s: BodyOnly is %v", ed.Event.File, ed.BodyOnly())
				}
				respelt := bodyOnly || slices.Contains([]string{"the same actor named otherwise", "a topic it names first, retitled",
					"a topic another file names first, spelt otherwise"}, tt.name)
				if ed.Respelt() != respelt {
					t.Errorf("%s: Respelt is %v", ed.Event.File, ed.Respelt())
				}
				if moved := ed.Event.Date != before.eventByFile(ed.Event.File).Date; ed.Moved() != moved {
					t.Errorf("%s: Moved is %v", ed.Event.File, ed.Moved())
				}
				if ed.Was.File != ed.Event.File || ed.Was.Title != before.eventByFile(ed.Event.File).Title {
					t.Errorf("%s: Was does not hold the event as it was", ed.Event.File)
				}
			}
			after := load(t, tree)
			same(t, s, after)
			// The terms retitled, by kind and page name, pages or not.
			var want, got []string
			for k, ts := range before.terms {
				now := after.terms[k].list
				for _, bt := range ts.list {
					if i := slices.IndexFunc(now, func(at *Term) bool { return at.Slug == bt.Slug }); i >= 0 && now[i].Title != bt.Title {
						want = append(want, bt.Kind+"/"+bt.Slug)
					}
				}
			}
			for _, ed := range changed {
				for _, rt := range ed.Retitled {
					got = append(got, rt.Kind+"/"+rt.Slug)
				}
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("the edits retitle %v, want %v", got, want)
			}
			if strings.Contains(tt.name, "retitled") && len(want) == 0 {
				t.Error("no term is retitled: the case tests nothing")
			}
		})
	}
}

// withRetour has a file read after the first to name the topic "retour"
// spell it with a capital.
func withRetour(tree fstest.MapFS) {
	f := tree[mna]
	f.Data = []byte(strings.Replace(string(f.Data), `"retour"`, `"Retour"`, 1))
}

// withDraft adds to the seed tree a draft, read before every event, that
// cites a source and names an actor and a topic.
func withDraft(tree fstest.MapFS) {
	tree[brouillon] = &fstest.MapFile{Data: []byte("---\ntitle: Brouillon\ndate: 2015-01\ndraft: true\n" +
		"actors: [UE]\ntopics: [asile]\n" +
		"sources:\n  - source: 003_52a7616ffb998fd5\n    quote: \"mineurs marocains non accompagnés\"\n---\n")}
}

// ids returns the sources' ids, sorted.
func ids(srcs []*Source) []string {
	out := make([]string, len(srcs))
	for i, src := range srcs {
		out[i] = src.ID
	}
	slices.Sort(out)
	return out
}

func (s *Site) eventByFile(f string) *Event {
	for _, e := range s.Events {
		if e.File == f {
			return e
		}
	}
	return nil
}

func load(t *testing.T, tree fs.FS) *Site {
	t.Helper()
	s, err := Load(tree)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func replace(t *testing.T, tree fstest.MapFS, name, old, new string) {
	t.Helper()
	f := tree[name]
	if f == nil || !strings.Contains(string(f.Data), old) {
		t.Fatalf("%s does not hold %q", name, old)
	}
	f.Data = []byte(strings.Replace(string(f.Data), old, new, 1))
}

// same fails unless two sites hold the same content, down to every event's
// terms and every source's citations.
func same(t *testing.T, got, want *Site) {
	t.Helper()
	g, w := *got, *want
	g.folded, w.folded = nil, nil
	g.terms, w.terms = [3]*terms{}, [3]*terms{} // caches of the names found so far
	if !reflect.DeepEqual(g, w) {
		for i := range min(len(got.Events), len(want.Events)) {
			if !reflect.DeepEqual(got.Events[i], want.Events[i]) {
				t.Errorf("event %s: got\n%+v\nwant\n%+v", want.Events[i].File, *got.Events[i], *want.Events[i])
				break
			}
		}
		if !reflect.DeepEqual(got.Warnings, want.Warnings) {
			t.Errorf("warnings: got %v, want %v", got.Warnings, want.Warnings)
		}
		t.Fatal("the site differs from what Load gives")
	}
}

// TestLoaderIsLoad edits the seed site step by step and checks that a
// Loader, which parses again only what changed, gives after each step the
// site, or the problems, that Load gives.
func TestLoaderIsLoad(t *testing.T) {
	tree := seedTree(t)
	ld := NewLoader(tree)
	source := "sources/000_a5a4beaffec547ff.txt"
	steps := []struct {
		name string
		edit func(t *testing.T, tree fstest.MapFS)
	}{
		{"as it is", func(*testing.T, fstest.MapFS) {}},
		{"a new title", func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "title: Sommet de La Valette sur la migration", "title: Le sommet de La Valette")
		}},
		{"a new date and actor", func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "date: 2015-11", "date: 2015-11-11")
			replace(t, tree, valette, "actors: [Union européenne]", "actors: [Union européenne, Maroc]")
		}},
		{"a new event", func(t *testing.T, tree fstest.MapFS) {
			tree["events/2015-12-suite.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Suite\ndate: 2015-12\nactors: [Frontex]\n---\nLa suite.\n")}
		}},
		{"a broken event", func(t *testing.T, tree fstest.MapFS) {
			tree["events/2015-12-suite.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Suite\ndate: décembre\n---\n")}
		}},
		{"the broken event gone", func(t *testing.T, tree fstest.MapFS) {
			delete(tree, "events/2015-12-suite.md")
		}},
		{"a source with a new line", func(t *testing.T, tree fstest.MapFS) {
			tree[source].Data = append(tree[source].Data, "\nUne ligne de plus.\n"...)
		}},
		{"a source that lost the quoted passage", func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, source, "lors du sommet sur la migration", "lors d'une réunion")
		}},
		{"the passage back", func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, source, "lors d'une réunion", "lors du sommet sur la migration")
		}},
		{"a source removed", func(t *testing.T, tree fstest.MapFS) {
			for name := range tree {
				if strings.HasPrefix(name, "sources/") && name != source {
					delete(tree, name)
					break
				}
			}
		}},
	}
	// A Loader told which files changed gives the same, reading only those.
	told := NewLoader(tree)
	for _, step := range steps {
		before := snapshot(tree)
		step.edit(t, tree)
		got, gotErr := ld.Load()
		want, wantErr := Load(tree)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("%s: the Loader gives %v, Load %v", step.name, gotErr, wantErr)
		}
		if wantErr == nil {
			same(t, got, want)
		}
		changed := touched(before, tree)
		got, gotErr = told.LoadChanged(changed)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("%s: the Loader told of %q gives %v, Load %v", step.name, changed, gotErr, wantErr)
		}
		if wantErr == nil {
			same(t, got, want)
		}
	}
}

// TestRereadAfterLoadChanged checks that a site a Loader gives, which
// takes the sources' folded texts from the Loader, checks an edited quote
// against each source as it now reads, not as it read before.
func TestRereadAfterLoadChanged(t *testing.T) {
	tree := seedTree(t)
	source := "sources/000_a5a4beaffec547ff.txt"
	quote := "En novembre 2015, les chefs d'Etat et de gouvernement africains et européens ont exploré les possibilités d'une coopération plus étroite lors du sommet sur la migration à La Valette"
	ld := NewLoader(tree)
	if _, err := ld.Load(); err != nil {
		t.Fatal(err)
	}
	tree[source].Data = append(tree[source].Data, "\n\nUne phrase ajoutée depuis.\n"...)
	s, err := ld.LoadChanged([]string{source})
	if err != nil {
		t.Fatal(err)
	}
	replace(t, tree, valette, quote, "Une phrase ajoutée depuis.")
	if _, fits, err := s.Reread(tree, []string{valette}, false); err != nil || !fits {
		t.Fatalf("a quote of the source's new line: Reread gives %v, %v", fits, err)
	}
	replace(t, tree, valette, "Une phrase ajoutée depuis.", "Une phrase jamais écrite.")
	if _, _, err := s.Reread(tree, []string{valette}, false); err == nil || !strings.Contains(err.Error(), "Une phrase jamais écrite") {
		t.Fatalf("a quote found nowhere: Reread gives %v", err)
	}
}

// TestLoadChangedReadsOnlyThem checks that a Loader told which files
// changed reads only those of the event and source files it keeps, and
// every file of a folder named.
func TestLoadChangedReadsOnlyThem(t *testing.T) {
	tree := seedTree(t)
	tree["events/2016/2016-01-suite.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Suite\ndate: 2016-01\nactors: [Frontex]\n---\nLa suite.\n")}
	counted := &openCounter{fsys: tree, opened: map[string]int{}}
	ld := NewLoader(counted)
	if _, err := ld.Load(); err != nil {
		t.Fatal(err)
	}
	replace(t, tree, valette, "title: Sommet de La Valette sur la migration", "title: Le sommet de La Valette")
	for _, c := range []struct {
		changed []string
		want    []string
	}{
		{[]string{valette}, []string{valette}},
		{nil, nil},
		{[]string{"events/2016"}, []string{"events/2016/2016-01-suite.md"}},
	} {
		clear(counted.opened)
		s, err := ld.LoadChanged(c.changed)
		if err != nil {
			t.Fatal(err)
		}
		var read []string
		for name := range counted.opened {
			if (strings.HasPrefix(name, "events/") || strings.HasPrefix(name, "sources/")) && path.Ext(name) != "" {
				read = append(read, name) // a file, not a folder listed
			}
		}
		slices.Sort(read)
		if !slices.Equal(read, c.want) {
			t.Errorf("told of %q, the Loader read %q, want %q", c.changed, read, c.want)
		}
		i := slices.IndexFunc(s.Events, func(e *Event) bool { return e.File == valette })
		if i < 0 || s.Events[i].Title != "Le sommet de La Valette" {
			t.Errorf("told of %q, the Loader lost the new title", c.changed)
		}
	}
}

// TestLoadChangedFollowsLinks checks that a file read through a link, or
// any file of a sources or events folder that is a link, is read at every
// load, since what changes is the link's target, which no one names.
func TestLoadChangedFollowsLinks(t *testing.T) {
	tree := seedTree(t)
	ld := NewLoader(tree)
	if _, err := ld.Load(); err != nil {
		t.Fatal(err)
	}
	check := func(step string, changed ...string) {
		t.Helper()
		got, err := ld.LoadChanged(changed)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		want, err := Load(tree)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		same(t, got, want)
	}
	// The event file becomes a link to a file elsewhere, with the same text.
	tree["shared/valette.md"] = &fstest.MapFile{Data: slices.Clone(tree[valette].Data)}
	tree[valette] = &fstest.MapFile{Data: []byte("../shared/valette.md"), Mode: fs.ModeSymlink}
	check("a link to the same text", valette, "shared/valette.md")
	replace(t, tree, "shared/valette.md", "title: Sommet de La Valette sur la migration", "title: Le sommet de La Valette")
	check("the link's target edited", "shared/valette.md")

	// The events folder becomes a link to another folder.
	for name, f := range tree {
		if strings.HasPrefix(name, "events/") {
			tree["archive/"+strings.TrimPrefix(name, "events/")] = f
			delete(tree, name)
		}
	}
	tree["archive/2015-11-sommet-de-la-valette.md"] = &fstest.MapFile{Data: slices.Clone(tree["shared/valette.md"].Data)}
	tree["events"] = &fstest.MapFile{Data: []byte("archive"), Mode: fs.ModeSymlink}
	check("the events folder a link", "events", "archive")
	replace(t, tree, "archive/2015-11-sommet-de-la-valette.md", "title: Le sommet de La Valette", "title: La Valette")
	check("a file of the linked folder edited", "archive/2015-11-sommet-de-la-valette.md")
}

// openCounter counts the files opened in fsys, by name.
type openCounter struct {
	fsys   fs.FS
	mu     sync.Mutex
	opened map[string]int
}

func (o *openCounter) Open(name string) (fs.File, error) {
	o.mu.Lock()
	o.opened[name]++
	o.mu.Unlock()
	return o.fsys.Open(name)
}

// snapshot copies the files of tree.
func snapshot(tree fstest.MapFS) map[string]string {
	out := map[string]string{}
	for name, f := range tree {
		out[name] = string(f.Data)
	}
	return out
}

// touched names the files that differ between before and tree, or are in
// one only.
func touched(before map[string]string, tree fstest.MapFS) []string {
	var out []string
	for name, f := range tree {
		if was, ok := before[name]; !ok || was != string(f.Data) {
			out = append(out, name)
		}
	}
	for name := range before {
		if _, ok := tree[name]; !ok {
			out = append(out, name)
		}
	}
	return out
}

// TestWalkBefore checks walkBefore against the order fs.WalkDir visits the
// files of a tree whose names share beginnings and sort differently from
// whole paths ("a/x.md" is read before "a-b.md", though '-' sorts before
// '/').
func TestWalkBefore(t *testing.T) {
	names := []string{"a", "a-b", "a.b", "ab", "a0", "b", "A", "é", "z~"}
	tree := fstest.MapFS{}
	var paths []string
	for i, x := range names {
		for j, y := range names {
			p := "events/" + x + ".md"
			switch (i + j) % 3 {
			case 1:
				p = "events/" + x + "/" + y + ".md"
			case 2:
				p = "events/" + x + "/" + y + "/" + x + ".md"
			}
			if _, ok := tree[p]; !ok {
				tree[p] = &fstest.MapFile{}
				paths = append(paths, p)
			}
		}
	}
	var walked []string
	err := fs.WalkDir(tree, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			walked = append(walked, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sorted := slices.Clone(paths)
	slices.SortFunc(sorted, func(a, b string) int {
		switch {
		case walkBefore(a, b):
			return -1
		case walkBefore(b, a):
			return 1
		}
		return 0
	})
	if !slices.Equal(sorted, walked) {
		t.Errorf("walkBefore sorts\n%q\nfs.WalkDir visits\n%q", sorted, walked)
	}
}

// TestRereadForgets makes the only file naming a topic stop naming it,
// then a file read after it name the topic again, spelt otherwise: Load
// titles the topic as that file spells it, so Reread must have forgotten
// the topic's first spelling.
func TestRereadForgets(t *testing.T) {
	tree := seedTree(t)
	s := load(t, tree)
	oqtf := "events/2024-9500-oqtf-pour-1200-eloignements.md"
	for _, step := range []struct {
		file, old, new string
	}{
		{sahara, `topics: ["Sahara"]`, `topics: ["expulsion"]`},
		{oqtf, `topics: ["OQTF", "expulsion"]`, `topics: ["OQTF", "expulsion", "sahara"]`},
	} {
		replace(t, tree, step.file, step.old, step.new)
		if _, fits, err := s.Reread(tree, []string{step.file}, false); err != nil || !fits {
			t.Fatalf("%s: Reread gives %v and takes the change in place: %v", step.file, err, fits)
		}
		same(t, s, load(t, tree))
	}
}

// TestRereadWarningsGone fixes the only file with a warning: the site
// then has no warnings, as Load gives it.
func TestRereadWarningsGone(t *testing.T) {
	tree := fstest.MapFS{
		"_index.md":   {Data: []byte("---\ntitle: S\n---\n")},
		"events/a.md": {Data: []byte("---\ntitle: A\ndate: 3 mai 2012\n---\n")},
		"events/b.md": {Data: []byte("---\ntitle: B\ndate: 2012\n---\n")},
	}
	s := load(t, tree)
	if len(s.Warnings) == 0 {
		t.Fatal("a date read loosely gives no warning")
	}
	tree["events/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\ndate: 2012-05-03\n---\n")}
	if _, fits, err := s.Reread(tree, []string{"events/a.md"}, false); !fits || err != nil {
		t.Fatalf("Reread gives %v and takes the change in place: %v", err, fits)
	}
	same(t, s, load(t, tree))
}

// TestRereadTerm edits actors' and places' files as an editor would and
// checks that RereadTerm either gives the site a new Load gives, or
// declines and leaves the site as it was, with and without rename. After a
// change taken in place, an event's file is edited to name the names the
// term gained or lost, and read again: the site is still what Load gives,
// so the names are found as Load finds them.
func TestRereadTerm(t *testing.T) {
	const (
		retailleau = "actors/bruno-retailleau.md"
		maroc      = "places/maroc.md"
		rabat      = "events/2025-visite-de-bruno-retailleau-a-rabat.md"
	)
	// namesOf and names have the seed's Valletta summit name actors or
	// places.
	namesOf := func(key, list string) func(t *testing.T, tree fstest.MapFS) {
		line := regexp.MustCompile(`(?m)^` + key + `: .*$`)
		return func(t *testing.T, tree fstest.MapFS) {
			f := tree[valette]
			if !line.Match(f.Data) {
				t.Fatalf("%s names no %s", valette, key)
			}
			f.Data = line.ReplaceAll(f.Data, []byte(key+": "+list))
		}
	}
	names := func(places string) func(t *testing.T, tree fstest.MapFS) { return namesOf("places", places) }
	// draft adds a draft, file, that names the terms of kind key listed.
	draft := func(tree fstest.MapFS, file, key, list string) {
		tree[file] = &fstest.MapFile{Data: []byte("---\ntitle: Brouillon\ndate: 2020\ndraft: true\n" + key + ": " + list + "\n---\n")}
	}
	const (
		ville   = "places/rabat-ville.md"
		sahara  = "places/sahara-occidental.md" // the seed's places/sahara.md, renamed
		sanchez = "actors/pedro-sanchez.md"
	)
	tests := []struct {
		name    string
		file    string
		edit    func(t *testing.T, tree fstest.MapFS)
		fits    bool                                  // taken in place, with or without rename
		renames bool                                  // taken in place with rename only
		fails   string                                // the problem it reports, if any
		setup   func(t *testing.T, tree fstest.MapFS) // the tree before the change, when not the seed's
		then    func(t *testing.T, tree fstest.MapFS) // an event's file edited next, and read again
		// first edits the seed's Valletta summit, read again before the
		// change: names the event gave when loaded stay in the site's
		// caches.
		first func(t *testing.T, tree fstest.MapFS)
	}{
		{name: "role, country and text", file: retailleau, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, retailleau, "role: ministre français de l'Intérieur", "role: ministre de l'Intérieur")
			replace(t, tree, retailleau, "country: France", "country: République française")
			replace(t, tree, retailleau, "ancien sénateur", "longtemps sénateur")
		}},
		{name: "a place's text", file: maroc, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, maroc, "Royaume d'Afrique du Nord.", "Royaume d'Afrique du Nord, sur la Méditerranée et l'Atlantique.\n\nCapitale : Rabat.")
		}},
		{name: "a role where there was none", file: maroc, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, maroc, "country: Maroc", "country: Maroc\nrole: royaume")
		}},
		{name: "no role any more", file: retailleau, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, retailleau, "role: ministre français de l'Intérieur\n", "")
		}},
		{name: "a misspelt key, warned about", file: retailleau, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, retailleau, "country: France", "country: France\ncontry: France")
		}},
		{name: "the same file", file: retailleau, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {}},
		{name: "no aliases, then an empty list of them", file: retailleau, fits: true, setup: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, retailleau, "aliases: [Retailleau, ministre français de l'Intérieur, ministre de l'Intérieur français, ministre vendéen]\n", "")
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, retailleau, "title: Bruno Retailleau\n", "title: Bruno Retailleau\naliases: []\n")
		}},
		{name: "the title, which gives the file's name", file: retailleau, renames: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, retailleau, "title: Bruno Retailleau", "title: Bruno Retailleau (LR)")
		}, then: namesOf("actors", "[Bruno Retailleau, BRUNO RETAILLEAU (LR)]")},
		{name: "the title, kept as an alias", file: retailleau, renames: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, retailleau, "title: Bruno Retailleau", "title: Bruno Retaillau")
			replace(t, tree, retailleau, "aliases: [", "aliases: [Bruno Retailleau, ")
		}, then: namesOf("actors", "[Bruno Retailleau, Bruno Retaillau]")},
		{name: "the title, which events name, not the file's name", file: sahara, setup: func(t *testing.T, tree fstest.MapFS) {
			tree[sahara] = tree["places/sahara.md"]
			delete(tree, "places/sahara.md")
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, sahara, "title: Sahara\n", "title: Sahara occidental\n")
			replace(t, tree, sahara, "aliases: [Sahara occidental]", "aliases: []")
		}},
		{name: "the title, which no event names, not the file's name", file: ville, renames: true, setup: func(t *testing.T, tree fstest.MapFS) {
			tree[ville] = &fstest.MapFile{Data: []byte("---\ntitle: Rabat-Salé\n---\nLa capitale.\n")}
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, ville, "title: Rabat-Salé", "title: Rabat-Salé-Kénitra")
		}, then: names("[Rabat-Salé-Kénitra, rabat salé]")},
		{name: "the title of another place", file: maroc, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, maroc, "title: Maroc", "title: Agadir")
		}},
		{name: "an alias no event names", file: maroc, renames: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, maroc, "royaume chérifien]", "royaume chérifien, Chérifie]")
		}, then: names("[La Valette, CHERIFIE]")},
		{name: "an alias an event names", file: maroc, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, maroc, "royaume chérifien]", "royaume chérifien, Rabat]")
		}},
		{name: "an alias a draft names", file: maroc, setup: func(t *testing.T, tree fstest.MapFS) {
			draft(tree, "events/brouillon.md", "places", "[Chérifie]")
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, maroc, "royaume chérifien]", "royaume chérifien, Chérifie]")
		}},
		{name: "an alias dropped that a draft names", file: retailleau, setup: func(t *testing.T, tree fstest.MapFS) {
			draft(tree, "events/brouillon.md", "actors", "[Retailleau]")
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, retailleau, "[Retailleau, ", "[")
		}},
		{name: "an alias dropped that an event named", file: maroc, renames: true, setup: names("[La Valette, royaume chérifien]"), first: names("[La Valette]"), edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, maroc, "[royaume du Maroc, royaume chérifien]", "[royaume du Maroc]")
		}, then: names("[La Valette, royaume chérifien]")},
		{name: "an alias another place goes by", file: maroc, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, maroc, "royaume chérifien]", "royaume chérifien, Agadir]")
		}},
		{name: "an alias of an actor's name", file: maroc, renames: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, maroc, "royaume chérifien]", "royaume chérifien, Mohammed VI]")
		}, then: names("[Mohammed VI]")},
		{name: "an alias dropped that no event names", file: maroc, renames: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, maroc, "[royaume du Maroc, royaume chérifien]", "[royaume du Maroc]")
		}, then: names("[La Valette, Royaume chérifien]")},
		{name: "an alias dropped that an event names", file: retailleau, setup: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, rabat, "Bruno Retailleau,", "Retailleau,")
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, retailleau, "[Retailleau, ", "[")
		}},
		{name: "the aliases in another order", file: maroc, renames: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, maroc, "[royaume du Maroc, royaume chérifien]", "[royaume chérifien, royaume du Maroc]")
		}},
		{name: "an alias spelt otherwise", file: maroc, renames: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, maroc, "royaume du Maroc", "Royaume du Maroc")
		}},
		{name: "an alias that is the title", file: maroc, renames: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, maroc, "royaume chérifien]", "royaume chérifien, MAROC]")
		}},
		{name: "the file deleted, with its warning", file: maroc, renames: true, setup: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, maroc, "country: Maroc", "contry: Maroc")
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			delete(tree, maroc)
		}, then: names("[La Valette, maroc, Royaume du Maroc]")},
		{name: "the file deleted, drafts naming it too", file: maroc, renames: true, setup: func(t *testing.T, tree fstest.MapFS) {
			draft(tree, "events/brouillon.md", "places", "[Maroc]")
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			delete(tree, maroc)
		}},
		{name: "the file deleted, a draft first to name it", file: maroc, renames: true, setup: func(t *testing.T, tree fstest.MapFS) {
			draft(tree, "events/0000-brouillon.md", "places", "[MAROC]")
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			delete(tree, maroc)
		}},
		{name: "the file deleted, an event naming it by an alias", file: maroc, setup: names("[La Valette, royaume du Maroc]"), edit: func(t *testing.T, tree fstest.MapFS) {
			delete(tree, maroc)
		}},
		{name: "the file deleted, no event naming it", file: ville, renames: true, setup: func(t *testing.T, tree fstest.MapFS) {
			tree[ville] = &fstest.MapFile{Data: []byte("---\ntitle: Rabat-Salé\n---\nLa capitale.\n")}
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			delete(tree, ville)
		}, then: names("[Rabat-Salé]")},
		{name: "a folder in its place", file: maroc, edit: func(t *testing.T, tree fstest.MapFS) {
			delete(tree, maroc)
			tree[maroc+"/x.md"] = &fstest.MapFile{Data: []byte("---\ntitle: X\n---\n")}
		}},
		{name: "a new file", file: "actors/nouveau.md", renames: true, edit: func(t *testing.T, tree fstest.MapFS) {
			tree["actors/nouveau.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Nouveau\naliases: [Nouvel acteur]\n---\n")}
		}, then: namesOf("actors", "[Union européenne, nouvel ACTEUR]")},
		{name: "a new file for an actor events and drafts name", file: sanchez, renames: true, setup: func(t *testing.T, tree fstest.MapFS) {
			tree["pedro.md"] = tree[sanchez]
			delete(tree, sanchez)
			draft(tree, "events/brouillon.md", "actors", "[Pedro Sánchez]")
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			tree[sanchez] = tree["pedro.md"]
		}, then: namesOf("actors", "[Union européenne, Pedro Sánchez, Sánchez]")},
		{name: "a new file for an actor events name, in a folder of its own", file: "actors/espagne/" + path.Base(sanchez), renames: true, setup: func(t *testing.T, tree fstest.MapFS) {
			tree["pedro.md"] = tree[sanchez]
			delete(tree, sanchez)
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			tree["actors/espagne/"+path.Base(sanchez)] = tree["pedro.md"]
		}},
		{name: "a new file for an actor events name, named otherwise", file: "actors/sanchez.md", setup: func(t *testing.T, tree fstest.MapFS) {
			tree["pedro.md"] = tree[sanchez]
			delete(tree, sanchez)
		}, edit: func(t *testing.T, tree fstest.MapFS) {
			tree["actors/sanchez.md"] = tree["pedro.md"]
		}},
		{name: "a new file with an alias events give another actor", file: "actors/nouveau.md", edit: func(t *testing.T, tree fstest.MapFS) {
			tree["actors/nouveau.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Nouveau\naliases: [Nasser Bourita]\n---\n")}
		}},
		{name: "a new file of the same name as another", file: "actors/autres/bruno-retailleau.md", edit: func(t *testing.T, tree fstest.MapFS) {
			tree["actors/autres/bruno-retailleau.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Bruno Retailleau bis\n---\n")}
		}},
		{name: "a new file with another file's title", file: "places/royaume.md", edit: func(t *testing.T, tree fstest.MapFS) {
			tree["places/royaume.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Royaume du Maroc\n---\n")}
		}},
		{name: "a new file that is not a term's", file: "actors/notes.txt", edit: func(t *testing.T, tree fstest.MapFS) {
			tree["actors/notes.txt"] = &fstest.MapFile{Data: []byte("notes\n")}
		}},
		{name: "a new file without a title", file: "actors/nouveau.md", fails: "title", edit: func(t *testing.T, tree fstest.MapFS) {
			tree["actors/nouveau.md"] = &fstest.MapFile{Data: []byte("---\nrole: rien\n---\n")}
		}},
		{name: "an event's file", file: valette, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "title: Sommet", "title: Le sommet")
		}},
		{name: "no title", file: retailleau, fails: "title", edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, retailleau, "title: Bruno Retailleau\n", "")
		}},
		{name: "aliases that are not a list", file: maroc, fails: "aliases should be a list", edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, maroc, "aliases: [royaume du Maroc, royaume chérifien]", "aliases: {a: b}")
		}},
	}
	for _, tt := range tests {
		for _, rename := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/rename=%v", tt.name, rename), func(t *testing.T) {
				tree := seedTree(t)
				if tt.setup != nil {
					tt.setup(t, tree)
				}
				s := load(t, tree)
				if tt.first != nil {
					tt.first(t, tree)
					rereadEvent(t, s, tree)
				}
				before := load(t, tree)
				tt.edit(t, tree)
				term, was, fits, err := s.RereadTerm(tree, tt.file, rename)
				fails := tt.fails
				if !rename && termByFile(before, tt.file) == nil {
					fails = "" // a new file is read only with rename
				}
				rereadFails(t, "RereadTerm", err, tree, tt.file, fails, false)
				if want := tt.fits || rename && tt.renames; fits != want {
					t.Fatalf("RereadTerm takes the change in place: %v, want %v", fits, want)
				}
				if !fits {
					if term != nil {
						t.Errorf("RereadTerm declines but gives the term %v", term)
					}
					same(t, s, before)
					return
				}
				if _, there := tree[tt.file]; there && (term == nil || term.File != tt.file) {
					t.Fatalf("RereadTerm gives the term %v, want that of %s", term, tt.file)
				} else if !there && (term == nil || term.Slug != termByFile(before, tt.file).Slug) {
					t.Fatalf("RereadTerm gives the term %+v, want one of the page of %s", term, tt.file)
				}
				old := termByFile(before, tt.file)
				if old == nil {
					// A new file: what the term of the same page, if
					// any, held.
					for _, x := range slices.Concat(before.Actors, before.Places) {
						if x.Slug == term.Slug && x.Kind == term.Kind {
							old = x
						}
					}
					if old == nil {
						old = &Term{}
					}
				}
				if was.File != old.File || was.Title != old.Title || was.Body != old.Body || was.Role != old.Role || !slices.Equal(was.Aliases, old.Aliases) {
					t.Errorf("what the term held before is %+v, want %+v", was, *old)
				}
				same(t, s, load(t, tree))
				if tt.name == "a misspelt key, warned about" && len(s.Warnings) == len(before.Warnings) {
					t.Error("the misspelt key gives no warning")
				}
				if tt.then == nil {
					return
				}
				tt.then(t, tree)
				rereadEvent(t, s, tree)
				same(t, s, load(t, tree))
			})
		}
	}
}

// rereadEvent reads again the file of the seed's Valletta summit, which
// must be taken in place.
func rereadEvent(t *testing.T, s *Site, tree fstest.MapFS) {
	t.Helper()
	if _, fits, err := s.Reread(tree, []string{valette}, true); err != nil || !fits {
		t.Fatalf("Reread of %s gives %v, and takes it in place: %v", valette, err, fits)
	}
}

// TestRereadTermSpellingsKept checks that a spelling an event gave once,
// which the site keeps as found, finds the term of a new file that goes
// by it, as after a new Load: the event naming it again then names that
// term.
func TestRereadTermSpellingsKept(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	names := func(places string) *fstest.MapFile {
		return file("---\ntitle: A\ndate: 2010\nsummary: s\nplaces: " + places + "\n---\n")
	}
	tree := fstest.MapFS{"_index.md": file("---\ntitle: T\n---\n"), "events/a.md": names("[Tanger Med, tanger-med]")}
	s := load(t, tree)
	steps := []struct {
		name string
		edit func()
		term bool // a term's file, or else the event's
	}{
		{"the event spells the port one way", func() { tree["events/a.md"] = names("[Tanger Med]") }, false},
		{"a new file goes by the other spelling", func() {
			tree["places/port.md"] = file("---\ntitle: Port\naliases: [tanger-med]\n---\n")
		}, true},
		{"the event spells it the other way again", func() { tree["events/a.md"] = names("[Tanger Med, tanger-med]") }, false},
	}
	for _, step := range steps {
		step.edit()
		var fits bool
		var err error
		if step.term {
			_, _, fits, err = s.RereadTerm(tree, "places/port.md", true)
		} else {
			_, fits, err = s.Reread(tree, []string{"events/a.md"}, true)
		}
		if err != nil || !fits {
			t.Fatalf("%s: %v, taken in place: %v", step.name, err, fits)
		}
		same(t, s, load(t, tree))
		if got, want := s.terms[1].find("tanger-med"), load(t, tree).terms[1].find("tanger-med"); got.File != want.File || got.Slug != want.Slug {
			t.Fatalf("%s: tanger-med finds %s, a new Load %s", step.name, got.Slug, want.Slug)
		}
	}
}

// TestRereadTermLinks checks that files a load reads otherwise than
// through their own name, or not at all, are not taken in place: a new
// file below a folder that is a link (Load does not go into it), and a
// file deleted that a link led to (Load reports the link).
func TestRereadTermLinks(t *testing.T) {
	write := func(dir, p, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base := func(t *testing.T) string {
		dir := t.TempDir()
		write(dir, "content/_index.md", "---\ntitle: T\n---\n")
		write(dir, "content/events/a.md", "---\ntitle: A\ndate: 2010\nsummary: s\nplaces: [Nador]\nactors: [Nador]\n---\n")
		return dir
	}
	t.Run("a new file below a linked folder", func(t *testing.T) {
		dir := base(t)
		write(dir, "elsewhere/nador.md", "---\ntitle: Nador\nrole: port\n---\nUn port.\n")
		if err := os.MkdirAll(filepath.Join(dir, "content/places"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join(dir, "elsewhere"), filepath.Join(dir, "content/places/ext")); err != nil {
			t.Fatal(err)
		}
		fsys := os.DirFS(filepath.Join(dir, "content"))
		s := load(t, fsys)
		before := load(t, fsys)
		if _, _, fits, err := s.RereadTerm(fsys, "places/ext/nador.md", true); err != nil || fits {
			t.Fatalf("RereadTerm gives %v and takes in a file Load does not read: %v", err, fits)
		}
		same(t, s, before)
	})
	t.Run("a file deleted that a link led to", func(t *testing.T) {
		dir := base(t)
		write(dir, "content/places/nador.md", "---\ntitle: Nador\nrole: port\n---\nUn port.\n")
		if err := os.MkdirAll(filepath.Join(dir, "content/actors"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("../places/nador.md", filepath.Join(dir, "content/actors/nador.md")); err != nil {
			t.Fatal(err)
		}
		fsys := os.DirFS(filepath.Join(dir, "content"))
		s := load(t, fsys)
		before := load(t, fsys)
		if err := os.Remove(filepath.Join(dir, "content/places/nador.md")); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(fsys); err == nil {
			t.Fatal("Load reads a link that leads nowhere")
		}
		if _, _, fits, err := s.RereadTerm(fsys, "places/nador.md", true); err != nil || fits {
			t.Fatalf("RereadTerm gives %v and takes the deletion in place: %v", err, fits)
		}
		same(t, s, before)
	})
}

func termByFile(s *Site, f string) *Term {
	for _, ts := range s.terms[:2] {
		for _, t := range ts.list {
			if t.File == f {
				return t
			}
		}
	}
	return nil
}

// TestRereadSource edits sources' files as an editor would and checks that
// RereadSource either gives the site a new Load gives, with an Edit for
// each event citing the source, or declines and leaves the site as it was.
func TestRereadSource(t *testing.T) {
	const (
		note    = "sources/note-2015.md"
		article = "sources/000_a5a4beaffec547ff.txt"
	)
	// A source with a front matter, cited by the Valletta summit and a
	// draft, and one no event cites.
	setup := func(tree fstest.MapFS) {
		tree[note] = &fstest.MapFile{Data: []byte("---\ntitle: Note sur La Valette\npublisher: Le Desk\n" +
			"published: 2015-11-12\nurl: https://ledesk.example/note\n---\nLe sommet de La Valette réunit les chefs d'État.\n\nUn plan d'action est adopté.\n")}
		tree["sources/libre.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Libre\n---\nUn texte que nul ne cite.\n")}
		replace(t, tree, valette, "sources:\n", "sources:\n  - source: note-2015\n    quote: \"Un plan d'action est adopté\"\n")
		tree["events/2015-02-brouillon-note.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Brouillon\ndate: 2015-02\ndraft: true\n" +
			"sources:\n  - source: note-2015\n    quote: \"réunit les chefs\"\n---\n")}
	}
	tests := []struct {
		name  string
		file  string
		edit  func(t *testing.T, tree fstest.MapFS)
		fits  bool
		quiet bool   // nothing the events' pages show of the source changes: no Edit
		fails string // the problem it reports, if any
	}{
		{name: "title, publisher, address, language and date", file: note, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, note, "title: Note sur La Valette", "title: Une note sur La Valette")
			replace(t, tree, note, "publisher: Le Desk", "publisher: Le Desk (Casablanca)\nlanguage: es")
			replace(t, tree, note, "url: https://ledesk.example/note", "url: https://ledesk.example/notes/valette")
			replace(t, tree, note, "published: 2015-11-12", "published: 2015-11")
		}},
		{name: "no date, no address", file: note, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, note, "published: 2015-11-12\nurl: https://ledesk.example/note\n", "")
		}},
		{name: "a misspelt key, warned about", file: note, fits: true, quiet: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, note, "publisher: Le Desk", "publisher: Le Desk\npublsher: Le Desk")
		}},
		{name: "a source no event cites", file: "sources/libre.md", fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, "sources/libre.md", "title: Libre", "title: Libre, enfin")
		}},
		{name: "the text", file: note, fits: true, quiet: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, note, "La Valette réunit", "La Valette, à Malte, réunit")
		}},
		{name: "the text and the title", file: note, fits: true, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, note, "La Valette réunit", "La Valette, à Malte, réunit")
			replace(t, tree, note, "title: Note sur La Valette", "title: Note sur Malte")
		}},
		{name: "an article's text", file: article, fits: true, quiet: true, edit: func(t *testing.T, tree fstest.MapFS) {
			tree[article].Data = append(tree[article].Data, "\nUne ligne de plus.\n"...)
		}},
		{name: "the text without a passage quoted", file: note, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, note, "Un plan d'action est adopté.", "Un plan est adopté.")
		}},
		{name: "the text without a passage a draft quotes", file: note, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, note, "réunit les chefs", "réunit à Malte les chefs")
		}},
		{name: "the same file", file: note, fits: true, quiet: true, edit: func(t *testing.T, tree fstest.MapFS) {}},
		{name: "the file deleted", file: note, edit: func(t *testing.T, tree fstest.MapFS) { delete(tree, note) }},
		{name: "a new file", file: "sources/nouvelle.md", edit: func(t *testing.T, tree fstest.MapFS) {
			tree["sources/nouvelle.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Nouvelle\n---\nTexte.\n")}
		}},
		{name: "an event's file", file: valette, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, valette, "title: Sommet", "title: Le sommet")
		}},
		{name: "a front matter that does not parse", file: note, fails: note, edit: func(t *testing.T, tree fstest.MapFS) {
			replace(t, tree, note, "title: Note sur La Valette", "title: [Note")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree := seedTree(t)
			setup(tree)
			s := load(t, tree)
			before := load(t, tree)
			tt.edit(t, tree)
			src, edits, fits, err := s.RereadSource(tree, tt.file)
			// Load also reports the events citing a source it could not read.
			rereadFails(t, "RereadSource", err, tree, tt.file, tt.fails, true)
			if fits != tt.fits {
				t.Fatalf("RereadSource takes the change in place: %v, want %v", fits, tt.fits)
			}
			if !fits {
				if src != nil || edits != nil {
					t.Errorf("RereadSource declines but gives the source %v and %d edits", src, len(edits))
				}
				same(t, s, before)
				return
			}
			if src == nil || src.File != tt.file {
				t.Fatalf("RereadSource gives the source %v, want that of %s", src, tt.file)
			}
			var citing []string
			for _, e := range before.Events {
				for _, c := range e.Sources {
					if c.Source.File == tt.file && !slices.Contains(citing, e.File) {
						citing = append(citing, e.File)
					}
				}
			}
			var edited []string
			for _, ed := range edits {
				edited = append(edited, ed.Event.File)
				if !ed.Cited || ed.BodyOnly() || ed.Moved() || ed.New || ed.Gone || ed.Was.Title != ed.Event.Title {
					t.Errorf("%s: the edit is %+v", ed.Event.File, ed)
				}
			}
			if tt.quiet {
				citing = nil
			}
			if !slices.Equal(edited, citing) {
				t.Errorf("RereadSource gives edits of %v, want %v", edited, citing)
			}
			same(t, s, load(t, tree))
			if tt.name == "a misspelt key, warned about" && len(s.Warnings) == len(before.Warnings) {
				t.Error("the misspelt key gives no warning")
			}
		})
	}
}

// TestRereadQuotesNewText gives a source a new text in place, then has an
// event quote a passage only the new text holds, and one only the old
// held: Reread reads each against the new text, as Load does.
func TestRereadQuotesNewText(t *testing.T) {
	const note = "sources/note-2015.md"
	tree := seedTree(t)
	tree[note] = &fstest.MapFile{Data: []byte("---\ntitle: Note\n---\nLe sommet de La Valette réunit les chefs d'État.\n")}
	s := load(t, tree)
	// A first reading folds the sources' texts, and keeps them so.
	if _, fits, err := s.Reread(tree, []string{valette}, false); !fits || err != nil {
		t.Fatalf("Reread gives %v and takes the change in place: %v", err, fits)
	}
	replace(t, tree, note, "La Valette réunit", "La Valette, à Malte, réunit")
	if _, _, fits, err := s.RereadSource(tree, note); !fits || err != nil {
		t.Fatalf("RereadSource gives %v and takes the change in place: %v", err, fits)
	}
	replace(t, tree, valette, "sources:\n", "sources:\n  - source: note-2015\n    quote: \"La Valette, à Malte\"\n")
	if _, fits, err := s.Reread(tree, []string{valette}, false); !fits || err != nil {
		t.Fatalf("Reread gives %v and takes the change in place: %v", err, fits)
	}
	same(t, s, load(t, tree))
	replace(t, tree, valette, "quote: \"La Valette, à Malte\"", "quote: \"La Valette réunit\"")
	_, _, err := s.Reread(tree, []string{valette}, false)
	if err == nil || !strings.Contains(err.Error(), "quote not found") {
		t.Fatalf("Reread gives %v, want the quote not found", err)
	}
}

// TestRereadLinked edits files read under two names, a link or the file
// a link leads to, and files in a linked sources folder: what they say
// shows under both names, so every way of reading again in place declines
// and leaves the site as it was.
func TestRereadLinked(t *testing.T) {
	const (
		retailleau = "actors/bruno-retailleau.md"
		article    = "sources/000_a5a4beaffec547ff.txt"
	)
	link := func(name, target string) func(fstest.MapFS) {
		return func(tree fstest.MapFS) { tree[name] = &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink} }
	}
	tests := []struct {
		name  string
		setup func(fstest.MapFS)
		file  string
		edit  func(t *testing.T, tree fstest.MapFS)
	}{
		{"an event a link leads to", link("events/zz-lien.md", "2015-11-sommet-de-la-valette.md"), valette,
			func(t *testing.T, tree fstest.MapFS) { replace(t, tree, valette, "title: Sommet", "title: Le sommet") }},
		{"an actor a place links to", link("places/zz-lien.md", "../"+retailleau), retailleau,
			func(t *testing.T, tree fstest.MapFS) {
				replace(t, tree, retailleau, "country: France", "country: République française")
			}},
		{"a source a link leads to", link("sources/zz-lien.txt", "000_a5a4beaffec547ff.txt"), article,
			func(t *testing.T, tree fstest.MapFS) {
				tree[article].Data = append(tree[article].Data, "\nUne ligne.\n"...)
			}},
		{"a link to a source, gone", link("sources/zz-lien.txt", "000_a5a4beaffec547ff.txt"), "sources/zz-lien.txt",
			func(t *testing.T, tree fstest.MapFS) { delete(tree, "sources/zz-lien.txt") }},
		{"a source in a linked folder", func(tree fstest.MapFS) {
			for name, f := range tree {
				if rest, ok := strings.CutPrefix(name, "sources/"); ok {
					tree["articles/"+rest] = f
					delete(tree, name)
				}
			}
			link("sources", "articles")(tree)
		}, article, func(t *testing.T, tree fstest.MapFS) {
			tree["articles/000_a5a4beaffec547ff.txt"].Data = append(tree["articles/000_a5a4beaffec547ff.txt"].Data, "\nUne ligne.\n"...)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree := seedTree(t)
			tt.setup(tree)
			s, before := load(t, tree), load(t, tree)
			tt.edit(t, tree)
			var fits []bool
			_, fit, err := s.Reread(tree, []string{tt.file}, false)
			fits = append(fits, fit)
			_, _, fit, err2 := s.RereadTerm(tree, tt.file, true)
			fits = append(fits, fit)
			_, _, fit, err3 := s.RereadSource(tree, tt.file)
			fits = append(fits, fit)
			if err := errors.Join(err, err2, err3); err != nil {
				t.Fatal(err)
			}
			if slices.Contains(fits, true) {
				t.Errorf("Reread, RereadTerm and RereadSource take the change in place: %v", fits)
			}
			same(t, s, before)
		})
	}
}

// rereadFails checks err, what the reading again named what gave, against
// the problem wanted in file (fails, or none when empty), and against what
// Load reports: the same, or, with more, among other problems.
func rereadFails(t *testing.T, what string, err error, tree fs.FS, file, fails string, more bool) {
	t.Helper()
	if fails == "" {
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	var ps Problems
	if !errors.As(err, &ps) || !strings.Contains(err.Error(), fails) || !strings.Contains(err.Error(), file) {
		t.Fatalf("%s gives %v, want a problem of %s about %q", what, err, file, fails)
	}
	_, lerr := Load(tree)
	if lerr == nil || !more && lerr.Error() != err.Error() || more && !strings.Contains(lerr.Error(), err.Error()) {
		t.Errorf("%s reports %v, Load %v", what, err, lerr)
	}
}
