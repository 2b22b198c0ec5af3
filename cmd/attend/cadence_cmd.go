package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"attend/coach"
)

func newCadenceCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "cadence NAME [EVERY]",
		Short: "Show or set how often someone has supervision (default every 3 months)",
		Example: `  attend cadence sian            (shows it, and when the next session is due)
  attend cadence sian 6w         (every 6 weeks; also 2m, 3 months, monthly)`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) < 1 || len(args) > 2 {
				return usageError{errors.New(`cadence takes a name and, to change it, an interval: attend cadence "Siân Ŵyn" 6w`)}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var c coach.Cadence
			if len(args) == 2 {
				var err error
				if c, err = coach.ReadCadence(args[1]); err != nil {
					return usageError{err}
				}
			}
			st, err := g.open(len(args) == 1, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := personNamed(st, args[0], len(args) == 2)
			if err != nil {
				return err
			}
			was := p.Cadence.String()
			if len(args) == 2 {
				if p, err = st.UpdatePerson(p.ID, func(p *coach.Person) error { p.Cadence = c; return nil }); err != nil {
					return err
				}
			}
			line := coach.SafeText(p.Name) + ": supervision " + p.Cadence.String()
			if len(args) == 2 && was != p.Cadence.String() {
				line += " (was " + was + ")"
			}
			if d := coach.DueFor(p, coach.DateOf(time.Now())); d.State != coach.NeverMet {
				line += "; " + d.Label()
			}
			if !p.NextSession.IsZero() {
				line += " (the next date agreed at the last session, " + p.NextSession.Human() + ", comes first)"
			}
			fmt.Fprintln(cmd.OutOrStdout(), line)
			return nil
		},
	}
}
