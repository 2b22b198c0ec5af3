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
			st, _, err := g.openWithGuide(true)
			if err != nil {
				return err
			}
			defer st.Close()
			personID := ""
			if person != "" {
				p, err := personNamed(st, person, false)
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
				fmt.Fprintln(cmd.ErrOrStderr(), "no open actions")
				return nil
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			day := today()
			for _, r := range refs {
				io.WriteString(w, actionLine(r, day))
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&person, "person", "", "only this person's actions (name or the start of it, ignoring case and accents)")
	return cmd
}

// actionLine is one open action's line in `attend actions`.
func actionLine(r coach.ActionRef, day coach.Date) string {
	due := "no date"
	if !r.Action.Due.IsZero() {
		due = r.Action.Due.String()
		if r.Overdue(day) {
			due = "!" + due
		}
	}
	text := oneLine(r.Action.Text)
	return r.Action.ID + "  " + due + "  " + oneLine(r.PersonName) + "  " + text + " (" + r.Action.Owner.Label() + ")\n"
}

// oneLine folds runs of white space (newlines too) into single spaces, so
// one record is one line and two spaces always separate fields.
func oneLine(s string) string { return strings.Join(strings.Fields(coach.SafeText(s)), " ") }

// findOpenAction finds the open action an id or unique prefix (at least
// data.MinPrefix characters, any case) names.
func findOpenAction(refs []coach.ActionRef, typed string) (coach.ActionRef, error) {
	q := strings.ToUpper(strings.TrimSpace(typed))
	if len(q) < data.MinPrefix {
		return coach.ActionRef{}, usageError{fmt.Errorf("%q is too short: give at least %d characters of the action's id (attend actions lists them)", typed, data.MinPrefix)}
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
		return coach.ActionRef{}, fmt.Errorf("no open action has an id starting %q: nothing was changed (attend actions lists them)", typed)
	case 1:
		return found[0], nil
	}
	return coach.ActionRef{}, usageError{fmt.Errorf("%d open actions have an id starting %q: type more of the id", len(found), typed)}
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
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("%s takes one action id: attend actions lists them", status)}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if status == coach.ActionDropped && strings.TrimSpace(reason) == "" {
				return usageError{errors.New(`say why the action is dropped: attend drop ACTION-ID --reason "no longer needed"`)}
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
			r, err := findOpenAction(refs, args[0])
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
			fmt.Fprintf(out, "%s: %s (%s, %s, agreed %s)\n", status, oneLine(r.Action.Text), r.Action.Owner.Label(), oneLine(r.PersonName), r.SessionDate.Human())
			if o != "" {
				fmt.Fprintf(out, "did it help? %s\n", o.Label())
			}
			if status == coach.ActionDropped {
				fmt.Fprintf(out, "why: %s\n", oneLine(reason))
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
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{errors.New("record takes one session id (or its first 6 or more characters): attend log lists them")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			f := cmd.Flags()
			complete := f.Changed("discussed") || f.Changed("action") || f.Changed("next")
			if !complete && !f.Changed("agreed") {
				return usageError{errors.New("say what to record: --discussed, --action, --next or --agreed (see attend record --help)")}
			}
			day := today()
			nextDate, err := coach.ParseDate(next, day)
			if err != nil {
				return usageError{fmt.Errorf("--next: %w", err)}
			}
			var agreedOn coach.Date
			if f.Changed("agreed") {
				if strings.TrimSpace(agreed) == "" {
					return usageError{errors.New("--agreed needs a date: --agreed today")}
				}
				// The day it was agreed has been: 25/11 is the one just gone.
				if agreedOn, err = coach.ParsePastDate(agreed, day); err != nil {
					return usageError{fmt.Errorf("--agreed: %w", err)}
				}
			}
			var acts []coach.Action
			for _, a := range actions {
				if strings.TrimSpace(a) == "" {
					return usageError{errors.New("--action needs some text")}
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
				fmt.Fprintf(out, "recorded session %s (%s)", s.ID, s.Date.Human())
				if len(acts) > 0 {
					fmt.Fprintf(out, ": %s added", count(len(acts), "action", "actions"))
				}
				fmt.Fprintln(out)
				if n := s.NextSession(); !n.IsZero() {
					fmt.Fprintf(out, "next session: %s\n", n.Human())
				}
			}
			if !agreedOn.IsZero() {
				if s, err = st.AgreeSession(s.ID, agreedOn); err != nil {
					return err
				}
				fmt.Fprintf(out, "agreed on %s: the record is now read-only (attend addendum adds a dated correction)\n", s.Agreed.Human())
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
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) < 2 || strings.TrimSpace(strings.Join(args[1:], " ")) == "" {
				return usageError{errors.New(`addendum takes a session id and the text, in quotes: attend addendum 01M8B6JA8Z "..."`)}
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
			fmt.Fprintf(cmd.OutOrStdout(), "addendum added to session %s (%s), dated %s %s\n",
				s.ID, s.Date.Human(), coach.DateOf(at).Human(), at.Format("15:04"))
			return nil
		},
	}
}

// ---- attend trends

// trendItems are the ratings trends shows, with their short labels.
var trendItems = []struct{ id, label string }{
	{"needs.autonomy", "Autonomy"},
	{"needs.belonging", "Belonging"},
	{"needs.competence", "Competence"},
	{"needs.workload", "Workload"},
	{"checkin.energy", "Your energy"},
	{"reflect.leaving", "You after"},
}

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
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
				return usageError{errors.New(`trends takes one name, in quotes if it has spaces: attend trends "Siân Ŵyn"`)}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			st, guide, err := g.openWithGuide(true)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := personNamed(st, args[0], false)
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

// writeTrends prints one line per trend item.
func writeTrends(w io.Writer, guide *coach.Guide, p coach.Person, sums []coach.Summary, plain bool) {
	fmt.Fprintf(w, "%s: %s\n", coach.SafeText(p.Name), count(len(sums), "saved session", "saved sessions"))
	width := 0
	for _, it := range trendItems {
		width = max(width, len([]rune(it.label)))
	}
	for _, it := range trendItems {
		label := it.label + strings.Repeat(" ", width-len([]rune(it.label)))
		pts := coach.Series(sums, it.id)
		if len(pts) == 0 {
			fmt.Fprintf(w, "%s  not rated yet\n", label)
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
		if item, _, ok := guide.Item(it.id); ok {
			if l := item.ScaleLabel(last.Rating); l != "" {
				latest += " " + l
			}
		}
		span := shown[0].Date.String() + " to " + last.Date.String()
		if len(shown) == 1 {
			span = last.Date.String()
		}
		note := ""
		if len(shown) < len(pts) {
			note = fmt.Sprintf(", the latest %d of %d", len(shown), len(pts))
		}
		fmt.Fprintf(w, "%s  %s  latest %s  (%s%s)\n", label, b.String(), latest, span, note)
	}
	writeOutcomes(w, sums)
}

// writeOutcomes prints whether the help agreed and done helped, counted over
// every session, with the latest session that has an answer.
func writeOutcomes(w io.Writer, sums []coach.Summary) {
	pts := coach.OutcomeSeries(sums)
	if len(pts) == 0 {
		fmt.Fprintln(w, "Did it help?  no outcomes recorded yet (attend done ID --outcome helped)")
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
		parts = append(parts, fmt.Sprintf("%s %d", o.Label(), total[o]))
	}
	fmt.Fprintf(w, "Did it help?  %s  (%s to %s)\n", strings.Join(parts, " · "), pts[0].Date, pts[len(pts)-1].Date)
}
