package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"attend/coach"
	"attend/coach/msg"
	"attend/data"
)

// addFollowUpCommands adds the command-line counterparts of the follow-up
// screens: the open actions (actions, done, drop), the after-meeting record
// (record, addendum) and one person's trends.
func addFollowUpCommands(root *cobra.Command, g *globals) {
	root.AddCommand(newActionsCmd(g), newCloseActionCmd(g, coach.ActionDone), newCloseActionCmd(g, coach.ActionDropped),
		newRecordCmd(g), newAddendumCmd(g), newTrendsCmd(g))
}

// today is the day the commands work from (tests set another).
var today = func() coach.Date { return coach.DateOf(time.Now()) }

// ---- attend actions

func newActionsCmd(g *globals) *cobra.Command {
	var person string
	cmd := &cobra.Command{
		Use:   "actions",
		Short: "List every open action, overdue first",
		Long: `actions prints one line per open action, most urgent first (overdue, then
by due date, then undated ones oldest first):

  ACTION-ID  DUE  PERSON  what was agreed (owner)

DUE is the due date, with "!" before it when it is past, or "no date".
Fields are separated by two spaces. 'attend done ACTION-ID' and
'attend drop ACTION-ID --reason TEXT' close one; the first 6 or more
characters of the id will do if no other open action starts the same way.`,
		Example: `  attend actions
  attend actions --person sian`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := personGiven(cmd, person); err != nil {
				return err
			}
			l := wordsOf(cmd)
			st, _, err := g.openWithGuide(true)
			if err != nil {
				return err
			}
			defer st.Close()
			personID := ""
			if person != "" {
				p, err := personNamed(l, st, person, false)
				if err != nil {
					return err
				}
				personID = p.ID
			}
			refs, err := st.OpenActions(personID)
			if err != nil {
				return err
			}
			if len(refs) == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), l.T("cli.actions.none"))
				return nil
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			day := today()
			for _, r := range refs {
				io.WriteString(w, actionLine(l, r, day))
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&person, "person", "", "only this person's actions (name or the start of it, ignoring case and accents)")
	return cmd
}

// actionLine is one open action's line in `attend actions`.
func actionLine(l *msg.Lang, r coach.ActionRef, day coach.Date) string {
	due := l.T("actions.nodate")
	if !r.Action.Due.IsZero() {
		due = r.Action.Due.String()
		if r.Overdue(day) {
			due = "!" + due
		}
	}
	text := oneLine(r.Action.Text)
	return r.Action.ID + "  " + due + "  " + oneLine(r.PersonName) + "  " + text + " (" + ownerText(l, r.Action.Owner) + ")\n"
}

// oneLine folds runs of white space (newlines too) into single spaces, so
// one record is one line and two spaces always separate fields.
func oneLine(s string) string { return strings.Join(strings.Fields(coach.SafeText(s)), " ") }

// findOpenAction finds the open action an id or unique prefix (at least
// data.MinPrefix characters, any case) names.
func findOpenAction(l *msg.Lang, refs []coach.ActionRef, typed string) (coach.ActionRef, error) {
	q := strings.ToUpper(strings.TrimSpace(typed))
	if len(q) < data.MinPrefix {
		return coach.ActionRef{}, usageError{errors.New(l.T("cli.action.short", "Typed", fmt.Sprintf("%q", typed), "N", data.MinPrefix))}
	}
	var found []coach.ActionRef
	for _, r := range refs {
		id := strings.ToUpper(r.Action.ID)
		if id == q {
			return r, nil
		}
		if strings.HasPrefix(id, q) {
			found = append(found, r)
		}
	}
	switch len(found) {
	case 0:
		return coach.ActionRef{}, errors.New(l.T("cli.action.none", "Typed", fmt.Sprintf("%q", typed)))
	case 1:
		return found[0], nil
	}
	return coach.ActionRef{}, usageError{errors.New(counted(l, "cli.action.many", len(found), "Typed", fmt.Sprintf("%q", typed)))}
}

// ---- attend done, attend drop

func newCloseActionCmd(g *globals, status coach.ActionStatus) *cobra.Command {
	var reason, outcome string
	cmd := &cobra.Command{
		Use:   "done ACTION-ID [--outcome helped|partly|notyet|didntask]",
		Short: "Mark an open action done, and say whether it helped",
		Long: `done marks an open action done. ACTION-ID is the id 'attend actions' prints,
or its first 6 or more characters if no other open action starts the same way.

--outcome answers "did it help?": helped, partly, notyet (not yet) or
didntask (you have not asked them yet). It is kept with the action and shows
in the export, 'attend brief' and 'attend trends'.`,
		Example: `  attend done 01M8B6JA8Z
  attend done 01M8B6JA8Z --outcome helped`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{errors.New(wordsOf(cmd).T("cli.close.args", "Command", cmd.Name()))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			l := wordsOf(cmd)
			if status == coach.ActionDropped && strings.TrimSpace(reason) == "" {
				return usageError{errors.New(l.T("cli.drop.why.missing"))}
			}
			var o coach.Outcome
			if cmd.Flags().Changed("outcome") {
				var err error
				if o, err = coach.ParseOutcome(outcome); err != nil {
					return usageError{fmt.Errorf("--outcome: %w", err)}
				}
			}
			st, _, err := g.openWithGuide(false)
			if err != nil {
				return err
			}
			defer st.Close()
			refs, err := st.OpenActions("")
			if err != nil {
				return err
			}
			r, err := findOpenAction(l, refs, args[0])
			if err != nil {
				return err
			}
			if o != "" {
				_, err = st.SetActionOutcome(r.SessionID, r.Action.ID, o) // done and its outcome, together
			} else {
				_, err = st.SetActionStatus(r.SessionID, r.Action.ID, status, reason)
			}
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintln(out, l.T("cli.closed", "Status", l.T("actions.state."+string(status)), "Text", oneLine(r.Action.Text),
				"Owner", ownerText(l, r.Action.Owner), "Name", oneLine(r.PersonName), "Date", human(l, r.SessionDate)))
			if o != "" {
				fmt.Fprintln(out, l.T("cli.done.helped", "Outcome", outcomeText(l, o)))
			}
			if status == coach.ActionDropped {
				fmt.Fprintln(out, l.T("cli.drop.why", "Reason", oneLine(reason)))
			}
			return nil
		},
	}
	if status == coach.ActionDropped {
		cmd.Use = "drop ACTION-ID --reason TEXT"
		cmd.Short = "Drop an open action, saying why"
		cmd.Long = `drop closes an open action that will not be done, with the reason kept beside
it. ACTION-ID is the id 'attend actions' prints, or its first 6 or more
characters if no other open action starts the same way.`
		cmd.Example = `  attend drop 01M8B6JA8Z --reason "the rota changed; no longer needed"`
		cmd.Flags().StringVar(&reason, "reason", "", "why it is dropped (required)")
	} else {
		cmd.Flags().StringVar(&outcome, "outcome", "", "did it help? helped, partly, notyet or didntask")
	}
	return cmd
}

// ---- attend record

func newRecordCmd(g *globals) *cobra.Command {
	var discussed, next, agreed string
	var actions []string
	cmd := &cobra.Command{
		Use:   "record SESSION-ID [--discussed TEXT] [--action TEXT]... [--next DATE] [--agreed DATE]",
		Short: "Complete a session's record after the meeting",
		Long: `record adds what happened at the meeting to a saved session's meeting
record: what they said, in their words (--discussed replaces what was written
before; without it that is kept), actions agreed (--action, as often as needed; each is yours
and open, and 'attend actions' lists it) and the next session's date
(--next). --agreed says the staff member agreed the record, on that day:
from then on it is read-only, and corrections are dated addenda
('attend addendum').

SESSION-ID is the id from 'attend log', or its first 6 or more characters.
Dates: 2027-02-24, 24/2/2027, today, fri, +6w, 3m, ...`,
		Example: `  attend record 01M8B6JA8Z --discussed "Rota gaps; CIW visit went well" --action "Ask HR about cover" --next +6w
  attend record 01M8B6JA8Z --agreed today`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{errors.New(wordsOf(cmd).T("cli.record.args"))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			l := wordsOf(cmd)
			f := cmd.Flags()
			complete := f.Changed("discussed") || f.Changed("action") || f.Changed("next")
			if !complete && !f.Changed("agreed") {
				return usageError{errors.New(l.T("cli.record.what"))}
			}
			day := today()
			nextDate, err := coach.ParseDate(next, day)
			if err != nil {
				return usageError{fmt.Errorf("--next: %w", err)}
			}
			var agreedOn coach.Date
			if f.Changed("agreed") {
				if strings.TrimSpace(agreed) == "" {
					return usageError{errors.New(l.T("cli.record.agreed.date"))}
				}
				// The day it was agreed has been: 25/11 is the one just gone.
				if agreedOn, err = coach.ParsePastDate(agreed, day); err != nil {
					return usageError{fmt.Errorf("--agreed: %w", err)}
				}
			}
			var acts []coach.Action
			for _, a := range actions {
				if strings.TrimSpace(a) == "" {
					return usageError{errors.New(l.T("cli.record.action.text"))}
				}
				acts = append(acts, coach.Action{Text: strings.TrimSpace(a), Owner: coach.OwnerMe, Status: coach.ActionOpen})
			}

			st, _, err := g.openWithGuide(false)
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Session(args[0])
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if complete {
				record := s.Said()
				if f.Changed("discussed") {
					record = discussed
				}
				if s, err = st.CompleteSession(s.ID, record, acts, nextDate); err != nil {
					return err
				}
				fmt.Fprint(out, l.T("cli.record.done", "ID", s.ID, "Date", human(l, s.Date)))
				if len(acts) > 0 {
					fmt.Fprint(out, counted(l, "cli.record.added", len(acts)))
				}
				fmt.Fprintln(out)
				if n := s.NextSession(); !n.IsZero() {
					fmt.Fprintln(out, l.T("cli.record.next", "Date", human(l, n)))
				}
			}
			if !agreedOn.IsZero() {
				if s, err = st.AgreeSession(s.ID, agreedOn); err != nil {
					return err
				}
				fmt.Fprintln(out, l.T("cli.record.agreed", "Date", human(l, s.Agreed)))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&discussed, "discussed", "", "what they said, in their words (replaces what was written before)")
	cmd.Flags().StringArrayVar(&actions, "action", nil, "an action agreed, yours and open (repeat for more)")
	cmd.Flags().StringVar(&next, "next", "", "the next session's date")
	cmd.Flags().StringVar(&agreed, "agreed", "", "the day the staff member agreed the record (today, 2026-11-26, ...)")
	return cmd
}

// ---- attend addendum

func newAddendumCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "addendum SESSION-ID TEXT",
		Short: "Add a dated correction or later note to a saved session",
		Long: `addendum adds a dated note to a saved session, after any already there. It
is how an agreed record is corrected: agreed records are never edited.
SESSION-ID is the id from 'attend log', or its first 6 or more characters.`,
		Example: `  attend addendum 01M8B6JA8Z "Correction: the CIW visit is in March, not May"`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 || strings.TrimSpace(strings.Join(args[1:], " ")) == "" {
				return usageError{errors.New(wordsOf(cmd).T("cli.addendum.args"))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			st, _, err := g.openWithGuide(false)
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Session(args[0])
			if err != nil {
				return err
			}
			if s, err = st.AddAddendum(s.ID, strings.Join(args[1:], " ")); err != nil {
				return err
			}
			at := s.Addenda[len(s.Addenda)-1].At.Local()
			l := wordsOf(cmd)
			fmt.Fprintln(cmd.OutOrStdout(), l.T("cli.addendum.added", "ID", s.ID, "Date", human(l, s.Date), "On", human(l, coach.DateOf(at)), "Time", at.Format("15:04")))
			return nil
		},
	}
}

// ---- attend trends

// trendItems are the ratings trends shows; each one's short label is the
// message cli.trends.row.ID.
var trendItems = []string{"needs.autonomy", "needs.belonging", "needs.competence", "needs.workload", "checkin.energy", "reflect.leaving"}

// sparkChars draw ratings 1 to 5.
var sparkChars = []rune("▁▃▄▆█")

// maxSpark is how many of the latest ratings one sparkline shows.
const maxSpark = 60

func newTrendsCmd(g *globals) *cobra.Command {
	var plain bool
	cmd := &cobra.Command{
		Use:   "trends NAME",
		Short: "Show one person's core needs, workload and your check-in over time",
		Long: `trends prints, for autonomy, belonging, competence, workload and your own
energy at check-in, the ratings from oldest to newest as a small chart
(▁ for 1 up to █ for 5), the latest rating with its label, and the dates
covered. With --plain, or when stdout is not a terminal, the ratings are
digits (1 to 5) instead.`,
		Example: `  attend trends sian
  attend trends "Siân Ŵyn" --plain`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
				return usageError{errors.New(wordsOf(cmd).T("cli.trends.args"))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			st, guide, err := g.openWithGuide(true)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := personNamed(wordsOf(cmd), st, args[0], false)
			if err != nil {
				return err
			}
			sums, _, err := st.Summaries(p.ID, "", 0)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if f, ok := out.(*os.File); !ok || !term.IsTerminal(f.Fd()) {
				plain = true
			}
			w := bufio.NewWriter(out)
			writeTrends(w, guide, p, sums, plain)
			return w.Flush()
		},
	}
	cmd.Flags().BoolVar(&plain, "plain", false, "digits instead of a chart")
	return cmd
}

// writeTrends prints one line per trend item, in the guide's language.
func writeTrends(w io.Writer, guide *coach.Guide, p coach.Person, sums []coach.Summary, plain bool) {
	l := msg.New(guide.Lang)
	fmt.Fprintf(w, "%s: %s\n", coach.SafeText(p.Name), counted(l, "cli.trends.sessions", len(sums)))
	labels := make([]string, len(trendItems))
	width := 0
	for i, id := range trendItems {
		labels[i] = l.T("cli.trends.row." + id)
		width = max(width, len([]rune(labels[i])))
	}
	for i, id := range trendItems {
		label := labels[i] + strings.Repeat(" ", width-len([]rune(labels[i])))
		pts := coach.Series(sums, id)
		if len(pts) == 0 {
			fmt.Fprintf(w, "%s  %s\n", label, l.T("cli.trends.notrated"))
			continue
		}
		shown := pts
		if len(shown) > maxSpark {
			shown = shown[len(shown)-maxSpark:]
		}
		var b strings.Builder
		for _, pt := range shown {
			r := min(max(pt.Rating, 1), coach.MaxRating)
			if plain {
				b.WriteByte(byte('0' + r))
			} else {
				b.WriteRune(sparkChars[r-1])
			}
		}
		last := pts[len(pts)-1]
		latest := fmt.Sprint(last.Rating)
		if item, _, ok := guide.Item(id); ok {
			if l := item.ScaleLabel(last.Rating); l != "" {
				latest += " " + l
			}
		}
		span := l.T("cli.trends.span", "From", shown[0].Date.String(), "To", last.Date.String())
		if len(shown) == 1 {
			span = last.Date.String()
		}
		note := ""
		if len(shown) < len(pts) {
			note = l.T("cli.trends.latestof", "Shown", len(shown), "All", len(pts))
		}
		fmt.Fprintln(w, l.T("cli.trends.line", "Label", label, "Chart", b.String(), "Latest", latest, "Span", span, "Note", note))
	}
	writeOutcomes(w, l, sums)
}

// writeOutcomes prints whether the help agreed and done helped, counted over
// every session, with the latest session that has an answer.
func writeOutcomes(w io.Writer, l *msg.Lang, sums []coach.Summary) {
	pts := coach.OutcomeSeries(sums)
	if len(pts) == 0 {
		fmt.Fprintf(w, "%s  %s\n", l.T("cli.trends.didit"), l.T("cli.trends.nooutcomes"))
		return
	}
	total := map[coach.Outcome]int{}
	for _, pt := range pts {
		for o, n := range pt.Outcomes {
			total[o] += n
		}
	}
	var parts []string
	for _, o := range coach.Outcomes {
		parts = append(parts, fmt.Sprintf("%s %d", outcomeText(l, o), total[o]))
	}
	fmt.Fprintf(w, "%s  %s  (%s)\n", l.T("cli.trends.didit"), strings.Join(parts, " · "), l.T("cli.trends.span", "From", pts[0].Date.String(), "To", pts[len(pts)-1].Date.String()))
}
