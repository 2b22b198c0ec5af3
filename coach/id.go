package coach

import (
	"crypto/rand"
	"time"

	"github.com/oklog/ulid/v2"
)

// NewID makes a ULID: 26 characters, sortable by creation time, so stored keys
// iterate in time order and people can type a short prefix of one.
func NewID(now time.Time) string {
	return ulid.MustNew(ulid.Timestamp(now), rand.Reader).String()
}

// ValidID reports whether s is a well-formed ID.
func ValidID(s string) bool {
	_, err := ulid.ParseStrict(s)
	return err == nil
}
