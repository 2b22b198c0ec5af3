package data

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"go.etcd.io/bbolt"

	"attend/coach"
	"attend/coach/msg"
)

// maxListedFaults bounds how many faults Check spells out in its message;
// the error it wraps (errors.Join) still holds every one.
const maxListedFaults = 50

// Check verifies the whole file: bbolt's own consistency check, then every
// record decoded and validated, and the indexes and counts checked against
// the records. It returns nil, or an ErrCorrupt *Error whose message names
// every fault by bucket and id (never by a name or note text). It only
// reads the file; what it found is noted beside it (DamageMark), so that
// no attend writes to a file found damaged, and a note is removed once
// Check finds the file whole.
func (s *Store) Check() error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return errClosed(s.path)
	}
	if _, err := inspectFile(s.path); err != nil {
		return err
	}
	var faults []error
	var pending *pendingRewrite
	// PreLoadFreelist: read the freelist now, on this goroutine, where a
	// fault can be caught, rather than inside tx.Check's own goroutine.
	err := s.withDBOptions(&bbolt.Options{ReadOnly: true, PreLoadFreelist: true}, func(db *bbolt.DB) error {
		return db.View(func(tx *bbolt.Tx) error {
			// A truncated file makes tx.Check read past the end of the map in
			// its own goroutine, where nothing can recover: guard it first.
			if err := guardSize(s.path, tx.Size()); err != nil {
				return err
			}
			if _, err := s.schemaOf(tx, false); err != nil {
				return err
			}
			if err := s.checkCrypto(tx.Bucket(bktMeta)); err != nil {
				return err
			}
			pending = readPending(tx.Bucket(bktMeta))
			// Walk every page and record here first, under safely: a page
			// pointer beyond the end of the file becomes one fault, not a
			// crash. Only if that walk survives is tx.Check (which reads the
			// same pages on another goroutine) safe to run.
			if err := safely(s.path, func() error {
				touchAll(tx)
				faults = append(faults, checkRecords(tx, s.seal)...)
				return nil
			}); err != nil {
				cause := err
				var e *Error
				if errors.As(err, &e) && e.Err != nil {
					cause = e.Err
				}
				faults = append(faults, said("store.check.page", "Err", causeText{cause}))
				return nil
			}
			var structural []error
			for err := range tx.Check() {
				// bbolt's sentence, in the language where the catalogue has it.
				structural = append(structural, saidWrap{said("store.check.structure", "Err", detailText(err.Error())), err})
			}
			faults = append(structural, faults...)
			return nil
		})
	})
	if err != nil {
		var e *Error
		if errors.As(err, &e) && e.damage {
			s.markDamaged()
		}
		return err
	}
	if len(faults) == 0 {
		s.clearDamageMark()
		if pending != nil {
			// Not damage: the file is whole, and one rewrite puts it right.
			return textErr(ErrNotCompacted, s.path, nil, &checkReport{path: s.path, faults: []error{pending.fault(s.path)}, pendingOnly: true})
		}
		return nil
	}
	if pending != nil {
		faults = append(faults, pending.fault(s.path))
	}
	e := textErr(ErrCorrupt, s.path, errors.Join(faults...), &checkReport{path: s.path, faults: faults})
	e.damage = true
	s.noteDamage(e)
	s.markDamaged()
	return e
}

// checkReport is what Check found, said in any language: the file, how
// many problems, each on its line (at most maxListedFaults of them), and
// what to do.
type checkReport struct {
	path        string
	faults      []error
	pendingOnly bool // only a rewrite to finish: not damage, so no advice
}

func (r *checkReport) Error() string { return r.Text(msg.New("en")) }

func (r *checkReport) Text(l *msg.Lang) string {
	var b strings.Builder
	b.WriteString(l.T("store.check.head", "Path", r.path, "Count", len(r.faults), "N", strconv.Itoa(len(r.faults))))
	b.WriteString(":\n")
	for i, f := range r.faults {
		if i == maxListedFaults {
			b.WriteString("  " + l.T("store.check.more", "N", strconv.Itoa(len(r.faults)-i)) + "\n")
			break
		}
		b.WriteString("  " + dataText(l, f))
		if !r.pendingOnly {
			b.WriteString("\n")
		}
	}
	if !r.pendingOnly {
		b.WriteString(l.T("store.check.advice"))
	}
	return b.String()
}

// checkFault is one fault Check found in a record, named by its bucket
// and key: the words are format filled in with args, said in a language
// by the catalogue id checkFaultIDs gives format.
type checkFault struct {
	bucket, key string
	format      string
	args        []any
}

func (f *checkFault) Error() string { return f.Text(nil) }

func (f *checkFault) Text(l *msg.Lang) string {
	format, args := f.format, f.args
	if l != nil && l.Code != "en" {
		if id, ok := checkFaultIDs[format]; ok {
			format = l.T(id)
		}
		args = make([]any, len(f.args))
		for i, a := range f.args {
			if err, ok := a.(error); ok {
				a = dataText(l, err)
			}
			args[i] = a
		}
	}
	return fmt.Sprintf("%s/%s: %s", f.bucket, f.key, fmt.Sprintf(format, args...))
}

// checkFaultIDs are the catalogue ids of Check's faults, by their English
// (a test checks the catalogue's English is the same).
var checkFaultIDs = map[string]string{
	"a saved session has no saved time":                                     "store.check.f.notime",
	"belongs to person %s, who is not on file":                              "store.check.f.noperson",
	"does not match the action in session %s":                               "store.check.f.actiondiffers",
	"has a number beyond the last one given":                                "store.check.f.beyond",
	"has no entry in the index by date":                                     "store.check.f.nodateentry",
	"holds a value, where the index holds none":                             "store.check.f.value",
	"is filed under the wrong date":                                         "store.check.f.wrongdate",
	"is filed under the wrong person":                                       "store.check.f.wrongperson",
	"is not an open action of session %s":                                   "store.check.f.notopen",
	"is not the number the session is filed under":                          "store.check.f.notnumber",
	"missing from the index by date":                                        "store.check.f.nodate",
	"missing from the index by person":                                      "store.check.f.noperson.index",
	"missing from the search index":                                         "store.check.f.nosearch",
	"open action %s is missing from the open-actions index":                 "store.check.f.noopen",
	"points at a number no session is filed under":                          "store.check.f.nonumber",
	"points at a number that is not this session's":                         "store.check.f.othernumber",
	"points at a session that is not on file (or cannot be read)":           "store.check.f.nosession.read",
	"points at a session that is not on file":                               "store.check.f.nosession",
	"points at session %s, which is not on file (or cannot be read)":        "store.check.f.nosession.id",
	"says %d sessions, the index holds %d":                                  "store.check.f.count",
	"the draft belongs to person %q, not to its key":                        "store.check.f.draftperson",
	"the draft is for session %s, which is already saved":                   "store.check.f.draftsaved",
	"the draft's id %q is not a valid id":                                   "store.check.f.draftid",
	"the draft's person is not on file":                                     "store.check.f.draftnoperson",
	"the entry has the wrong length":                                        "store.check.f.entrylength",
	"the folded name stored for look-ups is %q, where the name folds to %q": "store.check.f.folded",
	"the key has the wrong length":                                          "store.check.f.keylength",
	"the key is not a valid id":                                             "store.check.f.keyid",
	"the name is not in its tidy form":                                      "store.check.f.untidy",
	"the name is not usable: %v":                                            "store.check.f.name",
	"the record's id is %q":                                                 "store.check.f.id",
	"the search index does not match the words of the session":              "store.check.f.search",
}

// checkRecords opens (if c is not nil), decodes and validates every record
// and cross-checks the indexes. Each fault names its bucket and key.
func checkRecords(tx *bbolt.Tx, c *sealer) []error {
	var faults []error
	fault := func(bucket []byte, key []byte, format string, args ...any) {
		faults = append(faults, &checkFault{bucket: string(bucket), key: printable(key), format: format, args: args})
	}
	b, err := bucketsOf(tx, c)
	if err != nil {
		return []error{err}
	}
	if raw := b.meta.Get(metaCrypto); raw != nil {
		if _, err := parseCryptoMeta(raw); err != nil {
			fault(bktMeta, metaCrypto, "%v", err)
		}
	}
	// People, and how many sessions the index holds for each.
	people := map[string]coach.Person{}
	_ = b.people.ForEach(func(k, v []byte, err error) error {
		if !coach.ValidID(string(k)) {
			fault(bktPeople, k, "the key is not a valid id")
		}
		if err != nil {
			fault(bktPeople, k, "%v", err)
			return nil
		}
		p, folded, err := decodePersonFolded(v)
		if err != nil {
			fault(bktPeople, k, "%v", err)
			return nil
		}
		// Look-ups by name compare the folded name stored beside it.
		if folded != coach.Fold(p.Name) {
			fault(bktPeople, k, "the folded name stored for look-ups is %q, where the name folds to %q", folded, coach.Fold(p.Name))
		}
		if p.ID != string(k) {
			fault(bktPeople, k, "the record's id is %q", p.ID)
		}
		if clean, err := cleanName(p.Name); err != nil {
			fault(bktPeople, k, "the name is not usable: %v", err)
		} else if clean != p.Name {
			fault(bktPeople, k, "the name is not in its tidy form")
		}
		people[string(k)] = p
		return nil
	})

	// Sessions: decode, validate, owner on file, every index entry there.
	saved := map[string]savedFacts{}
	words := newHasher(c)
	_ = b.sessions.ForEach(func(k, v []byte, err error) error {
		if err != nil {
			fault(bktSessions, k, "%v", err)
			return nil
		}
		sess, err := decodeSession(v)
		if err != nil {
			fault(bktSessions, k, "%v", err)
			return nil
		}
		if err := sess.Validate(); err != nil {
			fault(bktSessions, k, "%v", err)
			return nil
		}
		if sess.ID != string(k) {
			fault(bktSessions, k, "the record's id is %q", sess.ID)
			return nil
		}
		if sess.IsDraft() {
			fault(bktSessions, k, "a saved session has no saved time")
		}
		if _, ok := people[sess.PersonID]; !ok {
			fault(bktSessions, k, "belongs to person %s, who is not on file", sess.PersonID)
		}
		if !b.idxTime.Has(timeKey(sess.Date, sess.ID)) {
			fault(bktSessions, k, "missing from the index by date")
		}
		if b.idxPerson.Get(personKey(sess.PersonID, sess.Date, sess.ID)) == nil {
			fault(bktSessions, k, "missing from the index by person")
		}
		checkSessionIndexes(b, sess, fault)
		f := savedFacts{personID: sess.PersonID, date: sess.Date, open: openActions(sess)}
		for _, h := range words.sessionHashes(sess) {
			f.wordSum += h
			f.words++
		}
		saved[sess.ID] = f
		return nil
	})

	// Drafts: one per person, keyed by that person.
	_ = b.drafts.ForEach(func(k, v []byte, err error) error {
		if err != nil {
			fault(bktDrafts, k, "%v", err)
			return nil
		}
		d, err := decodeSession(v)
		if err != nil {
			fault(bktDrafts, k, "%v", err)
			return nil
		}
		if !coach.ValidID(d.ID) {
			fault(bktDrafts, k, "the draft's id %q is not a valid id", d.ID)
		}
		if d.PersonID != string(k) {
			fault(bktDrafts, k, "the draft belongs to person %q, not to its key", d.PersonID)
		}
		if _, ok := people[string(k)]; !ok {
			fault(bktDrafts, k, "the draft's person is not on file")
		}
		if b.sessions.Has([]byte(d.ID)) {
			fault(bktDrafts, k, "the draft is for session %s, which is already saved", d.ID)
		}
		return nil
	})

	// The date index: every entry decodes and points at a session on that date.
	_ = b.idxTime.ForEach(func(k, v []byte, err error) error {
		if len(k) != timeKeyLen {
			fault(bktIdxTime, k, "the key has the wrong length")
			return nil
		}
		id := k[dateLen:]
		if err != nil {
			fault(bktIdxTime, id, "%v", err)
		} else if _, err := decodeSummary(v); err != nil {
			fault(bktIdxTime, id, "%v", err)
		}
		if !b.sessions.Has(id) {
			fault(bktIdxTime, id, "points at a session that is not on file")
			return nil
		}
		if f, ok := saved[string(id)]; ok && dateBytes(f.date) != [dateLen]byte(k[:dateLen]) {
			fault(bktIdxTime, id, "is filed under the wrong date")
		}
		return nil
	})

	// The person index: every entry has its date entry; counts agree.
	counts := map[string]int{}
	_ = b.idxPerson.ForEach(func(k, v []byte) error {
		if len(k) != idLen+timeKeyLen {
			fault(bktIdxPerson, k, "the key has the wrong length")
			return nil
		}
		if len(v) != 0 {
			fault(bktIdxPerson, k[idLen+dateLen:], "holds a value, where the index holds none")
		}
		pid, tk := string(k[:idLen]), k[idLen:]
		counts[pid]++
		if !b.idxTime.Has(tk) {
			fault(bktIdxPerson, tk[dateLen:], "has no entry in the index by date")
		}
		if !b.sessions.Has(tk[dateLen:]) {
			fault(bktIdxPerson, tk[dateLen:], "points at a session that is not on file")
		} else if f, ok := saved[string(tk[dateLen:])]; ok && f.personID != pid {
			fault(bktIdxPerson, tk[dateLen:], "is filed under the wrong person")
		}
		return nil
	})
	checkFollowUpIndexes(b, saved, fault)
	for _, id := range slices.Sorted(maps.Keys(people)) {
		if p := people[id]; p.Sessions != counts[id] {
			fault(bktPeople, []byte(id), "says %d sessions, the index holds %d", p.Sessions, counts[id])
		}
	}
	return faults
}

// touchAll reads every key and the first and last byte of every value in
// every bucket, nested ones too, so that any page the file points at is
// read once on the calling goroutine.
func touchAll(tx *bbolt.Tx) {
	var sink byte
	var walk func(b *bbolt.Bucket)
	walk = func(b *bbolt.Bucket) {
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			sink ^= k[0] ^ k[len(k)-1]
			if v == nil {
				if child := b.Bucket(k); child != nil {
					walk(child)
				}
				continue
			}
			if len(v) > 0 {
				sink ^= v[0] ^ v[len(v)-1]
			}
		}
	}
	_ = tx.ForEach(func(_ []byte, b *bbolt.Bucket) error { walk(b); return nil })
	_ = sink
}

// printable shows a key for a fault message: as text if it is plain ASCII,
// otherwise in hex.
func printable(k []byte) string {
	for _, c := range k {
		if c < 0x20 || c > 0x7e {
			return fmt.Sprintf("%x", k)
		}
	}
	return string(bytes.Clone(k))
}
