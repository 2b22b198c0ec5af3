package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"attend/coach"
)

func newImportCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: "Restore or merge a JSON export (importing the same file twice changes nothing)",
		Long: `import reads a JSON export (attend export --format json; docs/export.md) and
adds what is not already here, in one step. People are matched by id, else by
name; sessions by id, where a newer version replaces an older one. Importing
the same file twice changes nothing. The whole file is checked first: if
anything in it is wrong, nothing is imported, and the field at fault is named.
FILE "-" reads standard input.`,
		Example: `  attend import attend.json
  attend export --db old.db | attend import -`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{errors.New(o.words().T("cli.import.args"))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			l := o.words()
			name := args[0]
			var r io.Reader = cmd.InOrStdin()
			if name != "-" {
				f, err := os.Open(name)
				if err != nil {
					return wrapErr(l, "cli.import.cantread", err, "Name", name)
				}
				defer f.Close()
				if fi, err := f.Stat(); err == nil && fi.Size() > coach.MaxImportBytes {
					return errors.New(l.T("cli.import.toolarge", "Name", name))
				}
				r = f
			} else {
				name = l.T("cli.import.stdin")
			}
			start := time.Now()
			// Read as a stream (buffered by the reader itself): a value
			// over its limit is refused as soon as it is seen, however
			// large the file.
			doc, err := coach.ParseImportReader(r)
			if err != nil {
				return wrapErr(l, "cli.import.failed", err, "Name", name)
			}
			st, _, err := o.openWithGuide(false)
			if err != nil {
				return err
			}
			defer st.Close()
			res, err := st.Import(doc)
			if err != nil {
				return wrapErr(l, "cli.import.failed", err, "Name", name)
			}
			out := cmd.OutOrStdout()
			took := time.Since(start).Round(time.Millisecond)
			switch {
			case !res.Changed() && len(res.SessionsDiffering) == 0:
				fmt.Fprintln(out, l.T("cli.import.nothing", "Name", name, "Path", st.Path(),
					"People", counted(l, "cli.import.people", res.PeopleMatched+res.PeopleMerged), "Sessions", counted(l, "cli.import.sessions", res.SessionsUnchanged)))
			case !res.Changed():
				fmt.Fprintln(out, l.T("cli.import.notall", "Name", name, "Path", st.Path()))
			default:
				fmt.Fprintln(out, l.T("cli.import.done", "Name", name, "Path", st.Path(), "Took", l.Duration(took)))
				fmt.Fprintln(out, l.T("cli.import.peoplecounts", "Added", res.PeopleAdded, "Matched", res.PeopleMatched, "Merged", res.PeopleMerged))
				fmt.Fprintln(out, l.T("cli.import.sessioncounts", "Added", res.SessionsAdded, "Replaced", res.SessionsReplaced, "Unchanged", res.SessionsUnchanged))
			}
			if n := len(res.SessionsDiffering); n > 0 {
				fmt.Fprintln(out, counted(l, "cli.import.differ", n))
				for _, id := range res.SessionsDiffering {
					fmt.Fprintf(out, "  %s\n", id)
				}
				fmt.Fprintln(out, l.T("cli.import.compare"))
			}
			return nil
		},
	}
}
