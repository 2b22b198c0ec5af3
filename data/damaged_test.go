package data

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// Once a read finds a damaged record, the Store writes nothing more into
// the file: every write is ErrCorrupt, and the file stays byte for byte.
func TestDamageFoundByAReadStopsWrites(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	p := mustPerson(t, s, "Siân Ŵyn")
	q := mustPerson(t, s, "Aled Evans")
	sess, err := s.SaveSession(prep(s, p, day(2026, 10, 1), "words"))
	if err != nil {
		t.Fatal(err)
	}
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		return tx.Bucket(bktSessions).Put([]byte(sess.ID), []byte(`{"v":1,"id":"`+sess.ID+`", "answers": {`))
	})
	before := readFile(t, path)
	if s.Damaged() != nil {
		t.Fatal("damaged before any read found it")
	}
	if _, err := s.Session(sess.ID); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("reading the damaged session: %v", err)
	}
	if s.Damaged() == nil {
		t.Fatal("the damage found was not remembered")
	}
	d := coach.NewSession(q.ID, "en", s.now())
	d.SetAnswer("checkin.head", coach.Answer{Text: "a draft"})
	for name, write := range map[string]func() error{
		"SaveDraft": func() error { return s.SaveDraft(d) },
		"Compact":   s.Compact,
		"Erase":     func() error { _, err := s.Erase(q.ID); return err },
		"SaveSession": func() error {
			_, err := s.SaveSession(prep(s, q, day(2026, 10, 2), "x"))
			return err
		},
	} {
		err := write()
		if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "will not write to it") || !strings.Contains(err.Error(), "nothing was saved") {
			t.Errorf("%s on a file found damaged: %v", name, err)
		}
	}
	assertUnchanged(t, path, before)
}

// An erase that is committed but cannot then rewrite the file (a full disk)
// says exactly that: the records were removed, the rewrite was not done.
func TestEraseOnAFullDiskSaysWhatHappened(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	p := mustPerson(t, s, "Siân Ŵyn")
	if _, err := s.SaveSession(prep(s, p, day(2026, 10, 1), "words")); err != nil {
		t.Fatal(err)
	}
	createTemp = func(string, string) (*os.File, error) {
		return nil, &os.PathError{Op: "open", Path: "x", Err: syscall.ENOSPC}
	}
	defer func() { createTemp = os.CreateTemp }()
	res, err := s.Erase(p.ID)
	if !errors.Is(err, ErrNotCompacted) || res.Sessions != 1 {
		t.Fatalf("Erase = %+v, %v", res, err)
	}
	msg := err.Error()
	for _, want := range []string{"was saved", "the disk is full", "free some disk space", "attend compact"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q: %s", want, msg)
		}
	}
	if strings.Contains(msg, "nothing was saved") {
		t.Errorf("message contradicts itself: %s", msg)
	}
	if _, err := s.Person(p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the person is still there: %v", err)
	}
}

// A name with a hidden character is refused where names are stored, as
// import refuses it: "A<U+200B>B" would look like AB and never be found.
func TestNamesHoldNoHiddenCharacters(t *testing.T) {
	s := openTest(t, testPath(t))
	mustPerson(t, s, "AB")
	for _, name := range []string{"A\u200bB", "\ufeffAB", "A\u2060B"} {
		if _, _, err := s.EnsurePerson(name); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "zero-width") {
			t.Errorf("EnsurePerson(%q) = %v, want ErrInvalid naming the zero-width character", name, err)
		}
	}
	people, _ := s.People()
	if len(people) != 1 {
		t.Errorf("%d people, want 1", len(people))
	}
}

// Damage that attend check found stops every write, in any attend, for as
// long as the file is the one check read: a new Store refuses to open it
// for writing (a read-only one still reads it), a Store already open
// refuses its next write, and the file stays byte for byte. A file put
// back from a backup is written to again, and check on a whole file
// removes the note.
func TestDamageFoundByCheckStopsWritesEverywhere(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	p := mustPerson(t, s, "Siân Ŵyn")
	sess, err := s.SaveSession(prep(s, p, day(2026, 10, 1), "words"))
	if err != nil {
		t.Fatal(err)
	}
	whole := readFile(t, path)
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		return tx.Bucket(bktSessions).Put([]byte(sess.ID), []byte(`{"v":1,"id":"`+sess.ID+`", "answers": {`))
	})
	before := readFile(t, path)
	other, err := Open(path, Options{}) // another attend, open before check ran
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	checker, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := checker.Check(); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Check = %v", err)
	}
	checker.Close()
	if _, err := os.Stat(DamageMark(path)); err != nil {
		t.Fatalf("no note of the damage: %v", err)
	}
	if fi, _ := os.Stat(DamageMark(path)); fi.Mode().Perm() != 0o600 {
		t.Errorf("the note is %v, want 0600", fi.Mode().Perm())
	}
	if _, err := Open(path, Options{}); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "attend export --salvage") {
		t.Errorf("opening for writing a file check found damaged: %v", err)
	}
	if err := setCadence(other, p.ID); !errors.Is(err, ErrCorrupt) {
		t.Errorf("a write by an attend opened before check: %v", err)
	}
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("a read-only open: %v", err)
	}
	if _, err := ro.Person(p.ID); err != nil {
		t.Errorf("reading what is whole: %v", err)
	}
	ro.Close()
	assertUnchanged(t, path, before)

	// A file put back over it is another file, but not known to be sound:
	// a trial restored a copy check had flagged, and attend wrote to it.
	// So it waits for a check; the damaged copy is refused again, and a
	// whole one, once checked, is written to.
	if err := os.WriteFile(path, before, 0o600); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(path, time.Now(), time.Now().Add(time.Minute))
	if _, err := Open(path, Options{}); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "has changed since") {
		t.Errorf("opening for writing a damaged copy put back: %v", err)
	}
	if err := os.WriteFile(path, whole, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, Options{}); !errors.Is(err, ErrCorrupt) {
		t.Errorf("opening for writing a file put back, before any check: %v", err)
	}
	checker, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := checker.Check(); err != nil {
		t.Fatalf("Check of the restored file: %v", err)
	}
	checker.Close()
	if _, err := os.Stat(DamageMark(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the note outlived a clean check: %v", err)
	}
	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("opening the restored, checked file: %v", err)
	}
	defer s2.Close()
	if err := setCadence(s2, p.ID); err != nil {
		t.Errorf("writing to the restored file: %v", err)
	}
}

func setCadence(s *Store, id string) error {
	_, err := s.UpdatePerson(id, func(p *coach.Person) error {
		p.Cadence = coach.Cadence{Months: 2}
		return nil
	})
	return err
}

// The note beside a damaged file says what to do, never what check found:
// a finding can quote a person's name, and the note is plain text beside a
// file that may be encrypted.
func TestTheDamageNoteHoldsNoFinding(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	p := mustPerson(t, s, "Siân Llŷr")
	s.Close()
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bktPeople)
		v := b.Get([]byte(p.ID))
		return b.Put([]byte(p.ID), append(bytes.Clone(v[:len(v)-3]), "xyz"...))
	})
	checker, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer checker.Close()
	found := checker.Check()
	if !errors.Is(found, ErrCorrupt) {
		t.Fatalf("Check = %v", found)
	}
	note, err := os.ReadFile(DamageMark(path))
	if err != nil {
		t.Fatalf("no note: %v", err)
	}
	if strings.Contains(string(note), p.ID) || strings.Contains(string(note), "Llŷr") || strings.Contains(strings.ToLower(string(note)), "llyr") {
		t.Errorf("the note names a record or a person:\n%s", note)
	}
	if !strings.Contains(string(note), "attend export --salvage") {
		t.Errorf("the note does not say what to do:\n%s", note)
	}
}
