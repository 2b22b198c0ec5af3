package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"attend/coach"
)

func startPrep(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, 80, 24, "Siân Ŵyn")
	if h.at() != screenPrep {
		t.Fatalf("prep did not open; screen is %v:\n%s", h.at(), h.screen())
	}
	return h
}

func TestPrepOpensForNewPersonAndSaysSo(t *testing.T) {
	h := startPrep(t)
	h.mustSee("prep for Siân Ŵyn", "New person: Siân Ŵyn has been added", "● Check-in", "stage 1 of 6")
}

func TestTabCrossesIntoNextStageAndBack(t *testing.T) {
	h := startPrep(t)
	h.tabTo("attend.fascination")
	if got := h.prep().guide.Stages[h.prep().stage()].ID; got != "attend" {
		t.Fatalf("stage = %s, want attend", got)
	}
	h.mustSee("● Attend", "stage 2 of 6", "Attending means paying attention")
	h.press("shift+tab")
	if k := h.prep().kind(h.prep().cur()); k != kindMore {
		t.Fatalf("shift+tab went to %s, want check-in's \"more\"", h.prep().item(h.prep().cur()).ID)
	}
	h.mustSee("3 more prompts for this stage")
}

// The quick prep shows at most eight prompts, and every other one is a key
// away: enter on "more" for one stage, ctrl+f for them all, remembered.
func TestAQuickPrepShowsTheCoreAndMoreIsOneKeyAway(t *testing.T) {
	h := startPrep(t)
	items := 0
	for _, s := range h.prep().slots {
		if s.item >= 0 && s.field == 0 {
			items++
		}
	}
	if items > coach.MaxQuickPrep {
		t.Fatalf("the quick prep shows %d prompts, more than %d", items, coach.MaxQuickPrep)
	}
	h.mustSee("Private to you: not part of the record you agree")
	h.tabTo("checkin.head")
	h.press("tab", "enter") // "more for this stage"
	if got := h.prep().item(h.prep().cur()).ID; got != "checkin.support" {
		t.Fatalf("enter on more went to %q", got)
	}
	h.press("ctrl+f")
	if !h.store.full || !h.prep().full {
		t.Fatal("ctrl+f did not ask for every prompt, or did not remember it")
	}
	h.press("f1")
	h.mustSee("quick prep")
}

// Found in the tmux trial: typing on "more for this stage" opens the
// stage's other prompts and types into the first; the words were lost.
func TestTypingOnMoreKeepsTheWords(t *testing.T) {
	h := startPrep(t)
	h.tabTo("checkin.head")
	h.press("tab") // "more for this stage"
	h.typeText("Cover for Tuesday")
	if got := h.prep().session.Answer("checkin.support").Text; got != "Cover for Tuesday" {
		t.Fatalf("checkin.support holds %q, want the words typed on more", got)
	}
}

func TestTypingGoesIntoTheFocusedAnswer(t *testing.T) {
	h := startPrep(t)
	h.tabTo("checkin.head")
	h.typeText("Rota gaps; Siân's ŵyn 🙂?")
	h.press("enter")
	h.typeText("second line")
	got := h.prep().session.Answer("checkin.head").Text
	if got != "Rota gaps; Siân's ŵyn 🙂?\nsecond line" {
		t.Fatalf("answer = %q", got)
	}
	if h.m.help.ShowAll {
		t.Fatal("typing ? in an answer opened the help instead of typing")
	}
}

func TestDigitsRateOnAScoreButTypeInANote(t *testing.T) {
	h := startRecord(t)
	h.tabTo("needs.autonomy")
	h.press("4")
	if r := h.prep().session.Answer("needs.autonomy").Rating; r != 4 {
		t.Fatalf("rating = %d, want 4", r)
	}
	h.mustSee("●●●●○", "4/5", "good")
	h.press("left")
	if r := h.prep().session.Answer("needs.autonomy").Rating; r != 3 {
		t.Fatalf("after left, rating = %d, want 3", r)
	}
	h.press("tab") // the note
	h.typeText("3 rota swaps refused")
	a := h.prep().session.Answer("needs.autonomy")
	if a.Rating != 3 || a.Text != "3 rota swaps refused" {
		t.Fatalf("answer = %+v", a)
	}
	h.press("shift+tab", "0")
	if r := h.prep().session.Answer("needs.autonomy").Rating; r != 0 {
		t.Fatalf("0 did not clear the rating: %d", r)
	}
}

func TestActionsAddOwnerDueAndRemove(t *testing.T) {
	h := startRecord(t)
	h.tabTo("actions.list")
	h.typeText("Book moving and handling refresher") // typing on "add" starts an action
	h.press("tab", "space")                          // owner: me -> them
	h.press("tab")
	h.typeText("+2w")
	h.press("enter")
	acts := h.prep().session.Actions
	if len(acts) != 1 {
		t.Fatalf("actions = %+v", acts)
	}
	a := acts[0]
	if a.Text != "Book moving and handling refresher" || a.Owner != coach.OwnerThem || a.Due.String() != "2026-12-10" {
		t.Fatalf("action = %+v", a)
	}
	h.mustSee("1. Book moving", "[them]", "Thu 10 Dec 2026")
	// focus is on "add an action" now; add a second one and remove it
	h.press("enter")
	h.typeText("Ask estates about the hoist")
	h.press("ctrl+x")
	if n := len(h.prep().session.Actions); n != 1 {
		t.Fatalf("after ctrl+x, %d actions, want 1", n)
	}
}

func TestBadDueDateIsKeptAndFlagged(t *testing.T) {
	h := startRecord(t)
	h.tabTo("actions.list")
	h.typeText("Phone occupational health")
	h.press("tab", "tab")
	h.typeText("soonish")
	h.mustSee("? not a date yet")
	h.press("shift+tab", "tab") // away and back: the words are still there
	if got := h.prep().ti.Value(); got != "soonish" {
		t.Fatalf("due field = %q, want the typed words kept", got)
	}
}

func TestNextSessionDate(t *testing.T) {
	h := startRecord(t)
	h.tabTo("close.next")
	h.typeText("+3m")
	h.mustSee("→ Fri 26 Feb 2027")
	if d := h.prep().session.NextSession(); d.String() != "2027-02-26" {
		t.Fatalf("next session = %v", d)
	}
}

func TestAutosaveWritesTheDraft(t *testing.T) {
	h := startPrep(t)
	h.tabTo("checkin.head")
	h.typeText("Busy week")
	d, ok, _ := h.store.Draft(h.prep().person.ID)
	if !ok || d.Answer("checkin.head").Text != "Busy week" {
		t.Fatalf("draft = %+v, %v", d.Prep, ok)
	}
	if d.Position.Item != "checkin.head" {
		t.Fatalf("draft position = %+v", d.Position)
	}
	h.mustSee("✓ draft saved 08:55:00")
}

func TestDraftReopensWhereTheManagerLeftOff(t *testing.T) {
	h := startPrep(t)
	h.tabTo("understand.missing")
	h.typeText("She thinks the handover was rushed")
	h.press("esc")
	if h.at() != screenHome {
		t.Fatalf("esc did not go home")
	}
	h.mustSee("Draft kept for Siân Ŵyn", "✎ draft")
	h.press("enter")
	if h.at() != screenPrep {
		t.Fatal("enter did not reopen the prep")
	}
	if got := h.prep().item(h.prep().cur()).ID; got != "understand.missing" {
		t.Fatalf("reopened at %s", got)
	}
	if got := h.prep().ta.Value(); got != "She thinks the handover was rushed" {
		t.Fatalf("editor holds %q", got)
	}
	h.mustSee("Draft restored", "● Understand")
}

func TestSaveGoesThroughReviewAndHome(t *testing.T) {
	h := newHarness(t, 120, 40, "Siân Ŵyn")
	h.tabTo("attend.opening")
	h.typeText("Ask what matters most to her this month")
	h.press("ctrl+s")
	if h.at() != screenReview {
		t.Fatal("ctrl+s did not open the review")
	}
	h.mustSee("Review before saving", "Ask what matters most", "skipped")
	h.press("esc")
	if h.at() != screenPrep {
		t.Fatal("esc from review did not go back to editing")
	}
	h.press("ctrl+s", "ctrl+s")
	if h.at() != screenHome {
		t.Fatalf("saving did not return home:\n%s", h.screen())
	}
	h.mustSee("Saved Siân Ŵyn's prep: 1 of 20 prompts answered", "Thu 26 Nov 2026")
	if len(h.store.sessions) != 1 {
		t.Fatalf("%d sessions saved", len(h.store.sessions))
	}
	if len(h.store.drafts) != 0 {
		t.Fatalf("draft left behind after saving: %+v", h.store.drafts)
	}
}

func TestTabPastTheLastPromptOpensReview(t *testing.T) {
	h := startPrep(t)
	h.tabTo("strain.need")
	h.press("tab", "tab") // past "more for this stage"
	if h.at() != screenReview {
		t.Fatal("tab past the last prompt did not open the review")
	}
}

func TestCtrlCWritesTheDraftBeforeQuitting(t *testing.T) {
	h := startPrep(t)
	h.tabTo("help.offer")
	// Stop the autosave from landing first: the quit path must write it.
	h.prep().tickPending = true
	h.typeText("Chase the agency invoice")
	if h.store.draftWrites > 0 && h.prep().dirty() == false {
		t.Fatal("test setup: autosave ran")
	}
	h.send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	if !h.quit {
		t.Fatal("ctrl+c did not quit")
	}
	d, ok, _ := h.store.Draft(h.prep().person.ID)
	if !ok || d.Answer("help.offer").Text != "Chase the agency invoice" {
		t.Fatalf("draft after quit = %+v", d.Prep)
	}
}

func TestCtrlCDoesNotQuitSilentlyWhenTheDraftCannotBeSaved(t *testing.T) {
	h := startPrep(t)
	h.tabTo("help.offer")
	h.store.failDraft = errors.New("disk full")
	h.prep().tickPending = true
	h.typeText("x")
	h.send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	if h.quit {
		t.Fatal("quit although the draft could not be saved")
	}
	h.mustSee("not saved: disk full", "ctrl+c again to quit anyway")
	h.send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	if !h.quit {
		t.Fatal("second ctrl+c did not quit")
	}
}

func TestHugePasteIsTrimmedWithANotice(t *testing.T) {
	h := startPrep(t)
	h.tabTo("checkin.head")
	h.send(tea.PasteMsg{Content: strings.Repeat("ŵ", coach.MaxAnswerLen+50)})
	if n := len([]rune(h.prep().session.Answer("checkin.head").Text)); n != coach.MaxAnswerLen {
		t.Fatalf("answer holds %d characters, want %d", n, coach.MaxAnswerLen)
	}
	h.mustSee("That paste was too long")
}

// A terminal that pastes line breaks as carriage returns (tmux, many
// others) keeps the paragraphs apart: "\r" and "\r\n" are new lines; an
// escape sequence goes whole, not only its ESC.
func TestPastedCarriageReturnsAreLineBreaks(t *testing.T) {
	h := startPrep(t)
	h.tabTo("checkin.head")
	h.send(tea.PasteMsg{Content: "First paragraph.\rSecond one.\r\nThird.\x1b[2J"})
	if got, want := h.prep().session.Answer("checkin.head").Text, "First paragraph.\nSecond one.\nThird."; got != want {
		t.Fatalf("answer %q, want %q", got, want)
	}
}

func TestTinyWindowAsksForRoomAndKeepsTyping(t *testing.T) {
	h := startPrep(t)
	h.send(tea.WindowSizeMsg{Width: 30, Height: 8})
	h.mustSee("needs a window of at", "least 40×12")
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.mustSee("Check-in")
}

func TestHelpBarListsEveryShortKeyWithinTheWidth(t *testing.T) {
	h := startPrep(t)
	for _, id := range []string{"checkin.energy", "checkin.head", "help.offer", "strain.need"} {
		h.tabTo(id)
		for _, line := range strings.Split(h.screen(), "\n") {
			if w := len([]rune(line)); w > 80 {
				t.Fatalf("line wider than 80 at %s: %q", id, line)
			}
		}
		h.mustSee("tab next", "ctrl+s review & save", "esc home", "ctrl+c quit")
	}
	h.press("f1")
	if !h.m.help.ShowAll {
		t.Fatal("f1 did not open the full help")
	}
	h.mustSee("every prompt", "your editor", "Why this is asked", "ctrl+c")
}

func TestALateSaveOfOnePrepNeverCountsForTheNext(t *testing.T) {
	h := newHarness(t, 80, 24, "")
	for _, n := range []string{"Aled Evans", "Bethan Morgan"} {
		h.press("a")
		h.typeText(n)
		h.press("enter")
	}
	h.press("enter") // the first person's prep
	first := h.prep().person.Name
	h.tabTo("checkin.head")
	h.typeText("first notes")
	old := h.prep().session.ID
	oldRev := h.prep().rev + 100
	h.press("esc", "up", "enter") // the other person's prep
	if h.prep().person.Name == first {
		t.Fatalf("opened %s again", first)
	}
	h.tabTo("checkin.head")
	h.prep().tickPending = true // hold autosave so the stale result is what arrives
	h.typeText("B")
	if !h.prep().dirty() {
		t.Fatal("test setup: typing did not make the prep dirty")
	}
	h.send(draftSavedMsg{sessionID: old, rev: oldRev, at: clock})
	if !h.prep().dirty() {
		t.Fatal("a late save of the first prep marked the second as saved")
	}
}

func TestAFloodOfKeyPressesIsInsertedAtOnceAndKeptWithinTheLimit(t *testing.T) {
	// n characters arriving as single key presses, as an unbracketed paste
	// does, before the flush tick can run; it reports the prep and the time.
	flood := func(n int) (*harness, time.Duration) {
		h := startPrep(t)
		h.tabTo("checkin.head")
		start := time.Now()
		for i := range n {
			r := rune('a' + i%26)
			if i%500 == 499 {
				h.m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
				continue
			}
			h.m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		h.send(flushTypingMsg{sessionID: h.prep().session.ID})
		return h, time.Since(start)
	}
	// Timed against a tenth of the flood in the same run, so a loaded
	// machine (9 s under -race at load 15, 0.06 s quiet) does not fail it:
	// ten times the keys may take up to forty times as long, where a cost
	// per key that grew with the text would take a hundred.
	_, small := flood(3000)
	h, took := flood(30000)
	if took > 40*small && took > time.Second {
		t.Fatalf("30,000 key presses took %v, 3,000 took %v", took, small)
	}
	got := []rune(h.prep().session.Answer("checkin.head").Text)
	if len(got) != coach.MaxAnswerLen {
		t.Fatalf("answer holds %d characters, want the limit %d", len(got), coach.MaxAnswerLen)
	}
	h.mustSee("reached its limit")
	h.typeText("more")
	if n := len([]rune(h.prep().session.Answer("checkin.head").Text)); n != coach.MaxAnswerLen {
		t.Fatalf("typing at the limit changed the length to %d", n)
	}
}

func TestLettersTypedOnARatingGoIntoItsNote(t *testing.T) {
	for _, words := range []string{"tired after 3 nights", "lovely morning", "had a good weekend", "joyful"} {
		h := startPrep(t)
		h.typeText(words)
		a := h.prep().session.Answer("checkin.energy")
		if a.Text != words || a.Rating != 0 {
			t.Fatalf("typed %q: answer = %+v, want the words in the note and no rating", words, a)
		}
	}
	h := startPrep(t)
	h.press("shift+tab", "7")
	h.mustSee("Ratings go from 1 to 5")
}

func TestCtrlCInsertsTypingThatWasStillGathering(t *testing.T) {
	h := startPrep(t)
	h.tabTo("checkin.head")
	h.prep().tickPending = true
	for _, r := range "Last words" { // no flush tick runs: they are still gathered
		h.m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	h.send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	if !h.quit {
		t.Fatal("did not quit")
	}
	d, _, _ := h.store.Draft(h.prep().person.ID)
	if got := d.Answer("checkin.head").Text; got != "Last words" {
		t.Fatalf("draft holds %q", got)
	}
}

func TestNarrowAndShortWindowsKeepTheAnswerAndEveryKey(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {50, 15}, {60, 20}, {76, 24}} {
		h := newHarness(t, size[0], size[1], "Siân Ŵyn")
		h.tabTo("checkin.head")
		h.typeText("visible words")
		s := h.screen()
		if !strings.Contains(s, "visible words") {
			t.Errorf("%dx%d: the answer being typed is not on screen:\n%s", size[0], size[1], s)
		}
		lines := strings.Split(s, "\n")
		if len(lines) > size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], len(lines))
		}
		for _, l := range lines {
			if w := len([]rune(l)); w > size[0] {
				t.Errorf("%dx%d: line %q is %d wide", size[0], size[1], l, w)
			}
		}
		for _, k := range []string{"tab next", "ctrl+s review & save", "esc home", "f1 more keys", "ctrl+c quit"} {
			if !strings.Contains(s, k) {
				t.Errorf("%dx%d: help bar lacks %q:\n%s", size[0], size[1], k, s)
			}
		}
	}
}

func TestALongNameNeverHidesTheSaveState(t *testing.T) {
	h := newHarness(t, 80, 24, "Angharad Gwenllïan Myfanwy Rhiannon ap Llywelyn-Fitzgerald Prydderch-Vaughan")
	h.tabTo("checkin.head")
	h.typeText("x")
	h.mustSee("✓ draft saved", "prep for Angharad")
}

func TestEscLeavesTheCursorOnThePersonJustPrepared(t *testing.T) {
	h := newHarness(t, 80, 24, "")
	for _, n := range []string{"Aled Evans", "Bethan Morgan", "Siân Ŵyn"} {
		h.press("a")
		h.typeText(n)
		h.press("enter")
	}
	h.press("g") // from Siân (just added) to the top, Aled
	r, _ := h.home().selected()
	h.press("enter", "esc")
	if got, _ := h.home().selected(); got.person.ID != r.person.ID {
		t.Fatalf("after esc the cursor is on %s, want %s", got.person.Name, r.person.Name)
	}
	h.mustSee("Nothing written for " + r.person.Name + " yet")
}

func TestLeavingTheRecordSaysWhatWasNotKeptAsTypedAndKeepsTheWords(t *testing.T) {
	h := startRecord(t)
	h.tabTo("actions.list")
	h.typeText("Ask OT about waits")
	h.press("tab", "tab")
	h.typeText("soonish")
	h.press("enter", "ctrl+n") // a second action, left blank
	h.press("esc")
	h.mustSee(`attend cannot read the due date “soonish”`, "One action has no words")
	var saved coach.Session
	for _, s := range h.store.sessions {
		saved = s
	}
	if len(saved.Actions) != 1 || saved.Actions[0].Text != "Ask OT about waits (due: soonish)" {
		t.Fatalf("saved actions = %+v", saved.Actions)
	}
}

func TestSavingAnEmptyPrepAsksFirst(t *testing.T) {
	h := startPrep(t)
	h.press("ctrl+s", "enter")
	if h.at() != screenReview {
		t.Fatal("an empty prep was saved on the first enter")
	}
	h.mustSee("Nothing has been written")
	h.press("enter")
	if h.at() != screenHome || len(h.store.sessions) != 1 {
		t.Fatalf("second enter did not save (screen %v, %d sessions)", h.at(), len(h.store.sessions))
	}
}

func TestUpAndDownMoveBetweenActionRows(t *testing.T) {
	h := startRecord(t)
	h.tabTo("actions.list")
	h.typeText("First")
	h.press("ctrl+n")
	h.typeText("Second")
	h.press("tab") // owner of the second
	h.press("up")
	if f := h.prep().cur().field; f != colOwner {
		t.Fatalf("up went to field %d, want the first row's owner (%d)", f, colOwner)
	}
	h.press("down")
	if f := h.prep().cur().field; f != actionCols+colOwner {
		t.Fatalf("down went to field %d", f)
	}
}

func TestShutdownWritesTheDraftLikeCtrlC(t *testing.T) {
	h := startPrep(t)
	h.tabTo("checkin.head")
	h.prep().tickPending = true
	h.typeText("Typed just before shutdown")
	h.send(ShutdownMsg{})
	if !h.quit {
		t.Fatal("did not quit on shutdown")
	}
	d, _, _ := h.store.Draft(h.prep().person.ID)
	if got := d.Answer("checkin.head").Text; got != "Typed just before shutdown" {
		t.Fatalf("draft holds %q", got)
	}
}

func TestTwoWindowsOnOnePersonLoseNothing(t *testing.T) {
	a := startPrep(t) // window A
	st := a.store
	b := openWindow(t, st, 80, 24, Options{PrepName: "Siân Ŵyn", Dark: true}) // window B, on the same store

	a.tabTo("checkin.head")
	a.typeText("Written in A")
	b.tabTo("checkin.head")
	b.typeText("Written in B")
	b.mustSee("open in another window", "ctrl+s saves what is in this window as a")
	b.press("ctrl+s", "enter")
	a.press("ctrl+s", "enter")
	texts := map[string]bool{}
	for _, s := range st.sessions {
		texts[s.Answer("checkin.head").Text] = true
	}
	if len(st.sessions) != 2 || !texts["Written in A"] || !texts["Written in B"] {
		t.Fatalf("saved sessions hold %v, want both windows' words", texts)
	}
}

// The review of a quick prep said "2 of 8 prep prompts answered" at the top
// and "2 of 20" in the record beneath it (the trial). Both now count the
// prompts the prep showed, and a prompt it never asked is not "skipped".
func TestAQuickPrepsReviewCountsOnce(t *testing.T) {
	h := startPrep(t)
	if h.prep().full {
		t.Fatal("the prep did not open quick")
	}
	h.tabTo("checkin.head")
	h.typeText("busy")
	h.tabTo("checkin.support") // not a quick prompt: ctrl+f shows it
	h.typeText("Dai")
	h.press("ctrl+f") // the quick prep again, the answer kept in view
	if h.prep().full {
		t.Fatal("ctrl+f did not go back to the quick prep")
	}
	h.press("ctrl+s")
	if h.at() != screenReview {
		t.Fatalf("ctrl+s did not open the review (at %s)", h.at())
	}
	answered, total := h.prep().session.ShownCompleteness(mustGuide(), coach.PartPrep, false)
	want := fmt.Sprintf("%d of %d prep prompts answered", answered, total)
	if n := strings.Count(h.screen(), want); n != 2 {
		t.Fatalf("want %q in the header and the record, seen %d times:\n%s", want, n, h.screen())
	}
	if s := h.screen(); strings.Contains(s, "of 20") {
		t.Fatalf("the record counts every prompt:\n%s", s)
	}
	text := reviewText(h.m.ctx, h.prep().person, h.prep().session, false)
	for _, st := range mustGuide().PartStages(coach.PartPrep) {
		for _, it := range st.Items {
			if !it.Core && h.prep().session.Answer(it.ID).Empty() && strings.Contains(text, it.Prompt) {
				t.Fatalf("the review lists %q, which the quick prep never asked", it.Prompt)
			}
		}
	}
}
