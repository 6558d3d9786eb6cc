package extract

import (
	"frise/timeline/edtf"
	"frise/timeline/frdate"
)

// dateMatch is a temporal expression found in a text.
type dateMatch = frdate.Match

// findDates finds the dates of text, reading relative ones against ref.
func findDates(text string, ref edtf.Value) []dateMatch {
	return frdate.Find(text, ref)
}
