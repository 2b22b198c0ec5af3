package coach_test

import (
	"testing"
	"time"

	"attend/coach"
	"attend/coach/msg"
)

// Every date attend writes reads back as the same day, in either language:
// a date field shows a stored date that way, and leaving it unchanged must
// not change it.
func TestDatesAsAttendWritesThemReadBack(t *testing.T) {
	today := coach.Date{Year: 2026, Month: time.November, Day: 27}
	for _, code := range []string{"en", "cy"} {
		l := msg.New(code)
		for d := (coach.Date{Year: 2026, Month: 1, Day: 1}); d.Year < 2029; d = d.AddDays(1) {
			for _, written := range []string{l.Date(d.Time()), l.Short(d.Time(), 0)} {
				got, err := coach.ParseDate(written, today)
				if err != nil || got != d {
					t.Fatalf("%s: %q read as %v, %v; want %v", code, written, got, err, d)
				}
			}
		}
	}
}

func TestNamedDates(t *testing.T) {
	today := coach.Date{Year: 2026, Month: time.November, Day: 27}
	for _, tc := range []struct {
		in   string
		want coach.Date
		err  bool
	}{
		{"8 January", coach.Date{Year: 2027, Month: 1, Day: 8}, false}, // no year: the next 8 January
		{"8th jan", coach.Date{Year: 2027, Month: 1, Day: 8}, false},
		{"1 Rhagfyr", coach.Date{Year: 2026, Month: 12, Day: 1}, false},
		{"Maw 3 Maw 2027", coach.Date{Year: 2027, Month: 3, Day: 3}, false}, // Tuesday, March
		{"Fri, 8 Jan 2027", coach.Date{Year: 2027, Month: 1, Day: 8}, false},
		{"31 Feb 2027", coach.Date{}, true},
		{"8 smarch 2027", coach.Date{}, true}, // not a month: not read as one
	} {
		got, err := coach.ParseDate(tc.in, today)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v (error %v)", tc.in, got, err, tc.want, tc.err)
		}
	}
	// Leaning back, for a search filter: the most recent 8 January.
	if got, err := coach.ParsePastDate("8 Jan", today); err != nil || got != (coach.Date{Year: 2026, Month: 1, Day: 8}) {
		t.Errorf("ParsePastDate(8 Jan) = %v, %v", got, err)
	}
}
