package data

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"attend/coach"
	"attend/coach/msg"
)

// The store's commonest errors say themselves in Welsh (Text), wrapped or
// not, and their English (Error) is as it was.
func TestStoreErrorsInWelsh(t *testing.T) {
	path := filepath.Join(t.TempDir(), "attend.db")
	st, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, notFound := st.Session("ZZZZZZZZZZ")
	st.Close()
	cy := msg.New("cy")
	for _, c := range []struct {
		err         error
		english, cy string
	}{
		{errLocked("/tmp/a.db", nil, time.Second), "/tmp/a.db is in use by another attend that did not let go within 1s", "mae /tmp/a.db yn cael ei defnyddio gan attend arall na ollyngodd hi o fewn 1 eiliad:"},
		{errCorrupt("/tmp/a.db", nil, "both header pages are damaged"), "/tmp/a.db is damaged (both header pages are damaged): run `attend check`", "mae /tmp/a.db wedi'i difrodi"},
		{errNewer("/tmp/a.db", 9, 5), "/tmp/a.db was written by a newer attend (data version 9; this attend reads up to 5)", "ysgrifennwyd /tmp/a.db gan attend mwy newydd (fersiwn data 9"},
		{saidErr(ErrReadOnly, "/tmp/a.db", nil, "store.upgrade", "Path", "/tmp/a.db"), "/tmp/a.db was written by an older attend and needs a one-time upgrade", "ysgrifennwyd /tmp/a.db gan attend hŷn ac mae angen ei huwchraddio"},
		{notFound, `no saved session has an id starting "ZZZZZZZZZZ"`, `does dim sesiwn wedi'i chadw ag id sy'n dechrau "ZZZZZZZZZZ"`},
		{errEmpty("/tmp/a.db"), "/tmp/a.db is an empty file (0 bytes)", "mae /tmp/a.db yn ffeil wag"},
		{&VersionError{What: "session 01", Found: 9, Supported: 5}, "session 01 was written by a newer attend", "ysgrifennwyd sesiwn 01 gan attend mwy newydd"},
	} {
		if c.err == nil || !strings.HasPrefix(c.err.Error(), c.english) {
			t.Errorf("English: %v, want it to start %q", c.err, c.english)
			continue
		}
		wrapped := fmt.Errorf("attend show: %w", c.err)
		got := coach.ErrorText(cy, wrapped)
		if !strings.HasPrefix(got, "attend show: "+c.cy) || strings.Contains(got, "store.") {
			t.Errorf("Welsh: %q, want it to start %q", got, c.cy)
		}
		if coach.ErrorText(msg.New("en"), wrapped) != wrapped.Error() {
			t.Errorf("English changed: %q", coach.ErrorText(msg.New("en"), wrapped))
		}
	}
	var e *Error
	if !errors.As(notFound, &e) || !errors.Is(notFound, ErrNotFound) {
		t.Errorf("not found: %#v", notFound)
	}
}
