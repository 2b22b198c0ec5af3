package data

import (
	"errors"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// Drafts maps each person id with an unsaved prep to when it last changed.
func (s *Store) Drafts() (map[string]time.Time, error) {
	out := map[string]time.Time{}
	err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
		return b.drafts.ForEach(func(k, v []byte, err error) error {
			if err != nil {
				return s.recordErr("draft", k, err)
			}
			h, err := decodeDraftHead(v)
			if err != nil {
				return s.recordErr("draft", k, err)
			}
			out[string(k)] = h.Updated
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Draft returns the person's unsaved prep, if there is one. Left is set if
// the window that wrote it is known to have gone (see windows.go).
func (s *Store) Draft(personID string) (coach.Session, bool, error) {
	var out coach.Session
	var found bool
	err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
		if personID == "" {
			return nil
		}
		raw, err := b.drafts.Get([]byte(personID))
		if err != nil {
			return s.recordErr("draft", []byte(personID), err)
		}
		if raw == nil {
			return nil
		}
		d, err := decodeSession(raw)
		if err != nil {
			return s.recordErr("draft", []byte(personID), err)
		}
		out, found = d, true
		return nil
	})
	if err != nil {
		return coach.Session{}, false, err
	}
	if found {
		s.markGone(&out) // after the read: the window files are not the database
	}
	return out, found, nil
}

// SaveDraft stores a prep in progress, one per person (the draft's
// PersonID). It is an autosave, so it is careful about arriving late:
//   - if the session has already been saved, it does nothing, so a late
//     autosave can never bring back a prep that was saved;
//   - if the stored draft is the same session with a later Updated, the
//     stored one is kept.
//
// Only the ids are checked: a draft is kept even if it would not yet pass
// Validate, since losing typing is worse. The person must exist.
func (s *Store) SaveDraft(sess coach.Session) error {
	if !coach.ValidID(sess.ID) || !coach.ValidID(sess.PersonID) {
		return errInvalid(errors.New("the draft has no valid session or person id"), "store.what.draft")
	}
	if sess.Updated.IsZero() {
		sess.Updated = s.now()
	}
	raw, err := encodeSession(sess)
	if err != nil {
		return errInvalid(err, "store.what.draft")
	}
	return s.update(func(_ *bbolt.Tx, b txBuckets) error {
		if b.sessions.Has([]byte(sess.ID)) {
			return nil // already saved: never resurrect it
		}
		if _, err := s.getPerson(b, sess.PersonID); err != nil {
			return err
		}
		key := []byte(sess.PersonID)
		// A stored draft that cannot be opened is damaged: it is replaced.
		if cur, err := b.drafts.Get(key); err == nil && cur != nil {
			h, err := decodeDraftHead(cur)
			switch {
			case errors.Is(err, ErrNewerSchema):
				return s.recordErr("draft", key, err) // do not overwrite what a newer attend wrote
			case err == nil && !coach.MayReplaceDraft(h.ID, h.Writer, h.Updated, sess):
				return s.errElsewhere(b, sess.PersonID, h.Updated)
			case err == nil && h.ID == sess.ID && h.Updated.After(sess.Updated):
				return nil // a newer copy of this draft is already stored
			}
		}
		return b.drafts.Put(key, raw)
	})
}

// DiscardDraft deletes the person's draft, if any.
func (s *Store) DiscardDraft(personID string) error {
	if personID == "" {
		return nil
	}
	return s.update(func(_ *bbolt.Tx, b txBuckets) error {
		return b.drafts.Delete([]byte(personID))
	})
}

// errElsewhere says that another window holds a person's prep.
func (s *Store) errElsewhere(b txBuckets, personID string, at time.Time) error {
	name := "this person"
	if p, err := s.getPerson(b, personID); err == nil {
		name = p.Name
	}
	return saidErr(coach.ErrDraftElsewhere, s.path, nil, "store.draft.elsewhere", "Name", name, "Time", at.Local().Format("15:04:05"))
}
