package data

import (
	"errors"
	"testing"
	"time"

	"attend/coach"
)

func TestDraftLifecycle(t *testing.T) {
	s := openTest(t, testPath(t))
	p := mustPerson(t, s, "Siân Ŵyn")
	other := mustPerson(t, s, "Bob")

	if _, ok, err := s.Draft(p.ID); ok || err != nil {
		t.Fatalf("Draft before any: %v %v", ok, err)
	}
	d := coach.NewSession(p.ID, "cy", s.now())
	d.SetAnswer("checkin.energy", coach.Answer{Text: "Wedi blino 😴"})
	d.Position = coach.Position{Item: "needs.workload", Field: 1}
	if err := s.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Draft(p.ID)
	if err != nil || !ok || !sessionsEqual(got, d) {
		t.Fatalf("Draft round trip: %v %v\n got %+v\nwant %+v", ok, err, got, d)
	}
	drafts, err := s.Drafts()
	if err != nil || len(drafts) != 1 || !drafts[p.ID].Equal(d.Updated) {
		t.Fatalf("Drafts: %v %v", drafts, err)
	}

	// A stale autosave of the same draft (earlier Updated) does not win.
	stale := d
	stale.Prep = map[string]coach.Answer{"checkin.energy": {Text: "older text"}}
	stale.Updated = d.Updated.Add(-time.Second)
	if err := s.SaveDraft(stale); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.Draft(p.ID); got.Answer("checkin.energy").Text != "Wedi blino 😴" {
		t.Fatalf("a stale autosave replaced the newer draft")
	}
	// A newer one does.
	d.SetAnswer("checkin.energy", coach.Answer{Text: "Gwell nawr"})
	d.Updated = d.Updated.Add(time.Second)
	s.SaveDraft(d)
	if got, _, _ := s.Draft(p.ID); got.Answer("checkin.energy").Text != "Gwell nawr" {
		t.Fatalf("a newer autosave was dropped")
	}

	// Saving removes the draft in the same commit...
	od := coach.NewSession(other.ID, "en", s.now())
	s.SaveDraft(od)
	if _, err := s.SaveSession(d); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Draft(p.ID); ok {
		t.Fatal("draft still there after SaveSession")
	}
	// ...and a late autosave of it never brings it back.
	late := d
	late.Updated = d.Updated.Add(time.Hour)
	if err := s.SaveDraft(late); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Draft(p.ID); ok {
		t.Fatal("a late autosave resurrected a saved prep")
	}
	// Other people's drafts are untouched.
	if drafts, _ := s.Drafts(); len(drafts) != 1 || drafts[other.ID].IsZero() {
		t.Errorf("Drafts after save: %v", drafts)
	}
	if err := s.DiscardDraft(other.ID); err != nil {
		t.Fatal(err)
	}
	if drafts, _ := s.Drafts(); len(drafts) != 0 {
		t.Errorf("Drafts after discard: %v", drafts)
	}
	if err := s.DiscardDraft(other.ID); err != nil {
		t.Errorf("discarding no draft: %v", err)
	}
}

func TestSaveDraftRefusals(t *testing.T) {
	s := openTest(t, testPath(t))
	if err := s.SaveDraft(coach.Session{ID: "nope"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("bad ids: %v", err)
	}
	ghost := coach.NewSession(coach.NewID(time.Now()), "en", time.Now())
	if err := s.SaveDraft(ghost); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown person: %v", err)
	}
	// A draft that would not pass Validate is still kept: typing is never lost.
	p := mustPerson(t, s, "Ann")
	d := coach.NewSession(p.ID, "en", time.Now())
	d.Date = coach.Date{}
	d.SetAnswer("needs.workload", coach.Answer{Rating: 7})
	if err := s.SaveDraft(d); err != nil {
		t.Errorf("an unfinished draft was refused: %v", err)
	}
}

func TestTwoWindowsOnOnePersonNeverOverwriteEachOther(t *testing.T) {
	s := openTest(t, testPath(t))
	p := mustPerson(t, s, "Siân Ŵyn")
	now := time.Now()
	// Two windows open a prep for Siân before either has written a draft.
	a := coach.NewSession(p.ID, "en", now)
	a.Writer = "window-a"
	b := coach.NewSession(p.ID, "en", now)
	b.Writer = "window-b"
	a.SetAnswer("checkin.head", coach.Answer{Text: "from A"})
	if err := s.SaveDraft(a); err != nil {
		t.Fatal(err)
	}
	b.SetAnswer("checkin.head", coach.Answer{Text: "from B"})
	if err := s.SaveDraft(b); !errors.Is(err, coach.ErrDraftElsewhere) {
		t.Fatalf("B overwrote A's draft: %v", err)
	}
	if d, _, _ := s.Draft(p.ID); d.Answer("checkin.head").Text != "from A" {
		t.Fatalf("stored draft = %q", d.Answer("checkin.head").Text)
	}
	// B saves what it has as its own session: nothing is lost.
	b.ID = coach.NewID(now)
	b.Writer = ""
	if _, err := s.SaveSession(b); err != nil {
		t.Fatalf("B's separate session: %v", err)
	}

	// A window that loads the stored draft takes it over (a closed or
	// crashed window leaves it behind); the old window is then refused.
	stored, _, _ := s.Draft(p.ID)
	c := stored.Clone()
	c.Writer, c.Base = "window-c", stored.Updated
	c.Updated = time.Now().Add(time.Second)
	c.SetAnswer("checkin.head", coach.Answer{Text: "from C"})
	if err := s.SaveDraft(c); err != nil {
		t.Fatalf("taking over a loaded draft: %v", err)
	}
	a.Updated = time.Now().Add(2 * time.Second)
	if err := s.SaveDraft(a); !errors.Is(err, coach.ErrDraftElsewhere) {
		t.Fatalf("the old window overwrote the takeover: %v", err)
	}
	if _, err := s.SaveSession(a); !errors.Is(err, coach.ErrDraftElsewhere) {
		t.Fatalf("the old window saved over the takeover: %v", err)
	}
	if _, err := s.SaveSession(c); err != nil {
		t.Fatalf("the window holding the draft could not save: %v", err)
	}
	if _, err := s.SaveSession(a); !errors.Is(err, coach.ErrDraftElsewhere) {
		t.Fatalf("a prep already saved from another window was overwritten: %v", err)
	}
}
