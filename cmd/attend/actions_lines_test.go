package main

import (
	"strings"
	"testing"
	"time"

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

// appendDate writes a date as Date.String does.
func TestAppendDateAsString(t *testing.T) {
	d := coach.Date{Year: 1, Month: time.January, Day: 1}
	for range 4000 {
		if got := string(appendDate(nil, d)); got != d.String() {
			t.Fatalf("appendDate(%v) = %q, want %q", d, got, d.String())
		}
		d = d.AddDays(731)
	}
	for _, d := range []coach.Date{{}, {Year: 10000, Month: 1, Day: 1}, {Year: 999, Month: 12, Day: 31}, {Year: 2026, Month: 13, Day: 1}} {
		if got := string(appendDate(nil, d)); got != d.String() {
			t.Errorf("appendDate(%v) = %q, want %q", d, got, d.String())
		}
	}
}
