package data

import (
	"testing"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// The floor for BenchmarkSaveSession and BenchmarkSaveDraft: a bare bbolt
// commit (with fsync) of the bytes a save stores, into the same benchmark
// file. Run them together so the ratio is measured on one machine at one
// time:
//
//	go test ./data -run X -bench 'SaveSession$|SaveDraft$|BareCommit'
//
// BareCommit keeps the file open, as a program holding it would;
// BareOpenCommit opens and closes it around each commit, as attend does
// (it never holds the file while idle, so two attends can share it).

func bareBytes(b *testing.B) (string, []byte) {
	s, people := benchStore(b)
	sess := prep(s, people[7], day(2026, 11, 26), "A typical note of a line or two about how the week went.")
	sess.Saved, sess.Updated = s.now(), s.now()
	raw, err := encodeSession(sess)
	if err != nil {
		b.Fatal(err)
	}
	path := s.Path()
	s.Close()
	return path, raw
}

func bareCommit(b *testing.B, db *bbolt.DB, raw []byte) {
	err := db.Update(func(tx *bbolt.Tx) error {
		bk, err := tx.CreateBucketIfNotExists([]byte("bare"))
		if err != nil {
			return err
		}
		return bk.Put([]byte(coach.NewID(newClock().Now())), raw)
	})
	if err != nil {
		b.Fatal(err)
	}
}

func BenchmarkBareCommit(b *testing.B) {
	path, raw := bareBytes(b)
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	b.ResetTimer()
	for b.Loop() {
		bareCommit(b, db, raw)
	}
	b.StopTimer()
	if err := db.Update(func(tx *bbolt.Tx) error { return tx.DeleteBucket([]byte("bare")) }); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkBareOpenCommit(b *testing.B) {
	path, raw := bareBytes(b)
	b.ResetTimer()
	for b.Loop() {
		db, err := bbolt.Open(path, 0o600, nil)
		if err != nil {
			b.Fatal(err)
		}
		bareCommit(b, db, raw)
		db.Close()
	}
	b.StopTimer()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bbolt.Tx) error { return tx.DeleteBucket([]byte("bare")) }); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSaveSessionsBatch saves demo sessions 500 to a transaction, as
// attend demo does; ns/op is per session.
func BenchmarkSaveSessionsBatch(b *testing.B) {
	s := openTest(b, testPath(b))
	d, err := coach.NewDemo(coach.DemoOptions{Seed: 7, Sessions: 2000, Today: day(2026, 11, 26)})
	if err != nil {
		b.Fatal(err)
	}
	if _, _, err := s.EnsurePeople(d.People()); err != nil {
		b.Fatal(err)
	}
	var sessions []coach.Session
	for i := range d.People() {
		for sess := range d.Sessions(i) {
			sessions = append(sessions, sess)
		}
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		batch := make([]coach.Session, 0, 500)
		for range 500 {
			sess := sessions[i%len(sessions)]
			sess.ID = coach.NewID(s.now())
			i++
			batch = append(batch, sess)
		}
		if err := s.SaveSessions(batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(i), "ns/session")
}
