package timeline_test

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"frise/timeline"
	"frise/timeline/content"
	"frise/timeline/site"
	"frise/timeline/synth"
)

// An edit changes one event file as an editor would. whole says whether
// the change is one Update must build the whole site for; broken, that it
// leaves the file with a problem.
type edit struct {
	name          string
	whole, broken bool
	newFile       bool // the changed text goes into a new file beside the one read
	deleted       bool // the file is deleted
	change        func(text string, r *rand.Rand) string
	// folder, when set, is where the file edited is picked, instead of
	// among the events: "actors", "places", "sources".
	folder string
}

var (
	titleLine   = regexp.MustCompile(`(?m)^title: "(.*)"$`)
	summaryLine = regexp.MustCompile(`(?m)^summary: "(.*)"$`)
	quoteLine   = regexp.MustCompile(`(?m)^    quote: "(.*)"$`)
	dateLine    = regexp.MustCompile(`(?m)^date: (\d{4})-(\d\d)-(\d\d)$`)
	statusLine  = regexp.MustCompile(`(?m)^status: \w+$`)
	actorsLine  = regexp.MustCompile(`(?m)^actors: \[`)
	topicsLine  = regexp.MustCompile(`(?m)^topics: \[`)
	aliasesLine = regexp.MustCompile(`(?m)^aliases: \[`)
	aliasesOf   = regexp.MustCompile(`(?m)^aliases: .*$`)
	roleLine    = regexp.MustCompile(`(?m)^role: .*$`)
)

var edits = []edit{
	{name: "title", change: func(s string, r *rand.Rand) string {
		return titleLine.ReplaceAllString(s, fmt.Sprintf(`title: "$1, version %d"`, r.IntN(1000)))
	}},
	{name: "summary", change: func(s string, r *rand.Rand) string {
		return summaryLine.ReplaceAllString(s, `summary: "Selon l'AFP, $1"`)
	}},
	{name: "body", change: func(s string, r *rand.Rand) string {
		return s + fmt.Sprintf("\nUn paragraphe ajouté, le *%d*.\n", r.IntN(1000))
	}},
	{name: "a shorter quote", change: func(s string, r *rand.Rand) string {
		return quoteLine.ReplaceAllStringFunc(s, func(line string) string {
			q := quoteLine.FindStringSubmatch(line)[1]
			words := strings.Fields(q)
			return `    quote: "` + strings.Join(words[:max(2, len(words)/2)], " ") + `"`
		})
	}},
	{name: "status and an unknown key", change: func(s string, r *rand.Rand) string {
		return statusLine.ReplaceAllString(s, fmt.Sprintf("status: extracted\nremarque%d: à revoir", r.IntN(1e9)))
	}},
	{name: "another date", change: func(s string, r *rand.Rand) string {
		if !dateLine.MatchString(s) { // a month or a year, since an earlier step: a day or a month of it
			return anyDateLine.ReplaceAllStringFunc(s, func(line string) string {
				if date := anyDateLine.FindStringSubmatch(line)[1]; len(date) == 4 {
					return "date: " + date + "-06"
				}
				return line + "-15"
			})
		}
		return dateLine.ReplaceAllString(s, "date: $1-$2")
	}},
	{name: "another date, title and summary", change: func(s string, r *rand.Rand) string {
		s = dateLine.ReplaceAllString(s, "date: $1-$2")
		s = summaryLine.ReplaceAllString(s, `summary: "D'après l'AFP : $1"`)
		return titleLine.ReplaceAllString(s, fmt.Sprintf(`title: "$1 ; daté %d"`, r.IntN(1000)))
	}},
	{name: "another actor", change: func(s string, r *rand.Rand) string {
		return actorsLine.ReplaceAllString(s, `actors: ["Frontex", `)
	}},
	{name: "another year", change: func(s string, r *rand.Rand) string {
		// A date an earlier step wrote as a month keeps its precision.
		return anyDateLine.ReplaceAllStringFunc(s, func(line string) string {
			date := anyDateLine.FindStringSubmatch(line)[1]
			year := 1970 + r.IntN(60)
			if fmt.Sprint(year) == date[:4] {
				year++
			}
			return fmt.Sprintf("date: %d%s", year, date[4:])
		})
	}},
	{name: "a draft", change: func(s string, r *rand.Rand) string {
		return statusLine.ReplaceAllString(s, "status: reviewed\ndraft: true")
	}},
	{name: "a new file", change: func(s string, r *rand.Rand) string {
		return titleLine.ReplaceAllString(s, `title: "$1 (suite)"`)
	}, newFile: true},
	{name: "a deleted file", deleted: true},
	{name: "an actor's new alias", folder: "actors", change: func(s string, r *rand.Rand) string {
		alias := fmt.Sprintf(`"Alias %d"`, r.IntN(1000))
		if aliasesLine.MatchString(s) {
			return aliasesLine.ReplaceAllString(s, "aliases: ["+alias+", ")
		}
		return titleLine.ReplaceAllString(s, "title: \"$1\"\naliases: ["+alias+"]")
	}},
	{name: "an actor's new role", folder: "actors", change: func(s string, r *rand.Rand) string {
		role := fmt.Sprintf(`role: "ancien ministre, %d"`, r.IntN(1000))
		if roleLine.MatchString(s) {
			return roleLine.ReplaceAllString(s, role)
		}
		return titleLine.ReplaceAllString(s, "title: \"$1\"\n"+role)
	}},
	{name: "a place's new title", folder: "places", change: func(s string, r *rand.Rand) string {
		return titleLine.ReplaceAllString(s, `title: "$1-le-Haut"`)
	}},
	{name: "a source's new paragraph", folder: "sources", change: func(s string, r *rand.Rand) string {
		return s + fmt.Sprintf("\nUn paragraphe ajouté à l'article, le %d.\n", r.IntN(1000))
	}},
	{name: "no title", broken: true, change: func(s string, r *rand.Rand) string {
		return titleLine.ReplaceAllString(s, "")
	}},
}

// TestLiveUpdateIsABuild edits a generated site's event files one after
// another and checks, after each Update, that the site on disk is, byte for
// byte, what a build from scratch of the edited content gives.
func TestLiveUpdateIsABuild(t *testing.T) {
	n := 320 // enough for a home page that lists only the latest events
	if testing.Short() {
		n = 60
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "content")
	if err := synth.Write(src, n, 7); err != nil {
		t.Fatal(err)
	}
	events, err := filepath.Glob(filepath.Join(src, "events", "*.md"))
	if err != nil || len(events) == 0 {
		t.Fatal("no events generated", err)
	}
	sort.Strings(events)
	out := filepath.Join(dir, "public")
	live := built(t, src, config(), out)
	r := rand.New(rand.NewPCG(1, 2))
	var broken string // a file left broken, fixed by a later step
	for step := range 2 * len(edits) {
		ed := edits[step%len(edits)]
		file := events[r.IntN(len(events))]
		if ed.folder != "" {
			others, _ := filepath.Glob(filepath.Join(src, ed.folder, "*"))
			if len(others) == 0 {
				t.Fatalf("no file in %s", ed.folder)
			}
			file = others[r.IntN(len(others))]
		}
		if broken != "" {
			file = broken
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		was := string(b)
		switch {
		case ed.deleted:
			if err := os.Remove(file); err != nil {
				t.Fatal(err)
			}
			events = slices.DeleteFunc(events, func(f string) bool { return f == file })
		case ed.newFile:
			file = strings.TrimSuffix(file, ".md") + fmt.Sprintf("-suite-%d.md", step)
			if err := os.WriteFile(file, []byte(ed.change(was, r)), 0o644); err != nil {
				t.Fatal(err)
			}
			events = append(events, file)
		default:
			if ed.name == "a draft" {
				// No longer an event: never picked again.
				events = slices.DeleteFunc(events, func(f string) bool { return f == file })
			}
			text := ed.change(was, r)
			if text == was {
				t.Fatalf("step %d (%s): the edit leaves %s as it was", step, ed.name, file)
			}
			if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("step %d: %s of %s", step, ed.name, file)
		_, whole, err := live.Update([]string{file})
		var probs content.Problems
		switch {
		case ed.broken:
			if !errors.As(err, &probs) || !strings.Contains(err.Error(), filepath.Base(file)) {
				t.Fatalf("step %d (%s): Update gives %v, want the file's problems", step, ed.name, err)
			}
			// Fixed at the next step, together with that step's edit.
			if err := os.WriteFile(file, []byte(was), 0o644); err != nil {
				t.Fatal(err)
			}
			broken = file
			continue
		case err != nil:
			t.Fatalf("step %d (%s): %v", step, ed.name, err)
		}
		broken = ""
		if whole != ed.whole {
			t.Errorf("step %d (%s): Update built the whole site: %v, want %v", step, ed.name, whole, ed.whole)
		}
		sameAsBuild(t, fmt.Sprintf("step %d (%s of %s)", step, ed.name, filepath.Base(file)), src, config(), out)
	}
}

// TestLiveUpdateOtherFiles checks that a change to the site's settings,
// or outside the content folder, builds the whole site, and that one to a
// folder of it does not.
func TestLiveUpdateOtherFiles(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "content")
	if err := synth.Write(src, 30, 3); err != nil {
		t.Fatal(err)
	}
	live := built(t, src, config(), filepath.Join(dir, "public"))
	for _, c := range []struct {
		path  string
		whole bool
	}{
		{filepath.Join(src, "_index.md"), true},
		{filepath.Join(src, "events"), false},
		{filepath.Join(src, "events", "2016"), false},
		{filepath.Join(dir, "templates", "index.html"), true},
		{src + "-autre", true},
	} {
		_, whole, err := live.Update([]string{c.path})
		if err != nil {
			t.Fatal(err)
		}
		if whole != c.whole {
			t.Errorf("a change to %s builds the whole site: %v, want %v", c.path, whole, c.whole)
		}
	}
}

// TestLiveUpdateUnreadFiles saves an event file as some editors do,
// through a temporary file beside it renamed over it, and adds and
// removes a note and a folder of notes among the events: files no load
// reads change nothing, and the save is taken in place.
func TestLiveUpdateUnreadFiles(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "content")
	if err := synth.Write(src, 30, 3); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	live := built(t, src, config(), out)
	events, err := filepath.Glob(filepath.Join(src, "events", "*.md"))
	if err != nil || len(events) == 0 {
		t.Fatal("no events", err)
	}
	file := events[len(events)/2]
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), "\ntitle: \"", "\ntitle: \"Enfin, ", 1)
	tmp := file + ".tmp"
	note := filepath.Join(src, "events", "notes.txt")
	notes := filepath.Join(src, "events", "notes")
	for _, step := range []struct {
		what    string
		change  func() error
		changed []string
		written int // 0 when no file may be written, 1 when some must, -1 for either
	}{
		{"a temporary file written", func() error { return os.WriteFile(tmp, []byte(edited), 0o644) }, []string{tmp}, 0},
		{"the temporary file renamed over the event's", func() error { return os.Rename(tmp, file) }, []string{tmp, file}, 1},
		{"a note", func() error { return os.WriteFile(note, []byte("à faire"), 0o644) }, []string{note}, 0},
		{"the note gone", func() error { return os.Remove(note) }, []string{note}, 0},
		{"a folder of notes", func() error {
			if err := os.Mkdir(notes, 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(notes, "a.txt"), []byte("à faire"), 0o644)
		}, []string{notes, filepath.Join(notes, "a.txt")}, -1}, // a folder may bring files: loaded again
		{"the folder of notes gone", func() error { return os.RemoveAll(notes) }, []string{notes, filepath.Join(notes, "a.txt")}, 0},
	} {
		if err := step.change(); err != nil {
			t.Fatal(err)
		}
		n, whole, err := live.Update(step.changed)
		if err != nil || whole {
			t.Fatalf("%s: Update: %v, the whole site built: %v", step.what, err, whole)
		}
		if step.written == 0 && n != 0 {
			t.Errorf("%s: Update wrote %d files, want none", step.what, n)
		}
		if step.written == 1 && n == 0 {
			t.Errorf("%s: Update wrote no file", step.what)
		}
		sameAsBuild(t, step.what, src, config(), out)
	}
}

// TestLiveUpdateStatic edits, adds and removes static files: each change
// rewrites those files alone, and the site is what a build gives. A new
// folder builds the whole site.
func TestLiveUpdateStatic(t *testing.T) {
	f := withOwnFolders(t, 30)
	src, static, cfg, out, live := f.src, f.static, f.cfg, f.out, f.live
	css := filepath.Join(static, "style.css")
	b, err := os.ReadFile(css)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		change  func() error
		changed []string
		files   int // how many files the update writes or removes
		whole   bool
	}{
		{"the style sheet", func() error { return os.WriteFile(css, append(b, "\n.ev h3 { color: teal; }\n"...), 0o644) },
			[]string{css}, 1, false},
		{"a new image", func() error {
			return os.WriteFile(filepath.Join(static, "logo.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">  <rect width="1" height="1"/>  </svg>`), 0o644)
		}, []string{filepath.Join(static, "logo.svg")}, 1, false},
		{"a hidden file", func() error { return os.WriteFile(filepath.Join(static, ".notes"), []byte("x"), 0o644) },
			[]string{filepath.Join(static, ".notes")}, 0, false},
		{"two at once, one gone", func() error {
			if err := os.Remove(filepath.Join(static, "logo.svg")); err != nil {
				return err
			}
			return os.WriteFile(css, b, 0o644)
		}, []string{css, filepath.Join(static, "logo.svg"), css}, 2, false},
		{"a new folder", func() error {
			if err := os.MkdirAll(filepath.Join(static, "img"), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(static, "img", "a.txt"), []byte("a"), 0o644)
		}, []string{filepath.Join(static, "img")}, -1, true},
		{"the folder gone", func() error { return os.RemoveAll(filepath.Join(static, "img")) },
			[]string{filepath.Join(static, "img")}, -1, true},
		{"a hidden folder with a file a build copies", func() error {
			if err := os.MkdirAll(filepath.Join(static, ".well-known"), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(static, ".well-known", "security.txt"), []byte("Contact: mailto:a@example.org\n"), 0o644)
		}, []string{filepath.Join(static, ".well-known")}, -1, true},
		{"the file in the hidden folder", func() error {
			return os.WriteFile(filepath.Join(static, ".well-known", "security.txt"), []byte("Contact: mailto:b@example.org\n"), 0o644)
		}, []string{filepath.Join(static, ".well-known", "security.txt")}, 1, false},
		{"the whole folder", func() error { return os.WriteFile(css, b, 0o644) },
			[]string{static}, -1, true},
		{"a static file and an event", func() error { return os.WriteFile(css, append(b, "\n"...), 0o644) },
			[]string{css, filepath.Join(src, "events")}, -1, true},
	} {
		if err := c.change(); err != nil {
			t.Fatal(err)
		}
		n, whole, err := live.Update(c.changed)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if whole != c.whole {
			t.Errorf("%s: Update built the whole site: %v, want %v", c.name, whole, c.whole)
		}
		if c.files >= 0 && n != c.files {
			t.Errorf("%s: Update wrote %d files, want %d", c.name, n, c.files)
		}
		sameAsBuild(t, c.name, src, cfg, out)
	}

	// While an event has problems, a saved static file does not hide them.
	events, _ := filepath.Glob(filepath.Join(src, "events", "*.md"))
	if len(events) == 0 {
		t.Fatal("no events")
	}
	ev, err := os.ReadFile(events[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(events[0], titleLine.ReplaceAll(ev, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	var probs content.Problems
	if _, _, err := live.Update([]string{events[0]}); !errors.As(err, &probs) {
		t.Fatalf("an event without a title: Update gives %v, want its problems", err)
	}
	if err := os.WriteFile(css, append(b, "\n.ev { margin: 0; }\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := live.Update([]string{css}); !errors.As(err, &probs) || !strings.Contains(err.Error(), filepath.Base(events[0])) {
		t.Errorf("the style sheet saved while an event is broken: Update gives %v, want the event's problems", err)
	}
}

// TestLiveUpdateTemplates edits the templates of a site being previewed:
// a page template renders its own pages (and the home page), the base
// layout every page, and each time the site is what a build gives. A
// template that does not parse gives its error and leaves the site as it
// was; robots.txt builds the whole site.
func TestLiveUpdateTemplates(t *testing.T) {
	f := withOwnFolders(t, 40)
	src, tmpls, cfg, out, live := f.src, f.tmpls, f.cfg, f.out, f.live
	s, err := timeline.Load(os.DirFS(src))
	if err != nil {
		t.Fatal(err)
	}
	edit := func(name, old, new string) func() error {
		return func() error {
			p := filepath.Join(tmpls, filepath.FromSlash(name))
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if !strings.Contains(string(b), old) {
				return fmt.Errorf("%s does not hold %q", name, old)
			}
			return os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644)
		}
	}
	pages := 0 // every HTML page, which the base layout shows in
	for name := range tree(t, out) {
		if strings.HasSuffix(name, ".html") {
			pages++
		}
	}
	for _, c := range []struct {
		name   string
		change func() error
		file   string
		files  int // how many files the update writes, or -1 for a whole build
		broken bool
	}{
		{"the sources' template", edit("sources/single.html", "Passages cités", "Les passages cités"),
			"sources/single.html", len(s.Sources) + 1, false},
		{"the home page's template", edit("index.html", "{{define", "{{/* l’accueil */}}{{define"),
			"index.html", 1, false},
		// An action in an HTML comment, which the minifier would drop: the
		// templates are no longer minified as they are read, and every
		// page is rendered again, minified whole, then minified in its
		// templates again once mended.
		{"a template that cannot be minified as it is read",
			edit("sources/single.html", "passages cités", "passages cités<!-- {{/* x */}} -->"),
			"sources/single.html", pages, false},
		{"the same, mended", edit("sources/single.html", "passages cités<!-- {{/* x */}} -->", "passages cités"),
			"sources/single.html", pages, false},
		{"a template that does not parse", edit("years/single.html", "{{define", "{{define \"x\"}}{{end}}{{if}}{{define"),
			"years/single.html", -1, true},
		{"the same, mended", edit("years/single.html", "{{define \"x\"}}{{end}}{{if}}{{define", "{{define"),
			"years/single.html", -1, false},
		{"the base layout", edit("_default/baseof.html", "Aller au contenu", "Aller au texte"),
			"_default/baseof.html", pages, false},
		{"robots.txt", func() error {
			return os.WriteFile(filepath.Join(tmpls, "robots.txt"), []byte("User-agent: *\nDisallow: /brouillons/\n"), 0o644)
		}, "robots.txt", -1, false},
	} {
		if err := c.change(); err != nil {
			t.Fatal(err)
		}
		n, whole, err := live.Update([]string{filepath.Join(tmpls, filepath.FromSlash(c.file))})
		if c.broken {
			if err == nil || !strings.Contains(err.Error(), "years/single.html") {
				t.Errorf("%s: Update gives %v, want the template's error", c.name, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if whole != (c.files < 0) {
			t.Errorf("%s: Update built the whole site: %v", c.name, whole)
		}
		if c.files >= 0 && n != c.files {
			t.Errorf("%s: Update wrote %d files, want %d", c.name, n, c.files)
		}
		sameAsBuild(t, c.name, src, cfg, out)
	}
}

// ownFolders is a generated site with templates and static files of its
// own, previewed by a Live that watches both folders.
type ownFolders struct {
	src, tmpls, static, out string
	cfg                     timeline.Config
	live                    *timeline.Live
}

// withOwnFolders writes a site of n events, copies the templates and
// static files beside it, and builds it.
func withOwnFolders(t *testing.T, n int) ownFolders {
	t.Helper()
	dir := t.TempDir()
	f := ownFolders{src: filepath.Join(dir, "content"), tmpls: filepath.Join(dir, "templates"),
		static: filepath.Join(dir, "static"), out: filepath.Join(dir, "public")}
	if err := synth.Write(f.src, n, 3); err != nil {
		t.Fatal(err)
	}
	for _, c := range [][2]string{{f.tmpls, "../templates"}, {f.static, "../static"}} {
		if err := os.CopyFS(c[0], os.DirFS(c[1])); err != nil {
			t.Fatal(err)
		}
	}
	f.cfg = config()
	f.cfg.Templates, f.cfg.Static = os.DirFS(f.tmpls), os.DirFS(f.static)
	f.live = built(t, f.src, f.cfg, f.out)
	if err := f.live.WatchTemplates(f.tmpls); err != nil {
		t.Fatal(err)
	}
	if err := f.live.WatchStatic(f.static); err != nil {
		t.Fatal(err)
	}
	return f
}

// withTemplateChange writes a generated content folder of 40 events and
// a copy of the templates in which the first old in file (a slash path
// within the templates) is replaced by new; it returns the content folder,
// the configuration that uses those templates, and an output folder.
func withTemplateChange(t *testing.T, file, old, new string) (string, timeline.Config, string) {
	t.Helper()
	return withTemplateChangeOf(t, 40, file, old, new)
}

// withTemplateChangeOf is withTemplateChange, for a site of n events.
func withTemplateChangeOf(t *testing.T, n int, file, old, new string) (string, timeline.Config, string) {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "content")
	if err := synth.Write(src, n, 5); err != nil {
		t.Fatal(err)
	}
	tmpls := filepath.Join(dir, "templates")
	if err := os.CopyFS(tmpls, os.DirFS("../templates")); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(tmpls, filepath.FromSlash(file))
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("templates/%s has no %q", file, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := config()
	cfg.Templates = os.DirFS(tmpls)
	return src, cfg, filepath.Join(filepath.Dir(src), "public")
}

// TestLiveTopicSpeltOtherwise has the first event file naming a topic
// spell it otherwise, which retitles the topic on every page showing it,
// and checks that the site on disk is then what a build gives. With the
// site's own templates, which show an event's neighbours and related
// events, a term's events and a source's quoting events as lines, without
// their topics, the edit is taken in place (site.Renderer.Retitles), and
// only the pages showing the topic are rendered: the events naming it,
// their years, the topic and the home page, and the feeds and exports;
// not every page whose related events name it. Templates that show more
// of those events load the content again, and have those pages rendered
// too.
func TestLiveTopicSpeltOtherwise(t *testing.T) {
	const topics = `{{range .Topics}}<i>{{.Title}}</i>{{end}}`
	tests := []struct {
		name, file, old, new string
		thin                 bool
		partial              string // partials/y.html, when one is called
	}{
		// First: the others write more files.
		{"the site's templates", "events/single.html", "</article>", "</article>", true, ""},
		{"a related event's topics", "events/single.html", "</article>", `{{range .Related}}<p>` + topics + `</p>{{end}}</article>`, false, ""},
		{"a line's topics", "partials/event-line.html", "</li>", topics + `</li>`, false, ""},
		{"a quoting event's topics", "sources/single.html", "</article>",
			`{{range .Passages}}<p>{{with .Event}}` + topics + `{{end}}</p>{{end}}</article>`, false, ""},
		{"a line handing its data to a partial that shows its topics", "partials/event-line.html", "</li>",
			`{{template "partials/y.html" $}}</li>`, false, `{{with .E}}` + topics + `{{end}}`},
		{"a related event piped through a function into an item", "events/single.html", "</article>",
			`{{range .Related}}<ol>{{. | and true | $.EventItem}}</ol>{{end}}</article>`, false, ""},
	}
	thin := 0 // the files written with the site's templates
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, cfg, out := withTemplateChangeOf(t, 320, tt.file, tt.old, tt.new)
			if tt.partial != "" {
				writeFile(t, filepath.Join(filepath.Dir(src), "templates", "partials", "y.html"), tt.partial)
			}
			live := built(t, src, cfg, out)
			events, _ := filepath.Glob(filepath.Join(src, "events", "*.md"))
			sort.Strings(events) // in the order files are read: the first names its topics first
			line := regexp.MustCompile(`(?m)^topics: \["([^"]+)"`)
			first := readFile(t, events[0])
			m := line.FindStringSubmatch(first)
			if m == nil {
				t.Fatalf("%s names no topic", events[0])
			}
			topic := m[1]
			// The events naming the topic and their years.
			naming, years := 0, map[string]bool{}
			for _, ev := range events {
				text := readFile(t, ev)
				if strings.Contains(text, `"`+topic+`"`) {
					naming++
					years[anyDateLine.FindStringSubmatch(text)[1][:4]] = true
				}
			}
			c, size := utf8.DecodeRuneInString(topic)
			other := string(unicode.ToUpper(c)) + topic[size:]
			if other == topic {
				other = string(unicode.ToLower(c)) + topic[size:]
			}
			writeFile(t, events[0], strings.Replace(first, `"`+topic+`"`, `"`+other+`"`, 1))
			n, whole, err := live.Update([]string{events[0]})
			if err != nil || whole {
				t.Fatalf("Update gives %v, and builds the whole site: %v", err, whole)
			}
			sameAsBuild(t, tt.name, src, cfg, out)
			// Beside the pages showing the topic: the feeds, exports,
			// robots.txt and sitemap.
			most := naming + len(years) + 2 + len(site.Exports) + 3
			if tt.thin {
				if n > most {
					t.Errorf("%d events name %q in %d years, and %d files were written: more than %d", naming, topic, len(years), n, most)
				}
				thin = n
			} else if n <= thin {
				t.Errorf("%d files were written, no more than with the site's templates: the case tests nothing", n)
			}
			t.Logf("%d events name %q in %d years: %d files written", naming, topic, len(years), n)
		})
	}
}

// TestLiveItemsLinkWhole has events' items link to their place in the
// chronology, an anchor of their year's page, and event pages list their
// related events as items: kept once per event and depth of page across
// kinds of pages, an item writes the link whole on every page, and the
// site served is what a build gives, before and after an edit.
func TestLiveItemsLinkWhole(t *testing.T) {
	src, cfg, out := withTemplateChangeOf(t, 320, "events/single.html", "{{$.EventRef .}}", "{{$.EventItem .}}")
	item := filepath.Join(filepath.Dir(src), "templates", "partials", "event-item.html")
	text := readFile(t, item)
	if !strings.Contains(text, "{{$p.Rel .URL}}") {
		t.Fatal("the item links to no event's page")
	}
	writeFile(t, item, strings.Replace(text, "{{$p.Rel .URL}}", "{{$p.Rel .Where}}", 1))
	live := built(t, src, cfg, out)
	sameAsBuild(t, "built", src, cfg, out)
	events, _ := filepath.Glob(filepath.Join(src, "events", "*.md"))
	file := events[len(events)/2]
	writeFile(t, file, titleLine.ReplaceAllString(readFile(t, file), `title: "$1, revu"`))
	if _, _, err := live.Update([]string{file}); err != nil {
		t.Fatal(err)
	}
	sameAsBuild(t, "a title edited", src, cfg, out)
}

// TestLiveTemplatesReachingFar checks that templates which reach, through
// {{with}}, {{range}} or a variable, what no digest of their page covers
// (a neighbour's neighbour, an actor's events on a year's page, a related
// event's body) have the site built whole after edits, so that it is what
// a build gives.
func TestLiveTemplatesReachingFar(t *testing.T) {
	retitle := func(s string) string { return titleLine.ReplaceAllString(s, `title: "$1 (revu)"`) }
	noActors := func(s string) string { return regexp.MustCompile(`(?m)^actors: .*\n`).ReplaceAllString(s, "") }
	rewrite := func(s string) string { return s + "\nUn paragraphe ajouté.\n" }
	tests := []struct {
		name, file, add string
		edit            func(string) string
		more            map[string]string // more templates, by name, or, under "+", text appended to file
	}{
		{"a neighbour's neighbour", "events/single.html",
			`{{with .Prev}}{{with .Prev}}<p>{{.Title}}</p>{{end}}{{end}}`, retitle, nil},
		{"an actor's events on a year's page", "years/single.html",
			`{{range .Events}}{{range .Actors}}<p>{{len .Events}}</p>{{end}}{{end}}`, noActors, nil},
		{"a related event's body", "events/single.html",
			`{{range $r := .Related}}<p>{{$r.Event.Body}}</p>{{end}}`, rewrite, nil},
		{"the events quoting a cited source", "events/single.html",
			`{{range .Cites}}{{range .Source.Passages}}<p>{{.Event.Title}}</p>{{end}}{{end}}`, retitle, nil},
		{"a variable set to a related event after its use", "events/single.html",
			`{{$x := .}}{{range .Related}}<p>{{with $x.Next}}{{.Title}}{{end}}</p>{{$x = .}}{{end}}`, retitle, nil},
		{"a partial named like a term's page", "events/single.html",
			`{{range .Topics}}<p>{{template "partials/term.html" (dict "T" .)}}</p>{{end}}`, retitle,
			map[string]string{"partials/term.html": `{{.T.Title}} : {{range .T.Events}}<i>{{.Title}}</i>{{end}}`}},
		{"a neighbour's neighbour through dict", "events/single.html",
			`{{with .Prev}}{{with dict "e" .}}<p>{{with .e.Prev}}{{.Title}}{{end}}</p>{{end}}{{end}}`, retitle, nil},
		{"an actor's events through dict on a year's page", "years/single.html",
			`{{range .Events}}{{with dict "a" .Actors}}{{range .a}}<p>{{len .Events}}</p>{{end}}{{end}}{{end}}`, noActors, nil},
		{"a template handing a neighbour to a partial that calls back", "events/single.html",
			`{{with .Prev}}<p>{{template "v" .}}</p>{{end}}`, retitle,
			map[string]string{"partials/x.html": `{{template "w" .}}`,
				"+": `{{define "v"}}{{template "partials/x.html" .}}{{end}}{{define "w"}}{{with .Prev}}{{.Title}}{{end}}{{end}}`}},
		{"a partial calling back into a year's page with its finder's terms", "years/single.html",
			`{{template "partials/browse.html" $}}`, retitle,
			map[string]string{"partials/browse.html": `{{range .Browse}}{{range .Terms}}<p>{{.Title}} : {{template "te" .}}</p>{{end}}{{end}}`,
				"+": `{{define "te"}}{{range .Events}}<i>{{.Title}}</i>{{end}}{{end}}`}},
		{"the body cached by partialCached", "events/single.html",
			`{{partialCached "partials/corps.html" (dict "corps" $.Body) $.Path}}`, rewrite,
			map[string]string{"partials/corps.html": `<div>{{.corps}}</div>`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Within the page's article, where dot is its event or year.
			src, cfg, out := withTemplateChange(t, tt.file, "</article>", tt.add+"</article>")
			tmpls := filepath.Join(filepath.Dir(src), "templates")
			for name, text := range tt.more {
				path := filepath.Join(tmpls, filepath.FromSlash(name))
				if name == "+" {
					path = filepath.Join(tmpls, filepath.FromSlash(tt.file))
					b, err := os.ReadFile(path)
					if err != nil {
						t.Fatal(err)
					}
					text = string(b) + text
				}
				if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			editThree(t, built(t, src, cfg, out), src, tt.edit)
			sameAsBuild(t, tt.name, src, cfg, out)
		})
	}
}

// editThree edits three events of the content folder src in the middle of
// the timeline, one after the other, and has live take each in.
func editThree(t *testing.T, live *timeline.Live, src string, edit func(string) string) {
	t.Helper()
	events, _ := filepath.Glob(filepath.Join(src, "events", "*.md"))
	for _, ev := range events[10:13] {
		b, err := os.ReadFile(ev)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(ev, []byte(edit(string(b))), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := live.Update([]string{ev}); err != nil {
			t.Fatal(err)
		}
	}
}

// built returns a Live of the content folder src, built into out.
func built(t *testing.T, src string, cfg timeline.Config, out string) *timeline.Live {
	t.Helper()
	live, err := timeline.NewLive(src, cfg, out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := live.Build(); err != nil {
		t.Fatal(err)
	}
	return live
}

// sameAsBuild fails unless the folder out holds what a build from scratch
// of src gives, in a folder beside it.
func sameAsBuild(t *testing.T, what, src string, cfg timeline.Config, out string) {
	t.Helper()
	want := filepath.Join(filepath.Dir(out), "want")
	s, err := timeline.Load(os.DirFS(src))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := timeline.Publish(s, cfg, want); err != nil {
		t.Fatal(err)
	}
	sameTree(t, what, out, want)
}

// sameTree fails unless the folders got and want hold the same files with
// the same bytes.
func sameTree(t *testing.T, what, got, want string) {
	t.Helper()
	g, w := tree(t, got), tree(t, want)
	for name, data := range w {
		if g[name] != data {
			t.Errorf("%s: %s differs from a full build", what, name)
		}
	}
	for name := range g {
		if _, ok := w[name]; !ok {
			t.Errorf("%s: %s is not in a full build", what, name)
		}
	}
}

func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestLiveDatesMoved gives events new dates, one to three files at a time,
// and checks after each Update that the site on disk is what a build from
// scratch gives: the events move in the chronology, between neighbours,
// years, in their terms' and sources' lists, and change the related events
// of others.
func TestLiveDatesMoved(t *testing.T) {
	editSteps(t, 11, 12, func(r *rand.Rand, all *[]string) []string {
		events := *all
		var files []string
		for range 1 + r.IntN(3) {
			file := events[r.IntN(len(events))]
			mine := anyDateLine.FindStringSubmatch(readFile(t, file))[1]
			theirs := anyDateLine.FindStringSubmatch(readFile(t, events[r.IntN(len(events))]))[1]
			var date string
			switch r.IntN(5) {
			case 4: // a year no event is in, or was
				date = fmt.Sprintf("%d-%02d", 1900+r.IntN(60), 1+r.IntN(12))
			case 0: // the same day as another event
				date = theirs
			case 1: // another day of another event's year
				date = fmt.Sprintf("%s-%02d-%02d", theirs[:4], 1+r.IntN(12), 1+r.IntN(28))
			case 2: // another month of its own year, said less precisely
				date = fmt.Sprintf("%s-%02d", mine[:4], 1+r.IntN(12))
			default: // another event's year, as a whole
				date = theirs[:4]
			}
			writeFile(t, file, anyDateLine.ReplaceAllString(readFile(t, file), "date: "+date))
			files = append(files, file)
		}
		return files
	})
}

// TestLiveTermsChanged makes events name other actors, places and topics,
// or the same ones spelt otherwise, mostly one file at a time, and checks
// after each Update that the site on disk is what a build from scratch
// gives: the terms' pages list the events that name them, the events' and
// their neighbours' pages show their terms, the related events follow.
func TestLiveTermsChanged(t *testing.T) {
	editSteps(t, 13, 16, func(r *rand.Rand, all *[]string) []string {
		events := *all
		var files []string
		for range 1 + r.IntN(4)/3 {
			file := events[r.IntN(len(events))]
			other := events[r.IntN(len(events))]
			key := []string{"actors", "places", "topics"}[r.IntN(3)]
			line := regexp.MustCompile(`(?m)^` + key + `: \[(.*)\]$`)
			mine := splitNames(line.FindStringSubmatch(readFile(t, file))[1])
			theirs := splitNames(line.FindStringSubmatch(readFile(t, other))[1])
			switch r.IntN(5) {
			case 4: // one more, never named before
				mine = append(mine, fmt.Sprintf(`"Nom %d"`, r.IntN(1e6)))
			case 0: // one more, another event's
				if len(theirs) > 0 {
					mine = append(mine, theirs[r.IntN(len(theirs))])
				}
			case 1: // one fewer
				if len(mine) > 0 {
					mine = slices.Delete(mine, 0, 1)
				}
			case 2: // spelt otherwise
				if len(mine) > 0 {
					name := strings.Trim(mine[0], `"`)
					c, size := utf8.DecodeRuneInString(name)
					if unicode.IsUpper(c) {
						c = unicode.ToLower(c)
					} else {
						c = unicode.ToUpper(c)
					}
					mine[0] = `"` + string(c) + name[size:] + `"`
				}
			default: // another event's terms instead
				mine = theirs
			}
			writeFile(t, file, line.ReplaceAllLiteralString(readFile(t, file), key+": ["+strings.Join(mine, ", ")+"]"))
			files = append(files, file)
		}
		return files
	})
}

// TestLiveSourcesChanged makes events cite other sources, fewer, or in
// another order, one to three files at a time, and checks after each
// Update that the site on disk is what a build from scratch gives: the
// sources' pages mark the passages of the events that cite them.
func TestLiveSourcesChanged(t *testing.T) {
	cite := regexp.MustCompile(`(?m)^  - source: \S+\n    quote: ".*"\n`)
	editSteps(t, 17, 12, func(r *rand.Rand, all *[]string) []string {
		events := *all
		var files []string
		for range 1 + r.IntN(3) {
			file := events[r.IntN(len(events))]
			text := readFile(t, file)
			mine := cite.FindAllString(text, -1)
			theirs := cite.FindAllString(readFile(t, events[r.IntN(len(events))]), -1)
			switch r.IntN(4) {
			case 0: // one more, another event's
				mine = append(mine, theirs[r.IntN(len(theirs))])
			case 1: // one fewer
				if len(mine) > 1 {
					mine = mine[1:]
				}
			case 2: // in another order
				slices.Reverse(mine)
			default: // another event's instead
				mine = theirs
			}
			at := cite.FindStringIndex(text)
			text = text[:at[0]] + strings.Join(mine, "") + cite.ReplaceAllString(text[at[0]:], "")
			writeFile(t, file, text)
			files = append(files, file)
		}
		return files
	})
}

// TestLiveEventsAddedAndRemoved adds event files, some in a folder of their
// own, deletes others, makes events drafts and drafts events, and checks
// after each Update that the site on disk is what a build from scratch
// gives. A file that another one replaces under a new name comes with it.
func TestLiveEventsAddedAndRemoved(t *testing.T) {
	editSteps(t, 19, 21, func(r *rand.Rand, all *[]string) []string {
		events := *all
		file := events[r.IntN(len(events))]
		switch r.IntN(5) {
		case 0: // a new event, another's copy in a year the site has, or not
			text := readFile(t, events[r.IntN(len(events))])
			year := anyDateLine.FindStringSubmatch(readFile(t, events[r.IntN(len(events))]))[1][:4]
			if r.IntN(3) == 0 {
				year = fmt.Sprint(1900 + r.IntN(60))
			}
			text = anyDateLine.ReplaceAllString(text, fmt.Sprintf("date: %s-%02d", year, 1+r.IntN(12)))
			text = titleLine.ReplaceAllString(text, `title: "$1, de nouveau"`)
			name := filepath.Join(filepath.Dir(file), fmt.Sprintf("nouveau-%d.md", r.IntN(1e6)))
			if r.IntN(2) == 0 {
				name = filepath.Join(filepath.Dir(file), "ajouts", filepath.Base(name))
				if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			writeFile(t, name, text)
			*all = append(events, name)
			return []string{name}
		case 1: // an event deleted
			if err := os.Remove(file); err != nil {
				t.Fatal(err)
			}
			*all = slices.DeleteFunc(events, func(f string) bool { return f == file })
			return []string{file}
		case 3: // an event becoming a draft, or a draft an event again
			text := readFile(t, file)
			if strings.Contains(text, "\ndraft: true\n") {
				text = strings.Replace(text, "\ndraft: true\n", "\n", 1)
			} else {
				text = titleLine.ReplaceAllString(text, "$0\ndraft: true")
			}
			writeFile(t, file, text)
			return []string{file}
		default: // an event renamed
			name := strings.TrimSuffix(file, ".md") + "-bis.md"
			if err := os.Rename(file, name); err != nil {
				t.Fatal(err)
			}
			*all = append(slices.DeleteFunc(events, func(f string) bool { return f == file }), name)
			return []string{file, name}
		}
	})
}

// TestLiveDanglingLink replaces an event file by a link to a file that
// does not exist: not a deleted event, but a file a build cannot read,
// which Update reports, leaving the site as it was.
func TestLiveDanglingLink(t *testing.T) {
	src, out, events, live := synthLive(t, 320, 3)
	before := tree(t, out)
	file := events[len(events)-1]
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("absent.md", file); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	_, _, err := live.Update([]string{file})
	if _, lerr := timeline.Load(os.DirFS(src)); lerr == nil || err == nil || !strings.Contains(err.Error(), filepath.Base(file)) {
		t.Fatalf("Update gives %v, a build %v: want both to report %s", err, lerr, filepath.Base(file))
	}
	if after := tree(t, out); !maps.Equal(before, after) {
		t.Error("the site on disk changed")
	}
}

// TestLiveHomeSplits adds an event to a site the home page lists whole, so
// that it lists only the latest, and deletes it again: every event's place
// in the chronology changes, so Update builds the whole site.
func TestLiveHomeSplits(t *testing.T) {
	src, out, events, live := synthLive(t, 300, 23)
	name := filepath.Join(filepath.Dir(events[0]), "zz-ajout.md") // read last: not the first to name a topic
	writeFile(t, name, readFile(t, events[0]))
	for step, file := range []string{name, name} {
		if step == 1 {
			if err := os.Remove(name); err != nil {
				t.Fatal(err)
			}
		}
		if _, whole, err := live.Update([]string{file}); err != nil || !whole {
			t.Fatalf("step %d: Update gives %v, and builds the whole site: %v, want true", step, err, whole)
		}
		sameAsBuild(t, fmt.Sprintf("step %d", step), src, config(), out)
	}
}

// editSteps generates sites of 40 events, which the home page lists
// whole, and of 320, which it splits by year, from seed; at each of steps
// steps (fewer with -short), edit changes event files of the site, given
// all of them (which it keeps up to date), and returns those it changed. Update must take them without
// building the whole site, and leave on disk what a build from scratch
// gives.
func editSteps(t *testing.T, seed uint64, steps int, edit func(r *rand.Rand, events *[]string) []string) {
	t.Helper()
	if testing.Short() {
		steps /= 3
	}
	for _, n := range []int{40, 320} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			src, out, events, live := synthLive(t, n, seed)
			r := rand.New(rand.NewPCG(seed, uint64(n)))
			for step := range steps {
				files := edit(r, &events)
				t.Logf("step %d: %d files", step, len(files))
				if _, whole, err := live.Update(files); err != nil || whole {
					t.Fatalf("step %d: Update gives %v, and builds the whole site: %v", step, err, whole)
				}
				sameAsBuild(t, fmt.Sprintf("step %d", step), src, config(), out)
			}
		})
	}
}

// synthLive generates a site of n events from seed into a content folder
// of a temporary folder, and builds it into a folder public beside it. It
// returns both folders, the event files and the Live that built it.
func synthLive(t *testing.T, n int, seed uint64) (src, out string, events []string, live *timeline.Live) {
	t.Helper()
	dir := t.TempDir()
	src, out = filepath.Join(dir, "content"), filepath.Join(dir, "public")
	if err := synth.Write(src, n, int64(seed)); err != nil {
		t.Fatal(err)
	}
	events, err := filepath.Glob(filepath.Join(src, "events", "*.md"))
	if err != nil || len(events) == 0 {
		t.Fatal("no events generated", err)
	}
	return src, out, events, built(t, src, config(), out)
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// splitNames cuts a list of quoted names as synth writes them, each kept
// with its quotes.
func splitNames(list string) []string {
	if list == "" {
		return nil
	}
	return strings.Split(list, ", ")
}

// anyDateLine is an event's date, as synth writes it or as
// TestLiveDatesMoved rewrites it.
var anyDateLine = regexp.MustCompile(`(?m)^date: (\d{4}(?:-\d\d(?:-\d\d)?)?)$`)

// TestLiveMovesBetweenFolders moves the only event of a small site from
// one year and topic to another and back: each move empties a folder of
// the site (years/, topics/) as it fills another, which an update must do
// without losing a page, many times over.
func TestLiveMovesBetweenFolders(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "content")
	if err := os.MkdirAll(filepath.Join(src, "events"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "_index.md"), []byte("---\ntitle: Essai\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(src, "events", "un-sommet.md")
	write := func(i int) {
		t.Helper()
		text := fmt.Sprintf("---\ntitle: \"Un sommet\"\ndate: %d-03-04\ntopics: [\"thème %d\"]\n---\nLe texte.\n", 2015+i%2, i%2)
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(0)
	out := filepath.Join(dir, "public")
	live := built(t, src, config(), out)
	for i := 1; i <= 150; i++ {
		write(i)
		_, whole, err := live.Update([]string{file})
		if err != nil {
			t.Fatalf("move %d: %v", i, err)
		}
		if whole {
			t.Fatalf("move %d built the whole site", i)
		}
	}
	sameAsBuild(t, "after 150 moves", src, config(), out)
}

// TestLiveBaseFrame checks a base layout that gives a page's block, through
// a template of its own, other data than the page (a year page's title block
// then lists other years' events): serve builds the whole site.
func TestLiveBaseFrame(t *testing.T) {
	src, cfg, out := withTemplateChange(t, "_default/baseof.html", "</title>",
		`</title>{{if eq .Kind "year"}}{{range .Browse}}{{range .Terms}}<meta name="aussi" content="{{template "cadre" (dict "Year" .)}}">{{end}}{{end}}{{end}}`)
	tmpls := filepath.Join(filepath.Dir(src), "templates")
	for name, add := range map[string]string{
		"_default/baseof.html": `{{define "cadre"}}{{template "title" .}}{{end}}`,
		"years/single.html":    `{{define "title"}}{{with .Year}}{{.Label}} : {{range .Events}}{{.Title}} ; {{end}}{{end}}{{end}}`,
	} {
		f, err := os.OpenFile(filepath.Join(tmpls, filepath.FromSlash(name)), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		_, err = f.WriteString(add)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	editThree(t, built(t, src, cfg, out), src, func(s string) string {
		return titleLine.ReplaceAllString(s, `title: "$1 (revu)"`)
	})
	sameAsBuild(t, "a base layout's own frame", src, cfg, out)
}

// TestLiveParamsType checks that an event whose front matter's own key
// changes type but not text ("false" to false, 2 to 2.0) is shown anew,
// when another event's date changes in the same update.
func TestLiveParamsType(t *testing.T) {
	tests := []struct{ name, show, before, after string }{
		{"a string becomes a boolean", `{{if .Event.Params.vedette}}★{{end}}`, `vedette: "false"`, "vedette: false"},
		{"a whole number becomes a decimal", `{{with .Event.Params.montant}}<p>{{printf "%.1f" .}} M€</p>{{end}}`, "montant: 2", "montant: 2.0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, cfg, out := withTemplateChange(t, "partials/event-item.html", "</h3>", "</h3>"+tt.show)
			events, _ := filepath.Glob(filepath.Join(src, "events", "*.md"))
			a, other := events[5], events[20]
			replace := func(file, old, new string) {
				t.Helper()
				b, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				s := strings.Replace(string(b), old, new, 1)
				if s == string(b) {
					t.Fatalf("%s has no %q", file, old)
				}
				if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			replace(a, "\nstatus:", "\n"+tt.before+"\nstatus:")
			live := built(t, src, cfg, out)
			replace(a, tt.before, tt.after)
			b, err := os.ReadFile(other)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(other, dateLine.ReplaceAll(b, []byte("date: $1-$2")), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, _, err := live.Update([]string{a, other}); err != nil {
				t.Fatal(err)
			}
			sameAsBuild(t, tt.name, src, cfg, out)
		})
	}
}

// TestLiveYearPrinted checks that an event's page printing its year whole,
// {{.Year}}, shows the year's label, so that a new event in that year
// leaves the other events' pages as a build writes them.
func TestLiveYearPrinted(t *testing.T) {
	src, cfg, out := withTemplateChange(t, "events/single.html", "</article>", `<p class="y">{{.Year}}</p></article>`)
	live := built(t, src, cfg, out)
	events, _ := filepath.Glob(filepath.Join(src, "events", "*.md"))
	b, err := os.ReadFile(events[10])
	if err != nil {
		t.Fatal(err)
	}
	added := filepath.Join(src, "events", "un-evenement-de-plus.md")
	if err := os.WriteFile(added, titleLine.ReplaceAll(b, []byte(`title: "Un événement de plus"`)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := live.Update([]string{added}); err != nil {
		t.Fatal(err)
	}
	sameAsBuild(t, "a year printed whole", src, cfg, out)
	page, err := os.ReadFile(filepath.Join(out, "events", strings.TrimSuffix(filepath.Base(events[10]), ".md")+".html"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`<p class="?y"?>\d{4}</p>`).Match(page) {
		t.Errorf("the year is not printed as its label")
	}
}

// TestLiveSourceMoved checks that a source's page that shows the source's
// file is written again when the file moves into a folder, its id the same.
func TestLiveSourceMoved(t *testing.T) {
	src, cfg, out := withTemplateChange(t, "sources/single.html", "</article>", `<p class="edit">{{.Source.File}}</p></article>`)
	live := built(t, src, cfg, out)
	from := filepath.Join(src, "sources", "article-000001.md")
	to := filepath.Join(src, "sources", "archives", "article-000001.md")
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
	if _, _, err := live.Update([]string{from, to}); err != nil {
		t.Fatal(err)
	}
	sameAsBuild(t, "a source moved", src, cfg, out)
}

// TestLiveTermMarkdown checks that a term's page that shows the Markdown of
// the term's file is written again when it changes but not its HTML.
func TestLiveTermMarkdown(t *testing.T) {
	src, cfg, out := withTemplateChange(t, "_default/term.html", "</article>", `<pre>{{.Term.Body}}</pre></article>`)
	live := built(t, src, cfg, out)
	actors, _ := filepath.Glob(filepath.Join(src, "actors", "*.md"))
	var file string
	for _, a := range actors {
		if _, err := os.Stat(filepath.Join(out, "actors", strings.TrimSuffix(filepath.Base(a), ".md")+".html")); err == nil {
			file = a
			break
		}
	}
	if file == "" {
		t.Fatal("no actor file with a page")
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, add := range []string{"\nVoir *ceci*.\n", "\nVoir _ceci_.\n"} { // the same HTML
		if err := os.WriteFile(file, append(slices.Clip(b), add...), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := live.Update([]string{file}); err != nil {
			t.Fatal(err)
		}
	}
	sameAsBuild(t, "a term's Markdown", src, cfg, out)
}

// TestLiveTemplatesShowingMore uses templates that show an event's body in
// the lists of events: an edit to a body then builds the whole site, since
// a change in place would miss the lists.
func TestLiveTemplatesShowingMore(t *testing.T) {
	src, cfg, out := withTemplateChange(t, "partials/event-line.html", "</h3>", "</h3>\n<div class=\"body\">{{.Body}}</div>")
	live := built(t, src, cfg, out)
	events, _ := filepath.Glob(filepath.Join(src, "events", "*.md"))
	if len(events) == 0 {
		t.Fatal("no events")
	}
	b, err := os.ReadFile(events[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(events[0], append(b, "\nUn paragraphe ajouté.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, whole, err := live.Update([]string{events[0]})
	if err != nil {
		t.Fatal(err)
	}
	if !whole {
		t.Error("a body shown in lists was taken in place")
	}
	sameAsBuild(t, "with a body in the lists", src, cfg, out)

	// A new date loads the content again, and the exports are made while
	// the views are worked out: the site is then built whole all the same.
	b, err = os.ReadFile(events[1])
	if err != nil {
		t.Fatal(err)
	}
	moved := dateLine.ReplaceAll(b, []byte("date: $1-$2"))
	if bytes.Equal(moved, b) {
		t.Fatal("no date to change in", events[1])
	}
	if err := os.WriteFile(events[1], moved, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, whole, err = live.Update([]string{events[1]}); err != nil {
		t.Fatal(err)
	}
	if !whole {
		t.Error("a new date with a body shown in lists did not build the whole site")
	}
	sameAsBuild(t, "with a body in the lists, after a new date", src, cfg, out)
}

// TestLiveTermsDescribed edits actors' and places' files at random, their
// role, country or text, now and then their names, and checks after each
// Update that the site on disk is what a build from scratch gives. An edit
// that keeps the names writes only the term's page and the home page, and
// its events' pages when the role or country changed.
func TestLiveTermsDescribed(t *testing.T) {
	countryLine := regexp.MustCompile(`(?m)^country: .*\n`)
	body := regexp.MustCompile(`(?s)\n---\n.*$`)
	steps := 24
	if testing.Short() {
		steps /= 3
	}
	for _, n := range []int{40, 320} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			src, out, _, live := synthLive(t, n, 23)
			r := rand.New(rand.NewPCG(23, uint64(n)))
			var files []string
			for _, kind := range []string{"actors", "places"} {
				found, _ := filepath.Glob(filepath.Join(src, kind, "*.md"))
				files = append(files, found...)
			}
			for step := range steps {
				file := files[r.IntN(len(files))]
				text := readFile(t, file)
				facts, names, titled := true, false, false
				switch r.IntN(7) {
				case 0: // a new role
					role := fmt.Sprintf(`role: "conseiller, %d"`, r.IntN(1000))
					if roleLine.MatchString(text) {
						text = roleLine.ReplaceAllString(text, role)
					} else {
						text = titleLine.ReplaceAllString(text, "title: \"$1\"\n"+role)
					}
				case 1: // no role, no country
					text = countryLine.ReplaceAllString(roleLine.ReplaceAllString(text, ""), "")
				case 2: // another country
					text = titleLine.ReplaceAllString(countryLine.ReplaceAllString(text, ""), fmt.Sprintf("title: \"$1\"\ncountry: \"Pays %d\"", r.IntN(1000)))
				case 3: // another name
					text = aliasesLine.ReplaceAllString(text, fmt.Sprintf(`aliases: ["Alias %d", `, r.IntN(1000)))
					names = true
				case 4: // another title, events naming the term by the old one, which gives the file's name
					text = titleLine.ReplaceAllString(text, fmt.Sprintf(`title: "$1 %d"`, r.IntN(1000)))
					facts, titled = false, true
				default: // another text, in Markdown
					facts = false
					text = body.ReplaceAllString(text, fmt.Sprintf("\n---\nDécrit à nouveau, le *%d*.\n\n- un point ;\n- un autre.\n", r.IntN(1000)))
				}
				writeFile(t, file, text)
				want := 0 // a term no event names has no page, and no page shows it
				rel := path.Join(filepath.Base(filepath.Dir(file)), strings.TrimSuffix(filepath.Base(file), ".md")+".html")
				page := filepath.Join(out, filepath.FromSlash(rel))
				if _, err := os.Stat(page); err == nil {
					want = 2
					if names {
						want = len(linkingTo(t, out, rel))
					}
				}
				written, whole, err := live.Update([]string{file})
				if err != nil || whole {
					t.Fatalf("step %d: Update gives %v, and builds the whole site: %v", step, err, whole)
				}
				if !facts && !names && !titled && written != want {
					t.Errorf("step %d: a new text of %s wrote %d files, want %d: the term's page, if it has one, and the home page", step, filepath.Base(file), written, want)
				}
				if names && written != want {
					// No other page shows the term, nor its events: the
					// feeds and data exports, which show no alias, stay.
					t.Errorf("step %d: a new alias of %s wrote %d files, want %d: its page, the home page and the pages linking to it", step, filepath.Base(file), written, want)
				}
				sameAsBuild(t, fmt.Sprintf("step %d (%s)", step, filepath.Base(file)), src, config(), out)
			}
		})
	}
}

// TestLiveTermsNewFiles builds a site whose events name actors and places
// no file describes, then gives them their files back one at a time, and
// deletes them again, and checks after each Update that the site on disk
// is what a build from scratch gives, and that the content was not loaded
// again: only the term's page, the pages linking to it and the feeds and
// data exports are written.
func TestLiveTermsNewFiles(t *testing.T) {
	dir := t.TempDir()
	src, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	if err := synth.Write(src, 120, 31); err != nil {
		t.Fatal(err)
	}
	// Events name a term by its title or an alias: one named by an alias
	// gets a term of its own while no file gathers them, and its file
	// then makes two terms one, a change of shape (the content is loaded
	// again). The others' files take the place of the term events named.
	var eventText strings.Builder
	evs, _ := filepath.Glob(filepath.Join(src, "events", "*.md"))
	for _, e := range evs {
		eventText.WriteString(readFile(t, e))
	}
	quotedName := regexp.MustCompile(`"([^"]+)"`)
	var files []string
	inPlace := map[string]bool{}
	for _, kind := range []string{"actors", "places"} {
		found, _ := filepath.Glob(filepath.Join(src, kind, "*.md"))
		alone, merged := 0, 0
		for _, f := range found {
			named := false
			for _, m := range quotedName.FindAllStringSubmatch(aliasesOf.FindString(readFile(t, f)), -1) {
				named = named || strings.Contains(eventText.String(), `"`+m[1]+`"`)
			}
			switch {
			case !named && alone < 4:
				alone++
				inPlace[f] = true
			case named && merged < 1:
				merged++
			default:
				continue
			}
			files = append(files, f)
		}
	}
	kept := map[string]string{}
	for _, f := range files {
		kept[f] = readFile(t, f)
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	live := built(t, src, config(), out)
	exports := 0
	for _, name := range []string{"events.json", "timelinejs.json", "events.ics", "events.csv", "atom.xml"} {
		if _, err := os.Stat(filepath.Join(out, name)); err == nil {
			exports++
		}
	}
	// update takes in the change of f, what it was (written, deleted),
	// and checks what it wrote.
	update := func(f, what string) {
		rel := path.Join(filepath.Base(filepath.Dir(f)), strings.TrimSuffix(filepath.Base(f), ".md")+".html")
		want := 0 // no event names it: no page shows it
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel))); err == nil {
			want = len(linkingTo(t, out, rel)) + exports
		}
		written, whole, err := live.Update([]string{f})
		if err != nil || whole {
			t.Fatalf("%s %s: Update gives %v, and builds the whole site: %v", rel, what, err, whole)
		}
		if inPlace[f] && written > want {
			t.Errorf("%s %s: wrote %d files, want at most %d: its page, the pages linking to it, the feeds and exports", rel, what, written, want)
		}
		sameAsBuild(t, rel+" "+what, src, config(), out)
	}
	for _, f := range files {
		writeFile(t, f, kept[f])
		update(f, "written")
	}
	// And the files deleted again, one at a time: the same pages change.
	for _, f := range files {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
		update(f, "deleted")
	}
}

// linkingTo returns the pages of the site in out that link to the page
// rel (a path within out, such as "actors/x.html"), with that page and the
// home page.
func linkingTo(t *testing.T, out, rel string) map[string]bool {
	t.Helper()
	pages := map[string]bool{rel: true, "index.html": true}
	for name, text := range tree(t, out) {
		if path.Ext(name) != ".html" {
			continue
		}
		link := rel
		if dir := path.Dir(name); dir != "." {
			link = strings.Repeat("../", strings.Count(dir, "/")+1) + rel
		}
		if regexp.MustCompile(`href="?` + regexp.QuoteMeta(link) + `["\s>]`).MatchString(text) {
			pages[name] = true
		}
	}
	return pages
}

// TestLiveTermsDescribedInLists uses templates that show each actor's role,
// or its other names, in the lists of events, or its names in the links to
// it: a new role or alias then has the pages whose digest changed found,
// since RefreshTerm would miss the lists, or the links shown again.
func TestLiveTermsDescribedInLists(t *testing.T) {
	newAlias := func(text string, i int) string {
		return aliasesLine.ReplaceAllString(text, fmt.Sprintf(`aliases: ["Alias %d", `, i))
	}
	for _, c := range []struct {
		name, partial, old, new string
		edit                    func(text string, i int) string
	}{
		{"roles", "partials/event-line.html", "</h3>", "</h3>{{range .Actors}}<i>{{.Role}}</i>{{end}}", func(text string, i int) string {
			role := fmt.Sprintf(`role: "porte-parole %d"`, i)
			if roleLine.MatchString(text) {
				return roleLine.ReplaceAllString(text, role)
			}
			return titleLine.ReplaceAllString(text, "title: \"$1\"\n"+role)
		}},
		{"names", "partials/event-line.html", "</h3>", `</h3>{{range .Actors}}<i>{{join ", " .Names}}</i>{{end}}`, newAlias},
		// Links to terms, which pages keep once made, show their names:
		// those of the term renamed are made again.
		{"names in links", "partials/term-link.html", "{{.Title}}</a>", `{{.Title}}<i>{{join ", " .Names}}</i></a>`, newAlias},
	} {
		t.Run(c.name, func(t *testing.T) {
			src, cfg, out := withTemplateChange(t, c.partial, c.old, c.new)
			live := built(t, src, cfg, out)
			actors, _ := filepath.Glob(filepath.Join(src, "actors", "*.md"))
			edited := 0
			for i, file := range actors {
				if _, err := os.Stat(filepath.Join(out, "actors", strings.TrimSuffix(filepath.Base(file), ".md")+".html")); err != nil {
					continue // no event names it
				}
				if edited++; edited > 4 {
					break
				}
				text := readFile(t, file)
				changed := c.edit(text, i)
				if changed == text {
					t.Fatalf("the edit leaves %s as it was", file)
				}
				writeFile(t, file, changed)
				if _, _, err := live.Update([]string{file}); err != nil {
					t.Fatal(err)
				}
			}
			sameAsBuild(t, c.name+" shown in the lists", src, cfg, out)
		})
	}
}

// TestLiveSourcesDescribed edits sources' files at random, their title,
// publisher, address, language or date, now and then their text, and
// checks after each Update that the site on disk is what a build from
// scratch gives.
func TestLiveSourcesDescribed(t *testing.T) {
	line := func(key string) *regexp.Regexp { return regexp.MustCompile(`(?m)^` + key + `: .*\n`) }
	publisher, published, address, language := line("publisher"), line("published"), line("url"), line("language")
	steps := 24
	if testing.Short() {
		steps /= 3
	}
	for _, n := range []int{40, 320} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			src, out, events, live := synthLive(t, n, 29)
			r := rand.New(rand.NewPCG(29, uint64(n)))
			files, _ := filepath.Glob(filepath.Join(src, "sources", "*.md"))
			for step := range steps {
				file := files[r.IntN(len(files))]
				text := readFile(t, file)
				set := func(re *regexp.Regexp, key, value string) {
					text = re.ReplaceAllString(text, "")
					if value != "" {
						text = strings.Replace(text, "\n---\n", fmt.Sprintf("\n%s: %s\n---\n", key, value), 1)
					}
				}
				textOnly := false
				switch r.IntN(6) {
				case 0:
					text = titleLine.ReplaceAllString(text, fmt.Sprintf(`title: "$1 (%d)"`, r.IntN(1000)))
				case 1:
					set(publisher, "publisher", []string{"", `"Le Desk"`, `"L'Opinion"`}[r.IntN(3)])
				case 2:
					set(published, "published", []string{"", "2019-03", "2001-07-14", "2024"}[r.IntN(4)])
				case 3:
					set(address, "url", []string{"", "https://presse.example.org/autre", "http://presse.example.org/x"}[r.IntN(3)])
				case 4:
					set(language, "language", []string{"fr", "es", "ar"}[r.IntN(3)])
				default: // the text, in which every quote is still found
					textOnly = true
					if r.IntN(2) == 0 {
						text += fmt.Sprintf("\nUn paragraphe de plus, le %d.\n", r.IntN(1000))
					} else {
						text = strings.Replace(text, "\n---\n", fmt.Sprintf("\n---\nEn bref, le %d.\n\n", r.IntN(1000)), 1)
					}
				}
				writeFile(t, file, text)
				written, whole, err := live.Update([]string{file})
				if err != nil || whole {
					t.Fatalf("step %d: Update gives %v, and builds the whole site: %v", step, err, whole)
				}
				// In place: the source's page and the home page; for its
				// front matter, also the pages of the events citing it and
				// of their years, and the feeds and exports.
				citing := 0
				for _, e := range events {
					if strings.Contains(readFile(t, e), "source: "+strings.TrimSuffix(filepath.Base(file), ".md")+"\n") {
						citing++
					}
				}
				if most := 2 + 2*citing + 8; textOnly && written != 2 || written > most {
					t.Errorf("step %d: %s edited wrote %d files (%d events cite it)", step, filepath.Base(file), written, citing)
				}
				sameAsBuild(t, fmt.Sprintf("step %d (%s)", step, filepath.Base(file)), src, config(), out)
			}
		})
	}
}

// TestLiveSourcesDescribedInLists uses templates that show each event's
// sources in the lines of a term's page: a source's new title then renders
// every page that shows the events citing it, as an edit of each would.
func TestLiveSourcesDescribedInLists(t *testing.T) {
	src, cfg, out := withTemplateChange(t, "partials/event-line.html", "</h3>", `</h3>{{range .Sources}}<i>{{.Title}}</i>{{end}}`)
	live := built(t, src, cfg, out)
	sources, _ := filepath.Glob(filepath.Join(src, "sources", "*.md"))
	for i, file := range sources {
		writeFile(t, file, titleLine.ReplaceAllString(readFile(t, file), fmt.Sprintf(`title: "$1, %d"`, i)))
		if _, whole, err := live.Update([]string{file}); err != nil || whole {
			t.Fatalf("Update gives %v, and builds the whole site: %v", err, whole)
		}
	}
	sameAsBuild(t, "sources shown in the lists", src, cfg, out)
}

// TestLiveSourceLosesAQuote takes out of a source's text a passage an
// event quotes: Update reports the quote no longer found, in the event's
// file, and leaves the site as it was; the passage put back, the site is
// what a build gives.
func TestLiveSourceLosesAQuote(t *testing.T) {
	src, out, events, live := synthLive(t, 40, 31)
	quote := quoteLine.FindStringSubmatch(readFile(t, events[0]))[1]
	id := regexp.MustCompile(`(?m)^  - source: (\S+)$`).FindStringSubmatch(readFile(t, events[0]))[1]
	file := filepath.Join(src, "sources", id+".md")
	text := readFile(t, file)
	words := strings.Fields(quote)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	passage := regexp.MustCompile(strings.Join(words, `\s+`)).FindString(text) // as the text writes it
	if passage == "" {
		t.Fatalf("%s does not hold the quote %q", file, quote)
	}
	before := tree(t, out)
	writeFile(t, file, strings.Replace(text, passage, "", 1))
	_, _, err := live.Update([]string{file})
	if err == nil || !strings.Contains(err.Error(), "quote not found") || !strings.Contains(err.Error(), filepath.Base(events[0])) {
		t.Fatalf("Update gives %v, want the quote of %s not found", err, filepath.Base(events[0]))
	}
	if after := tree(t, out); !maps.Equal(after, before) {
		t.Error("a failed update changed the site on disk")
	}
	writeFile(t, file, strings.Replace(text, passage, passage+" (sic)", 1))
	if _, whole, err := live.Update([]string{file}); err != nil || whole {
		t.Fatalf("Update gives %v, and builds the whole site: %v", err, whole)
	}
	sameAsBuild(t, "the passage put back", src, config(), out)
}

// TestLiveLinkedTo edits files that other files link to, a source's, an
// actor's and an event's: what they say shows under both names, so that
// each edit loads the content again, and the site is what a build gives.
func TestLiveLinkedTo(t *testing.T) {
	for _, c := range []struct {
		name, link, target string
		edit               func(string) string
	}{
		{"a source", "sources/zz-lien.md", "article-000001.md", func(s string) string {
			return titleLine.ReplaceAllString(s, `title: "Un tout autre titre"`)
		}},
		{"an actor", "places/zz-lien.md", "../actors/%s", func(s string) string {
			if roleLine.MatchString(s) {
				return roleLine.ReplaceAllString(s, `role: "porte-parole"`)
			}
			return titleLine.ReplaceAllString(s, "title: \"$1\"\nrole: \"porte-parole\"")
		}},
		{"an event", "events/zz-lien.md", "%s", func(s string) string {
			return titleLine.ReplaceAllString(s, `title: "$1, lié"`)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			src, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
			if err := synth.Write(src, 40, 5); err != nil {
				t.Fatal(err)
			}
			events, _ := filepath.Glob(filepath.Join(src, "events", "*.md"))
			target := c.target
			switch c.name {
			case "a source": // an event cites the source under the link's name
				cites := regexp.MustCompile(`(?s)sources:\n.*?\nstatus:`)
				writeFile(t, events[0], cites.ReplaceAllString(readFile(t, events[0]), "sources:\n  - source: zz-lien\nstatus:"))
			case "an actor": // an event names the actor, and the place the link makes
				text := readFile(t, events[0])
				name := regexp.MustCompile(`(?m)^actors: \["([^"]+)"`).FindStringSubmatch(text)[1]
				target = fmt.Sprintf(target, content.Slugify(name)+".md")
				writeFile(t, events[0], regexp.MustCompile(`(?m)^places: \[`).ReplaceAllString(text, fmt.Sprintf("places: [%q, ", name)))
			case "an event":
				target = fmt.Sprintf(target, filepath.Base(events[0]))
			}
			if err := os.Symlink(target, filepath.Join(src, filepath.FromSlash(c.link))); err != nil {
				t.Fatal(err)
			}
			live := built(t, src, config(), out)
			file := filepath.Join(filepath.Dir(filepath.Join(src, filepath.FromSlash(c.link))), filepath.FromSlash(target))
			writeFile(t, file, c.edit(readFile(t, file)))
			if _, _, err := live.Update([]string{file}); err != nil {
				t.Fatal(err)
			}
			sameAsBuild(t, c.name+" linked to, edited", src, config(), out)
		})
	}
}

// TestLiveRenamed renames and moves event files, as one save of two files
// (one gone, one new), and checks after each Update that the site on disk
// is what a build gives: in place, or, when the new file's name makes a
// topic's title change after the old one was taken out, by a whole build;
// a new file with problems leaves the site as it was, and once fixed the
// whole site is built.
func TestLiveRenamed(t *testing.T) {
	src, out, events, live := synthLive(t, 320, 37)
	rename := func(from, to, text string) []string {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(from, to); err != nil {
			t.Fatal(err)
		}
		if text != "" {
			writeFile(t, to, text)
		}
		return []string{from, to}
	}
	for i, c := range []struct {
		name  string
		to    func(file string) string
		edit  func(text string) string
		whole bool
	}{
		{"renamed", func(f string) string { return strings.TrimSuffix(f, ".md") + "-bis.md" }, nil, false},
		{"moved to a folder, the same name", func(f string) string { return filepath.Join(filepath.Dir(f), "2024", filepath.Base(f)) }, nil, false},
		{"renamed and retitled", func(f string) string { return strings.TrimSuffix(f, ".md") + "-ter.md" },
			func(s string) string { return titleLine.ReplaceAllString(s, `title: "$1, revu"`) }, false},
		{"renamed first, spelling a topic otherwise", func(f string) string { return filepath.Join(filepath.Dir(f), "0000-premier.md") },
			func(s string) string {
				return topicsLine.ReplaceAllStringFunc(s, func(string) string { return `topics: ["ASILE", ` })
			}, false},
		// The file gone is taken in, then the draft declines: a draft
		// makes no edit to retitle a topic in.
		{"renamed first as a draft, spelling a topic otherwise", func(f string) string { return filepath.Join(filepath.Dir(f), "0000-brouillon.md") },
			func(s string) string {
				s = topicsLine.ReplaceAllStringFunc(s, func(string) string { return `topics: ["Asile", ` })
				return strings.Replace(s, "\ntitle: ", "\ndraft: true\ntitle: ", 1)
			}, true},
	} {
		// Late in the order files are read in, a file is seldom the first
		// to name a term, whose title it would then give.
		file := events[len(events)-1-i]
		var text string
		if c.edit != nil {
			text = c.edit(readFile(t, file))
		}
		to := c.to(file)
		_, whole, err := live.Update(rename(file, to, text))
		if err != nil || whole != c.whole {
			t.Fatalf("%s: Update gives %v, and builds the whole site: %v, want %v", c.name, err, whole, c.whole)
		}
		sameAsBuild(t, c.name, src, config(), out)
	}
	// A new name whose file has a problem: nothing changes on disk until
	// it is fixed.
	file := events[len(events)-10]
	to := strings.TrimSuffix(file, ".md") + "-sans-titre.md"
	text := readFile(t, file)
	before := tree(t, out)
	_, _, err := live.Update(rename(file, to, titleLine.ReplaceAllString(text, "")))
	if err == nil || !strings.Contains(err.Error(), filepath.Base(to)) {
		t.Fatalf("Update gives %v, want the problem of %s", err, filepath.Base(to))
	}
	if !maps.Equal(tree(t, out), before) {
		t.Error("a failed update changed the site on disk")
	}
	writeFile(t, to, text)
	if _, _, err := live.Update([]string{to}); err != nil {
		t.Fatal(err)
	}
	sameAsBuild(t, "the new name fixed", src, config(), out)
}

// TestLiveHardLinked edits a source's file that has a second name on its
// disk, which an event cites: both names show the edit, so the content is
// loaded again, and the site is what a build gives.
func TestLiveHardLinked(t *testing.T) {
	dir := t.TempDir()
	src, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	if err := synth.Write(src, 40, 5); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(src, "sources", "article-000001.md")
	if err := os.Link(file, filepath.Join(src, "sources", "zz-copie.md")); err != nil {
		t.Skip("no hard links here:", err)
	}
	events, _ := filepath.Glob(filepath.Join(src, "events", "*.md"))
	cites := regexp.MustCompile(`(?s)sources:\n.*?\nstatus:`)
	writeFile(t, events[0], cites.ReplaceAllString(readFile(t, events[0]), "sources:\n  - source: zz-copie\nstatus:"))
	live := built(t, src, config(), out)
	// Written in place, as an editor that keeps the file's inode does.
	text := titleLine.ReplaceAllString(readFile(t, file), `title: "Un tout autre titre"`)
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := live.Update([]string{file}); err != nil {
		t.Fatal(err)
	}
	sameAsBuild(t, "a hard-linked source retitled", src, config(), out)
}
