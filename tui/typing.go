package tui

import (
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

// Typing into the textarea is coalesced. The textarea re-wraps the whole
// current line on every insert, so a flood of single key presses (a paste in
// a terminal without bracketed paste) costs time in proportion to the
// square of its length: 40,000 characters froze the app for a quarter of an
// hour. Printable keys are therefore gathered and inserted together a moment
// later; a person typing sees no difference (15 ms is less than a frame),
// and a flood becomes one insert. Any other key flushes the gathered text
// first, so the order of what was typed never changes.

// TypingDelay is how long typed characters wait to be inserted together.
const TypingDelay = 15 * time.Millisecond

// flushTypingMsg asks the prep to insert what was typed.
type flushTypingMsg struct{ sessionID string }

// gather keeps a typed character (or a newline) for the next flush. It
// reports false for keys that are not plain typing.
func (m *partForm) gather(ctx *Context, msg tea.KeyPressMsg) (bool, tea.Cmd) {
	k := m.kind(m.cur())
	if k != kindText && k != kindNote {
		return false, nil
	}
	switch {
	case key.Matches(msg, ctx.Keys.Prep.Newline):
		m.typed = append(m.typed, '\n')
	case msg.Text != "" && msg.Mod&^tea.ModShift == 0:
		// No control or hidden character gets in (coach.CleanText), so none
		// can reach a terminal later.
		m.typed = append(m.typed, []rune(coach.CleanText(msg.Text))...)
	default:
		return false, nil
	}
	if m.flushPending {
		return true, nil
	}
	m.flushPending = true
	id := m.session.ID
	return true, tea.Tick(ctx.TypingDelay, func(time.Time) tea.Msg { return flushTypingMsg{sessionID: id} })
}

// flushTyping inserts gathered text into the answer, keeping within the
// answer's limit and saying so when it could not take everything.
func (m *partForm) flushTyping(ctx *Context) tea.Cmd {
	m.flushPending = false
	if len(m.typed) == 0 {
		return nil
	}
	text := m.typed
	m.typed = nil
	room := m.ta.CharLimit - utf8.RuneCountInString(m.ta.Value())
	if len(text) > room {
		m.notice = ctx.T("form.limit", "Count", m.ta.CharLimit)
		text = text[:max(room, 0)]
	}
	if len(text) == 0 {
		return nil
	}
	m.ta.InsertString(string(text))
	showCursor(&m.ta)
	m.store(ctx)
	return m.changed(ctx)
}

// showCursor scrolls a textarea so the cursor's line is in view. The
// textarea only lays out its lines inside its own Update, so text inserted
// or set directly (or a new width) would leave the cursor below the box,
// out of sight. A message it ignores makes it lay out and scroll.
func showCursor(ta *textarea.Model) { *ta, _ = ta.Update(relayoutMsg{}) }

// atEnd reports whether the cursor is after the last character.
func atEnd(ta *textarea.Model) bool {
	lines := strings.Split(ta.Value(), "\n")
	return ta.Line() == len(lines)-1 && ta.Column() == len([]rune(lines[len(lines)-1]))
}

// relayoutMsg is a message no editor acts on; see showCursor.
type relayoutMsg struct{}

// cleanTyped is text pasted or written in an editor, as an answer may hold
// it: line breaks sent as carriage returns kept as new lines, whole escape
// sequences dropped (not only their ESC), and what text may not hold
// dropped (coach.CleanText).
func cleanTyped(s string) string { return coach.CleanText(ansi.Strip(coach.Lines(s))) }
