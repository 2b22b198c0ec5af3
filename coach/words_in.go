package coach

import "attend/coach/msg"

// The words of a cadence, a due date, an owner and an outcome in a
// language, from the message catalogue (coach/msg); String and Label are
// the English.

// StringIn is String in a language: "every 6 weeks", "bob pythefnos".
func (c Cadence) StringIn(l *msg.Lang) string {
	c = c.Effective()
	if c.Weeks > 0 {
		return l.T("cadence.weeks", "Count", c.Weeks)
	}
	return l.T("cadence.months", "Count", c.Months)
}

// LabelIn is Label in a language: "overdue by 3 days", "due Mon 14 Dec 2026".
func (d Due) LabelIn(l *msg.Lang) string {
	switch {
	case d.State == NeverMet:
		return l.T("due.never")
	case d.State == Overdue:
		return l.T("due.overdue", "Count", -d.Days)
	case d.Days == 0:
		return l.T("due.today")
	case d.Days == 1:
		return l.T("due.tomorrow")
	case d.Days <= SoonDays:
		return l.T("due.in", "Count", d.Days)
	}
	return l.T("due.on", "Date", l.Date(d.Date.Time()))
}

// LabelIn is Label in a language: "me", "fi".
func (o Owner) LabelIn(l *msg.Lang) string { return l.T("owner." + string(o)) }

// LabelIn is Label in a language: "partly helped", "wedi helpu'n rhannol".
func (o Outcome) LabelIn(l *msg.Lang) string { return l.T("outcome." + string(o)) }

// dateIn is a day as the language writes it; "" for no date.
func dateIn(l *msg.Lang, d Date) string {
	if d.IsZero() {
		return ""
	}
	return l.Date(d.Time())
}
