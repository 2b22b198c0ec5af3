// Package data keeps attend's records in one bbolt file.
//
// The file is never held open while attend is idle: every call opens it,
// runs one short transaction, copies what it needs out and closes it again.
// So two attend processes (two windows, or a window and `attend export`)
// can share one file; a call that meets the other's lock waits up to
// Options.LockTimeout and then returns ErrLocked.
//
// A file that is empty, not attend's or from a newer attend is refused and
// never written: every write first validates the file through a read-only
// open, and re-checks the meta inside the write transaction. Damage shows
// only where pages are read: a Store that has met it (a page bbolt cannot
// read, a record whose checksum fails) writes nothing more, and a file
// that Check found damaged is refused to every write (DamageMark) until
// it is replaced.
package data

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// DefaultLockTimeout is how long a call waits for another attend to let go.
const DefaultLockTimeout = 2 * time.Second

// minLockWait is the least a write's second open waits for the lock.
const minLockWait = 100 * time.Millisecond

// DefaultPath is attend/attend.db under dataHome, the XDG data home the
// caller found (~/.local/share gives ~/.local/share/attend/attend.db),
// creating that folder 0700. data never reads the environment itself.
func DefaultPath(dataHome string) (string, error) {
	if dataHome == "" {
		return "", said("store.nohome")
	}
	dir := filepath.Join(dataHome, "attend")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		if oe := osErr(dir, err, true); oe != nil {
			return "", oe
		}
		return "", saidWrap{said("store.create.folder", "Path", dir, "Err", err), err}
	}
	return filepath.Join(dir, "attend.db"), nil
}

// Options tune a Store. The zero value is fine.
type Options struct {
	// LockTimeout is how long to wait for another attend's lock (default 2s).
	LockTimeout time.Duration
	// ReadOnly opens for reading only: a missing file is an error rather
	// than created, and every write returns ErrReadOnly.
	ReadOnly bool
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Guide is the prompt set used to summarise sessions whose language has
	// no prompt file (default coach.LoadGuide("en"), loaded when first
	// needed: a command that only reads, such as attend actions, never
	// parses it).
	Guide *coach.Guide
	// Upgrading, if set, is told just before a file from an older attend
	// is upgraded, with where its copy from before will be: the upgrade
	// rewrites much of the file, seconds at 100,000 sessions, and a person
	// waiting at a blank terminal should know why.
	Upgrading func(backup string)
	// GuideLang, with no Guide, is the language whose prompts stand in for
	// Guide, loaded when first needed (English if it has none).
	GuideLang string
	// Passphrase opens an encrypted database (ignored for an unencrypted
	// one). Open derives the key from it and keeps no copy of it. Without
	// it an encrypted file is ErrNeedPassphrase; a wrong one is
	// ErrWrongPassphrase; either way nothing is changed.
	Passphrase []byte
}

// Store is attend's database. It is safe for concurrent use.
type Store struct {
	path string
	opt  Options

	// mu serialises this process's writes (and lets reads share); Close
	// takes it to wait for anything in flight.
	mu     sync.RWMutex
	closed bool

	guideMu sync.Mutex
	guides  map[string]*coach.Guide

	// hashers keeps the search index's hashers (each remembers the
	// prefixes it hashed), so that saves share the work.
	hashMu   sync.Mutex
	hashFree []*hasher

	// Encryption, set once by Open and never changed: the sealer (nil for
	// an unencrypted file) and the key record it was unwrapped from.
	seal     *sealer
	cmeta    cryptoMeta
	cmetaRaw []byte

	// damaged is the first damage any read found (an ErrCorrupt *Error).
	// From then on this Store refuses every write, so that nothing is
	// written into a file that is known to be damaged.
	damaged atomic.Pointer[Error]

	// written is the file as this Store's last write left it, taken while
	// that write still held the lock (s.mu guards it): see beginWrite.
	written os.FileInfo
}

// noteDamage remembers err if it reports damage to the file.
func (s *Store) noteDamage(err error) {
	var e *Error
	if errors.As(err, &e) && e.damage {
		s.damaged.CompareAndSwap(nil, e)
	}
}

// Damaged returns the damage a read has found in the file since this Store
// opened it (an ErrCorrupt *Error), or nil. While it is not nil, every
// write is refused with ErrCorrupt.
func (s *Store) Damaged() error {
	if e := s.damaged.Load(); e != nil {
		return e
	}
	return nil
}

// Open checks the file at path and returns a Store for it. A missing file is
// created (unless ReadOnly); an older schema is migrated after a backup copy
// is made beside it; anything else wrong is refused without writing.
func Open(path string, opt Options) (*Store, error) {
	if path == "" {
		return nil, said("store.nopath")
	}
	path, err := resolvePath(path)
	if err != nil {
		return nil, err
	}
	if opt.LockTimeout <= 0 {
		opt.LockTimeout = DefaultLockTimeout
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	pass := opt.Passphrase
	opt.Passphrase = nil // the Store keeps the key, never the passphrase
	s := &Store{path: path, opt: opt, guides: map[string]*coach.Guide{}}
	if opt.Guide != nil {
		s.guides[opt.Guide.Lang] = opt.Guide
	}

	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		if opt.ReadOnly {
			if _, derr := os.Stat(filepath.Dir(path)); errors.Is(derr, fs.ErrNotExist) {
				// "Run attend once" would not help here: attend makes no
				// folder for a path it is given (found in a trial).
				return nil, saidErr(ErrNoDatabase, path, err, "store.nodb.nofolder", "Path", path, "Dir", filepath.Dir(path))
			}
			return nil, saidErr(ErrNoDatabase, path, err, "store.nodb", "Path", path)
		}
		if err := s.create(); err != nil {
			return nil, err
		}
	} else if err != nil {
		if oe := osErr(path, err, false); oe != nil {
			return nil, oe
		}
		return nil, err
	}

	from, cryptoRaw, err := s.validate()
	if err != nil {
		return nil, err
	}
	if err := s.unlock(cryptoRaw, pass); err != nil {
		return nil, err
	}
	if !opt.ReadOnly {
		// attend check found this file damaged: nothing is written to it,
		// not even an upgrade; a read-only open still reads what it can.
		if err := s.markedDamaged(); err != nil {
			return nil, err
		}
	}
	if from < schemaTarget {
		if opt.ReadOnly {
			return nil, saidErr(ErrReadOnly, path, nil, "store.upgrade", "Path", path)
		}
		if err := s.migrate(from); err != nil {
			return nil, err
		}
	}
	if !opt.ReadOnly {
		// An erase or passphrase change that was interrupted before its
		// rewrite is finished before anything else is written.
		if err := s.finishPending(); err != nil {
			return nil, err
		}
		// Best effort: if another attend holds the file, the next open tries again.
		s.removeLeftoversQuickly()
	}
	return s, nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close waits for calls in flight; afterwards every call returns ErrClosed.
// The file itself is not held open, so there is nothing else to release.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	// The hashers remember words of the notes saved: let them go.
	s.hashMu.Lock()
	s.hashFree = nil
	s.hashMu.Unlock()
	return nil
}

func (s *Store) now() time.Time { return s.opt.Now() }

// guide returns the prompt set for a session's language, falling back to
// Options.Guide, for summaries.
func (s *Store) guide(lang string) *coach.Guide {
	s.guideMu.Lock()
	defer s.guideMu.Unlock()
	if g, ok := s.guides[lang]; ok {
		return g
	}
	g, err := coach.LoadGuide(lang)
	if err != nil || lang == "" {
		g = s.fallbackGuide()
	}
	s.guides[lang] = g
	return g
}

// fallbackGuide is Options.Guide, else attend's default prompts, loaded
// now. s.guideMu must be held.
func (s *Store) fallbackGuide() *coach.Guide {
	if s.opt.Guide == nil && s.opt.GuideLang != "" {
		if g, err := coach.LoadGuide(s.opt.GuideLang); err == nil {
			s.opt.Guide = g
		}
	}
	if s.opt.Guide == nil {
		g, err := coach.LoadGuide(coach.DefaultLang)
		if err != nil {
			// The prompts are built into attend; a build that cannot
			// read its own is broken (coach's tests parse them).
			panic(fmt.Sprintf("attend's own %s prompts cannot be read: %v", coach.DefaultLang, err))
		}
		s.opt.Guide = g
	}
	return s.opt.Guide
}

// create builds a new database in a temporary file beside path and moves it
// into place only when complete, so a crash during the very first
// initialisation never leaves a half-made file at the real path.
func (s *Store) create() error {
	dir := filepath.Dir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		if oe := osErr(dir, err, true); oe != nil {
			return oe
		}
		return saidWrap{said("store.create.folder", "Path", dir, "Err", err), err}
	}
	tmp, err := os.CreateTemp(dir, ".attend-new-*.db")
	if err != nil {
		if oe := osErr(s.path, err, true); oe != nil {
			return oe
		}
		return saidWrap{said("store.create.file", "Path", s.path, "Err", err), err}
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpName) // a no-op once renamed; removes the temp name after a link

	build := func() error {
		if err := os.Chmod(tmpName, 0o600); err != nil {
			return err
		}
		db, err := bbolt.Open(tmpName, 0o600, &bbolt.Options{Timeout: s.opt.LockTimeout})
		if err != nil {
			return err
		}
		if err := db.Update(func(tx *bbolt.Tx) error { return initTx(tx, s.now()) }); err != nil {
			db.Close()
			return err
		}
		if err := db.Close(); err != nil {
			return err
		}
		return syncFile(tmpName)
	}
	if err := build(); err != nil {
		if oe := osErr(s.path, err, true); oe != nil {
			return oe
		}
		return saidWrap{said("store.create.db", "Path", s.path, "Err", err), err}
	}
	// Link, not rename: if another attend created the file meanwhile, keep
	// theirs rather than replacing it. Fall back to rename where links fail.
	if err := os.Link(tmpName, s.path); err != nil && !errors.Is(err, fs.ErrExist) {
		if err := os.Rename(tmpName, s.path); err != nil {
			return saidWrap{said("store.create.db", "Path", s.path, "Err", err), err}
		}
	}
	syncDir(dir)
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename or link durable. Best effort: not every platform
// can sync a directory.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// validate checks the file read-only and returns its schema version and
// its key record (nil if it is not encrypted).
func (s *Store) validate() (int, []byte, error) {
	if _, err := inspectFile(s.path); err != nil {
		return 0, nil, err
	}
	var schema int
	var cryptoRaw []byte
	err := s.withDB(true, func(db *bbolt.DB) error {
		return db.View(func(tx *bbolt.Tx) error {
			if err := guardSize(s.path, tx.Size()); err != nil {
				return err
			}
			v, err := s.schemaOf(tx, true)
			schema = v
			if err == nil {
				if raw := tx.Bucket(bktMeta).Get(metaCrypto); raw != nil {
					cryptoRaw = bytes.Clone(raw)
				}
			}
			return err
		})
	})
	return schema, cryptoRaw, err
}

// schemaOf reads and judges the meta of an open file. allowOlder accepts a
// schema below this attend's (Open will migrate it).
func (s *Store) schemaOf(tx *bbolt.Tx, allowOlder bool) (int, error) {
	v, err := readSchema(tx)
	switch {
	case errors.Is(err, errNotOurs):
		return 0, errNotAttend(s.path, err)
	case err != nil:
		return 0, errCorrupt(s.path, err, err.Error())
	case v > schemaTarget:
		return v, errNewer(s.path, v, schemaTarget)
	case v < schemaTarget && !allowOlder:
		return v, saidErr(ErrNewerSchema, s.path, nil, "store.replacedolder", "Path", s.path)
	}
	if _, err := bucketsOf(tx, nil); err != nil && v == schemaTarget {
		return v, errCorrupt(s.path, err, err.Error())
	}
	return v, nil
}

// migrate upgrades the file from schema `from`, after a backup copy.
func (s *Store) migrate(from int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	stamp := s.now().UTC().Format("20060102T150405Z")
	bak := fmt.Sprintf("%s.bak-v%d-%s", s.path, from, stamp)
	if s.opt.Upgrading != nil {
		s.opt.Upgrading(bak)
	}
	if err := s.backupTo(bak); err != nil {
		return saidWrap{said("store.upgrade.nobackup", "Path", s.path, "Err", err), err}
	}
	return s.withDB(false, func(db *bbolt.DB) error {
		return db.Update(func(tx *bbolt.Tx) error {
			if err := guardSize(s.path, tx.Size()); err != nil {
				return err
			}
			v, err := s.schemaOf(tx, true)
			if err != nil {
				return err
			}
			if v == schemaTarget { // another attend upgraded it meanwhile
				return nil
			}
			if err := s.migrateTx(tx, v); err != nil {
				return saidWrap{said("store.upgrade.undone", "Path", s.path, "Backup", bak, "Err", err), err}
			}
			return nil
		})
	})
}
