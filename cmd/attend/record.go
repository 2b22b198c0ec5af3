package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"attend/coach"
)

func newRecordCmd(o *options) *cobra.Command {
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
				return usageError{errors.New(o.words().T("cli.record.args"))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			l := o.words()
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

			st, _, err := o.openWithGuide(false)
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
					day := human(l, n)
					if w := coach.WeekendIn(l, n); w != "" {
						day += " (" + w + ")" // as the record screen says it
					}
					fmt.Fprintln(out, l.T("cli.record.next", "Date", day))
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
