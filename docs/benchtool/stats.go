package main

import (
	"fmt"
	"os"
	"sort"

	"go.etcd.io/bbolt"
)

// stats prints, per bucket, the keys, bytes of keys and values, and pages.
func stats(path string) error {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.View(func(tx *bbolt.Tx) error {
		fi, _ := os.Stat(path)
		fmt.Printf("file %d bytes, tx size %d, page %d\n", fi.Size(), tx.Size(), db.Info().PageSize)
		var names []string
		_ = tx.ForEach(func(n []byte, _ *bbolt.Bucket) error { names = append(names, string(n)); return nil })
		sort.Strings(names)
		for _, n := range names {
			b := tx.Bucket([]byte(n))
			st := b.Stats()
			var kb, vb int
			_ = b.ForEach(func(k, v []byte) error { kb += len(k); vb += len(v); return nil })
			pages := st.BranchPageN + st.BranchOverflowN + st.LeafPageN + st.LeafOverflowN
			fmt.Printf("%-12s keys %8d  key bytes %10d  value bytes %11d  pages %7d (%6.1f MB, leaf in use %5.1f%%)\n",
				n, st.KeyN, kb, vb, pages, float64(pages*db.Info().PageSize)/1e6,
				100*float64(st.LeafInuse)/float64(max(1, (st.LeafPageN+st.LeafOverflowN)*db.Info().PageSize)))
		}
		fs := db.Stats()
		fmt.Printf("free pages %d, pending %d\n", fs.FreePageN, fs.PendingPageN)
		return nil
	})
}
