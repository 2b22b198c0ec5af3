package data

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// clock is a test clock that moves one second per call, so that every
// Updated and Saved differs and ids sort in creation order.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

func testPath(t testing.TB) string { return filepath.Join(t.TempDir(), "attend.db") }

func openTest(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(path, Options{Now: newClock().Now, LockTimeout: time.Second})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustPerson(t testing.TB, s *Store, name string) coach.Person {
	t.Helper()
	p, _, err := s.EnsurePerson(name)
	if err != nil {
		t.Fatalf("EnsurePerson(%q): %v", name, err)
	}
	return p
}

func day(y int, m time.Month, d int) coach.Date { return coach.Date{Year: y, Month: m, Day: d} }

// prep makes a realistic session for p on date.
func prep(s *Store, p coach.Person, date coach.Date, note string) coach.Session {
	sess := coach.NewSession(p.ID, "en", s.now())
	sess.Date = date
	sess.SetAnswer("checkin.energy", coach.Answer{Text: note})
	sess.SetAnswer("attend.present", coach.Answer{Text: "Put the phone away; listened to the whole story before saying anything. 🌻"})
	sess.SetAnswer("needs.workload", coach.Answer{Rating: 2, Text: "Rota gaps on nights again"})
	sess.SetAnswer("needs.belonging", coach.Answer{Rating: 4})
	sess.Actions = []coach.Action{
		{Text: "Ask HR about the training budget", Owner: coach.OwnerMe},
		{Text: "Shadow the night senior", Owner: coach.OwnerThem, Due: date.AddDays(14)},
		{Text: "   "}, // blank row, dropped on save
	}
	return sess
}

// fill saves n sessions spread over people and dates using a few large
// transactions through the same code as SaveSession, not n SaveSession
// calls, so big fixtures are quick to build.
func fill(tb testing.TB, s *Store, people []coach.Person, n int) []coach.Session {
	tb.Helper()
	const batch = 2000
	out := make([]coach.Session, 0, n)
	base := day(2020, time.January, 1)
	for i := 0; i < n; i++ {
		p := people[i%len(people)]
		sess := prep(s, p, base.AddDays((i*7919)%2500), "Session number and a few words of how they are")
		now := s.now()
		sess.Tidy(now)
		sess.Saved, sess.Updated = now, now
		out = append(out, sess)
	}
	g := s.guide("en")
	for start := 0; start < n; start += batch {
		chunk := out[start:min(start+batch, n)]
		err := s.update(func(_ *bbolt.Tx, b txBuckets) error {
			for _, sess := range chunk {
				if err := s.saveSessionTx(b, g, sess); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			tb.Fatalf("fill: %v", err)
		}
	}
	return out
}

// rawUpdate changes the file behind the store's back, as a damaged disk or
// another program might.
func rawUpdate(t testing.TB, path string, fn func(tx *bbolt.Tx) error) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatalf("raw open: %v", err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatalf("raw update: %v", err)
	}
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func assertUnchanged(t testing.TB, path string, before []byte) {
	t.Helper()
	if after := readFile(t, path); !bytes.Equal(before, after) {
		t.Fatalf("%s was changed (%d bytes before, %d after)", path, len(before), len(after))
	}
}

// plainSums reports whether tx's values carry checksums (an unencrypted
// file of schema 5 or later).
func plainSums(tx *bbolt.Tx) bool {
	m := tx.Bucket(bktMeta)
	return m.Get(metaCrypto) == nil && schemaAtLeast(m, sumSchema)
}

// putRaw stores a value behind the store's back as this attend would lay
// it out (with its checksum in an unencrypted file), so that a test can
// plant a record whose content, not its checksum, is wrong.
func putRaw(tx *bbolt.Tx, bucket, key, v []byte) error {
	if plainSums(tx) {
		v = withSum(sumStart(bucket), key, v)
	}
	return tx.Bucket(bucket).Put(key, v)
}

// stripSums takes the checksums off every value of an unencrypted file,
// as a file of schema 4 and before held them (for tests that downgrade).
func stripSums(tx *bbolt.Tx) error {
	if !plainSums(tx) {
		return nil
	}
	for _, name := range [][]byte{bktPeople, bktSessions, bktDrafts, bktIdxTime, bktIdxOpen, bktIdxWords, bktIdxTail} {
		b := tx.Bucket(name)
		if b == nil {
			continue
		}
		var keys, vals [][]byte
		if err := b.ForEach(func(k, v []byte) error {
			plain, err := checkSum(sumStart(name), k, v)
			keys, vals = append(keys, bytes.Clone(k)), append(vals, bytes.Clone(plain))
			return err
		}); err != nil {
			return err
		}
		for i, k := range keys {
			if err := b.Put(k, vals[i]); err != nil {
				return err
			}
		}
	}
	return tx.Bucket(bktMeta).Put(metaSchema, []byte("4"))
}
