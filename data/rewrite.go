package data

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// bbolt never shrinks a file and never wipes a freed page: a deleted record
// stays readable in free pages until they are reused. Where that matters
// (erasure, turning encryption on, a new passphrase) attend writes a new
// file holding only the live records and renames it over the old one.

// ErrNotCompacted: a change was committed, but the file could not then be
// rewritten, so fragments of what was removed may remain in free pages.
var ErrNotCompacted = errors.New("database not compacted")

// replaceFile builds a new database file beside path with build, syncs it,
// checks it and renames it over path. The caller holds the old file's lock
// (an open read-write bbolt.DB), so no other attend writes meanwhile; one
// that was waiting for the old file notices it was replaced and opens the
// new one (see withDBOptions).
func replaceFile(path string, build func(dst *bbolt.DB) error) error {
	dir := filepath.Dir(path)
	tmp, err := createTemp(dir, tmpRewrite+"*.db")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	tmp.Close()
	renamed := false
	defer func() {
		if !renamed {
			os.Remove(tmpName)
		}
	}()
	if err := os.Chmod(tmpName, 0o600); err != nil {
		return err
	}
	dst, err := bbolt.Open(tmpName, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		return err
	}
	if err := build(dst); err != nil {
		dst.Close()
		return err
	}
	if err := dst.Close(); err != nil {
		return err
	}
	// bbolt's lock has gone with Close: hold one until the rename, so that
	// another attend starting meanwhile does not take the copy for one left
	// behind by a crash.
	if hold, err := os.Open(tmpName); err == nil {
		_ = tryLock(hold)
		defer hold.Close()
	}
	if err := syncFile(tmpName); err != nil {
		return err
	}
	if _, err := inspectFile(tmpName); err != nil {
		return fmt.Errorf("the rewritten file did not come out right, so the old one was kept: %w", err)
	}
	if err := os.Rename(tmpName, path); err != nil {
		return err
	}
	renamed = true
	syncDir(dir)
	return nil
}

// rewrite runs fn in one read-write transaction, as update does, and then,
// still holding the lock, compacts the whole file into a new one renamed
// over the old, so nothing fn deleted or replaced survives in a free page.
// why says what fn leaves in free pages: unless it is pendingNone, fn's
// transaction also marks the rewrite pending (pending.go), and the
// compacted copy is written without the mark, so a crash between the two
// leaves a file that says so. A nil fn only compacts. If fn's change
// committed but the compaction failed, the error is an ErrNotCompacted
// *Error saying so.
func (s *Store) rewrite(why pendingWhy, fn func(tx *bbolt.Tx, b txBuckets) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	wait, err := s.beginWrite()
	if err != nil {
		return err
	}
	committed := false
	var rewriteErr error // why the rewrite after the commit failed, unclassified
	err = s.withDBOptions(&bbolt.Options{Timeout: wait}, func(db *bbolt.DB) error {
		if fn != nil {
			err := db.Update(func(tx *bbolt.Tx) error {
				b, err := s.checkTx(tx)
				if err != nil {
					return err
				}
				if err := fn(tx, b); err != nil {
					return err
				}
				return markPending(b.meta, why, s.now())
			})
			if err != nil {
				return err
			}
			committed = true
		} else if err := db.View(func(tx *bbolt.Tx) error { _, err := s.checkTx(tx); return err }); err != nil {
			return err
		}
		rewriteErr = replaceFile(s.path, func(dst *bbolt.DB) error { return compactInto(dst, db) })
		return rewriteErr
	})
	if err != nil && committed {
		if rewriteErr == nil {
			rewriteErr = err
		}
		return saidErr(ErrNotCompacted, s.path, err, "store.rewrite.unfinished",
			"Path", s.path, "Why", whyNot(rewriteErr), "Fix", fixFor(rewriteErr))
	}
	return err
}

// compactInto copies every live record of src into the new file dst, in
// one transaction, filling each page (as bbolt.Compact does), and without
// the pending-rewrite mark: dst is the rewrite that was pending. The mark
// is never written to dst, so not even a free page of it holds one.
func compactInto(dst, src *bbolt.DB) error {
	return src.View(func(in *bbolt.Tx) error {
		return dst.Update(func(out *bbolt.Tx) error {
			return in.ForEach(func(name []byte, b *bbolt.Bucket) error {
				ob, err := out.CreateBucketIfNotExists(name)
				if err != nil {
					return err
				}
				var skip []byte
				if bytes.Equal(name, bktMeta) {
					skip = metaPending
				}
				ob.FillPercent = 1
				return copyBucket(b, ob, skip)
			})
		})
	})
}

// createTemp is os.CreateTemp (replaced in tests, to fill the disk).
var createTemp = os.CreateTemp

// whyNot says in a few words why a file operation failed.
func whyNot(err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return said("store.whynot.full")
	case errors.Is(err, syscall.EROFS):
		return said("store.whynot.readonly")
	case errors.Is(err, fs.ErrPermission):
		return said("store.whynot.denied")
	}
	return err
}

// fixFor says what to do about a file operation that failed.
func fixFor(err error) *coach.Said {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return said("store.fix.space")
	case errors.Is(err, syscall.EROFS), errors.Is(err, fs.ErrPermission):
		return said("store.fix.writable")
	}
	return said("store.fix.other")
}

// Compact rewrites the database into a new file holding only its live
// records and renames it over the old one, so nothing deleted before
// survives in free pages. The records do not change; the search index is
// built afresh, dropping the numbers of sessions saved again or removed.
func (s *Store) Compact() error {
	return s.rewrite(pendingNone, func(tx *bbolt.Tx, _ txBuckets) error { return rebuildTextIndex(tx, s.seal) })
}
