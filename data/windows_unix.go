//go:build unix

package data

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/sys/unix"
)

// presentIn makes dir (0700, a real folder, not a link), clears window
// files nobody has held for a day, and creates and locks dir/writer.
func presentIn(dir, writer string) (func(), error) {
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return func() {}, err
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return func() {}, err
	}
	if !fi.IsDir() {
		// A link or a file where the folder should be: use nothing there.
		return func() {}, &fs.PathError{Op: "present", Path: dir, Err: errors.New("not a folder")}
	}
	if fi.Mode().Perm() != 0o700 {
		_ = os.Chmod(dir, 0o700)
	}
	sweepWindows(dir)
	name := filepath.Join(dir, writer)
	// Another window's sweep may remove the file between its creation and
	// the lock: then the lock is on a file no one can find, so try again.
	for range 3 {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0o600)
		if err != nil {
			return func() {}, err
		}
		if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
			f.Close()
			return func() {}, err
		}
		if sameFile(f, name) {
			return func() {
				os.Remove(name) // before the lock goes, so no one sees it unheld
				f.Close()
			}, nil
		}
		f.Close()
	}
	return func() {}, &fs.PathError{Op: "present", Path: name, Err: errors.New("removed as it was made")}
}

// windowGone: the file is there, a plain file, and its lock can be taken.
// The lock is let go at once: the file stays, for other windows to see,
// until a sweep a day later.
func windowGone(name string) bool {
	f, err := os.OpenFile(name, os.O_RDONLY|unix.O_NOFOLLOW|unix.O_CLOEXEC|unix.O_NONBLOCK, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return false
	}
	return unix.Flock(int(f.Fd()), unix.LOCK_SH|unix.LOCK_NB) == nil
}

// sweepWindows removes the files of windows gone for over a day. Only
// names attend makes, only plain files, only ones nobody holds.
func sweepWindows(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	cutoff := time.Now().Add(-staleWindow)
	for _, e := range entries {
		if !e.Type().IsRegular() || len(e.Name()) != 26 {
			continue
		}
		fi, err := e.Info()
		if err != nil || fi.ModTime().After(cutoff) {
			continue
		}
		name := filepath.Join(dir, e.Name())
		f, err := os.OpenFile(name, os.O_RDONLY|unix.O_NOFOLLOW|unix.O_CLOEXEC|unix.O_NONBLOCK, 0)
		if err != nil {
			continue
		}
		if unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) == nil && sameFile(f, name) {
			os.Remove(name)
		}
		f.Close()
	}
}

// sameFile: the name still leads to the file f has open.
func sameFile(f *os.File, name string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Lstat(name)
	return err == nil && os.SameFile(a, b)
}
