package data

import (
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
// bare is a commit into the file held open (its open and close untimed),
// openbare the open, commit and close that attend does for every write.
//
//	go test ./data -run X -bench SaveRatios -benchtime 300x
func BenchmarkSaveRatios(b *testing.B) {
	path, raw := bareBytes(b)
	s, people := benchStore(b)
	sess := prep(s, people[7], day(2026, 11, 26), "A typical note of a line or two about how the week went.")
	d := prep(s, people[3], day(2026, 11, 26), "typing…")
	var save, draft, bare, openbare []float64
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
		bare = append(bare, timed(func() { bareCommit(b, db, raw) }))
		db.Close()
		openbare = append(openbare, timed(func() {
			db, err := bbolt.Open(path, 0o600, nil)
			if err != nil {
				b.Fatal(err)
			}
			bareCommit(b, db, raw)
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
	b.ReportMetric(median(bare)/1e3, "bare-µs")
	b.ReportMetric(median(openbare)/1e3, "openbare-µs")
	b.ReportMetric(ratio(save, bare), "save/bare")
	b.ReportMetric(ratio(draft, bare), "draft/bare")
	b.ReportMetric(ratio(save, openbare), "save/openbare")
	b.ReportMetric(ratio(draft, openbare), "draft/openbare")
	b.ReportMetric(0, "ns/op")
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bbolt.Tx) error { return tx.DeleteBucket([]byte("bare")) }); err != nil {
		b.Fatal(err)
	}
}
