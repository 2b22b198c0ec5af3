package coach

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
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
	if p, found, err := exactName(people, clean); found || err != nil {
		return p, found, err
	}
	var hits []Person
	for _, p := range people {
		if FoldedNameMatches(Fold(p.Name), q) {
			hits = append(hits, p)
		}
	}
	switch len(hits) {
	case 0:
		return Person{}, false, nil
	case 1:
		return hits[0], true, nil
	}
	return Person{}, false, said("coach.name.several", "Name", fmt.Sprintf("%q", clean), "Names", names(hits))
}

// FoldedNameMatches reports whether a folded name (Fold) is one that
// ResolveName considers for a folded query: the name, or a word of it,
// starts with the query (a whole-name match included). A store that keeps
// names folded can pick out ResolveName's candidates with it without
// reading everyone.
//
// It allocates nothing (a look-up runs it on every stored name): the words
// are strings.Fields' (runs of anything but unicode.IsSpace), found in
// place.
func FoldedNameMatches(name, q string) bool {
	if strings.HasPrefix(name, q) {
		return true
	}
	start := -1 // where the word being read starts, -1 between words
	for i, r := range name {
		switch space := unicode.IsSpace(r); {
		case space && start >= 0:
			if strings.HasPrefix(name[start:i], q) {
				return true
			}
			start = -1
		case !space && start < 0:
			start = i
		}
	}
	return start >= 0 && strings.HasPrefix(name[start:], q)
}

// names are people's names, to join with "or" in a message's language.
func names(people []Person) orList {
	out := make(orList, len(people))
	for i, p := range people {
		out[i] = p.Name
	}
	return out
}

// ExactName finds the one person whose whole name was typed, ignoring case,
// accents and spacing and nothing else: no prefixes, no guessing. It is
// for commands that destroy, where "ann" must never mean Joanne Ann. Two
// people whose names fold alike are an error naming both.
func ExactName(people []Person, typed string) (Person, bool, error) {
	clean, err := CleanName(typed)
	if err != nil {
		return Person{}, false, err
	}
	return exactName(people, clean)
}

func exactName(people []Person, clean string) (Person, bool, error) {
	q := Fold(clean)
	var hits []Person
	for _, p := range people {
		if Fold(p.Name) == q {
			hits = append(hits, p)
		}
	}
	switch len(hits) {
	case 0:
		return Person{}, false, nil
	case 1:
		return hits[0], true, nil
	}
	return Person{}, false, said("coach.name.same", "Name", fmt.Sprintf("%q", clean), "N", len(hits), "Names", names(hits))
}

// maxClose is the most people CloseNames suggests.
const maxClose = 3

// CloseNames are the people a typed name may have meant, best first, at
// most three: someone a word of whose name starts with it ("jones" for
// Anna Jones), or whose name, a word of it, or the start of either is a
// slip of the keyboard away ("sain" for Siân Ŵyn: a letter missing, added,
// changed or two swapped, counted on folded names, one slip for up to five
// letters, two up to nine, three beyond). Nobody close gives nil.
func CloseNames(people []Person, typed string) []Person {
	clean, err := CleanName(typed)
	if err != nil {
		return nil
	}
	q := []rune(Fold(clean))
	allowed := 0
	switch n := len(q); {
	case n >= 10:
		allowed = 3
	case n >= 6:
		allowed = 2
	case n >= 3:
		allowed = 1
	}
	type scored struct {
		p    Person
		dist int
	}
	var found []scored
	for _, p := range people {
		name := Fold(p.Name)
		best := allowed + 1
		try := func(s string) {
			r := []rune(s)
			best = min(best, editDistance(q, r))
			if len(r) > len(q) { // the start of it, as typed so far
				best = min(best, editDistance(q, r[:len(q)]))
			}
		}
		try(name)
		for _, w := range strings.Fields(name) {
			try(w)
		}
		if best <= allowed {
			found = append(found, scored{p, best})
		}
	}
	slices.SortStableFunc(found, func(a, b scored) int {
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		return strings.Compare(Fold(a.p.Name), Fold(b.p.Name))
	})
	var out []Person
	for i := 0; i < len(found) && i < maxClose; i++ {
		out = append(out, found[i].p)
	}
	return out
}

// editDistance counts the letters to add, remove or change, or neighbours
// to swap, to turn a into b (optimal string alignment distance).
func editDistance(a, b []rune) int {
	// Three rows: two back (for swaps), one back, and this one.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
