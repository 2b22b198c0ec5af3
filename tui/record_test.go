package tui

import (
	"testing"

	"attend/coach"
)

func openSavedSession(t *testing.T) (*harness, string) {
	t.Helper()
	h := newHarness(t, 100, 30, "")
	p, _, _ := h.store.EnsurePerson("Siân Ŵyn")
	s := coach.NewSession(p.ID, "en", clock)
	s.SetAnswer("help.obstacle", coach.Answer{Text: "Second hoist"})
	saved, err := h.store.SaveSession(s)
	if err != nil {
		t.Fatal(err)
	}
	h.press("h", "enter")
	if h.m.screen != screenDetail {
		t.Fatal("did not open the saved session")
	}
	return h, saved.ID
}

func TestAfterTheMeetingRecordIsSavedAsYouType(t *testing.T) {
	h, id := openSavedSession(t)
	h.mustSee("not yet agreed", "r after the meeting", "a mark agreed")
	h.press("r")
	if h.m.screen != screenRecord {
		t.Fatal("r did not open the after-meeting form")
	}
	h.typeText("We talked about the hoist and her back")
	if got := h.store.sessions[id].Record; got != "We talked about the hoist and her back" {
		t.Fatalf("record on disk = %q (autosave)", got)
	}
	h.press("tab")
	h.typeText("Order the second hoist")
	h.press("enter")
	h.press("tab")
	h.typeText("+6w")
	h.press("ctrl+s")
	s := h.store.sessions[id]
	if len(s.Actions) != 1 || s.Actions[0].Text != "Order the second hoist" || s.NextSession().String() != "2027-01-07" {
		t.Fatalf("session after the record: actions %+v, next %v", s.Actions, s.NextSession())
	}
	if h.m.screen != screenDetail {
		t.Fatal("ctrl+s did not go back to the record")
	}
	h.mustSee("Record saved", "We talked about the hoist")
}

func TestAgreedRecordsAreReadOnlyWithDatedAddenda(t *testing.T) {
	h, id := openSavedSession(t)
	h.press("a")
	h.mustSee("Mark this record as agreed with Siân Ŵyn today?")
	h.press("x") // anything but enter cancels
	if h.store.sessions[id].IsAgreed() {
		t.Fatal("agreed without confirming")
	}
	h.press("a", "enter")
	if !h.store.sessions[id].IsAgreed() {
		t.Fatal("enter did not mark it agreed")
	}
	h.mustSee("Agreed with them on Thu 26 Nov 2026", "read-only", "n add a dated note")
	h.press("r")
	if h.m.screen == screenRecord {
		t.Fatal("an agreed record opened for editing")
	}
	h.press("n")
	h.typeText("Correction: the hoist was ordered on 20 Nov, not 27")
	h.press("ctrl+s")
	if a := h.store.sessions[id].Addenda; len(a) != 1 || a[0].Text != "Correction: the hoist was ordered on 20 Nov, not 27" {
		t.Fatalf("addenda = %+v", a)
	}
	h.mustSee("Dated note added")
}
