package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// Indexes kept beside every saved session, written in the same
// transaction as the session itself (saveSessionTx), so that they can
// never disagree with it after a crash:
//
//   - idx_open holds every open action, keyed by person, session and action
//     id, so that follow-ups ("last time you agreed...", the actions
//     screen) are read without decoding a single session. Carried actions
//     are simply actions left open: they stay here, however many meetings
//     are skipped or moved, until they are marked done or dropped.
//   - the search index (textindex.go) holds every prefix of every word,
//     as keyed hashes.
//
// Keys hold only ids and dates; values are sealed in an encrypted file.

const openKeyLen = 3 * idLen

// openKey is the idx_open key: person id, session id, action id.
func openKey(personID, sessionID, actionID string) []byte {
	k := make([]byte, 0, openKeyLen)
	k = append(k, personID...)
	k = append(k, sessionID...)
	return append(k, actionID...)
}

// openRecord is an idx_open value: the action as it stands and the date of
// the session it was agreed in (the person and session are in the key).
type openRecord struct {
	SessionDate coach.Date
	Action      coach.Action
}

// openFormat is the first byte of an idx_open value. The value is binary,
// not JSON: the actions screen reads every open action of every person,
// and decoding thousands of JSON records was most of its time. After it:
//
//	session date (8, as in keys) | due date (8, all zero when none) |
//	created, closed (each a length byte and time.MarshalBinary) |
//	id, text, owner, status, reason (each a uvarint length and the bytes)
//
// A later layout would take another first byte (and a new SchemaVersion).
const openFormat = 'o'

// openFixedLen is the least an idx_open value holds besides its strings:
// the format byte, the two dates and two times (each time 15 bytes or
// more, with its length byte).
const openFixedLen = 1 + 2*dateLen + 2*(1+15)

func encodeOpen(date coach.Date, a coach.Action) ([]byte, error) {
	out := make([]byte, 0, 64+len(a.Text)+len(a.Reason))
	out = append(out, openFormat)
	sd := dateBytes(date)
	out = append(out, sd[:]...)
	var due [dateLen]byte
	if !a.Due.IsZero() {
		due = dateBytes(a.Due)
	}
	out = append(out, due[:]...)
	for _, t := range []time.Time{a.Created, a.Closed} {
		tb, err := t.MarshalBinary()
		if err != nil {
			return nil, err
		}
		out = append(out, byte(len(tb)))
		out = append(out, tb...)
	}
	for _, f := range []string{a.ID, a.Text, string(a.Owner), string(a.Status), a.Reason} {
		out = binary.AppendUvarint(out, uint64(len(f)))
		out = append(out, f...)
	}
	return out, nil
}

var errOpenRecord = errors.New("open action record is malformed")

// decodeOpen reads an idx_open value. It never panics, whatever the bytes.
func decodeOpen(b []byte) (openRecord, error) {
	var r openRecord
	var f openFields
	if !parseOpen(b, &f, &r.Action.Created, &r.Action.Closed) {
		return openRecord{}, errOpenRecord
	}
	r.SessionDate, r.Action.Due = f.session, f.due
	// The fields are cut from one string (one allocation, not five: the
	// actions list reads tens of thousands of these).
	all := string(f.all)
	var fields [5]string
	for i, at := range f.at {
		fields[i] = all[at[0]:at[1]]
	}
	a := &r.Action
	a.ID, a.Text, a.Reason = fields[0], fields[1], fields[4]
	a.Owner, a.Status = coach.Owner(fields[2]), coach.ActionStatus(fields[3])
	return r, nil
}

// openFields is an idx_open value read in place: its dates, and where in
// all (the value's last part) each of id, text, owner, status and reason
// is.
type openFields struct {
	session, due coach.Date
	all          []byte
	at           [5][2]int
}

// parseOpen reads b into f and the action's created and closed times, and
// reports whether it is an idx_open value. It never panics, whatever the
// bytes.
func parseOpen(b []byte, f *openFields, created, closed *time.Time) bool {
	if len(b) < 1+2*dateLen || b[0] != openFormat {
		return false
	}
	f.session = dateFromBytes(b[1 : 1+dateLen])
	f.due = coach.Date{}
	if due := b[1+dateLen : 1+2*dateLen]; [dateLen]byte(due) != ([dateLen]byte{}) {
		f.due = dateFromBytes(due)
	}
	b = b[1+2*dateLen:]
	for _, t := range []*time.Time{created, closed} {
		if len(b) < 1 || len(b) < 1+int(b[0]) {
			return false
		}
		if err := t.UnmarshalBinary(b[1 : 1+int(b[0])]); err != nil {
			return false
		}
		b = b[1+int(b[0]):]
	}
	f.all = b
	at := 0
	for i := range f.at {
		n, k := binary.Uvarint(b[at:])
		if k <= 0 || n > uint64(len(b)-at-k) {
			return false
		}
		f.at[i] = [2]int{at + k, at + k + int(n)}
		at += k + int(n)
	}
	return at == len(b)
}

// isOpen reports whether an action is still to be followed up.
func isOpen(a coach.Action) bool { return a.Status == coach.ActionOpen || a.Status == "" }

// indexSessionTx files a saved session's open actions (its words are
// filed by indexTextTx).
func indexSessionTx(b txBuckets, sess coach.Session) error {
	for _, a := range sess.LiveActions() {
		if !isOpen(a) || !coach.ValidID(a.ID) {
			continue
		}
		raw, err := encodeOpen(sess.Date, a)
		if err != nil {
			return err
		}
		if err := b.idxOpen.Put(openKey(sess.PersonID, sess.ID, a.ID), raw); err != nil {
			return err
		}
	}
	return nil
}

// unindexSessionTx takes a session's entries (as it was stored) out of
// idx_open and the search index.
func unindexSessionTx(b txBuckets, old coach.Session) error {
	if err := deletePrefix(b.idxOpen.b, []byte(old.PersonID+old.ID)); err != nil {
		return err
	}
	return unindexTextTx(b, old.ID)
}

// deletePrefix deletes every key of bk starting with prefix (collected
// first: deleting under a cursor can skip keys).
func deletePrefix(bk *bbolt.Bucket, prefix []byte) error {
	var keys [][]byte
	c := bk.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	for _, k := range keys {
		if err := bk.Delete(k); err != nil {
			return err
		}
	}
	return nil
}
