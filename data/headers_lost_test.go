package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// An attend file whose two header pages (bbolt's meta pages, the first
// 8 KB) are blanked is damaged, with check and backup advice, not "not an
// attend database", which could lead a manager to delete it. A file that
// is not laid out as a database, blank or not, is still not attend's.
func TestBlankHeadersAreDamageNotSomeoneElsesFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "attend.db")
	s := openTest(t, db)
	p := mustPerson(t, s, "Siân Ŵyn")
	if _, err := s.SaveSession(prep(s, p, day(2026, 11, 2), "Tired but hopeful")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	whole, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	blank := filepath.Join(dir, "blank.db")
	broken := append([]byte(nil), whole...)
	clear(broken[:8192])
	if err := os.WriteFile(blank, broken, 0o600); err != nil {
		t.Fatal(err)
	}
	// Only the bucket names: every page past the headers but those holding
	// them blanked too, so the names alone say it is attend's.
	names := filepath.Join(dir, "names.db")
	onlyNames := make([]byte, len(whole))
	for _, name := range [][]byte{bktPeople, bktSessions, bktIdxPerson, bktIdxOpen} {
		i := strings.Index(string(whole[8192:]), string(name)) + 8192
		copy(onlyNames[i:], name)
	}
	if err := os.WriteFile(names, onlyNames, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{blank, names} {
		for _, ro := range []bool{true, false} {
			_, err := Open(path, Options{ReadOnly: ro, LockTimeout: 300 * time.Millisecond})
			if !errors.Is(err, ErrCorrupt) || errors.Is(err, ErrNotAttend) {
				t.Fatalf("%s ReadOnly=%v: %v, want ErrCorrupt", filepath.Base(path), ro, err)
			}
			for _, want := range []string{"is damaged (its two header pages are blank or overwritten", "attend check", "backup"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("%s: %q does not say %q", filepath.Base(path), err, want)
				}
			}
		}
		if got, _ := os.ReadFile(path); len(got) != len(whole) {
			t.Errorf("%s was changed", filepath.Base(path))
		}
	}
	_, err = Open(blank, Options{ReadOnly: true})
	saysWelsh(t, "blank headers", err, "mae ei dwy dudalen bennyn yn wag neu wedi'u trosysgrifo")

	// Not a database: a file of zeros, and text, the size of one.
	zeros := filepath.Join(dir, "zeros.db")
	os.WriteFile(zeros, make([]byte, len(whole)), 0o600)
	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, []byte(strings.Repeat("people sessions and notes, not a database\n", 2000)), 0o600)
	for _, path := range []string{zeros, text} {
		if _, err := Open(path, Options{ReadOnly: true}); !errors.Is(err, ErrNotAttend) {
			t.Errorf("%s: %v, want ErrNotAttend", filepath.Base(path), err)
		}
	}
}
