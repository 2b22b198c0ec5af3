package tui

import "charm.land/bubbles/v2/key"

// helpKeys is the help bar for what the screen is doing right now, so it
// only ever lists keys that work. The short row fits 80 columns; "?" (or
// f1 while typing) opens the full list.
func (m *Model) helpKeys() bindings {
	k := m.ctx.Keys
	more := k.Help
	if m.typing() {
		more = k.HelpAlt
	}
	switch {
	case m.priv.locked:
		unlock := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "unlock"))
		return bindings{short: []key.Binding{unlock, k.Quit}, full: [][]key.Binding{{unlock, k.Quit}}}
	case m.priv.hidden:
		show := key.NewBinding(key.WithKeys("ctrl+l"), key.WithHelp("ctrl+l", "show notes"))
		return bindings{short: []key.Binding{show, k.Quit}, full: [][]key.Binding{{show, k.Quit}}}
	}
	switch m.screen {
	case screenPrep:
		return m.prepHelp(more)
	case screenHistory:
		home := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "home"))
		move := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move"))
		search := key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search"))
		h := m.history
		switch {
		case h.typingQuery:
			keep := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep results"))
			clear := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear"))
			return bindings{short: []key.Binding{keep, clear, more, k.Quit}, full: [][]key.Binding{{keep, clear}, {more, k.Quit}}}
		case h.searching():
			clear := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear search"))
			return bindings{short: []key.Binding{k.Open, search, move, clear, more, k.Quit},
				full: [][]key.Binding{{k.Open, search, move, clear}, {k.Hide, more, k.Quit}}}
		}
		return bindings{short: []key.Binding{k.Open, search, k.OnePerson, move, home, more, k.Quit},
			full: [][]key.Binding{{k.Open, search, k.OnePerson}, {k.Up, k.Down, k.PageUp, k.PageDn}, {home, k.Hide, more, k.Quit}}}
	case screenActions, screenFollowUp:
		a := m.actions
		if m.screen == screenFollowUp {
			a = m.follow
		}
		if a.dropping {
			ok := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "drop it"))
			cancel := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))
			return bindings{short: []key.Binding{ok, cancel, k.Quit}, full: [][]key.Binding{{ok, cancel, k.Quit}}}
		}
		open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "its session"))
		move := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move"))
		back := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "home"))
		ctxKeys := []key.Binding{k.Done, k.Drop, k.Carry, open, move}
		short := []key.Binding{back, more, k.Quit}
		if m.screen == screenFollowUp {
			cont := key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "start the prep"))
			short = []key.Binding{cont, back, more, k.Quit}
		}
		return bindings{context: ctxKeys, short: short, full: [][]key.Binding{ctxKeys, short, {k.Hide}}}
	case screenPerson:
		list := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "their sessions"))
		back := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back"))
		return bindings{short: []key.Binding{list, back, more, k.Quit}, full: [][]key.Binding{{list, back}, {k.Hide, more, k.Quit}}}
	case screenTeam:
		open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "their trends"))
		move := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move"))
		home := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "home"))
		return bindings{short: []key.Binding{open, move, home, more, k.Quit}, full: [][]key.Binding{{open, move}, {home, k.Hide, more, k.Quit}}}
	case screenDetail:
		d := m.detail
		if d.adding {
			add := key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "add the note"))
			cancel := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))
			return bindings{short: []key.Binding{add, cancel, more, k.Quit}, full: [][]key.Binding{{add, cancel}, {more, k.Quit}}}
		}
		if d.confirmAgree {
			yes := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "yes, agreed"))
			no := key.NewBinding(key.WithKeys("esc"), key.WithHelp("any key", "cancel"))
			return bindings{short: []key.Binding{yes, no, k.Quit}, full: [][]key.Binding{{yes, no, k.Quit}}}
		}
		back := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back"))
		scroll := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "scroll"))
		ctxKeys := []key.Binding{k.Record, k.Agree}
		if d.session.IsAgreed() {
			ctxKeys = []key.Binding{k.Addendum}
		}
		return bindings{context: ctxKeys, short: []key.Binding{scroll, back, more, k.Quit},
			full: [][]key.Binding{ctxKeys, {k.Up, k.Down, k.PageUp, k.PageDn}, {back, k.Hide, more, k.Quit}}}
	case screenRecord:
		done := key.NewBinding(key.WithKeys("ctrl+s", "esc"), key.WithHelp("ctrl+s/esc", "done (saved as you type)"))
		ctxKeys := []key.Binding{k.Next, k.Prev}
		if m.record.field == fieldAction {
			add := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "add action"))
			owner := key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "owner"))
			ctxKeys = append(ctxKeys, add, owner)
		}
		return bindings{context: ctxKeys, short: []key.Binding{done, more, k.Quit}, full: [][]key.Binding{ctxKeys, {done, more, k.Quit}}}
	case screenReview:
		back := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to editing"))
		scroll := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "scroll"))
		short := []key.Binding{k.Confirm, back, scroll, more, k.Quit}
		return bindings{short: short, full: [][]key.Binding{{k.Confirm, back}, {k.Up, k.Down, k.PageUp, k.PageDn}, {k.Hide, more, k.Quit}}}
	}
	h := m.home
	switch {
	case h.cadenceFor != nil:
		set := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "set"))
		cancel := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))
		return bindings{short: []key.Binding{set, cancel, more, k.Quit}, full: [][]key.Binding{{set, cancel}, {more, k.Quit}}}
	case h.adding:
		add := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "add"))
		cancel := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))
		return bindings{short: []key.Binding{add, cancel, more, k.Quit}, full: [][]key.Binding{{add, cancel}, {more, k.Quit}}}
	case h.filtering:
		keep := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep results"))
		clear := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear"))
		move := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move"))
		return bindings{short: []key.Binding{keep, clear, move, more, k.Quit}, full: [][]key.Binding{{keep, clear, move}, {more, k.Quit}}}
	}
	move := key.NewBinding(key.WithKeys("up", "down", "j", "k"), key.WithHelp("↑/↓", "move"))
	if len(h.rows) == 0 { // first run: only the keys that do something yet
		return bindings{short: []key.Binding{k.AddPerson, k.History, more, k.QuitQ},
			full: [][]key.Binding{{k.AddPerson, k.History}, {k.Hide, more, k.QuitQ, k.Quit}}}
	}
	short := []key.Binding{k.Prep, k.AddPerson, k.Filter, k.History, k.Actions, k.Trends, k.Team, more, k.QuitQ}
	top := key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/G", "first/last"))
	clear := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear find"))
	return bindings{short: short, full: [][]key.Binding{{k.Prep, k.AddPerson, k.Filter, k.History, k.Actions, k.Trends, k.Team, k.Cadence}, {move, k.Up, k.Down, top, clear}, {k.Hide, more, k.QuitQ, k.Quit}}}
}

func (m *Model) prepHelp(more key.Binding) bindings {
	k := m.ctx.Keys
	back := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "home"))
	nav := []key.Binding{k.Next, k.Prev, k.Save, back, more, k.Quit}
	navFull := []key.Binding{k.Next, k.Prev, k.Save, back, k.Hide, more, k.Quit}
	editing := []key.Binding{
		k.Newline,
		key.NewBinding(key.WithKeys("ctrl+a", "ctrl+e"), key.WithHelp("ctrl+a/e", "line start/end")),
		key.NewBinding(key.WithKeys("alt+left", "alt+right"), key.WithHelp("alt+←/→", "word back/forward")),
		key.NewBinding(key.WithKeys("ctrl+w"), key.WithHelp("ctrl+w", "delete word")),
		key.NewBinding(key.WithKeys("ctrl+k", "ctrl+u"), key.WithHelp("ctrl+k/u", "delete to end/start")),
	}
	nextField := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next"))
	left := key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "lower/raise"))
	switch m.prep.kind(m.prep.cur()) {
	case kindScore:
		return bindings{context: []key.Binding{k.Rate, left}, short: nav, full: [][]key.Binding{{k.Rate, left, k.RateClear, nextField}, navFull}}
	case kindActOwner:
		return bindings{context: []key.Binding{k.Owner, k.AddAction, k.RemoveAction}, short: nav, full: [][]key.Binding{{k.Owner, k.AddAction, k.RemoveAction, nextField}, navFull}}
	case kindActText, kindActDue:
		return bindings{context: []key.Binding{nextField, k.AddAction, k.RemoveAction}, short: nav, full: [][]key.Binding{{nextField, k.AddAction, k.RemoveAction}, navFull, editing[1:]}}
	case kindActAdd:
		add := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "new action"))
		return bindings{context: []key.Binding{add}, short: nav, full: [][]key.Binding{{add, k.AddAction}, navFull}}
	case kindDate:
		return bindings{context: []key.Binding{nextField}, short: nav, full: [][]key.Binding{{nextField}, navFull, editing[1:]}}
	}
	return bindings{context: []key.Binding{k.Newline}, short: nav, full: [][]key.Binding{navFull, editing}}
}
