package main

// How the commands that print talk to a terminal: one terminal library
// (github.com/charmbracelet/x/term, the one lipgloss and fang use) to ask
// whether a stream is a terminal, how wide it is and for a passphrase, and
// lipgloss for styling. Styling is decided in one place, styled: only on a
// terminal, and never with $NO_COLOR set (read in options.go).

import (
	"io"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
)

// isTerminal reports whether r (stdin, stdout or stderr) is a terminal.
func isTerminal(r any) bool {
	f, ok := r.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(f.Fd())
}

// styled says whether what is written to w may be styled: w is a terminal
// and $NO_COLOR is not set.
func (o *options) styled(w io.Writer) bool { return isTerminal(w) && !o.load().noColor }

// faint is how log dims the ids on a terminal.
var faint = lipgloss.NewStyle().Faint(true)
