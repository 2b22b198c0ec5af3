package main

import (
	"encoding/csv"
	"slices"
	"strings"
	"testing"
	"time"

	"attend/coach"
)

func TestMatrixMarkdown(t *testing.T) {
	db, _ := scheduleFixture(t)
	onDay(t, coach.Date{Year: 2026, Month: time.November, Day: 26})
	out, said, err := attendErr(t, "matrix", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if said != "" {
		t.Errorf("stderr %q: the default range needs no echo", said)
	}
	// The last twelve months, Dec 2025 to Nov 2026. Aled (monthly): 31 Jan
	// to 28 Feb keeps to a month; 28 Feb to 31 Oct does not; 31 Oct to
	// 30 Nov does. Siân (every 3 months): 2 Apr to 1 Aug is late, and she
	// has been overdue since 1 Nov.
	for _, want := range []string{
		"# Supervision matrix, Dec 2025 to Nov 2026\n",
		"| Person | Cadence | Dec 2025 | Jan 2026 | Feb 2026 | Mar 2026 | Apr 2026 | May 2026 | Jun 2026 | Jul 2026 | Aug 2026 | Sep 2026 | Oct 2026 | Nov 2026 | Sessions | Late | Last session | Today |\n",
		"| Aled Evans | every month |  | 31 | 28 |  |  |  |  |  |  |  | 31 (late) | 30 | 4 | 1 | Mon 30 Nov 2026 | ✓ within (one cadence on: Wed 30 Dec 2026) |\n",
		"| Llŷr Ifans | every 6 weeks |  |  |  |  |  |  |  |  |  |  |  | 2 | 1 | 0 | Mon 2 Nov 2026 | ✓ within (one cadence on: Mon 14 Dec 2026) |\n",
		"| Nia Owen | every 3 months |  |  |  |  |  |  |  |  |  |  |  |  | 0 | 0 | – | – no session yet |\n",
		"| Siân Ŵyn | every 3 months |  |  |  |  | 2 |  |  |  | 1 (late) |  |  |  | 2 | 1 | Sat 1 Aug 2026 | ✗ overdue since Sun 1 Nov 2026 |\n",
		"| **Sessions** |  | 0 | 1 | 1 | 0 | 1 | 0 | 0 | 0 | 1 | 0 | 1 | 2 | 7 | 2 |  | **2 of 4 within** |\n",
		"\n2 of 4 people within cadence today (1 overdue, 1 with no session yet).\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the matrix lacks\n%s\nin\n%s", want, out)
		}
	}
	if a, s := strings.Index(out, "| Aled"), strings.Index(out, "| Siân"); a > s {
		t.Error("rows are not in name order")
	}
	for _, n := range scheduleNotes {
		if strings.Contains(out, n) {
			t.Errorf("the matrix holds note text %q", n)
		}
	}
}

func TestMatrixCSV(t *testing.T) {
	db, _ := scheduleFixture(t)
	onDay(t, coach.Date{Year: 2026, Month: time.November, Day: 26})
	out, said, err := attendErr(t, "matrix", "--db", db, "--format", "csv", "--from", "1/1", "--to", "2026-03-31")
	if err != nil {
		t.Fatal(err)
	}
	if said != "from Jan 2026 to Mar 2026\n" {
		t.Errorf("a yearless --from is echoed on stderr: %q", said)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, out)
	}
	want := [][]string{
		{"person", "cadence", "2026-01", "2026-02", "2026-03", "sessions", "late", "last session", "next due", "today"},
		{"Aled Evans", "every month", "2026-01-31", "2026-02-28", "", "2", "0", "2026-11-30", "2026-12-30", "within"},
		{"Llŷr Ifans", "every 6 weeks", "", "", "", "0", "0", "2026-11-02", "2026-12-14", "within"},
		{"Nia Owen", "every 3 months", "", "", "", "0", "0", "", "", "no session yet"},
		{"Siân Ŵyn", "every 3 months", "", "", "", "0", "0", "2026-08-01", "2026-11-01", "overdue"},
		{"sessions", "", "1", "1", "0", "2", "0", "", "", ""},
		{"within cadence today", "2 of 4", "", "", "", "", "", "", "", ""},
	}
	if !slices.EqualFunc(recs, want, slices.Equal) {
		t.Errorf("CSV\n%q\nwant\n%q", recs, want)
	}
	// Late sessions are marked in words.
	out = mustAttend(t, "matrix", "--db", db, "--format", "csv", "--from", "2026-08-01", "--to", "2026-10-31")
	if !strings.Contains(out, "\nAled Evans,every month,,,2026-10-31 late,1,1,") || !strings.Contains(out, "\nSiân Ŵyn,every 3 months,2026-08-01 late,,,1,1,") {
		t.Errorf("late sessions not marked:\n%s", out)
	}
}

// A name is data, never markup or a formula.
func TestMatrixEscapesNames(t *testing.T) {
	if got := mdCell(`A|B\C`); got != `A\|B\\C` {
		t.Errorf("mdCell = %q", got)
	}
	for in, want := range map[string]string{"=SUM(A1)": "'=SUM(A1)", "+44": "'+44", "@x": "'@x", "-1": "'-1", "Siân": "Siân", "": ""} {
		if got := csvText(in); got != want {
			t.Errorf("csvText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatrixUsage(t *testing.T) {
	db, _ := scheduleFixture(t)
	onDay(t, coach.Date{Year: 2026, Month: time.November, Day: 26})
	for _, tc := range []struct {
		args []string
		say  string
	}{
		{[]string{"--format", "xlsx"}, "--format is md or csv"},
		{[]string{"--from", "soon"}, "--from"},
		{[]string{"--to", "31/2/2026"}, "--to"},
		{[]string{"--from", "2026-06-01", "--to", "2026-03-01"}, "before it starts"},
		{[]string{"--from", "2001-01-01"}, "at most 120"},
		{[]string{"everyone"}, "takes no arguments"},
		{[]string{"--colour"}, "unknown flag"},
	} {
		out, _, err := attendErr(t, append([]string{"matrix", "--db", db}, tc.args...)...)
		if exitCode(err) != 2 || !strings.Contains(err.Error(), tc.say) || out != "" {
			t.Errorf("matrix %v: exit %d, %v, printed %q; want exit 2 saying %q", tc.args, exitCode(err), err, out, tc.say)
		}
	}
	help := mustAttend(t, "help", "matrix")
	for _, w := range []string{"--from", "--to", "--format", "late", "never a note", "within their cadence"} {
		if !strings.Contains(help, w) {
			t.Errorf("help matrix does not say %q", w)
		}
	}
}

// Found in the trial: a prep saved for a meeting that then did not happen
// counted as a supervision held, in the matrix inspectors read and in the
// due dates. Only a session whose record has something in it counts.
func TestMatrixCountsOnlySessionsHeld(t *testing.T) {
	db, ids := scheduleFixture(t)
	onDay(t, coach.Date{Year: 2026, Month: time.November, Day: 26})
	st := openStore(t, db)
	s := coach.NewSession(ids["Nia Owen"], "en", time.Date(2026, 11, 25, 8, 55, 0, 0, time.UTC))
	s.Date = coach.Date{Year: 2026, Month: 11, Day: 25}
	s.SetAnswer("attend.present", coach.Answer{Text: "What is on my mind"})
	if _, err := st.SaveSession(s); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out := mustAttend(t, "matrix", "--db", db)
	if want := "| Nia Owen | every 3 months |  |  |  |  |  |  |  |  |  |  |  |  | 0 | 0 | – | – no session yet |\n"; !strings.Contains(out, want) {
		t.Errorf("a prep alone counted in the matrix:\n%s", out)
	}
	for _, e := range calEvents(t, parseCalendar(t, mustAttend(t, "calendar", "--db", db))) {
		if strings.Contains(e.summary, "Nia Owen") {
			t.Errorf("a prep alone put Nia Owen in the calendar: %+v", e)
		}
	}
}
