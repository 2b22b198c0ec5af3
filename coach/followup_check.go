package coach

import (
	"strconv"
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
			return said("coach.valid.actionid", "ID", s.ID, "N", i, "Typed", strconv.Quote(a.ID))
		}
		if j, dup := ids[a.ID]; dup {
			return said("coach.valid.dupaction", "ID", s.ID, "N", i, "J", j)
		}
		ids[a.ID] = i
		if !utf8.ValidString(a.Reason) || utf8.RuneCountInString(a.Reason) > MaxAnswerLen {
			return said("coach.valid.reason", "ID", s.ID, "N", i)
		}
	}
	if err := s.Agreed.Check(); err != nil {
		return said("coach.valid.agreed", "ID", s.ID, "Err", err)
	}
	for i, a := range s.Addenda {
		switch {
		case a.At.IsZero():
			return said("coach.valid.addendumat", "ID", s.ID, "N", i)
		case !utf8.ValidString(a.Text) || utf8.RuneCountInString(a.Text) > MaxAnswerLen:
			return said("coach.valid.addendumtext", "ID", s.ID, "N", i)
		}
	}
	return nil
}
