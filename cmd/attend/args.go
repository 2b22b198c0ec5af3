package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"attend/coach"
)

// personGiven refuses a --person flag given but blank: it must never
// quietly mean everyone.
func (o *options) personGiven(cmd *cobra.Command, person string) error {
	if cmd.Flags().Changed("person") && strings.TrimSpace(person) == "" {
		return usageError{errors.New(o.words().T("cli.person.blank", "Command", cmd.Name()))}
	}
	return nil
}

// noArgs refuses arguments as misuse (exit 2), saying which command.
func (o *options) noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{errors.New(o.words().T("cli.noargs", "Command", cmd.Name(), "Arg", fmt.Sprintf("%q", args[0])))}
	}
	return nil
}

// oneName takes exactly one non-blank NAME, else refuses as misuse (exit
// 2) with the message id, which says how the command is used.
func (o *options) oneName(id string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
			return usageError{errors.New(o.words().T(id))}
		}
		return nil
	}
}

// today is the day the commands work from (tests set another).
var today = func() coach.Date { return coach.DateOf(time.Now()) }
