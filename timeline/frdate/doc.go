// Package frdate finds temporal expressions of day precision or coarser in
// French news text and normalises them to EDTF (package edtf), relative to
// a reference date: the article's publication date.
//
// # How it reads
//
// The text is cut into tokens (words, numbers, punctuation) once; words are
// folded to lower case without accents, typographic apostrophes and dashes
// become ' and -, and every Unicode space (U+00A0, U+202F…) is a space. A
// hand-written grammar then runs only where a token can carry a date (a
// number, a month, a weekday, a unit, "hier"…) or a few words before one,
// so time is linear in the input. An expression does not cross a line break.
//
// # The values
//
//	le 3 janvier 2019, 07/03/2024, 7.3.2024,   2019-01-03 (numbers are read day first)
//	03 01 2019, le 3 janvier deux mille dix-neuf
//	12/08,2015, 12/08,15                        the year after a comma
//	28-nov., 1-Jan, oct-2, oct/2                an abbreviated month glued to its day: a
//	                                              date written short, unlike "le 11-Septembre"
//	3-1-19 after le or a weekday, 03-01-19,     a year in two digits after hyphens: in
//	3-1-09                                        two-digit groups, after le or a weekday,
//	                                              or written with its zero
//	le 17 02, 31 10                             a day and month set apart by a space, after
//	                                              "le" or both in two digits, or alone on
//	                                              their line ("17 2")
//	le 1er mars, 31/10, le 15/06               the reference's year: 2024-03-01; but a day
//	                                              more than six months before the reference
//	                                              is the coming one ("le 8 février" read in
//	                                              August), unless the sentence tells the past
//	le 16, du 13 au 18, le 17 pour trois jours  a day alone, after le, du or au: that day of
//	                                              the reference's month, or of the next one
//	                                              when the reference is past it ("le 2" read
//	                                              on the 12th), unless the sentence tells the
//	                                              past; not certain
//	jeudi 15                                    the first month from the reference's on
//	                                              whose 15th is a Thursday; the last one
//	                                              back in a sentence about the past
//	jeudi 7 mars, read in October 2024          the year read without the weekday, or
//	                                              the reference's own when the weekday fits
//	                                              it there: 2024-03-07; when it fits neither,
//	                                              a sentence about the past goes back to the
//	                                              last year where it fits, uncertain
//	                                              ("le mardi 3 mars, il a voté": 2020-03-03?),
//	                                              any other takes the weekday for a slip
//	                                              ("il viendra le mercredi 14 janvier":
//	                                              2025-01-14); the weekdays of a range, "du
//	                                              samedi 13 au dimanche 15 juillet", do not
//	                                              move its year
//	Oct. 2, fév 12, 2014                        the English order, only with an abbreviated
//	                                              month and its full stop, or a comma and a
//	                                              year: 2024-10-02, 2014-02-12
//	mars 2024, en novembre 2015, 11-2016,       2015-11 ("novembre, 2015" only ending
//	                                              the clause)
//	2016/11, 2015.3, novembre de 2016, juillet 98,
//	11/ 2015
//	en novembre de l'année dernière             2023-11
//	en mars                                     the reference's year: 2024-03
//	en 2015, l'an 2000, l'année 2019,           2015
//	en deux mille quinze
//	l'an 800, l'année deux cent soixante-sept   0800, 0267
//	le budget 2024, les JO 2024                 2024: a year after a yearly noun or an acronym
//	les années 1990, années 90, en 90s,         199X
//	dans les 1990s, les 90's
//	les années 1990-2000                        1990/2009
//	le XXe siècle                               19XX
//	en 2021-2022, entre 2015 et 2018            2021/2022, 2015/2018
//	de janvier à mars 2025, janvier-février     2025-01/2025-03 (the first end takes the
//	2025, du 13 au 18 juillet, 13 au 15           year and month the second gives; with
//	juillet, 14 - 20 sept. 2014                   no year at all, the year the second is
//	                                              read in, so that a tense cannot split
//	                                              them)
//	novembre 19-20, novembre 19 au 20,          the agenda's order, the month first, when
//	nov. 19-20, 2016, oct. 2 au novembre 22,      the range of days ends the clause
//	novembre 15 jusqu'au 19
//	28/2-1/3, du 20/12 au 5/1,                  days and months in digits joined in a
//	10/1-11/2/2017, du 01/05 au 07/05, 2020       range, the year after the second end or
//	                                              after a comma; "1/2-1/3", in single
//	                                              digits without a year, may be fractions
//	du 4 au 22 ce mois-ci, 4-23 le mois,        the days in the month named after them:
//	prochain, du 19 au 20 du mois de novembre,    2024-11-04/2024-11-23; "du 4 au 22" alone
//	de 4 à 22 ce mois                             is in the month of its second day; "à"
//	                                              joins days only before their month
//	la semaine prochaine entre mercredi et      those days of that week
//	vendredi, cette semaine du mardi au jeudi
//	en 2015 et 2018, les 3 et 10 mars           one match per value
//	les 24 et 25 mai                            two days in a row: one period,
//	                                              2024-05-24/2024-05-25
//	à l'été 2024, au printemps 2019             2024-22, 2019-21 (EDTF seasons)
//	l'été dernier, cet hiver, l'été prochain    the last season over, the current one
//	                                              or the one of the year, the next one
//	à l'automne, au printemps                   the one of the year; in a sentence
//	                                              about the past, the last one begun by
//	                                              the reference, about the future, the one
//	                                              under way or the next: 2025-21
//	Noël, la Toussaint, le nouvel an, le jour   a day and month, read as "le 25 décembre",
//	de l'an, la fête du travail, la               but the coming one when the sentence
//	Saint-Sylvestre, l'Assomption, la veille      shows no tense (Duckling's reading)
//	ou le réveillon de Noël
//	Pâques, le lundi de Pâques, l'Ascension,    the feasts whose day moves: counted from
//	la Pentecôte, Thanksgiving, la fête des       Easter Sunday, the fourth Thursday of
//	pères                                         November, the third Sunday of June; the
//	                                              coming one without a tense, as above;
//	                                              not "les œufs de Pâques", "les vacances
//	                                              de Pâques"
//	début / mi- / fin 2024                      its first two months, June and July, its
//	                                              last two months: 2024-01/2024-02,
//	                                              2024-06/2024-07, 2024-11/2024-12
//	début / mi- / fin mars                      2024-03-01/2024-03-05, -10/-19, -21/-31
//	au début / à la fin du mois                 2024-10-01/2024-10-10 (the next month's
//	                                              when the reference is past the 10th and
//	                                              the sentence does not tell the past),
//	                                              2024-10-21/2024-10-31
//	en début / milieu / fin de semaine          Monday–Tuesday, Wednesday–Thursday,
//	                                              Thursday–Sunday of the week
//	début / fin de l'été                        the season's first or last month: 2024-06
//	début / milieu / fin des années 1990        1990/1993, 1994/1996, 1997/1999
//	courant 2022, au cours de 2019              the period itself: 2022
//	dans le courant de l'année, dans la         the period under way: 2024, the week of
//	semaine, dans la journée                      the reference, its day
//	au premier trimestre 2023, T1 2023,         2023-01/2023-03
//	Q1 2023, 2023 Q1, le premier quart de 2023
//	H2 2016, 2016H2                             2016-07/2016-12
//	au second semestre                          the reference's year: 2024-07/2024-12,
//	                                              or the next one when the sentence tells
//	                                              of the future and that half is over, the
//	                                              last one when it tells of the past and
//	                                              that half has not begun
//	la troisième semaine de 2027, la première   the ISO week: the first is the one that
//	semaine de cette année                        holds the 4th of January
//	le dernier trimestre                        the last one over: 2024-07/2024-09 (but
//	                                              "le dernier trimestre 2023" is 2023-10/2023-12)
//	le 3e jour d'octobre, le dernier jour       a day: 2024-10-03, 2015-10-31
//	d'octobre 2015
//	la première semaine d'octobre 2014,         the whole weeks (Monday to Sunday) or
//	le dernier week-end de septembre              weekends inside the month
//	la première / seconde quinzaine d'avril     the 1st to the 14th, the 15th to the end
//	la semaine du 7 octobre                     Monday to Sunday around that day; the
//	                                              week of a Sunday is the one it opens
//	le week-end                                 the coming weekend, the last one in a
//	                                              sentence about the past; none in the
//	                                              present, a habit ("ouvert le week-end"),
//	                                              unless it stands alone, as a heading
//	le reste de la semaine, du mois, de         from the reference to the period's end
//	l'année
//	le mois à venir, le mois après le           2024-11, 2024-12
//	prochain
//	cette décennie, la décennie prochaine       202X, 203X
//	la semaine 45                               the ISO week of the reference's year
//	entre maintenant et le 15 novembre          "maintenant" is the reference's day, as an
//	                                              end of a range only
//	hier, aujourd'hui, demain, avant-hier       a day
//	mardi                                       not certain; the last Tuesday up to the
//	                                              reference when the nearest verb of the
//	                                              sentence is in a past tense ("a annoncé
//	                                              mardi", "s'est rendu", "était", "depuis
//	                                              mardi"), else the first Tuesday after it
//	                                              ("il repartira mardi", "mardi à 11h")
//	mardi dernier, jeudi prochain, ce mardi     strictly before, strictly after; "ce
//	                                              mardi" is the coming one, the reference's
//	                                              day included, or the last one in a
//	                                              sentence about the past
//	mardi de la semaine prochaine, mercredi     that day of the week named
//	cette semaine
//	lundi en huit, lundi en quinze              the coming Monday (today included), then
//	                                              one or two weeks more
//	la semaine dernière, ce week-end            an interval of days, Monday to Sunday
//	le mois prochain, l'an dernier              2024-11, 2023
//	octobre dernier, le 3 octobre dernier       the last one strictly before the reference
//	juin prochain, prochain juin, le prochain   the first one strictly after it
//	14 juillet
//	il y a trois jours, il y a 2 semaines,      the reference moved, at the reference's own
//	dans deux mois, il y a deux ans et trois      precision for days, weeks and months:
//	mois                                          2024-10-01, 2024-09-20, 2024-12-04
//	il y a trois ans, dans un an                at the year: 2021, 2025
//	il y a près de deux ans                     approximate: 2022~
//	ces derniers mois, ces dernières années     an interval ending at the reference, its
//	                                              start unknown: /2024-10
//	dans les prochaines semaines, dans          starting at the reference, its end
//	quelques mois                                 unknown, not certain: 2024-10-04/
//	les trois derniers mois, les 30 jours       the whole periods before or after the
//	précédents, les 2 prochaines semaines         reference's own: 2024-07/2024-09,
//	                                              2024-09-04/2024-10-03,
//	                                              2024-10-07/2024-10-20
//	dans les quinze jours, d'ici 2 semaines     from the reference to then:
//	                                              2024-10-04/2024-10-19
//	depuis 2015, à partir du 1er janvier,       open intervals: 2015/.., 2025-01-01/..
//	dès 2015, à compter du 1er mars, après
//	2015, après le 1er novembre
//	depuis le début de l'année                  2024-01/..
//	depuis deux ans, cela fait deux ans que     2022/..
//	jusqu'en 2030, d'ici 2030, avant 2015       that date at the latest: ../2030, ../2015
//	vers 2018, aux alentours de 2010,           approximate: 2018~
//	en 1930 environ
//
// "Après 2015" and "avant 2015" keep the year they name as the bound of
// the open interval (2015/.., ../2015), as "après le 1er novembre" keeps
// its day: Duckling reads both so, and the year is the one fact the text
// gives.
//
// "Début", "mi-" and "fin" of a named month are read as Duckling reads
// them, the reading most test suites of date parsers share: the first
// five days, the 10th to the 19th, the 21st to the end. "Au début du
// mois", without a name, is its first ten days. Decades are split in
// thirds. A year is different: "fin 2024" is read by French readers, and
// by Duckling, as November and December, and "début 2024" as January and
// February. An interval says more than an approximate date (2024-01~)
// about where the period ends.
//
// A month, or a day and month, without a year that the reference alone
// would put after it takes the last year the text wrote in full, when
// that year is not after the reference's: "Le tournant intervient en
// 2024. Le 26 février, la ministre se rend à Rabat", in an article of
// October 2024, is 2024-02-26, not the coming February.
//
// A weekday named alone tells nothing of its week but what the sentence
// tells: news reports the past ("mardi, le ministre a annoncé"), a plan
// or an agenda the future ("il repartira mardi"). The nearest verb form
// that shows a tense decides; without one the weekday is the coming one,
// as Duckling and most agendas read it. A day and month without a year
// follow the same idea: a sentence in the past never moves them to the
// coming year.
//
// Counts of days, weeks and months land on a day ("il y a trois mois" is
// 2024-07-04), as Duckling and Chrono read them; counts of years stay at
// the year ("il y a trois ans" is 2021): a day three years back is more
// than the text says.
//
// A reference known only to the month or the year gives readings at that
// precision: with a reference of 2024-10, "mardi" and "hier" are 2024-10,
// not an invented day, and not certain. A zero reference means the date of
// the text is unknown: relative expressions are then skipped. A reference
// that is itself uncertain (an inferred publication date) makes every
// reading that rests on it uncertain. A reference that is an open interval
// ("2024-22/..", which Published infers for a text whose latest date is
// the summer of 2024) says the text was written some time after that
// date: a month or a day and month without a year is then the first one
// after it ("octobre dernier" is 2024-10), a weekday only some day after
// it (2024-09/..), and the other relative readings rest on its year.
//
// An expression may run across a single line break inside a sentence, as
// in text wrapped by hand ("le 3\nmars 2024"); a blank line, or a line
// that ends a sentence, stops it.
//
// Expressions counted from another event ("la veille", "le lendemain",
// "le jour précédent", "la semaine suivante", "le mois suivant", "l'année
// précédente", "mardi suivant", "le mercredi d'après", "deux jours plus
// tard", "trois jours après" at the end of a clause) are read from the
// reference, as every test suite of date parsers reads them, but marked
// Anchored and not Certain: in news they mostly hang on an event the
// text has just told, and a reader of the timeline should skip them.
// When the event is named ("la veille du scrutin", "le lendemain de
// l'attentat", "trois jours après le vote"), or in "du jour au
// lendemain", there is no match, unless it is a date: "le lendemain du 13
// février" is the 14th, still marked Anchored. "Cette année-là" is left out, as are
// times of day; so is "ne date pas d'aujourd'hui", an idiom for "it is
// old". Numbers that are not dates are refused: quantities
// ("2 000 migrants", "1200 éloignements", "40 %"), codes and references
// ("n° 2021-1109", "la loi 02-03", "A320", "G20", "Covid-19", "le vol
// AF 1234", "la Peugeot 2008"), hours ("15h30"), phone numbers and
// identifiers. A year after an acronym is kept only when it could be a
// recent one ("les JO 2024", "la COP 2021"). A day and month joined by a
// hyphen ("le 11-Septembre", "la place du 8-Mai-1945") names an event or a
// street, not a date, and is left out too.
package frdate
