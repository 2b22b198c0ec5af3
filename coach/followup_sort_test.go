package coach

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
	"time"
)

// TestSortFollowUpsAsBefore checks the key sort orders as the plain
// comparison it replaced.
func TestSortFollowUpsAsBefore(t *testing.T) {
	for _, years := range []struct {
		name     string
		from, to int
	}{
		{"recent", 2020, 2026},
		{"one year (many ties)", 2026, 2026},
		{"every year attend stores", 1, 9999},
		{"years no attend stores (the keys do not pack)", -5000, 400000},
	} {
		t.Run(years.name, func(t *testing.T) { sortFollowUpsAsBefore(t, years.from, years.to) })
	}
}

func sortFollowUpsAsBefore(t *testing.T, from, to int) {
	r := rand.New(rand.NewPCG(3, 4))
	day := func() Date {
		return Date{from + r.IntN(to-from+1), 1 + time.Month(r.IntN(12)), 1 + r.IntN(28)}
	}
	var refs []ActionRef
	for i := range 2000 {
		ref := ActionRef{SessionDate: day(), Action: Action{ID: string(rune('a' + r.IntN(26)))}}
		if r.IntN(3) > 0 {
			ref.Action.Due = day()
		}
		ref.PersonID = string(rune(i))
		refs = append(refs, ref)
	}
	want := slices.Clone(refs)
	sort.SliceStable(want, func(i, j int) bool {
		a, b := want[i], want[j]
		switch {
		case a.Action.Due.IsZero() != b.Action.Due.IsZero():
			return !a.Action.Due.IsZero()
		case !a.Action.Due.IsZero() && a.Action.Due != b.Action.Due:
			return a.Action.Due.Before(b.Action.Due)
		case a.SessionDate != b.SessionDate:
			return a.SessionDate.Before(b.SessionDate)
		}
		return a.Action.ID < b.Action.ID
	})
	SortFollowUps(refs)
	for i := range refs {
		if refs[i].PersonID != want[i].PersonID {
			t.Fatalf("at %d: %+v, want %+v", i, refs[i], want[i])
		}
	}
}
