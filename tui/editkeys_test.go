package tui

import (
	"testing"
	"time"

	"attend/coach"
)

// ctrl+t in a prep answer swapped two letters, "wedi blino" became "wedi
// blion", and was saved so (the trial): the textarea's own ctrl+t. It now
// leaves the words as typed.
func TestCtrlTNeverSwapsLettersInAnAnswer(t *testing.T) {
	h := startPrep(t)
	h.tabTo("checkin.head")
	h.typeText("wedi blino")
	h.press("ctrl+t")
	if got := h.prep().session.Answer("checkin.head").Text; got != "wedi blino" {
		t.Fatalf("ctrl+t changed the answer to %q", got)
	}
	if got := h.store.drafts[h.prep().session.PersonID].Answer("checkin.head").Text; got != "wedi blino" {
		t.Fatalf("the draft saved %q", got)
	}
}

// In the record ctrl+t is "together / your view" on a rating, and ctrl+g
// "last time" in a prep: in a text answer neither may edit the words.
// ctrl+g selected all of it, and the next backspace emptied the answer.
func TestAttendsKeysNeverEditARecordAnswer(t *testing.T) {
	h := startRecord(t)
	h.tabTo(coach.SaidID)
	h.typeText("said it together")
	h.press("ctrl+t", "ctrl+g", "backspace", "ctrl+f", "ctrl+n", "x")
	if got := h.prep().session.Answer(coach.SaidID).Text; got != "said it togethex" {
		t.Fatalf("the answer is %q, want %q", got, "said it togethex")
	}
}

// A window opened on a draft another window holds: ctrl+t after typing
// keeps the draft here, as its notice says, and types nothing ("window B
// words" became "window B worsd" in the trial).
func TestCtrlTInAHeldWindowTakesOverWithoutEditing(t *testing.T) {
	st := newMemStore()
	p, _, _ := st.EnsurePerson("Dai Jones")
	d := coach.NewSession(p.ID, "en", clock)
	d.SetAnswer("checkin.head", coach.Answer{Text: "window A words"})
	d.Writer, d.Updated = "another-window", clock.Add(-time.Minute)
	st.drafts[p.ID] = d

	h := openWindow(t, st, 80, 24, Options{PrepName: "Dai Jones", Dark: true})
	h.mustSee("ctrl+t")
	h.tabTo("checkin.support")
	h.typeText("window B words")
	h.press("ctrl+t")
	f := h.prep()
	if f.held || f.elsewhere {
		t.Fatalf("ctrl+t did not take the draft over:\n%s", h.screen())
	}
	if got := f.session.Answer("checkin.support").Text; got != "window B words" {
		t.Fatalf("ctrl+t changed the answer to %q", got)
	}
	if got := st.drafts[p.ID].Answer("checkin.support").Text; got != "window B words" {
		t.Fatalf("the draft kept %q after taking over", got)
	}
}
