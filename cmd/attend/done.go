package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"attend/coach"
)

func newCloseActionCmd(o *options, status coach.ActionStatus) *cobra.Command {
	var reason, outcome string
	cmd := &cobra.Command{
		Use:   "done ACTION-ID [--outcome helped|partly|notyet|didntask]",
		Short: "Mark an open action done, and say whether it helped",
		Long: `done marks an open action done. ACTION-ID is the id 'attend actions' prints,
or its first 6 or more characters if no other open action starts the same way.

--outcome answers "did it help?": helped, partly, notyet (not yet) or
didntask (you have not asked them yet). It is kept with the action and shows
in the export, 'attend brief' and 'attend trends'.`,
		Example: `  attend done 01M8B6JA8Z
  attend done 01M8B6JA8Z --outcome helped`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{errors.New(o.words().T("cli.close.args", "Command", cmd.Name()))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			l := o.words()
			if status == coach.ActionDropped && strings.TrimSpace(reason) == "" {
				return usageError{errors.New(l.T("cli.drop.why.missing"))}
			}
			var oc coach.Outcome
			if cmd.Flags().Changed("outcome") {
				var err error
				if oc, err = coach.ParseOutcome(outcome); err != nil {
					return usageError{fmt.Errorf("--outcome: %w", err)}
				}
			}
			st, _, err := o.openWithGuide(false)
			if err != nil {
				return err
			}
			defer st.Close()
			refs, err := st.OpenActions("")
			if err != nil {
				return err
			}
			r, err := findOpenAction(l, refs, args[0])
			if err != nil {
				return err
			}
			if oc != "" {
				_, err = st.SetActionOutcome(r.SessionID, r.Action.ID, oc) // done and its outcome, together
			} else {
				_, err = st.SetActionStatus(r.SessionID, r.Action.ID, status, reason)
			}
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintln(out, l.T("cli.closed", "Status", l.T("actions.state."+string(status)), "Text", oneLine(r.Action.Text),
				"Owner", ownerText(l, r.Action.Owner), "Name", oneLine(r.PersonName), "Date", human(l, r.SessionDate)))
			if oc != "" {
				fmt.Fprintln(out, l.T("cli.done.helped", "Outcome", outcomeText(l, oc)))
			}
			if status == coach.ActionDropped {
				fmt.Fprintln(out, l.T("cli.drop.why", "Reason", oneLine(reason)))
			}
			return nil
		},
	}
	if status == coach.ActionDropped {
		cmd.Use = "drop ACTION-ID --reason TEXT"
		cmd.Short = "Drop an open action, saying why"
		cmd.Long = `drop closes an open action that will not be done, with the reason kept beside
it. ACTION-ID is the id 'attend actions' prints, or its first 6 or more
characters if no other open action starts the same way.`
		cmd.Example = `  attend drop 01M8B6JA8Z --reason "the rota changed; no longer needed"`
		cmd.Flags().StringVar(&reason, "reason", "", "why it is dropped (required)")
	} else {
		cmd.Flags().StringVar(&outcome, "outcome", "", "did it help? helped, partly, notyet or didntask")
	}
	return cmd
}
