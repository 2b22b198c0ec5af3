// Command attend is a terminal coaching companion for compassionate
// one-to-ones and supervision. This file and its neighbours only wire flags
// and subcommands to the coach, data and tui packages.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"attend/coach"
	"attend/coach/msg"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		os.Exit(exitCode(err)) // run has said what went wrong
	}
}

// exitCode is 2 for misuse (bad flags or arguments), 1 for anything else.
func exitCode(err error) int {
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

type usageError struct{ error }

// Unwrap lets errors.Is, errors.As and coach.ErrorText see what was misused.
func (u usageError) Unwrap() error { return u.error }

// run builds the command tree and executes it; tests call it directly.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	o := &options{stderr: stderr}
	root := newRootFor(o)
	l := msg.New(helpLang(args))
	sayHelp(root, l)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetErr(stderr)
	// cobra's and pflag's refusals, said in the language (cobra_said.go).
	root.SetFlagErrorFunc(flagSaid)
	// fang: styled help, --version from the build, attend man, completions.
	// Errors from below the command line (a date it cannot read, the
	// store's) are said in the language too (coach.ErrorText); so are
	// fang's own words on a help page (help_page.go).
	err := helpOut(l, root, args, stdout, func(w io.Writer) error {
		root.SetOut(w)
		return fang.Execute(ctx, root,
			fang.WithVersion(buildVersion()),
			fang.WithoutManpage(), // man.go writes it, in the language
			fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) {
				fmt.Fprintln(w, "attend: "+coach.SafeText(coach.ErrorText(l, err)))
			}))
	})
	// l, not o.words(): a flag that does not parse stops cobra before
	// --lang is read, and its refusal is said in the language too.
	if err != nil && l.Code != "en" {
		return &saidErr{text: coach.ErrorText(l, err), err: err}
	}
	return err
}

// buildVersion is the module's version and commit, as the Go toolchain
// stamped them into the binary.
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " (" + s.Value[:12] + ")"
		}
	}
	return v
}

// newRoot is attend and its commands. The flags every command takes and the
// environment go into one options value (options.go) that every command's
// constructor receives.
func newRoot() *cobra.Command { return newRootFor(&options{}) }

// newRootFor is newRoot with the options value its flags are bound to.
func newRootFor(o *options) *cobra.Command {
	root := &cobra.Command{
		Use:   "attend",
		Short: "Prepare and keep compassionate one-to-ones, offline",
		Long: `attend guides you through a compassionate one-to-one or supervision
(attending, understanding, empathising, helping), keeps the record in one
local file, and never sends anything anywhere.

Run it with no arguments to open your people.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTUI(cmd, o, "", false)
		},
		// The prompt pack is in place before any command runs;
		// `prompts check` checks the file it is given instead.
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if cmd.Name() == "check" && cmd.Parent() != nil && cmd.Parent().Name() == "prompts" {
				coach.UsePack(nil)
				return nil
			}
			return o.usePack()
		},
	}
	root.Args = rootArgs(root)          // an unknown command, said in the language
	root.SuggestionsMinimumDistance = 2 // cobra's own default, which rootArgs asks for
	o.addFlags(root)
	// One file per command: prep.go, log.go, erase.go, ...
	root.AddCommand(
		newPrepCmd(o), newExportCmd(o), newCheckCmd(o), newBackupCmd(o), newCadenceCmd(o),
		newEncryptCmd(o), newPassphraseCmd(o), newImportCmd(o), newEraseCmd(o), newRetentionCmd(o), newCompactCmd(o),
		newDemoCmd(o), newLogCmd(o), newShowCmd(o),
		newActionsCmd(o), newCloseActionCmd(o, coach.ActionDone), newCloseActionCmd(o, coach.ActionDropped),
		newRecordCmd(o), newAddendumCmd(o), newTrendsCmd(o),
		newBriefCmd(o), newPromptsCmd(o),
		newCalendarCmd(o), newMatrixCmd(o), newManCmd(o),
	)
	completions(root, o)
	helpRefusesUnknown(root)
	return root
}
