package main

import "attend/coach/msg"

// English counts: "1 session", "2 sessions", "10,000 sessions". What
// attend prints counts through the catalogue (counted, in lang.go), with
// thousands; count is the English rule the tests check the output against.

// count is n with the word that goes with it: one for exactly 1, many
// otherwise (0 sessions, 2 sessions), with commas in thousands.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return msg.Thousands(n) + " " + many
}
