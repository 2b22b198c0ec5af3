package coach_test

import (
	"slices"
	"testing"
	"time"

	"attend/coach"
)

func mon(y int, m time.Month) coach.Month { return coach.Month{Year: y, Month: m} }

func TestMonth(t *testing.T) {
	for _, tt := range []struct {
		m     coach.Month
		add   int
		want  coach.Month
		last  coach.Date // of m
		human string     // of m
	}{
		{mon(2026, 1), 1, mon(2026, 2), d(2026, 1, 31), "Jan 2026"},
		{mon(2026, 12), 1, mon(2027, 1), d(2026, 12, 31), "Dec 2026"}, // year boundary
		{mon(2027, 1), -1, mon(2026, 12), d(2027, 1, 31), "Jan 2027"},
		{mon(2026, 12), -11, mon(2026, 1), d(2026, 12, 31), "Dec 2026"},
		{mon(2027, 2), 12, mon(2028, 2), d(2027, 2, 28), "Feb 2027"},
		{mon(2028, 2), 0, mon(2028, 2), d(2028, 2, 29), "Feb 2028"}, // leap year
		{mon(2100, 2), 0, mon(2100, 2), d(2100, 2, 28), "Feb 2100"}, // not a leap year
		{mon(2026, 4), -28, mon(2023, 12), d(2026, 4, 30), "Apr 2026"},
	} {
		if got := tt.m.AddMonths(tt.add); got != tt.want {
			t.Errorf("%v.AddMonths(%d) = %v, want %v", tt.m, tt.add, got, tt.want)
		}
		if got := tt.m.Last(); got != tt.last {
			t.Errorf("%v.Last() = %v, want %v", tt.m, got, tt.last)
		}
		if got := tt.m.Human(); got != tt.human {
			t.Errorf("%v.Human() = %q, want %q", tt.m, got, tt.human)
		}
		if n := tt.m.MonthsFrom(tt.m.AddMonths(tt.add)); n != tt.add+1 {
			t.Errorf("%v.MonthsFrom(+%d) = %d, want %d", tt.m, tt.add, n, tt.add+1)
		}
	}
	if got := mon(2026, 3).String(); got != "2026-03" {
		t.Errorf("String() = %q", got)
	}
}

// lateness is a row's sessions in the range as "date" or "date late".
func lateness(r coach.MatrixRow) []string {
	var out []string
	for _, cell := range r.Cells {
		for _, s := range cell {
			w := s.Date.String()
			if s.Late {
				w += " late"
			}
			out = append(out, w)
		}
	}
	return out
}

// Each gap is measured with the person's cadence from the session before
// it, as a person counts on a calendar: a month from 31 January is the end
// of February, and 29 February exists only in leap years.
func TestMatrixGaps(t *testing.T) {
	monthly := coach.Cadence{Months: 1}
	for _, tt := range []struct {
		name    string
		cadence coach.Cadence
		dates   []coach.Date
		want    []string
	}{
		{"the first session is never late", monthly, []coach.Date{d(2027, 3, 1)}, []string{"2027-03-01"}},
		{"31st to the end of a shorter month", monthly,
			[]coach.Date{d(2027, 1, 31), d(2027, 2, 28), d(2027, 3, 28), d(2027, 4, 29)},
			[]string{"2027-01-31", "2027-02-28", "2027-03-28", "2027-04-29 late"}},
		{"31 January to 1 March is a day too many", monthly,
			[]coach.Date{d(2027, 1, 31), d(2027, 3, 1)},
			[]string{"2027-01-31", "2027-03-01 late"}},
		{"29 February 2028 is a month after 31 January", monthly,
			[]coach.Date{d(2028, 1, 31), d(2028, 2, 29), d(2028, 3, 29), d(2028, 4, 30)},
			[]string{"2028-01-31", "2028-02-29", "2028-03-29", "2028-04-30 late"}},
		{"in 2027 there is no 29 February", monthly,
			[]coach.Date{d(2027, 1, 29), d(2027, 2, 28), d(2027, 3, 29)},
			[]string{"2027-01-29", "2027-02-28", "2027-03-29 late"}},
		{"the default three months, into a leap year", coach.Cadence{},
			[]coach.Date{d(2027, 11, 30), d(2028, 2, 29), d(2028, 5, 29), d(2028, 8, 30)},
			[]string{"2027-11-30", "2028-02-29", "2028-05-29", "2028-08-30 late"}},
		{"a year from 29 February is 28 February", coach.Cadence{Months: 12},
			[]coach.Date{d(2028, 2, 29), d(2029, 2, 28), d(2030, 3, 1)},
			[]string{"2028-02-29", "2029-02-28", "2030-03-01 late"}},
		{"over the new year", monthly,
			[]coach.Date{d(2027, 12, 15), d(2028, 1, 15), d(2028, 2, 16)},
			[]string{"2027-12-15", "2028-01-15", "2028-02-16 late"}},
		{"weeks through 29 February", coach.Cadence{Weeks: 4},
			[]coach.Date{d(2028, 2, 1), d(2028, 2, 29), d(2028, 3, 28), d(2028, 4, 26)},
			[]string{"2028-02-01", "2028-02-29", "2028-03-28", "2028-04-26 late"}},
		{"six weeks over the new year", coach.Cadence{Weeks: 6},
			[]coach.Date{d(2027, 12, 1), d(2028, 1, 12), d(2028, 2, 24)},
			[]string{"2027-12-01", "2028-01-12", "2028-02-24 late"}},
		{"two on one day, given in any order", monthly,
			[]coach.Date{d(2028, 3, 10), d(2028, 1, 5), d(2028, 3, 10), d(2028, 2, 1)},
			[]string{"2028-01-05", "2028-02-01", "2028-03-10 late", "2028-03-10"}},
	} {
		p := coach.Person{ID: "p", Name: "Siân Ŵyn", Cadence: tt.cadence}
		m := coach.BuildMatrix([]coach.Person{p}, map[string][]coach.Date{"p": tt.dates},
			mon(2027, 1), mon(2030, 12), d(2027, 1, 1))
		if got := lateness(m.Rows[0]); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// Sessions fall into their month's column; those before the range still
// measure the gap to the first one shown; totals count the range only.
func TestMatrixColumnsAndTotals(t *testing.T) {
	today := d(2028, 3, 31)
	people := []coach.Person{
		{ID: "w", Name: "Wyn Jones", Cadence: coach.Cadence{Weeks: 6}},
		{ID: "s", Name: "siân Ŵyn", Cadence: coach.Cadence{Months: 1}},
		{ID: "a", Name: "Aled Evans"}, // the default: every 3 months
		{ID: "n", Name: "Nia Owen"},   // never met
	}
	sessions := map[string][]coach.Date{
		"s": {d(2027, 10, 31), d(2027, 12, 1), d(2028, 1, 1), d(2028, 1, 31), d(2028, 2, 29), d(2028, 3, 31)},
		"a": {d(2027, 9, 30), d(2028, 1, 2)},
		"w": {d(2027, 12, 20), d(2028, 1, 31)},
	}
	m := coach.BuildMatrix(people, sessions, mon(2027, 12), mon(2028, 3), today)
	if want := []coach.Month{mon(2027, 12), mon(2028, 1), mon(2028, 2), mon(2028, 3)}; !slices.Equal(m.Months, want) {
		t.Fatalf("months %v, want %v", m.Months, want)
	}
	var names []string
	for _, r := range m.Rows {
		names = append(names, r.Name)
	}
	if want := []string{"Aled Evans", "Nia Owen", "siân Ŵyn", "Wyn Jones"}; !slices.Equal(names, want) {
		t.Fatalf("rows %v, want %v (by name, ignoring case and accents)", names, want)
	}
	aled, nia, sian, wyn := m.Rows[0], m.Rows[1], m.Rows[2], m.Rows[3]

	// Siân: 31 Oct to 1 Dec is more than a month (30 Nov), so 1 Dec is late
	// although 31 October is before the range.
	if got, want := lateness(sian), []string{"2027-12-01 late", "2028-01-01", "2028-01-31", "2028-02-29", "2028-03-31 late"}; !slices.Equal(got, want) {
		t.Errorf("Siân %v, want %v", got, want)
	}
	if len(sian.Cells[1]) != 2 || len(sian.Cells[2]) != 1 {
		t.Errorf("Siân's cells %v: two in January, one in February", sian.Cells)
	}
	if sian.Sessions != 5 || sian.Late != 2 || sian.Standing != coach.WithinCadence || sian.Last != d(2028, 3, 31) || sian.Due != d(2028, 4, 30) {
		t.Errorf("Siân %+v", sian)
	}
	// Aled: 30 Sep + 3 months = 30 Dec; 2 Jan is late. Due 2 Apr: within.
	if got := lateness(aled); !slices.Equal(got, []string{"2028-01-02 late"}) || aled.Standing != coach.WithinCadence || aled.Due != d(2028, 4, 2) {
		t.Errorf("Aled %v %+v", got, aled)
	}
	// Wyn: 20 Dec + 6 weeks = 31 Jan, on time; then due 13 Mar, so past it today.
	if got := lateness(wyn); !slices.Equal(got, []string{"2027-12-20", "2028-01-31"}) || wyn.Standing != coach.PastCadence || wyn.Due != d(2028, 3, 13) {
		t.Errorf("Wyn %v %+v", got, wyn)
	}
	if nia.Standing != coach.NoSessionYet || nia.Sessions != 0 || !nia.Last.IsZero() || !nia.Due.IsZero() {
		t.Errorf("Nia %+v", nia)
	}
	if !slices.Equal(m.Sessions, []int{2, 4, 1, 1}) || m.Total != 8 || m.Late != 3 {
		t.Errorf("per month %v, total %d, late %d; want [2 4 1 1], 8, 3", m.Sessions, m.Total, m.Late)
	}
	if m.Within != 2 || m.Past != 1 || m.Unmet != 1 {
		t.Errorf("within %d, past %d, unmet %d; want 2, 1, 1", m.Within, m.Past, m.Unmet)
	}
}

// Today's standing: due today is still within the cadence; the day after is past it.
func TestMatrixStandingToday(t *testing.T) {
	p := []coach.Person{{ID: "p", Name: "P", Cadence: coach.Cadence{Months: 1}}}
	s := map[string][]coach.Date{"p": {d(2028, 1, 31)}}
	for today, want := range map[coach.Date]coach.Standing{
		d(2028, 2, 28): coach.WithinCadence,
		d(2028, 2, 29): coach.WithinCadence,
		d(2028, 3, 1):  coach.PastCadence,
	} {
		if got := coach.BuildMatrix(p, s, mon(2028, 1), mon(2028, 3), today).Rows[0].Standing; got != want {
			t.Errorf("on %v: %v, want %v", today, got, want)
		}
	}
}

func TestMatrixRange(t *testing.T) {
	today := d(2027, 1, 15)
	for _, tt := range []struct {
		from, to    coach.Date
		first, last coach.Month
		bad         bool
	}{
		{coach.Date{}, coach.Date{}, mon(2026, 2), mon(2027, 1), false}, // the last 12 months, over the new year
		{d(2026, 9, 30), coach.Date{}, mon(2026, 9), mon(2027, 1), false},
		{coach.Date{}, d(2026, 6, 1), mon(2025, 7), mon(2026, 6), false},
		{d(2026, 3, 31), d(2026, 3, 1), mon(2026, 3), mon(2026, 3), false}, // one month
		{d(2026, 4, 1), d(2026, 3, 31), coach.Month{}, coach.Month{}, true},
		{d(2016, 1, 1), d(2025, 12, 31), mon(2016, 1), mon(2025, 12), false}, // ten years
		{d(2015, 12, 31), d(2025, 12, 31), coach.Month{}, coach.Month{}, true},
	} {
		first, last, err := coach.MatrixRange(tt.from, tt.to, today)
		if (err != nil) != tt.bad {
			t.Errorf("MatrixRange(%v, %v): %v", tt.from, tt.to, err)
			continue
		}
		if !tt.bad && (first != tt.first || last != tt.last) {
			t.Errorf("MatrixRange(%v, %v) = %v..%v, want %v..%v", tt.from, tt.to, first, last, tt.first, tt.last)
		}
	}
}
