package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
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

// TestLogLinesInOrder holds logLines, which formats piped lines in chunks
// on two goroutines, to appending every line in turn: the same bytes, in
// the same order, for any number of lines around the chunk's length, with
// names and previews that SafeText escapes and sessions with no record.
func TestLogLinesInOrder(t *testing.T) {
	style := logStyle{noRecord: "prep only, no record yet"}
	previews := []string{"Rota gaps again", "", "ŵyn a llŷr\u202e", "tab\there", "first words…"}
	for _, n := range []int{0, 1, logChunk - 1, logChunk, logChunk + 1, 3*logChunk + 7} {
		sums := make([]coach.Summary, n)
		for i := range sums {
			sums[i] = coach.Summary{
				ID:         fmt.Sprintf("s%06d", i),
				PersonName: fmt.Sprintf("Siân %d\x1b[31m", i%7),
				Date:       coach.Date{Year: 2026, Month: time.Month(1 + i%12), Day: 1 + i%28},
				Answered:   i % 3,
				Preview:    previews[i%len(previews)],
			}
		}
		var want []byte
		for _, sum := range sums {
			want = appendLogLine(want, sum, style)
		}
		got := bytes.Join(logLines(sums, style), nil)
		if !bytes.Equal(got, want) {
			t.Fatalf("%d lines: logLines gave\n%s\nwant\n%s", n, got, want)
		}
		if c := bytes.Count(got, []byte("\n")); c != n {
			t.Fatalf("%d lines: got %d", n, c)
		}
	}
}
