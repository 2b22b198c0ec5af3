package coach_test

import (
	"strings"
	"testing"

	"attend/coach"
)

func TestInitials(t *testing.T) {
	for name, want := range map[string]string{
		"Siân Ŵyn":          "SŴ",
		"siân ŵyn":          "SŴ",
		"Mary-Jane O'Neill": "MJO",
		"Aled":              "A",
		"  Llŷr   Ifans ":   "LI",
		"'Bob' Smith":       "BS",
		"…":                 "?",
	} {
		if got := coach.Initials(name); got != want {
			t.Errorf("Initials(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestSupervisionCalendar(t *testing.T) {
	today := thursday // Thu 26 Nov 2026
	people := []coach.Person{
		{ID: "s", Name: "Siân Ŵyn", LastSession: d(2026, 8, 1)},                                      // due 1 Nov: overdue
		{ID: "l", Name: "Llŷr Ifans", LastSession: d(2026, 11, 2), Cadence: coach.Cadence{Weeks: 6}}, // due 14 Dec
		{ID: "a", Name: "Aled Evans", LastSession: d(2026, 11, 20), NextSession: d(2026, 12, 1)},     // agreed
		{ID: "n", Name: "Nia Owen"},                                // never met
		{ID: "t", Name: "Tomos Rhys", LastSession: d(2026, 8, 26)}, // due today
	}
	events, unmet := coach.SupervisionCalendar(people, today, false)
	if len(unmet) != 1 || unmet[0].ID != "n" {
		t.Errorf("unmet = %v, want Nia alone", unmet)
	}
	type want struct {
		id, title string
		on, due   coach.Date
		overdue   bool
		desc      string
	}
	wants := []want{
		{"s", "Supervision: Siân Ŵyn", today, d(2026, 11, 1), true, "Overdue since Sun 1 Nov 2026. Supervision every 3 months; last session Sat 1 Aug 2026."},
		{"t", "Supervision: Tomos Rhys", today, today, false, "Due Thu 26 Nov 2026. "},
		{"a", "Supervision: Aled Evans", d(2026, 12, 1), d(2026, 12, 1), false, "agreed at the last session"},
		{"l", "Supervision: Llŷr Ifans", d(2026, 12, 14), d(2026, 12, 14), false, "Supervision every 6 weeks"},
	}
	if len(events) != len(wants) {
		t.Fatalf("%d events, want %d: %+v", len(events), len(wants), events)
	}
	for i, w := range wants {
		e := events[i]
		if e.PersonID != w.id || e.Title != w.title || e.On != w.on || e.Due != w.due || e.Overdue != w.overdue || !strings.Contains(e.Description, w.desc) {
			t.Errorf("event %d = %+v, want %+v", i, e, w)
		}
	}
	events, _ = coach.SupervisionCalendar(people, today, true)
	for _, e := range events {
		for _, name := range []string{"Siân", "Ŵyn", "Llŷr", "Aled", "Tomos"} {
			if strings.Contains(e.Title+e.Description, name) {
				t.Errorf("with initials, %q holds %q", e.Title+" / "+e.Description, name)
			}
		}
	}
	if events[0].Title != "Supervision: SŴ" {
		t.Errorf("first title with initials = %q", events[0].Title)
	}
}
