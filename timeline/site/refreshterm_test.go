package site

import "testing"

// TestTermLocal checks which templates let RefreshTerm take in a term's
// new role, country or text: those that show them on the term's own page,
// and its role and country on its events' own pages, but nowhere else.
func TestTermLocal(t *testing.T) {
	tests := []struct {
		name, file, add string
		local           bool
		more            []string // other files and what is added to them
	}{
		{"the site's templates", "", "", true, nil},
		{"the event's own actors' roles, countries and ledes", "events/single.html",
			`{{range .Event.Actors}}{{.Role}}{{.Country}}{{.Lede}}{{.Term.Role}}{{end}}`, true, nil},
		{"the term's own details", "_default/term.html",
			`{{with .Term}}{{.Role}}{{.Country}}{{.Lede}}{{.Body}}{{.Term.Body}}{{end}}`, true, nil},
		{"the own event's actors handed to a partial that shows their roles", "events/single.html",
			`{{define "r"}}{{.Role}}{{end}}{{range .Event.Actors}}{{template "r" .}}{{end}}`, true, nil},
		{"a term's text on its events' pages", "events/single.html",
			`{{range .Event.Actors}}{{.Body}}{{end}}`, false, nil},
		{"a term's Markdown on its events' pages", "events/single.html",
			`{{with .Event}}{{range .Places}}{{.Term.Body}}{{end}}{{end}}`, false, nil},
		{"a related event's actors' roles", "events/single.html",
			`{{range .Event.Related}}{{range .Actors}}{{.Role}}{{end}}{{end}}`, false, nil},
		{"a neighbour's places' countries through a variable", "events/single.html",
			`{{$n := .Event.Next}}{{range $n.Places}}{{.Country}}{{end}}`, false, nil},
		{"an actor's role in a list's item", "partials/event-item.html",
			`{{range .E.Actors}}{{.Role}}{{end}}`, false, nil},
		{"a term's lede in its link", "partials/term-link.html", `{{.T.Lede}}`, false, nil},
		{"a term's country in a line, through a partial", "partials/event-line.html",
			`{{template "partials/date.html" .E.Date}}{{range .E.Places}}{{partialCached "partials/pays.html" . .Slug}}{{end}}`, false, nil},
		{"a partial given the page that shows the finder's terms' roles", "partials/footer.html",
			`{{range .Browse}}{{range .Terms}}{{.Role}}{{end}}{{end}}`, false, nil},
		{"the actors' roles of a term's events", "_default/term.html",
			`{{range .Term.Events}}{{range .Actors}}{{.Role}}{{end}}{{end}}`, false, nil},
		{"the countries of a year's events' places", "years/single.html",
			`{{range .Year.Events}}{{range .Places}}{{.Country}}{{end}}{{end}}`, false, nil},
		{"the finder's terms' roles", "years/single.html",
			`{{range .Browse}}{{range .Terms}}{{.Role}}{{end}}{{end}}`, false, nil},
		{"the roles of the actors of the events quoting a source", "sources/single.html",
			`{{range .Source.Passages}}{{range .Event.Actors}}{{.Role}}{{end}}{{end}}`, false, nil},
		{"the roles of the actors of the events marked in a source's text", "sources/single.html",
			`{{range .Source.Paras}}{{range .Segs}}{{with .Event}}{{range .Actors}}{{.Role}}{{end}}{{end}}{{end}}{{end}}`, false, nil},
		{"a related event handed to a partial that shows its actors' roles", "events/single.html",
			`{{range .Event.Related}}{{template "partials/terms.html" (dict "P" $ "E" .)}}{{end}}`, false, nil},
		{"a neighbour handed through partialCached to a partial that shows its actors' roles", "events/single.html",
			`{{with .Event.Prev}}{{partialCached "partials/terms.html" (dict "P" $ "E" .) .Slug}}{{end}}`, false, nil},
		{"a neighbour handed to a partial named otherwise", "events/single.html",
			`{{$n := "partials/date.html"}}{{with .Event.Prev}}{{partialCached $n . .Slug}}{{end}}`, false, nil},
		{"a neighbour handed to a partial that shows only its date", "events/single.html",
			`{{with .Event.Prev}}{{partialCached "partials/date.html" .Date .Slug}}{{end}}`, true, nil},
		{"every actor's role on the home page", "index.html",
			`{{range .Home.Years}}{{range .Events}}{{range .Actors}}{{.Role}}{{end}}{{end}}{{end}}`, true, nil},
		{"a template of the base layout's, through partialCached", "years/single.html",
			`{{range .Year.Events}}{{partialCached "roles" .Actors .Slug}}{{end}}`, false,
			[]string{"_default/baseof.html", `{{define "roles"}}{{range .}}{{.Role}}{{end}}{{end}}`}},
		{"a template of the base layout's, through partialCached in an item", "partials/event-item.html",
			`{{partialCached "roles" .E.Actors .E.Slug}}`, false,
			[]string{"_default/baseof.html", `{{define "roles"}}{{range .}}{{.Role}}{{end}}{{end}}`}},
		{"a partial that the page's own template of its name does not replace for partialCached", "events/single.html",
			`{{define "partials/roles.html"}}-{{end}}{{range .Event.Related}}{{partialCached "partials/roles.html" .Actors .Slug}}{{end}}`, false,
			[]string{"partials/roles.html", `{{range .}}{{.Role}}{{end}}`}},
		{"a partial that an empty template of its name does not replace", "events/single.html",
			`{{define "partials/roles.html"}}{{end}}{{range .Event.Related}}{{template "partials/roles.html" .Actors}}{{end}}`, false,
			[]string{"partials/roles.html", `{{range .}}{{.Role}}{{end}}`}},
		{"related events' actors piped into a partial that shows their roles", "events/single.html",
			`{{range .Event.Related}}{{.Actors | partialCached "partials/roles.html"}}{{end}}`, false,
			[]string{"partials/roles.html", `{{range .}}{{.Role}}{{end}}`}},
		{"related events' actors piped through a function into a partial that shows their roles", "events/single.html",
			`{{range .Event.Related}}{{.Actors | index | partialCached "partials/roles.html"}}{{end}}`, false,
			[]string{"partials/roles.html", `{{range .}}{{.Role}}{{end}}`}},
		{"the event's own actors' texts through a map piped into", "events/single.html",
			`{{range .Event.Actors}}{{with . | dict "t"}}{{.t.Body}}{{end}}{{end}}`, false, nil},
		{"two partials defining one template", "events/single.html",
			`{{range .Event.Related}}{{template "roles" .Actors}}{{end}}`, false,
			[]string{"partials/a-roles.html", `{{define "roles"}}-{{end}}`, "partials/b-roles.html", `{{define "roles"}}{{range .}}{{.Role}}{{end}}{{end}}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			changes := append([]string{tt.file, tt.add}, tt.more...)
			if tt.name == "a term's country in a line, through a partial" {
				changes = append(changes, "partials/pays.html", `{{.Country}}`)
			}
			x := localWith(t, templatesWith(t, changes...))
			if got := x.TermLocal(); got != tt.local {
				t.Errorf("TermLocal() = %v, want %v", got, tt.local)
			}
		})
	}
}
