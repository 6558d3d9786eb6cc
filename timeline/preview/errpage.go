package preview

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"html/template"
	"net/http"
	"strings"

	"frise/timeline/content"
)

// errStyle is the error page's own style; the page allows it by its hash,
// so it needs neither the site's stylesheet nor inline styles in general.
const errStyle = `body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#222}` +
	`h1{font-size:1.4rem;color:#a00}li{margin:.6rem 0}code{font:.95em ui-monospace,monospace;white-space:pre-wrap;overflow-wrap:anywhere}` +
	`.hint{color:#555}`

var errPolicy = func() string {
	sum := sha256.Sum256([]byte(errStyle))
	return "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; base-uri 'none'; frame-ancestors 'none'"
}()

// The page reloads itself every two seconds, so it turns into the site as
// soon as a save fixes the content.
var errTmpl = template.Must(template.New("error").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="2">
<title>Frise: the build failed</title>
<style>{{.Style}}</style>
</head>
<body>
<h1>The build failed</h1>
<p>{{len .Items}} problem{{if gt (len .Items) 1}}s{{end}} to fix. The last good site stays in the output folder; this page reloads itself and shows the site again once the content builds.</p>
<ul>
{{range .Items}}<li><code>{{.Where}}{{.Msg}}</code>{{if .Hint}}<br><span class="hint">hint: {{.Hint}}</span>{{end}}</li>
{{end}}</ul>
</body>
</html>
`))

type errItem struct{ Where, Msg, Hint string }

// items lists what is wrong: each content problem with its place and hint,
// or the lines of any other error.
func items(err error) []errItem {
	var probs content.Problems
	if errors.As(err, &probs) {
		out := make([]errItem, 0, len(probs))
		for _, p := range probs {
			msg := p.Msg
			p.Msg = ""
			out = append(out, errItem{Where: p.String(), Msg: msg, Hint: p.Hint})
		}
		return out
	}
	var out []errItem
	for line := range strings.SplitSeq(err.Error(), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, errItem{Msg: line})
		}
	}
	return out
}

// problemText writes what is wrong as lines for a terminal.
func problemText(err error) string {
	var b strings.Builder
	for i, it := range items(err) {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("  " + it.Where + it.Msg)
		if it.Hint != "" {
			b.WriteString("\n  hint: " + it.Hint)
		}
	}
	return b.String()
}

// errorPage answers a page request while the content is broken.
func (s *server) errorPage(w http.ResponseWriter, r *http.Request, err error) {
	var buf bytes.Buffer
	if terr := errTmpl.Execute(&buf, struct {
		Style template.CSS
		Items []errItem
	}{template.CSS(errStyle), items(err)}); terr != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", errPolicy)
	w.WriteHeader(http.StatusInternalServerError)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}
