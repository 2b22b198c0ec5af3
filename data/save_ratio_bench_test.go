package data

import (
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
	s, people := benchStore(b)
	sess := prep(s, people[7], day(2026, 11, 26), "A typical note of a line or two about how the week went.")
	d := prep(s, people[3], day(2026, 11, 26), "typing…")
	var save, draft, commit, openbare []float64
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
	b.ReportMetric(0, "ns/op")
}
