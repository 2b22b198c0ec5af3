package coach

import (
	"fmt"
	"strings"

	"attend/coach/msg"
)

// writeAfterMeeting renders, at the end of the meeting record, whether it
// was agreed and each addendum with its time. Nothing is written for a
// session with neither and no record yet, so a prep reads as before.
func writeAfterMeeting(b *strings.Builder, s Session, l *msg.Lang) {
	if len(s.Record) == 0 && !s.IsAgreed() && len(s.Addenda) == 0 {
		return
	}
	b.WriteString("\n### " + l.T("md.agreement") + "\n")
	if s.IsAgreed() {
		fmt.Fprintf(b, "\n**%s** — %s\n", l.T("md.agreedwith"), l.T("md.agreedon", "Date", l.Date(s.Agreed.Time())))
	} else {
		fmt.Fprintf(b, "\n**%s** — %s\n", l.T("md.agreedwith"), l.T("md.notyet"))
	}
	for _, a := range s.Addenda {
		fmt.Fprintf(b, "\n**%s**\n\n%s\n", l.T("md.note", "Date", l.Date(a.At), "Time", a.At.Format("15:04")), mdText(strings.TrimSpace(a.Text)))
	}
}
