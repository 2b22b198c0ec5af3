package data

// Salvage reads what is still readable in a damaged file, for an export
// that can be imported into a new one. It only reads (a read-only open),
// and every step that touches the file runs under safely: a page bbolt
// cannot read loses what is on that page, not the rest.

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"

	"go.etcd.io/bbolt"

	"attend/coach"
	"attend/coach/msg"
)

// Salvaged is what Salvage found. People and the sessions' ids are those
// whose records open and hold a valid record; the rest are in Lost.
type Salvaged struct {
	// People are those whose records were read, sorted as People sorts them.
	People []coach.Person
	// Unnamed are the ids of people with readable sessions whose own
	// record cannot be read: their names are lost, their sessions are not.
	Unnamed []string
	// Sessions is how many sessions the salvage passes to each.
	Sessions int
	// Lost are the records that could not be read, by kind and id.
	Lost []LostRecord
	// Unlisted names the record kinds ("session", "person") whose list
	// could not be read to its end: records of that kind known nowhere
	// else are lost without an id to name them by.
	Unlisted []string
}

// LostRecord is one record Salvage could not read, and why.
type LostRecord struct {
	Kind string // "person" or "session"
	ID   string
	Err  error
}

// Text is why the record could not be read, in l.
func (r LostRecord) Text(l *msg.Lang) string { return dataText(l, r.Err) }

// salvageSession is a session found readable, in the order export gives
// sessions (by date, then id).
type salvageSession struct {
	key      []byte // timeKey
	personID string
}

// Salvage reads everything it still can of the file. It finds the ids of
// people and sessions wherever they are kept (the records' own buckets and
// both indexes of sessions), reads each record by itself, and keeps those
// that open, decode and are valid. each is then called with every kept
// session, oldest first, after the returned Salvaged's people are known
// (so that a caller can write them first); a session that could be read
// the first time and not the second is added to Lost. An error is
// returned only if the file cannot be opened at all, or each fails.
func (s *Store) Salvage(ready func(*Salvaged) error, each func(coach.Session) error) (*Salvaged, error) {
	out := &Salvaged{}
	lost := func(kind, id string, err error) {
		var e *Error // the cause, not the advice around it
		if errors.As(err, &e) && e.Err != nil {
			err = e.Err
		}
		out.Lost = append(out.Lost, LostRecord{Kind: kind, ID: id, Err: err})
	}
	var sessions []salvageSession
	err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
		personIDs, sessionIDs := map[string]bool{}, map[string]bool{}
		// Each list is walked as far as it reads; an index read to its end
		// can name the records a broken walk of their own bucket missed.
		walk := func(kind string, bk *bbolt.Bucket, add func(k []byte)) {
			err := safely(s.path, func() error {
				c := bk.Cursor()
				for k, _ := c.First(); k != nil; k, _ = c.Next() {
					add(k)
				}
				return nil
			})
			if err != nil && !slices.Contains(out.Unlisted, kind) {
				out.Unlisted = append(out.Unlisted, kind)
			}
		}
		addID := func(set map[string]bool, id []byte) {
			if coach.ValidID(string(id)) {
				set[string(id)] = true
			}
		}
		walk("person", b.people.b, func(k []byte) { addID(personIDs, k) })
		walk("session", b.sessions.b, func(k []byte) { addID(sessionIDs, k) })
		walk("session", b.idxTime.b, func(k []byte) {
			if len(k) == timeKeyLen {
				addID(sessionIDs, k[dateLen:])
			}
		})
		walk("session", b.idxPerson, func(k []byte) {
			if len(k) == idLen+timeKeyLen {
				addID(personIDs, k[:idLen])
				addID(sessionIDs, k[idLen+dateLen:])
			}
		})

		people := map[string]coach.Person{}
		var folded []string
		for _, id := range slices.Sorted(maps.Keys(personIDs)) {
			var p coach.Person
			var f string
			err := safely(s.path, func() error {
				v, err := b.people.Get([]byte(id))
				if err != nil || v == nil {
					return err
				}
				if p, f, err = decodePersonFolded(v); err != nil {
					return err
				}
				return validSalvagedPerson(id, p)
			})
			switch {
			case err != nil:
				lost("person", id, err)
			case p.ID != "":
				people[id] = p
				out.People = append(out.People, p)
				folded = append(folded, f)
			}
		}
		sortPeople(out.People, folded)

		unnamed := map[string]bool{}
		for _, id := range slices.Sorted(maps.Keys(sessionIDs)) {
			sess, ok, err := s.salvageSession(b, id)
			switch {
			case err != nil:
				lost("session", id, err)
			case ok:
				sessions = append(sessions, salvageSession{key: timeKey(sess.Date, sess.ID), personID: sess.PersonID})
				if _, known := people[sess.PersonID]; !known {
					unnamed[sess.PersonID] = true
				}
			}
		}
		out.Unnamed = slices.Sorted(maps.Keys(unnamed))
		// A list of sessions that broke off may have missed none: every
		// person read, and their records' counts of sessions add up to
		// those found.
		if i := slices.Index(out.Unlisted, "session"); i >= 0 && !slices.Contains(out.Unlisted, "person") && len(out.Lost) == 0 {
			want := 0
			for _, p := range out.People {
				want += p.Sessions
			}
			if want == len(sessions) {
				out.Unlisted = slices.Delete(out.Unlisted, i, i+1)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(sessions, func(a, b salvageSession) int { return bytes.Compare(a.key, b.key) })
	out.Sessions = len(sessions)
	if err := ready(out); err != nil {
		return out, err
	}
	// Then each session again, a chunk per transaction, to hand on.
	again := 0 // lost the second time
	for len(sessions) > 0 {
		chunk := sessions[:min(eachChunk, len(sessions))]
		sessions = sessions[len(chunk):]
		var got []coach.Session
		err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
			for _, ss := range chunk {
				id := string(ss.key[dateLen:])
				sess, ok, err := s.salvageSession(b, id)
				switch {
				case err != nil:
					lost("session", id, err)
					again++
				case ok:
					got = append(got, sess)
				default:
					lost("session", id, errGoneSince)
					again++
				}
			}
			return nil
		})
		if err != nil {
			return out, err
		}
		for _, sess := range got {
			if err := each(sess); err != nil {
				return out, err
			}
		}
	}
	out.Sessions -= again
	return out, nil
}

// errGoneSince is a session read once by Salvage and gone the next time.
var errGoneSince = errors.New("the session was no longer in the file when it was read again")

// salvageSession reads one session by itself; ok is false if there is none.
func (s *Store) salvageSession(b txBuckets, id string) (coach.Session, bool, error) {
	var sess coach.Session
	var ok bool
	err := safely(s.path, func() error {
		v, err := b.sessions.Get([]byte(id))
		if err != nil || v == nil {
			return err
		}
		if sess, err = decodeSession(v); err != nil {
			return err
		}
		if err := sess.Validate(); err != nil {
			return err
		}
		if sess.ID != id || sess.IsDraft() || !coach.ValidID(sess.PersonID) {
			return errSalvageInvalid
		}
		ok = true
		return nil
	})
	return sess, ok, err
}

var errSalvageInvalid = errors.New("the record is not a saved session filed under its own id")

// validSalvagedPerson is whether a person's record is one import takes.
func validSalvagedPerson(id string, p coach.Person) error {
	if p.ID != id {
		return fmt.Errorf("the record's id is %q", p.ID)
	}
	if clean, err := cleanName(p.Name); err != nil {
		return err
	} else if clean != p.Name {
		return errors.New("the name is not in its tidy form")
	}
	return nil
}
