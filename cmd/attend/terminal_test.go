package main

import (
	"bytes"
	"testing"
)

// Styling goes through lipgloss and terminal questions through one library
// (terminal.go): no escape written by hand, no second terminal package.
func TestOneTerminalLibrary(t *testing.T) {
	for f, src := range sources(t, ".") {
		for _, bad := range []string{`\x1b[`, `\033[`, `"golang.org/x/term"`, `"NO_COLOR"`} {
			if bytes.Contains(src, []byte(bad)) && !(bad == `"NO_COLOR"` && f == "options.go") {
				t.Errorf("%s holds %s: use lipgloss, charmbracelet/x/ansi or terminal.go", f, bad)
			}
		}
	}
}

func TestStyledOnlyOnATerminal(t *testing.T) {
	if (&options{}).styled(&bytes.Buffer{}) {
		t.Error("a buffer is styled")
	}
}
