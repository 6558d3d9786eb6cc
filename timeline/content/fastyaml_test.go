package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// fastYAMLCases are front matters the fast path must read exactly as the
// library does (accept) or leave to it (decline).
var fastYAMLCases = []struct {
	name   string
	src    string
	accept bool
}{
	{"vide", "", true},
	{"commentaires seuls", "# rien\n\n   # encore\n", true},
	{"événement d'éditeur", `title: Sommet de La Valette sur la migration
date: 2015-11
summary: Les chefs d'État et de gouvernement adoptent une déclaration.
actors: [Union européenne]
places: [La Valette]
topics: [migration irrégulière, retour, coopération UE-Maroc]
sources:
  - source: 000_a5a4beaffec547ff
    quote: "En novembre 2015, les chefs d'Etat ont exploré les possibilités"
status: reviewed
`, true},
	{"événement de l'extracteur", `title: "Visite d'État d'Emmanuel Macron au Maroc"
date: "2024-10-29"
summary: "Le président déclare : \"une nouvelle page\"\u00a0!"
actors: ["Emmanuel Macron", "Mohammed VI"]
places: []
sources:
  - source: "003_52a7616ffb998fd5"
    quote: "Emmanuel Macron est arrivé lundi à Rabat"
  - source: "004_7c9aa38188346b54"
    quote: "une visite d\u2019État de trois jours"
status: "extracted"
checksum: "9f2c"
`, true},
	{"liste en retrait nul", "sources:\n- source: a\n  quote: 'l''accord'\nstatus: reviewed\n", true},
	{"liste de scalaires", "aliases:\n  - Emmanuel Macron\n  - le président\n  - 'Macron'\n", true},
	{"tirets espacés", "sources:\n  -   source: a\n      quote: b\n", true},
	{"date du jour", "date: 2015-11-09\npublished: 2024-10-29T10:30:00Z\n", true},
	{"date EDTF", "date: 2024-10/..\nfin: 2018~\ndoute: 2022-03-07?\nsaison: 2024-22\n", true},
	{"nombres", "poids: 3\nnégatif: -12\nzéro: 0\nratio: 1.5\nexp: 1e3\noctal: 0o17\nhexa: 0x1F\nbinaire: 0b101\nsoulignés: 1_000\nlong: 18446744073709551615\n", true},
	{"nombre à zéros", "code: 007\nid: 000_a5a4beaffec547ff\n", true},
	{"booléens YAML 1.1", "draft: false\npublie: yes\nb: n\nc: On\nd: ~\ne: null\nf:\n", true},
	{"mots presque booléens", "a: oui\nb: non\nc: Yes!\nd: nope\n", true},
	{"infini", "a: .inf\nb: -.Inf\nc: .5\nd: .x\n", true},
	{"texte à chiffres", "titre: 3 000 migrants secourus\nlieu: 75007 Paris\nheure: 14:30\n", true},
	{"commentaires en fin de ligne", "title: Rabat # capitale\nplaces: [Rabat, Madrid] # deux\nq: \"a\" # fin\n", true},
	{"dièse sans espace", "title: C#\n", true},
	{"deux-points collés", "url: https://www.example.fr/a?b=c\n", true},
	{"crochets dans le texte", "title: Madrid [Espagne], 2022\n", true},
	{"échappements connus", `q: "tab\tligne\nretour\r barre\\ guillemet\" \x41\u00e9\U0001F600"` + "\n", true},
	{"mapping imbriqué", "params:\n  couleur: bleu\n  taille: 3\n", true},
	{"liste sous une clé de liste", "groupes:\n- nom: a\n  membres:\n  - x\n  - y\n  rôle: b\n", true},
	{"liste de listes à plat", "a: [[x]]\n", false},
	{"clé en double", "title: a\ntitle: b\n", false},
	{"clé en double imbriquée", "sources:\n  - source: a\n    source: b\n", false},
	{"ancre", "a: &x 1\nb: *x\n", false},
	{"étiquette", "a: !!str 3\n", false},
	{"bloc littéral", "summary: |\n  ligne\n", false},
	{"bloc replié", "summary: >\n  ligne\n", false},
	{"texte sur deux lignes", "summary: Les dirigeants\n  européens adoptent\n", false},
	{"guillemets sur deux lignes", "summary: \"Les dirigeants\n  européens\"\n", false},
	{"liste sur deux lignes", "actors: [a,\n  b]\n", false},
	{"mapping en ligne", "a: {b: c}\n", false},
	{"tabulation", "a:\tb\n", false},
	{"échappement rare", `a: "\e"` + "\n", false},
	{"échappement invalide", `a: "\/"` + "\n", false},
	{"virgule finale", "a: [x, y,]\n", false},
	{"élément vide", "a: [x, , y]\n", false},
	{"deux-points dans le texte", "summary: Le ministre déclare : non\n", false},
	{"clé entre guillemets", "\"title\": a\n", false},
	{"clé à espace", "date de publication: 2015\n", false},
	{"clé booléenne", "yes: a\n", false},
	{"clé numérique", "2015: a\n", false},
	{"document en retrait", "  title: a\n", false},
	{"document liste", "- a\n- b\n", false},
	{"scalaire seul", "bonjour\n", false},
	{"nan", "a: .nan\n", false},
	{"fusion", "<<: {a: 1}\n", false},
	{"fin de document", "a: b\n...\n", false},
	{"directive", "%YAML 1.1\na: b\n", false},
	{"caractère de contrôle", "a: b\x01\n", false},
	{"séparateur de ligne", "a: b\u2028c\n", false},
	{"liste vide en tiret", "a:\n  -\n", false},
	{"texte après guillemets", "a: \"b\" c\n", false},
	{"retrait incohérent", "a:\n    - x\n  - y\n", false},
	{"clé sans espace", "a:b\n", false},
	{"question", "? a\n: b\n", false},
	{"clé trop longue", strings.Repeat("clé", 400) + ": a\n", false},
	{"clé longue", strings.Repeat("c", 1000) + ": a\n", true},
	{"valeur vide commentée", "a: # rien\nb:\n", true},
	{"texte sous la clé", "a:\n  texte\n", false},
	{"élément sans tiret aligné", "s:\n- a: 1\n  - x\n", false},
	{"élément de mapping vide", "s:\n  - a:\n  - b: 2\n", true},
	{"barre oblique inverse", "chemin: C:\\dossier\n", true},
}

func TestFastYAML(t *testing.T) {
	for _, c := range fastYAMLCases {
		t.Run(c.name, func(t *testing.T) {
			accepted, err := FastYAMLAgrees(c.src)
			if err != nil {
				t.Fatal(err)
			}
			if accepted != c.accept {
				t.Errorf("fast path accepts: %v, want %v", accepted, c.accept)
			}
		})
	}
}

// TestFastYAMLContent checks that the fast path reads every file of the
// project's own content, so that the speed-up is not lost without a word,
// and that it agrees with the library on each.
func TestFastYAMLContent(t *testing.T) {
	root := filepath.Join("..", "..", "content")
	n := 0
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || filepath.Ext(p) != ".md" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		accepted, err := SplitAgrees(p, string(normalize(b)))
		if err != nil {
			t.Error(err)
		} else if !accepted {
			t.Errorf("%s: the fast path declines this front matter", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no content files found in " + root)
	}
}

// TestFastYAMLLoadCases checks that both paths split the files of
// testdata/load, broken ones included, the same way.
func TestFastYAMLLoadCases(t *testing.T) {
	paths, _ := filepath.Glob("testdata/load/*.txtar")
	for _, p := range paths {
		ar, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name == "want" || !strings.HasSuffix(f.Name, ".md") {
				continue
			}
			if _, err := SplitAgrees(f.Name, string(normalize(unescape(f.Data)))); err != nil {
				t.Errorf("%s: %v", p, err)
			}
		}
	}
}
