package coach

import (
	"regexp"
	"strings"
	"sync"
)

// Welsh ways of saying a date, read as their English twins before the
// date is parsed: "wythnos nesaf" is "next week", "dydd Gwener nesaf" is
// "next gwener" (weekdays are read in Welsh already), "ymhen 3 wythnos" is
// "in 3 weeks", "pythefnos" a fortnight. Compiled when first needed, not
// at start (every command paid for it).
var welshDates = sync.OnceValue(func() []welshDate {
	return []welshDate{
		{regexp.MustCompile(`^(yr )?wythnos (nesaf|nesa)$`), "next week"},
		{regexp.MustCompile(`^(y )?mis (nesaf|nesa)$`), "next month"},
		{regexp.MustCompile(`^(y )?flwyddyn (nesaf|nesa)$`), "next year"},
		{regexp.MustCompile(`^(yr )?wythnos (diwethaf|dwetha)$`), "last week"},
		{regexp.MustCompile(`^(y )?mis (diwethaf|dwetha)$`), "last month"},
		{regexp.MustCompile(`^(y )?flwyddyn (diwethaf|dwetha)$`), "last year"},
		{regexp.MustCompile(`^(dydd )?(\p{L}+) (nesaf|nesa)$`), "next $2"},
		{regexp.MustCompile(`^(dydd )?(\p{L}+) (diwethaf|dwetha)$`), "last $2"},
		{regexp.MustCompile(`^(bob )?pythefnos$`), "fortnight"},
		// "ymhen" and "mewn" both say "in": the trial typed "mewn 6 wythnos".
		{regexp.MustCompile(`^(ymhen|mewn) (\d+) (wythnos|wythnosau)$`), "in $2 weeks"},
		{regexp.MustCompile(`^(ymhen|mewn) (\d+) (diwrnod|dydd|niwrnod|diwrnodau)$`), "in $2 days"},
		{regexp.MustCompile(`^(ymhen|mewn) (\d+) (mis|misoedd)$`), "in $2 months"},
		{regexp.MustCompile(`^(ymhen|mewn) (\d+) (blwyddyn|mlynedd|blynedd|flynedd)$`), "in $2 years"},
		{regexp.MustCompile(`^(ymhen|mewn) pythefnos$`), "fortnight"},
		{regexp.MustCompile(`^(ymhen|mewn) (wythnos)$`), "in 1 weeks"},
		{regexp.MustCompile(`^(ymhen|mewn) (mis)$`), "in 1 months"},
		{regexp.MustCompile(`^(ymhen|mewn) (blwyddyn)$`), "in 1 years"},
		// A bare count goes the way the field leans, as "6 weeks" does.
		{regexp.MustCompile(`^(\d+) (wythnos|wythnosau)$`), "$1 weeks"},
		{regexp.MustCompile(`^(\d+) (diwrnod|dydd|niwrnod|diwrnodau)$`), "$1 days"},
		{regexp.MustCompile(`^(\d+) (mis|misoedd)$`), "$1 months"},
		// ... and back, for a filter: "6 wythnos yn ôl" is "6 weeks ago".
		{regexp.MustCompile(`^(\d+) (wythnos|wythnosau) yn ôl$`), "$1 weeks ago"},
		{regexp.MustCompile(`^(\d+) (diwrnod|dydd|niwrnod|diwrnodau) yn ôl$`), "$1 days ago"},
		{regexp.MustCompile(`^(\d+) (mis|misoedd) yn ôl$`), "$1 months ago"},
		{regexp.MustCompile(`^pythefnos yn ôl$`), "a fortnight ago"},
	}
})

type welshDate struct {
	re   *regexp.Regexp
	with string
}

// fromWelsh reads a Welsh date phrase as its English twin; anything else is
// returned as it was.
func fromWelsh(s string) string {
	// Every phrase above has a space in it but "pythefnos": a date typed
	// as numbers ("2026-01-31", "31/1"), a single word, or no date at all
	// (log with no --since) compiles none of them, which cost more than
	// the rest of a short command's reading.
	if s != "pythefnos" && !strings.Contains(s, " ") {
		return s
	}
	for _, w := range welshDates() {
		if w.re.MatchString(s) {
			return w.re.ReplaceAllString(s, w.with)
		}
	}
	return s
}
