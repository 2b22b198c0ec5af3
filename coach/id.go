package coach

import (
	"crypto/rand"
	"sync"
	"time"

	"github.com/oklog/ulid/v2"
)

// NewID makes a ULID: 26 characters, sortable by creation time, so stored keys
// iterate in time order and people can type a short prefix of one.
//
// Within one millisecond the ids still rise (monotonic entropy), so "the
// latest" is always the one made last.
func NewID(now time.Time) string {
	idMu.Lock()
	defer idMu.Unlock()
	return ulid.MustNew(ulid.Timestamp(now), idEntropy).String()
}

var (
	idMu      sync.Mutex
	idEntropy = ulid.Monotonic(rand.Reader, 0)
)

// ValidID reports whether s is a well-formed ID.
func ValidID(s string) bool {
	_, err := ulid.ParseStrict(s)
	return err == nil
}
