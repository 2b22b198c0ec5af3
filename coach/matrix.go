package coach

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// This file computes the supervision matrix that care inspectors ask for:
// who had supervision in which month, and whether each gap between
// sessions kept to that person's cadence. It holds dates and counts only,
// never a note; the command line prints it.

// Month is one calendar month: a column of the matrix.
type Month struct {
	Year  int
	Month time.Month
}

// MonthOf is the month d falls in.
func MonthOf(d Date) Month { return Month{d.Year, d.Month} }

// First is the first day of the month.
func (m Month) First() Date { return Date{m.Year, m.Month, 1} }

// Last is the last day of the month (29 February in a leap year).
func (m Month) Last() Date { return m.AddMonths(1).First().AddDays(-1) }

// AddMonths moves by n months, across years as needed.
func (m Month) AddMonths(n int) Month {
	i := m.index() + n
	return Month{Year: floorDiv(i, 12), Month: time.Month(i-12*floorDiv(i, 12)) + 1}
}

// Before reports whether m is an earlier month than o.
func (m Month) Before(o Month) bool { return m.index() < o.index() }

// MonthsFrom counts the months from m to o, both included: 1 when they are
// the same month, 0 or less when o is before m.
func (m Month) MonthsFrom(o Month) int { return o.index() - m.index() + 1 }

// String is the ISO form, "2026-01".
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// Human is the form people read, "Jan 2026".
func (m Month) Human() string { return m.First().Time().Format("Jan 2006") }

func (m Month) index() int { return m.Year*12 + int(m.Month) - 1 }

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// MatrixSession is one session in the matrix.
type MatrixSession struct {
	Date Date
	// Late is set when this session came after the date one cadence on from
	// the session before it: the gap did not keep to the cadence. A first
	// session is never late (there is no gap to measure).
	Late bool
}

// Standing is how a person stands today against their cadence.
type Standing int

const (
	WithinCadence Standing = iota // the next session is not yet due (or is due today)
	PastCadence                   // more than one cadence since the last session
	NoSessionYet                  // no saved session at all
)

// MatrixRow is one person's line of the matrix.
type MatrixRow struct {
	PersonID string
	Name     string
	Cadence  Cadence // effective: the default filled in
	// Cells holds the sessions in each month of Matrix.Months, oldest first.
	Cells [][]MatrixSession
	// Sessions and Late count the sessions in the range, and those of them
	// that came late.
	Sessions, Late int
	// Last is the date of their latest session (zero if none), and Due one
	// cadence after it: the day by which the next should be held.
	Last, Due Date
	Standing  Standing
}

// Matrix is the supervision matrix over a range of months.
type Matrix struct {
	Months []Month
	Rows   []MatrixRow // by name, ignoring case and accents
	// Sessions counts the sessions held in each month, everyone together.
	Sessions []int
	// Total and Late count every session in the range, and the late ones.
	Total, Late int
	// How many people stand each way today, of len(Rows).
	Within, Past, Unmet int
	Today               Date
}

// BuildMatrix lays out the matrix for the months from..to (both included;
// to before from gives no columns). sessions holds each person's session
// dates by person id, in any order; sessions outside the range still count
// for the gaps, so the first session shown is measured against the one
// before it. Each gap is measured with the person's cadence (Cadence.After,
// so a month from 31 January is 28 or 29 February), and so is today's
// standing; a date agreed at the last session does not change either,
// since inspectors ask about the required frequency.
func BuildMatrix(people []Person, sessions map[string][]Date, from, to Month, today Date) Matrix {
	n := max(from.MonthsFrom(to), 0)
	m := Matrix{Today: today, Sessions: make([]int, n)}
	for i := range n {
		m.Months = append(m.Months, from.AddMonths(i))
	}
	people = slices.Clone(people)
	slices.SortStableFunc(people, func(a, b Person) int {
		return cmp.Or(cmp.Compare(Fold(a.Name), Fold(b.Name)), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	for _, p := range people {
		row := MatrixRow{PersonID: p.ID, Name: p.Name, Cadence: p.Cadence.Effective(), Cells: make([][]MatrixSession, n)}
		dates := slices.Clone(sessions[p.ID])
		slices.SortFunc(dates, func(a, b Date) int { return a.Time().Compare(b.Time()) })
		var prev Date
		for _, d := range dates {
			s := MatrixSession{Date: d, Late: !prev.IsZero() && row.Cadence.After(prev).Before(d)}
			prev = d
			col := from.MonthsFrom(MonthOf(d)) - 1
			if col < 0 || col >= n {
				continue
			}
			row.Cells[col] = append(row.Cells[col], s)
			row.Sessions++
			m.Sessions[col]++
			if s.Late {
				row.Late++
			}
		}
		row.Last = prev
		switch {
		case prev.IsZero():
			row.Standing = NoSessionYet
			m.Unmet++
		case row.Cadence.After(prev).Before(today):
			row.Due = row.Cadence.After(prev)
			row.Standing = PastCadence
			m.Past++
		default:
			row.Due = row.Cadence.After(prev)
			row.Standing = WithinCadence
			m.Within++
		}
		m.Total += row.Sessions
		m.Late += row.Late
		m.Rows = append(m.Rows, row)
	}
	return m
}

// MatrixRange works out the months for --from and --to (either may be
// zero): by default the twelve months up to and including this one; from
// alone runs to this month, to alone starts eleven months before it.
func MatrixRange(from, to, today Date) (Month, Month, error) {
	last := MonthOf(today)
	if !to.IsZero() {
		last = MonthOf(to)
	}
	first := last.AddMonths(-11)
	if !from.IsZero() {
		first = MonthOf(from)
	}
	switch {
	case last.Before(first):
		return first, last, said("coach.matrix.backwards", "To", last, "From", first)
	case first.MonthsFrom(last) > MaxMatrixMonths:
		return first, last, said("coach.matrix.wide", "From", first, "To", last, "Months", first.MonthsFrom(last), "Max", MaxMatrixMonths)
	}
	return first, last, nil
}

// MaxMatrixMonths bounds the matrix's width.
const MaxMatrixMonths = 120
