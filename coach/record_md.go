package coach

import (
	"fmt"
	"strings"
)

// writeAfterMeeting renders what was added after the meeting (Markdown
// calls it last): what was discussed, whether the record was agreed, and
// each addendum with its time. Nothing is written for a session that has
// none of these, so a prep reads as before.
func writeAfterMeeting(b *strings.Builder, s Session) {
	record := strings.TrimSpace(s.Record)
	if record == "" && !s.IsAgreed() && len(s.Addenda) == 0 {
		return
	}
	b.WriteString("\n## After the meeting\n")
	if record != "" {
		fmt.Fprintf(b, "\n**What was discussed**\n\n%s\n", mdText(record))
	}
	if s.IsAgreed() {
		fmt.Fprintf(b, "\n**Agreed with them** — %s (read-only since)\n", s.Agreed.Human())
	} else {
		b.WriteString("\n**Agreed with them** — _not set_\n")
	}
	for _, a := range s.Addenda {
		fmt.Fprintf(b, "\n**Addendum, %s %s**\n\n%s\n", DateOf(a.At).Human(), a.At.Format("15:04"), mdText(strings.TrimSpace(a.Text)))
	}
}
