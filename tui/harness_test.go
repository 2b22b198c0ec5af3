package tui

import (
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

func TestMain(m *testing.M) {
	time.Local = time.UTC // views show local times; pin them for goldens
	os.Exit(m.Run())
}

// clock is 8:55 on a Thursday, five minutes before a supervision.
var clock = time.Date(2026, 11, 26, 8, 55, 0, 0, time.UTC)

func fixedNow() time.Time { return clock }

// harness drives the root model the way Bubble Tea would, synchronously.
type harness struct {
	t     *testing.T
	m     *Model
	store *memStore
	quit  bool // a tea.Quit has come back
}

var (
	guideOnce sync.Once
	guide     *coach.Guide
)

// mustGuide loads the English prompts once for all tests.
func mustGuide() *coach.Guide {
	guideOnce.Do(func() {
		g, err := coach.LoadGuide("en")
		if err != nil {
			panic(err)
		}
		guide = g
	})
	return guide
}

func newHarness(t *testing.T, w, h int, prepName string) *harness {
	t.Helper()
	return openWindow(t, newMemStore(), w, h, Options{PrepName: prepName, Dark: true})
}

// openWindow starts an attend on st at w×h, as a test needs it: the fixed
// clock, the English guide and near-instant saves, unless o says otherwise.
func openWindow(t *testing.T, st *memStore, w, h int, o Options) *harness {
	t.Helper()
	if o.Store == nil {
		o.Store = st
	}
	if o.Guide == nil {
		o.Guide = mustGuide()
	}
	if o.Now == nil {
		o.Now = fixedNow
	}
	if o.AutosaveDelay == 0 {
		o.AutosaveDelay = time.Millisecond
	}
	if o.TypingDelay == 0 {
		o.TypingDelay = time.Microsecond
	}
	m := New(o)
	hs := &harness{t: t, m: m, store: st}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(m.Init())
	return hs
}

// send delivers one message and runs whatever commands follow from it.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.m.Update(msg)
	h.run(cmd)
}

var quitType = reflect.TypeOf(tea.Quit())

// run executes a command and delivers its messages, noting a quit.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	for _, msg := range execute(cmd) {
		if reflect.TypeOf(msg) == quitType {
			h.quit = true
			continue
		}
		h.send(msg)
	}
}

// tickCode is the code of the function tea.Tick returns, the same for every
// tick whatever its duration or message, so that execute can tell a timer
// from a command that does work.
var tickCode = reflect.ValueOf(tea.Tick(time.Hour, func(time.Time) tea.Msg { return nil })).Pointer()

// execute runs a command and everything it batches or sequences, in order.
// A timer (tea.Tick: the idle check, the typing flush) that does not fire
// within 100 ms is left behind, as a person would not wait for it either.
// Any other command is waited for up to 10 s: a store read can take more
// than 100 ms on a loaded machine under -race, and dropping it left a
// screen "Reading…" or blank (flaky goldens).
func execute(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	wait := 10 * time.Second
	if reflect.ValueOf(cmd).Pointer() == tickCode {
		wait = 100 * time.Millisecond
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(wait):
		return nil
	}
	switch msg := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, execute(c)...)
		}
		return out
	}
	// tea.Sequence's message is an unexported []tea.Cmd.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := 0; i < v.Len(); i++ {
			out = append(out, execute(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// press sends named keys: "tab", "shift+tab", "ctrl+s", "enter", "esc", "3".
func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

// typeText types each character as a key press.
func (h *harness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "f1":
		return tea.KeyPressMsg{Code: tea.KeyF1}
	}
	if rest, ok := strings.CutPrefix(k, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: rune(rest[0]), Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen is the current frame, without colour.
func (h *harness) screen() string {
	return ansi.Strip(h.m.View().Content)
}

func (h *harness) mustSee(want ...string) {
	h.t.Helper()
	s := h.screen()
	for _, w := range want {
		if !strings.Contains(s, w) {
			h.t.Fatalf("screen does not show %q:\n%s", w, s)
		}
	}
}

// tabTo moves the focus until the given item id has it.
// A prep item not among the quick prep's is reached by asking for every
// prompt (ctrl+f) first, as a manager would.
func (h *harness) tabTo(itemID string) {
	h.t.Helper()
	f := h.prep()
	if f.part == coach.PartPrep && !f.full && coach.PartOf(itemID) == coach.PartPrep {
		if it, _, ok := mustGuide().Item(itemID); ok && !it.Core && f.session.Answer(itemID).Empty() {
			h.press("ctrl+f")
		}
	}
	for i := 0; i < 200; i++ {
		if h.at() != screenPrep && h.at() != screenRecord {
			break
		}
		if f := h.prep(); f.item(f.cur()).ID == itemID {
			return
		}
		h.press("tab")
	}
	h.t.Fatalf("never reached %s", itemID)
}

// startRecord saves a session for Siân Ŵyn and opens its meeting record,
// as a manager does after the meeting: h, enter, r.
func startRecord(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, 100, 30, "")
	p, _, _ := h.store.EnsurePerson("Siân Ŵyn")
	s := coach.NewSession(p.ID, "en", clock)
	s.SetAnswer("checkin.head", coach.Answer{Text: "Busy week"})
	if _, err := h.store.SaveSession(s); err != nil {
		t.Fatal(err)
	}
	h.press("h", "enter", "r")
	if h.at() != screenRecord {
		t.Fatalf("r did not open the meeting record (at %s):\n%s", h.at(), h.screen())
	}
	return h
}

// The screens, by name, for tests that check where they are.
const (
	screenHome     = "home"
	screenPrep     = "prep"
	screenReview   = "review"
	screenHistory  = "history"
	screenDetail   = "detail"
	screenPerson   = "trends"
	screenTeam     = "team"
	screenActions  = "actions"
	screenFollowUp = "followup"
	screenRecord   = "record"
)

// at names the screen on top.
func (h *harness) at() string {
	switch h.m.top().(type) {
	case *homeScreen:
		return screenHome
	case *partForm:
		if s := h.m.top().(*partForm); s.part != coach.PartPrep {
			return screenRecord // the meeting record or the reflection
		}
		return screenPrep
	case *reviewScreen:
		return screenReview
	case *historyScreen:
		return screenHistory
	case *detailScreen:
		return screenDetail
	case *trendsScreen:
		return screenPerson
	case *teamScreen:
		return screenTeam
	case *actionsScreen:
		return screenActions
	case *lastTimeScreen:
		return screenFollowUp
	}
	return "unknown"
}

// find is the topmost screen of type T on the stack.
func find[T Screen](h *harness) T {
	h.t.Helper()
	for i := len(h.m.stack) - 1; i >= 0; i-- {
		if s, ok := h.m.stack[i].(T); ok {
			return s
		}
	}
	var zero T
	h.t.Fatalf("no %T on the stack (top is %s):\n%s", zero, h.at(), h.screen())
	return zero
}

func (h *harness) prep() *partForm         { return find[*partForm](h) }
func (h *harness) home() *homeScreen       { return find[*homeScreen](h) }
func (h *harness) history() *historyScreen { return find[*historyScreen](h) }
func (h *harness) actions() *actionsScreen { return find[*actionsScreen](h) }
func (h *harness) follow() *lastTimeScreen { return find[*lastTimeScreen](h) }
func (h *harness) trends() *trendsScreen   { return find[*trendsScreen](h) }

// The harness tells a timer from work: a long tick is left behind quickly,
// a slow command is waited for.
func TestExecuteLeavesTimersBehindButWaitsForWork(t *testing.T) {
	start := time.Now()
	if got := execute(tea.Tick(time.Hour, func(time.Time) tea.Msg { return "tick" })); got != nil {
		t.Fatalf("a tick an hour away gave %v", got)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("waited %v for a timer", d)
	}
	slow := func() tea.Msg { time.Sleep(300 * time.Millisecond); return "done" }
	if got := execute(tea.Batch(slow, slow)); len(got) != 2 {
		t.Fatalf("slow work was dropped: %v", got)
	}
}
