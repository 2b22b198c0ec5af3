package data

import (
	"attend/coach"
)

// SavePart writes one part of a saved session as the after-meeting screens
// hold it: the meeting record (its answers and the agreed actions) or the
// manager's reflection (its answers; actions are left alone). It replaces
// that part whole, so writing it again is harmless.
//
// before is the session as the caller last read or wrote it: if this part
// of it changed since (another window wrote it), nothing is written and the
// error is coach.ErrRecordChanged, so that no one's words are overwritten
// unseen; a change to another part is no conflict. An agreed record is
// read-only (ErrAgreed); the reflection stays the manager's to write.
func (s *Store) SavePart(id string, before coach.Session, part coach.Part, answers map[string]coach.Answer, actions []coach.Action) (coach.Session, error) {
	const what = "store.what.parts"
	if part != coach.PartRecord && part != coach.PartReflection {
		return coach.Session{}, errInvalid(said("store.cause.afterparts"), what)
	}
	return s.changeSession(id, what, func(b txBuckets, sess *coach.Session) error {
		if part == coach.PartRecord && sess.IsAgreed() {
			return s.errAgreed(b, *sess)
		}
		if !coach.SamePart(*sess, before, part) {
			return saidErr(coach.ErrRecordChanged, s.path, nil, "store.session.changed")
		}
		for id := range sess.Answers(part) {
			sess.SetPartAnswer(part, id, coach.Answer{})
		}
		for id, a := range answers {
			sess.SetPartAnswer(part, id, a)
		}
		if part == coach.PartRecord {
			sess.Actions = actions
		}
		sess.Tidy(s.now())
		return nil
	})
}
