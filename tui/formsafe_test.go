package tui

import (
	"errors"
	"testing"
)

// A save that fails says so at once and leaves the words in the form: the
// real store answers a failed save with an empty session, and the review
// took that for someone else's save and waited for ever ("Saving…" for
// over a minute on a read-only file, in the trial).
func TestAFailedSaveSaysWhyAndLetsTheManagerGoBack(t *testing.T) {
	h := startPrep(t)
	h.tabTo("checkin.head")
	h.typeText("words to keep")
	h.store.failSave = errors.New("permission denied")
	h.press("ctrl+s", "enter")
	if h.at() != screenReview {
		t.Fatalf("a failed save left the review (at %s):\n%s", h.at(), h.screen())
	}
	h.mustSee("Could not save: permission denied.", "Your draft is safe")
	if h.m.top().(*reviewScreen).saving {
		t.Fatal("the review still waits for a save that has failed")
	}
	h.press("esc")
	if h.at() != screenPrep {
		t.Fatalf("esc after a failed save did not go back to the prep (at %s)", h.at())
	}
	if got := h.prep().session.Answer("checkin.head").Text; got != "words to keep" {
		t.Fatalf("the answer after a failed save = %q", got)
	}
	// When the draft cannot be written either (the same read-only file),
	// the review does not call it safe.
	h.store.failDraft = errors.New("permission denied")
	h.typeText(" and more")
	h.press("ctrl+s", "enter")
	h.mustSee("Could not save: permission denied.", "not yet in the file")
	h.press("esc")
	// Trying again once the file can be written saves it.
	h.store.failDraft, h.store.failSave = nil, nil
	h.press("ctrl+s", "enter")
	if h.at() != screenHome {
		t.Fatalf("the second try did not save (at %s):\n%s", h.at(), h.screen())
	}
	for _, s := range h.store.sessions {
		if got := s.Answer("checkin.head").Text; got != "words to keep and more" {
			t.Fatalf("saved %q", got)
		}
	}
}
