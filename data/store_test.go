package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

func TestOpenCreatesPrivateFileAndFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "attend")
	path := filepath.Join(dir, "attend.db")
	s := openTest(t, path)
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}
	di, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if di.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", di.Mode().Perm())
	}
	// No temporary file is left behind.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only attend.db: %v", len(entries), entries)
	}
	// The meta says what the file is.
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bbolt.Tx) error {
		m := tx.Bucket(bktMeta)
		if string(m.Get(metaApp)) != "attend" || string(m.Get(metaSchema)) != fmt.Sprint(SchemaVersion) || len(m.Get(metaCreated)) == 0 {
			t.Errorf("meta app=%q schema=%q created=%q", m.Get(metaApp), m.Get(metaSchema), m.Get(metaCreated))
		}
		for _, b := range allBuckets {
			if tx.Bucket(b) == nil {
				t.Errorf("bucket %s missing", b)
			}
		}
		return nil
	})
}

func TestDefaultPath(t *testing.T) {
	home := filepath.Join(t.TempDir(), "share")
	p, err := DefaultPath(home)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(home, "attend", "attend.db"); p != want {
		t.Errorf("DefaultPath() = %q, want %q", p, want)
	}
	fi, err := os.Stat(filepath.Dir(p))
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("folder: %v, %v; want 0700", fi, err)
	}
	if _, err := DefaultPath(""); err == nil {
		t.Error("no data home: no error")
	}
}

func TestNewerSchemaRefusedAndUntouched(t *testing.T) {
	path := testPath(t)
	openTest(t, path).Close()
	rawUpdate(t, path, func(tx *bbolt.Tx) error { return tx.Bucket(bktMeta).Put(metaSchema, []byte("99")) })
	before := readFile(t, path)
	for _, ro := range []bool{false, true} {
		_, err := Open(path, Options{ReadOnly: ro})
		if !errors.Is(err, ErrNewerSchema) {
			t.Fatalf("ReadOnly=%v: err = %v, want ErrNewerSchema", ro, err)
		}
		var ve *VersionError
		if !errors.As(err, &ve) || ve.Found != 99 || ve.Supported != SchemaVersion {
			t.Errorf("VersionError = %+v", ve)
		}
		if !strings.Contains(err.Error(), "update attend") {
			t.Errorf("message does not say what to do: %v", err)
		}
	}
	assertUnchanged(t, path, before)
}

func TestNewerSchemaWhileRunning(t *testing.T) {
	// A newer attend upgrades the file while this one is open: this one
	// must stop writing, not scribble on the new layout.
	path := testPath(t)
	s := openTest(t, path)
	p := mustPerson(t, s, "Ann")
	rawUpdate(t, path, func(tx *bbolt.Tx) error { return tx.Bucket(bktMeta).Put(metaSchema, fmt.Append(nil, SchemaVersion+1)) })
	before := readFile(t, path)
	if err := s.SaveDraft(coach.NewSession(p.ID, "en", time.Now())); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("SaveDraft: %v, want ErrNewerSchema", err)
	}
	if _, err := s.People(); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("People: %v, want ErrNewerSchema", err)
	}
	assertUnchanged(t, path, before)
}

func TestNotAttendRefusedAndUntouched(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte(strings.Repeat("Dear diary, today was long.\n", 500)), 0o600)

	other := filepath.Join(dir, "other.db")
	rawUpdate(t, other, func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucket([]byte("widgets"))
		if err != nil {
			return err
		}
		return b.Put([]byte("k"), []byte("v"))
	})
	// A bbolt file with a meta bucket that is someone else's.
	lookalike := filepath.Join(dir, "lookalike.db")
	rawUpdate(t, lookalike, func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucket(bktMeta)
		if err != nil {
			return err
		}
		return b.Put(metaApp, []byte("something-else"))
	})

	for _, path := range []string{text, other, lookalike} {
		before := readFile(t, path)
		for _, ro := range []bool{false, true} {
			_, err := Open(path, Options{ReadOnly: ro, LockTimeout: 300 * time.Millisecond})
			if !errors.Is(err, ErrNotAttend) {
				t.Errorf("%s ReadOnly=%v: %v, want ErrNotAttend", filepath.Base(path), ro, err)
			} else if !strings.Contains(err.Error(), "ATTEND_DB") {
				t.Errorf("message does not say what to check: %v", err)
			}
		}
		assertUnchanged(t, path, before)
	}
}

func TestEmptyFileRefusedAndUntouched(t *testing.T) {
	path := testPath(t)
	os.WriteFile(path, nil, 0o600)
	for _, ro := range []bool{false, true} {
		_, err := Open(path, Options{ReadOnly: ro})
		if !errors.Is(err, ErrEmptyFile) {
			t.Errorf("ReadOnly=%v: %v, want ErrEmptyFile", ro, err)
		}
	}
	if fi, _ := os.Stat(path); fi.Size() != 0 {
		t.Fatalf("empty file now has %d bytes", fi.Size())
	}

	// Emptied while attend is running: writes refuse too, and never
	// initialise it.
	path2 := testPath(t)
	s := openTest(t, path2)
	p := mustPerson(t, s, "Ann")
	os.Truncate(path2, 0)
	if err := s.SaveDraft(coach.NewSession(p.ID, "en", time.Now())); !errors.Is(err, ErrEmptyFile) {
		t.Errorf("SaveDraft on emptied file: %v, want ErrEmptyFile", err)
	}
	if _, _, err := s.EnsurePerson("Bob"); !errors.Is(err, ErrEmptyFile) {
		t.Errorf("EnsurePerson on emptied file: %v, want ErrEmptyFile", err)
	}
	if fi, _ := os.Stat(path2); fi.Size() != 0 {
		t.Fatalf("emptied file now has %d bytes", fi.Size())
	}
}

func TestMissingFile(t *testing.T) {
	path := testPath(t)
	_, err := Open(path, Options{ReadOnly: true})
	if !errors.Is(err, ErrNoDatabase) || !strings.Contains(err.Error(), "no database at") {
		t.Fatalf("read-only open of a missing file: %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a read-only open created the file")
	}
	// Deleted while running: a write must not quietly start a new file.
	s := openTest(t, path)
	p := mustPerson(t, s, "Ann")
	os.Remove(path)
	if err := s.SaveDraft(coach.NewSession(p.ID, "en", time.Now())); !errors.Is(err, ErrNoDatabase) {
		t.Fatalf("SaveDraft after delete: %v, want ErrNoDatabase", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a write after delete created a new file")
	}
}

func TestTruncatedFile(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	people := []coach.Person{mustPerson(t, s, "Ann"), mustPerson(t, s, "Siân Ŵyn")}
	fill(t, s, people, 300)
	h, err := inspectFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, h.used-3*h.pageSize); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)

	// The open Store: reads, writes, Check, Backup all say "damaged", none crash.
	if _, err := s.People(); !errors.Is(err, ErrCorrupt) {
		t.Errorf("People: %v, want ErrCorrupt", err)
	}
	if _, _, err := s.Summaries("", "", 10); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Summaries: %v, want ErrCorrupt", err)
	}
	if _, _, err := s.EnsurePerson("Bob"); !errors.Is(err, ErrCorrupt) {
		t.Errorf("EnsurePerson: %v, want ErrCorrupt", err)
	}
	if err := s.Check(); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "attend check") {
		t.Errorf("Check: %v, want ErrCorrupt suggesting attend check", err)
	}
	if err := s.Backup(filepath.Join(t.TempDir(), "b.db")); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Backup: %v, want ErrCorrupt", err)
	}
	// A fresh open refuses it too.
	for _, ro := range []bool{false, true} {
		if _, err := Open(path, Options{ReadOnly: ro}); !errors.Is(err, ErrCorrupt) {
			t.Errorf("Open ReadOnly=%v: %v, want ErrCorrupt", ro, err)
		}
	}
	assertUnchanged(t, path, before)

	// Cut to less than the two header pages.
	os.Truncate(path, 100)
	if _, err := Open(path, Options{}); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Open of a 100-byte stub: %v, want ErrCorrupt", err)
	}
}

func TestDamagedHeaderPages(t *testing.T) {
	path := testPath(t)
	openTest(t, path).Close()
	b := readFile(t, path)
	h, _ := inspectFile(path)
	// Break the checksum of both meta pages, leaving their magic.
	b[pageHeaderSize+20] ^= 0xFF
	b[h.pageSize+pageHeaderSize+20] ^= 0xFF
	os.WriteFile(path, b, 0o600)
	for _, ro := range []bool{false, true} {
		if _, err := Open(path, Options{ReadOnly: ro}); !errors.Is(err, ErrCorrupt) {
			t.Errorf("ReadOnly=%v: %v, want ErrCorrupt", ro, err)
		}
	}
	assertUnchanged(t, path, b)
}

func TestLockTimeout(t *testing.T) {
	path := testPath(t)
	s, err := Open(path, Options{LockTimeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := mustPerson(t, s, "Ann")

	holder, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	err = s.SaveDraft(coach.NewSession(p.ID, "en", time.Now()))
	took := time.Since(start)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("SaveDraft while locked: %v, want ErrLocked", err)
	}
	if took > 800*time.Millisecond {
		t.Errorf("gave up after %v, want about 300ms", took)
	}
	if !strings.Contains(err.Error(), "close the other attend window") {
		t.Errorf("message does not say what to do: %v", err)
	}
	if _, err := s.People(); !errors.Is(err, ErrLocked) {
		t.Errorf("People while locked: %v, want ErrLocked", err)
	}
	if _, err := Open(path, Options{LockTimeout: 300 * time.Millisecond}); !errors.Is(err, ErrLocked) {
		t.Errorf("Open while locked: %v, want ErrLocked", err)
	}
	holder.Close()

	// A reader elsewhere (shared lock, as `attend export`): reads go on,
	// a write gives up in about LockTimeout.
	reader, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.People(); err != nil {
		t.Errorf("People beside a reader: %v", err)
	}
	start = time.Now()
	if _, _, err := s.EnsurePerson("Bob"); !errors.Is(err, ErrLocked) {
		t.Errorf("EnsurePerson beside a reader: %v, want ErrLocked", err)
	}
	if took := time.Since(start); took > 800*time.Millisecond {
		t.Errorf("gave up after %v, want about 300ms", took)
	}
	reader.Close()

	// Let go, and the same Store carries on.
	if err := s.SaveDraft(coach.NewSession(p.ID, "en", time.Now())); err != nil {
		t.Fatalf("SaveDraft after release: %v", err)
	}
}

func TestTwoStoresShareTheFile(t *testing.T) {
	path := testPath(t)
	a := openTest(t, path)
	b := openTest(t, path)
	pa := mustPerson(t, a, "Ann")
	pb := mustPerson(t, b, "Bryn")

	// Two windows prepping different people, autosaving at once.
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for _, w := range []struct {
		s *Store
		p coach.Person
	}{{a, pa}, {b, pb}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sess := prep(w.s, w.p, day(2026, 11, 20), "typing")
			for i := range 20 {
				sess.Updated = sess.Updated.Add(time.Second)
				sess.SetAnswer("checkin.head", coach.Answer{Text: strings.Repeat("x", i+1)})
				if err := w.s.SaveDraft(sess); err != nil {
					errs <- err
				}
			}
			if _, err := w.s.SaveSession(sess); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, s := range []*Store{a, b} {
		sums, _, err := s.Summaries("", "", 0)
		if err != nil || len(sums) != 2 {
			t.Errorf("each store sees both sessions: %d, %v", len(sums), err)
		}
		people, _ := s.People()
		if len(people) != 2 {
			t.Errorf("each store sees both people: %v", people)
		}
	}
	// EnsurePerson from both for the same new name makes one person.
	var ids [2]string
	wg.Add(2)
	for i, s := range []*Store{a, b} {
		go func() {
			defer wg.Done()
			p, _, err := s.EnsurePerson("Carys")
			if err != nil {
				t.Error(err)
			}
			ids[i] = p.ID
		}()
	}
	wg.Wait()
	if ids[0] != ids[1] {
		t.Errorf("two people made for one name: %v", ids)
	}
}

func TestCloseWaitsThenRefuses(t *testing.T) {
	s := openTest(t, testPath(t))
	p := mustPerson(t, s, "Ann")
	var wg sync.WaitGroup
	var mu sync.Mutex
	saved := map[string]bool{}
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := s.SaveSession(prep(s, p, day(2026, 1, 1), "x"))
			if err == nil {
				mu.Lock()
				saved[out.ID] = true
				mu.Unlock()
			} else if !errors.Is(err, ErrClosed) {
				t.Errorf("SaveSession: %v", err)
			}
		}()
	}
	time.Sleep(time.Millisecond)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	if _, err := s.People(); !errors.Is(err, ErrClosed) {
		t.Errorf("People after Close: %v", err)
	}
	if err := s.SaveDraft(coach.Session{}); err == nil {
		t.Errorf("SaveDraft after Close succeeded")
	}
	// Every save that reported success is on disk.
	s2 := openTest(t, s.Path())
	sums, _, err := s2.Summaries("", "", 0)
	if err != nil || len(sums) != len(saved) {
		t.Fatalf("%d sessions on disk, %d reported saved (%v)", len(sums), len(saved), err)
	}
}

func TestReadOnlyStore(t *testing.T) {
	path := testPath(t)
	w := openTest(t, path)
	p := mustPerson(t, w, "Ann")
	w.SaveSession(prep(w, p, day(2026, 3, 1), "x"))
	before := readFile(t, path)

	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if people, err := r.People(); err != nil || len(people) != 1 {
		t.Errorf("People: %v, %v", people, err)
	}
	if _, _, err := r.EnsurePerson("Bob"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("EnsurePerson on read-only: %v", err)
	}
	assertUnchanged(t, path, before)
	// A reader does not block a writer for longer than its read.
	if _, _, err := w.EnsurePerson("Bob"); err != nil {
		t.Errorf("writer next to a reader: %v", err)
	}
}

func TestPermissionDenied(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores file permissions")
	}
	path := testPath(t)
	s := openTest(t, path)
	os.Chmod(path, 0o400)
	_, _, err := s.EnsurePerson("Ann")
	if !errors.Is(err, ErrPermission) || !strings.Contains(err.Error(), path) {
		t.Errorf("write to read-only file: %v", err)
	}
	if _, err := s.People(); err != nil {
		t.Errorf("reading a read-only file: %v", err)
	}

	// An unreadable file.
	os.Chmod(path, 0)
	if _, err := Open(path, Options{}); !errors.Is(err, ErrPermission) || !strings.Contains(err.Error(), "cannot read "+path) {
		t.Errorf("Open of an unreadable file: %v", err)
	}

	// A new database in a read-only folder.
	dir := filepath.Join(t.TempDir(), "locked")
	os.Mkdir(dir, 0o500)
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	_, err = Open(filepath.Join(dir, "attend.db"), Options{})
	if !errors.Is(err, ErrPermission) || !strings.Contains(err.Error(), dir) {
		t.Errorf("Open in a read-only folder: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files left in a read-only folder: %v", entries)
	}
}

func TestMigration(t *testing.T) {
	path := testPath(t)
	openTest(t, path).Close()
	before := readFile(t, path)

	oldTarget, oldMigrations := schemaTarget, migrations
	t.Cleanup(func() { schemaTarget, migrations = oldTarget, oldMigrations })
	from := SchemaVersion
	schemaTarget = from + 1
	bak := fmt.Sprintf("%s.bak-v%d-*", path, from)

	// A failing migration is undone entirely.
	migrations = map[int]func(*bbolt.Tx, *Store) error{from: func(tx *bbolt.Tx, _ *Store) error {
		tx.Bucket(bktMeta).Put([]byte("half"), []byte("done"))
		return errors.New("boom")
	}}
	if _, err := Open(path, Options{}); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("failing migration: %v", err)
	}
	assertUnchanged(t, path, before)
	baks, _ := filepath.Glob(bak)
	if len(baks) != 1 {
		t.Fatalf("backups before the failed migration: %v", baks)
	}
	os.Remove(baks[0])

	// A read-only open cannot upgrade, and says so.
	if _, err := Open(path, Options{ReadOnly: true}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only open of an old file: %v", err)
	}

	migrations = map[int]func(*bbolt.Tx, *Store) error{from: func(tx *bbolt.Tx, _ *Store) error {
		return tx.Bucket(bktMeta).Put([]byte("migrated"), []byte("yes"))
	}}
	s := openTest(t, path)
	if _, err := s.People(); err != nil {
		t.Fatal(err)
	}
	baks, _ = filepath.Glob(bak)
	if len(baks) != 1 {
		t.Fatalf("want one backup beside the file, got %v", baks)
	}
	if fi, _ := os.Stat(baks[0]); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", fi.Mode().Perm())
	}
	db, _ := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	db.View(func(tx *bbolt.Tx) error {
		m := tx.Bucket(bktMeta)
		if string(m.Get(metaSchema)) != fmt.Sprint(from+1) || string(m.Get([]byte("migrated"))) != "yes" {
			t.Errorf("after migration: schema=%q migrated=%q", m.Get(metaSchema), m.Get([]byte("migrated")))
		}
		return nil
	})
	db.Close()
	// The backup is the file as it was: the old schema, no migration mark.
	db, _ = bbolt.Open(baks[0], 0o600, &bbolt.Options{ReadOnly: true})
	db.View(func(tx *bbolt.Tx) error {
		m := tx.Bucket(bktMeta)
		if string(m.Get(metaSchema)) != fmt.Sprint(from) || m.Get([]byte("migrated")) != nil {
			t.Errorf("backup: schema=%q migrated=%q", m.Get(metaSchema), m.Get([]byte("migrated")))
		}
		return nil
	})
	db.Close()
}

func TestConcurrentFirstOpen(t *testing.T) {
	// Two attends started at once on a machine with no database yet must
	// end up sharing one file, neither replacing the other's.
	path := filepath.Join(t.TempDir(), "fresh", "attend.db")
	const n = 6
	stores := make([]*Store, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(path, Options{})
			if err != nil {
				t.Error(err)
				return
			}
			stores[i] = s
			if _, _, err := s.EnsurePerson(string(rune('A' + i))); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	people, err := stores[0].People()
	if err != nil || len(people) != n {
		t.Fatalf("%d people after %d concurrent first opens (%v)", len(people), n, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// A write skips the read-only check of the file only while the file is as
// its own last write left it. Here another program's bbolt file (one that
// does not keep its free-page list, which a read-write open would write
// back) takes its place, in the same inode, between two saves: the second
// save checks it read-only, refuses it, and leaves its bytes alone.
func TestWriteChecksAFileChangedSinceItsLastWrite(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	p := mustPerson(t, s, "Ann")
	if err := s.SaveDraft(coach.NewSession(p.ID, "en", time.Now())); err != nil {
		t.Fatal(err)
	}

	other := filepath.Join(t.TempDir(), "other.db")
	db, err := bbolt.Open(other, 0o600, &bbolt.Options{NoFreelistSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucket([]byte("theirs"))
		if err != nil {
			return err
		}
		return b.Put([]byte("k"), []byte("v"))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	theirs, err := os.ReadFile(other)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(theirs); err != nil {
		t.Fatal(err)
	}
	f.Close()

	if err := s.SaveDraft(coach.NewSession(p.ID, "en", time.Now())); !errors.Is(err, ErrNotAttend) {
		t.Errorf("SaveDraft into another program's file: %v, want ErrNotAttend", err)
	}
	assertUnchanged(t, path, theirs)
}

// With no Guide, a session in a language attend has no prompts for is
// summarised with GuideLang's prompts, loaded only then; English without
// it, or for a GuideLang that has none either.
func TestGuideLangStandsIn(t *testing.T) {
	for _, c := range []struct{ lang, want string }{{"cy", "cy"}, {"", "en"}, {"fr", "en"}} {
		s, err := Open(filepath.Join(t.TempDir(), "a.db"), Options{GuideLang: c.lang})
		if err != nil {
			t.Fatal(err)
		}
		if s.opt.Guide != nil {
			t.Errorf("%q: prompts parsed at open", c.lang)
		}
		if got := s.guide("xx").Lang; got != c.want {
			t.Errorf("GuideLang %q: a session in xx is summarised in %q, want %q", c.lang, got, c.want)
		}
		s.Close()
	}
}
