package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"attend/coach"
	"attend/coach/msg"
)

func newPromptsCheckCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "check FILE",
		Short: "Check a prompt pack, naming the line and field of every fault",
		Long: `check reads a prompt pack (as attend prompts --format toml writes it, then
edited) and lists every fault, one a line, with its line number and field.
It exits 0 and says which languages the pack holds when it is fine, 1 when
it is not. It checks the file it is given, whatever pack attend is using.`,
		Example: `  attend prompts check ours.toml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{errors.New(o.words().T("cli.pack.check.args"))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			l := o.words()
			p, err := readPackIn(l, args[0])
			var pe *coach.PackError
			if errors.As(err, &pe) {
				out := cmd.OutOrStdout()
				for _, f := range pe.Faults {
					fmt.Fprintf(out, "%s:%s\n", args[0], coach.SafeText(faultLine(l, f)))
				}
				return errors.New(counted(l, "cli.pack.faults", len(pe.Faults), "Path", args[0]))
			}
			if err != nil {
				return err
			}
			prompts := 0
			for _, g := range p.Guides {
				for _, st := range g.Stages {
					prompts += len(st.Items)
				}
			}
			fmt.Fprintln(cmd.OutOrStdout(), counted(l, "cli.pack.good", prompts, "Path", args[0], "Name", fmt.Sprintf("%q", p.Name),
				"Version", fmt.Sprintf("%q", p.Version), "Langs", fmt.Sprint(p.Langs())))
			return nil
		},
	}
}

// faultLine is a fault as FILE:LINE: FIELD: what, the way compilers say it.
func faultLine(l *msg.Lang, f coach.PackFault) string {
	line := fmt.Sprintf("%d: ", f.Line)
	if f.Field != "" {
		line += f.Field + ": "
	}
	return line + f.MsgIn(l)
}
