package tui

// What two new-user trials met (issue 7), each pinned by a test.

import (
	"errors"
	"fmt"
	"image/color"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

// A long answer always shows the line being typed, however small the box.
func TestALongAnswerKeepsTheCursorLineInView(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 15}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newHarness(t, size[0], size[1], "Siân Ŵyn")
			h.tabTo("checkin.head")
			for i := 1; i <= 16; i++ {
				h.typeText(fmt.Sprintf("line %d", i))
				if i < 16 {
					h.press("enter")
				}
			}
			h.mustSee("line 16")
			// and a paste of one long line without enter
			h.tabTo("checkin.support")
			h.send(tea.PasteMsg{Content: strings.Repeat("word ", 200) + "THE-END"})
			h.mustSee("THE-END")
		})
	}
}

// A yearless date in a search filter is the most recent one, not next year's.
func TestSearchSinceAYearlessDateLooksBack(t *testing.T) {
	h := newHarness(t, 100, 30, "")
	p, _, _ := h.store.EnsurePerson("Siân Ŵyn")
	s := coach.NewSession(p.ID, "en", clock)
	s.Date = coach.Date{Year: 2026, Month: 9, Day: 10}
	s.SetAnswer("understand.challenges", coach.Answer{Text: "rota gaps"})
	if _, err := h.store.SaveSession(s); err != nil {
		t.Fatal(err)
	}
	h.press("h", "/")
	h.typeText("rota since:1/9")
	h.mustSee("1 session found")
}

func TestAddingANameCloseToSomeonesAsksFirst(t *testing.T) {
	h := newHarness(t, 80, 24, "")
	h.store.EnsurePerson("Siân Ŵyn")
	h.run(loadPeople(h.store))
	h.press("a")
	h.typeText("sain")
	h.press("enter")
	h.mustSee("Did you mean Siân Ŵyn?")
	if n := len(h.store.people); n != 1 {
		t.Fatalf("a typo added someone: %d people", n)
	}
	h.press("y")
	if h.at() != screenPrep || h.prep().person.Name != "Siân Ŵyn" {
		t.Fatalf("y did not open Siân's prep (at %s)", h.at())
	}
	h.press("esc", "a")
	h.typeText("sain")
	h.press("enter", "n")
	if n := len(h.store.people); n != 2 {
		t.Fatalf("n did not add the new name: %d people", n)
	}
}

func TestRenameAndRemoveFromHome(t *testing.T) {
	h := newHarness(t, 80, 24, "")
	p, _, _ := h.store.EnsurePerson("Sian Wyn")
	h.run(loadPeople(h.store))
	h.press("R")
	for range len("Sian Wyn") {
		h.press("backspace")
	}
	h.typeText("Siân Ŵyn")
	h.press("enter")
	if got := h.store.people[p.ID].Name; got != "Siân Ŵyn" {
		t.Fatalf("renamed to %q", got)
	}
	h.mustSee("Renamed to Siân Ŵyn")
	h.press("X")
	h.mustSee("Remove Siân Ŵyn and every session")
	h.typeText("Siân")
	h.press("enter")
	h.mustSee("That is not their full name")
	if len(h.store.people) != 1 {
		t.Fatal("a partial name removed them")
	}
	h.typeText(" Ŵyn")
	h.press("enter")
	if len(h.store.people) != 0 {
		t.Fatal("the full name did not remove them")
	}
	h.mustSee("everything about them has been removed")
}

func TestTheRecordFormEditsPrepActionsAndDatesNewOnes(t *testing.T) {
	h := newHarness(t, 100, 30, "")
	p, _, _ := h.store.EnsurePerson("Siân Ŵyn")
	s := coach.NewSession(p.ID, "en", clock)
	s.Actions = []coach.Action{
		{ID: coach.NewID(clock), Text: "Book the refresher", Owner: coach.OwnerThem, Status: coach.ActionOpen},
		{ID: coach.NewID(clock.Add(time.Second)), Text: "Ask estates", Owner: coach.OwnerMe, Status: coach.ActionOpen},
	}
	saved, err := h.store.SaveSession(s)
	if err != nil {
		t.Fatal(err)
	}
	h.press("h")
	h.mustSee("2 open")
	h.press("enter", "r")
	h.tabTo("actions.list")
	h.mustSee("Book the refresher", "Ask estates")
	h.press("tab", "tab") // the first action's due date
	h.typeText("15/1")
	h.press("tab", "ctrl+x") // remove "Ask estates"
	h.mustSee("+ add an action")
	h.typeText("Order the second hoist") // typing on "add" starts one
	h.press("tab", "tab")
	h.typeText("+2w")
	h.press("esc")
	got := h.store.sessions[saved.ID]
	var lines []string
	for _, a := range got.LiveActions() {
		lines = append(lines, a.Text+" "+a.Due.String())
	}
	want := "Book the refresher 2027-01-15|Order the second hoist 2026-12-10"
	if strings.Join(lines, "|") != want {
		t.Fatalf("actions = %q, want %q", strings.Join(lines, "|"), want)
	}
	// Back in history, the row's count is the new one at once.
	h.press("esc")
	if h.at() != screenHistory {
		t.Fatalf("esc went to %s", h.at())
	}
	h.mustSee("2 open")
}

func TestReviewMessagesWrapAtEveryWidth(t *testing.T) {
	for _, w := range []int{60, 100, 160} {
		h := newHarness(t, w, 30, "Siân Ŵyn")
		h.press("ctrl+s", "enter")
		h.mustSee("Nothing has been written.", "or esc to go back.")
	}
}

func TestTheCursorShowsOnLightAndDark(t *testing.T) {
	for _, dark := range []bool{false, true} {
		s := NewStyles(dark)
		bg := color.Color(color.White)
		if dark {
			bg = color.Black
		}
		for _, c := range []color.Color{s.TextArea.Cursor.Color, s.Input.Cursor.Color} {
			if luminance(c) > 0.5 == (luminance(bg) > 0.5) {
				t.Errorf("dark=%v: cursor %v is as light as the background", dark, c)
			}
		}
	}
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xffff
}

func TestFullHelpFitsTheSmallestWindow(t *testing.T) {
	h := newHarness(t, 40, 15, "Siân Ŵyn")
	h.press("f1")
	for i, l := range strings.Split(h.screen(), "\n") {
		if ansi.StringWidth(l) > 40 {
			t.Fatalf("line %d is cut: %q", i, l)
		}
	}
	h.mustSee("ctrl+c")
}

func TestOpeningASearchHitLandsOnTheMatch(t *testing.T) {
	h := newHarness(t, 80, 24, "")
	p, _, _ := h.store.EnsurePerson("Siân Ŵyn")
	s := coach.NewSession(p.ID, "en", clock)
	s.SetAnswer("help.obstacle", coach.Answer{Text: "A long note before the word we want. " + strings.Repeat("More words here. ", 20) + "The hoist again."})
	s.SetAnswer("close.reflection", coach.Answer{Text: "Zebra crossing by the car park"})
	if _, err := h.store.SaveSession(s); err != nil {
		t.Fatal(err)
	}
	h.press("h", "/")
	h.typeText("zebra")
	h.press("enter", "enter")
	if h.at() != screenDetail {
		t.Fatalf("enter on a hit opened %s", h.at())
	}
	h.mustSee("Zebra crossing")
}

func TestTrendsKeepEveryRowOnTheSameSessions(t *testing.T) {
	h := newHarness(t, 100, 30, "")
	p, _, _ := h.store.EnsurePerson("Siân Ŵyn")
	for i, r := range []int{4, 0, 2} { // autonomy skipped in the middle one
		s := coach.NewSession(p.ID, "en", clock)
		s.Date = coach.DateOf(clock).AddDays(-30 * (3 - i))
		if r > 0 {
			s.SetAnswer("needs.autonomy", coach.Answer{Rating: r})
		}
		s.SetAnswer("needs.workload", coach.Answer{Rating: 3})
		if _, err := h.store.SaveSession(s); err != nil {
			t.Fatal(err)
		}
	}
	h.run(loadPeople(h.store))
	h.press("v")
	h.mustSee("Autonomy      ▆·▃", "Workload      ▄▄▄")
}

func TestTheWorkloadScaleShowsBeforeRating(t *testing.T) {
	h := startRecord(t)
	h.tabTo("needs.workload")
	h.mustSee("1 overwhelming · 5 sustainable")
}

// The second window on a prep knows at once, when it opens.
func TestASecondWindowKnowsAtOnce(t *testing.T) {
	st := newMemStore()
	p, _, _ := st.EnsurePerson("Siân Ŵyn")
	d := coach.NewSession(p.ID, "en", clock)
	d.SetAnswer("checkin.head", coach.Answer{Text: "typed in the first window"})
	d.Writer, d.Updated = "another-window", clock.Add(-time.Minute)
	st.drafts[p.ID] = d
	h := openWindow(t, st, 100, 30, Options{PrepName: "Siân Ŵyn", Dark: true})
	h.mustSee("Another attend window wrote this draft a moment ago", "ctrl+t")
	h.tabTo("checkin.support")
	h.typeText("second window")
	if got := st.drafts[p.ID].Answer("checkin.support").Text; got != "" {
		t.Fatalf("the second window wrote the draft: %q", got)
	}
	h.press("ctrl+t")
	h.typeText("!")
	if got := st.drafts[p.ID].Answer("checkin.support").Text; got != "second window!" {
		t.Fatalf("after ctrl+t the draft holds %q", got)
	}
}

// Found in the tmux trial: a window that quit cleanly does not hold its
// draft, so the next one restores it at once.
func TestAfterACleanQuitTheDraftIsRestoredNotHeld(t *testing.T) {
	h := newHarness(t, 100, 30, "Siân Ŵyn")
	h.tabTo("checkin.own")
	h.typeText("Typing when the phone rings")
	h.press("ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c did not quit")
	}
	h2 := openWindow(t, h.store, 100, 30, Options{Now: func() time.Time { return clock.Add(time.Minute) }, PrepName: "Siân Ŵyn", Dark: true})
	h2.mustSee("Draft restored", "Typing when the phone rings")
	if s := h2.screen(); strings.Contains(s, "Another attend window") {
		t.Fatalf("a cleanly closed window still holds the draft:\n%s", s)
	}
}

// Found in the tmux trial: a window that restores a draft holds it from
// the moment it opens, so a second window on the same prep says so at once
// (it said "Draft restored" and only complained at the first key).
func TestARestoredDraftIsHeldFromTheStart(t *testing.T) {
	h := newHarness(t, 100, 30, "Siân Ŵyn")
	h.tabTo("checkin.own")
	h.typeText("Typing when the phone rings")
	h.press("ctrl+c")
	later := func() time.Time { return clock.Add(time.Minute) }
	openWindow(t, h.store, 100, 30, Options{Now: later, PrepName: "Siân Ŵyn", Dark: true}).mustSee("Draft restored")
	h3 := openWindow(t, h.store, 100, 30, Options{Now: later, PrepName: "Siân Ŵyn", Dark: true})
	h3.mustSee("Another attend window wrote this draft a moment ago")
}

// Found in the tmux trial: an action's words show from their start, and a
// new action's words stay in view while its due date is typed.
func TestRecordFormActionWordsStayInView(t *testing.T) {
	h := newHarness(t, 100, 30, "")
	p, _, _ := h.store.EnsurePerson("Siân Ŵyn")
	s := coach.NewSession(p.ID, "en", clock)
	s.Actions = []coach.Action{{ID: coach.NewID(clock), Text: "Swap Siân off the Tuesday late", Owner: coach.OwnerMe, Status: coach.ActionOpen}}
	if _, err := h.store.SaveSession(s); err != nil {
		t.Fatal(err)
	}
	h.press("h", "enter", "r")
	h.tabTo("actions.list")
	h.mustSee("Swap Siân off the Tuesday late")
	h.press("tab", "tab", "tab") // the "add" row
	h.typeText("Temp action")
	h.press("tab", "tab")
	h.mustSee("Temp action", "e.g. +2w or 15/1")
}

// Found in the tmux trial: coming back from a search hit keeps the cursor.
func TestBackFromASearchHitKeepsTheCursor(t *testing.T) {
	h := newHarness(t, 100, 30, "")
	withSessions(t, h, 6)
	h.press("h", "/")
	h.typeText("rota")
	h.press("enter", "down", "down", "enter", "esc")
	if c := h.history().search.list.cursor; c != 2 {
		t.Fatalf("cursor = %d after coming back, want 2", c)
	}
}

func TestFullHelpSaysHowToCloseIt(t *testing.T) {
	h := newHarness(t, 100, 30, "")
	h.press("?")
	h.mustSee("fewer keys")
	h.press("h") // any screen change closes it
	if h.m.help.ShowAll {
		t.Fatal("the full help stayed open on the next screen")
	}
}

// A window that cannot save still obeys a signal (the terminal may have
// closed): it leaves, and says what it could not keep.
func TestASignalEndsAWindowThatCannotSave(t *testing.T) {
	h := newHarness(t, 80, 24, "Siân Ŵyn")
	h.tabTo("checkin.head")
	h.store.failDraft = errors.New("read-only file system")
	h.prep().tickPending = true
	h.typeText("words that cannot be written")
	h.send(ShutdownMsg{})
	if !h.quit {
		t.Fatalf("a signal did not end a window that cannot save:\n%s", h.screen())
	}
	if lost := h.m.Lost(); !strings.Contains(lost, "read-only file system") {
		t.Fatalf("Lost() = %q, want it to say why", lost)
	}
	// ctrl+c still asks first: a person is there to answer.
	h2 := newHarness(t, 80, 24, "Siân Ŵyn")
	h2.tabTo("checkin.head")
	h2.store.failDraft = errors.New("read-only file system")
	h2.prep().tickPending = true
	h2.typeText("words")
	h2.press("ctrl+c")
	if h2.quit {
		t.Fatal("ctrl+c quit without saying the words would be lost")
	}
}
