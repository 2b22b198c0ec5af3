package data

import (
	"bytes"
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

// Tests derive keys at a tiny cost; TestUnlockTime and the benchmarks
// measure the real one.
var realKDF = DefaultKDF

func init() { DefaultKDF = KDFParams{Time: 1, MemoryKiB: 64, Threads: 1} }

var (
	testPass  = []byte("cyfrinair hir iawn 🔐")
	otherPass = []byte("a different passphrase")
)

// welsh is a fixture whose every name, note and action is distinctive
// Welsh text (with emoji), to look for in the raw bytes of the file.
type welsh struct {
	people   []coach.Person
	sessions []coach.Session
	texts    []string // every name, note and action text in it
}

func welshFixture(t testing.TB, s *Store) welsh {
	t.Helper()
	var w welsh
	names := []string{"Siân Ŵyn", "Gruffydd ap Llywelyn", "Angharad Fôn"}
	for i, name := range names {
		p := mustPerson(t, s, name)
		w.people = append(w.people, p)
		w.texts = append(w.texts, name)
		for j := range 2 {
			sess := coach.NewSession(p.ID, "cy", s.now())
			sess.Date = day(2026, time.Month(3+j), 10+i)
			notes := map[string]string{
				"checkin.head":          "Mae'r rota'n llawn bylchau ar nos Fawrth 😴 " + name,
				"understand.challenges": "Dau breswylydd newydd ag anghenion cymhleth iawn 🌧️ rhif " + string(rune('A'+i*2+j)),
				"needs.workload":        "Gormod o waith papur ar ôl yr arolygiad 📋",
			}
			for id, text := range notes {
				a := coach.Answer{Text: text}
				if id == "needs.workload" {
					a.Rating = 2
				}
				sess.SetAnswer(id, a)
				w.texts = append(w.texts, text)
			}
			action := "Trefnu hyfforddiant codi a chario i " + name + " 🏋️"
			sess.Actions = []coach.Action{{Text: action, Owner: coach.OwnerThem, Due: sess.Date.AddDays(14)}}
			w.texts = append(w.texts, action)
			saved, err := s.SaveSession(sess)
			if err != nil {
				t.Fatal(err)
			}
			w.sessions = append(w.sessions, saved)
		}
	}
	draft := coach.NewSession(w.people[0].ID, "cy", s.now())
	draft.SetAnswer("help.obstacle", coach.Answer{Text: "Drafft heb ei gadw: sgwrs am salwch hir 🤒"})
	if err := s.SaveDraft(draft); err != nil {
		t.Fatal(err)
	}
	w.texts = append(w.texts, "Drafft heb ei gadw: sgwrs am salwch hir 🤒")
	// Pieces a grep would try on its own: first names, single words.
	w.texts = append(w.texts, "Siân", "Gruffydd", "Angharad", "preswylydd", "hyfforddiant", "salwch")
	return w
}

// assertNoPlaintext fails for every text found in the file's raw bytes.
func assertNoPlaintext(t testing.TB, path string, texts []string) {
	t.Helper()
	raw := readFile(t, path)
	for _, text := range texts {
		if bytes.Contains(raw, []byte(text)) {
			t.Errorf("%s holds %q in plaintext", filepath.Base(path), text)
		}
	}
}

// assertAllPlaintext checks a fixture is greppable (so the test above means something).
func assertSomePlaintext(t testing.TB, path string, texts []string) {
	t.Helper()
	raw := readFile(t, path)
	for _, text := range texts {
		if bytes.Contains(raw, []byte(text)) {
			return
		}
	}
	t.Fatalf("the unencrypted fixture holds none of its texts in plaintext: the test proves nothing")
}

func openPass(t testing.TB, path string, pass []byte) *Store {
	t.Helper()
	s, err := Open(path, Options{Now: newClock().Now, LockTimeout: time.Second, Passphrase: pass})
	if err != nil {
		t.Fatalf("Open with passphrase: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// openEmptyStore makes a new database at path, encrypted with testPass or
// not, and opens it, for tests that run both ways.
func openEmptyStore(t testing.TB, path string, encrypted bool) *Store {
	t.Helper()
	if !encrypted {
		return openTest(t, path)
	}
	openTest(t, path).Close()
	if err := Encrypt(path, testPass); err != nil {
		t.Fatal(err)
	}
	return openPass(t, path, testPass)
}

// snapshot is everything a Store can read, to compare before and after.
type snapshot struct {
	people    []coach.Person
	sessions  []coach.Session
	summaries []coach.Summary
	drafts    map[string]time.Time
	draft     coach.Session
}

func takeSnapshot(t testing.TB, s *Store) snapshot {
	t.Helper()
	var snap snapshot
	var err error
	if snap.people, err = s.People(); err != nil {
		t.Fatalf("People: %v", err)
	}
	if err := s.EachSession(func(_ coach.Person, sess coach.Session) error {
		snap.sessions = append(snap.sessions, sess)
		return nil
	}); err != nil {
		t.Fatalf("EachSession: %v", err)
	}
	if snap.summaries, _, err = s.Summaries("", "", 0); err != nil {
		t.Fatalf("Summaries: %v", err)
	}
	if snap.drafts, err = s.Drafts(); err != nil {
		t.Fatalf("Drafts: %v", err)
	}
	for id := range snap.drafts {
		if snap.draft, _, err = s.Draft(id); err != nil {
			t.Fatalf("Draft: %v", err)
		}
	}
	return snap
}

func snapshotsEqual(t testing.TB, a, b snapshot) {
	t.Helper()
	if len(a.people) != len(b.people) || len(a.sessions) != len(b.sessions) || len(a.summaries) != len(b.summaries) || len(a.drafts) != len(b.drafts) {
		t.Fatalf("counts differ: %d/%d people, %d/%d sessions, %d/%d summaries, %d/%d drafts",
			len(a.people), len(b.people), len(a.sessions), len(b.sessions), len(a.summaries), len(b.summaries), len(a.drafts), len(b.drafts))
	}
	for i := range a.people {
		if a.people[i] != b.people[i] {
			t.Errorf("person %d: %+v != %+v", i, a.people[i], b.people[i])
		}
	}
	for i := range a.sessions {
		if !sessionsEqual(a.sessions[i], b.sessions[i]) {
			t.Errorf("session %d differs:\n%+v\n%+v", i, a.sessions[i], b.sessions[i])
		}
	}
	for i := range a.summaries {
		if !reflect.DeepEqual(a.summaries[i], b.summaries[i]) {
			t.Errorf("summary %d: %+v != %+v", i, a.summaries[i], b.summaries[i])
		}
	}
	if !sessionsEqual(a.draft, b.draft) {
		t.Errorf("draft differs")
	}
}

func TestEncryptSealsEverything(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	w := welshFixture(t, s)
	before := takeSnapshot(t, s)
	s.Close()
	assertSomePlaintext(t, path, w.texts)

	if err := Encrypt(path, testPass); err != nil {
		t.Fatalf("Encrypt: %v", err)
	}
	assertNoPlaintext(t, path, w.texts)
	// The new file is private, and nothing temporary is left beside it.
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("encrypted file: %v, %v", fi, err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("folder holds %v, want only the database", entries)
	}

	// Without the passphrase, or with a wrong one: a clear error, nothing changed.
	sealed := readFile(t, path)
	for _, ro := range []bool{false, true} {
		_, err := Open(path, Options{ReadOnly: ro})
		if !errors.Is(err, ErrNeedPassphrase) {
			t.Errorf("ReadOnly=%v, no passphrase: %v, want ErrNeedPassphrase", ro, err)
		}
		_, err = Open(path, Options{ReadOnly: ro, Passphrase: otherPass})
		if !errors.Is(err, ErrWrongPassphrase) {
			t.Fatalf("ReadOnly=%v, wrong passphrase: %v, want ErrWrongPassphrase", ro, err)
		}
		if want := "that passphrase does not open " + path + "; nothing was changed"; err.Error() != want {
			t.Errorf("message %q, want %q", err, want)
		}
	}
	assertUnchanged(t, path, sealed)

	// With it, every read gives what it gave before.
	s2 := openPass(t, path, testPass)
	if !s2.Encrypted() {
		t.Error("Encrypted() = false")
	}
	snapshotsEqual(t, before, takeSnapshot(t, s2))
	if got, err := s2.Session(w.sessions[3].ID[:10]); err != nil || !sessionsEqual(got, w.sessions[3]) {
		t.Errorf("Session by prefix: %v", err)
	}
	if p, found, err := s2.FindPerson("sian wyn"); err != nil || !found || p.ID != w.people[0].ID {
		t.Errorf("FindPerson: %+v %v %v", p, found, err)
	}
	if err := s2.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}

	// New writes are sealed too.
	sess := coach.NewSession(w.people[1].ID, "cy", s2.now())
	sess.SetAnswer("empathise.feeling", coach.Answer{Text: "Teimlo'n unig yn y gwaith ers y newid 💔"})
	if _, err := s2.SaveSession(sess); err != nil {
		t.Fatal(err)
	}
	p, _, err := s2.EnsurePerson("Ffion Llŷr")
	if err != nil {
		t.Fatal(err)
	}
	if err := s2.SaveDraft(coach.NewSession(p.ID, "en", s2.now())); err != nil {
		t.Fatal(err)
	}
	assertNoPlaintext(t, path, []string{"Teimlo'n unig yn y gwaith", "Ffion", "Llŷr"})
	if err := s2.Check(); err != nil {
		t.Errorf("Check after writes: %v", err)
	}

	// Turning it on twice is refused, and changes nothing.
	sealed = readFile(t, path)
	if err := Encrypt(path, otherPass); !errors.Is(err, ErrAlreadyEncrypted) {
		t.Errorf("Encrypt twice: %v", err)
	}
	if err := Encrypt(path, nil); !errors.Is(err, ErrInvalid) {
		t.Errorf("Encrypt with an empty passphrase: %v", err)
	}
	assertUnchanged(t, path, sealed)
}

func TestChangePassphrase(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	w := welshFixture(t, s)
	s.Close()
	if err := Encrypt(path, testPass); err != nil {
		t.Fatal(err)
	}
	running := openPass(t, path, testPass) // another attend, open all along

	before := readFile(t, path)
	if err := ChangePassphrase(path, otherPass, []byte("whatever it is")); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("ChangePassphrase with a wrong old one: %v", err)
	}
	assertUnchanged(t, path, before)

	newPass := []byte("tri gair newydd 🌱")
	if err := ChangePassphrase(path, testPass, newPass); err != nil {
		t.Fatalf("ChangePassphrase: %v", err)
	}
	if _, err := Open(path, Options{Passphrase: testPass}); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("the old passphrase still opens it: %v", err)
	}
	s2 := openPass(t, path, newPass)
	if got, err := s2.People(); err != nil || len(got) != len(w.people) {
		t.Errorf("People with the new passphrase: %d, %v", len(got), err)
	}
	if err := s2.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
	assertNoPlaintext(t, path, w.texts)

	// The attend that was open all along carries on (same data key), and
	// its idle lock now wants the new passphrase.
	if _, err := running.SaveSession(coach.NewSession(w.people[0].ID, "en", running.now())); err != nil {
		t.Errorf("a running Store after the change: %v", err)
	}
	if running.VerifyPassphrase(testPass) || !running.VerifyPassphrase(newPass) {
		t.Error("VerifyPassphrase does not follow the change")
	}

	// An unencrypted file has no passphrase to change.
	plain := testPath(t)
	openTest(t, plain).Close()
	if err := ChangePassphrase(plain, nil, newPass); !errors.Is(err, ErrNotEncrypted) {
		t.Errorf("ChangePassphrase of an unencrypted file: %v", err)
	}
}

func TestVerifyPassphrase(t *testing.T) {
	path := testPath(t)
	plain := openTest(t, path)
	mustPerson(t, plain, "Ann")
	if plain.Encrypted() || plain.VerifyPassphrase(testPass) {
		t.Error("an unencrypted Store claims a passphrase")
	}
	plain.Close()
	if err := Encrypt(path, testPass); err != nil {
		t.Fatal(err)
	}
	s := openPass(t, path, testPass)
	for _, c := range []struct {
		p    []byte
		want bool
	}{{testPass, true}, {otherPass, false}, {nil, false}, {testPass[:len(testPass)-1], false}, {append(bytes.Clone(testPass), 'x'), false}} {
		if got := s.VerifyPassphrase(c.p); got != c.want {
			t.Errorf("VerifyPassphrase(%q) = %v", c.p, got)
		}
	}
}

// sealedValue reads a raw value from an encrypted file behind the store's back.
func rawValue(t testing.TB, path string, bucket, key []byte) []byte {
	t.Helper()
	var out []byte
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bbolt.Tx) error {
		out = bytes.Clone(tx.Bucket(bucket).Get(key))
		if plainSums(tx) && out != nil {
			out, _ = checkSum(sumStart(bucket), key, out)
		}
		return nil
	})
	return out
}

func TestTamperedCiphertext(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	w := welshFixture(t, s)
	s.Close()
	if err := Encrypt(path, testPass); err != nil {
		t.Fatal(err)
	}
	target, other := w.sessions[2].ID, w.sessions[4].ID
	orig := rawValue(t, path, bktSessions, []byte(target))

	for _, c := range []struct {
		name  string
		value func() []byte
	}{
		{"a flipped ciphertext byte", func() []byte { v := bytes.Clone(orig); v[len(v)/2] ^= 0x01; return v }},
		{"a flipped nonce byte", func() []byte { v := bytes.Clone(orig); v[3] ^= 0x80; return v }},
		{"a flipped tag byte", func() []byte { v := bytes.Clone(orig); v[len(v)-1] ^= 0xff; return v }},
		{"cut short", func() []byte { return orig[:len(orig)-5] }},
		{"plaintext JSON", func() []byte { return []byte(`{"v":1,"id":"` + target + `"}`) }},
		{"another record's value", func() []byte { return rawValue(t, path, bktSessions, []byte(other)) }},
		{"empty", func() []byte { return []byte{} }},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := c.value()
			rawUpdate(t, path, func(tx *bbolt.Tx) error { return tx.Bucket(bktSessions).Put([]byte(target), v) })
			defer func() {
				rawUpdate(t, path, func(tx *bbolt.Tx) error { return tx.Bucket(bktSessions).Put([]byte(target), orig) })
				os.Remove(DamageMark(path)) // mended: as a clean check would, so the next case may open it
			}()
			s := openPass(t, path, testPass)
			_, err := s.Session(target)
			if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "session "+target) {
				t.Errorf("Session: %v, want ErrCorrupt naming session %s", err, target)
			}
			err = s.EachSession(func(coach.Person, coach.Session) error { return nil })
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("EachSession: %v, want ErrCorrupt", err)
			}
			err = s.Check()
			if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "sessions/"+target) {
				t.Errorf("Check: %v, want a fault naming sessions/%s", err, target)
			}
			// The rest still reads.
			if _, err := s.Session(other); err != nil {
				t.Errorf("another session: %v", err)
			}
			if _, err := s.People(); err != nil {
				t.Errorf("People: %v", err)
			}
		})
	}

	// A damaged person record, and a summary: named, never a panic.
	pid := []byte(w.people[1].ID)
	v := rawValue(t, path, bktPeople, pid)
	v[len(v)-3] ^= 0x10
	rawUpdate(t, path, func(tx *bbolt.Tx) error { return tx.Bucket(bktPeople).Put(pid, v) })
	s2 := openPass(t, path, testPass)
	if _, err := s2.People(); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "person "+string(pid)) {
		t.Errorf("People with a damaged person: %v", err)
	}
}

func TestStoreNoticesEncryptionChanges(t *testing.T) {
	path := testPath(t)
	plain := openTest(t, path)
	p := mustPerson(t, plain, "Siân Ŵyn")
	if err := Encrypt(path, testPass); err != nil {
		t.Fatal(err)
	}
	// The Store opened before encryption must not write plaintext into it.
	before := readFile(t, path)
	d := coach.NewSession(p.ID, "en", time.Now())
	d.SetAnswer("checkin.head", coach.Answer{Text: "plaintext that must never land"})
	if err := plain.SaveDraft(d); !errors.Is(err, ErrNeedPassphrase) {
		t.Fatalf("SaveDraft by a Store opened before encryption: %v, want ErrNeedPassphrase", err)
	}
	if _, err := plain.People(); !errors.Is(err, ErrNeedPassphrase) {
		t.Errorf("People: %v", err)
	}
	assertUnchanged(t, path, before)

	// An encrypted Store whose file is swapped for an unencrypted copy, or
	// for a file under another key, stops too.
	enc := openPass(t, path, testPass)
	other := testPath(t)
	openTest(t, other).Close()
	swap := func(src string) {
		raw := readFile(t, src)
		if err := os.WriteFile(path, raw, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	swap(other)
	if err := enc.SaveDraft(d); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "no longer encrypted") {
		t.Errorf("after a swap to plaintext: %v", err)
	}
	if err := Encrypt(other, testPass); err != nil {
		t.Fatal(err)
	}
	swap(other)
	if err := enc.SaveDraft(d); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "another key") {
		t.Errorf("after a swap to another key: %v", err)
	}
}

func TestEncryptedBackups(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	w := welshFixture(t, s)
	s.Close()
	if err := Encrypt(path, testPass); err != nil {
		t.Fatal(err)
	}
	enc := openPass(t, path, testPass)
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	if err := enc.Backup(copyPath); err != nil {
		t.Fatal(err)
	}
	assertNoPlaintext(t, copyPath, w.texts)
	if _, err := Open(copyPath, Options{}); !errors.Is(err, ErrNeedPassphrase) {
		t.Errorf("the backup opens without a passphrase: %v", err)
	}
	c := openPass(t, copyPath, testPass)
	if got, err := c.People(); err != nil || len(got) != len(w.people) {
		t.Errorf("backup People: %d %v", len(got), err)
	}

	// The copy taken by itself before a migration is the file as it
	// stands: sealed.
	enc.Close()
	schemaTarget = SchemaVersion + 1
	migrations[SchemaVersion] = func(*bbolt.Tx, *Store) error { return nil }
	defer func() { schemaTarget = SchemaVersion; delete(migrations, SchemaVersion) }()
	m, err := Open(path, Options{Passphrase: testPass})
	if err != nil {
		t.Fatal(err)
	}
	m.Close()
	baks, _ := filepath.Glob(path + ".bak-*")
	if len(baks) != 1 {
		t.Fatalf("pre-migration backups: %v", baks)
	}
	assertNoPlaintext(t, baks[0], w.texts)
}

func TestUnlockTime(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("measures the real key derivation (not under -short or -race)")
	}
	// The real cost: unlocking should take roughly 0.2 to 0.5 s here, so
	// guessing passphrases offline is slow. Race builds run Argon2 slower.
	m, err := wrapKey(randomBytes(keyLen), "00112233445566778899aabbccddeeff", testPass, realKDF, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := unwrapKey(m, testPass); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	t.Logf("unlock with %+v took %v", realKDF, took)
	if took > 10*time.Second {
		t.Errorf("unlocking took %v", took)
	}
}
