package data

import (
	"errors"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// Once a read finds a damaged record, the Store writes nothing more into
// the file: every write is ErrCorrupt, and the file stays byte for byte.
func TestDamageFoundByAReadStopsWrites(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	p := mustPerson(t, s, "Siân Ŵyn")
	q := mustPerson(t, s, "Aled Evans")
	sess, err := s.SaveSession(prep(s, p, day(2026, 10, 1), "words"))
	if err != nil {
		t.Fatal(err)
	}
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		return tx.Bucket(bktSessions).Put([]byte(sess.ID), []byte(`{"v":1,"id":"`+sess.ID+`", "answers": {`))
	})
	before := readFile(t, path)
	if s.Damaged() != nil {
		t.Fatal("damaged before any read found it")
	}
	if _, err := s.Session(sess.ID); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("reading the damaged session: %v", err)
	}
	if s.Damaged() == nil {
		t.Fatal("the damage found was not remembered")
	}
	d := coach.NewSession(q.ID, "en", s.now())
	d.SetAnswer("checkin.head", coach.Answer{Text: "a draft"})
	for name, write := range map[string]func() error{
		"SaveDraft": func() error { return s.SaveDraft(d) },
		"Compact":   s.Compact,
		"Erase":     func() error { _, err := s.Erase(q.ID); return err },
		"SaveSession": func() error {
			_, err := s.SaveSession(prep(s, q, day(2026, 10, 2), "x"))
			return err
		},
	} {
		err := write()
		if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "will not write to it") || !strings.Contains(err.Error(), "nothing was saved") {
			t.Errorf("%s on a file found damaged: %v", name, err)
		}
	}
	assertUnchanged(t, path, before)
}
