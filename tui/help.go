package tui

// The root's chrome: the header above every screen, the notice and the help
// bar below it. The help comes from the top screen's own bindings, plus the
// keys that work everywhere.

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

func isQuit(msg tea.KeyPressMsg, g GlobalKeys) bool { return key.Matches(msg, g.Quit) }

// isHelp: f1 always opens the help; "?" only where it is not being typed.
func isHelp(msg tea.KeyPressMsg, g GlobalKeys, typing bool) bool {
	return key.Matches(msg, g.HelpAlt) || (!typing && key.Matches(msg, g.Help))
}

// helpKeys is the help for what is on screen right now: the top screen's
// keys, then the ones that work everywhere.
func (m *Model) helpKeys() bindings {
	g := m.ctx.Keys.Global
	switch {
	case m.priv.locked:
		return bindings{short: []key.Binding{g.Unlock, g.Quit}, full: [][]key.Binding{{g.Unlock, g.Quit}}}
	case m.priv.hidden:
		return bindings{short: []key.Binding{g.Unhide, g.Quit}, full: [][]key.Binding{{g.Unhide, g.Quit}}}
	}
	more := g.Help
	if m.top().Typing() {
		more = g.HelpAlt
	}
	if m.help.ShowAll {
		more.SetHelp(more.Help().Key, m.ctx.T("key.fewer"))
	}
	b := m.top().Keys(m.ctx)
	b.short = append(append([]key.Binding(nil), b.short...), more, g.Quit)
	b.full = append([][]key.Binding{{more, g.Quit, g.Hide}}, b.full...) // first: a cut help keeps it
	return b
}

// footerSig is everything the footer shows: the notice, the window, the
// help mode and the keys of the moment. Typing changes none of it, so the
// help bar is not rendered again on every key; and being derived from the
// bindings themselves, it can never miss a screen's new mode.
func (m *Model) footerSig(keys bindings) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d|%d|%t|%t|%t|%s", m.ctx.Width, m.ctx.Height,
		m.help.ShowAll, m.noticeBad, m.priv.covering(), m.notice)
	for _, group := range append([][]key.Binding{keys.context, keys.short}, keys.full...) {
		b.WriteByte(0)
		for _, k := range group {
			b.WriteString(k.Help().Key + "\x1f" + k.Help().Desc + "\x1e")
		}
	}
	return b.String()
}

// footer is the notice and the help bar, rendered again only when something
// it shows has changed.
func (m *Model) footer() string {
	keys := m.helpKeys()
	if sig := m.footerSig(keys); sig != m.footSig || m.foot == "" {
		m.footSig, m.foot = sig, m.renderFooter(keys)
	}
	return m.foot
}

func (m *Model) renderFooter(keys bindings) string {
	s := m.ctx.Styles
	w := bodyWidth(m.ctx)
	bar := m.helpBar(keys, w)
	notice := ""
	if m.notice != "" && !m.priv.covering() { // a notice may name someone
		st := s.Notice
		if m.noticeBad {
			st = s.Error
		}
		// A notice wraps, never cut; it may take up to a third of the window.
		notice = st.Width(w).Render(m.notice)
		if room := max(1, m.ctx.Height/3); lineCount(notice) > room {
			lines := strings.Split(notice, "\n")
			notice = strings.Join(lines[:room], "\n")
		}
	}
	if notice == "" && m.ctx.Height < compactHeight {
		return bar // no room to spare for an empty line
	}
	return notice + "\n" + bar
}

// helpBar renders the keys on one line if they fit; otherwise the keys for
// what has focus go on a line of their own, and any line still too wide is
// wrapped between keys, so that no key is ever cut off, however narrow. The
// full help is laid out in as many columns as fit, and cut to a third of
// the window at most, with a line that says so.
func (m *Model) helpBar(keys bindings, width int) string {
	if m.help.ShowAll {
		full := m.fullHelp(keys, width)
		if n, ok := m.top().(helpNoter); ok {
			if note := n.HelpNote(m.ctx); note != "" {
				full = m.ctx.Styles.Guidance.Width(width).Render(note) + "\n" + full
			}
		}
		// Never taller than the window leaves: the screen keeps a few lines.
		if room := max(1, m.ctx.Height-5); lineCount(full) > room {
			lines := strings.Split(full, "\n")[:room]
			lines[room-1] = m.ctx.Styles.Faint.Render(ansi.Truncate("… "+m.ctx.T("help.more"), width, "…"))
			full = strings.Join(lines, "\n")
		}
		return full
	}
	if one := m.help.ShortHelpView(keys.ShortHelp()); lipgloss.Width(one) <= width {
		return one
	}
	return m.wrapKeys([][]key.Binding{keys.context, keys.short}, width)
}

func (m *Model) wrapKeys(groups [][]key.Binding, width int) string {
	var lines []string
	for _, group := range groups {
		var row []key.Binding
		for _, b := range group {
			if len(row) > 0 && lipgloss.Width(m.help.ShortHelpView(append(row, b))) > width {
				lines = append(lines, m.help.ShortHelpView(row))
				row = nil
			}
			row = append(row, b)
		}
		if len(row) > 0 {
			lines = append(lines, m.help.ShortHelpView(row))
		}
	}
	return strings.Join(lines, "\n")
}

// fullHelp shows every key, in columns where the window is wide enough and
// as wrapped rows where it is not, so the overlay is never cut at its side.
func (m *Model) fullHelp(keys bindings, width int) string {
	if v := m.help.FullHelpView(keys.full); lipgloss.Width(v) <= width && lineCount(v) <= m.ctx.Height/2 {
		return v
	}
	return m.wrapKeys(keys.full, width)
}

// header is the top line: where you are on the left, the state on the
// right. When room is short the state goes first, then the label, and the
// person's name is shortened last.
func (m *Model) header() string {
	s := m.ctx.Styles
	w := min(bodyWidth(m.ctx), maxReadWidth+20) // no wider than the widest screen body
	brand := s.Brand.Render("attend")
	if m.priv.covering() {
		return brand // no names while the screen is covered
	}
	t := m.top().Title(m.ctx)
	label := t.Label
	if label != "" && t.Person != "" {
		label += " "
	}
	build := func(label, state string, nameRoom int) string {
		left := brand
		if label != "" || t.Person != "" {
			left += s.Header.Render(" · " + label)
		}
		if t.Person != "" {
			left += s.Person.Render(ansi.Truncate(t.Person, max(nameRoom, 4), "…"))
		}
		return spread(left, state, w)
	}
	// Keep the state and at least a recognisable part of the name: drop
	// the label first, then shorten the state, then drop it, and shorten
	// the name last.
	avail := w - lipgloss.Width(brand) - 3
	enough := min(12, lipgloss.Width(t.Person))
	short := t.Short
	if short == "" {
		short = t.State
	}
	for _, try := range []struct{ label, state string }{
		{label, t.State}, {"", t.State}, {label, short}, {"", short}, {label, ""}, {"", ""},
	} {
		room := avail - lipgloss.Width(try.label)
		if try.state != "" {
			room -= lipgloss.Width(try.state) + 1
		}
		if t.Person == "" && room >= 0 || t.Person != "" && room >= enough {
			return build(try.label, try.state, room)
		}
	}
	return build("", "", avail)
}

// errText puts an error in plain words. The store's errors already say what
// to do next, so they are passed on whole.
func errText(ctx *Context, what string, err error) string {
	text := what + ": " + coach.ErrorText(ctx.Msg, err)
	if !strings.HasSuffix(text, ".") {
		text += "."
	}
	return text
}

func lineCount(s string) int { return strings.Count(s, "\n") + 1 }
