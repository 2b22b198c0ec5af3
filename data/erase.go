package data

import (
	"bytes"
	"errors"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// EraseResult says what Erase removed.
type EraseResult struct {
	Person   coach.Person
	Sessions int // saved sessions
	Drafts   int // unsaved preps
	Index    int // entries in the two session indexes (by date and by person)
}

// Erase removes a person and everything about them (every session, draft
// and index entry, found by their id wherever it is filed) in one
// transaction, then compacts the whole file into a new one renamed over
// the old, so no fragment remains in free pages. ErrNotFound if there is
// no such person. A record too damaged to say whose it is stays (Check
// reports it). If the records were removed but the compaction failed, the
// error is ErrNotCompacted; the file then says a rewrite is pending (the
// same if attend is killed in between), Check reports it, and the next
// Open that may write finishes it (pending.go).
//
// Copies made before (backups, exports) are not touched.
func (s *Store) Erase(personID string) (EraseResult, error) {
	var res EraseResult
	err := s.rewrite(pendingErase, func(tx *bbolt.Tx, b txBuckets) error {
		res = EraseResult{}
		p, err := s.getPerson(b, personID)
		if err != nil {
			return err
		}
		res.Person = p
		pid := []byte(p.ID)

		// Collect first, then delete: deleting under a cursor can skip keys.
		sessions := map[string]bool{}
		_ = b.idxPerson.ForEach(func(k, _ []byte) error {
			if bytes.HasPrefix(k, pid) && len(k) == idLen+timeKeyLen {
				sessions[string(k[idLen+dateLen:])] = true
			}
			return nil
		})
		_ = b.sessions.ForEach(func(k, v []byte, err error) error {
			if err != nil {
				return nil // unreadable: keep it only if the index says it is theirs
			}
			sess, err := decodeSession(v)
			switch {
			case err != nil:
			case sess.PersonID == p.ID:
				sessions[string(k)] = true
			default:
				// Someone else's session that the index misfiled under this
				// person: it is not theirs to erase (its index entry goes).
				delete(sessions, string(k))
			}
			return nil
		})
		var idxTime, idxPerson, drafts [][]byte
		_ = b.idxTime.ForEach(func(k, v []byte, err error) error {
			if len(k) != timeKeyLen {
				return nil
			}
			mine := sessions[string(k[dateLen:])]
			if err == nil {
				if sum, err := decodeSummary(v); err == nil && sum.PersonID == p.ID {
					mine = true
				}
			}
			if mine {
				idxTime = append(idxTime, bytes.Clone(k))
			}
			return nil
		})
		_ = b.idxPerson.ForEach(func(k, _ []byte) error {
			if bytes.HasPrefix(k, pid) || len(k) == idLen+timeKeyLen && sessions[string(k[idLen+dateLen:])] {
				idxPerson = append(idxPerson, bytes.Clone(k))
			}
			return nil
		})
		_ = b.drafts.ForEach(func(k, v []byte, err error) error {
			mine := bytes.Equal(k, pid)
			if err == nil {
				if d, err := decodeSession(v); err == nil && d.PersonID == p.ID {
					mine = true
				}
			}
			if mine {
				drafts = append(drafts, bytes.Clone(k))
			}
			return nil
		})

		// The open-actions index is keyed by person then session. The
		// search index is built afresh below, so that no entry of theirs
		// (not even a number) is left in it.
		var idxOpen [][]byte
		_ = b.idxOpen.Keys(func(k []byte) error {
			if bytes.HasPrefix(k, pid) || len(k) == openKeyLen && sessions[string(k[idLen:2*idLen])] {
				idxOpen = append(idxOpen, bytes.Clone(k))
			}
			return nil
		})
		for _, k := range idxOpen {
			if err := b.idxOpen.Delete(k); err != nil {
				return err
			}
		}
		for id := range sessions {
			if !b.sessions.Has([]byte(id)) {
				continue
			}
			if err := b.sessions.Delete([]byte(id)); err != nil {
				return err
			}
			res.Sessions++
		}
		for _, k := range idxTime {
			if err := b.idxTime.Delete(k); err != nil {
				return err
			}
		}
		for _, k := range idxPerson {
			if err := b.idxPerson.Delete(k); err != nil {
				return err
			}
		}
		for _, k := range drafts {
			if err := b.drafts.Delete(k); err != nil {
				return err
			}
		}
		res.Index = len(idxTime) + len(idxPerson) // the open-action and search entries go with them, uncounted
		res.Drafts = len(drafts)
		if err := b.people.Delete(pid); err != nil {
			return err
		}
		return rebuildTextIndex(tx, s.seal)
	})
	if err != nil && !errors.Is(err, ErrNotCompacted) {
		return EraseResult{}, err
	}
	return res, err
}
