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
//	le 3 janvier 2019, 07/03/2024, 7.3.2024    2019-01-03 (numbers are read day first)
//	le 1er mars, jeudi 7 mars                  the reference's year: 2024-03-01
//	jeudi 7 mars, when 7 March of the           the nearest year where it is a Thursday,
//	reference's year is not a Thursday           uncertain: 2024-03-07?
//	mars 2024, en novembre 2015                 2015-11
//	en mars                                     the reference's year: 2024-03
//	en 2015, l'an 2000, l'année 2019            2015
//	les années 1990, années 90                  199X
//	le XXe siècle                               19XX
//	en 2021-2022, entre 2015 et 2018            2021/2022, 2015/2018
//	de janvier à mars 2025, janvier-février     2025-01/2025-03 (the first end takes the
//	2025, du 13 au 18 juillet                     year and month the second gives)
//	en 2015 et 2018, les 3 et 4 mars            one match per value
//	à l'été 2024, au printemps 2019             2024-22, 2019-21 (EDTF seasons)
//	l'été dernier, cet hiver, l'été prochain    the last season over, the current one
//	                                              or the one of the year, the next one
//	début / mi- / fin 2024                      thirds of the year: 2024-01/2024-04,
//	                                              2024-05/2024-08, 2024-09/2024-12
//	début / mi- / fin mars                      thirds of the month: 2024-03-01/2024-03-10,
//	                                              -11/-20, -21/-31
//	début / fin de l'été                        the season's first or last month: 2024-06
//	début / milieu / fin des années 1990        1990/1993, 1994/1996, 1997/1999
//	courant 2022, au cours de 2019              the period itself: 2022
//	au premier trimestre 2023, T1 2023          2023-01/2023-03
//	au second semestre                          the reference's year: 2024-07/2024-12
//	hier, aujourd'hui, demain, avant-hier       a day
//	mardi                                       the last Tuesday up to the reference (news
//	                                              tells the past), not certain
//	mardi dernier, jeudi prochain, ce mardi     strictly before, strictly after, the same week
//	la semaine dernière, ce week-end            an interval of days, Monday to Sunday
//	le mois prochain, l'an dernier              2024-11, 2023
//	octobre dernier, le 3 octobre dernier       the last one strictly before the reference
//	il y a trois ans, dans deux mois,           the reference moved, at the unit's
//	il y a 2 semaines                             precision: 2021, 2024-12, 2024-09-20
//	il y a près de deux ans                     approximate: 2022~
//	ces derniers mois, ces dernières années     an interval ending at the reference, its
//	                                              start unknown: /2024-10
//	dans les prochaines semaines                starting at the reference: 2024-10-04/
//	les trois derniers mois                     2024-07/2024-10
//	depuis 2015, à partir du 1er janvier        open intervals: 2015/.., 2025-01-01/..
//	depuis le début de l'année                  2024-01/..
//	jusqu'en 2030, d'ici 2030                   2030 at the latest: ../2030
//	vers 2018, aux alentours de 2010,           approximate: 2018~
//	en 1930 environ
//
// Thirds are used for "début", "mi-" and "fin" because they split any
// period the same way, cover it without gaps, and turn the French
// "décade" (ten days) into a rule; an interval says more than an
// approximate date (2024-01~) about where the period ends.
//
// A reference known only to the month or the year gives readings at that
// precision: with a reference of 2024-10, "mardi" and "hier" are 2024-10,
// not an invented day, and not certain. A zero reference means the date of
// the text is unknown: relative expressions are then skipped. A reference
// that is itself uncertain (an inferred publication date) makes every
// reading that rests on it uncertain.
//
// Expressions that need another event as their anchor ("le lendemain",
// "la veille", "la semaine suivante", "cette année-là") are left out, as
// are times of day. Numbers that are not dates are refused: quantities
// ("2 000 migrants", "1200 éloignements", "40 %"), codes and references
// ("n° 2021-1109", "la loi 02-03", "A320", "G20", "Covid-19"), hours
// ("15h30"), phone numbers and identifiers.
package frdate
