package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
	"attend/data"
)

// A damaged file: export refuses as before, check says to salvage and
// from then on every write is refused, and export --salvage writes every
// readable session to a new 0600 file that imports into a new database,
// names the one it could not read on stderr, exits 1, and changes nothing.
func TestSalvageADamagedFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "attend.db")
	st, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, _, _ := st.EnsurePerson("Siân Ŵyn")
	var ids []string
	for i, words := range []string{"Second hoist", "Night rota", "Training budget"} {
		s := coach.NewSession(p.ID, "en", time.Now())
		s.Date = coach.DateOf(time.Now()).AddDays(i - 10)
		s.SetAnswer("help.obstacle", coach.Answer{Text: words})
		saved, err := st.SaveSession(s)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, saved.ID)
	}
	st.Close()
	bdb, err := bbolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := bdb.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte("sessions"))
		v := bytes.Clone(b.Get([]byte(ids[1])))
		v[len(v)-3] ^= 0x40
		return b.Put([]byte(ids[1]), v)
	}); err != nil {
		t.Fatal(err)
	}
	bdb.Close()
	before, _ := os.ReadFile(db)

	if _, err := attend(t, "export", "--db", db); err == nil {
		t.Fatal("the plain export of a damaged file succeeded")
	}
	_, _, err = attendErr(t, "check", "--db", db)
	if err == nil || !strings.Contains(err.Error(), "attend export --salvage FILE") {
		t.Fatalf("check does not point to the salvage: %v", err)
	}
	if _, err := attend(t, "cadence", "--db", db, "Siân", "2m"); err == nil {
		t.Error("a write to a file check found damaged succeeded")
	}

	out := filepath.Join(dir, "salvage.json")
	stdout, stderr, err := attendErr(t, "export", "--db", db, "--salvage", out)
	if err == nil || exitCode(err) != 1 {
		t.Fatalf("salvage with a record lost: %v", err)
	}
	if stdout != "" || !strings.Contains(stderr, "session "+ids[1]+":") || !strings.Contains(stderr, "1 person and 2 sessions") {
		t.Errorf("salvage said %q on stderr (stdout %q)", stderr, stdout)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the salvage file: %v, %v", fi, err)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, before) {
		t.Fatal("the salvage changed the damaged file")
	}
	if _, _, err := attendErr(t, "export", "--db", db, "--salvage", out); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("a salvage over an existing file: %v", err)
	}

	fresh := filepath.Join(dir, "new.db")
	mustAttend(t, "import", "--db", fresh, out)
	md := mustAttend(t, "export", "--db", fresh, "--format", "md")
	for _, want := range []string{"Second hoist", "Training budget", "Siân Ŵyn"} {
		if !strings.Contains(md, want) {
			t.Errorf("the new database lacks %q", want)
		}
	}
	if strings.Contains(md, "Night rota") {
		t.Error("the damaged session came through")
	}
}

// Found in the second trial: a backup of a file check had found damaged
// said nothing of it, and that damaged copy, put back over the database,
// was written to. The backup now says what it is, and a file put back
// after check found damage waits for a clean check before any write.
func TestABackupOfADamagedFileSaysSoAndACopyPutBackWaitsForCheck(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "attend.db")
	st, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, _, _ := st.EnsurePerson("Siân Ŵyn")
	s := coach.NewSession(p.ID, "en", time.Now())
	s.SetAnswer("help.obstacle", coach.Answer{Text: "Second hoist"})
	saved, err := st.SaveSession(s)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	whole, _ := os.ReadFile(db)
	bdb, err := bbolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := bdb.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte("sessions"))
		v := bytes.Clone(b.Get([]byte(saved.ID)))
		v[len(v)-3] ^= 0x40
		return b.Put([]byte(saved.ID), v)
	}); err != nil {
		t.Fatal(err)
	}
	bdb.Close()
	if _, _, err := attendErr(t, "check", "--db", db); err == nil {
		t.Fatal("check found no damage")
	}

	backups := filepath.Join(dir, "backups") + string(os.PathSeparator)
	_, stderr, err := attendErr(t, "backup", "--db", db, backups)
	if err != nil || !strings.Contains(stderr, "damage and all") {
		t.Fatalf("a backup of a damaged file said %q (%v)", stderr, err)
	}
	entries, _ := os.ReadDir(backups)
	if len(entries) != 1 {
		t.Fatalf("backups: %v", entries)
	}
	copyOf, _ := os.ReadFile(filepath.Join(backups, entries[0].Name()))

	// The damaged backup put back: not written to.
	if err := os.WriteFile(db, copyOf, 0o600); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(db, time.Now(), time.Now().Add(time.Minute))
	_, _, err = attendErr(t, "cadence", "--db", db, "Siân", "2m")
	if err == nil || !strings.Contains(err.Error(), "has changed since") {
		t.Fatalf("a write to a damaged copy put back: %v", err)
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(after, copyOf) {
		t.Fatal("the damaged copy put back was written to")
	}
	// A sound one put back, checked once, is written to again.
	if err := os.WriteFile(db, whole, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := attendErr(t, "check", "--db", db); err != nil {
		t.Fatalf("check of the sound copy: %v", err)
	}
	if _, _, err := attendErr(t, "cadence", "--db", db, "Siân", "2m"); err != nil {
		t.Fatalf("a write after a clean check: %v", err)
	}
}
