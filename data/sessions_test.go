package data

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

func TestSessionRoundTrip(t *testing.T) {
	s := openTest(t, testPath(t))
	p := mustPerson(t, s, "Siân Ŵyn")
	in := prep(s, p, day(2026, 11, 20), "Blinedig ond yn iawn: tired but fine. Diolch! 🙂")
	in.SetAnswer("close.next", coach.Answer{Date: day(2027, 2, 24)})
	in.Position = coach.Position{Item: "help.decide", Field: 2}

	out, err := s.SaveSession(in)
	if err != nil {
		t.Fatal(err)
	}
	if out.Saved.IsZero() || !out.Updated.Equal(out.Saved) || out.IsDraft() {
		t.Errorf("saved times: saved=%v updated=%v", out.Saved, out.Updated)
	}
	if len(out.Actions) != 2 || out.Actions[0].ID == "" || out.Actions[0].Status != coach.ActionOpen {
		t.Errorf("actions not tidied: %+v", out.Actions)
	}
	if out.Position != (coach.Position{}) {
		t.Errorf("a saved session kept a draft position: %+v", out.Position)
	}
	got, err := s.Session(out.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !sessionsEqual(got, out) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, out)
	}
	if got.Answer("checkin.energy").Text != "Blinedig ond yn iawn: tired but fine. Diolch! 🙂" {
		t.Errorf("text changed: %q", got.Answer("checkin.energy").Text)
	}

	// By prefix, any case.
	for _, q := range []string{strings.ToLower(out.ID[:8]), out.ID[:6], " " + out.ID + " "} {
		if got, err := s.Session(q); err != nil || got.ID != out.ID {
			t.Errorf("Session(%q): %v", q, err)
		}
	}
	if _, err := s.Session(out.ID[:5]); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "at least 6") {
		t.Errorf("Session(5 chars): %v", err)
	}
	if _, err := s.Session("ZZZZZZZZ"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Session(no match): %v", err)
	}
}

// sessionsEqual compares sessions, times by instant (JSON drops the
// monotonic clock reading).
func sessionsEqual(a, b coach.Session) bool {
	if !a.Created.Equal(b.Created) || !a.Updated.Equal(b.Updated) || !a.Saved.Equal(b.Saved) {
		return false
	}
	a.Created, a.Updated, a.Saved = b.Created, b.Updated, b.Saved
	for i := range a.Actions {
		if i < len(b.Actions) && a.Actions[i].Created.Equal(b.Actions[i].Created) {
			a.Actions[i].Created = b.Actions[i].Created
		}
	}
	return reflect.DeepEqual(a, b)
}

func TestSessionAmbiguousPrefix(t *testing.T) {
	s := openTest(t, testPath(t))
	p := mustPerson(t, s, "Ann")
	at := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	// Two ids from the same millisecond share their first 10 characters.
	a, b := prep(s, p, day(2026, 5, 1), "a"), prep(s, p, day(2026, 5, 1), "b")
	a.ID, b.ID = coach.NewID(at), coach.NewID(at)
	if _, err := s.SaveSession(a); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveSession(b); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session(a.ID[:10]); !errors.Is(err, ErrAmbiguous) {
		t.Errorf("shared prefix: %v, want ErrAmbiguous", err)
	}
	if got, err := s.Session(a.ID); err != nil || got.ID != a.ID {
		t.Errorf("full id still works: %v", err)
	}
}

func TestSaveSessionUpdatesPerson(t *testing.T) {
	s := openTest(t, testPath(t))
	p := mustPerson(t, s, "Ann")

	first := prep(s, p, day(2026, 6, 1), "first")
	first.SetAnswer("close.next", coach.Answer{Date: day(2026, 9, 1)})
	first, err := s.SaveSession(first)
	if err != nil {
		t.Fatal(err)
	}
	p, _ = s.Person(p.ID)
	if p.Sessions != 1 || p.LastSession != day(2026, 6, 1) || p.NextSession != day(2026, 9, 1) {
		t.Fatalf("after first: %+v", p)
	}

	// An older session, entered late, changes neither date.
	old := prep(s, p, day(2026, 1, 15), "old")
	old.SetAnswer("close.next", coach.Answer{Date: day(2026, 4, 1)})
	if _, err := s.SaveSession(old); err != nil {
		t.Fatal(err)
	}
	p, _ = s.Person(p.ID)
	if p.Sessions != 2 || p.LastSession != day(2026, 6, 1) || p.NextSession != day(2026, 9, 1) {
		t.Fatalf("after an older session: %+v", p)
	}

	// A newer one with no next date clears NextSession (the cadence applies).
	newer, err := s.SaveSession(prep(s, p, day(2026, 9, 2), "newer"))
	if err != nil {
		t.Fatal(err)
	}
	p, _ = s.Person(p.ID)
	if p.Sessions != 3 || p.LastSession != day(2026, 9, 2) || !p.NextSession.IsZero() {
		t.Fatalf("after a newer session: %+v", p)
	}

	// Re-saving the same id replaces it: the count stays, indexes move.
	newer.Date = day(2026, 5, 1)
	if _, err := s.SaveSession(newer); err != nil {
		t.Fatal(err)
	}
	newer.SetAnswer(coach.SaidID, coach.Answer{Text: "edited"}) // the record comes first in a preview
	if _, err := s.SaveSession(newer); err != nil {
		t.Fatal(err)
	}
	p, _ = s.Person(p.ID)
	if p.Sessions != 3 || p.LastSession != day(2026, 6, 1) || p.NextSession != day(2026, 9, 1) {
		t.Fatalf("after moving the newest back: %+v", p)
	}
	sums, _, err := s.Summaries(p.ID, "", 0)
	if err != nil || len(sums) != 3 {
		t.Fatalf("Summaries: %d %v", len(sums), err)
	}
	if sums[1].ID != newer.ID || sums[1].Date != day(2026, 5, 1) || sums[1].Preview != "edited" {
		t.Errorf("re-saved summary: %+v", sums[1])
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check after re-saves: %v", err)
	}
}

func TestSaveSessionMovedToAnotherPerson(t *testing.T) {
	s := openTest(t, testPath(t))
	ann, bob := mustPerson(t, s, "Ann"), mustPerson(t, s, "Bob")
	sess, err := s.SaveSession(prep(s, ann, day(2026, 2, 2), "x"))
	if err != nil {
		t.Fatal(err)
	}
	sess.PersonID = bob.ID
	if _, err := s.SaveSession(sess); err != nil {
		t.Fatal(err)
	}
	ann, _ = s.Person(ann.ID)
	bob, _ = s.Person(bob.ID)
	if ann.Sessions != 0 || !ann.LastSession.IsZero() || bob.Sessions != 1 || bob.LastSession != day(2026, 2, 2) {
		t.Errorf("after the move: ann %+v bob %+v", ann, bob)
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}

func TestSaveSessionRefusals(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	p := mustPerson(t, s, "Ann")
	before := readFile(t, path)

	ghost := prep(s, coach.Person{ID: coach.NewID(time.Now())}, day(2026, 1, 1), "x")
	if _, err := s.SaveSession(ghost); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown person: %v", err)
	}
	bad := prep(s, p, day(2026, 1, 1), "x")
	bad.SetAnswer("needs.workload", coach.Answer{Rating: 9})
	if _, err := s.SaveSession(bad); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "nothing was saved") {
		t.Errorf("rating 9: %v", err)
	}
	nodate := prep(s, p, coach.Date{}, "x")
	if _, err := s.SaveSession(nodate); !errors.Is(err, ErrInvalid) {
		t.Errorf("no date: %v", err)
	}
	// A date that encodes but would never decode: refused, not written.
	feb31 := prep(s, p, day(2026, 2, 31), "x")
	if _, err := s.SaveSession(feb31); !errors.Is(err, ErrInvalid) {
		t.Errorf("31 February: %v", err)
	}
	badNext := prep(s, p, day(2026, 2, 1), "x")
	badNext.SetAnswer("close.next", coach.Answer{Date: day(2026, 4, 31)})
	if _, err := s.SaveSession(badNext); !errors.Is(err, ErrInvalid) {
		t.Errorf("next session on 31 April: %v", err)
	}
	if err := s.SaveDraft(badNext); !errors.Is(err, ErrInvalid) {
		t.Errorf("draft with 31 April: %v", err)
	}
	assertUnchanged(t, path, before)
}

// expectedOrder is the order Summaries promises: newest date first, then
// the later id first.
func expectedOrder(sessions []coach.Session, personID string) []string {
	var sel []coach.Session
	for _, x := range sessions {
		if personID == "" || x.PersonID == personID {
			sel = append(sel, x)
		}
	}
	slices.SortFunc(sel, func(a, b coach.Session) int {
		if a.Date != b.Date {
			if a.Date.Before(b.Date) {
				return 1
			}
			return -1
		}
		return strings.Compare(b.ID, a.ID)
	})
	ids := make([]string, len(sel))
	for i, x := range sel {
		ids[i] = x.ID
	}
	return ids
}

func TestSummariesOrderAndPaging(t *testing.T) {
	s := openTest(t, testPath(t))
	people := []coach.Person{mustPerson(t, s, "Ann"), mustPerson(t, s, "Siân Ŵyn"), mustPerson(t, s, "Bob")}
	all := fill(t, s, people, 95)

	for _, pid := range []string{"", people[0].ID, people[1].ID} {
		want := expectedOrder(all, pid)
		for _, limit := range []int{1, 7, 10, 32, 95, 200} {
			var got []string
			cursor, pages := "", 0
			for {
				sums, next, err := s.Summaries(pid, cursor, limit)
				if err != nil {
					t.Fatal(err)
				}
				pages++
				if len(sums) > limit {
					t.Fatalf("page of %d with limit %d", len(sums), limit)
				}
				for _, x := range sums {
					got = append(got, x.ID)
					if pid != "" && x.PersonID != pid {
						t.Fatalf("person %s's list holds %s's session", pid, x.PersonID)
					}
				}
				if next == "" {
					break
				}
				if pages > 200 {
					t.Fatal("paging does not end")
				}
				cursor = next
			}
			if !slices.Equal(got, want) {
				t.Fatalf("person %q limit %d: order differs (%d vs %d)", pid, limit, len(got), len(want))
			}
			if wantPages := max(1, (len(want)+limit-1)/limit); pages != wantPages {
				t.Errorf("person %q limit %d: %d pages, want %d", pid, limit, pages, wantPages)
			}
		}
		if sums, next, _ := s.Summaries(pid, "", 0); len(sums) != len(want) || next != "" {
			t.Errorf("limit 0: %d sessions, next %q", len(sums), next)
		}
	}

	// The summary carries what a list needs, and the name on file now.
	sums, _, _ := s.Summaries(people[1].ID, "", 1)
	if x := sums[0]; x.PersonName != "Siân Ŵyn" || x.Answered == 0 || x.Total == 0 || x.Open != 2 || x.Preview == "" {
		t.Errorf("summary: %+v", x)
	}

	if _, _, err := s.Summaries("", "not-a-cursor", 5); !errors.Is(err, ErrInvalid) {
		t.Errorf("bad cursor: %v", err)
	}
	if sums, next, err := s.Summaries(coach.NewID(time.Now()), "", 5); err != nil || len(sums) != 0 || next != "" {
		t.Errorf("unknown person: %v %q %v", sums, next, err)
	}
}

func TestSummariesCursorSurvivesChanges(t *testing.T) {
	s := openTest(t, testPath(t))
	p := mustPerson(t, s, "Ann")
	all := fill(t, s, []coach.Person{p}, 20)
	want := expectedOrder(all, "")
	page1, next, _ := s.Summaries("", "", 5)
	// The last session shown is re-dated far into the past before page 2.
	moved, _ := s.Session(page1[4].ID)
	moved.Date = day(2000, 1, 1)
	if _, err := s.SaveSession(moved); err != nil {
		t.Fatal(err)
	}
	page2, _, err := s.Summaries("", next, 5)
	if err != nil {
		t.Fatal(err)
	}
	for i, x := range page2 {
		if x.ID != want[5+i] {
			t.Fatalf("page 2 after a change: got %s at %d, want %s", x.ID, i, want[5+i])
		}
	}
}

func TestSummariesReadOnlyTheIndex(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	p := mustPerson(t, s, "Ann")
	all := fill(t, s, []coach.Person{p}, 10)
	// Break every full record: a list must still draw.
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		for _, x := range all {
			if err := tx.Bucket(bktSessions).Put([]byte(x.ID), []byte("{broken")); err != nil {
				return err
			}
		}
		return nil
	})
	sums, _, err := s.Summaries("", "", 0)
	if err != nil || len(sums) != 10 {
		t.Fatalf("Summaries with broken session records: %d, %v", len(sums), err)
	}
	if _, err := s.Session(all[0].ID); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Session of a broken record: %v, want ErrCorrupt", err)
	}
}

func TestEachSession(t *testing.T) {
	s := openTest(t, testPath(t))
	people := []coach.Person{mustPerson(t, s, "Ann"), mustPerson(t, s, "Bob")}
	all := fill(t, s, people, eachChunk*2+10) // more than one batch
	want := expectedOrder(all, "")
	slices.Reverse(want)
	var got []string
	var last coach.Date
	err := s.EachSession(func(p coach.Person, sess coach.Session) error {
		if p.ID != sess.PersonID || p.Name == "" {
			t.Fatalf("session %s came with person %+v", sess.ID, p)
		}
		if sess.Date.Before(last) {
			t.Fatalf("dates go backwards at %s", sess.ID)
		}
		last = sess.Date
		got = append(got, sess.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Same-date ties come in id order, oldest first.
	if !slices.Equal(got, want) {
		t.Fatalf("EachSession gave %d sessions, want %d in date order", len(got), len(want))
	}
	stop := errors.New("stop")
	n := 0
	if err := s.EachSession(func(coach.Person, coach.Session) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("an error from fn: %v after %d", err, n)
	}
}

func TestNewerRecordRefused(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	p := mustPerson(t, s, "Ann")
	sess, _ := s.SaveSession(prep(s, p, day(2026, 1, 1), "x"))
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		return putRaw(tx, bktSessions, []byte(sess.ID), fmt.Appendf(nil, `{"v":%d,"id":"%s","future":"field"}`, RecordVersion+1, sess.ID))
	})
	before := readFile(t, path)
	_, err := s.Session(sess.ID)
	var ve *VersionError
	if !errors.Is(err, ErrNewerSchema) || !errors.As(err, &ve) || ve.Found != RecordVersion+1 {
		t.Fatalf("Session of a newer record: %v", err)
	}
	// Saving over it would lose what the newer attend wrote: refused.
	if _, err := s.SaveSession(sess); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("SaveSession over a newer record: %v", err)
	}
	assertUnchanged(t, path, before)
}

func TestLatestSummariesOneReadForEveryone(t *testing.T) {
	s := openTest(t, testPath(t))
	sian := mustPerson(t, s, "Siân Ŵyn")
	aled := mustPerson(t, s, "Aled Evans")
	never := mustPerson(t, s, "Dafydd ap Gwilym")
	for i, d := range []coach.Date{day(2026, 3, 1), day(2026, 9, 1), day(2026, 6, 1)} {
		sess := coach.NewSession(sian.ID, "en", s.now())
		sess.Date = d
		sess.SetAnswer("needs.workload", coach.Answer{Rating: i + 1})
		if _, err := s.SaveSession(sess); err != nil {
			t.Fatal(err)
		}
	}
	a := coach.NewSession(aled.ID, "en", s.now())
	a.Date = day(2026, 1, 5)
	if _, err := s.SaveSession(a); err != nil {
		t.Fatal(err)
	}
	latest, err := s.LatestSummaries()
	if err != nil {
		t.Fatal(err)
	}
	if got := latest[sian.ID]; got.Date != day(2026, 9, 1) || got.Ratings["needs.workload"] != 2 {
		t.Errorf("Siân's latest = %+v, want the September session", got)
	}
	if got := latest[aled.ID]; got.Date != day(2026, 1, 5) {
		t.Errorf("Aled's latest = %+v", got)
	}
	if _, ok := latest[never.ID]; ok || len(latest) != 2 {
		t.Errorf("latest = %v, want no entry for someone never seen", latest)
	}
}

// TestSessionAndPerson reads a session and its person together, as attend
// show does: by id or prefix, with Session's errors, and with the session
// still returned (found false) when its person has gone from the file.
func TestSessionAndPerson(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	p := mustPerson(t, s, "Siân Ŵyn")
	saved, err := s.SaveSession(prep(s, p, day(2026, 11, 20), "tired but fine"))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{saved.ID, strings.ToLower(saved.ID[:8])} {
		sess, got, found, err := s.SessionAndPerson(q)
		if err != nil || !found {
			t.Fatalf("SessionAndPerson(%q): found %v, %v", q, found, err)
		}
		if want, _ := s.Session(saved.ID); !sessionsEqual(sess, want) {
			t.Errorf("SessionAndPerson(%q) session differs from Session:\n got %+v\nwant %+v", q, sess, want)
		}
		if want, _ := s.Person(p.ID); !reflect.DeepEqual(got, want) {
			t.Errorf("SessionAndPerson(%q) person = %+v, want %+v", q, got, want)
		}
	}
	for q, want := range map[string]error{saved.ID[:5]: ErrNotFound, "ZZZZZZZZ": ErrNotFound} {
		if _, _, _, err := s.SessionAndPerson(q); !errors.Is(err, want) {
			t.Errorf("SessionAndPerson(%q): %v, want %v", q, err, want)
		}
	}

	// The person's record removed behind attend's back.
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error { return tx.Bucket(bktPeople).Delete([]byte(p.ID)) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	sess, got, found, err := s.SessionAndPerson(saved.ID)
	if err != nil || found || got != (coach.Person{}) || sess.ID != saved.ID {
		t.Errorf("person gone: session %q, person %+v, found %v, %v; want the session, no person, nil", sess.ID, got, found, err)
	}
}
