package data

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"
)

// BenchmarkSyncRuns says what the disk charges for the pages a commit
// writes, without bbolt: it writes 4 KiB pages into a 35 MiB file (the
// size of the benchmark's) and syncs, then writes one more page (as bbolt
// writes its meta page) and syncs again, as a bbolt commit does. The pages
// are either one run of consecutive pages (contN) or N pages anywhere in
// the file (scatN); the bare commit writes about four pages in one run and
// a save 28 in 9–22 runs (BenchmarkSavePages). It syncs with fdatasync, as
// bbolt does on Linux (hence this file's name). Each case is timed in turn,
// and reported as its median and its median ratio to cont4.
//
//	go test ./data -run X -bench SyncRuns -benchtime 200x
func BenchmarkSyncRuns(b *testing.B) {
	const size = 35 << 20
	f, err := os.OpenFile(filepath.Join(b.TempDir(), "runs"), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(make([]byte, size), 0); err != nil {
		b.Fatal(err)
	}
	if err := f.Sync(); err != nil {
		b.Fatal(err)
	}
	page := make([]byte, bboltPage)
	rng := rand.New(rand.NewPCG(1, 2))
	type run struct {
		name    string
		n       int
		scatter bool
		ns      []float64
	}
	cases := []*run{{name: "cont4", n: 4}, {name: "cont28", n: 28}, {name: "scat4", n: 4, scatter: true},
		{name: "scat8", n: 8, scatter: true}, {name: "scat12", n: 12, scatter: true},
		{name: "scat16", n: 16, scatter: true}, {name: "scat28", n: 28, scatter: true}}
	pages := size / bboltPage
	for b.Loop() {
		for _, c := range cases {
			ids := make([]int, c.n)
			start := 2 + rng.IntN(pages-2-c.n)
			for i := range ids {
				ids[i] = start + i
				if c.scatter {
					ids[i] = 2 + rng.IntN(pages-2)
				}
			}
			slices.Sort(ids) // bbolt writes its pages in order too
			t := time.Now()
			for _, id := range ids {
				if _, err := f.WriteAt(page, int64(id)*bboltPage); err != nil {
					b.Fatal(err)
				}
			}
			if err := syscall.Fdatasync(int(f.Fd())); err != nil {
				b.Fatal(err)
			}
			if _, err := f.WriteAt(page, 0); err != nil {
				b.Fatal(err)
			}
			if err := syscall.Fdatasync(int(f.Fd())); err != nil {
				b.Fatal(err)
			}
			c.ns = append(c.ns, float64(time.Since(t).Nanoseconds()))
		}
	}
	b.StopTimer()
	median := func(xs []float64) float64 {
		xs = slices.Clone(xs)
		slices.Sort(xs)
		return xs[len(xs)/2]
	}
	for _, c := range cases {
		r := make([]float64, len(c.ns))
		for i := range c.ns {
			r[i] = c.ns[i] / cases[0].ns[i]
		}
		b.ReportMetric(median(c.ns)/1e3, c.name+"-µs")
		b.ReportMetric(median(r), c.name+"/cont4")
	}
	b.ReportMetric(0, "ns/op")
}
