package extract

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v2"

	"frise/timeline/content"
)

// lexicon is what the extractor recognises in a sentence: the actors and
// places of content/actors and content/places, and the topics of
// content/topics.yaml.
type lexicon struct {
	actors, places, topics []*entry
	// The names of actors, places and topics, by first word.
	words    map[string]*wordRefs
	openings pairFilter // of the keys of words
}

// entry is one actor, place or topic and the names that signal it.
type entry struct {
	title string
	names []name
}

// name is one way an article writes an entry.
type name struct {
	folded string // content.Fold of the name
	exact  string // for an acronym ("UE", "OQTF"): matched as written
	// desc marks a description ("ministre français de l'Intérieur",
	// "homologue marocain"): an alias that starts with a lower-case letter.
	// It names an actor only once the actor's own name has appeared earlier
	// in the same article.
	desc bool
}

func newEntry(title string, aliases []string) *entry {
	e := &entry{title: title}
	for _, n := range append([]string{title}, aliases...) {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		nm := name{folded: fold(n)}
		if isAcronym(n) {
			nm.exact = n
		}
		r, _ := utf8.DecodeRuneInString(n)
		nm.desc = unicode.IsLower(r)
		e.names = append(e.names, nm)
	}
	return e
}

func isAcronym(s string) bool {
	if utf8.RuneCountInString(s) > 5 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// topicFile is content/topics.yaml: a list of topics and their signal words.
type topicFile []struct {
	Topic string   `yaml:"topic"`
	Words []string `yaml:"words"`
}

// loadLexicon reads actors/, places/ and topics.yaml from a content tree.
// Missing files leave the lexicon smaller; broken ones are errors.
func loadLexicon(contentDir string) (*lexicon, error) {
	fsys := os.DirFS(contentDir)
	lx := &lexicon{}
	for _, kind := range []string{"actors", "places"} {
		if _, err := fs.Stat(fsys, kind); err != nil {
			continue
		}
		terms, probs := content.LoadTerms(fsys, kind)
		if len(probs) > 0 {
			p := probs[0]
			return nil, fmt.Errorf("%s:%d: %s", filepath.Join(contentDir, p.File), p.Line, p.Msg)
		}
		for _, t := range terms {
			e := newEntry(t.Title, t.Aliases)
			if kind == "actors" {
				lx.actors = append(lx.actors, e)
			} else {
				lx.places = append(lx.places, e)
			}
		}
	}
	defer lx.index()
	path := filepath.Join(contentDir, "topics.yaml")
	b, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	if err == nil {
		var tf topicFile
		if err := yaml.Unmarshal(b, &tf); err != nil {
			return nil, fmt.Errorf("%s: %v\nhint: write each topic as - topic: visas followed by words: [visa, visas]", path, err)
		}
		for _, t := range tf {
			e := newEntry(t.Topic, nil)
			e.names = e.names[:0]
			for _, w := range t.Words {
				nm := newEntry(w, nil).names
				if len(nm) == 1 {
					nm[0].desc = false
					e.names = append(e.names, nm[0])
				}
			}
			lx.topics = append(lx.topics, e)
		}
	}
	return lx, nil
}

// index maps the first word of every name of a list of entries to the
// names it starts, so that a sentence is read once, word by word.
type index map[string][]nameRef

type nameRef struct {
	e *entry
	n name
}

func newIndex(es []*entry) index {
	idx := index{}
	for _, e := range es {
		for _, n := range e.names {
			w := n.folded
			if i := strings.IndexFunc(w, func(r rune) bool { return !isWordRune(r) }); i > 0 {
				w = w[:i]
			}
			idx[w] = append(idx[w], nameRef{e, n})
		}
	}
	return idx
}

// wordRefs are the names of actors, places and topics one word starts.
type wordRefs struct {
	actors, places, topics []nameRef
}

// mentions finds, in a sentence (raw and folded), the actors, places and
// topics it names, reading it once. seenActors holds the actors named
// earlier in the article; their descriptions count, and those of no place
// or topic do. Each list follows the order of first mention.
func (lx *lexicon) mentions(raw, folded string, seenActors map[*entry]bool) (actors, places, topics []*entry) {
	for i := 0; i < len(folded); {
		c := folded[i]
		if c < utf8.RuneSelf && !isWordByte(c) {
			i++
			continue
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(folded[i:])
		}
		if !isWordRune(r) {
			i += n
			continue
		}
		j := wordEnd(folded, i)
		if w := folded[i:j]; !lx.openings.may(w) {
			// No name starts with this word.
		} else if refs := lx.words[w]; refs != nil {
			actors = matchNames(actors, refs.actors, raw, folded, i, seenActors)
			places = matchNames(places, refs.places, raw, folded, i, nil)
			topics = matchNames(topics, refs.topics, raw, folded, i, nil)
		}
		i = j
	}
	return actors, places, topics
}

// wordEnd is the end of the word that starts at folded[i].
func wordEnd(folded string, i int) int {
	for i < len(folded) {
		c := folded[i]
		if c < utf8.RuneSelf {
			if !isWordByte(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(folded[i:])
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return i
}

// matchNames appends to out the entries of refs whose name the folded
// sentence writes at i (an acronym: the raw sentence anywhere, as a word).
// seen holds the entries whose descriptions count.
func matchNames(out []*entry, refs []nameRef, raw, folded string, i int, seen map[*entry]bool) []*entry {
next:
	for _, ref := range refs {
		for _, x := range out {
			if x == ref.e {
				continue next
			}
		}
		if ref.n.desc && !seen[ref.e] {
			continue
		}
		if ref.n.exact != "" {
			if wordIndex(raw, ref.n.exact) < 0 {
				continue
			}
		} else {
			k := i + len(ref.n.folded)
			if !strings.HasPrefix(folded[i:], ref.n.folded) {
				continue
			}
			if after, _ := utf8.DecodeRuneInString(folded[k:]); k < len(folded) && isWordRune(after) {
				continue
			}
		}
		out = append(out, ref.e)
	}
	return out
}

// wordIndex is the position of the first occurrence of w in s that is a
// whole word (or words), or -1.
func wordIndex(s, w string) int {
	if w == "" {
		return -1
	}
	off := 0
	for {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		j := i + len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		if (i == 0 || !isWordRune(before)) && (j == len(s) || !isWordRune(after)) {
			return i
		}
		off = i + 1
	}
}

// isWordByte is isWordRune for an ASCII byte.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func titles(es []*entry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.title
	}
	return out
}

func (lx *lexicon) index() {
	lx.words = map[string]*wordRefs{}
	refs := func(w string) *wordRefs {
		r := lx.words[w]
		if r == nil {
			r = &wordRefs{}
			lx.words[w] = r
		}
		return r
	}
	for w, rs := range newIndex(lx.actors) {
		refs(w).actors = rs
	}
	for w, rs := range newIndex(lx.places) {
		refs(w).places = rs
	}
	for w, rs := range newIndex(lx.topics) {
		refs(w).topics = rs
	}
	lx.openings = pairFilter{}
	for w := range lx.words {
		lx.openings.add(w)
	}
}
