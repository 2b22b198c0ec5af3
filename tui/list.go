package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

// listNav is the one list behaviour every list shares (home, history, search
// results, open actions, team): the same keys, the cursor stops at either
// end (it never wraps), and the window scrolls to keep the cursor in view.
type listNav struct {
	cursor int
	offset int // the first row shown
}

// key moves the cursor for a list of n rows, shown room rows at a time. It
// reports whether the key was a list key.
func (l *listNav) key(msg tea.KeyPressMsg, k ListKeys, n, room int) bool {
	room = max(1, room)
	switch {
	case key.Matches(msg, k.Up):
		l.cursor--
	case key.Matches(msg, k.Down):
		l.cursor++
	case key.Matches(msg, k.PageUp):
		l.cursor -= room
	case key.Matches(msg, k.PageDown):
		l.cursor += room
	case key.Matches(msg, k.Top):
		l.cursor = 0
	case key.Matches(msg, k.Bottom):
		l.cursor = n - 1
	default:
		return false
	}
	l.clamp(n)
	return true
}

// clamp keeps the cursor on a row after the list changed.
func (l *listNav) clamp(n int) {
	l.cursor = max(0, min(l.cursor, n-1))
}

// window is the rows [start, end) to draw in room lines. It scrolls only as
// far as needed to keep the cursor in view, so the list does not jump.
func (l *listNav) window(n, room int) (start, end int) {
	room = max(1, room)
	l.clamp(n)
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+room {
		l.offset = l.cursor - room + 1
	}
	l.offset = max(0, min(l.offset, n-room))
	return l.offset, min(n, l.offset+room)
}

// listRow draws one row of a list at width w: a selected row is highlighted
// across its whole width behind a "▸", and anything too long ends in "…".
func listRow(s Styles, line string, selected bool, w int) string {
	if selected {
		plain := ansi.Truncate("▸ "+ansi.Strip(line), w, "…")
		return s.Selected.Render(plain + strings.Repeat(" ", max(0, w-ansi.StringWidth(plain))))
	}
	return ansi.Truncate("  "+line, w, "…")
}

// cell is text cut to width with an ellipsis, then padded to it, so the
// columns of a list line up whatever the names.
func cell(text string, width int) string {
	t := ansi.Truncate(coach.SafeText(text), width, "…")
	return t + strings.Repeat(" ", max(0, width-ansi.StringWidth(t)))
}

// scroll moves a long page (a record, a review) with the list keys. It
// reports whether the key was one of them.
func scroll(vp *viewport.Model, msg tea.KeyPressMsg, k ListKeys) bool {
	switch {
	case key.Matches(msg, k.Up):
		vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		vp.PageUp()
	case key.Matches(msg, k.PageDown):
		vp.PageDown()
	case key.Matches(msg, k.Top):
		vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		vp.GotoBottom()
	default:
		return false
	}
	return true
}
