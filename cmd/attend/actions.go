package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"attend/coach"
	"attend/coach/msg"
	"attend/data"
)

func newActionsCmd(o *options) *cobra.Command {
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
		Args: o.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := o.personGiven(cmd, person); err != nil {
				return err
			}
			l := o.words()
			st, _, err := o.openWithGuide(true)
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
