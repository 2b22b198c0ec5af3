package data

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"runtime/debug"
	"syscall"
)

// This file guards bbolt against files it would mishandle. bbolt maps the
// file into memory and trusts its header: a truncated file makes it read past
// the end (a crash, not an error), and a 0-byte file is silently initialised.
// So before bbolt sees a file, attend reads the two meta pages itself.

// The bbolt meta page, as laid out by go.etcd.io/bbolt/internal/common:
// a 16-byte page header, then magic, version, pageSize, flags (4 bytes each),
// root bucket (pgid, sequence), freelist pgid, high-water pgid, txid, and an
// FNV-64a checksum of everything before it. Native byte order.
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	pageHeaderSize = 16
	metaSize       = 64
	metaSumOffset  = 56
	minPageSize    = 1024
	maxPageSize    = 64 * 1024
)

type boltMeta struct {
	magic, version, pageSize uint32
	pgid, txid               uint64
	valid                    bool
}

func parseMeta(b []byte) boltMeta {
	if len(b) < metaSize {
		return boltMeta{}
	}
	ne := binary.NativeEndian
	m := boltMeta{
		magic:    ne.Uint32(b[0:]),
		version:  ne.Uint32(b[4:]),
		pageSize: ne.Uint32(b[8:]),
		pgid:     ne.Uint64(b[40:]),
		txid:     ne.Uint64(b[48:]),
	}
	h := fnv.New64a()
	h.Write(b[:metaSumOffset])
	m.valid = m.magic == boltMagic && m.version == boltVersion && ne.Uint64(b[metaSumOffset:]) == h.Sum64() &&
		m.pageSize >= minPageSize && m.pageSize <= maxPageSize && m.pageSize&(m.pageSize-1) == 0
	return m
}

// fileHeader is what attend learns about a bbolt file without bbolt.
type fileHeader struct {
	size     int64 // bytes on disk
	pageSize int64
	used     int64 // bytes the newest valid meta page says are in use
}

// inspectFile reads the header of an existing file and reports, as an
// *Error, a file that is empty, not bbolt, or shorter than its header says.
// It only reads.
func inspectFile(path string) (fileHeader, error) {
	// Non-blocking, so that a named pipe put at the path meanwhile is
	// refused below rather than waited on for ever.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		if oe := osErr(path, err, false); oe != nil {
			return fileHeader{}, oe
		}
		return fileHeader{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fileHeader{}, err
	}
	if err := regularFile(path, fi); err != nil {
		return fileHeader{}, err
	}
	h := fileHeader{size: fi.Size()}
	if h.size == 0 {
		return h, errEmpty(path)
	}

	readMeta := func(off int64) (boltMeta, bool) {
		buf := make([]byte, pageHeaderSize+metaSize)
		n, err := f.ReadAt(buf, off)
		if err != nil && !errors.Is(err, io.EOF) || n < len(buf) {
			return boltMeta{}, false
		}
		return parseMeta(buf[pageHeaderSize:]), true
	}

	m0, _ := readMeta(0)
	sawMagic := m0.magic == boltMagic
	var m1 boltMeta
	if m0.valid {
		m1, _ = readMeta(int64(m0.pageSize))
	} else {
		// As bbolt does: meta 0 is bad, so look for meta 1 at each page size.
		for ps := int64(minPageSize); ps <= maxPageSize; ps *= 2 {
			m, ok := readMeta(ps)
			if !ok {
				break
			}
			if m.magic == boltMagic {
				sawMagic = true
			}
			if m.valid && int64(m.pageSize) == ps {
				m1 = m
				break
			}
		}
	}
	if m1.magic == boltMagic {
		sawMagic = true
	}

	// bbolt uses the valid meta with the higher txid.
	var use boltMeta
	switch {
	case m0.valid && m1.valid:
		use = m0
		if m1.txid > m0.txid {
			use = m1
		}
	case m0.valid:
		use = m0
	case m1.valid:
		use = m1
	case sawMagic:
		return h, errCorrupt(path, nil, "both header pages are damaged")
	default:
		return h, errNotAttend(path, nil)
	}
	h.pageSize = int64(use.pageSize)
	h.used = int64(use.pgid) * h.pageSize
	if h.size < 2*h.pageSize || h.size < h.used {
		return h, errCorrupt(path, nil, fmt.Sprintf("the file is cut short: %d bytes, but its header says %d are in use", h.size, max(h.used, 2*h.pageSize)))
	}
	return h, nil
}

// guardSize compares what a transaction may read with the file's real size.
// A read-only open does not notice truncation; this does, under the lock.
func guardSize(path string, txSize int64) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.Size() < txSize {
		return errCorrupt(path, nil, fmt.Sprintf("the file is cut short: %d bytes, but its header says %d are in use", fi.Size(), txSize))
	}
	return nil
}

// safely runs fn with memory faults turned into panics and any panic into an
// ErrCorrupt, the last line of defence against a damaged file. It must run
// on the goroutine that reads the file (SetPanicOnFault is per goroutine).
func safely(path string, fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		if r := recover(); r != nil {
			err = errCorrupt(path, fmt.Errorf("%v", r), fmt.Sprintf("attend could not read it safely: %v", r))
		}
	}()
	return fn()
}

// errEmptyOnOpen is returned by openNoCreate when the file is 0 bytes, so
// that bbolt never gets the chance to initialise it.
var errEmptyOnOpen = errors.New("empty file")

// openNoCreate is bbolt's OpenFile hook: it never creates a file (a moved or
// deleted database must not silently become a new, empty one) and refuses a
// 0-byte file before bbolt would write meta pages into it.
func openNoCreate(name string, flag int, perm os.FileMode) (*os.File, error) {
	f, err := os.OpenFile(name, flag&^os.O_CREATE, perm)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err == nil && fi.Size() == 0 {
		f.Close()
		return nil, errEmptyOnOpen
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
