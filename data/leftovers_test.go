//go:build unix

package data

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/sys/unix"
)

// A copy still being written by another attend is left alone; one nobody
// holds is removed by the next open that may write, and listed until then.
func TestLeftoversRemovedUnlessInUse(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	mustPerson(t, s, "Siân Ŵyn")
	s.Close()
	dir := filepath.Dir(path)
	abandoned := filepath.Join(dir, ".attend-backup-111")
	busy := filepath.Join(dir, ".attend-rewrite-222.db")
	for _, n := range []string{abandoned, busy} {
		if err := os.WriteFile(n, readFile(t, path), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open(busy)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX); err != nil {
		t.Fatal(err)
	}

	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := ro.Leftovers(); !slices.Equal(got, []string{abandoned}) {
		t.Errorf("Leftovers = %v, want only %s", got, abandoned)
	}
	ro.Close()
	if _, err := os.Stat(abandoned); err != nil {
		t.Fatalf("a read-only open removed %s", abandoned)
	}

	s = openTest(t, path)
	if _, err := os.Stat(abandoned); err == nil {
		t.Errorf("%s survived an open for writing", abandoned)
	}
	if _, err := os.Stat(busy); err != nil {
		t.Errorf("%s, still being written, was removed: %v", busy, err)
	}
	unix.Flock(int(f.Fd()), unix.LOCK_UN)
	if removed, err := s.RemoveLeftovers(); err != nil || !slices.Equal(removed, []string{busy}) {
		t.Errorf("RemoveLeftovers = %v, %v; want %s", removed, err, busy)
	}
}

// A failed backup removes its temporary copy.
func TestBackupFailureLeavesNoCopy(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	mustPerson(t, s, "Siân Ŵyn")
	dst := filepath.Join(t.TempDir(), "b.db")
	// Damage the file so that the copy fails part-way.
	raw := readFile(t, path)
	if err := os.WriteFile(path, raw[:len(raw)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(dst); err == nil {
		t.Fatal("backup of a cut-short file succeeded")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dst), ".attend-*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}
