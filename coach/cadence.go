package coach

import (
	"fmt"
	"strconv"
	"strings"
)

// Cadence is how often a person should have supervision: a number of weeks
// or of calendar months. The zero Cadence is the default, three months (the
// interval commonly cited from the Welsh statutory guidance for reg 36).
type Cadence struct {
	Weeks  int `json:"weeks,omitempty"`
	Months int `json:"months,omitempty"`
}

// DefaultCadence is every three months.
var DefaultCadence = Cadence{Months: 3}

// Effective returns the cadence to use, filling in the default.
func (c Cadence) Effective() Cadence {
	if c.Weeks <= 0 && c.Months <= 0 {
		return DefaultCadence
	}
	return c
}

// After returns the date one interval after d.
func (c Cadence) After(d Date) Date {
	c = c.Effective()
	if c.Weeks > 0 {
		return d.AddDays(7 * c.Weeks)
	}
	return d.AddMonths(c.Months)
}

// String says the interval in words: "every 6 weeks", "every 3 months".
func (c Cadence) String() string { return c.StringIn(english) }

// DueState orders people by how urgently they need a session.
type DueState int

const (
	Overdue  DueState = iota // past the due date
	DueSoon                  // within the next two weeks (or today)
	NeverMet                 // no session yet
	NotDue                   // comfortably ahead
)

// SoonDays is how far ahead "due soon" looks.
const SoonDays = 14

// Due is when a person's next session falls and how it stands today.
type Due struct {
	State DueState
	Date  Date // zero when NeverMet
	Days  int  // days from today to Date (negative when overdue)
}

// DueFor works out when the person's next session is due: the date agreed at
// the last session if there was one, otherwise one cadence after it.
func DueFor(p Person, today Date) Due {
	if p.LastSession.IsZero() && p.NextSession.IsZero() {
		return Due{State: NeverMet}
	}
	due := p.NextSession
	if due.IsZero() {
		due = p.Cadence.After(p.LastSession)
	}
	days := today.DaysUntil(due)
	st := NotDue
	switch {
	case days < 0:
		st = Overdue
	case days <= SoonDays:
		st = DueSoon
	}
	return Due{State: st, Date: due, Days: days}
}

// Label is a short plain-language phrase for the due state, in English
// (LabelIn says it in any language, from the same catalogue).
func (d Due) Label() string { return d.LabelIn(english) }

// ReadCadence reads an interval as a manager types it: "6w", "6 weeks",
// "2m", "3 months", "every 6 weeks", "monthly", "weekly". Intervals run
// from one week to two years.
func ReadCadence(in string) (Cadence, error) {
	s := strings.ToLower(strings.TrimSpace(in))
	s = strings.TrimPrefix(s, "every ")
	switch s {
	case "week", "weekly":
		return Cadence{Weeks: 1}, nil
	case "month", "monthly":
		return Cadence{Months: 1}, nil
	}
	s = strings.ReplaceAll(s, " ", "")
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(s[:i])
	bad := said("coach.cadence.unreadable", "Typed", fmt.Sprintf("%q", strings.TrimSpace(in)))
	if err != nil || n < 1 {
		return Cadence{}, bad
	}
	switch s[i:] {
	case "w", "wk", "wks", "week", "weeks":
		if n > 104 {
			return Cadence{}, said("coach.cadence.weeks", "N", n)
		}
		return Cadence{Weeks: n}, nil
	case "m", "mo", "month", "months":
		if n > 24 {
			return Cadence{}, said("coach.cadence.months", "N", n)
		}
		return Cadence{Months: n}, nil
	}
	return Cadence{}, bad
}
