package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// line is what the tests' encoder makes of a session: enough to see that
// each came, in order, with its own person.
func line(dst []byte, p coach.Person, s coach.Session) ([]byte, error) {
	return fmt.Appendf(dst, "%s %s %s %s", s.ID, s.PersonID, p.ID, p.Name), nil
}

func eachLines(t *testing.T, s *Store, keep func(coach.Person) bool) []string {
	t.Helper()
	var want []string
	err := s.EachSession(func(p coach.Person, sess coach.Session) error {
		if keep == nil || keep(p) {
			b, _ := line(nil, p, sess)
			want = append(want, string(b))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return want
}

func TestEachSessionEncodedIsEachSession(t *testing.T) {
	s := openTest(t, testPath(t))
	ann, bob, cai := mustPerson(t, s, "Ann"), mustPerson(t, s, "Bob"), mustPerson(t, s, "Cai")
	fill(t, s, []coach.Person{ann, bob, cai}, eachChunk*2+10) // more than one chunk, groups left over
	for _, tc := range []struct {
		name   string
		people []coach.Person // what the caller passes: Cai's sessions are not among them
		keep   func(coach.Person) bool
	}{
		{"everyone", []coach.Person{ann, bob}, nil},
		{"only Bob", []coach.Person{ann, bob}, func(p coach.Person) bool { return p.ID == bob.ID }},
		{"only Cai, whose record is read", []coach.Person{ann, bob}, func(p coach.Person) bool { return p.ID == cai.ID }},
		{"nobody passed", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := eachLines(t, s, tc.keep)
			var got []string
			calls := 0
			err := s.EachSessionEncoded(tc.people, tc.keep, line, func(b []byte) error {
				calls++
				got = append(got, string(b))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(want) == 0 || !slices.Equal(got, want) {
				t.Fatalf("%d sessions written, want the %d EachSession gives, in its order", len(got), len(want))
			}
		})
	}
}

func TestEachSessionEncodedStops(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	ann := mustPerson(t, s, "Ann")
	fill(t, s, []coach.Person{ann}, 1000)
	want := eachLines(t, s, nil)
	people := []coach.Person{ann}

	// A write that fails stops it at once, with that error.
	full := errors.New("disk full")
	n := 0
	err := s.EachSessionEncoded(people, nil, line, func([]byte) error {
		if n++; n == 300 {
			return full
		}
		return nil
	})
	if err != full || n != 300 {
		t.Errorf("a failing write: %v after %d writes, want %v after 300", err, n, full)
	}

	// So does an encoder's error, after every session before it.
	bad := errors.New("cannot encode")
	var got []string
	err = s.EachSessionEncoded(people, nil, func(dst []byte, p coach.Person, sess coach.Session) ([]byte, error) {
		if b, _ := line(nil, p, sess); string(b) == want[500] {
			return dst, bad
		}
		return line(dst, p, sess)
	}, func(b []byte) error { got = append(got, string(b)); return nil })
	if err != bad || !slices.Equal(got, want[:500]) {
		t.Errorf("an encoder's error: %v after %d sessions, want %v after 500", err, len(got), bad)
	}

	// A record that does not open is ErrCorrupt naming it, after every
	// session before it.
	var id string
	fmt.Sscan(want[700], &id)
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		return tx.Bucket(bktSessions).Put([]byte(id), withSum(sumStart(bktSessions), []byte(id), []byte("{broken")))
	})
	got = nil
	err = s.EachSessionEncoded(people, nil, line, func(b []byte) error { got = append(got, string(b)); return nil })
	if !errors.Is(err, ErrCorrupt) || !slices.Equal(got, want[:700]) {
		t.Errorf("a broken record: %v after %d sessions, want ErrCorrupt after 700", err, len(got))
	}
	if err == nil || !strings.Contains(err.Error(), id) {
		t.Errorf("the error does not name the record %s: %v", id, err)
	}
}
