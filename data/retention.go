package data

import (
	"fmt"
	"strconv"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// metaRetention holds the retention setting in whole years ("6"); absent
// means none. It is a policy, not personal data, so it stays plaintext.
var metaRetention = []byte("retention_years")

// Retention returns the retention period in years, 0 if none is set.
func (s *Store) Retention() (int, error) {
	var years int
	err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
		raw := b.meta.Get(metaRetention)
		if raw == nil {
			return nil
		}
		n, err := strconv.Atoi(string(raw))
		if err != nil || coach.CheckRetention(n) != nil {
			return errCorrupt(s.path, err, fmt.Sprintf("the retention setting %q is not a number of years", raw))
		}
		years = n
		return nil
	})
	return years, err
}

// SetRetention sets the retention period in years; 0 turns it off.
func (s *Store) SetRetention(years int) error {
	if err := coach.CheckRetention(years); err != nil {
		return errInvalid(err, "store.what.retention")
	}
	return s.update(func(_ *bbolt.Tx, b txBuckets) error {
		if years == 0 {
			return b.meta.Delete(metaRetention)
		}
		return b.meta.Put(metaRetention, []byte(strconv.Itoa(years)))
	})
}
