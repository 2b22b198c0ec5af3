package main

import (
	"strings"
	"testing"

	"attend/coach"
)

// oneLine's shortcut for text already on one line gives what folding it
// always gave: SafeText, then runs of white space to single spaces.
func TestOneLineAsBefore(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\nb", "Siân Ŵyn", "Siân  Ŵyn", "Siân\u00a0Ŵyn", "ŵ\u2003ŵ",
		"a\u0085b", "a\u200bb", "a\u202eb", "a\x1bb", "a\x7fb", "a\rb", "\xffa", "ŵ\xff", "ends ŵ ", " ŵ", "ŵ", "x\u3000y",
		"Ring the agency about nights", "Book Bethan onto the moving and handling refresher",
	} {
		want := strings.Join(strings.Fields(coach.SafeText(s)), " ")
		if got := oneLine(s); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", s, got, want)
		}
	}
}
