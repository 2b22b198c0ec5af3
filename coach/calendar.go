package coach

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"attend/coach/msg"
)

// CalendarEvent is one person's next due supervision, as a calendar holds
// it: an all-day event with a title and a short description. It carries
// dates, a cadence and a name (or initials) only, never a note.
type CalendarEvent struct {
	PersonID string
	Title    string // "Supervision: Siân Ŵyn", or "Supervision: SŴ"
	On       Date   // the day of the event: the due date, or today when overdue
	Due      Date
	Overdue  bool
	// Description says when it was due and why, in plain words.
	Description string
}

// SupervisionCalendar lists everyone's next due supervision (DueFor: the
// date agreed at the last session, else one cadence after it), soonest
// first. Someone overdue is put on today, so it is in front of the manager,
// and the description says since when. With initials, titles carry initials
// instead of names. People with no session yet have no due date: they are
// returned in unmet, for the caller to mention.
func SupervisionCalendar(people []Person, today Date, initials bool) (events []CalendarEvent, unmet []Person) {
	return SupervisionCalendarIn(people, today, initials, english)
}

// SupervisionCalendarIn is SupervisionCalendar with the titles and
// descriptions in a language.
func SupervisionCalendarIn(people []Person, today Date, initials bool, l *msg.Lang) (events []CalendarEvent, unmet []Person) {
	for _, p := range people {
		due := DueFor(p, today)
		if due.State == NeverMet {
			unmet = append(unmet, p)
			continue
		}
		who := p.Name
		if initials {
			who = Initials(p.Name)
		}
		ev := CalendarEvent{PersonID: p.ID, Title: l.T("cli.cal.title", "Who", who), On: due.Date, Due: due.Date}
		var desc strings.Builder
		if due.State == Overdue {
			ev.On, ev.Overdue = today, true
			desc.WriteString(l.T("cli.cal.overdue", "Date", dateIn(l, due.Date)) + " ")
		} else {
			desc.WriteString(l.T("cli.cal.due", "Date", dateIn(l, due.Date)) + " ")
		}
		desc.WriteString(l.T("cli.cal.cadence", "Cadence", p.Cadence.StringIn(l)))
		if !p.LastSession.IsZero() {
			desc.WriteString(l.T("cli.cal.last", "Date", dateIn(l, p.LastSession)))
		}
		if !p.NextSession.IsZero() {
			desc.WriteString(l.T("cli.cal.agreed"))
		}
		desc.WriteString(".\n" + l.T("cli.cal.from"))
		ev.Description = desc.String()
		events = append(events, ev)
	}
	slices.SortStableFunc(events, func(a, b CalendarEvent) int {
		return cmp.Or(a.On.Time().Compare(b.On.Time()), cmp.Compare(Fold(a.Title), Fold(b.Title)))
	})
	return events, unmet
}

// Initials are the first letter of each word of a name, in capitals:
// "Siân Ŵyn" is "SŴ", "Mary-Jane O'Neill" is "MJO".
func Initials(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' }) {
		for _, r := range w {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(unicode.ToUpper(r))
				break
			}
		}
	}
	if b.Len() == 0 {
		return "?"
	}
	return b.String()
}
