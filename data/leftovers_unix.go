//go:build unix

package data

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockMeansAbandoned: here a lock that can be taken means nobody is writing.
const lockMeansAbandoned = true

// tryLock takes an exclusive lock on f without waiting. bbolt holds the same
// kind of lock on a file it has open, and backupTo takes one on its copy, so
// a temporary file still being written cannot be taken.
func tryLock(f *os.File) bool {
	return unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) == nil
}
