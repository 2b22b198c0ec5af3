package data

import (
	"encoding/json"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
	"attend/coach/msg"
)

// An erase or a new passphrase commits its change in one transaction and
// then rewrites (compacts) the whole file, so that what was removed (the
// erased records, the key wrapped under the old passphrase) does not stay
// in free pages. A crash or kill -9 between the two would leave those
// fragments in a file that otherwise looks fine. So the same transaction
// as the change records that a rewrite is pending (metaPending); the
// compacted copy is written without it, so the mark goes exactly when the
// new file is renamed into place. Check reports a pending rewrite, and
// every Open that may write finishes it before anything else.

// metaPending is the meta key of the pending-rewrite mark: JSON of a
// pendingRewrite. It holds a time and counts, never a name or an id.
var metaPending = []byte("pending_rewrite")

// pendingRewrite says why the file still needs rewriting.
type pendingRewrite struct {
	Since      time.Time `json:"since"`                // when the first change still waiting was saved
	Erasures   int       `json:"erasures,omitempty"`   // people erased since the last rewrite
	Passphrase int       `json:"passphrase,omitempty"` // passphrase changes since the last rewrite
}

// pendingWhy is what a rewrite's change leaves in free pages, if anything.
type pendingWhy int

const (
	pendingNone pendingWhy = iota
	pendingErase
	pendingPassphrase
)

// readPending returns the mark, or nil if no rewrite is pending. A mark
// that does not decode still means a rewrite is pending.
func readPending(meta *bbolt.Bucket) *pendingRewrite {
	raw := meta.Get(metaPending)
	if raw == nil {
		return nil
	}
	var p pendingRewrite
	if err := json.Unmarshal(raw, &p); err != nil {
		return &pendingRewrite{}
	}
	return &p
}

// markPending adds why to the mark, inside the change's own transaction.
func markPending(meta *bbolt.Bucket, why pendingWhy, now time.Time) error {
	if why == pendingNone {
		return nil
	}
	p := readPending(meta)
	if p == nil {
		p = &pendingRewrite{}
	}
	if p.Since.IsZero() {
		p.Since = now.UTC().Truncate(time.Second)
	}
	switch why {
	case pendingErase:
		p.Erasures++
	case pendingPassphrase:
		p.Passphrase++
	}
	raw, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return meta.Put(metaPending, raw)
}

// what says in words what the pending rewrite is for ("an erasure and a
// change of passphrase saved Thu 26 Nov 2026 09:00").
func (p *pendingRewrite) what() *pendingWhat { return &pendingWhat{p} }

// pendingWhat is what a pending rewrite is for, in any language.
type pendingWhat struct{ p *pendingRewrite }

func (w *pendingWhat) Error() string { return w.Text(msg.New("en")) }

func (w *pendingWhat) Text(l *msg.Lang) string {
	p := w.p
	var parts []string
	if p.Erasures > 0 {
		parts = append(parts, l.T("store.pending.erasures", "Count", p.Erasures, "N", msg.Thousands(p.Erasures)))
	}
	if p.Passphrase > 0 {
		parts = append(parts, l.T("store.pending.passphrase"))
	}
	if len(parts) == 0 {
		parts = append(parts, l.T("store.pending.change"))
	}
	s := parts[0]
	if len(parts) > 1 {
		s = l.T("store.pending.and", "A", parts[0], "B", parts[1])
	}
	if !p.Since.IsZero() {
		t := p.Since.Local()
		s = l.T("store.pending.saved", "What", s, "When", l.Date(t)+" "+t.Format("15:04"))
	}
	return s
}

// leftInFreeSpace says what may remain in free pages until the rewrite.
func (p *pendingRewrite) leftInFreeSpace() *coach.Said {
	switch {
	case p.Erasures > 0 && p.Passphrase > 0:
		return said("store.pending.left.both")
	case p.Passphrase > 0:
		return said("store.pending.left.key")
	}
	return said("store.pending.left.erased")
}

// fault is Check's sentence about a pending rewrite.
func (p *pendingRewrite) fault(path string) *coach.Said {
	return said("store.pending.fault", "What", p.what(), "Path", path, "Left", p.leftInFreeSpace())
}

// pending reads the mark from the file as it is now (nil if none).
func (s *Store) pending() (*pendingRewrite, error) {
	var p *pendingRewrite
	err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
		p = readPending(b.meta)
		return nil
	})
	return p, err
}

// finishPending rewrites the file if an interrupted erase or passphrase
// change left it pending. Open calls it for every Store that may write. If
// the rewrite fails, the error (ErrNotCompacted) says what to do.
func (s *Store) finishPending() error {
	p, err := s.pending()
	if err != nil || p == nil {
		return err
	}
	err = s.rewrite(pendingNone, nil)
	if err == nil {
		return nil
	}
	return saidErr(ErrNotCompacted, s.path, err, "store.pending.unfinished",
		"What", p.what(), "Path", s.path, "Left", p.leftInFreeSpace(), "Why", whyNot(err), "Fix", fixFor(err))
}
