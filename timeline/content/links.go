package content

import (
	"io/fs"
	"path"
	"strings"
)

// maxLinks is how many links a path may go through before it is taken for a loop.
const maxLinks = 40

// linkOutside follows the links on the way to name as the system would,
// and returns the first one whose target leaves the tree, written
// "link -> target", or "" when the path stays inside. A link whose own
// target looks inside can still lead out through a linked folder or
// another link on the way. loop is true when the links go round in circles.
// For a path that stays inside, resolved is where it leads once every link
// on the way is followed.
func linkOutside(fsys fs.ReadLinkFS, name string) (via string, loop bool, resolved string) {
	todo := strings.Split(name, "/")
	var done []string
	hops := 0
	for len(todo) > 0 {
		c := todo[0]
		todo = todo[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if len(done) == 0 {
				return name + " -> ..", false, ""
			}
			done = done[:len(done)-1]
			continue
		}
		p := path.Join(append(done, c)...)
		fi, err := fsys.Lstat(p)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			// A missing file is for the read to report.
			done = append(done, c)
			continue
		}
		target, err := fsys.ReadLink(p)
		if hops++; hops > maxLinks {
			return p + " -> " + target, true, ""
		}
		if err != nil || path.IsAbs(target) || strings.HasPrefix(target, `\`) || (len(target) > 1 && target[1] == ':') {
			return p + " -> " + target, false, ""
		}
		// The target replaces the link, relative to the link's folder.
		next := path.Join(path.Join(done...), target)
		if next == ".." || strings.HasPrefix(next, "../") {
			return p + " -> " + target, false, ""
		}
		todo = append(strings.Split(next, "/"), todo...)
		done = done[:0]
	}
	return "", false, path.Join(done...)
}
