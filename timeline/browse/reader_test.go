package browse

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"golang.org/x/text/unicode/norm"

	"frise/timeline/content"
)

// The home page as a reader finds it: every event, oldest first, with the
// script's finder shown and its count filled in.
func TestHomeListsEveryEventInDateOrder(t *testing.T) {
	want := slugs(model.Events)
	if len(want) == 0 {
		t.Fatal("the content has no event: nothing to show")
	}
	for i := 1; i < len(model.Events); i++ {
		if model.Events[i].Date.First().Before(model.Events[i-1].Date.First()) {
			t.Errorf("the content lists %s before %s", model.Events[i-1].Slug, model.Events[i].Slug)
		}
	}
	for _, site := range sites {
		t.Run(site.name, func(t *testing.T) {
			ctx, rec := tab(t)
			open(t, ctx, site.url("index.html"))
			if got := visibleEvents(t, ctx); !slices.Equal(got, want) {
				t.Errorf("the home page shows\n%s\nwant, oldest first,\n%s", lines(got), lines(want))
			}
			if hidden := eval[bool](t, ctx, `document.getElementById('finder').hidden`); hidden {
				t.Error("the search form is still hidden: the script did not run")
			}
			n, total := count(t, ctx)
			if n != len(want) || total != len(want) {
				t.Errorf("the live region counts %d of %d events, want %d", n, total, len(want))
			}
			rec.check(t, site.url("index.html"))
		})
	}
}

// Choosing an actor keeps only that actor's events, says how many remain,
// and writes the choice into the address.
func TestActorFilterKeepsTheActorsEvents(t *testing.T) {
	actor := someActor(t)
	want := slugs(actor.Events)
	for _, site := range sites {
		t.Run(site.name, func(t *testing.T) {
			ctx, rec := tab(t)
			open(t, ctx, site.url("index.html"))
			choose(t, ctx, "f-actor", actor.Slug)
			if got := visibleEvents(t, ctx); !slices.Equal(got, want) {
				t.Errorf("with the actor %s chosen the page shows\n%s\nwant\n%s", actor.Title, lines(got), lines(want))
			}
			if n, total := count(t, ctx); n != len(want) || total != len(model.Events) {
				t.Errorf("the live region counts %d of %d, want %d of %d", n, total, len(want), len(model.Events))
			}
			if q := query(t, ctx); q.Get("actor") != actor.Slug {
				t.Errorf("the address keeps %q, want actor=%s", q.Encode(), actor.Slug)
			}
			empty := eval[int](t, ctx, `Array.from(document.querySelectorAll('#chrono section')).filter(s => s.checkVisibility() && !s.querySelector('li.ev:not([hidden])')).length`)
			if empty > 0 {
				t.Errorf("%d year(s) stay visible with no event in them", empty)
			}
			rec.check(t, site.url("index.html"))
		})
	}
}

// The search box ignores accents and case: "securitaire" finds "sécuritaire".
func TestSearchIgnoresAccentsAndCase(t *testing.T) {
	tests := []struct {
		name, typed string
		fromDisk    bool // also from disk; every row runs on the server
	}{
		{"sans accents", "securitaire", true},
		{"en capitales", "SECURITAIRE", false},
		{"avec les accents", "sécuritaire", false},
		{"deux mots", "visite rabat", false},
		{"un nom sans accent", "retailleau", false},
		{"rien", "zanzibar", true},
	}
	for _, site := range sites {
		t.Run(site.name, func(t *testing.T) {
			ctx, rec := tab(t)
			for _, tt := range tests {
				if site.name == "disque" && !tt.fromDisk {
					continue
				}
				t.Run(tt.name, func(t *testing.T) {
					want := matching(tt.typed)
					open(t, ctx, site.url("index.html"))
					do(t, ctx, "type "+tt.typed, chromedp.SendKeys(chromedp.ID("f-q"), tt.typed))
					if got := visibleEvents(t, ctx); !slices.Equal(got, want) {
						t.Errorf("searching %q shows\n%s\nwant\n%s", tt.typed, lines(got), lines(want))
					}
					n, total := count(t, ctx)
					if n != len(want) || total != len(model.Events) {
						t.Errorf("searching %q, the live region counts %d of %d, want %d of %d", tt.typed, n, total, len(want), len(model.Events))
					}
					none := eval[bool](t, ctx, `document.getElementById('none').checkVisibility()`)
					if none != (len(want) == 0) {
						t.Errorf("searching %q, the no-match message is shown=%v, want %v", tt.typed, none, len(want) == 0)
					}
					if q := query(t, ctx); strings.Join(strings.Fields(q.Get("q")), " ") != strings.Join(strings.Fields(tt.typed), " ") {
						t.Errorf("searching %q, the address keeps q=%q", tt.typed, q.Get("q"))
					}
				})
			}
			if ms := matching("securitaire"); len(ms) == 0 || len(ms) == len(model.Events) {
				t.Errorf("\"securitaire\" matches %d of %d events: pick a word that tells events apart", len(ms), len(model.Events))
			}
			rec.check(t, site.url("index.html"))
		})
	}
}

// The address keeps what the reader chose, so it can be shared, and the
// back button steps back through the choices.
func TestAddressKeepsTheChoiceAndBackRestoresIt(t *testing.T) {
	actor := someActor(t)
	const word = "securitaire"
	both := intersect(slugs(actor.Events), matching(word))
	for _, site := range sites {
		t.Run(site.name, func(t *testing.T) {
			ctx, rec := tab(t)
			home := site.url("index.html")
			open(t, ctx, home)
			choose(t, ctx, "f-actor", actor.Slug)
			do(t, ctx, "type", chromedp.SendKeys(chromedp.ID("f-q"), word))
			q := query(t, ctx)
			if q.Get("actor") != actor.Slug || q.Get("q") != word {
				t.Fatalf("after choosing %s and typing %q the address keeps %q", actor.Slug, word, q.Encode())
			}
			if got := visibleEvents(t, ctx); !slices.Equal(got, both) {
				t.Errorf("actor and search together show\n%s\nwant\n%s", lines(got), lines(both))
			}
			shared := eval[string](t, ctx, `location.href`)

			back(t, ctx, "actor="+actor.Slug)
			if v := eval[string](t, ctx, `document.getElementById('f-q').value`); v != "" {
				t.Errorf("back: the search box still holds %q", v)
			}
			if got, want := visibleEvents(t, ctx), slugs(actor.Events); !slices.Equal(got, want) {
				t.Errorf("back: the page shows\n%s\nwant the actor's events\n%s", lines(got), lines(want))
			}
			back(t, ctx, "")
			if v := eval[string](t, ctx, `document.getElementById('f-actor').value`); v != "" {
				t.Errorf("back to the start: the actor list still holds %q", v)
			}
			if got, want := visibleEvents(t, ctx), slugs(model.Events); !slices.Equal(got, want) {
				t.Errorf("back to the start: the page shows\n%s\nwant every event", lines(got))
			}

			// A shared address opens on the same choice.
			open(t, ctx, shared)
			if got := visibleEvents(t, ctx); !slices.Equal(got, both) {
				t.Errorf("opening %s shows\n%s\nwant\n%s", shared, lines(got), lines(both))
			}
			if v := eval[string](t, ctx, `document.getElementById('f-q').value`); v != word {
				t.Errorf("opening %s: the search box holds %q, want %q", shared, v, word)
			}
			rec.check(t, home)
		})
	}
}

// A reader goes from an event to one of its actors, and from the actor's
// page to another of the actor's events.
func TestLinksFromEventToActorToEvent(t *testing.T) {
	actor := someActor(t)
	first, second := actor.Events[0], actor.Events[1]
	for _, site := range sites {
		t.Run(site.name, func(t *testing.T) {
			ctx, rec := tab(t)
			open(t, ctx, site.url("index.html"))
			follow(t, ctx, fmt.Sprintf(`li.ev[id=%q] h3 a`, first.Slug), "events/"+first.Slug+".html", first.Title)
			follow(t, ctx, fmt.Sprintf(`main a[href$="actors/%s.html"]`, actor.Slug), "actors/"+actor.Slug+".html", actor.Title)
			follow(t, ctx, fmt.Sprintf(`main a[href$="events/%s.html"]`, second.Slug), "events/"+second.Slug+".html", second.Title)
			follow(t, ctx, `header a[href$="index.html"]`, "index.html", model.Title)
			rec.check(t, site.name)
		})
	}
}

// Without JavaScript every event is listed and every filter is a link to
// its term's page.
func TestWithoutJavaScript(t *testing.T) {
	for _, site := range sites {
		t.Run(site.name, func(t *testing.T) {
			ctx, rec := tab(t)
			do(t, ctx, "turn JavaScript off", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
				return err
			}))
			open(t, ctx, site.url("index.html"))
			if got, want := visibleEvents(t, ctx), slugs(model.Events); !slices.Equal(got, want) {
				t.Errorf("without JavaScript the home page shows\n%s\nwant every event\n%s", lines(got), lines(want))
			}
			if eval[bool](t, ctx, `document.getElementById('finder').checkVisibility()`) {
				t.Error("without JavaScript the search form shows, and it cannot work")
			}
			links := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('details.browse a[href]')).map(a => a.getAttribute('href'))`)
			var want []string
			for _, terms := range [][]*content.Term{model.Actors, model.Places, model.Topics} {
				for _, term := range terms {
					if len(term.Events) > 0 {
						want = append(want, term.Kind+"/"+term.Slug+".html")
					}
				}
			}
			slices.Sort(want)
			got := slices.Clone(links)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("the filter links are\n%s\nwant a link per actor, place and topic\n%s", lines(got), lines(want))
			}
			for _, href := range links {
				if _, err := os.Stat(filepath.Join(siteDir, filepath.FromSlash(href))); err != nil {
					t.Errorf("the filter link %s leads nowhere", href)
				}
			}
			if len(model.Actors) > 0 {
				a := model.Actors[0]
				do(t, ctx, "open the list of filters", chromedp.Click(chromedp.CSS(`details.browse summary`)))
				follow(t, ctx, fmt.Sprintf(`details.browse a[href$="actors/%s.html"]`, a.Slug), "actors/"+a.Slug+".html", a.Title)
			}
			rec.check(t, site.url("index.html"))
		})
	}
}

// Screenshots of the main kinds of page at phone and desktop widths, kept
// in $FRISE_SCREENSHOTS (a temporary folder otherwise) for a person to look at.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("FRISE_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	actor := someActor(t)
	shots := []struct{ name, page, setup string }{
		{"accueil", "index.html", ""},
		{"accueil-filtre", "index.html?actor=" + actor.Slug + "&q=securitaire", ""},
		{"evenement", "events/" + actor.Events[0].Slug + ".html", ""},
		{"acteur", "actors/" + actor.Slug + ".html", ""},
		{"source", "sources/" + model.Sources[0].ID + ".html", ""},
		{"annee", "years/" + strconv.Itoa(model.Events[0].Date.First().Year()) + ".html", ""},
		{"theme", "topics/" + model.Topics[0].Slug + ".html", ""},
		{"page-absente", "events/nulle-part.html", ""},
		{"accueil-sombre", "index.html", "dark"},
	}
	ctx, rec := tab(t)
	rec.expect(serverURL + "events/nulle-part.html") // answered with 404.html and status 404, as it should
	for _, width := range []int64{390, 1280} {
		viewport(t, ctx, width)
		for _, s := range shots {
			scheme := ""
			if s.setup == "dark" {
				scheme = "dark"
			}
			do(t, ctx, "color scheme", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
					Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
				})
				return err
			}))
			open(t, ctx, serverURL+s.page)
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatalf("screenshot of %s: %v", s.page, err)
			}
			name := filepath.Join(dir, fmt.Sprintf("%s-%d.png", s.name, width))
			if err := os.WriteFile(name, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if wide := overflow(t, ctx); width == 390 && wide != "" {
			t.Errorf("at 390 px the home page scrolls sideways: %s", wide)
		}
	}
	t.Logf("screenshots in %s", dir)
	rec.check(t, "screenshots")
}

// open loads a page and waits until its scripts have run.
func open(t *testing.T, ctx context.Context, u string) {
	t.Helper()
	do(t, ctx, "open "+u, chromedp.Navigate(u))
	if !waitFor(t, ctx, `document.readyState === 'complete'`, 10*time.Second) {
		t.Fatalf("open %s: the page never finished loading", u)
	}
}

// waitFor evaluates js until it is true, at most for d. It polls from Go,
// so it works in a page whose own scripts are turned off.
func waitFor(t *testing.T, ctx context.Context, js string, d time.Duration) bool {
	t.Helper()
	for end := time.Now().Add(d); ; time.Sleep(25 * time.Millisecond) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err == nil && ok {
			return true
		}
		if time.Now().After(end) {
			return false
		}
	}
}

// viewport sets the tab's width: 390 px is a phone (touch, mobile layout),
// anything else a desktop window.
func viewport(t *testing.T, ctx context.Context, width int64) {
	t.Helper()
	if width <= 480 {
		do(t, ctx, "phone viewport", chromedp.EmulateViewport(width, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	} else {
		do(t, ctx, "desktop viewport", chromedp.EmulateViewport(width, 800))
	}
}

// overflow describes how the page is wider than the window, or is "".
func overflow(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `(() => {
		const w = document.documentElement.clientWidth, sw = document.documentElement.scrollWidth;
		if (sw <= w) return '';
		const wide = Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 1)
			.slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''));
		return 'page ' + sw + ' px wide in a ' + w + ' px window; too wide: ' + wide.join(', ');
	})()`)
}

// visibleEvents lists the ids of the event items a reader can see, in page order.
func visibleEvents(t *testing.T, ctx context.Context) []string {
	t.Helper()
	return eval[[]string](t, ctx, `Array.from(document.querySelectorAll('#chrono li.ev')).filter(li => li.checkVisibility()).map(li => li.id)`)
}

// count reads the live region: "2 événements sur 5", "Aucun événement sur 5"
// or "5 événements, du plus ancien au plus récent".
func count(t *testing.T, ctx context.Context) (n, total int) {
	t.Helper()
	live := eval[bool](t, ctx, `(() => { const c = document.getElementById('f-count'); return !!c && (c.getAttribute('role') === 'status' || !!c.getAttribute('aria-live')); })()`)
	if !live {
		t.Error("#f-count is not a live region (role=status or aria-live)")
	}
	text := strings.Join(strings.Fields(eval[string](t, ctx, `document.getElementById('f-count').textContent`)), " ")
	if m := regexp.MustCompile(`^(\d+|Aucun) événements? sur (\d+)$`).FindStringSubmatch(text); m != nil {
		n, _ = strconv.Atoi(m[1])
		total, _ = strconv.Atoi(m[2])
		return n, total
	}
	if m := regexp.MustCompile(`^(\d+) événements?\b`).FindStringSubmatch(text); m != nil {
		n, _ = strconv.Atoi(m[1])
		return n, n
	}
	t.Errorf("the live region says %q, which gives no count", text)
	return -1, -1
}

// choose picks an option of a list as a reader does, which fires "change".
func choose(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	ok := eval[bool](t, ctx, fmt.Sprintf(`(() => {
		const s = document.getElementById(%q);
		if (!s || !Array.from(s.options).some(o => o.value === %q)) return false;
		s.focus(); s.value = %q;
		s.dispatchEvent(new Event('input', {bubbles: true}));
		s.dispatchEvent(new Event('change', {bubbles: true}));
		return true;
	})()`, id, value, value))
	if !ok {
		t.Fatalf("the list #%s has no option %q", id, value)
	}
}

// query is the page's address's query.
func query(t *testing.T, ctx context.Context) urlValues {
	t.Helper()
	return urlValues(eval[map[string]string](t, ctx, `Object.fromEntries(new URLSearchParams(location.search))`))
}

type urlValues map[string]string

func (v urlValues) Get(k string) string { return v[k] }
func (v urlValues) Encode() string {
	var parts []string
	for k, val := range v {
		parts = append(parts, k+"="+val)
	}
	slices.Sort(parts)
	return strings.Join(parts, "&")
}

// back presses the browser's back button and waits for the address's
// query to be want ("" for none).
func back(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	eval[bool](t, ctx, `history.back(), true`)
	js := fmt.Sprintf(`location.search.replace(/^\?/, '') === %q && document.readyState === 'complete'`, want)
	if !waitFor(t, ctx, js, 5*time.Second) {
		t.Fatalf("back: the address should keep %q, it keeps %q", want, eval[string](t, ctx, `location.search`))
	}
}

// follow clicks the link sel finds and checks the page it leads to: its
// path ends with path, and its h1 reads title.
func follow(t *testing.T, ctx context.Context, sel, path, title string) {
	t.Helper()
	n := eval[int](t, ctx, fmt.Sprintf(`document.querySelectorAll(%q).length`, sel))
	if n == 0 {
		t.Fatalf("%s: no link %s", eval[string](t, ctx, `location.pathname`), sel)
	}
	do(t, ctx, "click "+sel, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	js := fmt.Sprintf(`location.pathname.endsWith(%q) && document.readyState === 'complete'`, "/"+path)
	if !waitFor(t, ctx, js, 10*time.Second) {
		t.Fatalf("clicking %s should lead to %s, the browser is at %s", sel, path, eval[string](t, ctx, `location.href`))
	}
	h1 := eval[string](t, ctx, `(document.querySelector('h1') || {}).textContent || ''`)
	if spaces(h1) != spaces(title) {
		t.Errorf("%s: the heading reads %q, want %q", path, h1, title)
	}
}

// spaces folds every kind of space (French typography puts no-break
// spaces before « : ; ? ! ») into one plain space.
func spaces(s string) string {
	// The pages set apostrophes as ’ where the content may write '.
	s = strings.ReplaceAll(s, "’", "'")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u202f' || r == '\u00a0' }), " ")
}

// someActor is an actor with at least two events but not all of them, so
// that choosing it hides some events and keeps several.
func someActor(t *testing.T) *content.Term {
	t.Helper()
	var best *content.Term
	for _, a := range model.Actors {
		if n := len(a.Events); n >= 2 && n < len(model.Events) && (best == nil || n > len(best.Events)) {
			best = a
		}
	}
	if best == nil {
		t.Fatal("no actor has at least two events and fewer than all: the content cannot exercise the filter")
	}
	return best
}

// matching lists, in timeline order, the events whose words (title,
// summary, date, actors, places, topics and their aliases) hold every word
// of typed, compared without accents or case.
func matching(typed string) []string {
	words := strings.Fields(fold(typed))
	var out []string
	for _, e := range model.Events {
		texts := []string{e.Title, e.Summary, e.Date.French()}
		for _, terms := range [][]*content.Term{e.Actors, e.Places, e.Topics} {
			for _, term := range terms {
				texts = append(texts, term.Title)
				texts = append(texts, term.Aliases...)
			}
		}
		hay := " " + fold(strings.Join(texts, " ")) + " "
		all := true
		for _, w := range words {
			all = all && strings.Contains(hay, w)
		}
		if all {
			out = append(out, e.Slug)
		}
	}
	return out
}

// fold removes accents and case, and turns punctuation into spaces.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'œ' || r == 'Œ':
			b.WriteString("oe")
		case r == 'æ' || r == 'Æ':
			b.WriteString("ae")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func slugs(events []*content.Event) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = e.Slug
	}
	return out
}

func intersect(a, b []string) []string {
	var out []string
	for _, s := range a {
		if slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

func lines(list []string) string {
	if len(list) == 0 {
		return "\t(none)"
	}
	return "\t" + strings.Join(list, "\n\t")
}
