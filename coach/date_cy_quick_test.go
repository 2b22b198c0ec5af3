package coach

import "testing"

// fromWelsh looks at the phrases only when there is a space or a
// fortnight: every word or number typed alone reads as the phrases would
// read it (TestWelshDatesAreRead has the phrases themselves).
func TestFromWelshAloneWordsAsThePhrases(t *testing.T) {
	for _, s := range []string{"", "pythefnos", "wythnos", "mis", "flwyddyn", "nesaf", "gwener", "yfory", "heddiw", "ddoe",
		"6", "31/2", "2026-01-31", "3w", "fortnight", "tomorrow", "ymhen", "mewn", "diwrnod", "misoedd", "ôl"} {
		want := s
		for _, w := range welshDates() {
			if w.re.MatchString(s) {
				want = w.re.ReplaceAllString(s, w.with)
				break
			}
		}
		if got := fromWelsh(s); got != want {
			t.Errorf("fromWelsh(%q) = %q, the phrases read %q", s, got, want)
		}
	}
}
