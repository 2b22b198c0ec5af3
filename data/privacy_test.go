package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// exportJSON exports the whole store as attend export does.
func exportJSON(t testing.TB, s *Store) []byte {
	t.Helper()
	people, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	ew := coach.NewExportWriter(&buf, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), people)
	if err := s.EachSession(func(p coach.Person, sess coach.Session) error {
		return ew.Session(coach.ExportSessionOf(s.guide(sess.Lang), p, sess))
	}); err != nil {
		t.Fatal(err)
	}
	if err := ew.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func parseImport(t testing.TB, raw []byte) *coach.ImportDoc {
	t.Helper()
	doc, err := coach.ParseImport(raw)
	if err != nil {
		t.Fatalf("ParseImport: %v", err)
	}
	return doc
}

// exportDoc is an export read back as plain JSON, to compare two exports.
type exportDoc struct {
	Format   string                `json:"format"`
	Version  int                   `json:"version"`
	People   []coach.ExportPerson  `json:"people"`
	Sessions []coach.ExportSession `json:"sessions"`
}

func decodeExport(t testing.TB, raw []byte) exportDoc {
	t.Helper()
	var d exportDoc
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	return d
}

func TestImportRoundTrip(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		t.Run(fmt.Sprintf("encrypted=%v", encrypted), func(t *testing.T) {
			src := openTest(t, testPath(t))
			welshFixture(t, src)
			// An answer to a prompt this attend does not know, and one
			// whose person changed cadence, survive too.
			ps, _ := src.People()
			sess := coach.NewSession(ps[0].ID, "en", src.now())
			sess.SetAnswer("future.prompt", coach.Answer{Text: "from a newer prompt set", Rating: 3})
			sess.SetAnswer("close.next", coach.Answer{Date: day(2027, 2, 24)})
			if _, err := src.SaveSession(sess); err != nil {
				t.Fatal(err)
			}
			first := exportJSON(t, src)

			path := testPath(t)
			dst := openEmptyStore(t, path, encrypted)
			start := time.Now()
			res, err := dst.Import(parseImport(t, first))
			if err != nil {
				t.Fatalf("Import: %v", err)
			}
			t.Logf("imported %+v in %v", res, time.Since(start))
			if res.PeopleAdded != 3 || res.SessionsAdded != 7 || res.SessionsReplaced+res.SessionsUnchanged+res.PeopleMatched+res.PeopleMerged != 0 {
				t.Errorf("result %+v", res)
			}
			second := exportJSON(t, dst)
			a, b := decodeExport(t, first), decodeExport(t, second)
			ja, _ := json.MarshalIndent(a, "", " ")
			jb, _ := json.MarshalIndent(b, "", " ")
			if !bytes.Equal(ja, jb) {
				t.Errorf("export → import → export differs:\n%s\n---\n%s", ja, jb)
			}
			if err := dst.Check(); err != nil {
				t.Errorf("Check after import: %v", err)
			}
			if encrypted {
				assertNoPlaintext(t, path, []string{"Siân", "preswylydd", "from a newer prompt set"})
			}
		})
	}
}

func TestImportTwiceChangesNothing(t *testing.T) {
	src := openTest(t, testPath(t))
	welshFixture(t, src)
	raw := exportJSON(t, src)

	path := testPath(t)
	dst := openTest(t, path)
	if _, err := dst.Import(parseImport(t, raw)); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)
	snap := takeSnapshot(t, dst)
	res, err := dst.Import(parseImport(t, raw))
	if err != nil {
		t.Fatal(err)
	}
	if res.Changed() || res.PeopleMatched != 3 || res.SessionsUnchanged != 6 {
		t.Errorf("second import: %+v", res)
	}
	assertUnchanged(t, path, before)
	snapshotsEqual(t, snap, takeSnapshot(t, dst))

	// Importing an export back into the database it came from changes nothing either.
	srcBefore := readFile(t, src.Path())
	if res, err := src.Import(parseImport(t, raw)); err != nil || res.Changed() {
		t.Errorf("import into its own source: %+v %v", res, err)
	}
	assertUnchanged(t, src.Path(), srcBefore)
}

func TestImportMergesAndReplaces(t *testing.T) {
	src := openTest(t, testPath(t))
	w := welshFixture(t, src)
	raw := exportJSON(t, src)

	// The destination already knows Siân (another id, the name typed
	// without accents) and holds an older version of one session.
	path := testPath(t)
	dst := openTest(t, path)
	sian := mustPerson(t, dst, "sian wyn")
	older := w.sessions[1].Clone()
	older.SetAnswer("checkin.head", coach.Answer{Text: "hen fersiwn"})
	older.Updated = older.Updated.Add(-time.Hour)
	older.PersonID = sian.ID
	doc := parseImport(t, raw)
	// Write the older version straight in, as an earlier import would have.
	if err := dst.update(func(_ *bbolt.Tx, b txBuckets) error {
		return dst.saveSessionTx(b, dst.guide("cy"), older)
	}); err != nil {
		t.Fatal(err)
	}
	// And a newer version of another, which the import must not overwrite.
	newer := w.sessions[0].Clone()
	newer.PersonID = sian.ID
	newer.SetAnswer("checkin.head", coach.Answer{Text: "fersiwn mwy newydd"})
	newer.Updated = newer.Updated.Add(time.Hour)
	if err := dst.update(func(_ *bbolt.Tx, b txBuckets) error {
		return dst.saveSessionTx(b, dst.guide("cy"), newer)
	}); err != nil {
		t.Fatal(err)
	}

	res, err := dst.Import(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := ImportResult{PeopleAdded: 2, PeopleMerged: 1, SessionsAdded: 4, SessionsReplaced: 1, SessionsUnchanged: 1}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("result %+v, want %+v", res, want)
	}
	people, _ := dst.People()
	if len(people) != 3 {
		t.Fatalf("%d people after a merge by name: %+v", len(people), people)
	}
	got, _ := dst.Person(sian.ID)
	if got.Sessions != 2 || got.Name != "sian wyn" {
		t.Errorf("merged person: %+v", got)
	}
	if s, _ := dst.Session(older.ID); s.Answer("checkin.head").Text != w.sessions[1].Answer("checkin.head").Text || s.PersonID != sian.ID {
		t.Errorf("the older version was not replaced: %+v", s.Answer("checkin.head"))
	}
	if s, _ := dst.Session(newer.ID); s.Answer("checkin.head").Text != "fersiwn mwy newydd" {
		t.Errorf("the newer version was overwritten: %+v", s.Answer("checkin.head"))
	}
	if err := dst.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}

func TestImportFailureWritesNothing(t *testing.T) {
	path := testPath(t)
	dst := openTest(t, path)
	mustPerson(t, dst, "Ann")
	before := readFile(t, path)
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	p := coach.Person{ID: coach.NewID(now), Name: "Bryn", Created: now}
	good := coach.NewSession(p.ID, "en", now)
	good.Saved = now
	bad := coach.NewSession(p.ID, "en", now)
	bad.Saved = now
	bad.Date = coach.Date{Year: 2027, Month: 2, Day: 31} // refused when stored
	doc := &coach.ImportDoc{People: []coach.Person{p}, Sessions: []coach.Session{good, bad}}
	if _, err := dst.Import(doc); err == nil {
		t.Fatal("an import with a bad session was accepted")
	}
	assertUnchanged(t, path, before)
}

func TestEraseRemovesEveryTrace(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		t.Run(fmt.Sprintf("encrypted=%v", encrypted), func(t *testing.T) {
			path := testPath(t)
			s := openTest(t, path)
			w := welshFixture(t, s)
			// Texts of the person to erase (the fixture's first person)
			// and of the others, who must stay whole.
			sian := w.people[0]
			gone := []string{"Siân Ŵyn", "Siân", "Trefnu hyfforddiant codi a chario i Siân", "Drafft heb ei gadw", "salwch hir",
				"anghenion cymhleth iawn 🌧️ rhif A", "anghenion cymhleth iawn 🌧️ rhif B"}
			for _, sess := range w.sessions[:2] {
				gone = append(gone, sess.ID, sess.Answer("checkin.head").Text)
			}
			gone = append(gone, sian.ID)
			// An update leaves the old version in a free page: erasure must
			// not miss it.
			upd := w.sessions[0]
			upd.SetAnswer("help.decide", coach.Answer{Text: "Ail-ysgrifennu: Siân yn dewis yr hyfforddiant 🎓"})
			if _, err := s.SaveSession(upd); err != nil {
				t.Fatal(err)
			}
			gone = append(gone, "Ail-ysgrifennu")
			s.Close()
			if encrypted {
				if err := Encrypt(path, testPass); err != nil {
					t.Fatal(err)
				}
				s = openPass(t, path, testPass)
			} else {
				assertSomePlaintext(t, path, gone)
				s = openTest(t, path)
			}
			other := openPass(t, path, testPass) // a second attend, open all along
			keep := takeSnapshotWithout(t, s, sian.ID)

			start := time.Now()
			res, err := s.Erase(sian.ID)
			if err != nil {
				t.Fatalf("Erase: %v", err)
			}
			t.Logf("erased in %v: %+v", time.Since(start), res)
			if res.Sessions != 2 || res.Drafts != 1 || res.Index != 4 || res.Person.ID != sian.ID {
				t.Errorf("result %+v", res)
			}
			raw := readFile(t, path)
			for _, text := range gone {
				if bytes.Contains(raw, []byte(text)) {
					t.Errorf("after erasure the file still holds %q", text)
				}
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
				t.Errorf("mode %v", fi.Mode().Perm())
			}
			if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
				t.Errorf("folder holds %v", entries)
			}
			if err := s.Check(); err != nil {
				t.Errorf("Check: %v", err)
			}
			snapshotsEqual(t, keep, takeSnapshot(t, s))
			if _, err := s.Person(sian.ID); !errors.Is(err, ErrNotFound) {
				t.Errorf("Person after erasure: %v", err)
			}
			if _, err := s.Erase(sian.ID); !errors.Is(err, ErrNotFound) {
				t.Errorf("erasing twice: %v", err)
			}
			// The attend open all along carries on, in the new file.
			if _, err := other.SaveSession(coach.NewSession(w.people[1].ID, "en", other.now())); err != nil {
				t.Errorf("a running Store after erasure: %v", err)
			}
			if got, _ := s.Person(w.people[1].ID); got.Sessions != 3 {
				t.Errorf("the save after erasure did not land in the file: %+v", got)
			}
		})
	}
}

// takeSnapshotWithout is what should remain after erasing personID.
func takeSnapshotWithout(t testing.TB, s *Store, personID string) snapshot {
	snap := takeSnapshot(t, s)
	var out snapshot
	for _, p := range snap.people {
		if p.ID != personID {
			out.people = append(out.people, p)
		}
	}
	for _, sess := range snap.sessions {
		if sess.PersonID != personID {
			out.sessions = append(out.sessions, sess)
		}
	}
	for _, sum := range snap.summaries {
		if sum.PersonID != personID {
			out.summaries = append(out.summaries, sum)
		}
	}
	out.drafts = map[string]time.Time{}
	for id, at := range snap.drafts {
		if id != personID {
			out.drafts[id] = at
		}
	}
	if snap.draft.PersonID != personID {
		out.draft = snap.draft
	}
	return out
}

// TestWriterWaitingDuringRewrite: an attend that waited on the lock of a
// file that was then replaced (erasure, encryption) must write into the new
// file, not the orphaned old one.
func TestWriterWaitingDuringRewrite(t *testing.T) {
	for i := range 4 {
		path := testPath(t)
		s := openTest(t, path)
		w := welshFixture(t, s)
		writer := openTest(t, path)

		holder, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		var eraseErr, saveErr error
		draft := coach.NewSession(w.people[2].ID, "en", time.Now())
		draft.SetAnswer("checkin.head", coach.Answer{Text: fmt.Sprintf("typed while erasing %d", i)})
		wg.Add(2)
		go func() { defer wg.Done(); _, eraseErr = s.Erase(w.people[0].ID) }()
		go func() { defer wg.Done(); saveErr = writer.SaveDraft(draft) }()
		time.Sleep(time.Duration(50+20*i) * time.Millisecond)
		holder.Close()
		wg.Wait()
		if eraseErr != nil || saveErr != nil {
			t.Fatalf("erase: %v; save: %v", eraseErr, saveErr)
		}
		fresh := openTest(t, path)
		got, found, err := fresh.Draft(w.people[2].ID)
		if err != nil || !found || got.Answer("checkin.head").Text != draft.Answer("checkin.head").Text {
			t.Fatalf("round %d: the draft saved during erasure is lost: %v %v %+v", i, found, err, got.Prep)
		}
		if _, err := fresh.Person(w.people[0].ID); !errors.Is(err, ErrNotFound) {
			t.Fatalf("round %d: the erased person is back: %v", i, err)
		}
	}
}

func TestRetentionSetting(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	if y, err := s.Retention(); err != nil || y != 0 {
		t.Fatalf("default retention: %d %v", y, err)
	}
	if err := s.SetRetention(6); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRetention(-1); !errors.Is(err, ErrInvalid) {
		t.Errorf("SetRetention(-1): %v", err)
	}
	if err := s.SetRetention(150); !errors.Is(err, ErrInvalid) {
		t.Errorf("SetRetention(150): %v", err)
	}
	s.Close()
	s2 := openTest(t, path)
	if y, err := s2.Retention(); err != nil || y != 6 {
		t.Errorf("after reopening: %d %v", y, err)
	}
	if err := s2.SetRetention(0); err != nil {
		t.Fatal(err)
	}
	if y, err := s2.Retention(); err != nil || y != 0 {
		t.Errorf("turned off: %d %v", y, err)
	}
	// It survives encryption, and reads with the passphrase.
	if err := s2.SetRetention(7); err != nil {
		t.Fatal(err)
	}
	s2.Close()
	if err := Encrypt(path, testPass); err != nil {
		t.Fatal(err)
	}
	if y, err := openPass(t, path, testPass).Retention(); err != nil || y != 7 {
		t.Errorf("after encryption: %d %v", y, err)
	}
	rawUpdate(t, path, func(tx *bbolt.Tx) error { return tx.Bucket(bktMeta).Put(metaRetention, []byte("six")) })
	if _, err := openPass(t, path, testPass).Retention(); !errors.Is(err, ErrCorrupt) {
		t.Errorf("a damaged setting: %v", err)
	}
}

func TestCompact(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	w := welshFixture(t, s)
	if err := s.DiscardDraft(w.people[0].ID); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(readFile(t, path), []byte("salwch hir")) {
		t.Skip("bbolt reused the draft's page already")
	}
	before := takeSnapshot(t, s)
	if err := s.Compact(); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(readFile(t, path), []byte("salwch hir")) {
		t.Error("a discarded draft survives compaction in a free page")
	}
	snapshotsEqual(t, before, takeSnapshot(t, s))
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

func TestLockHolderNamed(t *testing.T) {
	if _, err := os.Stat("/proc/locks"); runtime.GOOS != "linux" || err != nil {
		t.Skip("lock holders are only read on Linux, from /proc/locks")
	}
	path := testPath(t)
	s, err := Open(path, Options{LockTimeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	child := startChild(t, "hold", path)
	err = s.SetRetention(3)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("write while another process holds the file: %v", err)
	}
	want := fmt.Sprintf("pid %d: data.test", child.Process.Pid)
	if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "another program") {
		t.Errorf("message %q does not name the holder (%s)", err, want)
	}
	t.Logf("message: %v", err)
}
