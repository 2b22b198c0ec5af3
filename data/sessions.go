package data

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// SaveSession saves a finished prep: it tidies it, stamps Saved and Updated
// with now, validates it, and in one transaction stores the session, its
// index entries and the updated person, and deletes the person's draft if it
// is this session. Saving the same id again replaces the session and moves
// its index entries. The person must exist (ErrNotFound).
//
// A session whose record was agreed (AgreeSession) is read-only:
// saving it again is ErrAgreed. Nothing added after the meeting is lost by
// saving a copy read before it was added: addenda are only ever added to,
// and if the stored session changed after the copy was read (its Updated),
// the stored record text (when the copy has none) and any follow-up made
// since (SetActionStatus) are kept.
func (s *Store) SaveSession(sess coach.Session) (coach.Session, error) {
	now := s.now()
	read := sess.Updated
	sess, err := prepareSave(sess, now, false)
	if err != nil {
		return coach.Session{}, errInvalid(err, "store.what.session")
	}
	g := s.guide(sess.Lang)
	writer, base := sess.Writer, sess.Base
	sess.Writer, sess.Base, sess.Left = "", time.Time{}, false
	err = s.update(func(_ *bbolt.Tx, b txBuckets) error {
		// A prep from a window that lost its draft to another window must not
		// overwrite that window's prep, saved or not.
		if writer != "" {
			if b.sessions.Has([]byte(sess.ID)) {
				return saidErr(coach.ErrDraftElsewhere, s.path, nil, "store.prep.savedelsewhere")
			}
			if cur, err := b.drafts.Get([]byte(sess.PersonID)); err == nil && cur != nil {
				if h, err := decodeDraftHead(cur); err == nil && h.ID == sess.ID && !coach.MayReplaceDraft(h.ID, h.Writer, h.Updated, coach.Session{ID: sess.ID, Writer: writer, Base: base}) {
					return s.errElsewhere(b, sess.PersonID, h.Updated)
				}
			}
		}
		merged, prev, err := s.resaveTx(b, sess, read)
		if err != nil {
			return err
		}
		if err := s.saveSessionBatchTx(b, g, merged, nil, &prev); err != nil {
			return err
		}
		sess = merged
		return nil
	})
	if err != nil {
		return coach.Session{}, err
	}
	return sess, nil
}

// prepareSave tidies and stamps a session for saving and checks it
// (Validate). keepTimes keeps the Saved (and Updated) of a session that has
// one, for sessions saved elsewhere or made up (SaveSessions). It does not
// encode the session: the save encodes it once, and that encoding checks
// it decodes (encodeSession), so a trial encoding here only did it twice.
func prepareSave(sess coach.Session, now time.Time, keepTimes bool) (coach.Session, error) {
	sess = sess.Clone()
	if keepTimes && !sess.Saved.IsZero() {
		sess.Tidy(sess.Saved)
		if sess.Updated.Before(sess.Saved) {
			sess.Updated = sess.Saved
		}
		if sess.Created.IsZero() {
			sess.Created = sess.Saved
		}
	} else {
		sess.Tidy(now)
		sess.Saved = now
		sess.Updated = now
		if sess.Created.IsZero() {
			sess.Created = now
		}
	}
	sess.Position = coach.Position{} // only meaningful on drafts
	if err := sess.Validate(); err != nil {
		return coach.Session{}, err
	}
	return sess, nil
}

// resaveTx checks a session about to replace a stored one: an agreed
// record is read-only (ErrAgreed); addenda stored are kept; and if the
// stored one changed after the caller read its copy (read is the copy's
// Updated), its record and newer follow-ups are kept (see SaveSession).
// It returns the stored one too (nil if there is none), so that the save
// need not read and decode it again.
func (s *Store) resaveTx(b txBuckets, sess coach.Session, read time.Time) (coach.Session, *coach.Session, error) {
	raw, err := b.sessions.Get([]byte(sess.ID))
	if err != nil {
		return sess, nil, s.recordErr("session", []byte(sess.ID), err)
	}
	if raw == nil {
		return sess, nil, nil
	}
	prev, err := decodeSession(raw)
	if err != nil {
		return sess, nil, s.recordErr("session", []byte(sess.ID), err)
	}
	if prev.IsAgreed() {
		return sess, nil, s.errAgreed(b, prev)
	}
	sess.Addenda = mergeAddenda(prev.Addenda, sess.Addenda)
	if prev.Updated.After(read) {
		// Record answers written there and not here are kept.
		for id, a := range prev.Record {
			if _, ok := sess.Record[id]; !ok {
				sess.SetPartAnswer(coach.PartRecord, id, a)
			}
		}
		before := make(map[string]coach.Action, len(prev.Actions))
		for _, a := range prev.Actions {
			before[a.ID] = a
		}
		for i, a := range sess.Actions {
			if p, ok := before[a.ID]; ok && p.Status != a.Status && p.Closed.After(read) {
				sess.Actions[i].Status, sess.Actions[i].Reason, sess.Actions[i].Closed = p.Status, p.Reason, p.Closed
			}
		}
	}
	return sess, &prev, nil
}

// mergeAddenda is the stored addenda followed by any new ones (addenda are
// only ever added to).
func mergeAddenda(stored, given []coach.Addendum) []coach.Addendum {
	out := append([]coach.Addendum(nil), stored...)
	for _, a := range given {
		dup := false
		for _, o := range stored {
			if o.At.Equal(a.At) && o.Text == a.Text {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, a)
		}
	}
	return out
}

// saveSessionTx is the body of SaveSession's transaction (also used by the
// benchmarks to build fixtures in a few large transactions).
func (s *Store) saveSessionTx(b txBuckets, g *coach.Guide, sess coach.Session) error {
	return s.saveSessionBatchTx(b, g, sess, nil, nil)
}

// saveSessionBatchTx is saveSessionTx, filing the session's words in batch
// (to be written by batch.flush before the transaction ends) rather than
// in idx_tail, when batch is not nil. read, when not nil, is the stored
// version of the session (nil: none), read already in this transaction
// (resaveTx), so that it is not read and decoded again.
func (s *Store) saveSessionBatchTx(b txBuckets, g *coach.Guide, sess coach.Session, batch *textBatch, read **coach.Session) error {
	p, err := s.getPerson(b, sess.PersonID)
	if err != nil {
		return err
	}
	id := []byte(sess.ID)

	// A session saved before: take its old index entries out first.
	var old *coach.Session
	if read != nil {
		old = *read
	} else {
		prev, err := b.sessions.Get(id)
		if err != nil {
			return s.recordErr("session", id, err)
		}
		if prev != nil {
			o, err := decodeSession(prev)
			if err != nil {
				return s.recordErr("session", id, err)
			}
			old = &o
		}
	}
	if o := old; o != nil {
		if err := b.idxTime.Delete(timeKey(o.Date, o.ID)); err != nil {
			return err
		}
		if err := b.idxPerson.Delete(personKey(o.PersonID, o.Date, o.ID)); err != nil {
			return err
		}
		if err := unindexSessionTx(b, *o); err != nil {
			return err
		}
	}

	sess.NoteAsked(g) // the wording of an organisation's prompts, as asked
	raw, err := encodeValidSession(sess)
	if err != nil {
		return err
	}
	if err := b.sessions.Put(id, raw); err != nil {
		return err
	}
	sum, err := encodeSummary(coach.Summarise(g, p, sess))
	if err != nil {
		return err
	}
	if err := b.idxTime.Put(timeKey(sess.Date, sess.ID), sum); err != nil {
		return err
	}
	if err := b.idxPerson.Put(personKey(p.ID, sess.Date, sess.ID), []byte{}); err != nil {
		return err
	}
	if err := indexSessionTx(b, sess); err != nil {
		return err
	}
	h := s.hasher()
	err = indexTextTx(b, h, sess, batch)
	s.putHasher(h)
	if err != nil {
		return err
	}

	switch {
	case old == nil:
		p.Sessions++
	case old.PersonID != sess.PersonID:
		// The session was moved to another person: put the first one right.
		p.Sessions++
		if op, err := s.getPerson(b, old.PersonID); err == nil {
			op.Sessions = max(op.Sessions-1, 0)
			s.refreshDates(b, &op, sess)
			if err := putPerson(b, op); err != nil {
				return err
			}
			if err := deleteDraftIf(b, op.ID, sess.ID); err != nil {
				return err
			}
		}
	}
	s.refreshDates(b, &p, sess)
	if err := putPerson(b, p); err != nil {
		return err
	}
	return deleteDraftIf(b, p.ID, sess.ID)
}

// refreshDates sets a person's LastSession and NextSession from their
// latest session held (ties on a date go to the later-created id): the
// latest whose meeting record has something in it. A prep saved at 8:55
// for a meeting that was then cancelled is not a supervision held, and
// must not move them off the overdue list, the matrix or the calendar.
// just is the session being saved, which need not be decoded again.
func (s *Store) refreshDates(b txBuckets, p *coach.Person, just coach.Session) {
	c := b.idxPerson.Cursor()
	k, _ := lastWithPrefix(c, []byte(p.ID))
	for ; k != nil && bytes.HasPrefix(k, []byte(p.ID)); k, _ = c.Prev() {
		if len(k) != idLen+timeKeyLen {
			return // a malformed index key: Check reports it; keep the dates
		}
		if held(b, k[idLen:]) {
			break
		}
	}
	if k == nil || !bytes.HasPrefix(k, []byte(p.ID)) {
		p.LastSession, p.NextSession = coach.Date{}, coach.Date{}
		return
	}
	p.LastSession = dateFromBytes(k[idLen : idLen+dateLen])
	latestID := string(k[idLen+dateLen:])
	if latestID == just.ID {
		p.NextSession = just.NextSession()
		return
	}
	if raw, err := b.sessions.Get([]byte(latestID)); err == nil && raw != nil {
		if latest, err := decodeSession(raw); err == nil {
			p.NextSession = latest.NextSession()
		}
	}
	// If the latest cannot be read, keep the NextSession the person had:
	// a damaged old record must not stop today's save.
}

// held reports whether the session at time key tk was held: its summary
// counts something in the meeting record. A summary that is missing or
// does not read counts as held, as every session did before schema 7.
func held(b txBuckets, tk []byte) bool {
	v, err := b.idxTime.Get(tk)
	if err != nil || v == nil {
		return true
	}
	sum, err := decodeSummary(v)
	return err != nil || !sum.NoRecord()
}

// lastWithPrefix returns the last key starting with prefix and its value,
// or nil. An empty prefix gives the last key of the bucket.
func lastWithPrefix(c *bbolt.Cursor, prefix []byte) (k, v []byte) {
	end := append(bytes.Clone(prefix), 0xFF)
	if k, _ = c.Seek(end); k == nil {
		k, v = c.Last()
	} else {
		k, v = c.Prev()
	}
	if k == nil || !bytes.HasPrefix(k, prefix) {
		return nil, nil
	}
	return k, v
}

func deleteDraftIf(b txBuckets, personID, sessionID string) error {
	// A draft that cannot be opened or decoded is left alone: nothing is
	// thrown away that is not certainly this session.
	raw, err := b.drafts.Get([]byte(personID))
	if err != nil || raw == nil {
		return nil
	}
	if h, err := decodeDraftHead(raw); err == nil && h.ID == sessionID {
		return b.drafts.Delete([]byte(personID))
	}
	return nil
}

// MinPrefix is the shortest id prefix Session accepts.
const MinPrefix = 6

// Session returns a saved session by its id or by a unique prefix of at
// least MinPrefix characters, ignoring case. ErrNotFound, ErrAmbiguous.
func (s *Store) Session(idOrPrefix string) (coach.Session, error) {
	var out coach.Session
	err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
		var err error
		out, err = s.sessionTx(b, idOrPrefix)
		return err
	})
	if err != nil {
		return coach.Session{}, err
	}
	return out, nil
}

// SessionAndPerson is Session and the person it is with, read together
// (attend show): one look at the file, not two. found is false, with a
// zero Person, when the session's person is not in the file (attend check
// reports that); the session is still returned.
func (s *Store) SessionAndPerson(idOrPrefix string) (sess coach.Session, p coach.Person, found bool, err error) {
	err = s.view(func(_ *bbolt.Tx, b txBuckets) error {
		var err error
		if sess, err = s.sessionTx(b, idOrPrefix); err != nil {
			return err
		}
		p, err = s.getPerson(b, sess.PersonID)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		found = err == nil
		return err
	})
	if err != nil {
		return coach.Session{}, coach.Person{}, false, err
	}
	return sess, p, found, nil
}

// sessionTx is Session within a transaction.
func (s *Store) sessionTx(b txBuckets, idOrPrefix string) (coach.Session, error) {
	q := strings.ToUpper(strings.TrimSpace(idOrPrefix))
	key := []byte(q)
	if len(q) < MinPrefix {
		return coach.Session{}, saidErr(ErrNotFound, s.path, nil, "store.idshort", "ID", quoted(idOrPrefix), "N", MinPrefix)
	}
	raw, err := b.sessions.Get(key)
	if err != nil {
		return coach.Session{}, s.recordErr("session", key, err)
	}
	if raw != nil {
		sess, err := decodeOneSession(raw)
		if err != nil {
			return coach.Session{}, s.recordErr("session", key, err)
		}
		return sess, nil
	}
	var out coach.Session
	c := b.sessions.Cursor()
	n := 0
	for k, v := c.Seek(key); k != nil && bytes.HasPrefix(k, key); k, v = c.Next() {
		n++
		if n > 1 {
			break
		}
		plain, err := b.sessions.Open(k, v)
		if err != nil {
			return coach.Session{}, s.recordErr("session", k, err)
		}
		if out, err = decodeOneSession(plain); err != nil {
			return coach.Session{}, s.recordErr("session", k, err)
		}
	}
	switch {
	case n == 0:
		return coach.Session{}, saidErr(ErrNotFound, s.path, nil, "store.noprefix", "ID", quoted(idOrPrefix))
	case n > 1:
		return coach.Session{}, saidErr(ErrAmbiguous, s.path, nil, "store.ambiguous", "ID", quoted(idOrPrefix))
	}
	return out, nil
}

// Summaries lists sessions newest first (by session date, then id) from the
// summary index alone, never decoding a full session. personID "" means
// everyone. after is the cursor a previous page returned ("" for the first
// page); the returned cursor is "" when there is nothing more. limit <= 0
// means no limit.
func (s *Store) Summaries(personID string, after string, limit int) ([]coach.Summary, string, error) {
	var from []byte
	if after != "" {
		raw, err := base64.RawURLEncoding.DecodeString(after)
		if err != nil || len(raw) != timeKeyLen {
			return nil, "", errInvalid(errBadCursor, "store.what.list")
		}
		from = raw
	}
	var out []coach.Summary
	var next string
	err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
		var prefix []byte
		var c *bbolt.Cursor
		if personID != "" {
			prefix = []byte(personID)
			c = b.idxPerson.Cursor()
		} else {
			c = b.idxTime.Cursor()
		}
		// Position on the first key to return, walking backwards.
		var k, v []byte
		if from == nil {
			k, v = lastWithPrefix(c, prefix)
		} else {
			seek := append(bytes.Clone(prefix), from...)
			if k, _ = c.Seek(seek); k == nil {
				k, v = c.Last()
			} else {
				k, v = c.Prev() // Seek lands on the cursor key or just after it
			}
		}
		names := newNames(s, b)
		var lastKey []byte
		for ; k != nil && bytes.HasPrefix(k, prefix); k, v = c.Prev() {
			if limit > 0 && len(out) == limit {
				next = base64.RawURLEncoding.EncodeToString(lastKey)
				return nil
			}
			tk := k[len(prefix):]
			if len(tk) != timeKeyLen {
				return errCorrupt(s.path, nil, "an index key has the wrong length")
			}
			var plain []byte
			var err error
			if prefix != nil {
				// idx_person holds no value: the summary lives in idx_time.
				plain, err = b.idxTime.Get(tk)
				if err == nil && plain == nil {
					continue // an idx_person entry without its idx_time one: Check reports it
				}
			} else {
				plain, err = b.idxTime.Open(k, v)
			}
			if err != nil {
				return s.recordErr("summary", tk[dateLen:], err)
			}
			sum, err := decodeSummary(plain)
			if err != nil {
				return s.recordErr("summary", tk[dateLen:], err)
			}
			sum.PersonName = names.of(sum.PersonID, sum.PersonName)
			out = append(out, sum)
			lastKey = append(lastKey[:0], tk...)
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	return out, next, nil
}

var errBadCursor = errors.New("the page cursor is not one attend made")

// eachChunk is how many sessions EachSession reads per transaction: each
// one opens the file, and a chunk takes some tens of milliseconds to read.
const eachChunk = 2048

// EachSession calls fn for every saved session with its person, oldest
// session date first, for export. It takes a snapshot of the index in one
// short read, then reads the sessions in small batches, calling fn outside
// any transaction, so a slow writer (a pipe, a disk) never keeps another
// attend waiting on the lock. Each session in the snapshot is delivered
// exactly once, as it stands when its batch is read; one erased meanwhile
// is skipped. A session whose person record is missing comes with a Person
// holding only the id (Check reports it). An error from fn stops the walk.
func (s *Store) EachSession(fn func(coach.Person, coach.Session) error) error {
	ids, err := s.sessionIDsInTime()
	if err != nil {
		return err
	}
	people := map[string]coach.Person{}
	type pair struct {
		p coach.Person
		s coach.Session
	}
	for len(ids) > 0 {
		n := min(eachChunk, len(ids))
		batch := ids[:n]
		ids = ids[n:]
		var out []pair
		err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
			out = make([]pair, 0, len(batch))
			for _, id := range batch {
				raw, err := b.sessions.Get([]byte(id))
				if err != nil {
					return s.recordErr("session", []byte(id), err)
				}
				if raw == nil {
					continue
				}
				sess, err := decodeSession(raw)
				if err != nil {
					return s.recordErr("session", []byte(id), err)
				}
				p, ok := people[sess.PersonID]
				if !ok {
					if p, err = s.personOrID(b, sess.PersonID); err != nil {
						return err
					}
					people[sess.PersonID] = p
				}
				out = append(out, pair{p, sess})
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, x := range out {
			if err := fn(x.p, x.s); err != nil {
				return err
			}
		}
	}
	return nil
}

// LatestSummaries returns each person's most recent session summary, keyed
// by person id, in one read: the team view needs one row per person, and a
// Summaries call each would open the file once per person.
func (s *Store) LatestSummaries() (map[string]coach.Summary, error) {
	out := map[string]coach.Summary{}
	err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
		idx := b.idxPerson.Cursor()
		return b.people.Keys(func(id []byte) error {
			k, _ := lastWithPrefix(idx, id)
			if k == nil {
				return nil // no session yet
			}
			tk := k[len(id):]
			if len(tk) != timeKeyLen || !b.idxTime.Has(tk) {
				return nil // a broken index entry: Check reports it
			}
			plain, err := b.idxTime.Get(tk)
			if err != nil {
				return s.recordErr("summary", tk[dateLen:], err)
			}
			sum, err := decodeSummary(plain)
			if err != nil {
				return s.recordErr("summary", tk[dateLen:], err)
			}
			out[string(id)] = sum
			return nil
		})
	})
	return out, err
}
