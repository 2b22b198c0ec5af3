package data

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// storedValue is one record value as the file holds it.
type storedValue struct {
	bucket, key, raw []byte
}

func storedValues(t *testing.T, path string, buckets ...[]byte) []storedValue {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []storedValue
	_ = db.View(func(tx *bbolt.Tx) error {
		for _, name := range buckets {
			_ = tx.Bucket(name).ForEach(func(k, v []byte) error {
				out = append(out, storedValue{name, bytes.Clone(k), bytes.Clone(v)})
				return nil
			})
		}
		return nil
	})
	return out
}

// readBack reads the record v through the Store, as a command would.
func readBack(s *Store, v storedValue) error {
	var err error
	switch string(v.bucket) {
	case string(bktPeople):
		_, err = s.Person(string(v.key))
	case string(bktSessions):
		_, err = s.Session(string(v.key))
	case string(bktIdxTime):
		_, _, err = s.Summaries("", "", 0)
	case string(bktIdxOpen):
		// attend actions' read finds what OpenActions finds.
		_, err = s.OpenActions("")
		if _, lerr := s.OpenActionList(""); errors.Is(lerr, ErrCorrupt) != errors.Is(err, ErrCorrupt) {
			return fmt.Errorf("OpenActions: %v; OpenActionList: %v", err, lerr)
		}
	case string(bktDrafts):
		_, err = s.Drafts()
	default:
		panic("no read for " + string(v.bucket))
	}
	return err
}

// TestBitFlipsInAPlainFileAreFound: a single bit changed anywhere in a
// stored person, session, summary, open action or draft of an unencrypted
// file is reported by Check (naming the bucket and key) and by the read of
// that record, and the store then refuses to write. Before checksums, a
// flip inside a rating, a name or a date went unnoticed.
func TestBitFlipsInAPlainFileAreFound(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	w := welshFixture(t, s)
	draft := coach.NewSession(w.people[0].ID, "cy", s.now())
	draft.Date = day(2026, 11, 1)
	draft.SetAnswer("checkin.head", coach.Answer{Text: "Drafft heb ei gadw"})
	if err := s.SaveDraft(draft); err != nil {
		t.Fatal(err)
	}
	if err := s.Compact(); err != nil { // so that no stale copy of a value sits in a free page
		t.Fatal(err)
	}
	s.Close()

	values := storedValues(t, path, bktPeople, bktSessions, bktIdxTime, bktIdxOpen, bktDrafts)
	file := readFile(t, path)
	flips, found := 0, 0
	for _, v := range values {
		at := bytes.Index(file, v.raw)
		if at < 0 || bytes.Count(file, v.raw) != 1 {
			t.Fatalf("%s/%s is not in the file exactly once", v.bucket, printable(v.key))
		}
		// The format byte, each byte of the checksum, and bytes spread
		// over the value (a name, a rating, a date, a note), one bit each.
		offsets := []int{0, 1, 2, 3, 4}
		for i := 1; i <= 12; i++ {
			offsets = append(offsets, sumHead+(len(v.raw)-sumHead-1)*i/12)
		}
		for i, off := range offsets {
			pos := at + off
			bit := byte(1) << (i % 8)
			file[pos] ^= bit
			if err := os.WriteFile(path, file, 0o600); err != nil {
				t.Fatal(err)
			}
			flips++
			name := fmt.Sprintf("%s/%s byte %d bit %d", v.bucket, printable(v.key), off, i%8)

			ro, err := Open(path, Options{ReadOnly: true})
			if err != nil {
				t.Fatalf("%s: open: %v", name, err)
			}
			cerr := ro.Check()
			ro.Close()
			want := fmt.Sprintf("%s/%s: ", v.bucket, printable(v.key))
			if v.bucket[0] == 'i' { // index faults name the session id
				want = fmt.Sprintf("%s/", v.bucket)
			}
			okCheck := errors.Is(cerr, ErrCorrupt) && strings.Contains(cerr.Error(), want)
			if okCheck {
				// Damage check found refuses every write open; without
				// the note, a read must find it by itself (below).
				if _, err := Open(path, Options{}); !errors.Is(err, ErrCorrupt) {
					t.Errorf("%s: open for writing after check found damage: %v", name, err)
				}
				os.Remove(DamageMark(path))
			}

			rw, err := Open(path, Options{})
			if err != nil {
				t.Fatalf("%s: open: %v", name, err)
			}
			rerr := readBack(rw, v)
			okRead := errors.Is(rerr, ErrCorrupt)
			if okRead {
				// Once a read has found damage, nothing is written.
				if _, err := rw.UpdatePerson(w.people[1].ID, func(p *coach.Person) error {
					p.Cadence = coach.Cadence{Weeks: 6}
					return nil
				}); !errors.Is(err, ErrCorrupt) {
					t.Errorf("%s: a write after the damage was found: %v", name, err)
				}
			}
			rw.Close()
			if okCheck && okRead {
				found++
			} else {
				t.Errorf("%s: check said %v; the read said %v", name, cerr, rerr)
			}
			file[pos] ^= bit
		}
		if err := os.WriteFile(path, file, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d of %d single-bit flips in %d stored values found by both check and a read", found, flips, len(values))
	s = openTest(t, path)
	if err := s.Check(); err != nil {
		t.Fatalf("the file with every bit put back: %v", err)
	}
}

// TestUpgradeAddsChecksums: a schema 4 file (no checksums) is upgraded
// after a backup copy, every value gets its checksum, and it checks clean.
func TestUpgradeAddsChecksums(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	welshFixture(t, s)
	s.Close()
	rawUpdate(t, path, stripSums)
	before := storedValues(t, path, bktPeople, bktSessions)
	for _, v := range before {
		if v.raw[0] == sumVersion {
			t.Fatalf("the downgrade left a checksum on %s/%s", v.bucket, v.key)
		}
	}
	s = openTest(t, path)
	if err := s.Check(); err != nil {
		t.Fatalf("Check after the upgrade: %v", err)
	}
	after := storedValues(t, path, bktPeople, bktSessions, bktDrafts, bktIdxTime, bktIdxOpen, bktIdxWords, bktIdxTail)
	for _, v := range after {
		if _, err := checkSum(sumStart(v.bucket), v.key, v.raw); err != nil {
			t.Errorf("%s/%s after the upgrade: %v", v.bucket, printable(v.key), err)
		}
	}
	for i, v := range before {
		if !bytes.Equal(after[i].raw[sumHead:], v.raw) {
			t.Errorf("%s/%s changed in the upgrade", v.bucket, v.key)
		}
	}
	if people, err := s.People(); err != nil || len(people) != 3 {
		t.Errorf("People after the upgrade: %d, %v", len(people), err)
	}
}
