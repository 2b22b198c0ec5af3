package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"attend/coach"
	"attend/data"
)

func newEraseCmd(o *options) *cobra.Command {
	var person string
	var yes bool
	cmd := &cobra.Command{
		Use:   "erase --person NAME",
		Short: "Erase a person and every session, draft and action about them",
		Long: `erase removes one person and everything attend holds about them (every
saved session, unsaved prep and action), then rewrites the file so that no
fragment of them remains in it. It asks you to type their name to confirm;
--yes skips that, for scripts. It cannot be undone.

Backups and exports made before are not touched: erase those too.`,
		Example: `  attend erase --person "Siân Ŵyn"
  attend erase --person sian --yes`,
		Args: o.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := o.words()
			if strings.TrimSpace(person) == "" {
				return usageError{errors.New(l.T("cli.erase.args"))}
			}
			st, err := o.open(false, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			people, err := st.People()
			if err != nil {
				return err
			}
			p, err := findExactPerson(l, people, person, "erase")
			if err != nil {
				return err
			}
			if !yes {
				drafts, err := st.Drafts()
				if err != nil {
					return err
				}
				prep := ""
				if _, ok := drafts[p.ID]; ok {
					prep = l.T("cli.erase.prep")
				}
				fmt.Fprint(cmd.ErrOrStderr(), l.T("cli.erase.ask", "Name", coach.SafeText(p.Name), "Sessions", counted(l, "cli.erase.sessions", p.Sessions), "Prep", prep))
				line, err := bufio.NewReader(cmd.InOrStdin()).ReadString('\n')
				if err != nil && (!errors.Is(err, io.EOF) || line == "") {
					return errors.New(l.T("cli.erase.noconfirm", "Name", coach.SafeText(p.Name)))
				}
				if !coach.SameName(strings.TrimSpace(line), p.Name) {
					return errors.New(l.T("cli.erase.wrongname", "Name", coach.SafeText(p.Name)))
				}
			}
			start := time.Now()
			res, err := st.Erase(p.ID)
			if err != nil && !errors.Is(err, data.ErrNotCompacted) {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprint(out, l.T("cli.erase.done", "Name", coach.SafeText(res.Person.Name), "Sessions", counted(l, "cli.erase.sessions", res.Sessions),
				"Drafts", counted(l, "cli.erase.drafts", res.Drafts), "Index", counted(l, "cli.erase.index", res.Index)))
			if err != nil {
				fmt.Fprintln(out, ".")
				return err
			}
			fmt.Fprintln(out, l.T("cli.erase.rewritten", "Path", st.Path(), "Took", l.Duration(time.Since(start).Round(time.Millisecond))))
			fmt.Fprintln(out, l.T("cli.erase.copies"))
			for _, c := range plaintextCopies(st.Path()) {
				fmt.Fprintln(out, l.T("cli.erase.copy", "Path", c))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&person, "person", "", "who to erase (name, ignoring case and accents)")
	cmd.Flags().BoolVar(&yes, "yes", false, "do not ask to confirm (for scripts)")
	return cmd
}
