package main

import (
	"math/rand/v2"
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

// isOneLine says a text is one line exactly when folding it changes
// nothing, at every position of the eight bytes it reads at a time: the
// texts are made of words, single and double spaces, tabs, new lines, DEL,
// other control characters, accented letters, a no-break space and a
// zero-width space, at random, short and long.
func TestIsOneLineIsFolding(t *testing.T) {
	parts := []string{"a", "Bb", "~", "!", "word", "eight8ch", " ", "  ", "\t", "\n", "\x7f", "\x1f", "\x00", "ŵ", "Siân", "\u00a0", "\u200b", "\xff", "😀"}
	r := rand.New(rand.NewPCG(1, 2))
	ones := 0
	for range 200000 {
		var b strings.Builder
		for range r.IntN(24) {
			p := parts[r.IntN(len(parts))]
			if r.IntN(4) > 0 { // mostly words and single spaces, as text is
				p = parts[r.IntN(7)]
			}
			b.WriteString(p)
		}
		s := b.String()
		want := strings.Join(strings.Fields(coach.SafeText(s)), " ") == s
		if isOneLine(s) != want {
			t.Fatalf("isOneLine(%q) = %v, want %v", s, !want, want)
		}
		if want {
			ones++
		}
	}
	if ones < 20000 || ones > 180000 {
		t.Fatalf("%d of 200,000 texts were one line: the test proves little", ones)
	}
}
