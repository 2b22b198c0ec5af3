package data

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// resolvePath turns the path given (--db, ATTEND_DB) into the real file it
// names, once, before anything is read or written. Every rewrite (erase,
// compact, encrypt, a new passphrase) renames a new file over the old one:
// done on a symbolic link, that would replace the link and leave the real
// file, with everything in it, where it was. So attend works on the file a
// link points at, never on the link.
//
// A path that does not exist yet is returned with its folder resolved; a
// link to nothing is refused, and so is anything that is not an ordinary
// file (a folder, a named pipe, a device), which attend could hang on or
// mangle.
func resolvePath(path string) (string, error) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		// Not there yet: resolve the folder (it may be a link), keep the name.
		if dir, derr := filepath.EvalSymlinks(filepath.Dir(path)); derr == nil {
			return filepath.Join(dir, filepath.Base(path)), nil
		}
		return path, nil
	}
	if err != nil {
		if oe := osErr(path, err, false); oe != nil {
			return "", oe
		}
		return "", err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		real, err := filepath.EvalSymlinks(path)
		if err != nil {
			target, _ := os.Readlink(path)
			if errors.Is(err, fs.ErrNotExist) {
				return "", saidErr(ErrNoDatabase, path, err, "store.link.missing", "Path", path, "Target", target)
			}
			return "", saidErr(ErrNotAttend, path, err, "store.link.bad", "Path", path, "Err", err)
		}
		path = real
		if fi, err = os.Stat(path); err != nil {
			if oe := osErr(path, err, false); oe != nil {
				return "", oe
			}
			return "", err
		}
	}
	if err := regularFile(path, fi); err != nil {
		return "", err
	}
	return path, nil
}

// regularFile refuses anything but an ordinary file, at once: a named pipe
// would make attend wait for ever for someone to write into it.
func regularFile(path string, fi fs.FileInfo) error {
	if fi.Mode().IsRegular() {
		return nil
	}
	what := "store.kind.other" // not an ordinary file
	switch m := fi.Mode(); {
	case m.IsDir():
		what = "store.kind.folder"
	case m&fs.ModeNamedPipe != 0:
		what = "store.kind.pipe"
	case m&fs.ModeSocket != 0:
		what = "store.kind.socket"
	case m&fs.ModeDevice != 0:
		what = "store.kind.device"
	}
	return saidErr(ErrNotAttend, path, nil, "store.notfile", "Path", path, "What", said(what))
}
