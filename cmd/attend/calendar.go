package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"
	"github.com/spf13/cobra"

	"attend/coach"
	"attend/coach/msg"
)

func newCalendarCmd(o *options) *cobra.Command {
	var initials bool
	cmd := &cobra.Command{
		Use:   "calendar",
		Short: "Print everyone's next due supervision as an iCalendar file (.ics)",
		Long: `calendar prints each person's next due supervision as an all-day event in
iCalendar form, for Outlook, Google Calendar or any other calendar to import.
The date is the one agreed at their last session, else one cadence after it
(attend cadence). Someone overdue is put on today, and the event says since
when. People with no session yet have no date, so they are left out (and
named on stderr).

Each event is titled "Supervision: NAME", or with --initials just their
initials, for a calendar others can see. It never holds a note: only the
dates and how often supervision is due.

Each person keeps the same event id from one run to the next, so importing a
newer file moves their event rather than adding a second one. Make the file
again after each session to keep your calendar up to date.`,
		Example: `  attend calendar > supervisions.ics
  attend calendar --initials > supervisions.ics`,
		Args: o.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := o.words()
			st, err := o.open(true, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			people, err := st.People()
			if err != nil {
				return err
			}
			day := today() // one day for the events and the file, even at midnight
			events, unmet := coach.SupervisionCalendarIn(people, day, initials, l)
			if len(unmet) > 0 {
				var names []string
				for _, p := range unmet {
					if initials {
						names = append(names, coach.Initials(p.Name))
					} else {
						names = append(names, p.Name)
					}
				}
				fmt.Fprintln(cmd.ErrOrStderr(), l.T("cli.cal.unmet", "Names", strings.Join(names, ", ")))
			}
			if len(events) == 0 {
				return errors.New(l.T("cli.cal.none"))
			}
			return writeCalendar(cmd.OutOrStdout(), events, day, time.Now(), l)
		},
	}
	cmd.Flags().BoolVar(&initials, "initials", false, "title each event with the person's initials, not their name")
	return cmd
}

// calendarEpoch is day 0 of the events' SEQUENCE (see writeCalendar).
var calendarEpoch = coach.Date{Year: 2020, Month: time.January, Day: 1}

// writeCalendar encodes the events as iCalendar (RFC 5545). Each event's
// UID is the person's id, so a calendar that imports a newer file updates
// their event in place; its SEQUENCE is the day the file was made, counted
// from 2020, so a later file is a newer revision to calendars (Outlook)
// that compare them. Events are all-day (a DATE start, the next day as
// the end), shown as free time and marked private.
func writeCalendar(w io.Writer, events []coach.CalendarEvent, day coach.Date, now time.Time, l *msg.Lang) error {
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, "-//attend//Supervisions//EN")
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	cal.Props.SetText(ical.PropMethod, "PUBLISH")
	name := ical.NewProp("X-WR-CALNAME") // read by Outlook and Google as the calendar's name
	name.Value = l.T("cli.cal.name")
	cal.Props.Set(name)
	seq := ical.NewProp(ical.PropSequence)
	seq.Value = strconv.Itoa(max(calendarEpoch.DaysUntil(day), 0))
	for _, e := range events {
		ev := ical.NewEvent()
		ev.Props.SetText(ical.PropUID, "supervision-"+e.PersonID+"@attend")
		ev.Props.SetDateTime(ical.PropDateTimeStamp, now.UTC().Truncate(time.Second))
		ev.Props.SetDate(ical.PropDateTimeStart, e.On.Time())
		ev.Props.SetDate(ical.PropDateTimeEnd, e.On.AddDays(1).Time())
		ev.Props.SetText(ical.PropSummary, e.Title)
		ev.Props.SetText(ical.PropDescription, e.Description)
		ev.Props.SetText(ical.PropTransparency, "TRANSPARENT")
		ev.Props.SetText(ical.PropClass, "PRIVATE")
		ev.Props.Set(seq)
		cal.Children = append(cal.Children, ev.Component)
	}
	return ical.NewEncoder(folder{w}).Encode(cal)
}

// icalLineMax is the longest line RFC 5545 (3.1) wants, in octets.
const icalLineMax = 75

// folder folds long lines as RFC 5545 asks: at most 75 octets a line, a
// longer one continued on the next after CRLF and a space, never inside a
// UTF-8 character. (The encoder writes each line whole, ending in CRLF.)
type folder struct{ w io.Writer }

func (f folder) Write(p []byte) (int, error) {
	line := bytes.TrimSuffix(p, []byte("\r\n"))
	if len(line) <= icalLineMax {
		return f.w.Write(p)
	}
	var out bytes.Buffer
	limit := icalLineMax
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		out.Write(line[:cut])
		out.WriteString("\r\n ")
		line = line[cut:]
		limit = icalLineMax - 1 // the leading space counts
	}
	out.Write(line)
	out.WriteString("\r\n")
	if _, err := f.w.Write(out.Bytes()); err != nil {
		return 0, err
	}
	return len(p), nil
}
