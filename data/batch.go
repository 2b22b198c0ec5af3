package data

import (
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// MaxBatch bounds the sessions SaveSessions writes in one transaction, so
// that one call cannot hold the file (and memory) for long. Callers with
// more split them: a few hundred at a time is quickest.
const MaxBatch = 5000

// SaveSessions saves many sessions in one transaction, all or none, for
// demo data and bulk imports: each is tidied, checked and filed with its
// indexes exactly as SaveSession does (the same ErrAgreed, the same merge
// of addenda), except that a session that already carries a Saved time
// keeps it (and its Updated, if later): demo data and records made
// elsewhere are saved on the day they say. One without is stamped now.
// The first fault names the session by its place in ss ("sessions[3]: …").
// Every person must exist (ErrNotFound).
func (s *Store) SaveSessions(ss []coach.Session) error {
	if len(ss) == 0 {
		return nil
	}
	if len(ss) > MaxBatch {
		return errInvalid(fmt.Errorf("%d sessions in one batch, more than %d", len(ss), MaxBatch), "cannot save the sessions")
	}
	now := s.now()
	ready := make([]coach.Session, len(ss))
	read := make([]time.Time, len(ss))
	for i, sess := range ss {
		read[i] = sess.Updated
		var err error
		if ready[i], err = prepareSave(sess, now, true); err != nil {
			return errInvalid(fmt.Errorf("sessions[%d]: %w", i, err), "the sessions cannot be saved")
		}
	}
	return s.update(func(_ *bbolt.Tx, b txBuckets) error {
		// The words of a batch go straight into idx_words, in one pass.
		batch := &textBatch{}
		if len(ready) < tailMax {
			batch = nil
		}
		for i, sess := range ready {
			merged, err := s.resaveTx(b, sess, read[i])
			if err == nil {
				err = s.saveSessionBatchTx(b, s.guide(sess.Lang), merged, batch)
			}
			if err != nil {
				if e, ok := err.(*Error); ok {
					c := *e
					c.Msg = fmt.Sprintf("sessions[%d]: %s", i, e.Msg)
					return &c
				}
				return fmt.Errorf("sessions[%d]: %w", i, err)
			}
		}
		return batch.flush(b)
	})
}
