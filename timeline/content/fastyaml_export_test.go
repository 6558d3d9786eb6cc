package content

import (
	"fmt"
	"reflect"

	"gopkg.in/yaml.v2"
)

// FastYAMLAgrees decodes src, the text of a YAML front matter, with
// fastYAML and, when it accepts, checks that yaml.v2 decodes the same text
// to the same value without an error.
func FastYAMLAgrees(src string) (accepted bool, err error) {
	got, ok := fastYAML(src)
	if !ok {
		return false, nil
	}
	want := map[string]any{}
	if err := yaml.Unmarshal([]byte(src), &want); err != nil {
		return true, fmt.Errorf("fast path accepts %q, the library refuses it: %v", src, err)
	}
	if !reflect.DeepEqual(got, want) {
		return true, fmt.Errorf("fast path reads %q as\n%#v\nthe library as\n%#v", src, got, want)
	}
	return true, nil
}

// SplitAgrees splits a whole file with and without the fast path and checks
// that both give the same document or the same problem. accepted tells
// whether the fast path decoded the front matter.
func SplitAgrees(file, text string) (accepted bool, err error) {
	_, accepted = splitFast(file, text)
	fd, fp := splitDocWith(file, text, true)
	if !accepted {
		return false, nil // both ways went through the library
	}
	sd, sp := splitDocWith(file, text, false)
	if !reflect.DeepEqual(fp, sp) {
		return accepted, fmt.Errorf("%s: fast path reports %v, the library %v", file, fp, sp)
	}
	if !reflect.DeepEqual(fd, sd) {
		return accepted, fmt.Errorf("%s: fast path splits\n%#v\nthe library\n%#v", file, fd, sd)
	}
	return accepted, nil
}

// FastYAMLTable returns the front matters of the table test, for seeding
// the fuzzer.
func FastYAMLTable() []string {
	out := make([]string, 0, len(fastYAMLCases))
	for _, c := range fastYAMLCases {
		out = append(out, c.src)
	}
	return out
}

// SplitFile splits a file as the loader does, with or without the fast
// path, and reports whether it held a problem.
func SplitFile(file, text string, fast bool) bool {
	_, p := splitDocWith(file, text, fast)
	return p != nil
}
