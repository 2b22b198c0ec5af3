package main

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"attend/coach"
)

// appendSafe is coach.SafeText, whatever the text: a few by hand, every
// character between two others, and random bytes.
func TestAppendSafe(t *testing.T) {
	same := func(s string) {
		t.Helper()
		if got, want := string(appendSafe([]byte("x  "), s)), "x  "+coach.SafeText(s); got != want {
			t.Fatalf("appendSafe(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{
		"", "Aled Ifans", "Siân Ŵyn", "tab\there", "line\nbreak", "bell\a", "esc\x1b[31m red", "del\x7f",
		"c1 \u0085", "bidi \u202e", "zero\u200bwidth", "bad \xff byte", "~ !", " ", "\u00a0", "and the…",
		"\xc2", "\xe2\x80", "\xef\xbb", "end \xe2", "\ufffd", "\xed\xa0\x80",
	} {
		same(s)
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		same("a" + string(r) + "é")
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	bytes := []byte{0x00, 0x09, 0x0a, 0x1b, 0x20, 'a', 0x7e, 0x7f, 0x80, 0x85, 0x9f, 0xa0, 0xa6, 0xa9, 0xaa, 0xae, 0xaf,
		0x8b, 0x8d, 0x81, 0xbb, 0xbf, 0xbd, 0xc2, 0xc3, 0xc5, 0xe2, 0xef, 0xf0, 0x9f, 0xff}
	for range 200000 {
		b := make([]byte, rnd.IntN(7))
		for i := range b {
			b[i] = bytes[rnd.IntN(len(bytes))]
		}
		same(string(b))
	}
}
