package data

import (
	"bytes"
	"encoding/base64"
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"

	"go.etcd.io/bbolt"
)

// failRewrites makes every rewrite fail after its change is committed, as a
// kill -9 between the two would leave the file (a full disk does the same).
func failRewrites(t *testing.T) {
	t.Helper()
	createTemp = func(string, string) (*os.File, error) {
		return nil, &os.PathError{Op: "open", Path: "x", Err: syscall.ENOSPC}
	}
	t.Cleanup(func() { createTemp = os.CreateTemp })
}

func pendingMark(t *testing.T, path string) []byte {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var raw []byte
	_ = db.View(func(tx *bbolt.Tx) error {
		raw = bytes.Clone(tx.Bucket(bktMeta).Get(metaPending))
		return nil
	})
	return raw
}

// An erase interrupted between its delete and its rewrite leaves the erased
// records in free pages. The file says so: Check reports it (as a rewrite
// to finish, not as damage), and the next open that may write finishes it.
func TestInterruptedEraseIsFinishedOnNextOpen(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	gone := mustPerson(t, s, "Siân Ŵyn")
	kept := mustPerson(t, s, "Aled Evans")
	if _, err := s.SaveSession(prep(s, gone, day(2026, 10, 1), "Nodyn cyfrinachol")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveSession(prep(s, kept, day(2026, 10, 2), "words")); err != nil {
		t.Fatal(err)
	}
	failRewrites(t)
	if _, err := s.Erase(gone.ID); !errors.Is(err, ErrNotCompacted) {
		t.Fatalf("Erase = %v, want ErrNotCompacted", err)
	}
	s.Close()
	if !bytes.Contains(readFile(t, path), []byte("Siân Ŵyn")) {
		t.Fatal("the erased name is not in the file's free pages: the test does not reproduce the fault")
	}
	mark := pendingMark(t, path)
	if mark == nil {
		t.Fatal("no pending-rewrite mark after an interrupted erase")
	}
	if bytes.Contains(mark, []byte("Siân")) || bytes.Contains(mark, []byte(gone.ID)) {
		t.Errorf("the mark names the person: %s", mark)
	}

	// check (read-only) reports it, says what to run, and calls it no damage.
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	err = ro.Check()
	if !errors.Is(err, ErrNotCompacted) || errors.Is(err, ErrCorrupt) {
		t.Fatalf("Check = %v, want ErrNotCompacted and not ErrCorrupt", err)
	}
	for _, want := range []string{"an erasure", "interrupted", "attend compact", "fragments of the erased records"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Check's message lacks %q: %s", want, err)
		}
	}
	if ro.Damaged() != nil {
		t.Errorf("a pending rewrite was taken for damage: %v", ro.Damaged())
	}
	ro.Close()
	if pendingMark(t, path) == nil {
		t.Fatal("a read-only open removed the mark")
	}

	// An open that may write, while the rewrite still cannot be done, says
	// what happened and what to run.
	if _, err := Open(path, Options{}); !errors.Is(err, ErrNotCompacted) ||
		!strings.Contains(err.Error(), "attend compact") || !strings.Contains(err.Error(), "the disk is full") {
		t.Fatalf("Open while the rewrite still fails = %v", err)
	}

	// Once it can, the next open finishes it.
	createTemp = os.CreateTemp
	s = openTest(t, path)
	if bytes.Contains(readFile(t, path), []byte("Siân Ŵyn")) {
		t.Error("the erased name is still in the file after the next open")
	}
	if pendingMark(t, path) != nil {
		t.Error("the mark is still there after the rewrite")
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check after the rewrite: %v", err)
	}
	if _, err := s.Person(kept.ID); err != nil {
		t.Errorf("the other person: %v", err)
	}
}

// A passphrase change interrupted before its rewrite leaves the key wrapped
// under the old passphrase in a free page, where the old passphrase still
// unwraps it. The same mark, check and finish.
func TestInterruptedPassphraseChangeIsFinishedOnNextOpen(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	mustPerson(t, s, "Siân Ŵyn")
	s.Close()
	if err := Encrypt(path, testPass); err != nil {
		t.Fatal(err)
	}
	s = openPass(t, path, testPass)
	oldWrapped := base64.StdEncoding.EncodeToString(s.cmeta.WrappedKey)
	newPass := []byte("a new and longer passphrase")
	failRewrites(t)
	if err := s.rewrap(newPass, DefaultKDF); !errors.Is(err, ErrNotCompacted) {
		t.Fatalf("rewrap = %v, want ErrNotCompacted", err)
	}
	s.Close()
	if !bytes.Contains(readFile(t, path), []byte(oldWrapped)) {
		t.Fatal("the old wrapped key is not in the file: the test does not reproduce the fault")
	}
	ro, err := Open(path, Options{ReadOnly: true, Passphrase: newPass})
	if err != nil {
		t.Fatal(err)
	}
	if err := ro.Check(); !errors.Is(err, ErrNotCompacted) || !strings.Contains(err.Error(), "old passphrase") ||
		!strings.Contains(err.Error(), "attend compact") {
		t.Errorf("Check = %v, want a pending passphrase rewrite and what to run", err)
	}
	ro.Close()

	createTemp = os.CreateTemp
	s = openPass(t, path, newPass)
	if bytes.Contains(readFile(t, path), []byte(oldWrapped)) {
		t.Error("the old wrapped key is still in the file after the next open")
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check after the rewrite: %v", err)
	}
	if _, err := Open(path, Options{ReadOnly: true, Passphrase: testPass}); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("the old passphrase: %v", err)
	}
}

// A rewrite that completes leaves no mark, and encryption drops one.
func TestFinishedRewritesLeaveNoMark(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	p := mustPerson(t, s, "Siân Ŵyn")
	mustPerson(t, s, "Aled Evans")
	if _, err := s.Erase(p.ID); err != nil {
		t.Fatal(err)
	}
	if m := pendingMark(t, path); m != nil {
		t.Fatalf("mark after a whole erase: %s", m)
	}
	// A mark left by an interrupted erase does not survive encryption,
	// which writes a whole new file.
	rawUpdate(t, path, func(tx *bbolt.Tx) error { return markPending(tx.Bucket(bktMeta), pendingErase, s.now()) })
	s.Close()
	if err := Encrypt(path, testPass); err != nil {
		t.Fatal(err)
	}
	if m := pendingMark(t, path); m != nil {
		t.Fatalf("mark after encrypt: %s", m)
	}
}
