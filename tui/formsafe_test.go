package tui

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"attend/coach"
)

// denied and full are what the store says of a read-only file and a full
// disk: the system's error, wrapped.
var (
	denied = &fs.PathError{Op: "open", Path: "/home/me/attend.db", Err: syscall.EACCES}
	full   = &fs.PathError{Op: "write", Path: "/home/me/attend.db", Err: syscall.ENOSPC}
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

// esc on a prep whose draft cannot be written stays, and says why and what
// to do, as ctrl+c does: it said "Draft kept" and the words were gone when
// the person was chosen again (a read-only file, in the trial).
func TestEscOnAPrepThatCannotBeWrittenStaysAndSaysWhy(t *testing.T) {
	for _, c := range []struct {
		err error
		why string
	}{{denied, "you do not have permission"}, {full, "the disk is full"}} {
		h := startPrep(t)
		h.tabTo("checkin.head")
		h.store.failDraft = c.err
		h.typeText("typing into a read-only db")
		h.mustSee("! not saved: " + c.why) // the header says why
		h.press("esc")
		if h.at() != screenPrep {
			t.Fatalf("esc left a prep that could not be written (at %s):\n%s", h.at(), h.screen())
		}
		if s := h.screen(); strings.Contains(s, "Draft kept") {
			t.Fatalf("esc said the draft was kept although it was not:\n%s", s)
		}
		h.mustSee("Your words here are not saved", c.why, "esc again to leave")
		// Any other key stays, and esc warns again rather than leaving.
		h.typeText(", still here")
		h.press("esc")
		if h.at() != screenPrep {
			t.Fatalf("esc after more typing left without warning again (at %s)", h.at())
		}
		if got := h.prep().session.Answer("checkin.head").Text; got != "typing into a read-only db, still here" {
			t.Fatalf("the words in the form = %q", got)
		}
		// Once the file can be written, esc keeps the draft and says so.
		h.store.failDraft = nil
		id := h.prep().person.ID
		h.press("esc")
		if h.at() != screenHome {
			t.Fatalf("esc did not leave once the draft could be written (at %s):\n%s", h.at(), h.screen())
		}
		h.mustSee("Draft kept for Siân Ŵyn")
		d, ok, _ := h.store.Draft(id)
		if !ok || d.Answer("checkin.head").Text != "typing into a read-only db, still here" {
			t.Fatalf("the draft kept = %+v", d.Prep)
		}
	}
}

// A second esc after the warning leaves, and says plainly the words went.
func TestEscTwiceLeavesWithoutTheWordsAndSaysSo(t *testing.T) {
	h := startPrep(t)
	h.tabTo("checkin.head")
	h.store.failDraft = denied
	h.typeText("words")
	h.press("esc", "esc")
	if h.at() != screenHome {
		t.Fatalf("a second esc did not leave (at %s):\n%s", h.at(), h.screen())
	}
	h.mustSee("without saving")
	if s := h.screen(); strings.Contains(s, "Draft kept") {
		t.Fatalf("leaving without the words said the draft was kept:\n%s", s)
	}
}

// A second window on a prep another window holds writes nothing; esc there
// said "Draft kept" and its words were nowhere (the trial). It now warns
// first and names the keys that keep them, and leaves on a second esc.
func TestEscInASecondWindowWarnsBeforeLosingItsWords(t *testing.T) {
	st := newMemStore()
	p, _, _ := st.EnsurePerson("Dai Jones")
	d := coach.NewSession(p.ID, "en", clock)
	d.SetAnswer("checkin.head", coach.Answer{Text: "typed in the first window"})
	d.Writer, d.Updated = "another-window", clock.Add(-time.Minute)
	st.drafts[p.ID] = d

	// Only looking, moving about, then leaving loses nothing: no warning.
	h := openWindow(t, st, 80, 24, Options{PrepName: "Dai Jones", Dark: true})
	h.mustSee("open in another window")
	h.press("tab", "tab", "esc")
	if h.at() != screenHome {
		t.Fatalf("esc in a second window with nothing typed did not leave (at %s):\n%s", h.at(), h.screen())
	}

	h = openWindow(t, st, 80, 24, Options{PrepName: "Dai Jones", Dark: true})
	h.tabTo("checkin.support")
	h.typeText("window two text")
	h.press("esc")
	if h.at() != screenPrep {
		t.Fatalf("esc left a second window's words unsaved without a word (at %s):\n%s", h.at(), h.screen())
	}
	if s := h.screen(); strings.Contains(s, "Draft kept") {
		t.Fatalf("said the draft was kept:\n%s", s)
	}
	h.mustSee("not saved", "ctrl+s saves it as a separate", "ctrl+t keeps", "esc again")
	// ctrl+s from here keeps them as a session of their own.
	h.press("ctrl+s", "enter")
	found := false
	for _, s := range st.sessions {
		found = found || s.Answer("checkin.support").Text == "window two text"
	}
	if !found {
		t.Fatalf("ctrl+s did not keep the second window's words: %v", st.sessions)
	}
	if got := st.drafts[p.ID].Answer("checkin.head").Text; got != "typed in the first window" {
		t.Fatalf("the first window's draft became %q", got)
	}

	// Or esc twice leaves without them, and says so.
	h = openWindow(t, st, 80, 24, Options{PrepName: "Dai Jones", Dark: true})
	h.tabTo("checkin.support")
	h.typeText("more")
	h.press("esc", "esc")
	if h.at() != screenHome {
		t.Fatalf("a second esc did not leave (at %s)", h.at())
	}
	h.mustSee("without saving")
}

// A window overtaken on a write (not held from the start) warns too, and
// does not offer ctrl+t, which it does not have.
func TestEscInAnOvertakenWindowWarns(t *testing.T) {
	h := startPrep(t)
	h.tabTo("checkin.head")
	h.typeText("first words")
	h.store.failDraft = coach.ErrDraftElsewhere
	h.typeText(", then more")
	h.press("esc")
	if h.at() != screenPrep {
		t.Fatalf("esc left an overtaken window's words without a word (at %s)", h.at())
	}
	h.mustSee("ctrl+s saves it as a separate", "esc again")
	if s := h.screen(); strings.Contains(s, "ctrl+t keeps") {
		t.Fatalf("offered ctrl+t in a window that cannot take the draft over:\n%s", s)
	}
}

// A prep left with nothing written leaves no draft: ctrl+s, esc, esc left
// "✎ draft" on home although nothing was typed (the trial).
func TestAPrepWithNothingWrittenLeavesNoDraft(t *testing.T) {
	h := newHarness(t, 80, 24, "")
	p, _, _ := h.store.EnsurePerson("Dai Jones")
	h.run(loadPeople(h.store))
	h.press("enter")
	if h.at() != screenPrep {
		t.Fatalf("enter did not open the prep (at %s)", h.at())
	}
	h.press("tab", "ctrl+s", "esc", "esc")
	if h.at() != screenHome {
		t.Fatalf("not home (at %s):\n%s", h.at(), h.screen())
	}
	if _, ok, _ := h.store.Draft(p.ID); ok {
		t.Fatal("an empty draft was written")
	}
	if s := h.screen(); strings.Contains(s, "draft") {
		t.Fatalf("home shows a draft for a prep with nothing in it:\n%s", s)
	}
	h.mustSee("Nothing written for Dai Jones yet")
	// Words typed and then all deleted again, once written, are still
	// written: the draft on disk must not keep words taken out.
	h.press("enter")
	h.tabTo("checkin.head")
	h.typeText("x")
	h.press("backspace", "esc")
	if d, ok, _ := h.store.Draft(p.ID); ok && !d.Empty() {
		t.Fatalf("the draft kept words that were deleted: %+v", d.Prep)
	}
}

// A digit typed in a rating's note is words in the note, as the help says
// (digits rate on the score, "← type 1-5"); the row then showed ✓ beside
// "not rated" as if it were rated (the trial). It now says it is noted and
// not rated, and, in the note, how to rate.
func TestANoteAloneIsNotShownAsARating(t *testing.T) {
	h := newHarness(t, 100, 30, "Siân Ŵyn")
	h.tabTo("checkin.energy")
	h.press("tab") // the note
	h.typeText("4")
	h.mustSee("shift+tab, then 1-5, to rate")
	a := h.prep().session.Answer("checkin.energy")
	if a.Rating != 0 || a.Text != "4" {
		t.Fatalf("a digit in the note gave %+v, want it kept as the note", a)
	}
	h.press("tab")
	var row string
	for _, l := range strings.Split(h.screen(), "\n") {
		if strings.Contains(l, "How much energy") {
			row = l
		}
	}
	if strings.Contains(row, "✓") || !strings.Contains(row, "noted, not rated") {
		t.Fatalf("the rating row with only a note reads %q", row)
	}
	h.press("shift+tab", "shift+tab", "3", "tab", "tab")
	for _, l := range strings.Split(h.screen(), "\n") {
		if strings.Contains(l, "How much energy") {
			row = l
		}
	}
	if !strings.Contains(row, "✓") || !strings.Contains(row, "3/5") {
		t.Fatalf("the rated row reads %q", row)
	}
}

// ctrl+f says which prep this is now, in both languages: the prompts
// shown changed with no other sign (the trial).
func TestCtrlFSaysWhichPrepThisIs(t *testing.T) {
	for _, c := range []struct{ lang, full, quick string }{
		{"en", "Showing every prompt", "Back to the quick prep"},
		{"cy", "Yn dangos pob cwestiwn", "Yn ôl i'r paratoi cyflym"},
	} {
		h := openWindow(t, newMemStore(), 80, 24, Options{PrepName: "Siân Ŵyn", Dark: true, Lang: c.lang})
		h.press("ctrl+f")
		h.mustSee(c.full)
		h.press("ctrl+f")
		h.mustSee(c.quick)
	}
}

// Typing past a line's limit (an action's words, 500 characters) was
// ignored without a word, as was the rest of a file from the editor past an
// answer's 20,000; both now say so, as a paste and typed answers do.
func TestTypingPastALimitSaysSo(t *testing.T) {
	h := startRecord(t)
	h.tabTo("actions.list")
	h.typeText("a") // on the "add" row: a new action
	h.send(tea.PasteMsg{Content: strings.Repeat("b", 499)})
	h.prep().notice = ""
	h.typeText("c")
	if got := h.prep().session.Actions[len(h.prep().session.Actions)-1].Text; len(got) != 500 {
		t.Fatalf("the action holds %d characters, want 500", len(got))
	}
	h.mustSee("reached its limit of 500 characters")

	long := strings.Repeat("ŵ", coach.MaxAnswerLen+10)
	script := filepath.Join(t.TempDir(), "ed.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '"+long+"' > \"$1\"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", script)
	ready := openEditor("s1", "checkin.head", "")().(editorReadyMsg)
	if ready.err != nil {
		t.Fatal(ready.err)
	}
	got := editorDone(ready)(exec.Command(ready.editor[0], ready.path).Run()).(editorMsg)
	h2 := startPrep(t)
	h2.tabTo("checkin.head")
	got.sessionID = h2.prep().session.ID
	h2.send(got)
	if n := len([]rune(h2.prep().session.Answer("checkin.head").Text)); n != coach.MaxAnswerLen {
		t.Fatalf("the answer holds %d characters", n)
	}
	h2.mustSee("reached its limit of 20,000 characters")
}

// A name pasted longer than a name may be is cut to fit, and says so: a
// 492-character name was cut to 80 without a word (the trial).
func TestAPastedNameTooLongSaysItWasCut(t *testing.T) {
	h := newHarness(t, 80, 24, "")
	h.press("a")
	h.send(tea.PasteMsg{Content: strings.Repeat("Dai ", 123)})
	h.mustSee("only the first 80 characters were kept")
	h.typeText("x")
	h.mustSee("at most 80 characters")
}

// The meeting record and the reflection went back to the session first
// and wrote after: a write that failed (a read-only file) lost the words
// unseen. esc now waits for the write, and stays and says why if it fails.
func TestEscOnARecordThatCannotBeWrittenStays(t *testing.T) {
	h := startRecord(t)
	h.tabTo("agenda.theirs")
	h.store.failPart = denied
	h.typeText("The hoist again")
	h.press("esc")
	if h.at() != screenRecord {
		t.Fatalf("esc left a record that could not be written (at %s):\n%s", h.at(), h.screen())
	}
	h.mustSee("Your words here are not saved", "you do not have permission", "Press esc again")
	h.press("esc")
	if h.at() != screenDetail {
		t.Fatalf("a second esc did not go back (at %s)", h.at())
	}
	h.mustSee("Left without saving")
	// When the file can be written, esc writes and goes back.
	h.store.failPart = nil
	h.press("r")
	h.tabTo("agenda.theirs")
	h.typeText("Written")
	h.press("esc")
	if h.at() != screenDetail {
		t.Fatalf("esc did not go back after writing (at %s)", h.at())
	}
	for _, s := range h.store.sessions {
		if got := s.Answer("agenda.theirs").Text; got != "Written" {
			t.Fatalf("the record holds %q", got)
		}
	}
}

// On a full disk esc warned that the words were not saved; once space was
// freed the retry wrote the draft and the header said "✓ draft saved", but
// the warning stayed (the trial). It goes once a write lands, and esc then
// leaves as usual.
func TestTheNotSavedWarningGoesOnceALaterWriteLands(t *testing.T) {
	for _, part := range []string{"prep", "record"} {
		t.Run(part, func(t *testing.T) {
			var h *harness
			if part == "prep" {
				h = startPrep(t)
				h.tabTo("checkin.head")
			} else {
				h = startRecord(t)
				h.tabTo(coach.SaidID)
			}
			h.store.failDraft, h.store.failPart = full, full
			h.typeText("wedi blino")
			h.press("esc")
			h.mustSee("not saved", "Press esc")
			h.store.failDraft, h.store.failPart = nil, nil
			h.send(autosaveTickMsg{}) // the retry, a few seconds later
			h.mustSee("✓")
			if s := h.screen(); strings.Contains(s, "not saved") || strings.Contains(s, "Press esc") {
				t.Fatalf("the warning stayed after the write landed:\n%s", s)
			}
			h.press("esc")
			if s := h.screen(); strings.Contains(s, "without saving") {
				t.Fatalf("esc after the write landed said the words went:\n%s", s)
			}
		})
	}
}

// On a read-only file, ctrl+c after a failed save on the review drew half
// a line of "Could not save: … permission denied: check" above its
// warning: the review was laid out before the warning took its lines.
func TestTheQuitWarningNeverCutsTheScreenAboveIt(t *testing.T) {
	h := startPrep(t)
	h.tabTo("checkin.head")
	h.store.failDraft, h.store.failSave = denied, denied
	h.typeText("wedi blino")
	h.press("ctrl+s", "enter")
	h.mustSee("Could not save", "or esc to go back to them.")
	h.press("ctrl+c")
	if h.quit {
		t.Fatal("ctrl+c quit without a word, with the words unsaved")
	}
	h.mustSee("Press ctrl+c again", "or esc to go back to them.")
}

// A second ctrl+c quit with nothing said, and exit status 0: the words
// went unseen. Lost, which the command line prints once the screen has
// gone, now says they were not saved, and why.
func TestQuittingAnywaySaysTheWordsWereNotSaved(t *testing.T) {
	h := startPrep(t)
	h.tabTo("checkin.head")
	h.store.failDraft = denied
	h.typeText("wedi blino")
	h.press("ctrl+c")
	h.mustSee("Press ctrl+c again")
	if h.m.Lost() != "" {
		t.Fatalf("Lost() = %q before quitting", h.m.Lost())
	}
	h.press("ctrl+c")
	if !h.quit {
		t.Fatal("a second ctrl+c did not quit")
	}
	if lost := h.m.Lost(); !strings.Contains(lost, "without saving") || !strings.Contains(lost, "permission") {
		t.Fatalf("Lost() = %q, want it to say the words were not saved, and why", lost)
	}

	// Once the words are written, quitting loses nothing, and says nothing.
	h = startPrep(t)
	h.tabTo("checkin.head")
	h.typeText("wedi blino")
	h.press("ctrl+c")
	if !h.quit || h.m.Lost() != "" {
		t.Fatalf("quit = %v, Lost() = %q after every word was saved", h.quit, h.m.Lost())
	}
}

// esc twice on a file never once written said "without saving what was
// typed since the last save": there was no last save.
func TestLeavingAPrepNeverSavedSaysWhatWasTyped(t *testing.T) {
	h := startPrep(t)
	h.tabTo("checkin.head")
	h.store.failDraft = denied
	h.typeText("wedi blino")
	h.press("esc", "esc")
	if h.at() != screenHome {
		t.Fatalf("esc twice did not leave (at %s)", h.at())
	}
	h.mustSee("without saving what was typed.")
	if s := h.screen(); strings.Contains(s, "since the last save") {
		t.Fatalf("spoke of a last save where there was none:\n%s", s)
	}
}
