package data

import (
	"attend/coach"
)

// savedFacts is what Check keeps of each saved session to check the
// open-actions and search indexes against.
type savedFacts struct {
	personID string
	date     coach.Date
	open     map[string]coach.Action
	// words: the sum and count of the session's search index hashes.
	wordSum uint64
	words   int
}

func openActions(sess coach.Session) map[string]coach.Action {
	var out map[string]coach.Action
	for _, a := range sess.LiveActions() {
		if isOpen(a) {
			if out == nil {
				out = map[string]coach.Action{}
			}
			out[a.ID] = a
		}
	}
	return out
}

// checkSessionIndexes checks that a saved session's open actions and
// words are in the indexes, as they stand in the session.
func checkSessionIndexes(b txBuckets, sess coach.Session, fault func(bucket, key []byte, format string, args ...any)) {
	k := []byte(sess.ID)
	for _, a := range sess.LiveActions() {
		if !isOpen(a) {
			continue
		}
		raw, err := b.idxOpen.Get(openKey(sess.PersonID, sess.ID, a.ID))
		switch {
		case err != nil:
			fault(bktIdxOpen, []byte(a.ID), "%v", err)
		case raw == nil:
			fault(bktSessions, k, "open action %s is missing from the open-actions index", a.ID)
		default:
			if r, err := decodeOpen(raw); err != nil {
				fault(bktIdxOpen, []byte(a.ID), "%v", err)
			} else if r.SessionDate != sess.Date || !sameAction(r.Action, a) {
				fault(bktIdxOpen, []byte(a.ID), "does not match the action in session %s", sess.ID)
			}
		}
	}
}

func sameAction(a, b coach.Action) bool {
	return a.ID == b.ID && a.Text == b.Text && a.Owner == b.Owner && a.Due == b.Due &&
		a.Status == b.Status && a.Reason == b.Reason && a.Created.Equal(b.Created) && a.Closed.Equal(b.Closed)
}

// checkFollowUpIndexes checks every entry of the open-actions and search
// indexes points at a saved session (and open action) filed as it says.
func checkFollowUpIndexes(b txBuckets, saved map[string]savedFacts, fault func(bucket, key []byte, format string, args ...any)) {
	_ = b.idxOpen.ForEach(func(k, v []byte, err error) error {
		if len(k) != openKeyLen {
			fault(bktIdxOpen, k, "the key has the wrong length")
			return nil
		}
		pid, sid, aid := string(k[:idLen]), string(k[idLen:2*idLen]), k[2*idLen:]
		if err != nil {
			fault(bktIdxOpen, aid, "%v", err)
			return nil
		}
		if _, err := decodeOpen(v); err != nil {
			fault(bktIdxOpen, aid, "%v", err)
			return nil
		}
		f, ok := saved[sid]
		switch {
		case !ok:
			fault(bktIdxOpen, aid, "points at session %s, which is not on file (or cannot be read)", sid)
		case f.personID != pid:
			fault(bktIdxOpen, aid, "is filed under the wrong person")
		default:
			if _, open := f.open[string(aid)]; !open {
				fault(bktIdxOpen, aid, "is not an open action of session %s", sid)
			}
		}
		return nil
	})
	checkTextIndex(b, saved, fault)
}
