package main

import (
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"

	"attend/coach"
)

// notes are the words written in the fixture's sessions: neither the
// calendar nor the matrix may ever print any of them.
var scheduleNotes = []string{"Rota gaps", "Tuesdays", "night shifts", "Book the refresher", "Hiraeth"}

// scheduleFixture is a database of four people: Siân (every 3 months,
// overdue), Llŷr (every 6 weeks, due soon), Aled (every month, with a
// session on 31 January 2026 and the end of February) and Nia (no session).
func scheduleFixture(t *testing.T) (db string, ids map[string]string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "attend.db")
	st := openStore(t, db)
	ids = map[string]string{}
	person := func(name string, c coach.Cadence) coach.Person {
		p, _, err := st.EnsurePerson(name)
		if err != nil {
			t.Fatal(err)
		}
		if p, err = st.UpdatePerson(p.ID, func(p *coach.Person) error { p.Cadence = c; return nil }); err != nil {
			t.Fatal(err)
		}
		ids[name] = p.ID
		return p
	}
	sian := person("Siân Ŵyn", coach.Cadence{})
	llyr := person("Llŷr Ifans", coach.Cadence{Weeks: 6})
	aled := person("Aled Evans", coach.Cadence{Months: 1})
	person("Nia Owen", coach.Cadence{})
	created := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	add := func(p coach.Person, date coach.Date, notes ...string) {
		s := coach.NewSession(p.ID, "en", created)
		created = created.Add(time.Minute)
		s.Date = date
		for i, n := range notes {
			s.SetAnswer([]string{"understand.challenges", "checkin.head", "empathise.feeling"}[i], coach.Answer{Text: n})
		}
		s.Actions = []coach.Action{{Text: "Book the refresher", Owner: coach.OwnerMe}}
		if _, err := st.SaveSession(s); err != nil {
			t.Fatal(err)
		}
	}
	add(sian, coach.Date{Year: 2026, Month: 4, Day: 2}, "Rota gaps on Tuesdays")
	add(sian, coach.Date{Year: 2026, Month: 8, Day: 1}, "Talked about the night shifts", "Hiraeth")
	add(llyr, coach.Date{Year: 2026, Month: 11, Day: 2}, "Rota gaps again")
	add(aled, coach.Date{Year: 2026, Month: 1, Day: 31})
	add(aled, coach.Date{Year: 2026, Month: 2, Day: 28})
	add(aled, coach.Date{Year: 2026, Month: 10, Day: 31})
	add(aled, coach.Date{Year: 2026, Month: 11, Day: 30}) // ahead of today
	return db, ids
}

// parseCalendar parses attend's output back with the iCalendar library.
func parseCalendar(t *testing.T, out string) *ical.Calendar {
	t.Helper()
	dec := ical.NewDecoder(strings.NewReader(out))
	cal, err := dec.Decode()
	if err != nil {
		t.Fatalf("the calendar does not parse: %v\n%s", err, out)
	}
	if _, err := dec.Decode(); err != io.EOF {
		t.Fatalf("more than one calendar in the output: %v", err)
	}
	return cal
}

type calEvent struct{ uid, summary, start, end, desc string }

func calEvents(t *testing.T, cal *ical.Calendar) []calEvent {
	t.Helper()
	var out []calEvent
	for _, e := range cal.Events() {
		var ce calEvent
		for name, to := range map[string]*string{ical.PropUID: &ce.uid, ical.PropSummary: &ce.summary, ical.PropDescription: &ce.desc} {
			v, err := e.Props.Text(name)
			if err != nil {
				t.Fatal(err)
			}
			*to = v
		}
		for name, to := range map[string]*string{ical.PropDateTimeStart: &ce.start, ical.PropDateTimeEnd: &ce.end} {
			p := e.Props.Get(name)
			if p == nil || p.ValueType() != ical.ValueDate {
				t.Fatalf("%s of %q is not a date: %+v", name, ce.summary, p)
			}
			d, err := p.DateTime(time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			*to = coach.DateOf(d).String()
		}
		out = append(out, ce)
	}
	return out
}

func TestCalendar(t *testing.T) {
	db, ids := scheduleFixture(t)
	onDay(t, coach.Date{Year: 2026, Month: time.November, Day: 26})
	out, said, err := attendErr(t, "calendar", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if want := "not in the calendar, with no session yet to count from: Nia Owen\n"; said != want {
		t.Errorf("stderr %q, want %q", said, want)
	}
	cal := parseCalendar(t, out)
	if v, _ := cal.Props.Text(ical.PropVersion); v != "2.0" {
		t.Errorf("VERSION %q", v)
	}
	got := calEvents(t, cal)
	want := []calEvent{
		// Overdue since 1 November: on today.
		{"supervision-" + ids["Siân Ŵyn"] + "@attend", "Supervision: Siân Ŵyn", "2026-11-26", "2026-11-27", "Overdue since Sun 1 Nov 2026"},
		{"supervision-" + ids["Aled Evans"] + "@attend", "Supervision: Aled Evans", "2026-12-30", "2026-12-31", "Due Wed 30 Dec 2026"},
		{"supervision-" + ids["Llŷr Ifans"] + "@attend", "Supervision: Llŷr Ifans", "2026-12-14", "2026-12-15", "Due Mon 14 Dec 2026"},
	}
	slices.SortFunc(got, func(a, b calEvent) int { return strings.Compare(a.summary, b.summary) })
	slices.SortFunc(want, func(a, b calEvent) int { return strings.Compare(a.summary, b.summary) })
	if len(got) != len(want) {
		t.Fatalf("%d events, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.uid != w.uid || g.summary != w.summary || g.start != w.start || g.end != w.end || !strings.HasPrefix(g.desc, w.desc) {
			t.Errorf("event %+v\nwant  %+v", g, w)
		}
	}
	for _, n := range scheduleNotes {
		if strings.Contains(out, n) {
			t.Errorf("the calendar holds note text %q", n)
		}
	}
	for _, line := range strings.SplitAfter(out, "\r\n") {
		if len(line) > 75+2 {
			t.Errorf("a line of %d octets (RFC 5545 wants at most 75): %q", len(line)-2, line)
		}
	}

	// Made again after a new session, everyone keeps their UID: importing
	// it moves Siân's event rather than adding another.
	st := openStore(t, db)
	s := coach.NewSession(ids["Siân Ŵyn"], "en", time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC))
	s.Date = coach.Date{Year: 2026, Month: 11, Day: 26}
	s.SetAnswer("agenda.said", coach.Answer{Text: "The rota."}) // a session held has a record
	if _, err := st.SaveSession(s); err != nil {
		t.Fatal(err)
	}
	st.Close()
	again := calEvents(t, parseCalendar(t, mustAttend(t, "calendar", "--db", db)))
	slices.SortFunc(again, func(a, b calEvent) int { return strings.Compare(a.summary, b.summary) })
	for i := range got {
		if again[i].uid != got[i].uid {
			t.Errorf("%s: UID %q, was %q", got[i].summary, again[i].uid, got[i].uid)
		}
	}
	if sian := again[2]; sian.start != "2027-02-26" || !strings.HasPrefix(sian.desc, "Due Fri 26 Feb 2027") {
		t.Errorf("after a session today, Siân is %+v, want due 26 Feb 2027", sian)
	}
}

func TestCalendarInitials(t *testing.T) {
	db, _ := scheduleFixture(t)
	onDay(t, coach.Date{Year: 2026, Month: time.November, Day: 26})
	out, said, err := attendErr(t, "calendar", "--initials", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, e := range calEvents(t, parseCalendar(t, out)) {
		titles = append(titles, e.summary)
	}
	slices.Sort(titles)
	if want := []string{"Supervision: AE", "Supervision: LI", "Supervision: SŴ"}; !slices.Equal(titles, want) {
		t.Errorf("titles %v, want %v", titles, want)
	}
	for _, name := range append([]string{"Siân", "Ŵyn", "Llŷr", "Ifans", "Aled", "Evans", "Nia", "Owen"}, scheduleNotes...) {
		if strings.Contains(out, name) || strings.Contains(said, name) {
			t.Errorf("with --initials, the output holds %q", name)
		}
	}
}

// A long name of many-byte letters is folded into lines of at most 75
// octets, never inside a letter, and reads back whole.
func TestCalendarFoldsLongLines(t *testing.T) {
	db := filepath.Join(t.TempDir(), "attend.db")
	st := openStore(t, db)
	name := strings.Repeat("Ŵ", 40) + " " + strings.Repeat("ŷ", 39)
	p, _, err := st.EnsurePerson(name)
	if err != nil {
		t.Fatal(err)
	}
	s := coach.NewSession(p.ID, "en", time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC))
	s.Date = coach.Date{Year: 2026, Month: 11, Day: 1}
	s.SetAnswer("agenda.said", coach.Answer{Text: "The rota."})
	if _, err := st.SaveSession(s); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out := mustAttend(t, "calendar", "--db", db)
	for _, line := range strings.SplitAfter(out, "\r\n") {
		if len(line) > 75+2 || !utf8.ValidString(line) {
			t.Errorf("line of %d octets: %q", len(line)-2, line)
		}
	}
	if got := calEvents(t, parseCalendar(t, out)); len(got) != 1 || got[0].summary != "Supervision: "+name {
		t.Errorf("read back %+v", got)
	}
}

func TestCalendarUsage(t *testing.T) {
	db, _ := scheduleFixture(t)
	for _, args := range [][]string{
		{"calendar", "--db", db, "everyone"},
		{"calendar", "--db", db, "--names"},
		{"calendar", "--db", db, "--initials=maybe"},
	} {
		out, _, err := attendErr(t, args...)
		if exitCode(err) != 2 {
			t.Errorf("%v: exit %d (%v), want 2", args, exitCode(err), err)
		}
		if out != "" {
			t.Errorf("%v printed %q", args, out)
		}
	}
	empty := filepath.Join(t.TempDir(), "empty.db")
	openStore(t, empty).Close()
	if out, err := attend(t, "calendar", "--db", empty); exitCode(err) != 1 || !strings.Contains(err.Error(), "no one has had a session yet") || out != "" {
		t.Errorf("an empty database: %q, %v", out, err)
	}
	help := mustAttend(t, "help", "calendar")
	for _, w := range []string{"attend calendar > supervisions.ics", "--initials", "never holds a note"} {
		if !strings.Contains(help, w) {
			t.Errorf("help calendar does not say %q", w)
		}
	}
}
