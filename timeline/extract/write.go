package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/adrg/frontmatter"

	"frise/timeline/content"
	"frise/timeline/edtf"
)

// render writes an event as a content file, its checksum included.
func render(e *Event) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", strconv.Quote(e.Title))
	fmt.Fprintf(&b, "date: %s\n", strconv.Quote(e.Date.String()))
	fmt.Fprintf(&b, "summary: %s\n", strconv.Quote(e.Summary))
	for _, l := range []struct {
		key  string
		list []string
	}{{"actors", e.Actors}, {"places", e.Places}, {"topics", e.Topics}} {
		q := make([]string, len(l.list))
		for i, s := range l.list {
			q[i] = strconv.Quote(s)
		}
		fmt.Fprintf(&b, "%s: [%s]\n", l.key, strings.Join(q, ", "))
	}
	b.WriteString("sources:\n")
	for _, c := range e.Sources {
		fmt.Fprintf(&b, "  - source: %s\n    quote: %s\n", strconv.Quote(c.Source), strconv.Quote(c.Quote))
	}
	b.WriteString("status: extracted\n")
	b.WriteString("---\n")
	return withChecksum(b.String())
}

// checksumKey is the front-matter key that records what the extractor wrote.
const checksumKey = "checksum: "

// withChecksum inserts the checksum line before the closing delimiter.
func withChecksum(doc string) []byte {
	sum := checksum(doc)
	i := strings.LastIndex(doc, "---\n")
	return []byte(doc[:i] + checksumKey + sum + "\n" + doc[i:])
}

// checksum hashes a file without its checksum line: the first 16 hex
// digits of its SHA-256.
func checksum(doc string) string {
	h := sha256.Sum256([]byte(stripChecksum(doc)))
	return hex.EncodeToString(h[:8])
}

func stripChecksum(doc string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(doc, "\n") {
		if strings.HasPrefix(line, checksumKey) {
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

// existing is an event file already in content/events.
type existing struct {
	File     string // relative to content/, with forward slashes
	Name     string // the file name without .md
	Status   string
	Edited   bool // extracted, but changed since
	Date     edtf.Value
	Sources  []Citation
	Raw      []byte
	taken    bool
	Title    string
	NoSource bool
}

// frontMatter is what the extractor reads of an event file.
type frontMatter struct {
	Title    string `yaml:"title"`
	Date     any    `yaml:"date"`
	Status   string `yaml:"status"`
	Checksum string `yaml:"checksum"`
	Sources  []any  `yaml:"sources"`
}

// readExisting reads the event files of dir (content/events).
func readExisting(dir string) ([]*existing, error) {
	var out []*existing
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == dir {
				return filepath.SkipDir
			}
			return err
		}
		// Skip what the build skips: hidden folders and files, editors' backups and lock files.
		if p != dir && (strings.HasPrefix(d.Name(), ".") || strings.HasSuffix(d.Name(), "~")) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || filepath.Ext(p) != ".md" {
			return nil
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(filepath.Dir(dir), p)
		x := &existing{File: filepath.ToSlash(rel), Name: strings.TrimSuffix(d.Name(), ".md"), Raw: raw}
		var fm frontMatter
		if _, err := frontmatter.Parse(strings.NewReader(string(raw)), &fm); err != nil {
			// A file the extractor cannot read is a person's: leave it be.
			x.Status = "unreadable"
			out = append(out, x)
			return nil
		}
		x.Title = fm.Title
		x.Status = strings.TrimSpace(fm.Status)
		if x.Status == "" {
			x.Status = "reviewed"
		}
		if x.Status == "extracted" {
			x.Edited = fm.Checksum == "" || fm.Checksum != checksum(string(raw))
		}
		if fm.Date != nil {
			if v, _, err := content.ParseDate(fmt.Sprint(fm.Date)); err == nil {
				x.Date = v
			}
		}
		for _, s := range fm.Sources {
			m, ok := s.(map[any]any)
			if !ok {
				if ms, ok := s.(map[string]any); ok {
					m = map[any]any{}
					for k, v := range ms {
						m[k] = v
					}
				}
			}
			if m == nil {
				continue
			}
			id, _ := m["source"].(string)
			q, _ := m["quote"].(string)
			x.Sources = append(x.Sources, Citation{Source: strings.TrimSpace(id), Quote: q})
		}
		out = append(out, x)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out, err
}

// sameReport reports whether two quotes of one source are the same passage:
// one holds the other once white space is folded.
func sameReport(a, b string) bool {
	fa, fb := content.FoldSpace(a), content.FoldSpace(b)
	if fa == "" || fb == "" {
		return false
	}
	return strings.Contains(fa, fb) || strings.Contains(fb, fa)
}

// matchExisting finds the existing file that holds an event: the file of
// the event's own name, or one that cites the same passage of a source (one
// quote holds the other) with a date that agrees. A sentence may report two
// events, so the date must agree too. Files already claimed by an earlier
// event of this run are passed over.
func matchExisting(e *Event, name string, xs []*existing) *existing {
	for _, x := range xs {
		if x.Name == name && !x.claimed() {
			return x
		}
	}
	for _, x := range xs {
		if x.claimed() || (!x.Date.IsZero() && !compatible(x.Date, e.Date)) {
			continue
		}
		for _, c := range e.reports() {
			for _, xc := range x.Sources {
				if c.Source == xc.Source && sameReport(c.Quote, xc.Quote) {
					return x
				}
			}
		}
	}
	return nil
}

// claimed reports whether an earlier event of this run took the file for its
// own. A file a person owns is never claimed: every event it holds is
// reported against it.
func (x *existing) claimed() bool {
	return x.taken && x.Status == "extracted" && !x.Edited
}

// errChanged is the error of a write that found the file changed on disk
// since the run read it: a person's edit, or another run's file.
var errChanged = errors.New("the file changed on disk during the run; it was left as it is: run extract again")

// writeAtomic writes data to path through a temporary file and a rename,
// so a reader sees the old file or the new one. was is what the run read
// at path, or nil for a new file: if the file on disk is no longer that
// (an editor saved it meanwhile, or it appeared), nothing is written.
func writeAtomic(path string, data, was []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".extract-*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	if was == nil {
		// A hard link fails if the name is taken, where a rename would replace it.
		if err := os.Link(tmp, path); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return errChanged
			}
			return err
		}
		return nil
	}
	if now, err := os.ReadFile(path); err != nil || !bytes.Equal(now, was) {
		return errChanged
	}
	return os.Rename(tmp, path)
}

// stopwords are left out of file names.
var stopwords = map[string]bool{"le": true, "la": true, "les": true, "l": true, "de": true, "des": true,
	"du": true, "d": true, "et": true, "a": true, "au": true, "aux": true, "en": true, "un": true,
	"une": true, "pour": true, "par": true, "sur": true, "avec": true, "son": true, "sa": true,
	"ses": true, "qui": true, "que": true, "s": true, "se": true, "ont": true, "a-t-il": true,
	"est": true, "sont": true, "il": true, "elle": true, "y": true, "ce": true, "cette": true, "dans": true}

// slugWords is how many words of the title a file name keeps.
const slugWords = 6

// fileName makes an event's file name (without .md): its date, YYYY or
// YYYY-MM, then the first significant words of its title.
func fileName(e *Event) string {
	d := e.Date.Start
	if e.Date.Interval && e.Date.StartKind != edtf.Known {
		d = e.Date.End
	}
	prefix := fmt.Sprintf("%04d", d.Year)
	if d.Month >= 1 && d.Month <= 12 && !d.UnspecifiedMonth && !e.Date.Interval {
		prefix += fmt.Sprintf("-%02d", d.Month)
	}
	var words []string
	for _, w := range strings.Split(content.Slugify(e.Title), "-") {
		if w == "" || stopwords[w] {
			continue
		}
		words = append(words, w)
		if len(words) == slugWords {
			break
		}
	}
	if len(words) == 0 {
		words = []string{"evenement"}
	}
	return prefix + "-" + strings.Join(words, "-")
}
