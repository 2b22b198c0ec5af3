package data

import (
	"testing"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// A prep saved for a meeting that has not happened (or never does) is no
// supervision held: the person's last and next session stay those of the
// last session with a record, until its record is written.
func TestAPrepAloneIsNoSessionHeld(t *testing.T) {
	s := openTest(t, testPath(t))
	p := mustPerson(t, s, "Siân Ŵyn")
	met := coach.NewSession(p.ID, "en", s.now())
	met.Date = day(2026, 9, 1)
	met.SetAnswer("agenda.said", coach.Answer{Text: "The rota."})
	met.SetAnswer("close.next", coach.Answer{Date: day(2026, 11, 20)})
	if _, err := s.SaveSession(met); err != nil {
		t.Fatal(err)
	}
	prep := coach.NewSession(p.ID, "en", s.now().Add(1))
	prep.Date = day(2026, 11, 27)
	prep.SetAnswer("attend.present", coach.Answer{Text: "PRIVATE tired"})
	if _, err := s.SaveSession(prep); err != nil {
		t.Fatal(err)
	}
	got := mustGet(t, s, p.ID)
	if got.LastSession != met.Date || got.NextSession != day(2026, 11, 20) || got.Sessions != 2 {
		t.Fatalf("after a prep alone: last %v next %v sessions %d; want the held session's (%v, 2026-11-20), 2 saved",
			got.LastSession, got.NextSession, got.Sessions, met.Date)
	}
	// The meeting happens and its record is written: now it counts.
	prep.SetAnswer("agenda.said", coach.Answer{Text: "Nights."})
	if _, err := s.SaveSession(prep); err != nil {
		t.Fatal(err)
	}
	if got := mustGet(t, s, p.ID); got.LastSession != prep.Date {
		t.Fatalf("after its record: last %v, want %v", got.LastSession, prep.Date)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

// A schema 6 file dated people by their latest session, prep or not: the
// upgrade dates them by the latest held.
func TestUpgradeV6DatesPeopleByTheSessionsHeld(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	p := mustPerson(t, s, "Llŷr Ifans")
	met := coach.NewSession(p.ID, "en", s.now())
	met.Date = day(2026, 9, 1)
	met.SetAnswer("agenda.said", coach.Answer{Text: "The rota."})
	prep := coach.NewSession(p.ID, "en", s.now().Add(1))
	prep.Date = day(2026, 11, 27)
	prep.SetAnswer("attend.present", coach.Answer{Text: "PRIVATE tired"})
	for _, x := range []coach.Session{met, prep} {
		if _, err := s.SaveSession(x); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		b, err := bucketsOf(tx, nil)
		if err != nil {
			return err
		}
		old, err := s.getPerson(b, p.ID)
		if err != nil {
			return err
		}
		old.LastSession = prep.Date // as schema 6 had it
		if err := putPerson(b, old); err != nil {
			return err
		}
		return tx.Bucket(bktMeta).Put(metaSchema, []byte("6"))
	})
	m := openTest(t, path)
	if got := mustGet(t, m, p.ID); got.LastSession != met.Date {
		t.Fatalf("after the upgrade: last session %v, want the held one %v", got.LastSession, met.Date)
	}
	if err := m.Check(); err != nil {
		t.Fatal(err)
	}
}

func mustGet(t *testing.T, s *Store, id string) coach.Person {
	t.Helper()
	p, err := s.Person(id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
