package data

// What Check found is remembered beside the file, never in it: a damaged
// file is only ever read. Damage shows only where pages are read, and
// reading every page takes seconds at 100,000 sessions, so no open reads
// them all; once `attend check` has, any attend that would write refuses
// for as long as the file is the one that check read.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// damageMarkSuffix names the note beside path that Check found it damaged.
const damageMarkSuffix = ".damaged"

// DamageMark is the file where Check notes that the database at path was
// found damaged.
func DamageMark(path string) string { return path + damageMarkSuffix }

// damageMarkHead starts every mark; the rest of its first line is the
// database's size and modification time as Check read them.
const damageMarkHead = "attend-damaged 1"

// markState is the line that ties a mark to one state of the file.
func markState(fi os.FileInfo) string {
	return fmt.Sprintf("%s %d %d\n", damageMarkHead, fi.Size(), fi.ModTime().UnixNano())
}

// markDamaged notes beside the file that Check found it damaged, and what
// to do (for a person who opens the note), but not what it found: a
// finding can quote a record, a person's name say, and the note is plain
// text beside a file that may be encrypted. Check's own message, on the
// terminal, says what it found. Best effort: a folder that cannot be
// written to keeps no note, and Check's message still says what to do.
func (s *Store) markDamaged() {
	fi, err := os.Stat(s.path)
	if err != nil {
		return
	}
	dir := filepath.Dir(s.path)
	f, err := os.CreateTemp(dir, ".attend-mark-*")
	if err != nil {
		return
	}
	tmp := f.Name()
	_, werr := f.WriteString(markState(fi) + said("store.damaged.note", "Path", s.path).Error() + "\n")
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp, 0o600)
	}
	if werr == nil {
		werr = os.Rename(tmp, DamageMark(s.path))
	}
	if werr != nil {
		os.Remove(tmp)
	}
}

// clearDamageMark removes a note that Check found the file damaged: Check
// has just read the whole file and found none.
func (s *Store) clearDamageMark() {
	_ = os.Remove(DamageMark(s.path)) // none there, or one that cannot go: markedDamaged judges it
}

// damageNoted says whether a note of Check's is beside the file (noted),
// and whether the file is still the one Check read (same size and
// modification time: same).
func (s *Store) damageNoted() (noted, same bool) {
	raw, err := os.ReadFile(DamageMark(s.path))
	if err != nil || !strings.HasPrefix(string(raw), damageMarkHead+" ") {
		return false, false // no note (or not one of attend's: nothing to go by)
	}
	fi, err := os.Stat(s.path)
	if err != nil {
		return false, false
	}
	return true, strings.HasPrefix(string(raw), markState(fi))
}

// markedDamaged returns ErrCorrupt while a note says Check found the file
// damaged. If the file is still the one Check read, it is that damage. If
// it has changed since (a backup restored over it, say, which may be as
// damaged: a trial restored a copy check had flagged, and attend wrote to
// it), it is not known to be sound either: writes wait for Check to read
// it whole once, and a clean Check removes the note.
func (s *Store) markedDamaged() error {
	noted, same := s.damageNoted()
	if !noted {
		return nil
	}
	id := "store.damaged.checked"
	if !same {
		id = "store.damaged.replaced"
	}
	e := saidErr(ErrCorrupt, s.path, nil, id, "Path", s.path, "Mark", DamageMark(s.path))
	e.damage = true
	return e
}

// CheckedDamaged reports whether attend check found this very file
// damaged (its note beside it still matches the file): a backup of it, for
// one, copies the damage.
func (s *Store) CheckedDamaged() bool {
	_, same := s.damageNoted()
	return same
}
