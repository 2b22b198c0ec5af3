//go:build unix

package data

import (
	"path/filepath"

	"golang.org/x/sys/unix"
)

// freeBytes is the space left for this user on the disk holding path, or -1
// if it cannot be told.
func freeBytes(path string) int64 {
	var st unix.Statfs_t
	if err := unix.Statfs(filepath.Dir(path), &st); err != nil {
		return -1
	}
	return int64(st.Bavail) * int64(st.Bsize)
}

// diskFree is freeBytes, replaceable in tests.
var diskFree = freeBytes
