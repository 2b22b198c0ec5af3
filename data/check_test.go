package data

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

func TestCheckGoodFile(t *testing.T) {
	s := openTest(t, testPath(t))
	people := []coach.Person{mustPerson(t, s, "Ann"), mustPerson(t, s, "Siân Ŵyn")}
	fill(t, s, people, 50)
	s.SaveDraft(coach.NewSession(people[0].ID, "en", s.now()))
	if err := s.Check(); err != nil {
		t.Fatalf("Check of a good file: %v", err)
	}
}

func TestCheckNamesEveryFault(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	ann := mustPerson(t, s, "Ann")
	all := fill(t, s, []coach.Person{ann}, 5)
	broken, future, unindexed := all[0].ID, all[1].ID, all[2].ID
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		putRaw(tx, bktSessions, []byte(broken), []byte(`{"v":1,"id":"`+broken+`", "answers": {`))
		putRaw(tx, bktSessions, []byte(future), []byte(`{"v":7,"id":"`+future+`"}`))
		return tx.Bucket(bktIdxTime).Delete(timeKey(all[2].Date, unindexed))
	})
	before := readFile(t, path)
	err := s.Check()
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Check: %v, want ErrCorrupt", err)
	}
	msg := err.Error()
	for _, want := range []string{
		"sessions/" + broken + ": session record is not valid JSON",
		"sessions/" + future + ": session " + future + " was written by a newer attend",
		"sessions/" + unindexed + ": missing from the index by date",
		"idx_person/" + unindexed + ": has no entry in the index by date",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("Check message lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "Ann") {
		t.Errorf("Check output names a person:\n%s", msg)
	}
	assertUnchanged(t, path, before)
}

func TestCheckRefusesBadFiles(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	os.WriteFile(path, []byte("not a database at all, just some words"), 0o600)
	if err := s.Check(); !errors.Is(err, ErrNotAttend) {
		t.Errorf("Check of a text file: %v", err)
	}
	os.WriteFile(path, nil, 0o600)
	if err := s.Check(); !errors.Is(err, ErrEmptyFile) {
		t.Errorf("Check of an empty file: %v", err)
	}
}

func TestBackup(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	people := []coach.Person{mustPerson(t, s, "Ann"), mustPerson(t, s, "Siân Ŵyn")}
	fill(t, s, people, 40)

	// Another attend is reading (a shared lock), as an export would.
	reader, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(dst); err != nil {
		t.Fatalf("Backup beside a reader: %v", err)
	}
	reader.Close()

	fi, err := os.Stat(dst)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup: %v %v, want mode 0600", fi, err)
	}
	b, err := Open(dst, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	if err := b.Check(); err != nil {
		t.Errorf("Check of the backup: %v", err)
	}
	orig, _, _ := s.Summaries("", "", 0)
	copied, _, _ := b.Summaries("", "", 0)
	if len(orig) != 40 || len(copied) != len(orig) {
		t.Fatalf("backup holds %d sessions, original %d", len(copied), len(orig))
	}
	for i := range orig {
		if !reflect.DeepEqual(orig[i], copied[i]) {
			t.Fatalf("session %d differs in the backup", i)
		}
	}
	var n int
	b.EachSession(func(coach.Person, coach.Session) error { n++; return nil })
	if n != 40 {
		t.Errorf("EachSession on the backup: %d", n)
	}

	// Into a folder: a dated name is made.
	dir := t.TempDir()
	if err := s.Backup(dir); err != nil {
		t.Fatal(err)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "attend-*.db")); len(m) != 1 {
		t.Errorf("backup into a folder: %v", m)
	}
	// Never over the database itself.
	if err := s.Backup(path); err == nil {
		t.Error("Backup over the database itself was allowed")
	}
	if err := s.Check(); err != nil {
		t.Errorf("database after backups: %v", err)
	}
}

// TestDamagedPagePointer points a branch page of the sessions bucket past
// the end of the file: the header is intact and the size guard passes, so
// only the fault guard stands between bbolt and a crash.
func TestDamagedPagePointer(t *testing.T) {
	for _, c := range []struct {
		name string
		pgid func(h fileHeader) uint64
	}{
		{"past the end of the file", func(h fileHeader) uint64 { return uint64(h.size/h.pageSize) + 2 }},
		{"far outside the map", func(h fileHeader) uint64 { return 1 << 36 }},
		{"inside the file, wrong page", func(h fileHeader) uint64 { return 3 }},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := testPath(t)
			s := openTest(t, path)
			all := fill(t, s, []coach.Person{mustPerson(t, s, "Ann")}, 300)
			var root uint64
			db, _ := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
			db.View(func(tx *bbolt.Tx) error { root = uint64(tx.Bucket(bktSessions).Root()); return nil })
			db.Close()
			h, err := inspectFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, _ := os.OpenFile(path, os.O_RDWR, 0)
			page := make([]byte, h.pageSize)
			f.ReadAt(page, int64(root)*h.pageSize)
			if flags := binary.NativeEndian.Uint16(page[8:]); flags != 0x01 {
				t.Fatalf("sessions root page %d is not a branch page (flags %x)", root, flags)
			}
			// Every branch element's child pointer: pos(4) ksize(4) pgid(8).
			count := int(binary.NativeEndian.Uint16(page[10:]))
			for i := range count {
				binary.NativeEndian.PutUint64(page[pageHeaderSize+16*i+8:], c.pgid(h))
			}
			f.WriteAt(page, int64(root)*h.pageSize)
			f.Close()

			if _, err := s.Session(all[0].ID); !errors.Is(err, ErrCorrupt) {
				t.Errorf("Session: %v, want ErrCorrupt", err)
			}
			if err := s.EachSession(func(coach.Person, coach.Session) error { return nil }); !errors.Is(err, ErrCorrupt) {
				t.Errorf("EachSession: %v, want ErrCorrupt", err)
			}
			err = s.Check()
			if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "file structure") {
				t.Errorf("Check: %v, want ErrCorrupt naming the file structure", err)
			}
			// The parts that are sound still read.
			if people, err := s.People(); err != nil || len(people) != 1 {
				t.Errorf("People of a file damaged elsewhere: %v %v", people, err)
			}
		})
	}
}
