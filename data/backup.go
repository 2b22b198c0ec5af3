package data

import (
	"os"
	"path/filepath"

	"go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the database to dst (mode 0600), even
// while another attend is using the file: it reads one snapshot under a
// shared lock, writes it to a temporary file beside dst and renames it into
// place, so dst is never left half-written. If dst is a folder, the copy is
// named attend-YYYYMMDD-HHMMSS.db inside it. An existing file is replaced.
func (s *Store) Backup(dst string) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return errClosed(s.path)
	}
	if fi, err := os.Stat(dst); err == nil && fi.IsDir() {
		dst = filepath.Join(dst, "attend-"+s.now().Format("20060102-150405")+".db")
	}
	if abs, err := filepath.Abs(dst); err == nil {
		dst = abs
	}
	if a, errA := os.Stat(dst); errA == nil {
		if b, errB := os.Stat(s.path); errB == nil && os.SameFile(a, b) {
			return saidErr(ErrInvalid, s.path, nil, "store.backup.self")
		}
	}
	CleanBackupLeftovers(filepath.Dir(dst))
	return s.backupTo(dst)
}

// backupTo copies the file as it stands, accepting an older schema (the
// copy made before a migration).
func (s *Store) backupTo(dst string) error {
	if _, err := inspectFile(s.path); err != nil {
		return err
	}
	dir := filepath.Dir(dst)
	tmp, err := os.CreateTemp(dir, ".attend-backup-*")
	if err != nil {
		if oe := osErr(dst, err, true); oe != nil {
			return oe
		}
		return errBackup("store.backup.write", dst, err)
	}
	tmpName := tmp.Name()
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	// Hold the copy's lock until it is renamed, so that another attend
	// starting meanwhile does not take it for one left behind by a crash.
	_ = tryLock(tmp)
	if err := tmp.Chmod(0o600); err != nil {
		return errBackup("store.backup.write", dst, err)
	}

	err = s.withDB(true, func(db *bbolt.DB) error {
		return db.View(func(tx *bbolt.Tx) error {
			if err := guardSize(s.path, tx.Size()); err != nil {
				return err
			}
			if _, err := s.schemaOf(tx, true); err != nil {
				return err
			}
			_, err := tx.WriteTo(tmp)
			return err
		})
	})
	if err != nil {
		if oe := osErr(dst, err, true); oe != nil {
			return oe
		}
		return err
	}
	if err := tmp.Sync(); err != nil {
		if oe := osErr(dst, err, true); oe != nil {
			return oe
		}
		return errBackup("store.backup.write", dst, err)
	}
	if err := tmp.Close(); err != nil {
		return errBackup("store.backup.write", dst, err)
	}
	if err := os.Rename(tmpName, dst); err != nil {
		if oe := osErr(dst, err, true); oe != nil {
			return oe
		}
		return errBackup("store.backup.write", dst, err)
	}
	done = true
	syncDir(dir)
	// The copy must itself be a sound file.
	if _, err := inspectFile(dst); err != nil {
		return errBackup("store.backup.bad", dst, err)
	}
	return nil
}
