package coach_test

import (
	"testing"
	"time"

	"attend/coach"
)

func TestDueForDeletionBoundary(t *testing.T) {
	d := func(y int, m time.Month, day int) coach.Date { return coach.Date{Year: y, Month: m, Day: day} }
	created := time.Date(2015, 5, 1, 9, 0, 0, 0, time.UTC)
	people := []coach.Person{
		{ID: "a", Name: "Siân Ŵyn", Created: created, LastSession: d(2020, 3, 15)},
		{ID: "b", Name: "Aled", Created: created, LastSession: d(2020, 3, 16)},
		{ID: "c", Name: "Leap", Created: created, LastSession: d(2020, 2, 29)},
		{ID: "d", Name: "Never met", Created: time.Date(2020, 3, 14, 23, 0, 0, 0, time.UTC)},
		{ID: "e", Name: "Recent", Created: created, LastSession: d(2025, 1, 1)},
	}
	names := func(due []coach.RetentionDue) (out []string) {
		for _, x := range due {
			out = append(out, x.Person.Name)
		}
		return out
	}
	cases := []struct {
		today coach.Date
		want  []string
	}{
		// Six years after 15 March 2020 is 15 March 2026: kept on that day,
		// due from the next.
		{d(2026, 2, 28), nil},
		{d(2026, 3, 1), []string{"Leap"}}, // 29 Feb 2020 + 6 years is 28 Feb 2026
		{d(2026, 3, 14), []string{"Leap"}},
		{d(2026, 3, 15), []string{"Leap", "Never met"}},
		{d(2026, 3, 16), []string{"Leap", "Never met", "Siân Ŵyn"}},
		{d(2026, 3, 17), []string{"Leap", "Never met", "Siân Ŵyn", "Aled"}},
	}
	for _, c := range cases {
		got := names(coach.DueForDeletion(people, 6, c.today))
		if len(got) != len(c.want) {
			t.Errorf("%v: due %v, want %v", c.today, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%v: due %v, want %v", c.today, got, c.want)
				break
			}
		}
	}
	due := coach.DueForDeletion(people, 6, d(2026, 3, 17))
	if due[0].Since != d(2026, 3, 1) || due[0].Last != d(2020, 2, 29) || due[0].NoSessions {
		t.Errorf("leap-day entry %+v", due[0])
	}
	if due[1].Last != d(2020, 3, 14) || !due[1].NoSessions {
		t.Errorf("never-met entry %+v", due[1])
	}
	if got := coach.DueForDeletion(people, 0, d(2099, 1, 1)); got != nil {
		t.Errorf("no retention setting lists %v", names(got))
	}
	for _, y := range []int{-1, coach.MaxRetentionYears + 1} {
		if coach.CheckRetention(y) == nil {
			t.Errorf("CheckRetention(%d) accepted", y)
		}
	}
}
