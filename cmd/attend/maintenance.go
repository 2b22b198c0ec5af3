package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

func newCheckCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Verify the whole database file and every record in it",
		Long: `check reads every page and record of the database, runs bbolt's own
consistency check, and names every fault it finds. It only reads: the file is
never changed. It exits 0 when all is well and 1 otherwise.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, _, err := g.openWithGuide(true)
			if err != nil {
				return err
			}
			defer st.Close()
			if err := st.Check(); err != nil {
				return err
			}
			if left := st.Leftovers(); len(left) > 0 {
				out := cmd.OutOrStdout()
				what := "a temporary copy"
				if len(left) > 1 {
					what = fmt.Sprintf("%d temporary copies", len(left))
				}
				fmt.Fprintf(out, "%s: no faults found in the database, but an interrupted backup or rewrite left %s beside it:\n", st.Path(), what)
				for _, l := range left {
					fmt.Fprintf(out, "  %s\n", l)
				}
				return fmt.Errorf("each is a full copy of your records (unencrypted, if the database was then): attend removes them the next time it opens %s to write (run attend once), or delete them yourself", st.Path())
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: no faults found\n", st.Path())
			return nil
		},
	}
}

func newBackupCmd(g *globals) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "backup FILE",
		Short: "Write a consistent copy of the database, even while attend is open",
		Long: `backup writes a copy of the database to FILE (readable only by you). It is
consistent even while another attend is using the file. If FILE is a folder, a
dated file is written inside it. Restore by pointing --db at the copy, or by
copying it back over the database while no attend is running.`,
		Example: `  attend backup ~/attend-backups/
  attend backup /media/usb/attend-2026-11-26.db`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("backup takes one FILE (or folder) to write the copy to")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			fi, statErr := os.Stat(args[0])
			if statErr == nil && !fi.IsDir() && !force {
				return fmt.Errorf("%s already exists: choose a new name (or a folder), or add --force to replace it", args[0])
			}
			if statErr != nil && strings.HasSuffix(args[0], string(os.PathSeparator)) {
				return fmt.Errorf("there is no folder %s: make it first (mkdir -p %s), or give a file name", args[0], args[0])
			}
			st, err := g.open(true, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			if err := st.Backup(args[0]); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "backed up %s to %s\n", st.Path(), args[0])
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace FILE if it already exists")
	return cmd
}
