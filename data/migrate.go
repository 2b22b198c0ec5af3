package data

import (
	"bytes"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// migrateV1 upgrades a schema 1 file to schema 2, inside Open's single
// upgrade transaction (after the backup copy): it adds the open-actions
// index (the search index is built by migrateV3, which always follows),
// and rebuilds every summary from its session so that
// summaries carry ratings (for trend charts) and the agreed date. Records
// are read, and the new values written, through the Store's sealer.
//
// A session that cannot be read is left as it is, unindexed: the upgrade of
// everything else must not wait on one damaged record (Check reports it).
func migrateV1(tx *bbolt.Tx, s *Store) error {
	b, err := bucketsOf(tx, s.seal)
	if err != nil {
		return err
	}
	person := peopleRead(s, b)
	// Collect the ids first: the walk then writes only to other buckets.
	var ids [][]byte
	if err := b.sessions.Keys(func(k []byte) error {
		ids = append(ids, append([]byte(nil), k...))
		return nil
	}); err != nil {
		return err
	}
	for _, id := range ids {
		raw, err := b.sessions.Get(id)
		if err != nil || raw == nil {
			continue
		}
		sess, err := decodeSession(raw)
		if err != nil || sess.ID != string(id) || sess.Validate() != nil {
			continue
		}
		sum, err := encodeSummary(coach.Summarise(s.guide(sess.Lang), person(sess.PersonID), sess))
		if err != nil {
			return err
		}
		if err := b.idxTime.Put(timeKey(sess.Date, sess.ID), sum); err != nil {
			return err
		}
		if err := unindexSessionTx(b, sess); err != nil {
			return err
		}
		if err := indexSessionTx(b, sess); err != nil {
			return err
		}
	}
	return nil
}

// migrateV2 upgrades a schema 2 file to schema 3, inside Open's single
// upgrade transaction (after the backup copy): every session and draft is
// rewritten in its three parts. What was written before the three parts was
// written before the meeting, so its answers become the prep; the record's
// text becomes what they said in the meeting record (agenda.said); the next
// session's date and the core-needs ratings stay in the record (the ratings
// as the manager's view, not rated together); actions stay the actions
// agreed; an agreed record stays agreed, with its addenda (coach.LegacyParts
// and decodeSession). Summaries and the search index are then rebuilt from
// the sessions, as migrateV1 does.
//
// A record that cannot be read is left as it is (Check reports it).
func migrateV2(tx *bbolt.Tx, s *Store) error {
	b, err := bucketsOf(tx, s.seal)
	if err != nil {
		return err
	}
	for _, bk := range []vbucket{b.sessions, b.drafts} {
		var keys [][]byte
		if err := bk.Keys(func(k []byte) error {
			keys = append(keys, append([]byte(nil), k...))
			return nil
		}); err != nil {
			return err
		}
		for _, k := range keys {
			raw, err := bk.Get(k)
			if err != nil || raw == nil {
				continue
			}
			sess, err := decodeSession(raw)
			if err != nil {
				continue
			}
			out, err := encodeSession(sess)
			if err != nil {
				continue // a record the old attend wrote but could not read back: left for Check
			}
			if err := bk.Put(k, out); err != nil {
				return err
			}
		}
	}
	return migrateV1(tx, s)
}

// migrateV3 upgrades a schema 3 file to schema 4, inside Open's single
// upgrade transaction (after the backup copy): sessions and drafts are
// stored compressed, summaries binary, and the search index (idx_text, each
// session's words) is replaced by the inverted index (textindex.go), built
// from every session. A record that cannot be read is left as it is
// (Check reports it).
func migrateV3(tx *bbolt.Tx, s *Store) error {
	if tx.Bucket(bktIdxText) != nil {
		if err := tx.DeleteBucket(bktIdxText); err != nil {
			return err
		}
	}
	b, err := bucketsOf(tx, s.seal)
	if err != nil {
		return err
	}
	for _, bk := range []vbucket{b.sessions, b.drafts, b.idxTime} {
		var keys, vals [][]byte
		if err := bk.ForEach(func(k, v []byte, err error) error {
			if err != nil {
				return nil
			}
			var out []byte
			if bk.b == b.idxTime.b {
				sum, err := decodeSummary(v)
				if err != nil {
					return nil
				}
				out, _ = encodeSummary(sum)
			} else {
				sess, err := decodeSession(v)
				if err != nil {
					return nil
				}
				if out, err = encodeSession(sess); err != nil {
					return nil // a record the old attend wrote but could not read back: left for Check
				}
			}
			keys = append(keys, bytes.Clone(k))
			vals = append(vals, out)
			return nil
		}); err != nil {
			return err
		}
		for i, k := range keys {
			if err := bk.Put(k, vals[i]); err != nil {
				return err
			}
		}
	}
	return rebuildTextIndex(tx, s.seal)
}

// migrateV4 upgrades a schema 4 file to schema 5, inside Open's single
// upgrade transaction (after the backup copy), and runs after every earlier
// migration: in an unencrypted file, every value of the buckets an
// encrypted file seals gets its checksum (vbucket.go). The values are
// copied as they are, damaged or not: a value that was wrong before the
// upgrade is still wrong after it, and Check still says so (by what it
// holds rather than by its checksum). An encrypted file's sealed values
// are already checked by their AEAD, so nothing changes in it. It records
// schema 5 in meta, so that migrations after it see the checksums.
func migrateV4(tx *bbolt.Tx, s *Store) error {
	if s.seal != nil {
		return nil
	}
	for _, name := range [][]byte{bktPeople, bktSessions, bktDrafts, bktIdxTime, bktIdxOpen, bktIdxWords, bktIdxTail} {
		bk := tx.Bucket(name)
		start := sumStart(name)
		var keys, vals [][]byte
		if err := bk.ForEach(func(k, v []byte) error {
			if v == nil {
				return said("store.rec.bucket", "Where", string(name)+"/"+printable(k))
			}
			keys = append(keys, bytes.Clone(k))
			vals = append(vals, withSum(start, k, v))
			return nil
		}); err != nil {
			return err
		}
		for i, k := range keys {
			if err := bk.Put(k, vals[i]); err != nil {
				return err
			}
		}
	}
	// From here on the values carry checksums: say so, so that a later
	// migration in the same transaction reads them (bucketsOf).
	return tx.Bucket(bktMeta).Put(metaSchema, []byte("5"))
}

// migrateV5 upgrades a schema 5 file to schema 6, inside Open's single
// upgrade transaction (after the backup copy): every person is stored
// binary, with the name folded (person_codec.go). A person that cannot be
// read is left as it is (Check reports it), as is one already binary.
func migrateV5(tx *bbolt.Tx, s *Store) error {
	b, err := bucketsOf(tx, s.seal)
	if err != nil {
		return err
	}
	var keys, vals [][]byte
	if err := b.people.ForEach(func(k, v []byte, err error) error {
		if err != nil || len(v) == 0 || v[0] == personFormat {
			return nil
		}
		p, err := decodePersonJSON(v)
		if err != nil {
			return nil
		}
		out, err := encodePerson(p)
		if err != nil {
			return nil // a record the old attend wrote but could not read back: left for Check
		}
		keys = append(keys, bytes.Clone(k))
		vals = append(vals, out)
		return nil
	}); err != nil {
		return err
	}
	for i, k := range keys {
		if err := b.people.Put(k, vals[i]); err != nil {
			return err
		}
	}
	return nil
}

// migrateV6 upgrades a schema 6 file to schema 7, inside Open's single
// upgrade transaction (after the backup copy): every summary is made again
// from its session, because a summary now speaks of the meeting record
// alone (coach.Summarise). Before, a session with no record yet had the
// first words of the manager's private prep as its preview, shown in
// history and `attend log`, and its counts took in the prep's and the
// reflection's prompts. A session that cannot be read keeps its summary
// (Check reports it), as does one whose summary is missing or damaged.
func migrateV6(tx *bbolt.Tx, s *Store) error {
	b, err := bucketsOf(tx, s.seal)
	if err != nil {
		return err
	}
	person := peopleRead(s, b)
	var keys, vals [][]byte
	if err := b.sessions.ForEach(func(k, v []byte, err error) error {
		if err != nil {
			return nil
		}
		sess, err := decodeSession(v)
		if err != nil || sess.ID != string(k) || sess.Validate() != nil {
			return nil
		}
		tk := timeKey(sess.Date, sess.ID)
		if old, err := b.idxTime.Get(tk); err != nil || old == nil {
			return nil // no summary to make again, or a damaged one: left for Check
		}
		sum, err := encodeSummary(coach.Summarise(s.guide(sess.Lang), person(sess.PersonID), sess))
		if err != nil {
			return err
		}
		keys = append(keys, tk)
		vals = append(vals, sum)
		return nil
	}); err != nil {
		return err
	}
	for i, k := range keys {
		if err := b.idxTime.Put(k, vals[i]); err != nil {
			return err
		}
	}
	// And everyone's last and next session from the sessions held, now
	// that a summary says whether its record has anything in it: a prep
	// alone no longer counts as a supervision held (refreshDates).
	var ids []string
	if err := b.people.ForEach(func(k, _ []byte, err error) error {
		if err == nil {
			ids = append(ids, string(k))
		}
		return nil
	}); err != nil {
		return err
	}
	for _, id := range ids {
		p, err := s.getPerson(b, id)
		if err != nil {
			continue // a person that does not read is left for Check
		}
		last, next := p.LastSession, p.NextSession
		s.refreshDates(b, &p, coach.Session{})
		if p.LastSession == last && p.NextSession == next {
			continue
		}
		if err := putPerson(b, p); err != nil {
			return err
		}
	}
	return nil
}

// peopleRead reads people by id for a migration, each once; one that does
// not read is a person with only its id (Check reports it).
func peopleRead(s *Store, b txBuckets) func(id string) coach.Person {
	people := map[string]coach.Person{}
	return func(id string) coach.Person {
		if p, ok := people[id]; ok {
			return p
		}
		p, err := s.getPerson(b, id)
		if err != nil {
			p = coach.Person{ID: id}
		}
		people[id] = p
		return p
	}
}
