package data

import (
	"attend/coach"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	berrors "go.etcd.io/bbolt/errors"
)

// The kinds of failure a caller may want to tell apart. Every error the store
// returns for one of these is an *Error whose Kind is the sentinel, so
// errors.Is(err, data.ErrLocked) works, and errors.As(err, &e) gives the
// path and a message written for the manager: what is wrong, then what to do.
var (
	// ErrLocked: another attend has the file open and did not let go in time.
	ErrLocked = errors.New("database in use by another attend")
	// ErrNotAttend: the file is not an attend database (not bbolt at all, or
	// a bbolt file without attend's meta).
	ErrNotAttend = errors.New("not an attend database")
	// ErrEmptyFile: the file is 0 bytes. attend never silently initialises it.
	ErrEmptyFile = errors.New("database file is empty")
	// ErrCorrupt: checksum failure, truncation, or a record that cannot be read.
	ErrCorrupt = errors.New("database damaged")
	// ErrNewerSchema: the file, or one record in it, was written by a newer attend.
	ErrNewerSchema = errors.New("database written by a newer attend")
	// ErrNoDatabase: there is no file at the path (read-only open, or the
	// file disappeared while attend was running).
	ErrNoDatabase = errors.New("no database yet")
	// ErrNotFound: no person or session with that id.
	ErrNotFound = errors.New("not found")
	// ErrAmbiguous: an id prefix matches more than one session.
	ErrAmbiguous = errors.New("ambiguous id")
	// ErrClosed: the Store was closed.
	ErrClosed = errors.New("database closed")
	// ErrReadOnly: the Store was opened read-only, or the file needs an
	// upgrade that a read-only open cannot do.
	ErrReadOnly = errors.New("database opened read-only")
	// ErrInvalid: a record given to the store breaks the rules (bad id, a
	// rating out of range, an empty name). Nothing was written.
	ErrInvalid = errors.New("invalid record")
	// ErrPermission: the operating system refused access to the file or folder.
	ErrPermission = errors.New("permission denied")
	// ErrDiskFull: the disk is full (or over quota). Nothing was written.
	ErrDiskFull = errors.New("disk full")
	// ErrNeedPassphrase: the file is encrypted and no passphrase was given
	// (or it was encrypted by another attend after this Store opened it).
	ErrNeedPassphrase = errors.New("database is encrypted: passphrase needed")
	// ErrWrongPassphrase: the passphrase does not open the file. Nothing was changed.
	ErrWrongPassphrase = errors.New("wrong passphrase")
	// ErrAlreadyEncrypted: Encrypt was asked to encrypt an encrypted file.
	ErrAlreadyEncrypted = errors.New("database already encrypted")
	// ErrNotEncrypted: ChangePassphrase was asked about an unencrypted file.
	ErrNotEncrypted = errors.New("database not encrypted")
	// ErrAgreed: the session's record was agreed with the staff member and
	// is read-only; corrections are dated addenda (AddAddendum).
	ErrAgreed = coach.ErrRecordAgreed
)

// Error is a store failure with a message written for the person at the
// keyboard. It matches its Kind and its underlying cause with errors.Is.
type Error struct {
	Kind error  // one of the Err* sentinels above
	Path string // the database file concerned ("" if none)
	Msg  string // full plain-language message
	Err  error  // underlying cause, if any

	// damage: the file itself was found damaged (not merely replaced
	// while attend ran), so the Store refuses to write to it from now on.
	damage bool
}

func (e *Error) Error() string { return e.Msg }

// Unwrap exposes both the kind and the cause to errors.Is and errors.As.
func (e *Error) Unwrap() []error {
	out := []error{e.Kind}
	if e.Err != nil {
		out = append(out, e.Err)
	}
	return out
}

func newErr(kind error, path string, cause error, format string, args ...any) *Error {
	return &Error{Kind: kind, Path: path, Msg: fmt.Sprintf(format, args...), Err: cause}
}

// VersionError reports data written by a newer attend: the whole file
// (What "database") or one record ("session 01J…"). It matches ErrNewerSchema.
type VersionError struct {
	What      string
	Found     int
	Supported int
}

func (e *VersionError) Error() string {
	return fmt.Sprintf("%s was written by a newer attend (data version %d; this attend reads up to %d): update attend to open it",
		e.What, e.Found, e.Supported)
}

// Is makes errors.Is(err, ErrNewerSchema) true.
func (e *VersionError) Is(target error) bool { return target == ErrNewerSchema }

// Message helpers, so each kind is worded the same way everywhere.

func errNotAttend(path string, cause error) *Error {
	return newErr(ErrNotAttend, path, cause,
		"%s is not an attend database: check that --db or ATTEND_DB points at the right file (attend has left it untouched)", path)
}

func errEmpty(path string) *Error {
	return newErr(ErrEmptyFile, path, nil,
		"%s is an empty file (0 bytes), so it holds no attend records: if your records should be there, restore a backup over it; "+
			"if not, delete it and attend will start a new database (attend has left it untouched)", path)
}

func errCorrupt(path string, cause error, detail string) *Error {
	e := newErr(ErrCorrupt, path, cause,
		"%s is damaged (%s): run `attend check` to see what is affected, and restore your latest backup if you have one (attend has left the file untouched)",
		path, detail)
	e.damage = true
	return e
}

func errNewer(path string, found, supported int) *Error {
	ve := &VersionError{What: path, Found: found, Supported: supported}
	return newErr(ErrNewerSchema, path, ve, "%s", ve.Error())
}

func errLocked(path string, cause error, wait string) *Error {
	if h, attend := lockHolder(path); h != "" {
		what := "close the other attend window (or wait for it to finish) and try again"
		if !attend {
			what = "close that program (or wait for it to finish) and try again"
		}
		return newErr(ErrLocked, path, cause, "%s is in use by %s, which did not let go within %s: %s", path, h, wait, what)
	}
	return newErr(ErrLocked, path, cause,
		"%s is in use by another attend that did not let go within %s: close the other attend window (or wait for it to finish) and try again",
		path, wait)
}

func errClosed(path string) *Error {
	return newErr(ErrClosed, path, nil, "attend has already closed %s: restart attend to carry on", path)
}

func errReadOnly(path string) *Error {
	return newErr(ErrReadOnly, path, nil, "%s was opened read-only for this command, so nothing can be saved: run attend without read-only to make changes", path)
}

func errInvalid(cause error, what string) *Error {
	return &Error{Kind: ErrInvalid, Msg: fmt.Sprintf("%s: %v (nothing was saved)", what, cause), Err: cause}
}

// osErr turns an error from the file system into a plain message naming the
// path, or returns nil if it is not one we know how to explain.
func osErr(path string, err error, writing bool) *Error {
	verb := "read"
	if writing {
		verb = "write"
	}
	switch {
	case errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT):
		return newErr(ErrDiskFull, path, err,
			"cannot write %s: the disk is full: free some space and try again (nothing was saved)", path)
	case errors.Is(err, syscall.EROFS):
		return newErr(ErrPermission, path, err,
			"cannot write %s: the disk or folder is read-only: move the database somewhere writable, or use --db", path)
	case errors.Is(err, fs.ErrPermission):
		return newErr(ErrPermission, path, err,
			"cannot %s %s: permission denied: check the owner and permissions of the file and its folder (ls -l)", verb, path)
	}
	return nil
}

// classify maps an error from bbolt.Open or a transaction to one of ours.
// It may inspect the file (read-only) to tell "not attend's" from "damaged".
func (s *Store) classify(err error, writing bool) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	var ve *VersionError
	if errors.As(err, &ve) {
		return newErr(ErrNewerSchema, s.path, err, "%s", err.Error())
	}
	path := s.path
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return errLocked(path, err, s.opt.LockTimeout.String())
	case errors.Is(err, errEmptyOnOpen):
		return errEmpty(path)
	case errors.Is(err, fs.ErrNotExist):
		return newErr(ErrNoDatabase, path, err,
			"there is no database at %s any more (moved or deleted?): put it back, or restore a backup there", path)
	}
	if oe := osErr(path, err, writing); oe != nil {
		return oe
	}
	if errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrChecksum) ||
		errors.Is(err, berrors.ErrVersionMismatch) || strings.Contains(err.Error(), "file size too small") {
		if _, herr := inspectFile(path); herr != nil {
			return herr
		}
		return errCorrupt(path, err, err.Error())
	}
	return fmt.Errorf("attend could not use %s: %w", path, err)
}
