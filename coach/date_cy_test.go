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
		// Found in the trial: "mewn" says "in" as "ymhen" does, and a bare
		// count reads as "6 weeks" does in English.
		"mewn 6 wythnos":  "2027-01-07",
		"mewn pythefnos":  "2026-12-10",
		"ymhen mis":       "2026-12-26",
		"mewn wythnos":    "2026-12-03",
		"6 wythnos":       "2027-01-07",
		"ymhen 2 flynedd": "2028-11-26",
		"ymhen 2 mlynedd": "2028-11-26",
		"mewn 3 mis":      "2027-02-26",
		"10 diwrnod":      "2026-12-06",
	} {
		if want == "" {
			if _, err := coach.ParseDate(in, today); err == nil {
				t.Errorf("ParseDate(%q) read it; want it refused", in)
			}
			continue
		}
		d, err := coach.ParseDate(in, today)
		if err != nil || d.String() != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	// In a filter the Welsh past reads back too.
	if d, err := coach.ParsePastDate("wythnos diwethaf", today); err != nil || !d.Before(today) {
		t.Errorf("wythnos diwethaf = %v, %v", d, err)
	}
	for in, want := range map[string]string{"6 wythnos yn ôl": "2026-10-15", "pythefnos yn ôl": "2026-11-12", "3 mis yn ôl": "2026-08-26", "6 wythnos": "2026-10-15"} {
		if d, err := coach.ParsePastDate(in, today); err != nil || d.String() != want {
			t.Errorf("ParsePastDate(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
}
