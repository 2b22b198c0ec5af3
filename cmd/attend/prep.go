package main

import "github.com/spf13/cobra"

func newPrepCmd(o *options) *cobra.Command {
	var isNew bool
	var line *lineFlags // plain lines (accessible.go)
	cmd := &cobra.Command{
		Use:   "prep NAME",
		Short: "Start or carry on a prep for one person (--new to add someone)",
		Long: `prep opens the prep for the person NAME means: their whole name, or the start
of it or of any word of it, ignoring case and accents. A name that matches
no one is added as someone new, unless it is close to someone already here
("sain" for Siân Ŵyn): then prep asks you to choose, and --new adds them.`,
		Example: `  attend prep "Siân Ŵyn"
  attend prep sian          (matches Siân, ignoring case and accents)
  attend prep --new Sain    (adds Sain, even though Siân Ŵyn is close)`,
		Args: o.oneName("cli.prep.args"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if line.wanted(cmd, o) {
				return runAccessible(cmd, o, args[0], isNew, line)
			}
			return runTUI(cmd, o, args[0], isNew)
		},
	}
	line = addLineFlags(cmd)
	cmd.Flags().BoolVar(&isNew, "new", false, "add NAME as a new person, even if it is close to someone's name")
	return cmd
}
