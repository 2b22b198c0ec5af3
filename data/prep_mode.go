package data

import (
	"go.etcd.io/bbolt"
)

// metaFullPrep remembers that this manager prefers the full prep (every
// prompt of every stage) to the quick one (core prompts, the rest one key
// away). A preference, not personal data, so it stays plaintext; absent
// means the quick prep.
var metaFullPrep = []byte("full_prep")

// FullPrep reports whether the manager chose the full prep.
func (s *Store) FullPrep() (bool, error) {
	var full bool
	err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
		full = string(b.meta.Get(metaFullPrep)) == "1"
		return nil
	})
	return full, err
}

// SetFullPrep remembers the choice between the full and the quick prep.
func (s *Store) SetFullPrep(full bool) error {
	return s.update(func(_ *bbolt.Tx, b txBuckets) error {
		if !full {
			return b.meta.Delete(metaFullPrep)
		}
		return b.meta.Put(metaFullPrep, []byte("1"))
	})
}
