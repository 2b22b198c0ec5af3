package coach

import (
	"regexp"
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
		{regexp.MustCompile(`^ymhen (\d+) (wythnos)$`), "in $1 weeks"},
		{regexp.MustCompile(`^ymhen (\d+) (diwrnod|dydd)$`), "in $1 days"},
		{regexp.MustCompile(`^ymhen (\d+) (mis)$`), "in $1 months"},
		{regexp.MustCompile(`^ymhen pythefnos$`), "fortnight"},
	}
})

type welshDate struct {
	re   *regexp.Regexp
	with string
}

// fromWelsh reads a Welsh date phrase as its English twin; anything else is
// returned as it was.
func fromWelsh(s string) string {
	for _, w := range welshDates() {
		if w.re.MatchString(s) {
			return w.re.ReplaceAllString(s, w.with)
		}
	}
	return s
}
