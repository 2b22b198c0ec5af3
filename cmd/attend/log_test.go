package main

import (
	"testing"

	"attend/coach"
)

// appendSafe is coach.SafeText, whatever the text.
func TestAppendSafe(t *testing.T) {
	for _, s := range []string{
		"", "Aled Ifans", "Siân Ŵyn", "tab\there", "line\nbreak", "bell\a", "esc\x1b[31m red", "del\x7f",
		"c1 \u0085", "bidi \u202e", "zero\u200bwidth", "bad \xff byte", "~ !", " ", "\u00a0",
	} {
		prefix := []byte("x  ")
		if got, want := string(appendSafe(prefix, s)), "x  "+coach.SafeText(s); got != want {
			t.Errorf("appendSafe(%q) = %q, want %q", s, got, want)
		}
	}
}
