package data

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"go.etcd.io/bbolt"
)

// Temporary copies. A backup, a rewrite (erase, compact, encrypt, a new
// passphrase) and the very first start each build a whole new file under a
// hidden name in the same folder, mode 0600, and rename it into place when
// it is complete. Any error removes it; but a crash or kill -9 part-way
// leaves it behind, and it is a full copy of the records (unencrypted, if
// the database was). So every open for writing removes the ones beside the
// database, and `attend check` names any it finds.
const (
	tmpBackup  = ".attend-backup-"
	tmpRewrite = ".attend-rewrite-"
	tmpNew     = ".attend-new-"
)

var tmpPrefixes = []string{tmpBackup, tmpRewrite, tmpNew}

// leftoverCandidates lists the temporary copies in dir, sorted.
func leftoverCandidates(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		for _, p := range tmpPrefixes {
			if strings.HasPrefix(e.Name(), p) {
				out = append(out, filepath.Join(dir, e.Name()))
				break
			}
		}
	}
	slices.Sort(out)
	return out
}

// Leftovers lists the temporary copies beside the database that no attend
// is writing now: what an interrupted backup or rewrite left behind. It
// only reads.
func (s *Store) Leftovers() []string {
	var out []string
	for _, name := range leftoverCandidates(filepath.Dir(s.path)) {
		if f, ok := claimLeftover(name); ok {
			out = append(out, name)
			f.Close()
		}
	}
	return out
}

// RemoveLeftovers removes the temporary copies beside the database that no
// attend is writing now, and returns those removed. Open calls it for every
// store that may write; it holds the database's write lock meanwhile, so
// that no rewrite of this database is half-way, and claims each copy with a
// lock of its own, so that one another attend is still writing is left alone.
func (s *Store) RemoveLeftovers() ([]string, error) {
	return s.removeLeftovers(s.opt.LockTimeout)
}

func (s *Store) removeLeftovers(wait time.Duration) ([]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errClosed(s.path)
	}
	cands := leftoverCandidates(filepath.Dir(s.path))
	if len(cands) == 0 {
		return nil, nil
	}
	if s.opt.ReadOnly {
		return nil, errReadOnly(s.path)
	}
	var removed []string
	var errs []error
	err := s.withDBOptions(&bbolt.Options{Timeout: wait}, func(*bbolt.DB) error {
		removed, errs = removeUnclaimed(cands)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return removed, errors.Join(errs...)
}

// removeLeftoversQuickly is RemoveLeftovers waiting only briefly for the lock.
func (s *Store) removeLeftoversQuickly() {
	_, _ = s.removeLeftovers(min(s.opt.LockTimeout, 200*time.Millisecond))
}

// CleanBackupLeftovers removes the temporary copies an interrupted backup
// left in dir (a backup's destination folder), if no attend is writing them.
func CleanBackupLeftovers(dir string) []string {
	var cands []string
	for _, c := range leftoverCandidates(dir) {
		if strings.HasPrefix(filepath.Base(c), tmpBackup) {
			cands = append(cands, c)
		}
	}
	removed, _ := removeUnclaimed(cands)
	return removed
}

func removeUnclaimed(cands []string) (removed []string, errs []error) {
	for _, name := range cands {
		f, ok := claimLeftover(name)
		if !ok {
			continue
		}
		err := os.Remove(name)
		f.Close()
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
			continue
		}
		removed = append(removed, name)
	}
	return removed, errs
}

// claimLeftover opens a temporary copy and takes its lock without waiting:
// ok is false if another attend (or this one) is still writing it.
func claimLeftover(name string) (*os.File, bool) {
	f, err := os.OpenFile(name, os.O_RDONLY, 0)
	if err != nil {
		return nil, false
	}
	if !tryLock(f) {
		f.Close()
		return nil, false
	}
	if !lockMeansAbandoned || strings.HasPrefix(filepath.Base(name), tmpNew) {
		// A new database being made is not yet locked by anything attend
		// can see; it holds no records, so it can wait until surely abandoned.
		// Without file locks, only a copy untouched for a while is taken
		// to be abandoned.
		if fi, err := f.Stat(); err != nil || time.Since(fi.ModTime()) < abandonedAfter {
			f.Close()
			return nil, false
		}
	}
	return f, true
}

// abandonedAfter is how old a temporary copy must be to count as left
// behind where file locks cannot tell.
const abandonedAfter = 10 * time.Minute
