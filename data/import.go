package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// ImportResult counts what an import did.
type ImportResult struct {
	PeopleAdded   int // new to this database
	PeopleMatched int // already here, by id
	PeopleMerged  int // already here under another id, by name: their sessions join that person
	// SessionsAdded were new; SessionsReplaced were here in an older
	// version (by updated time); SessionsUnchanged were here already, the
	// same or newer.
	SessionsAdded, SessionsReplaced, SessionsUnchanged int
	// SessionsKeptAgreed (counted in SessionsUnchanged too) were here
	// agreed, and the import held a newer version that is not agreed, or
	// agreed on another day: an agreed record is never replaced by one
	// that says otherwise.
	SessionsKeptAgreed int
	// SessionsDiffering (counted in SessionsUnchanged too) are the ids of
	// sessions here with the same updated time as the import's version but
	// other words: one of the two was edited without its time changing, and
	// attend cannot tell which is right, so the one here was kept as it is.
	SessionsDiffering []string
}

// Changed reports whether the import wrote anything.
func (r ImportResult) Changed() bool {
	return r.PeopleAdded+r.SessionsAdded+r.SessionsReplaced > 0
}

// errNothingToImport rolls back an import that would change nothing, so
// that importing the same file twice leaves the file byte for byte as it was.
var errNothingToImport = errors.New("nothing to import")

// Import applies a parsed export (coach.ParseImport) in one transaction:
// either all of it is written or none. People are matched by id, else by
// name (coach.SameName: their sessions merge into the person already
// here); sessions by id, where a newer version (by updated time) replaces
// an older one and the same or older one is left alone. Importing the same
// document twice changes nothing the second time. Counts, last and next
// session dates are worked out from the sessions, as for a save, and so
// are the open-actions and search indexes. An agreed record is not replaced
// by a version that is not agreed on the same day (SessionsKeptAgreed), and
// addenda already here are kept.
func (s *Store) Import(doc *coach.ImportDoc) (ImportResult, error) {
	var res ImportResult
	if doc == nil {
		return res, nil
	}
	err := s.update(func(_ *bbolt.Tx, b txBuckets) error {
		res = ImportResult{}
		existing, err := s.allPeople(b)
		if err != nil {
			return err
		}
		// allPeople sorts: the same match every time if two names fold alike
		mapID := make(map[string]string, len(doc.People))
		for _, p := range doc.People {
			cur, err := s.getPerson(b, p.ID)
			switch {
			case err == nil:
				mapID[p.ID] = cur.ID
				res.PeopleMatched++
				continue
			case !errors.Is(err, ErrNotFound):
				return err
			}
			merged := false
			for _, e := range existing {
				if coach.SameName(e.Name, p.Name) {
					mapID[p.ID] = e.ID
					res.PeopleMerged++
					merged = true
					break
				}
			}
			if merged {
				continue
			}
			np := coach.Person{ID: p.ID, Name: p.Name, Created: p.Created, Cadence: p.Cadence, Demo: p.Demo}
			if err := putPerson(b, np); err != nil {
				return err
			}
			existing = append(existing, np)
			mapID[p.ID] = np.ID
			res.PeopleAdded++
		}
		for i, sess := range doc.Sessions {
			pid, ok := mapID[sess.PersonID]
			if !ok {
				return errInvalid(said("store.cause.personMissing"), "store.what.import", "ID", sess.ID)
			}
			sess.PersonID = pid
			sess.Position = coach.Position{}
			key := []byte(sess.ID)
			raw, err := b.sessions.Get(key)
			if err != nil {
				return s.recordErr("session", key, err)
			}
			var stored *coach.Session // the stored version, read once (nil: none)
			if raw != nil {
				old, err := decodeSession(raw)
				if err != nil {
					return s.recordErr("session", key, err)
				}
				stored = &old
				// A session never moves from one person to another: a file
				// that says otherwise is wrong (or made to overwrite
				// someone's record), so none of it is imported.
				if old.PersonID != pid {
					return saidErr(ErrInvalid, s.path, nil, "store.import.elsewhere",
						"Path", fmt.Sprintf("sessions[%d].id", i), "ID", sess.ID)
				}
				if !sess.Updated.After(old.Updated) {
					if sess.Updated.Equal(old.Updated) && !sameContent(old, sess) {
						res.SessionsDiffering = append(res.SessionsDiffering, sess.ID)
					}
					res.SessionsUnchanged++
					continue
				}
				if old.IsAgreed() && sess.Agreed != old.Agreed {
					res.SessionsUnchanged++
					res.SessionsKeptAgreed++
					continue
				}
				// Addenda are only ever added to.
				sess.Addenda = mergeAddenda(old.Addenda, sess.Addenda)
				res.SessionsReplaced++
			} else {
				res.SessionsAdded++
			}
			if err := sess.Validate(); err != nil {
				return errInvalid(err, "store.what.importsession", "ID", sess.ID)
			}
			if err := s.saveSessionBatchTx(b, s.guide(sess.Lang), sess, nil, &stored); err != nil {
				return err
			}
		}
		if !res.Changed() {
			return errNothingToImport
		}
		return nil
	})
	if errors.Is(err, errNothingToImport) {
		return res, nil
	}
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// sameContent reports whether two versions of a session say the same
// things, leaving aside who it is filed under and its bookkeeping times.
func sameContent(a, b coach.Session) bool {
	norm := func(s coach.Session) []byte {
		s.PersonID, s.Position, s.Writer = "", coach.Position{}, ""
		s.Created, s.Updated, s.Base = time.Time{}, time.Time{}, time.Time{}
		s.Saved = s.Saved.UTC()
		if len(s.Prep) == 0 {
			s.Prep = nil
		}
		if len(s.Record) == 0 {
			s.Record = nil
		}
		if len(s.Reflection) == 0 {
			s.Reflection = nil
		}
		if len(s.Actions) == 0 {
			s.Actions = nil
		}
		if len(s.Addenda) == 0 {
			s.Addenda = nil
		}
		raw, err := json.Marshal(s)
		if err != nil {
			return nil
		}
		return raw
	}
	x, y := norm(a), norm(b)
	return x != nil && bytes.Equal(x, y)
}
