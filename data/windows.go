package data

import (
	"os"
	"path/filepath"
	"time"

	"attend/coach"
)

// Windows. A prep's draft names the attend window that wrote it (its
// Writer), so that two windows never overwrite each other's typing. A
// window that crashed, was killed or lost its terminal cannot say it has
// gone, and its draft would look held by a live window for half an hour.
//
// So each window that writes drafts holds a lock on a small empty file of
// its own, named by its writer id, in a hidden folder beside the database
// (".NAME.windows", 0700). The kernel drops the lock when the process dies,
// however it dies: a draft whose writer's file exists but is not locked was
// written by a window that has gone, and Draft says so (Left). A writer
// with no file (an older attend, another machine's window that left
// cleanly, a folder that could not be made) is not known to be gone, and
// the half-hour rule stands.
//
// The files hold nothing: a writer id is a random id and a time.

// staleWindow is how old an unlocked window file must be before a new
// window clears it away: far past any half-hour hold, so that a file stays
// as long as a draft may still name it.
const staleWindow = 24 * time.Hour

// windowsDir is the folder of window files for the database at path.
func windowsDir(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".windows")
}

// Present marks this process as the window `writer` for as long as it
// runs: the drafts it writes are then known to be held only while it
// lives. release ends it (on a clean exit; a crash ends it too). An error
// means the mark could not be made (a read-only folder, say); attend
// works on without it, as before it had one.
func (s *Store) Present(writer string) (release func(), err error) {
	if !coach.ValidID(writer) {
		return func() {}, errInvalid(os.ErrInvalid, "store.what.draft")
	}
	return presentIn(windowsDir(s.path), writer)
}

// writerGone reports whether the window `writer` is known to have gone:
// its file is there and nobody holds it.
func (s *Store) writerGone(writer string) bool {
	if !coach.ValidID(writer) {
		return false // not a name attend made: never a path to open
	}
	return windowGone(filepath.Join(windowsDir(s.path), writer))
}

// markGone sets Left on a draft whose window is known to have gone, so it
// opens as one left to carry on, not as one held by a window still open.
func (s *Store) markGone(d *coach.Session) {
	if d.Writer != "" && !d.Left && s.writerGone(d.Writer) {
		d.Left = true
	}
}
