package coach

import (
	"fmt"
	"strings"
)

// writeAfterMeeting renders, at the end of the meeting record, whether it
// was agreed and each addendum with its time. Nothing is written for a
// session with neither and no record yet, so a prep reads as before.
func writeAfterMeeting(b *strings.Builder, s Session) {
	if len(s.Record) == 0 && !s.IsAgreed() && len(s.Addenda) == 0 {
		return
	}
	b.WriteString("\n### Agreement\n")
	if s.IsAgreed() {
		fmt.Fprintf(b, "\n**Agreed with them** — %s (read-only since)\n", s.Agreed.Human())
	} else {
		b.WriteString("\n**Agreed with them** — not yet\n")
	}
	for _, a := range s.Addenda {
		fmt.Fprintf(b, "\n**Dated note, %s %s**\n\n%s\n", DateOf(a.At).Human(), a.At.Format("15:04"), mdText(strings.TrimSpace(a.Text)))
	}
}
