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
	r := rand.New(rand.NewPCG(3, 4))
	var refs []ActionRef
	for i := range 500 {
		ref := ActionRef{SessionDate: Date{2020 + r.IntN(6), 1 + time.Month(r.IntN(12)), 1 + r.IntN(28)}, Action: Action{ID: string(rune('a' + r.IntN(26)))}}
		if r.IntN(3) > 0 {
			ref.Action.Due = Date{2020 + r.IntN(6), 1 + time.Month(r.IntN(12)), 1 + r.IntN(28)}
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
