package data

import (
	"maps"
	"math/rand/v2"
	"slices"
	"sync/atomic"
	"testing"
)

// listBatch is textBatch as it was first written, a list grown per hash,
// kept to check the flat one against.
type listBatch struct {
	block uint32
	at    map[uint64]int32
	lists [][]uint32
	add   map[[wordsKeyLen]byte][]uint32
}

func (t *listBatch) file(doc uint32, hs []uint64) {
	if blk := doc >> blockBits; t.at == nil || blk != t.block {
		t.spill()
		t.block, t.at = blk, map[uint64]int32{}
	}
	for _, hv := range hs {
		i, ok := t.at[hv]
		if !ok {
			i = int32(len(t.lists))
			t.at[hv] = i
			t.lists = append(t.lists, nil)
		}
		t.lists[i] = append(t.lists[i], doc)
	}
}

func (t *listBatch) spill() {
	if len(t.at) == 0 {
		return
	}
	if t.add == nil {
		t.add = map[[wordsKeyLen]byte][]uint32{}
	}
	for hv, i := range t.at {
		wk := [wordsKeyLen]byte(wordsKey(t.block, hv))
		t.add[wk] = append(t.add[wk], t.lists[i]...)
	}
	t.at, t.lists = nil, nil
}

// TestTextBatchIsLists files docs across several blocks, now and then
// going back to a block filed before (as a batch that is not all new may),
// with hashes shared between docs, and checks that every key gets the
// same docs in the same order as the list per hash gave.
func TestTextBatchIsLists(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for round := range 20 {
		var flat textBatch
		var lists listBatch
		pool := make([]uint64, 50+r.IntN(500))
		for i := range pool {
			pool[i] = r.Uint64()
		}
		doc := uint32(r.IntN(3 * blockDocs))
		for range 200 + r.IntN(3000) {
			if r.IntN(500) == 0 {
				doc = uint32(r.IntN(4 * blockDocs)) // back, or ahead, to another block
			}
			doc += uint32(1 + r.IntN(5))
			hs := map[uint64]bool{}
			for range r.IntN(40) {
				hs[pool[r.IntN(len(pool))]] = true
			}
			list := slices.Collect(maps.Keys(hs))
			flat.file(doc, list)
			lists.file(doc, list)
		}
		flat.spill()
		lists.spill()
		if len(flat.add) != len(lists.add) {
			t.Fatalf("round %d: %d keys, want %d", round, len(flat.add), len(lists.add))
		}
		for k, want := range lists.add {
			if got := flat.add[k]; !slices.Equal(got, want) {
				t.Fatalf("round %d: key %x: %v, want %v", round, k, got, want)
			}
		}
	}
}

// TestParallelCoversEachOnce: parallel hands every index of [0, n) to
// exactly one call, for small and large n.
func TestParallelCoversEachOnce(t *testing.T) {
	for _, n := range []int{0, 1, 31, 32, 33, 63, 64, 65, 127, 1000, 5000} {
		seen := make([]atomic.Int32, n)
		parallel(n, func(next func() (int, int, bool)) {
			for lo, hi, ok := next(); ok; lo, hi, ok = next() {
				if lo < 0 || hi > n || lo >= hi {
					t.Errorf("n=%d: part [%d, %d)", n, lo, hi)
					return
				}
				for i := lo; i < hi; i++ {
					seen[i].Add(1)
				}
			}
		})
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Fatalf("n=%d: index %d taken %d times", n, i, c)
			}
		}
	}
}
