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
	stale.Answers = map[string]coach.Answer{"checkin.energy": {Text: "older text"}}
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
