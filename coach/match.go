package coach

import (
	"fmt"
	"strings"
)

// ResolveName finds who a typed name means, the way a manager types on the
// command line ("sian" for "Siân Ŵyn"): first a whole-name match ignoring
// case and accents; failing that, the one person whose name, or any word of
// it, starts with what was typed. It returns found=false when no one
// matches (a new person), and an error naming the candidates when the name
// could mean more than one, so that nobody is ever added by mistake.
func ResolveName(people []Person, typed string) (p Person, found bool, err error) {
	clean, err := CleanName(typed)
	if err != nil {
		return Person{}, false, err
	}
	q := Fold(clean)
	for _, p := range people {
		if Fold(p.Name) == q {
			return p, true, nil
		}
	}
	var hits []Person
	for _, p := range people {
		name := Fold(p.Name)
		match := strings.HasPrefix(name, q)
		for _, w := range strings.Fields(name) {
			match = match || strings.HasPrefix(w, q)
		}
		if match {
			hits = append(hits, p)
		}
	}
	switch len(hits) {
	case 0:
		return Person{}, false, nil
	case 1:
		return hits[0], true, nil
	}
	names := make([]string, len(hits))
	for i, h := range hits {
		names[i] = h.Name
	}
	return Person{}, false, fmt.Errorf("%q could be %s: give more of the name", clean, strings.Join(names, " or "))
}
