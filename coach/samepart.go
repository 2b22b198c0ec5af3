package coach

import (
	"bytes"
	"encoding/json"
)

// SamePart reports whether two versions of a session hold the same part:
// the same answers and, for the meeting record, the same actions. A window
// writing the record or the reflection checks it against the version it
// read, so a change elsewhere to another part (or to nothing it shows) is
// no conflict, and a change to this part is never overwritten unseen.
func SamePart(a, b Session, p Part) bool {
	if !sameAnswers(a.Answers(p), b.Answers(p)) {
		return false
	}
	if p != PartRecord {
		return true
	}
	// Compared as written to the file, so the same instant read back in
	// another time zone or without its monotonic reading is the same.
	ja, errA := json.Marshal(a.LiveActions())
	jb, errB := json.Marshal(b.LiveActions())
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

func sameAnswers(a, b map[string]Answer) bool {
	if len(a) != len(b) {
		return false
	}
	for id, x := range a {
		if y, ok := b[id]; !ok || x != y {
			return false
		}
	}
	return true
}
