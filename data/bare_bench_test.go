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
