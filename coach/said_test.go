package coach

import (
	"fmt"
	"strings"
	"testing"

	"attend/coach/msg"
)

// The errors a manager meets say themselves in the interface language,
// wrapped or not, and their English is unchanged.
func TestErrorsSayThemselvesInWelsh(t *testing.T) {
	today := Date{2026, 11, 26}
	people := []Person{{ID: "1", Name: "Ann Jones"}, {ID: "2", Name: "Anna Evans"}}
	_, dateErr := ParseDate("rywbryd", today)
	_, slashErr := ParseDate("31/2", today)
	_, cadErr := ReadCadence("weithiau")
	_, _, nameErr := ResolveName(people, "an")
	_, outErr := ParseOutcome("efallai")
	_, emptyErr := CleanName("  ")
	cy, en := msg.New("cy"), msg.New("en")
	for _, c := range []struct {
		err         error
		english, cy string
	}{
		{dateErr, `"rywbryd" is not a date I can read: try 2027-02-24, 24/2/2027, +6w or fri`, `alla i ddim darllen "rywbryd" fel dyddiad`},
		{slashErr, "February 2026 has no day 31", "does dim diwrnod 31 ym mis Chwefror 2026"},
		{cadErr, `"weithiau" is not an interval attend can read: try 6w, 2m or 3 months`, `alla i ddim darllen "weithiau" fel cyfnod`},
		{nameErr, `"an" could be Ann Jones or Anna Evans: give more of the name`, `gallai "an" fod yn Ann Jones neu Anna Evans`},
		{outErr, `outcome "efallai" is not one of helped, partly, notyet, didntask`, `dydy'r canlyniad "efallai" ddim yn un o helped`},
		{emptyErr, "a name is needed", "mae angen enw"},
	} {
		if c.err == nil {
			t.Fatalf("no error for %q", c.english)
		}
		if got := c.err.Error(); got != c.english {
			t.Errorf("English: %q, want %q", got, c.english)
		}
		wrapped := fmt.Errorf("--next: %w", c.err)
		if got := ErrorText(en, wrapped); got != "--next: "+c.english {
			t.Errorf("English, wrapped: %q", got)
		}
		if got := ErrorText(cy, wrapped); !strings.HasPrefix(got, "--next: "+c.cy) {
			t.Errorf("Welsh: %q, want it to start %q", got, "--next: "+c.cy)
		}
	}
	if got := ErrorText(cy, fmt.Errorf("plain")); got != "plain" {
		t.Errorf("an error with no words of its own: %q", got)
	}
}
