package site

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// pages renders every page of the site.
func (r *renderer) pages() error { return r.run(r.jobs()) }

// jobs lists every page of the site with the template it renders with.
func (r *renderer) jobs() []job { return r.jobsOf(func(string) bool { return true }) }

// jobsOf lists the pages whose paths keep accepts, in the site's order.
func (r *renderer) jobsOf(keep func(path string) bool) []job {
	v := r.view
	var jobs []job
	if keep("index.html") {
		jobs = append(jobs, r.homeJob())
	}
	for _, ev := range v.Events {
		if keep(ev.URL) {
			jobs = append(jobs, r.eventJob(ev))
		}
	}
	for _, kind := range []string{"actors", "places", "topics"} {
		for _, tv := range r.termsOf(kind) {
			if keep(tv.URL) {
				jobs = append(jobs, r.termJob(kind, tv))
			}
		}
	}
	for _, yv := range v.Years {
		if keep(yv.URL) {
			jobs = append(jobs, r.yearJob(yv))
		}
	}
	for _, sv := range v.Sources {
		if keep(sv.URL) {
			jobs = append(jobs, r.sourceJob(sv))
		}
	}
	if keep("404.html") {
		jobs = append(jobs, r.notFoundJob())
	}
	return jobs
}

func (r *renderer) homeJob() job {
	v := r.view
	home := &page{Path: "index.html", Kind: "home", Title: v.Title, Description: v.Description,
		OGType: "website", Home: r.home(), Browse: r.browse(v.Events)}
	if home.Description == "" {
		home.Description = fmt.Sprintf("%s : %s.", v.Title, plural(len(v.Events), "événement daté et sourcé", "événements datés et sourcés"))
	}
	home.Description = French(home.Description)
	home.Canonical = absURL(r.cfg.BaseURL, home.Path)
	home.JSONLD = linkedData(r.websiteLD(home))
	return job{"index.html", home, nil}
}

func (r *renderer) eventJob(ev *eventView) job {
	p := &page{Path: ev.URL, Kind: "event", Title: ev.Title, OGType: "article", Event: ev}
	p.Description = ev.Summary
	if p.Description == "" {
		p.Description = French(ev.Title + ", " + ev.Date.French + ".")
	}
	p.Canonical = absURL(r.cfg.BaseURL, p.Path)
	// An event's body and linked data show only on its page: work them
	// out there, so that a large timeline's are not all held at once.
	prepare := func() error {
		ld := r.eventLD(ev, p.Canonical)
		p.JSONLD = ld.linkedData()
		body, err := markdown(r.md, ev.Event.Body)
		if err != nil {
			return fmt.Errorf("render %s: %w", ev.File, err)
		}
		p.Body = body
		return nil
	}
	return job{"events/single.html", p, prepare}
}

func (r *renderer) termJob(kind string, tv *termView) job {
	name := r.termTemplate(kind)
	p := &page{Path: tv.URL, Kind: "term", Title: tv.Title, OGType: "website", Term: tv}
	p.Description = French(fmt.Sprintf("%s (%s) : %s dans la chronologie %s.", tv.Title,
		strings.ToLower(tv.Label), plural(len(tv.Events), "événement", "événements"), r.view.Title))
	p.Canonical = absURL(r.cfg.BaseURL, p.Path)
	return job{name, p, nil}
}

// termTemplate is the template the terms of a kind render with: the
// kind's own, or the default.
func (r *renderer) termTemplate(kind string) string {
	if name := kind + "/term.html"; r.tmpls[name] != nil {
		return name
	}
	return "_default/term.html"
}

func (r *renderer) yearJob(yv *yearView) job {
	p := &page{Path: yv.URL, Kind: "year", Title: yv.Label, OGType: "website", Year: yv, Browse: r.browse(yv.Events)}
	p.Description = French(fmt.Sprintf("%s : %s de la chronologie %s.", yv.Label,
		plural(len(yv.Events), "événement", "événements"), r.view.Title))
	p.Canonical = absURL(r.cfg.BaseURL, p.Path)
	return job{"years/single.html", p, nil}
}

func (r *renderer) sourceJob(sv *sourceView) job {
	p := &page{Path: sv.URL, Kind: "source", Title: sv.Title, OGType: "article", Source: sv}
	p.Description = French(fmt.Sprintf("Le texte de l’article « %s » (%s) et les passages cités par la chronologie %s.",
		sv.Title, sv.Label, r.view.Title))
	p.Canonical = absURL(r.cfg.BaseURL, p.Path)
	return job{"sources/single.html", p, nil}
}

// notFoundJob is the page for missing addresses. Netlify serves 404.html
// for a missing address at any depth, so its links cannot be relative to
// where it sits. With a base URL they start from the server's root
// ("/static/style.css", or "/frise/…" for a site under a path): they work
// at any depth and on any host that serves the site, deploy previews
// included, whose content security policy would refuse a stylesheet from
// the published host. Without one (a local build) they are relative to the
// root folder where the file is.
func (r *renderer) notFoundJob() job {
	nf := &page{Path: "404.html", Kind: "404", Title: "Page introuvable", OGType: "website",
		Description: "Cette page n’existe pas ou plus."}
	if u, err := url.Parse(r.cfg.BaseURL); err == nil && u.Scheme != "" && u.Host != "" {
		nf.root = rootPath(r.cfg.BaseURL)
	}
	return job{"404.html", nf, nil}
}

// termsOf returns the site's terms of one kind.
func (r *renderer) termsOf(kind string) []*termView {
	switch kind {
	case "actors":
		return r.view.Actors
	case "places":
		return r.view.Places
	}
	return r.view.Topics
}

// home lays out the home page: the whole chronology when it is short, else
// the latest events, the full chronology being on the year pages.
func (r *renderer) home() *homeView {
	v := r.view
	h := &homeView{Years: v.Years, Split: r.split()}
	h.Overview = newOverview(v.Years, h.Split)
	if !h.Split {
		return h
	}
	recent := v.Events[len(v.Events)-homeRecent:]
	h.Years = nil
	for _, ev := range recent {
		if n := len(h.Years); n == 0 || h.Years[n-1].Year != ev.Year.Year {
			yv := *ev.Year
			yv.Events = nil
			h.Years = append(h.Years, &yv)
		}
		yv := h.Years[len(h.Years)-1]
		yv.Events = append(yv.Events, ev)
	}
	h.Scope = French(fmt.Sprintf("Les %d derniers événements sur %s", homeRecent, thousands(len(v.Events))))
	return h
}

// split says whether the chronology is too long for the home page.
func (r *renderer) split() bool { return len(r.view.Events) > homeAll }

// browse lists the terms that events name, by kind, with how many of the
// events name each, for a page's finder and for browsing without a script.
// Only terms with a page are listed, in the site's order.
func (r *renderer) browse(events []*eventView) []browseGroup {
	lists := [3][]*termView{r.view.Actors, r.view.Places, r.view.Topics}
	var counts [3][]int // by kind, in the order of lists
	var named [3]int    // how many terms of each kind are counted
	for k, list := range lists {
		counts[k] = make([]int, len(list))
	}
	for _, ev := range events {
		for k, group := range [3][]*termView{ev.Actors, ev.Places, ev.Topics} {
			list := lists[k]
			for _, tv := range group {
				if i := tv.pos; i < len(list) && list[i] == tv {
					if counts[k][i] == 0 {
						named[k]++
					}
					counts[k][i]++
				}
			}
		}
	}
	var gs []browseGroup
	for k, g := range []struct{ kind, key string }{{"actors", "actor"}, {"places", "place"}, {"topics", "topic"}} {
		bg := browseGroup{Kind: g.kind, Key: g.key, Label: termLabels[g.kind][1], Single: termLabels[g.kind][0]}
		if named[k] > 0 {
			bg.Terms = make([]browseTerm, 0, named[k])
		}
		for i, tv := range lists[k] {
			if n := counts[k][i]; n > 0 {
				bg.Terms = append(bg.Terms, browseTerm{tv, tv.Slug, tv.Title, tv.URL, n})
			}
		}
		if len(bg.Terms) > 0 {
			gs = append(gs, bg)
		}
	}
	return gs
}

// numberTerms tells each term of the lists, one per kind, where it is in
// its list, for browse to count them by.
func numberTerms(lists ...[]*termView) {
	for _, list := range lists {
		for i, tv := range list {
			tv.pos = i
		}
	}
}

// thousands writes n with a narrow no-break space between groups of three
// digits, as French does: 10 000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u202f")
		}
		b.WriteRune(c)
	}
	return b.String()
}

// rootPath is the path of the site's root on its host ("/" or "/sub/"), from
// the base URL; "" without one.
func rootPath(base string) string {
	if base == "" {
		return ""
	}
	i := strings.Index(base, "://")
	if i < 0 {
		return ""
	}
	rest := base[i+3:]
	j := strings.IndexByte(rest, '/')
	if j < 0 {
		return "/"
	}
	p := rest[j:]
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

func plural(n int, one, many string) string {
	if n < 2 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
