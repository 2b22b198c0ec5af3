package data

// The Store's transactions: the file is opened for each one (withDB) and
// let go after, so that another attend, or a backup, is never kept waiting
// longer than one call; reads (view, and shared across both cores) and
// writes (update) are checked the same way, under safely.

import (
	"os"
	"sync"
	"sync/atomic"
	"time"

	"go.etcd.io/bbolt"
)

// withDB opens the file, runs fn and closes it. Errors come back classified.
func (s *Store) withDB(readOnly bool, fn func(*bbolt.DB) error) error {
	return s.withDBOptions(&bbolt.Options{ReadOnly: readOnly}, fn)
}

// withDBOptions is withDB with more bbolt options (OpenFile is always
// attend's; a zero Timeout means LockTimeout). The open and fn both run under safely: bbolt reads the
// file through a memory map, so a damaged file can fault anywhere.
func (s *Store) withDBOptions(o *bbolt.Options, fn func(*bbolt.DB) error) error {
	if o.Timeout <= 0 { // 0 would make bbolt wait for ever
		o.Timeout = s.opt.LockTimeout
	}
	deadline := time.Now().Add(o.Timeout)
	var db *bbolt.DB
	for attempt := 0; ; attempt++ {
		var f *os.File
		o.OpenFile = func(name string, flag int, perm os.FileMode) (*os.File, error) {
			var err error
			f, err = openNoCreate(name, flag, perm)
			return f, err
		}
		err := safely(s.path, func() error {
			var err error
			db, err = bbolt.Open(s.path, 0o600, o)
			return err
		})
		if err != nil {
			err = s.classify(err, !o.ReadOnly)
			s.noteDamage(err)
			return err
		}
		// Erasure, encryption and compaction rename a new file over the
		// path while holding the old file's lock. One that waited on that
		// lock now holds a file nobody will read again: open the new one.
		if attempt < maxReopen && replacedWhileWaiting(f, s.path) {
			db.Close()
			o.Timeout = max(time.Until(deadline), minLockWait)
			continue
		}
		break
	}
	err := safely(s.path, func() error { return fn(db) })
	if cerr := db.Close(); err == nil && cerr != nil {
		err = cerr
	}
	err = s.classify(err, !o.ReadOnly)
	s.noteDamage(err)
	return err
}

// maxInitialMmap bounds the mapping updateGrowing asks for; a larger file
// is mapped as bbolt would anyway.
const maxInitialMmap = 1 << 30 // within what bbolt maps on 32-bit machines too

// maxReopen bounds how often withDBOptions follows a file replaced while
// it waited for the lock.
const maxReopen = 5

// replacedWhileWaiting reports whether path now names another file than f.
func replacedWhileWaiting(f *os.File, path string) bool {
	if f == nil {
		return false
	}
	a, errA := f.Stat()
	b, errB := os.Stat(path)
	return errA == nil && errB == nil && !os.SameFile(a, b)
}

// view runs fn in a read-only transaction on a freshly opened, checked file.
func (s *Store) view(fn func(tx *bbolt.Tx, b txBuckets) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return errClosed(s.path)
	}
	return s.viewLocked(fn)
}

// shared calls work(b, i) once for each i in [0, n), each call given
// the buckets of a read transaction of the file: the caller's (tx, b),
// or those of another read-only transaction of the same open file, begun
// on a second goroutine and checked as view checks one. The two take the
// next i not yet taken, in turn, so that if the second goroutine starts
// late (the other core busy), the caller does most of the work itself
// rather than wait for it; one whose start comes after the caller has
// taken the last i begins no transaction at all. bbolt's transactions,
// cursors and buckets are not safe to share between goroutines, but read
// transactions of one file may run side by side; the second goroutine
// runs under safely too (SetPanicOnFault is per goroutine). shared
// returns when every call taken has returned, with the first error, and
// takes no more once one has failed. Only for reading: tx must be
// read-only, and work(b, i) must not keep what b returns past its call.
func (s *Store) shared(tx *bbolt.Tx, b txBuckets, n int, work func(b txBuckets, i int) error) error {
	var (
		next   atomic.Int64
		failed atomic.Bool
		mu     sync.Mutex
		over   bool // the caller has done all it will
		begun  bool // the second goroutine began a transaction
	)
	run := func(b txBuckets) error {
		for !failed.Load() {
			i := int(next.Add(1) - 1)
			if i >= n {
				return nil
			}
			if err := work(b, i); err != nil {
				failed.Store(true)
				return err
			}
		}
		return nil
	}
	other := make(chan error, 1)
	go func() {
		mu.Lock()
		if over {
			mu.Unlock()
			return
		}
		begun = true
		mu.Unlock()
		other <- safely(s.path, func() error {
			return tx.DB().View(func(tx2 *bbolt.Tx) error {
				b2, err := s.checkTx(tx2)
				if err != nil {
					return err
				}
				return run(b2)
			})
		})
	}()
	wait := func() error {
		mu.Lock()
		over = true
		w := begun
		mu.Unlock()
		if w {
			return <-other
		}
		return nil
	}
	err := func() error {
		defer func() { // a fault here: the file stays open until the other is done
			if r := recover(); r != nil {
				failed.Store(true) // the other takes no more
				wait()
				panic(r)
			}
		}()
		return run(b)
	}()
	if oerr := wait(); err == nil {
		err = oerr
	}
	return err
}

func (s *Store) viewLocked(fn func(tx *bbolt.Tx, b txBuckets) error) error {
	return s.withDB(true, func(db *bbolt.DB) error {
		return db.View(func(tx *bbolt.Tx) error {
			b, err := s.checkTx(tx)
			if err != nil {
				return err
			}
			return fn(tx, b)
		})
	})
}

// beginWrite checks that this store may write and validates the file
// read-only first; it returns how long the write may wait for the lock.
// Both opens share one LockTimeout, so a write gives up in about
// LockTimeout however the other attend's locks fall. s.mu must be held.
func (s *Store) beginWrite() (time.Duration, error) {
	if s.closed {
		return 0, errClosed(s.path)
	}
	if s.opt.ReadOnly {
		return 0, errReadOnly(s.path)
	}
	if d := s.damaged.Load(); d != nil {
		return 0, saidErr(ErrCorrupt, s.path, d, "store.damaged.nowrite", "Path", s.path, "Found", d)
	}
	// attend check found it damaged, here or in another attend: the
	// writes this one's own reads allow are refused too.
	if err := s.markedDamaged(); err != nil {
		return 0, err
	}
	// On a disk with (next to) no space left, a commit would overwrite free
	// pages inside the file before failing to grow it: refuse first, so the
	// file is left byte for byte as it was.
	if free := diskFree(s.path); free >= 0 && free < minFreeToWrite {
		return 0, saidErr(ErrDiskFull, s.path, nil, "store.diskfull", "Path", s.path)
	}
	// The file as this Store's own last write left it (the same file, its
	// size and modification time unchanged) was checked then and written
	// by nobody since: the read-only open would only check it again. Any
	// other write (another attend, a copy or rename over it, a truncation)
	// changes one of the three, and the file is checked read-only as ever.
	// The transaction checks the file again either way (checkTx).
	if s.written != nil {
		if fi, err := os.Stat(s.path); err == nil && sameState(s.written, fi) {
			return s.opt.LockTimeout, nil
		}
	}
	start := time.Now()
	if err := s.viewLocked(func(*bbolt.Tx, txBuckets) error { return nil }); err != nil {
		return 0, err
	}
	return max(s.opt.LockTimeout-time.Since(start), minLockWait), nil
}

// sameState reports whether a and b are the same file with the same size
// and modification time.
func sameState(a, b os.FileInfo) bool {
	return os.SameFile(a, b) && a.Size() == b.Size() && a.ModTime().Equal(b.ModTime())
}

// minFreeToWrite is the least free space a write starts with. A save needs a
// few pages; less than this means the disk is full for practical purposes.
const minFreeToWrite = 256 << 10

// update validates the file read-only, then runs fn in one read-write
// transaction, re-checking the meta inside it before anything is written.
func (s *Store) update(fn func(tx *bbolt.Tx, b txBuckets) error) error {
	return s.updateGrowing(0, fn)
}

// updateGrowing is update for a transaction that may add about grow bytes
// to the file: the file is mapped that much larger from the start, so
// that bbolt need not map it again as it grows, which copies every page
// the transaction has touched out of the old mapping (a batch of
// thousands of sessions crossed a doubling of the mapping most times).
func (s *Store) updateGrowing(grow int64, fn func(tx *bbolt.Tx, b txBuckets) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	wait, err := s.beginWrite()
	if err != nil {
		return err
	}
	s.written = nil
	opt := &bbolt.Options{Timeout: wait}
	if fi, err := os.Stat(s.path); err == nil && grow > 0 {
		opt.InitialMmapSize = int(min(fi.Size()+grow, maxInitialMmap))
	}
	return s.withDBOptions(opt, func(db *bbolt.DB) error {
		err := db.Update(func(tx *bbolt.Tx) error {
			b, err := s.checkTx(tx)
			if err != nil {
				return err
			}
			return fn(tx, b)
		})
		if err == nil {
			// Still holding the lock: nobody else has written since.
			if fi, serr := os.Stat(s.path); serr == nil {
				s.written = fi
			}
		}
		return err
	})
}

// checkTx is the per-transaction guard: the file is as long as its header
// says, it is attend's, and its schema is exactly this attend's.
func (s *Store) checkTx(tx *bbolt.Tx) (txBuckets, error) {
	if err := guardSize(s.path, tx.Size()); err != nil {
		return txBuckets{}, err
	}
	if _, err := s.schemaOf(tx, false); err != nil {
		return txBuckets{}, err
	}
	if err := s.checkCrypto(tx.Bucket(bktMeta)); err != nil {
		return txBuckets{}, err
	}
	return bucketsOf(tx, s.seal)
}
