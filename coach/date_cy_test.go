package coach_test

import (
	"testing"

	"attend/coach"
)

func TestWelshDatesAreRead(t *testing.T) {
	today := coach.Date{Year: 2026, Month: 11, Day: 26} // a Thursday
	for in, want := range map[string]string{
		"yfory":            "2026-11-27",
		"dydd Gwener":      "2026-11-27",
		"wythnos nesaf":    "2026-12-03",
		"dydd Llun nesaf":  "2026-11-30",
		"pythefnos":        "2026-12-10",
		"ymhen 3 wythnos":  "2026-12-17",
		"ymhen 10 diwrnod": "2026-12-06",
		"mis nesaf":        "2026-12-26",
	} {
		d, err := coach.ParseDate(in, today)
		if err != nil || d.String() != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	// In a filter the Welsh past reads back too.
	if d, err := coach.ParsePastDate("wythnos diwethaf", today); err != nil || !d.Before(today) {
		t.Errorf("wythnos diwethaf = %v, %v", d, err)
	}
}
