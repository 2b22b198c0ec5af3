package data

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
	"attend/coach/msg"
)

func TestSaveSessions(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	ann, bob := mustPerson(t, s, "Ann"), mustPerson(t, s, "Bob")
	made := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	var batch []coach.Session
	for i := range 6 {
		p := []coach.Person{ann, bob}[i%2]
		sess := prep(s, p, day(2025, 3, 4+i), "batch note")
		if i < 4 {
			sess.Saved = made.AddDate(0, 0, i) // made elsewhere: keeps its time
		}
		batch = append(batch, sess)
	}
	if err := s.SaveSessions(batch); err != nil {
		t.Fatal(err)
	}
	sums, _, _ := s.Summaries("", "", 0)
	if len(sums) != 6 {
		t.Fatalf("%d sessions", len(sums))
	}
	first := mustSession(t, s, batch[0].ID)
	if !first.Saved.Equal(made) || !first.Updated.Equal(batch[0].Updated) || len(first.Actions) != 2 || first.Actions[0].ID == "" {
		t.Errorf("kept times and tidied: %+v", first)
	}
	if last := mustSession(t, s, batch[5].ID); last.Saved.Year() != 2026 {
		t.Errorf("stamped now: %v", last.Saved)
	}
	if p, _ := s.Person(ann.ID); p.Sessions != 3 || p.LastSession != day(2025, 3, 8) {
		t.Errorf("person after the batch: %+v", p)
	}
	if refs, _ := s.OpenActions(""); len(refs) != 12 {
		t.Errorf("%d open actions, want 12", len(refs))
	}
	if hits, _ := s.Search(coach.SearchQuery{Text: "batch"}); len(hits) != 6 {
		t.Errorf("%d hits", len(hits))
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}

	// All or nothing: one bad session (or person) writes none.
	before := readFile(t, path)
	bad := []coach.Session{prep(s, ann, day(2025, 4, 1), "ok"), prep(s, ann, day(2025, 4, 2), "bad")}
	bad[1].SetAnswer("needs.workload", coach.Answer{Rating: 9})
	err := s.SaveSessions(bad)
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "sessions[1]") {
		t.Errorf("a bad session in the batch: %v", err)
	}
	ghost := prep(s, ann, day(2025, 4, 3), "ghost")
	ghost.PersonID = coach.NewID(time.Now())
	err = s.SaveSessions([]coach.Session{prep(s, bob, day(2025, 4, 1), "ok"), ghost})
	if !errors.Is(err, ErrNotFound) || !strings.HasPrefix(err.Error(), "sessions[1]: ") {
		t.Errorf("an unknown person in the batch: %v", err)
	}
	assertUnchanged(t, path, before)
	if err := s.SaveSessions(make([]coach.Session, MaxBatch+1)); !errors.Is(err, ErrInvalid) {
		t.Errorf("too big a batch: %v", err)
	}
}

func TestUpdatePerson(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	sian, aled := mustPerson(t, s, "Siân Ŵyn"), mustPerson(t, s, "Aled Evans")
	if _, err := s.SaveSession(prep(s, sian, day(2026, 3, 1), "x")); err != nil {
		t.Fatal(err)
	}
	stored, _ := s.Person(sian.ID)

	p, err := s.UpdatePerson(sian.ID, func(p *coach.Person) error {
		p.Name = "  Siân   Ŵyn-Jones "
		p.Cadence = coach.Cadence{Weeks: 6}
		p.Demo = true
		p.Sessions, p.LastSession, p.Created = 99, day(2000, 1, 1), time.Time{} // worked out by the store: kept
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Siân Ŵyn-Jones" || p.Cadence != (coach.Cadence{Weeks: 6}) || !p.Demo ||
		p.Sessions != 1 || p.LastSession != stored.LastSession || !p.Created.Equal(stored.Created) {
		t.Errorf("updated %+v", p)
	}
	if got, _ := s.Person(sian.ID); got != p {
		t.Errorf("stored %+v, returned %+v", got, p)
	}
	// The name follows into lists, and into the copy each summary holds.
	sums, _, _ := s.Summaries("", "", 0)
	if sums[0].PersonName != p.Name {
		t.Errorf("summary name %q", sums[0].PersonName)
	}
	sum, _ := decodeSummary(rawValue(t, path, bktIdxTime, timeKey(sums[0].Date, sums[0].ID)))
	if sum.PersonName != p.Name {
		t.Errorf("the stored summary still says %q", sum.PersonName)
	}
	// Every-three-months is stored as the default.
	if p, _ := s.UpdatePerson(sian.ID, func(p *coach.Person) error { p.Cadence = coach.DefaultCadence; return nil }); p.Cadence != (coach.Cadence{}) {
		t.Errorf("default cadence stored as %+v", p.Cadence)
	}

	before := readFile(t, path)
	for _, tc := range []struct {
		name string
		edit func(*coach.Person) error
		kind error
	}{
		{"another's name", func(p *coach.Person) error { p.Name = "aled evans"; return nil }, ErrInvalid},
		{"empty name", func(p *coach.Person) error { p.Name = "  "; return nil }, ErrInvalid},
		{"weeks and months", func(p *coach.Person) error { p.Cadence = coach.Cadence{Weeks: 2, Months: 1}; return nil }, ErrInvalid},
		{"negative", func(p *coach.Person) error { p.Cadence = coach.Cadence{Weeks: -2}; return nil }, ErrInvalid},
		{"edit fails", func(p *coach.Person) error { p.Name = "X"; return errStop }, errStop},
	} {
		if _, err := s.UpdatePerson(sian.ID, tc.edit); !errors.Is(err, tc.kind) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.kind)
		}
	}
	if _, err := s.UpdatePerson(coach.NewID(time.Now()), func(*coach.Person) error { return nil }); !errors.Is(err, ErrNotFound) {
		t.Errorf("nobody: %v", err)
	}
	assertUnchanged(t, path, before)
	// Changing only case or accents of one's own name is fine.
	if p, err := s.UpdatePerson(aled.ID, func(p *coach.Person) error { p.Name = "ALED EVANS"; return nil }); err != nil || p.Name != "ALED EVANS" {
		t.Errorf("own name in capitals: %+v %v", p, err)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

var errStop = errors.New("stop")

func TestEnsurePeople(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	sian := mustPerson(t, s, "Siân Ŵyn")
	made := time.Date(2024, 5, 6, 9, 30, 0, 0, time.UTC)
	given := coach.NewID(made)
	people, created, err := s.EnsurePeople([]coach.Person{
		{Name: "sian wyn", Demo: true}, // found: left as it is
		{ID: given, Name: " Llŷr  Ifans ", Created: made, Cadence: coach.Cadence{Weeks: 6}, Demo: true, Sessions: 7},
		{Name: "LLYR IFANS"}, // the same as the one before
		{ID: sian.ID, Name: "Aled Evans", Cadence: coach.DefaultCadence}, // an id taken: a new one
	})
	if err != nil {
		t.Fatal(err)
	}
	if people[0] != sian || created[0] {
		t.Errorf("found %+v, created %v", people[0], created[0])
	}
	l := people[1]
	if !created[1] || l.ID != given || l.Name != "Llŷr Ifans" || !l.Created.Equal(made) || l.Cadence.Weeks != 6 || !l.Demo || l.Sessions != 0 {
		t.Errorf("added %+v", l)
	}
	if people[2] != l || created[2] {
		t.Errorf("the same name twice: %+v", people[2])
	}
	if a := people[3]; !created[3] || a.ID == sian.ID || !coach.ValidID(a.ID) || a.Cadence != (coach.Cadence{}) || a.Created.IsZero() {
		t.Errorf("added with a taken id: %+v", a)
	}
	if all, _ := s.People(); len(all) != 3 {
		t.Errorf("%d people", len(all))
	}
	before := readFile(t, path)
	for _, bad := range []coach.Person{{Name: ""}, {Name: "X", Cadence: coach.Cadence{Weeks: 1, Months: 1}}} {
		if _, _, err := s.EnsurePeople([]coach.Person{{Name: "Fine"}, bad}); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "people[1]") {
			t.Errorf("EnsurePeople with %+v: %v", bad, err)
		}
	}
	assertUnchanged(t, path, before)
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

// TestSaveSessionsSummaries: a batch of new sessions is summarised before
// its transaction, without the person (only their name is filled in
// there); every summary it stores must be the one a single save stores,
// Summarise of the session and its person, byte for byte.
func TestSaveSessionsSummaries(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	d, err := coach.NewDemo(coach.DemoOptions{Seed: 3, Sessions: 400, Today: day(2026, 11, 26)})
	if err != nil {
		t.Fatal(err)
	}
	people, _, err := s.EnsurePeople(d.People())
	if err != nil {
		t.Fatal(err)
	}
	var batch []coach.Session
	for i, p := range people {
		for sess := range d.Sessions(i) {
			sess.PersonID = p.ID
			batch = append(batch, sess)
		}
	}
	if err := s.SaveSessions(batch); err != nil {
		t.Fatal(err)
	}
	byID := map[string]coach.Person{}
	for _, p := range people {
		byID[p.ID] = p
	}
	n := 0
	err = s.view(func(_ *bbolt.Tx, b txBuckets) error {
		for _, in := range batch {
			sess := mustSession(t, s, in.ID)
			v, err := b.idxTime.Get(timeKey(sess.Date, sess.ID))
			if err != nil {
				return err
			}
			want := encodeSummaryBinary(coach.Summarise(s.guide(sess.Lang), byID[sess.PersonID], sess))
			if !bytes.Equal(v, want) {
				t.Fatalf("summary of %s differs from Summarise's", sess.ID)
			}
			n++
		}
		return nil
	})
	if err != nil || n != len(batch) || n < 300 {
		t.Fatalf("%d summaries compared: %v", n, err)
	}
}

// A fault in one session of a batch names it (sessions[1]) in every
// language, not only in English.
func TestSaveSessionsFaultSaysWhichInWelsh(t *testing.T) {
	s := openTest(t, testPath(t))
	ann := mustPerson(t, s, "Ann")
	good := prep(s, ann, day(2025, 3, 4), "batch note")
	gone := prep(s, ann, day(2025, 3, 5), "batch note")
	gone.PersonID = coach.NewID(time.Now()) // no such person
	err := s.SaveSessions([]coach.Session{good, gone})
	if err == nil || !strings.HasPrefix(err.Error(), "sessions[1]: ") {
		t.Fatalf("English: %v, want it to start sessions[1]: ", err)
	}
	cy := coach.ErrorText(msg.New("cy"), err)
	if !strings.HasPrefix(cy, "sessions[1]: ") || cy == err.Error() {
		t.Errorf("Welsh: %s (English %s)", cy, err)
	}
}
