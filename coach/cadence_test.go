package coach_test

import (
	"slices"
	"testing"

	"attend/coach"
)

func TestCadence(t *testing.T) {
	tests := []struct {
		c     coach.Cadence
		words string
		from  coach.Date
		after coach.Date
	}{
		{coach.Cadence{}, "every 3 months", d(2026, 8, 26), d(2026, 11, 26)},
		{coach.DefaultCadence, "every 3 months", d(2026, 11, 30), d(2027, 2, 28)}, // month end
		{coach.Cadence{}, "every 3 months", d(2027, 11, 30), d(2028, 2, 29)},      // into a leap year
		{coach.Cadence{}, "every 3 months", d(2027, 11, 29), d(2028, 2, 29)},
		{coach.Cadence{Months: -2}, "every 3 months", d(2027, 1, 1), d(2027, 4, 1)}, // nonsense means default
		{coach.Cadence{Weeks: -1, Months: -1}, "every 3 months", d(2027, 1, 1), d(2027, 4, 1)},
		{coach.Cadence{Months: 1}, "every month", d(2028, 1, 31), d(2028, 2, 29)},
		{coach.Cadence{Months: 1}, "every month", d(2027, 1, 31), d(2027, 2, 28)},
		{coach.Cadence{Months: 2}, "every 2 months", d(2026, 12, 31), d(2027, 2, 28)},
		{coach.Cadence{Months: 12}, "every 12 months", d(2028, 2, 29), d(2029, 2, 28)},
		{coach.Cadence{Weeks: 1}, "every week", d(2026, 12, 28), d(2027, 1, 4)},
		{coach.Cadence{Weeks: 6}, "every 6 weeks", d(2026, 11, 1), d(2026, 12, 13)},
		{coach.Cadence{Weeks: 4}, "every 4 weeks", d(2028, 2, 15), d(2028, 3, 14)},           // through 29 Feb
		{coach.Cadence{Weeks: 4, Months: 2}, "every 4 weeks", d(2027, 1, 1), d(2027, 1, 29)}, // weeks win
		{coach.Cadence{Weeks: -4, Months: 2}, "every 2 months", d(2027, 1, 1), d(2027, 3, 1)},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.words {
			t.Errorf("%+v.String() = %q, want %q", tt.c, got, tt.words)
		}
		if got := tt.c.After(tt.from); got != tt.after {
			t.Errorf("%+v.After(%v) = %v, want %v", tt.c, tt.from, got, tt.after)
		}
	}
	if (coach.Cadence{}).Effective() != coach.DefaultCadence {
		t.Error("the zero cadence should mean the default")
	}
	if c := (coach.Cadence{Weeks: 2}); c.Effective() != c {
		t.Error("a set cadence should be kept")
	}
}

func TestDueFor(t *testing.T) {
	today := thursday // Thu 26 Nov 2026
	tests := []struct {
		name  string
		p     coach.Person
		state coach.DueState
		date  coach.Date
		days  int
		label string
	}{
		{"never met", coach.Person{}, coach.NeverMet, coach.Date{}, 0, "no session yet"},
		{"never met with a cadence", coach.Person{Cadence: coach.Cadence{Weeks: 2}}, coach.NeverMet, coach.Date{}, 0, "no session yet"},

		// Default three months from the last session.
		{"default, due today", coach.Person{LastSession: d(2026, 8, 26)}, coach.DueSoon, today, 0, "due today"},
		{"default, due tomorrow", coach.Person{LastSession: d(2026, 8, 27)}, coach.DueSoon, d(2026, 11, 27), 1, "due tomorrow"},
		{"default, 14 days", coach.Person{LastSession: d(2026, 9, 10)}, coach.DueSoon, d(2026, 12, 10), 14, "due in 14 days"},
		{"default, 15 days", coach.Person{LastSession: d(2026, 9, 11)}, coach.NotDue, d(2026, 12, 11), 15, "due Fri 11 Dec 2026"},
		{"default, 1 day over", coach.Person{LastSession: d(2026, 8, 25)}, coach.Overdue, d(2026, 11, 25), -1, "overdue by 1 day"},
		{"default, 2 days over", coach.Person{LastSession: d(2026, 8, 24)}, coach.Overdue, d(2026, 11, 24), -2, "overdue by 2 days"},
		{"default, a year over", coach.Person{LastSession: d(2025, 8, 26)}, coach.Overdue, d(2025, 11, 26), -365, "overdue by 365 days"},
		{"default from a month end", coach.Person{LastSession: d(2026, 8, 31)}, coach.DueSoon, d(2026, 11, 30), 4, "due in 4 days"},

		// A cadence in weeks.
		{"6 weeks", coach.Person{LastSession: d(2026, 11, 1), Cadence: coach.Cadence{Weeks: 6}}, coach.NotDue, d(2026, 12, 13), 17, "due Sun 13 Dec 2026"},
		{"2 weeks", coach.Person{LastSession: d(2026, 11, 12), Cadence: coach.Cadence{Weeks: 2}}, coach.DueSoon, today, 0, "due today"},
		{"1 week over", coach.Person{LastSession: d(2026, 11, 18), Cadence: coach.Cadence{Weeks: 1}}, coach.Overdue, d(2026, 11, 25), -1, "overdue by 1 day"},

		// The date agreed at the last session wins over the cadence.
		{"next session set", coach.Person{LastSession: d(2026, 11, 1), NextSession: d(2026, 11, 30)}, coach.DueSoon, d(2026, 11, 30), 4, "due in 4 days"},
		{"next session set, later", coach.Person{LastSession: d(2026, 6, 1), NextSession: d(2027, 1, 15)}, coach.NotDue, d(2027, 1, 15), 50, "due Fri 15 Jan 2027"},
		{"next session passed", coach.Person{LastSession: d(2026, 11, 1), NextSession: d(2026, 11, 20), Cadence: coach.Cadence{Months: 6}}, coach.Overdue, d(2026, 11, 20), -6, "overdue by 6 days"},
		{"next session only", coach.Person{NextSession: d(2026, 12, 1)}, coach.DueSoon, d(2026, 12, 1), 5, "due in 5 days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := coach.DueFor(tt.p, today)
			want := coach.Due{State: tt.state, Date: tt.date, Days: tt.days}
			if got != want {
				t.Errorf("DueFor = %+v, want %+v", got, want)
			}
			if l := got.Label(); l != tt.label {
				t.Errorf("Label() = %q, want %q", l, tt.label)
			}
		})
	}
}

func TestDueForLeapYear(t *testing.T) {
	// Three months from 30 Nov 2027 is 29 Feb 2028; on 28 Feb it is due tomorrow.
	p := coach.Person{LastSession: d(2027, 11, 30)}
	got := coach.DueFor(p, d(2028, 2, 28))
	if got.Date != d(2028, 2, 29) || got.Days != 1 || got.Label() != "due tomorrow" {
		t.Errorf("DueFor = %+v (%s)", got, got.Label())
	}
	// And on 1 March it is a day overdue.
	got = coach.DueFor(p, d(2028, 3, 1))
	if got.State != coach.Overdue || got.Days != -1 {
		t.Errorf("DueFor = %+v (%s)", got, got.Label())
	}
}

// The home screen sorts people by state: overdue first, never met after the
// ones due soon, and those comfortably ahead last.
func TestDueStateOrder(t *testing.T) {
	states := []coach.DueState{coach.NotDue, coach.NeverMet, coach.DueSoon, coach.Overdue}
	slices.Sort(states)
	want := []coach.DueState{coach.Overdue, coach.DueSoon, coach.NeverMet, coach.NotDue}
	if !slices.Equal(states, want) {
		t.Errorf("sorted states %v, want %v", states, want)
	}
}

func TestReadCadence(t *testing.T) {
	good := map[string]coach.Cadence{
		"6w": {Weeks: 6}, "6 weeks": {Weeks: 6}, "every 6 weeks": {Weeks: 6}, " 8 WKS ": {Weeks: 8},
		"2m": {Months: 2}, "3 months": {Months: 3}, "every 3 months": {Months: 3}, "monthly": {Months: 1}, "weekly": {Weeks: 1},
		"every week": {Weeks: 1}, "1 month": {Months: 1},
	}
	for in, want := range good {
		got, err := coach.ReadCadence(in)
		if err != nil || got != want {
			t.Errorf("ReadCadence(%q) = %+v, %v; want %+v", in, got, err, want)
		}
		if back, err := coach.ReadCadence(got.String()); err != nil || back.Effective() != got.Effective() {
			t.Errorf("%q does not read back from %q: %+v %v", in, got.String(), back, err)
		}
	}
	for _, in := range []string{"", "soon", "0w", "-3m", "6", "6y", "105w", "25m", "w6"} {
		if _, err := coach.ReadCadence(in); err == nil {
			t.Errorf("ReadCadence(%q) should fail", in)
		}
	}
}
