package data

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// BenchmarkSaveRatios times SaveSession and SaveDraft beside a bare bbolt
// commit of the same bytes, one of each in turn, so that a noisy machine
// or disk weighs on all of them alike, and reports the median of each and
// of the ratios (the issue 10 target: each save within 2× a bare commit).
// bare is a commit into a copy of the file held open (its open and close
// untimed), openbare the open, commit and close that attend does for every
// write.
//
// Two more floors say what the file's layout costs whatever attend does:
// pages is one bare commit of exactly the keys and values a save writes
// (found by comparing a copy of the file before and after one save), into
// the same buckets of another copy held open, so that bbolt rewrites the
// same pages (each bucket's leaf and the branches above it, the root's
// leaf and the freelist); openpages is the same opened and closed around
// it, as attend opens the file for every write. save/openpages is then
// what attend's own work adds to the pages a save must write.
//
//	go test ./data -run X -bench SaveRatios -benchtime 300x
func BenchmarkSaveRatios(b *testing.B) {
	path, raw := bareBytes(b)
	// The bare commits go into a copy of the file: into the file itself
	// they would be another program's writes between two saves, which a
	// save checks for (beginWrite), as it does not between its own.
	bare, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	path = filepath.Join(b.TempDir(), "bare.db")
	if err := os.WriteFile(path, bare, 0o600); err != nil {
		b.Fatal(err)
	}
	pagesPath := filepath.Join(b.TempDir(), "pages.db")
	if err := os.WriteFile(pagesPath, bare, 0o600); err != nil {
		b.Fatal(err)
	}
	ops := saveWrites(b, bare)
	s, people := benchStore(b)
	sess := prep(s, people[7], day(2026, 11, 26), "A typical note of a line or two about how the week went.")
	d := prep(s, people[3], day(2026, 11, 26), "typing…")
	var save, draft, commit, openbare, pages, openpages []float64
	timed := func(fn func()) float64 {
		t := time.Now()
		fn()
		return float64(time.Since(t).Nanoseconds())
	}
	b.ResetTimer()
	for b.Loop() {
		save = append(save, timed(func() {
			sess.ID = coach.NewID(s.now())
			if _, err := s.SaveSession(sess); err != nil {
				b.Fatal(err)
			}
		}))
		draft = append(draft, timed(func() {
			d.Updated = s.now()
			if err := s.SaveDraft(d); err != nil {
				b.Fatal(err)
			}
		}))
		db, err := bbolt.Open(path, 0o600, nil)
		if err != nil {
			b.Fatal(err)
		}
		commit = append(commit, timed(func() { bareCommit(b, db, raw) }))
		db.Close()
		openbare = append(openbare, timed(func() {
			db, err := bbolt.Open(path, 0o600, nil)
			if err != nil {
				b.Fatal(err)
			}
			bareCommit(b, db, raw)
			db.Close()
		}))
		db, err = bbolt.Open(pagesPath, 0o600, nil)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, timed(func() { ops.commit(b, db) }))
		db.Close()
		openpages = append(openpages, timed(func() {
			db, err := bbolt.Open(pagesPath, 0o600, nil)
			if err != nil {
				b.Fatal(err)
			}
			ops.commit(b, db)
			db.Close()
		}))
	}
	b.StopTimer()
	median := func(xs []float64) float64 {
		xs = slices.Clone(xs)
		slices.Sort(xs)
		return xs[len(xs)/2]
	}
	ratio := func(a, c []float64) float64 {
		r := make([]float64, len(a))
		for i := range a {
			r[i] = a[i] / c[i]
		}
		return median(r)
	}
	b.ReportMetric(median(save)/1e3, "save-µs")
	b.ReportMetric(median(draft)/1e3, "draft-µs")
	b.ReportMetric(median(commit)/1e3, "bare-µs")
	b.ReportMetric(median(openbare)/1e3, "openbare-µs")
	b.ReportMetric(ratio(save, commit), "save/bare")
	b.ReportMetric(ratio(draft, commit), "draft/bare")
	b.ReportMetric(ratio(save, openbare), "save/openbare")
	b.ReportMetric(ratio(draft, openbare), "draft/openbare")
	b.ReportMetric(median(pages)/1e3, "pages-µs")
	b.ReportMetric(median(openpages)/1e3, "openpages-µs")
	b.ReportMetric(ratio(pages, commit), "pages/bare")
	b.ReportMetric(ratio(openpages, commit), "openpages/bare")
	b.ReportMetric(ratio(save, openpages), "save/openpages")
	b.ReportMetric(0, "ns/op")
}

// savePuts is what one SaveSession writes: each key it put (with its
// value) in each bucket, and whether it took a number from idx_docs.
type savePuts struct {
	puts []savePut
	seq  bool
}

type savePut struct{ bucket, key, val []byte }

// saveWrites saves one session (as BenchmarkSaveRatios does) into a copy
// of file and returns what changed. It fails unless the save wrote to
// every bucket a save of a new session writes. A save that merged the
// search tail (one in tailMax does, deleting the tail) is not what a save
// usually writes: the next one is taken instead.
func saveWrites(b *testing.B, file []byte) savePuts {
	path := filepath.Join(b.TempDir(), "scratch.db")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		b.Fatal(err)
	}
	_, fixed := benchStore(b)
	for range 2 {
		if w, merged := saveDiff(b, path, fixed[7].ID); !merged {
			return w
		}
	}
	b.Fatal("two saves in a row merged the search tail")
	return savePuts{}
}

// saveDiff saves one session for the person personID into the file at path
// and returns what it put, or merged if it deleted anything.
func saveDiff(b *testing.B, path, personID string) (w savePuts, merged bool) {
	before := bucketSnapshot(b, path)
	s, err := Open(path, Options{Now: newClock().Now})
	if err != nil {
		b.Fatal(err)
	}
	p, err := s.Person(personID)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.SaveSession(prep(s, p, day(2026, 11, 26), "A typical note of a line or two about how the week went.")); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	after := bucketSnapshot(b, path)
	touched := map[string]bool{}
	for _, name := range allBuckets {
		bn := string(name)
		for k, v := range after.vals[bn] {
			if old, ok := before.vals[bn][k]; !ok || !bytes.Equal(old, v) {
				w.puts = append(w.puts, savePut{name, []byte(k), v})
				touched[bn] = true
			}
		}
		for k := range before.vals[bn] {
			if _, ok := after.vals[bn][k]; !ok {
				return savePuts{}, true
			}
		}
	}
	w.seq = after.seq[string(bktIdxDocs)] != before.seq[string(bktIdxDocs)]
	for _, name := range [][]byte{bktPeople, bktSessions, bktIdxTime, bktIdxPerson, bktIdxOpen, bktIdxTail, bktIdxDocs, bktIdxSdoc} {
		if !touched[string(name)] {
			b.Fatalf("the save wrote nothing to %s: %d puts in %v", name, len(w.puts), touched)
		}
	}
	if !w.seq {
		b.Fatal("the save took no number from idx_docs")
	}
	return w, false
}

type fileSnapshot struct {
	vals map[string]map[string][]byte
	seq  map[string]uint64
}

// bucketSnapshot reads every key and value of every bucket of the file at path.
func bucketSnapshot(b *testing.B, path string) fileSnapshot {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	out := fileSnapshot{vals: map[string]map[string][]byte{}, seq: map[string]uint64{}}
	err = db.View(func(tx *bbolt.Tx) error {
		return tx.ForEach(func(name []byte, bk *bbolt.Bucket) error {
			m := map[string][]byte{}
			out.vals[string(name)], out.seq[string(name)] = m, bk.Sequence()
			return bk.ForEach(func(k, v []byte) error {
				m[string(k)] = bytes.Clone(v)
				return nil
			})
		})
	})
	if err != nil {
		b.Fatal(err)
	}
	return out
}

// commit writes the same keys and values again in one transaction. A put
// over a key that is there rewrites the same pages as putting it first.
func (w savePuts) commit(b *testing.B, db *bbolt.DB) {
	err := db.Update(func(tx *bbolt.Tx) error {
		for _, p := range w.puts {
			if err := tx.Bucket(p.bucket).Put(p.key, p.val); err != nil {
				return err
			}
		}
		if w.seq {
			_, err := tx.Bucket(bktIdxDocs).NextSequence()
			return err
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}
