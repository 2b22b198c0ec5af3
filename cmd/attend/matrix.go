package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"attend/coach"
	"attend/coach/msg"
	"attend/data"
)

func newMatrixCmd(o *options) *cobra.Command {
	var from, to, format string
	cmd := &cobra.Command{
		Use:   "matrix",
		Short: "Print the supervision matrix for inspectors: who had supervision when, against their cadence",
		Long: `matrix prints the supervision matrix care inspectors ask for: one row per
person, one column per month, with the day of each session held that month.

A session marked "late" came more than one cadence after the session before
it (attend cadence; every 3 months unless set), counting as a calendar does:
a month from 31 January is 28 February, or 29 February in a leap year. The
last column says how each person stands today: within their cadence (the
next session is not yet due, or is due today), overdue since the day it was
due, or no session yet. A date agreed at the last session does not change
either: the matrix measures against the required frequency. The foot counts
the sessions in each month and how many people are within cadence today.

It holds names, dates and counts only, never a note.

--from and --to take whole months: by default the twelve months up to and
including this one. Dates look back, as in attend log: --from 1/4 is the
1 April just gone, --from 6m six months ago.`,
		Example: `  attend matrix
  attend matrix --from 2026-04-01 --to 2027-03-31 > matrix.md
  attend matrix --from 6m --format csv > matrix.csv`,
		Args: o.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := o.words()
			if format != "md" && format != "csv" {
				return usageError{errors.New(l.T("cli.matrix.format", "Format", fmt.Sprintf("%q", format)))}
			}
			day := today()
			fromDay, err := coach.ParsePastDate(from, day)
			if err != nil {
				return usageError{fmt.Errorf("--from: %w", err)}
			}
			toDay, err := coach.ParsePastDate(to, day)
			if err != nil {
				return usageError{fmt.Errorf("--to: %w", err)}
			}
			first, last, err := coach.MatrixRange(fromDay, toDay, day)
			if err != nil {
				return usageError{err}
			}
			if (from != "" && !coach.DateHasYear(from)) || (to != "" && !coach.DateHasYear(to)) {
				fmt.Fprintln(cmd.ErrOrStderr(), l.T("cli.matrix.range", "From", month(l, first), "To", month(l, last)))
			}
			st, err := o.open(true, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			m, err := loadMatrix(st, first, last, day)
			if err != nil {
				return err
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			if format == "csv" {
				err = writeMatrixCSV(w, m, l)
			} else {
				writeMatrixMarkdown(w, m, l)
			}
			if ferr := w.Flush(); err == nil {
				err = ferr
			}
			return err
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "the first month (any date in it: 2026-04-01, 1/4, 6m, last year; default eleven months before --to)")
	cmd.Flags().StringVar(&to, "to", "", "the last month (any date in it; default this month)")
	cmd.Flags().StringVar(&format, "format", "md", "md (a Markdown table) or csv")
	return cmd
}

// loadMatrix reads every person and the date of each of their sessions
// from the summary index (no note is read), and builds the matrix.
func loadMatrix(st *data.Store, first, last coach.Month, day coach.Date) (coach.Matrix, error) {
	people, err := st.People()
	if err != nil {
		return coach.Matrix{}, err
	}
	sums, _, err := st.Summaries("", "", 0)
	if err != nil {
		return coach.Matrix{}, err
	}
	// A session counts as held when its meeting record has something in
	// it: a prep saved for a meeting that never happened is no supervision
	// an inspector should count.
	dates := map[string][]coach.Date{}
	for _, s := range sums {
		if !s.NoRecord() {
			dates[s.PersonID] = append(dates[s.PersonID], s.Date)
		}
	}
	return coach.BuildMatrix(people, dates, first, last, day), nil
}

// standing is the matrix's last column in words, marked so that it reads
// without colour: "✓ within", "✗ overdue since …", "– no session yet".
func standing(l *msg.Lang, r coach.MatrixRow) string {
	switch r.Standing {
	case coach.WithinCadence:
		return "✓ " + l.T("cli.matrix.within", "Date", human(l, r.Due))
	case coach.PastCadence:
		return "✗ " + l.T("cli.matrix.overdue", "Date", human(l, r.Due))
	}
	return "– " + l.T("cli.matrix.unmet")
}

func withinLine(l *msg.Lang, m coach.Matrix) string {
	return counted(l, "cli.matrix.withinline", len(m.Rows), "Within", m.Within, "Past", m.Past, "Unmet", m.Unmet)
}

// mdCell escapes what would break a Markdown table cell.
func mdCell(s string) string {
	return strings.NewReplacer(`\`, `\\`, "|", `\|`).Replace(s)
}

// writeMatrixMarkdown prints the matrix as a Markdown table: a cell holds
// the day of the month of each session, "(late)" after one that broke the
// cadence.
func writeMatrixMarkdown(w io.Writer, m coach.Matrix, l *msg.Lang) {
	fmt.Fprintf(w, "# %s\n\n", l.T("cli.matrix.title", "From", month(l, m.Months[0]), "To", month(l, m.Months[len(m.Months)-1])))
	fmt.Fprintf(w, "%s\n\n", l.T("cli.matrix.asat", "Date", human(l, m.Today)))
	head := []string{l.T("cli.matrix.col.person"), l.T("cli.matrix.col.cadence")}
	align := []string{"---", "---"}
	for _, mo := range m.Months {
		head = append(head, month(l, mo))
		align = append(align, "---")
	}
	head = append(head, l.T("cli.matrix.col.sessions"), l.T("cli.matrix.col.late"), l.T("cli.matrix.col.last"), l.T("cli.matrix.col.today"))
	align = append(align, "---:", "---:", "---", "---")
	row := func(cells []string) { fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | ")) }
	row(head)
	row(align)
	for _, r := range m.Rows {
		cells := []string{mdCell(r.Name), cadenceText(l, r.Cadence)}
		for _, cell := range r.Cells {
			var days []string
			for _, s := range cell {
				day := strconv.Itoa(s.Date.Day)
				if s.Late {
					day += " " + l.T("cli.matrix.late")
				}
				days = append(days, day)
			}
			cells = append(cells, strings.Join(days, ", "))
		}
		last := "–"
		if !r.Last.IsZero() {
			last = human(l, r.Last)
		}
		cells = append(cells, strconv.Itoa(r.Sessions), strconv.Itoa(r.Late), last, standing(l, r))
		row(cells)
	}
	foot := []string{"**" + l.T("cli.matrix.col.sessions") + "**", ""}
	for _, n := range m.Sessions {
		foot = append(foot, strconv.Itoa(n))
	}
	foot = append(foot, strconv.Itoa(m.Total), strconv.Itoa(m.Late), "", "**"+l.T("cli.matrix.foot.within", "Within", m.Within, "N", len(m.Rows))+"**")
	row(foot)
	fmt.Fprintf(w, "\n%s.\n", withinLine(l, m))
}

// writeMatrixCSV prints the matrix as CSV for a spreadsheet: ISO dates,
// "late" after a session that broke the cadence, several in a month
// separated by "; ", and the totals as the last two rows.
func writeMatrixCSV(w io.Writer, m coach.Matrix, l *msg.Lang) error {
	cw := csv.NewWriter(w)
	head := []string{l.T("cli.matrix.csv.person"), l.T("cli.matrix.csv.cadence")}
	for _, mo := range m.Months {
		head = append(head, mo.String())
	}
	head = append(head, l.T("cli.matrix.csv.sessions"), l.T("cli.matrix.csv.late"), l.T("cli.matrix.csv.last"), l.T("cli.matrix.csv.next"), l.T("cli.matrix.csv.today"))
	width := len(head)
	cw.Write(head)
	for _, r := range m.Rows {
		rec := []string{csvText(r.Name), cadenceText(l, r.Cadence)}
		for _, cell := range r.Cells {
			var dates []string
			for _, s := range cell {
				d := s.Date.String()
				if s.Late {
					d += " " + l.T("cli.matrix.csv.late")
				}
				dates = append(dates, d)
			}
			rec = append(rec, strings.Join(dates, "; "))
		}
		st := map[coach.Standing]string{coach.WithinCadence: l.T("cli.matrix.csv.within"), coach.PastCadence: l.T("cli.matrix.csv.overdue"), coach.NoSessionYet: l.T("cli.matrix.csv.unmet")}[r.Standing]
		rec = append(rec, strconv.Itoa(r.Sessions), strconv.Itoa(r.Late), r.Last.String(), r.Due.String(), st)
		cw.Write(rec)
	}
	foot := []string{l.T("cli.matrix.csv.sessions"), ""}
	for _, n := range m.Sessions {
		foot = append(foot, strconv.Itoa(n))
	}
	foot = append(foot, strconv.Itoa(m.Total), strconv.Itoa(m.Late), "", "", "")
	cw.Write(foot)
	within := make([]string, width)
	within[0], within[1] = l.T("cli.matrix.csv.withintoday"), l.T("cli.matrix.csv.of", "Within", m.Within, "N", len(m.Rows))
	cw.Write(within)
	cw.Flush()
	return cw.Error()
}

// csvText keeps a spreadsheet from reading a name that starts with = + - or
// @ as a formula, by putting an apostrophe before it (as OWASP advises).
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
