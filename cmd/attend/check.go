package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"
)

func newCheckCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Verify the whole database file and every record in it",
		Long: `check reads every page and record of the database, runs bbolt's own
consistency check, and names every fault it finds. It only reads: the file is
never changed. It exits 0 when all is well and 1 otherwise.`,
		Args: o.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, _, err := o.openWithGuide(true)
			if err != nil {
				return err
			}
			defer st.Close()
			if err := st.Check(); err != nil {
				return err
			}
			l := o.words()
			if left := st.Leftovers(); len(left) > 0 {
				out := cmd.OutOrStdout()
				fmt.Fprintln(out, l.T("cli.check.left", "Path", st.Path(), "What", counted(l, "cli.check.copies", len(left))))
				for _, c := range left {
					fmt.Fprintf(out, "  %s\n", c)
				}
				return errors.New(l.T("cli.check.leftover", "Path", st.Path()))
			}
			fmt.Fprintln(cmd.OutOrStdout(), l.T("cli.check.ok", "Path", st.Path()))
			return nil
		},
	}
}
