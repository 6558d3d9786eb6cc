package article

import "regexp"

// byline finds who published an article in the lines copied with its
// text: "Par Quid avec MAP et AFP", "Publié dans L'opinion le 04 - 10 - 2024".
var byline = regexp.MustCompile(`(?m)^(?:Par|Publié dans) (\p{Lu}[\p{L}\p{N}'’.&-]*(?: \p{Lu}[\p{L}\p{N}'’.&-]*){0,3})(?: (?:avec|et|le|du) |\s*$)`)

// Publisher returns the publisher a text names in a byline near its top
// (after a site's menus at most), or "".
func Publisher(text string) string {
	if len(text) > 16000 {
		text = text[:16000]
	}
	if m := byline.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	return ""
}
