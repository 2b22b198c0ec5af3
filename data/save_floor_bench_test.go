package data

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// BenchmarkSaveFloors times, beside a bare commit of the session's bytes
// (file held open, as in BenchmarkSaveRatios), what a save's pages cost
// under other bbolt options and other layouts, each opened, committed and
// closed as attend does for every write, one of each in turn:
//
//   - eight: the keys and values one save writes, in its eight buckets
//     (openpages in BenchmarkSaveRatios), bbolt's defaults;
//   - hashmap: the same with bbolt's hashmap freelist;
//   - nosync: the same with NoFreelistSync, where bbolt does not write the
//     freelist but rebuilds it at every open by walking the whole file;
//   - six, five, three: only some of the buckets, as a layout that kept the
//     same facts in fewer buckets would write (six: not idx_person or
//     idx_sdoc; five: not idx_docs either; three: sessions, idx_time and
//     people; one: the session alone, as a save that kept no index, no
//     count and no search would write).
//
// It reports the median of each and of its ratio to the bare commit.
//
//	go test ./data -run X -bench SaveFloors -benchtime 200x
func BenchmarkSaveFloors(b *testing.B) {
	path, raw := bareBytes(b)
	file, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	all := saveWrites(b, file)
	only := func(names ...[]byte) savePuts {
		w := savePuts{seq: slices.ContainsFunc(names, func(n []byte) bool { return string(n) == string(bktIdxDocs) })}
		for _, p := range all.puts {
			if slices.ContainsFunc(names, func(n []byte) bool { return string(n) == string(p.bucket) }) {
				w.puts = append(w.puts, p)
			}
		}
		return w
	}
	type floor struct {
		name string
		opt  *bbolt.Options
		w    savePuts
		path string
		ns   []float64
	}
	floors := []*floor{
		{name: "eight", w: all},
		{name: "hashmap", opt: &bbolt.Options{FreelistType: bbolt.FreelistMapType}, w: all},
		{name: "nosync", opt: &bbolt.Options{NoFreelistSync: true}, w: all},
		{name: "six", w: only(bktPeople, bktSessions, bktIdxTime, bktIdxOpen, bktIdxTail, bktIdxDocs)},
		{name: "five", w: only(bktPeople, bktSessions, bktIdxTime, bktIdxOpen, bktIdxTail)},
		{name: "three", w: only(bktPeople, bktSessions, bktIdxTime)},
		{name: "one", w: only(bktSessions)},
	}
	write := func(name string) string {
		p := filepath.Join(b.TempDir(), name+".db")
		if err := os.WriteFile(p, file, 0o600); err != nil {
			b.Fatal(err)
		}
		return p
	}
	for _, f := range floors {
		f.path = write(f.name)
	}
	db, err := bbolt.Open(write("bare"), 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var bare []float64
	for b.Loop() {
		t := time.Now()
		bareCommit(b, db, raw)
		bare = append(bare, float64(time.Since(t).Nanoseconds()))
		for _, f := range floors {
			t := time.Now()
			fdb, err := bbolt.Open(f.path, 0o600, f.opt)
			if err != nil {
				b.Fatal(err)
			}
			f.w.commit(b, fdb)
			if err := fdb.Close(); err != nil {
				b.Fatal(err)
			}
			f.ns = append(f.ns, float64(time.Since(t).Nanoseconds()))
		}
	}
	b.StopTimer()
	median := func(xs []float64) float64 {
		xs = slices.Clone(xs)
		slices.Sort(xs)
		return xs[len(xs)/2]
	}
	b.ReportMetric(median(bare)/1e3, "bare-µs")
	for _, f := range floors {
		r := make([]float64, len(bare))
		for i := range bare {
			r[i] = f.ns[i] / bare[i]
		}
		b.ReportMetric(median(f.ns)/1e3, f.name+"-µs")
		b.ReportMetric(median(r), f.name+"/bare")
	}
	b.ReportMetric(0, "ns/op")
}
