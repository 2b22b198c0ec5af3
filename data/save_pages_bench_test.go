package data

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// BenchmarkSavePages counts the pages one SaveSession writes, by bucket:
// it saves a session into a copy of the benchmark file, compares the file
// before and after page by page, and names each changed page by walking
// the after file's trees (bbolt's page layout: a 16-byte page header, then
// 16-byte branch or leaf elements; a bucket's value is its root page id
// and sequence). root is the root bucket's own pages (the buckets'
// headers), free the freelist, meta the meta page; runs is how many runs
// of consecutive pages they make, which is what a sync pays for (see
// BenchmarkSyncRuns). It reports the median over b.N saves of each count.
// PAGES_SHOW=1 prints each save's page ids and owners.
//
//	go test ./data -run X -bench SavePages -benchtime 20x
func BenchmarkSavePages(b *testing.B) {
	path, _ := bareBytes(b)
	file, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	path = filepath.Join(b.TempDir(), "pages.db")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		b.Fatal(err)
	}
	_, people := benchStore(b)
	s, err := Open(path, Options{Now: newClock().Now})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	sess := prep(s, people[7], day(2026, 11, 26), "A typical note of a line or two about how the week went.")
	counts := map[string][]float64{}
	for i := 0; b.Loop(); i++ {
		before, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		sess.ID = coach.NewID(s.now())
		if _, err := s.SaveSession(sess); err != nil {
			b.Fatal(err)
		}
		after, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		owner := pageOwners(b, after)
		n := map[string]int{}
		total, runs, last := 0, 0, -2
		for id := 0; id*bboltPage < len(after); id++ {
			pg := after[id*bboltPage : (id+1)*bboltPage]
			if (id+1)*bboltPage <= len(before) && bytes.Equal(pg, before[id*bboltPage:(id+1)*bboltPage]) {
				continue
			}
			o, ok := owner[uint64(id)]
			if !ok {
				continue // a free page: bbolt never writes one
			}
			n[o]++
			total++
			if id != last+1 {
				runs++
			}
			last = id
			if os.Getenv("PAGES_SHOW") != "" {
				fmt.Printf("%d:%s ", id, o)
			}
		}
		n["total"] = total
		n["runs"] = runs
		if os.Getenv("PAGES_SHOW") != "" {
			fmt.Println()
		}
		if i == 0 {
			for k := range owner {
				counts[owner[k]] = nil
			}
			counts["total"] = nil
			counts["runs"] = nil
		}
		for k := range counts {
			counts[k] = append(counts[k], float64(n[k]))
		}
	}
	b.StopTimer()
	names := make([]string, 0, len(counts))
	for k := range counts {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		xs := slices.Clone(counts[k])
		slices.Sort(xs)
		unit := k + "-pages"
		if k == "runs" {
			unit = "runs"
		}
		b.ReportMetric(xs[len(xs)/2], unit)
	}
	b.ReportMetric(0, "ns/op")
}

const bboltPage = 4096

// bboltMeta reads the current meta page of a bbolt file (of the two, the
// one with the larger txid): the root bucket's page, the freelist's page,
// and the high-water mark (pages past it are the file's unused tail).
func bboltMeta(file []byte) (root, freelist, highWater uint64) {
	le := binary.LittleEndian
	var txid uint64
	for id := range 2 {
		m := file[id*bboltPage+16:]
		if t := le.Uint64(m[48:]); id == 0 || t > txid {
			txid, root, freelist, highWater = t, le.Uint64(m[16:]), le.Uint64(m[32:]), le.Uint64(m[40:])
		}
	}
	return root, freelist, highWater
}

// pageOwners names every page in use in a bbolt file: "meta", "free"
// (the freelist's pages), "root" or the top-level bucket whose tree
// (overflow pages included) holds it. Inline buckets own no page.
func pageOwners(tb testing.TB, file []byte) map[uint64]string {
	tb.Helper()
	le := binary.LittleEndian
	page := func(id uint64) []byte {
		if int(id+1)*bboltPage > len(file) {
			tb.Fatalf("page %d is past the file's end", id)
		}
		return file[id*bboltPage:]
	}
	root, freelist, _ := bboltMeta(file)
	out := map[uint64]string{0: "meta", 1: "meta"}
	claim := func(id uint64, name string) {
		p := page(id)
		for i := uint64(0); i <= uint64(le.Uint32(p[12:])); i++ {
			out[id+i] = name
		}
	}
	claim(freelist, "free")
	// walk claims a tree's pages for name and calls bucket for each
	// bucket value in its leaves.
	var walk func(id uint64, name string, bucket func(key, val []byte))
	walk = func(id uint64, name string, bucket func(key, val []byte)) {
		claim(id, name)
		p := page(id)
		flags, count := le.Uint16(p[8:]), int(le.Uint16(p[10:]))
		for i := range count {
			e := p[16+16*i:]
			switch flags {
			case 0x01: // branch
				walk(le.Uint64(e[8:]), name, bucket)
			case 0x02: // leaf
				if le.Uint32(e)&0x01 != 0 && bucket != nil {
					pos, ks, vs := le.Uint32(e[4:]), le.Uint32(e[8:]), le.Uint32(e[12:])
					bucket(e[pos:][:ks], e[pos+ks:][:vs])
				}
			default:
				tb.Fatalf("page %d: flags %#x", id, flags)
			}
		}
	}
	walk(root, "root", func(key, val []byte) {
		if r := le.Uint64(val); r != 0 {
			walk(r, string(key), nil)
		}
	})
	return out
}

// TestPageOwners checks the page walker BenchmarkSavePages counts with
// against bbolt's own statistics: each bucket owns as many pages as bbolt
// counts for its tree, overflow pages included, and every page of the
// file is either owned or free.
func TestPageOwners(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pages.db")
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"big", "small", "overflow"}
	err = db.Update(func(tx *bbolt.Tx) error {
		for _, n := range names {
			bk, err := tx.CreateBucket([]byte(n))
			if err != nil {
				return err
			}
			for i := range map[string]int{"big": 5000, "small": 40, "overflow": 3}[n] {
				v := bytes.Repeat([]byte{byte(i)}, map[string]int{"big": 100, "small": 30, "overflow": 9000}[n])
				if err := bk.Put(fmt.Appendf(nil, "%08d", i), v); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// A second transaction frees pages, so that the freelist is not empty.
	err = db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("big")).Delete([]byte("00000007"))
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	var free int
	err = db.View(func(tx *bbolt.Tx) error {
		for _, n := range names {
			st := tx.Bucket([]byte(n)).Stats()
			want[n] = st.BranchPageN + st.BranchOverflowN + st.LeafPageN + st.LeafOverflowN
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	free = db.Stats().FreePageN + db.Stats().PendingPageN
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	file, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, o := range pageOwners(t, file) {
		got[o]++
	}
	for _, n := range names {
		if got[n] != want[n] || want[n] == 0 {
			t.Errorf("bucket %s: the walker found %d pages, bbolt counts %d", n, got[n], want[n])
		}
	}
	if got["meta"] != 2 || got["root"] != 1 || got["free"] < 1 {
		t.Errorf("meta %d, root %d, freelist %d pages", got["meta"], got["root"], got["free"])
	}
	total := 0
	for _, c := range got {
		total += c
	}
	if _, _, hw := bboltMeta(file); uint64(total+free) != hw {
		t.Errorf("%d pages owned and %d free, below a high-water mark of %d pages", total, free, hw)
	}
}
