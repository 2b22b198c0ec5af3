package coach_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"attend/coach"
)

// d is a short way to write a date in a table.
func d(y int, m time.Month, day int) coach.Date { return coach.Date{Year: y, Month: m, Day: day} }

// thursday is the "today" most date tests count from: Thu 26 Nov 2026.
var thursday = d(2026, time.November, 26)

func TestThursdayIsThursday(t *testing.T) {
	if wd := thursday.Time().Weekday(); wd != time.Thursday {
		t.Fatalf("%v is a %v; the weekday tests assume Thursday", thursday, wd)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in    string
		today coach.Date
		want  coach.Date
	}{
		// Empty is allowed: the date is optional.
		{"", thursday, coach.Date{}},
		{"   ", thursday, coach.Date{}},

		// ISO, never rolled, past allowed.
		{"2027-02-24", thursday, d(2027, 2, 24)},
		{"  2027-02-24\n", thursday, d(2027, 2, 24)},
		{"2028-02-29", thursday, d(2028, 2, 29)},
		{"2020-01-01", thursday, d(2020, 1, 1)},
		{"0001-01-01", thursday, d(1, 1, 1)},
		{"9999-12-31", thursday, d(9999, 12, 31)},

		// British, day first, with a year: never rolled.
		{"24/2/2027", thursday, d(2027, 2, 24)},
		{"24/02/2027", thursday, d(2027, 2, 24)},
		{"07/07/2026", thursday, d(2026, 7, 7)},
		{"24/2/2027", d(2030, 1, 1), d(2027, 2, 24)},
		{"24/2/2027", coach.Date{}, d(2027, 2, 24)},
		{"29/2/2028", thursday, d(2028, 2, 29)},
		{"29/2/2000", thursday, d(2000, 2, 29)}, // 2000 was a leap year
		{"31/12/9999", thursday, d(9999, 12, 31)},
		// Two-digit years are this century.
		{"24/2/27", thursday, d(2027, 2, 24)},
		{"29/2/28", thursday, d(2028, 2, 29)},
		{"1/1/00", thursday, d(2000, 1, 1)},
		{"1/1/99", thursday, d(2099, 1, 1)},
		// Without a year: this year, or next if already past.
		{"24/2", thursday, d(2027, 2, 24)},
		{"24/02", thursday, d(2027, 2, 24)},
		{"30/11", thursday, d(2026, 11, 30)},
		{"26/11", thursday, thursday}, // today is not past
		{"25/11", thursday, d(2027, 11, 25)},
		{"31/12", thursday, d(2026, 12, 31)},
		{"1/1", thursday, d(2027, 1, 1)},
		{"1/1", d(2027, 1, 1), d(2027, 1, 1)},
		{"31/12", d(2027, 1, 1), d(2027, 12, 31)},
		{"29/2", d(2028, 1, 10), d(2028, 2, 29)},
		{"29/2", d(2028, 2, 29), d(2028, 2, 29)},  // today
		{"29/2", d(2027, 11, 27), d(2028, 2, 29)}, // next year's
		{"28/2", d(2027, 3, 1), d(2028, 2, 28)},

		// Words, in English or Welsh, any case.
		{"today", thursday, thursday},
		{"heddiw", thursday, thursday},
		{"Today", d(2028, 2, 29), d(2028, 2, 29)},
		{"tomorrow", thursday, d(2026, 11, 27)},
		{"yfory", thursday, d(2026, 11, 27)},
		{"TOMORROW", d(2028, 2, 28), d(2028, 2, 29)},
		{"Yfory", d(2026, 12, 31), d(2027, 1, 1)},

		// Weekdays: the next one, never today.
		{"fri", thursday, d(2026, 11, 27)},
		{"Fri", thursday, d(2026, 11, 27)},
		{"friday", thursday, d(2026, 11, 27)},
		{"sat", thursday, d(2026, 11, 28)},
		{"sunday", thursday, d(2026, 11, 29)},
		{"mon", thursday, d(2026, 11, 30)},
		{"tues", thursday, d(2026, 12, 1)},
		{"weds", thursday, d(2026, 12, 2)},
		{"thu", thursday, d(2026, 12, 3)}, // today is Thursday: next week
		{"thursday", thursday, d(2026, 12, 3)},
		{"sat", d(2026, 12, 31), d(2027, 1, 2)},
		{"tue", d(2028, 2, 26), d(2028, 2, 29)},
		{"gwe", thursday, d(2026, 11, 27)},
		{"dydd gwener", thursday, d(2026, 11, 27)},
		{"dydd sadwrn", thursday, d(2026, 11, 28)},
		{"Sul", thursday, d(2026, 11, 29)},
		{"llun", thursday, d(2026, 11, 30)},
		{"Dydd Mawrth", thursday, d(2026, 12, 1)},
		{"mercher", thursday, d(2026, 12, 2)},
		{"dydd iau", thursday, d(2026, 12, 3)}, // today is dydd Iau: next week

		// Relative: days, weeks, months, years; "+" and "in" optional.
		{"+6w", thursday, d(2027, 1, 7)},
		{"6w", thursday, d(2027, 1, 7)},
		{"+6W", thursday, d(2027, 1, 7)},
		{"10d", thursday, d(2026, 12, 6)},
		{"3m", thursday, d(2027, 2, 26)},
		{"1y", thursday, d(2027, 11, 26)},
		{"in 3 weeks", thursday, d(2026, 12, 17)},
		{"In 3 Weeks", thursday, d(2026, 12, 17)},
		{"in 1 day", thursday, d(2026, 11, 27)},
		{"in 1 month", thursday, d(2026, 12, 26)},
		{"+ 2 days", thursday, d(2026, 11, 28)},
		{"in +2d", thursday, d(2026, 11, 28)},
		{"2 wk", thursday, d(2026, 12, 10)},
		{"2mo", thursday, d(2027, 1, 26)},
		{"0d", thursday, thursday},
		{"1m", d(2027, 1, 31), d(2027, 2, 28)}, // clamped to month end
		{"1m", d(2028, 1, 31), d(2028, 2, 29)}, // leap year
		{"3m", d(2026, 11, 30), d(2027, 2, 28)},
		{"1y", d(2028, 2, 29), d(2029, 2, 28)},
		{"4y", d(2028, 2, 29), d(2032, 2, 29)},
		{"366d", d(2028, 1, 1), d(2029, 1, 1)},
		{"9999d", thursday, thursday.AddDays(9999)}, // four digits is the most
		{"7973y", thursday, d(9999, 11, 26)},        // the furthest year there is

		// More words: "next", fortnights, counts in words, yesterday.
		{"next friday", thursday, d(2026, 11, 27)},
		{"next tuesday", thursday, d(2026, 12, 1)},
		{"Next  Thursday", thursday, d(2026, 12, 3)}, // never today
		{"this friday", thursday, d(2026, 11, 27)},
		{"on mon", thursday, d(2026, 11, 30)},
		{"next dydd llun", thursday, d(2026, 11, 30)},
		{"next week", thursday, d(2026, 12, 3)},
		{"next month", thursday, d(2026, 12, 26)},
		{"next month", d(2027, 1, 31), d(2027, 2, 28)},
		{"next year", thursday, d(2027, 11, 26)},
		{"fortnightly", thursday, d(2026, 12, 10)},
		{"fortnight", thursday, d(2026, 12, 10)},
		{"a fortnight", thursday, d(2026, 12, 10)},
		{"in a fortnight", thursday, d(2026, 12, 10)},
		{"2 fortnights", thursday, d(2026, 12, 24)},
		{"in 2 weeks", thursday, d(2026, 12, 10)},
		{"in 3 days", thursday, d(2026, 11, 29)},
		{"in two weeks", thursday, d(2026, 12, 10)},
		{"in a week", thursday, d(2026, 12, 3)},
		{"six months", thursday, d(2027, 5, 26)},
		{"in twelve months", thursday, d(2027, 11, 26)},
		{"3 yrs", thursday, d(2029, 11, 26)},
		{"yesterday", thursday, d(2026, 11, 25)},
		{"ddoe", thursday, d(2026, 11, 25)},
		{"last week", thursday, d(2026, 11, 19)},
		// Said with a year, a past date stays where it is.
		{"1/9/2026", thursday, d(2026, 9, 1)},
	}
	for _, tt := range tests {
		got, err := coach.ParseDate(tt.in, tt.today)
		if err != nil {
			t.Errorf("ParseDate(%q, %v): %v", tt.in, tt.today, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseDate(%q, %v) = %v, want %v", tt.in, tt.today, got, tt.want)
		}
	}
}

func TestParseDateRejects(t *testing.T) {
	tests := []struct {
		in    string
		today coach.Date
		want  string // in the message
	}{
		{"31/2/2027", thursday, "February 2027 has no day 31"},
		{"29/2/2027", thursday, "February 2027 has no day 29"},
		{"31/4/2027", thursday, "April 2027 has no day 31"},
		{"29/2/2100", thursday, "February 2100 has no day 29"},
		{"13/13/2027", thursday, "day/month/year"},
		{"0/1/2027", thursday, "day/month/year"},
		{"1/0/2027", thursday, "day/month/year"},
		{"32/1/2027", thursday, "January 2027 has no day 32"},
		{"24/2/2027/1", thursday, "day/month/year"},
		{"24//2027", thursday, "day/month/year"},
		{"24/2/", thursday, "day/month/year"},
		{"/", thursday, "day/month/year"},
		{"a/b/c", thursday, "day/month/year"},
		{"-1/2/2027", thursday, "day/month/year"},
		{"1/1/10000", thursday, "day/month/year"},
		{"29/2", d(2028, 3, 1), "February 2029 has no day 29"}, // past in a leap year, next year has none
		// Found in the trial: "31/2" typed in November was explained
		// against this year's February, which had passed; no year has it.
		{"31/2", d(2026, 11, 27), "February has no day 31"},
		{"31/4", d(2026, 1, 5), "April has no day 31"},
		{"29/2", d(2026, 11, 27), "February 2027 has no day 29"}, // the February it would fall in
		{"29/2", d(2026, 1, 5), "February 2026 has no day 29"},
		{"soon", thursday, `"soon" is not a date`},
		{"-3d", thursday, `"-3d" is not a date`},
		{"in -3 days", thursday, "is not a date"},
		{"3", thursday, "is not a date"},
		{"3x", thursday, "is not a date"},
		{"d", thursday, "is not a date"},
		{"+", thursday, "is not a date"},
		{"12345d", thursday, "is not a date"}, // at most four digits
		{"fr", thursday, "is not a date"},     // too short to be sure
		{"next fortnightly", thursday, "is not a date"},
		{"in 2 weeks ago", thursday, "is not a date"},
		{"2 weeks ago", thursday, "is not a date"}, // a due date is not counted back
		{"a", thursday, "is not a date"},
		{"seven", thursday, "is not a date"},
		{"in thirteen weeks", thursday, "is not a date"},
		{"next thing", thursday, "is not a date"},
		{"2027-02-30", thursday, "is not a date"},
		{"2027-2-24", thursday, "is not a date"},
		{"24-2-2027", thursday, "is not a date"},
		{"24.2.2027", thursday, "is not a date"},
		{"tenth", thursday, "is not a date"},
		{"in an hour", thursday, "is not a date"},
		// Beyond 9999-12-31, which could not be stored or read back.
		{"9999y", thursday, "too far ahead"},
		{"7974y", thursday, "too far ahead"},
		{"1d", d(9999, 12, 31), "too far ahead"},
		{"fri", d(9999, 12, 31), "too far ahead"},
		{"tomorrow", d(9999, 12, 31), "too far ahead"},
		{"1/1", d(9999, 12, 31), "too far ahead"},
	}
	for _, tt := range tests {
		got, err := coach.ParseDate(tt.in, tt.today)
		if err == nil {
			t.Errorf("ParseDate(%q, %v) = %v, want an error", tt.in, tt.today, got)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseDate(%q) error %q, want it to mention %q", tt.in, err, tt.want)
		}
		if !got.IsZero() {
			t.Errorf("ParseDate(%q) failed but returned %v", tt.in, got)
		}
	}
}

// Filters look back: a yearless date is the most recent such day, a bare
// count is that long ago, and the past words mean the past.
func TestParsePastDate(t *testing.T) {
	tests := []struct {
		in    string
		today coach.Date
		want  coach.Date
	}{
		{"", thursday, coach.Date{}},
		{"2026-09-01", thursday, d(2026, 9, 1)},
		{"2027-09-01", thursday, d(2027, 9, 1)}, // a year given is kept, ahead or not
		{"1/9/2026", thursday, d(2026, 9, 1)},
		// Without a year: the most recent, today included.
		{"1/9", thursday, d(2026, 9, 1)},
		{"30/9", thursday, d(2026, 9, 30)},
		{"26/11", thursday, thursday},
		{"27/11", thursday, d(2025, 11, 27)},
		{"31/12", thursday, d(2025, 12, 31)},
		{"1/1", d(2027, 1, 1), d(2027, 1, 1)},
		{"29/2", thursday, d(2024, 2, 29)}, // the last leap day
		{"29/2", d(2028, 2, 29), d(2028, 2, 29)},
		{"29/2", d(2104, 1, 1), d(2096, 2, 29)}, // 2100 has none: eight years back
		// Counts: that long ago, however written; "+" and "in" still go ahead.
		{"2w", thursday, d(2026, 11, 12)},
		{"-2w", thursday, d(2026, 11, 12)},
		{"2 weeks ago", thursday, d(2026, 11, 12)},
		{"two weeks ago", thursday, d(2026, 11, 12)},
		{"10d", thursday, d(2026, 11, 16)},
		{"3m", thursday, d(2026, 8, 26)},
		{"3m", d(2026, 5, 31), d(2026, 2, 28)},
		{"1y", thursday, d(2025, 11, 26)},
		{"a fortnight", thursday, d(2026, 11, 12)},
		{"fortnight ago", thursday, d(2026, 11, 12)},
		{"0d", thursday, thursday},
		{"+0d", thursday, thursday},
		{"+2d", thursday, d(2026, 11, 28)},
		{"in 3 days", thursday, d(2026, 11, 29)},
		// Words.
		{"today", thursday, thursday},
		{"yesterday", thursday, d(2026, 11, 25)},
		{"Ddoe", thursday, d(2026, 11, 25)},
		{"tomorrow", thursday, d(2026, 11, 27)},
		{"last week", thursday, d(2026, 11, 19)},
		{"last month", thursday, d(2026, 10, 26)},
		{"last month", d(2027, 3, 31), d(2027, 2, 28)},
		{"last year", thursday, d(2025, 11, 26)},
		{"next week", thursday, d(2026, 12, 3)},
		// Weekdays: the most recent, today included; "last" never today.
		{"thu", thursday, thursday},
		{"wed", thursday, d(2026, 11, 25)},
		{"fri", thursday, d(2026, 11, 20)},
		{"last thursday", thursday, d(2026, 11, 19)},
		{"last fri", thursday, d(2026, 11, 20)},
		{"dydd llun", thursday, d(2026, 11, 23)},
		{"next fri", thursday, d(2026, 11, 27)},
	}
	for _, tt := range tests {
		got, err := coach.ParsePastDate(tt.in, tt.today)
		if err != nil {
			t.Errorf("ParsePastDate(%q, %v): %v", tt.in, tt.today, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParsePastDate(%q, %v) = %v, want %v", tt.in, tt.today, got, tt.want)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"soon", "is not a date"},
		{"31/2", "February has no day 31"},
		{"31/2/2026", "February 2026 has no day 31"},
		{"in -3 days", "is not a date"},
		{"-3 days ago", "is not a date"},
		{"9999y", "too far back"},
		{"\x1b[31m", `"\x1b[31m"`}, // control characters never reach the terminal
	} {
		got, err := coach.ParsePastDate(tt.in, thursday)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !got.IsZero() {
			t.Errorf("ParsePastDate(%q) = %v, %v; want an error mentioning %q", tt.in, got, err, tt.want)
		}
	}
}

func TestDateHasYear(t *testing.T) {
	for in, want := range map[string]bool{
		"2026-09-01": true, " 1/9/2026 ": true, "1/9/26": true,
		"1/9": false, "2w": false, "fri": false, "yesterday": false, "": false,
	} {
		if got := coach.DateHasYear(in); got != want {
			t.Errorf("DateHasYear(%q) = %v, want %v", in, got, want)
		}
	}
}

// The general "not a date" message should show what was typed and say what
// would work, so the manager can fix it without looking anything up.
func TestParseDateMessageHelps(t *testing.T) {
	_, err := coach.ParseDate("  Soon ", thursday)
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{`"Soon"`, "2027-02-24", "24/2/2027", "+6w"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		from coach.Date
		n    int
		want coach.Date
	}{
		{d(2027, 1, 31), 1, d(2027, 2, 28)},
		{d(2028, 1, 31), 1, d(2028, 2, 29)},
		{d(2027, 3, 31), -1, d(2027, 2, 28)},
		{d(2028, 3, 31), -1, d(2028, 2, 29)},
		{d(2027, 5, 31), 1, d(2027, 6, 30)},
		{d(2027, 1, 31), 2, d(2027, 3, 31)}, // not clamped twice
		{d(2026, 11, 30), 3, d(2027, 2, 28)},
		{d(2027, 12, 15), 1, d(2028, 1, 15)},
		{d(2027, 1, 15), -1, d(2026, 12, 15)},
		{d(2028, 2, 29), 12, d(2029, 2, 28)},
		{d(2028, 2, 29), 48, d(2032, 2, 29)},
		{d(2027, 8, 31), 0, d(2027, 8, 31)},
		{d(2027, 1, 1), 13, d(2028, 2, 1)},
		{d(2027, 1, 1), -13, d(2025, 12, 1)},
	}
	for _, tt := range tests {
		if got := tt.from.AddMonths(tt.n); got != tt.want {
			t.Errorf("%v.AddMonths(%d) = %v, want %v", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestAddDaysAndDaysUntil(t *testing.T) {
	tests := []struct {
		from coach.Date
		n    int
		want coach.Date
	}{
		{thursday, 0, thursday},
		{thursday, 1, d(2026, 11, 27)},
		{thursday, -1, d(2026, 11, 25)},
		{d(2028, 2, 28), 1, d(2028, 2, 29)},
		{d(2027, 2, 28), 1, d(2027, 3, 1)},
		{d(2026, 12, 31), 1, d(2027, 1, 1)},
		{d(2026, 3, 28), 2, d(2026, 3, 30)}, // across the spring clock change: days are UTC
		{d(2026, 10, 24), 2, d(2026, 10, 26)},
		{thursday, 366, d(2027, 11, 27)},
	}
	for _, tt := range tests {
		got := tt.from.AddDays(tt.n)
		if got != tt.want {
			t.Errorf("%v.AddDays(%d) = %v, want %v", tt.from, tt.n, got, tt.want)
		}
		if back := tt.from.DaysUntil(got); back != tt.n {
			t.Errorf("%v.DaysUntil(%v) = %d, want %d", tt.from, got, back, tt.n)
		}
		if back := got.DaysUntil(tt.from); back != -tt.n {
			t.Errorf("%v.DaysUntil(%v) = %d, want %d", got, tt.from, back, -tt.n)
		}
	}
	// Far apart: more than the 292 years a time.Duration can hold.
	if got := d(1, 1, 1).DaysUntil(d(9999, 12, 31)); got != 3652058 {
		t.Errorf("days from 0001-01-01 to 9999-12-31 = %d, want 3652058", got)
	}
	if got := d(9999, 12, 31).DaysUntil(d(1, 1, 1)); got != -3652058 {
		t.Errorf("days from 9999-12-31 to 0001-01-01 = %d, want -3652058", got)
	}
}

func TestDateBasics(t *testing.T) {
	var zero coach.Date
	if !zero.IsZero() || zero.String() != "" || zero.Human() != "" {
		t.Errorf("zero date: IsZero %v, String %q, Human %q", zero.IsZero(), zero.String(), zero.Human())
	}
	if thursday.IsZero() {
		t.Error("a real date is not zero")
	}
	if got := thursday.String(); got != "2026-11-26" {
		t.Errorf("String() = %q", got)
	}
	if got := d(7, 3, 4).String(); got != "0007-03-04" {
		t.Errorf("String() of a small year = %q", got)
	}
	if got := thursday.Human(); got != "Thu 26 Nov 2026" {
		t.Errorf("Human() = %q", got)
	}
	if got := d(2027, 2, 4).Human(); got != "Thu 4 Feb 2027" {
		t.Errorf("Human() = %q", got)
	}
	if !d(2026, 11, 25).Before(thursday) || thursday.Before(thursday) || d(2026, 11, 27).Before(thursday) {
		t.Error("Before is wrong")
	}
	late := time.Date(2026, 11, 26, 23, 30, 0, 0, time.FixedZone("BST", 3600))
	if got := coach.DateOf(late); got != thursday {
		t.Errorf("DateOf uses the time's own zone: got %v", got)
	}
}

func TestDateJSON(t *testing.T) {
	type rec struct {
		Due  coach.Date `json:"due"`
		Next coach.Date `json:"next,omitzero"`
	}
	tests := []struct {
		in   rec
		want string
	}{
		{rec{Due: d(2027, 2, 24), Next: d(2027, 3, 1)}, `{"due":"2027-02-24","next":"2027-03-01"}`},
		{rec{Due: d(2027, 2, 24)}, `{"due":"2027-02-24"}`},
		{rec{}, `{"due":""}`},
	}
	for _, tt := range tests {
		raw, err := json.Marshal(tt.in)
		if err != nil {
			t.Fatalf("Marshal(%+v): %v", tt.in, err)
		}
		if string(raw) != tt.want {
			t.Errorf("Marshal(%+v) = %s, want %s", tt.in, raw, tt.want)
		}
		var back rec
		if err := json.Unmarshal(raw, &back); err != nil {
			t.Fatalf("Unmarshal(%s): %v", raw, err)
		}
		if back != tt.in {
			t.Errorf("round trip of %+v gave %+v", tt.in, back)
		}
	}
	// A bare zero Date marshals to "".
	raw, err := json.Marshal(coach.Date{})
	if err != nil || string(raw) != `""` {
		t.Errorf("Marshal(Date{}) = %s, %v", raw, err)
	}
	// Stored dates must be ISO; anything else is refused, not guessed.
	for _, bad := range []string{`"24/2/2027"`, `"2027-02-30"`, `"tomorrow"`, `"2027-2-4"`, `20270224`} {
		var v coach.Date
		if err := json.Unmarshal([]byte(bad), &v); err == nil {
			t.Errorf("Unmarshal(%s) = %v, want an error", bad, v)
		}
	}
	// A date already set is cleared by "".
	v := thursday
	if err := json.Unmarshal([]byte(`""`), &v); err != nil || !v.IsZero() {
		t.Errorf(`Unmarshal("") gave %v, %v`, v, err)
	}
	// Dates work as text elsewhere too, e.g. as map keys.
	m := map[coach.Date]int{thursday: 1}
	raw, err = json.Marshal(m)
	if err != nil || string(raw) != `{"2026-11-26":1}` {
		t.Errorf("map key: %s, %v", raw, err)
	}
}

// Before compares calendar days field by field: the same answer as
// comparing their times, for every pair of days across years and month ends.
func TestDateBeforeIsTimeBefore(t *testing.T) {
	start := coach.Date{2024, time.January, 1}
	var days []coach.Date
	for i := 0; i < 800; i += 7 {
		days = append(days, start.AddDays(i), start.AddDays(i+1))
	}
	days = append(days, coach.Date{})
	for _, a := range days {
		for _, b := range days {
			if got, want := a.Before(b), a.Time().Before(b.Time()); got != want {
				t.Fatalf("%v.Before(%v) = %v, want %v", a, b, got, want)
			}
		}
	}
}
