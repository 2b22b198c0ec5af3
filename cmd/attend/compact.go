package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

func newCompactCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "compact",
		Short: "Rewrite the database file so nothing deleted remains in it",
		Long: `compact rewrites the database into a new file holding only the records in
it, so no trace of anything deleted remains in free space. attend erase does
this by itself; compact is for when that step could not finish.`,
		Args: o.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := o.open(false, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			before, _ := os.Stat(st.Path())
			if err := st.Compact(); err != nil {
				return err
			}
			after, _ := os.Stat(st.Path())
			if before != nil && after != nil {
				fmt.Fprintln(cmd.OutOrStdout(), o.words().T("cli.compact.done", "Path", st.Path(), "Before", before.Size(), "After", after.Size()))
			}
			return nil
		},
	}
}
