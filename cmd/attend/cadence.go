package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"attend/coach"
)

func newCadenceCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "cadence NAME [EVERY]",
		Short: "Show or set how often someone has supervision (default every 3 months)",
		Example: `  attend cadence sian            (shows it, and when the next session is due)
  attend cadence sian 6w         (every 6 weeks; also 2m, 3 months, monthly)`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 1 || len(args) > 2 {
				return usageError{errors.New(o.words().T("cli.cadence.args"))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			l := o.words()
			var c coach.Cadence
			if len(args) == 2 {
				var err error
				if c, err = coach.ReadCadence(args[1]); err != nil {
					return usageError{err}
				}
			}
			st, err := o.open(len(args) == 1, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := personNamed(l, st, args[0], len(args) == 2)
			if err != nil {
				return err
			}
			was := cadenceText(l, p.Cadence)
			if len(args) == 2 {
				if p, err = st.UpdatePerson(p.ID, func(p *coach.Person) error { p.Cadence = c; return nil }); err != nil {
					return err
				}
			}
			line := l.T("home.cadence.set", "Name", coach.SafeText(p.Name), "Cadence", cadenceText(l, p.Cadence))
			if len(args) == 2 && was != cadenceText(l, p.Cadence) {
				line += l.T("cli.cadence.was", "Cadence", was)
			}
			if d := coach.DueFor(p, today()); d.State != coach.NeverMet {
				line += "; " + dueText(l, d)
			}
			if !p.NextSession.IsZero() {
				line += " " + l.T("home.cadence.agreed", "Date", human(l, p.NextSession))
			}
			fmt.Fprintln(cmd.OutOrStdout(), line)
			return nil
		},
	}
}
