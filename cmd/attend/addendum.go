package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"attend/coach"
)

func newAddendumCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "addendum SESSION-ID TEXT",
		Short: "Add a dated correction or later note to a saved session",
		Long: `addendum adds a dated note to a saved session, after any already there. It
is how an agreed record is corrected: agreed records are never edited.
SESSION-ID is the id from 'attend log', or its first 6 or more characters.`,
		Example: `  attend addendum 01M8B6JA8Z "Correction: the CIW visit is in March, not May"`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 || strings.TrimSpace(strings.Join(args[1:], " ")) == "" {
				return usageError{errors.New(o.words().T("cli.addendum.args"))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			st, _, err := o.openWithGuide(false)
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
			l := o.words()
			fmt.Fprintln(cmd.OutOrStdout(), l.T("cli.addendum.added", "ID", s.ID, "Date", human(l, s.Date), "On", human(l, coach.DateOf(at)), "Time", at.Format("15:04")))
			return nil
		},
	}
}
