package main

import (
	"errors"
	"io"

	"github.com/spf13/cobra"

	"attend/coach"
	"attend/coach/msg"
	"attend/data"
)

func newShowCmd(o *options) *cobra.Command {
	var private bool
	cmd := &cobra.Command{
		Use:   "show ID [--private]",
		Short: "Print one saved session's meeting record as Markdown (--private: your prep and reflection too)",
		Long: `show prints the meeting record of one saved session as Markdown, in the
language it was written in: what you wrote with them and what they agree.
Your preparation and your reflection are private notes and are left out;
--private adds them, each labelled. (They are still personal data about the
person: 'attend export --person NAME' includes them for a subject access
request.) ID is the session's id from 'attend log', or its first 6 or more
characters (any case) if no other session starts the same way.`,
		Example: `  attend show 01M8B6JA8Z
  attend show 01M8B6JA8Z --private
  attend log --person sian --limit 1 | cut -c1-26 | xargs attend show`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{errors.New(o.words().T("cli.show.args"))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			l := o.words()
			// The record's words (their part of the message catalogue,
			// read when first said) are read on another core while the
			// file is opened and the session read.
			// The prompts of the language sessions are mostly written in,
			// too: guideFor then waits for this parse, not a second.
			lang := o.langCode()
			go func() {
				l.T("md.saved")
				guideFor(lang)
			}()
			// No prompts loaded for the store: show reads, and prints with
			// the prompts of the session's own language (guideFor).
			st, err := o.open(true, nil)
			if err != nil {
				return err
			}
			defer st.Close()
			return show(st, cmd.OutOrStdout(), args[0], private, l)
		},
	}
	cmd.Flags().BoolVar(&private, "private", false, "add your preparation and reflection (private notes), labelled")
	return cmd
}

// show prints the session id names (an id or a unique prefix) as Markdown:
// the meeting record, and with private the prep and reflection as well.
func show(st *data.Store, w io.Writer, id string, private bool, l *msg.Lang) error {
	s, p, found, err := st.SessionAndPerson(id)
	if err != nil {
		return err
	}
	if !found {
		// Still show what was written; `attend check` reports the gap.
		p = coach.Person{ID: s.PersonID, Name: l.T("cli.show.noperson", "ID", s.PersonID)}
	}
	opt := coach.MarkdownOptions{Parts: []coach.Part{coach.PartRecord}, Lang: l}
	if private {
		opt.Parts = nil // all three, each labelled
	}
	_, err = io.WriteString(w, coach.Markdown(guideFor(s.Lang), p, s, opt))
	return err
}
