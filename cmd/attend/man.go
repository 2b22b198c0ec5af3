package main

import (
	"io"
	"strings"

	mango "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"

	"attend/coach/msg"
)

// newManCmd writes the manual page in troff, as fang's own `man` did, but
// to the command's output (fang wrote to the process's stdout, past any
// writer a test or a caller gives) and with fang's words in the language.
func newManCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:                   "man",
		Short:                 "Write attend's manual page (troff), for man -l",
		SilenceUsage:          true,
		DisableFlagsInUseLine: true,
		Hidden:                true,
		Args:                  o.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			page, err := mango.NewManPage(1, cmd.Root())
			if err != nil {
				return err
			}
			_, err = io.WriteString(cmd.OutOrStdout(), sayManPage(o.words(), page.Build(roff.NewDocument())))
			return err
		},
	}
}

// sayManPage puts the words fang writes itself in a manual page (its
// section headings, the synopsis's placeholders) into the language; the
// descriptions are the commands' own help, in the language already.
func sayManPage(l *msg.Lang, page string) string {
	if l.Code == "en" {
		return page
	}
	up := func(id string) string { return strings.ToUpper(l.T(id)) }
	return strings.NewReplacer(
		".SH NAME\n", ".SH "+up("cli.man.name")+"\n",
		".SH SYNOPSIS\n", ".SH "+up("cli.man.synopsis")+"\n",
		".SH DESCRIPTION\n", ".SH "+up("cli.man.description")+"\n",
		".SH OPTIONS\n", ".SH "+up("cli.page.heading.flags")+"\n",
		".SH COMMANDS\n", ".SH "+up("cli.page.heading.commands")+"\n",
		`\fBOPTIONS\fP`, `\fB`+up("cli.page.heading.flags")+`\fP`,
		`\fBCOMMANDS\fP`, `\fB`+up("cli.page.heading.commands")+`\fP`,
		`[\fIoptions\&.\&.\&.\fP]`, `[\fI`+l.T("cli.man.options")+`\&.\&.\&.\fP]`,
		`[\fIargument\&.\&.\&.\fP]`, `[\fI`+l.T("cli.man.argument")+`\&.\&.\&.\fP]`,
	).Replace(page)
}
