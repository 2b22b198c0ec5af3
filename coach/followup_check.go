package coach

import (
	"fmt"
	"unicode/utf8"
)

// validateFollowUp checks what Validate adds for follow-ups and the record
// after the meeting: action ids (once given) are attend ids and distinct,
// since the store files open actions under them; the record, its agreed
// date and its addenda are well formed.
func (s Session) validateFollowUp() error {
	ids := make(map[string]int, len(s.Actions))
	for i, a := range s.Actions {
		if a.ID == "" {
			continue // a prep not yet tidied: Tidy gives it one
		}
		if !ValidID(a.ID) {
			return fmt.Errorf("session %s: actions[%d].id %q is not a valid id", s.ID, i, a.ID)
		}
		if j, dup := ids[a.ID]; dup {
			return fmt.Errorf("session %s: actions[%d].id is also actions[%d]", s.ID, i, j)
		}
		ids[a.ID] = i
		if !utf8.ValidString(a.Reason) || utf8.RuneCountInString(a.Reason) > MaxAnswerLen {
			return fmt.Errorf("session %s: actions[%d].reason is not valid or too long", s.ID, i)
		}
	}
	if err := s.Agreed.Check(); err != nil {
		return fmt.Errorf("session %s: agreed: %w", s.ID, err)
	}
	for i, a := range s.Addenda {
		switch {
		case a.At.IsZero():
			return fmt.Errorf("session %s: addenda[%d].at is missing", s.ID, i)
		case !utf8.ValidString(a.Text) || utf8.RuneCountInString(a.Text) > MaxAnswerLen:
			return fmt.Errorf("session %s: addenda[%d].text is not valid or too long", s.ID, i)
		}
	}
	return nil
}
