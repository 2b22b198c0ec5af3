package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"attend/coach"
)

func newRetentionCmd(o *options) *cobra.Command {
	var years int
	cmd := &cobra.Command{
		Use:   "retention [--years N]",
		Short: "Show or set how long records are kept, and list people due for deletion",
		Long: `retention shows the retention setting and lists the people whose last
session is more than that many years ago, with the command to erase them.
--years N sets it (0 turns it off). Check your employer's retention policy:
six years after employment ends is common for staff records.`,
		Example: `  attend retention
  attend retention --years 6`,
		Args: o.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := o.words()
			set := cmd.Flags().Changed("years")
			if set {
				if err := coach.CheckRetention(years); err != nil {
					return usageError{err}
				}
			}
			st, err := o.open(!set, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			out := cmd.OutOrStdout()
			if set {
				was, err := st.Retention()
				if err != nil {
					return err
				}
				if err := st.SetRetention(years); err != nil {
					return err
				}
				// --years 0 turns retention off: said, so that it is not
				// taken for a command that did nothing.
				if years == 0 {
					if was == 0 {
						fmt.Fprintln(out, l.T("cli.retention.stilloff"))
					} else {
						fmt.Fprintln(out, counted(l, "cli.retention.off", was))
					}
					return nil
				}
			}
			years, err := st.Retention()
			if err != nil {
				return err
			}
			if years == 0 {
				fmt.Fprintln(out, l.T("cli.retention.none"))
				return nil
			}
			fmt.Fprintln(out, counted(l, "cli.retention.set", years))
			people, err := st.People()
			if err != nil {
				return err
			}
			due := coach.DueForDeletion(people, years, today())
			if len(due) == 0 {
				fmt.Fprintln(out, l.T("cli.retention.nodue"))
				return nil
			}
			fmt.Fprintln(out, l.T("cli.retention.due", "N", len(due)))
			for _, d := range due {
				last := l.T("cli.retention.last", "Date", human(l, d.Last))
				if d.NoSessions {
					last = l.T("cli.retention.nosessions", "Date", human(l, d.Last))
				}
				fmt.Fprintf(out, "  %s\n    attend erase --person %s\n", l.T("cli.retention.since", "Name", coach.SafeText(d.Person.Name), "Last", last, "Date", human(l, d.Since)), shellQuote(coach.SafeText(d.Person.Name)))
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&years, "years", 0, "keep records this many years after the last session (0: no retention setting)")
	return cmd
}
