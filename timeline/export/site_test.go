package export

import (
	"fmt"
	"slices"

	"frise/timeline/content"
	"frise/timeline/edtf"
)

// testSite is a small site drawn from the seed articles: the five events
// Frise shows first, and a few more that use the other forms of dates.
func testSite() *content.Site {
	s := &content.Site{
		Title:       "Frise : France – Maroc, migrations",
		Description: "Une chronologie sourcée de la coopération migratoire entre la France, le Maroc et l'Union européenne.",
		Language:    "fr",
	}
	src := func(id, title, publisher, url string, pub edtf.Value) *content.Source {
		x := &content.Source{ID: id, File: "sources/" + id + ".txt", Title: title, Publisher: publisher, URL: url, Language: "fr", Published: pub}
		s.Sources = append(s.Sources, x)
		return x
	}
	valette := src("000_a5a4beaffec547ff", "Le partenariat UE-Maroc face aux migrations", "", "", edtf.Value{})
	quid := src("001_125d3cfc387d7d3e", "Rabat-Paris : vers un nouveau cadre sécuritaire et migratoire renforcé", "Quid",
		"https://www.quid.ma/politique/rabat-paris-vers-un-nouveau-cadre", edtf.Single(edtf.Day(2025, 4, 14)))
	visite := src("002_d69a226663c120b3", "Retailleau de nouveau attendu à Rabat", "", "", edtf.Single(edtf.Month(2025, 5)))
	laftit := src("003_52a7616ffb998fd5", "Laftit et Retailleau à Rabat", "MAP", "https://www.mapexpress.ma/actualite/laftit-retailleau", edtf.Single(edtf.Month(2024, 10)))
	imam := src("004_7c9aa38188346b54", "Maroc-France : la coopération migratoire", "Le360", "", edtf.Value{})

	term := func(list *[]*content.Term, kind, slug, title string) *content.Term {
		t := &content.Term{Kind: kind, Slug: slug, Title: title}
		*list = append(*list, t)
		return t
	}
	ue := term(&s.Actors, "actors", "union-europeenne", "Union européenne")
	macron := term(&s.Actors, "actors", "emmanuel-macron", "Emmanuel Macron")
	retailleau := term(&s.Actors, "actors", "bruno-retailleau", "Bruno Retailleau")
	laftitA := term(&s.Actors, "actors", "abdelouafi-laftit", "Abdelouafi Laftit")
	iquioussen := term(&s.Actors, "actors", "hassan-iquioussen", "Hassan Iquioussen")
	laValette := term(&s.Places, "places", "la-valette", "La Valette")
	rabat := term(&s.Places, "places", "rabat", "Rabat")
	migration := term(&s.Topics, "topics", "migration-irreguliere", "migration irrégulière")
	visas := term(&s.Topics, "topics", "visas", "visas")
	retour := term(&s.Topics, "topics", "retour", "retour")
	diplomatie := term(&s.Topics, "topics", "diplomatie", "diplomatie")

	ev := func(slug, date string, title, summary string, actors, places, topics []*content.Term, cites ...content.Citation) {
		v, err := edtf.Parse(date)
		if err != nil {
			panic(fmt.Sprintf("%s: %v", slug, err))
		}
		e := &content.Event{Slug: slug, File: "events/" + slug + ".md", Title: title, Date: v, DateText: date,
			Summary: summary, Actors: actors, Places: places, Topics: topics, Sources: cites, Status: "reviewed"}
		s.Events = append(s.Events, e)
		for _, t := range append(append(append([]*content.Term{}, actors...), places...), topics...) {
			t.Events = append(t.Events, e)
		}
		for _, c := range cites {
			c.Source.Citations = append(c.Source.Citations, e)
		}
	}
	list := func(ts ...*content.Term) []*content.Term { return ts }

	ev("201x-processus-de-rabat", "201X", "Le processus de Rabat structure le dialogue euro-africain",
		"", list(ue), list(rabat), list(migration))
	ev("2015-11-sommet-de-la-valette", "2015-11", "Sommet de La Valette sur la migration",
		"Les dirigeants européens et africains adoptent une déclaration et un plan d'action.",
		list(ue), list(laValette), list(migration, retour),
		content.Citation{Source: valette, Quote: "En novembre 2015, les chefs d'Etat et de gouvernement africains et européens ont exploré"})
	ev("2021-2022-visas-divises-par-deux", "2021/2022", "La France divise par deux les visas accordés aux Marocains",
		"Pour pousser le royaume à reprendre ses ressortissants expulsés.", nil, nil, list(visas, retour),
		content.Citation{Source: quid, Quote: "la France avait divisé par deux le nombre de visas accordés aux Marocains en 2021-2022"})
	ev("2022-03-07-reunion-incertaine", "2022-03-07?", "Réunion du comité mixte sur la réadmission",
		"Une date que les articles ne confirment pas.", nil, list(rabat), list(retour))
	ev("2023-01-expulsion-iquioussen", "2023-01", "L'imam Hassan Iquioussen expulsé vers le Maroc",
		"", list(iquioussen), nil, list(retour),
		content.Citation{Source: imam, Quote: "Iquioussen qui a fini par être rapatrié, en janvier 2023, à la mère patrie"})
	ev("2024-22-ete-des-traversees", "2024-22", "Un été de traversées vers les Canaries", "", nil, nil, list(migration))
	ev("2024-10-28-visite-d-etat-de-macron", "2024-10-28/2024-10-30", "Visite d'État d'Emmanuel Macron au Maroc",
		"Au second jour, le président français s'adresse au Parlement marocain.",
		list(macron, retailleau, laftitA), list(rabat), list(diplomatie, migration),
		content.Citation{Source: visite, Quote: "Au second jour de sa visite d'Etat, Emmanuel Macron a livré un discours devant le Parlement marocain à Rabat"},
		content.Citation{Source: laftit, Quote: "Le ministre de l’Intérieur, Abdelouafi Laftit, a souligné, mardi à Rabat"})
	ev("2024-10-cooperation-relancee", "2024-10/..", "La coopération migratoire relancée",
		"Depuis la visite d'État, les réadmissions reprennent.", list(retailleau, laftitA), nil, list(retour),
		content.Citation{Source: visite, Quote: "la coopération en matière migratoire est beaucoup plus active"})
	ev("2025-04-retailleau-a-rabat", "2025-04-14~", "Bruno Retailleau en visite à Rabat",
		"Le ministre de l'Intérieur rencontre son homologue Abdelouafi Laftit.",
		list(retailleau, laftitA), list(rabat), list(retour, diplomatie),
		content.Citation{Source: quid, Quote: "En visite éclair à Rabat, le ministre français de l’Intérieur Bruno Retailleau a rencontré son homologue marocain Abdelouafi Laftit"})
	slices.SortStableFunc(s.Events, func(a, b *content.Event) int { return edtf.Compare(a.Date, b.Date) })
	return s
}

// Hostile strings, each aimed at one format or another.
const (
	hostileScript = `<script>alert("x")</script>`
	hostileAttr   = `"><img src=x onerror=alert(1)>`
	hostileURL    = "javascript:alert(document.cookie)"
	hostileTmpl   = "{{ template \"base\" . }}{{.Secret}}"
	hostileRTL    = "facture\u202Egnp.exe\u2066 cachée\u2069"
	hostileZW     = "Ra\u200Bbat\u2060\uFEFF"
	hostileCSV    = "=cmd|' /C calc'!A0"
	hostileCtl    = "ligne\r\nsuivante\x00\x1b[31m;virgule,antislash\\"
)

// hostileSite is a site whose every text tries to break out of its format.
func hostileSite() *content.Site {
	src := &content.Source{ID: "hostile", Title: hostileAttr + hostileRTL, URL: hostileURL, Published: edtf.Single(edtf.Day(2024, 1, 2))}
	good := &content.Source{ID: "bonne", Title: "=SOMME(A1:A9)", URL: "https://example.org/a?b=1&c=<2>"}
	actor := &content.Term{Kind: "actors", Slug: "acteur", Title: "@" + hostileScript}
	topic := &content.Term{Kind: "topics", Slug: "sujet", Title: "+" + hostileAttr + "," + hostileZW}
	e := &content.Event{
		Slug:    "2024-01-01-hostile",
		Title:   hostileCSV + " " + hostileScript,
		Date:    edtf.Single(edtf.Day(2024, 1, 1)),
		Summary: "-" + hostileCtl + " " + hostileTmpl + " " + hostileRTL + " " + hostileZW + " \u2028fin",
		Actors:  []*content.Term{actor},
		Topics:  []*content.Term{topic},
		Sources: []content.Citation{{Source: src, Quote: hostileScript + hostileTmpl}, {Source: good, Quote: "\t=1+1"}},
		Status:  "reviewed",
	}
	return &content.Site{
		Title:       hostileScript + hostileRTL,
		Description: hostileAttr + hostileTmpl,
		Language:    `fr"><x`,
		Events:      []*content.Event{e},
		Sources:     []*content.Source{good, src},
		Actors:      []*content.Term{actor},
		Topics:      []*content.Term{topic},
	}
}
