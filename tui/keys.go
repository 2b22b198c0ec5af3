package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key attend answers to, in one place. Screens pick the
// bindings that work for them (see the help.KeyMap of each screen), so the
// help bar only ever shows keys that do something now.
type KeyMap struct {
	// everywhere
	Quit     key.Binding
	Help     key.Binding // ? where it cannot be typed
	HelpAlt  key.Binding // f1, which works even while typing
	Back     key.Binding
	Up, Down key.Binding
	Hide     key.Binding // hide every note at once

	// home
	Prep      key.Binding
	AddPerson key.Binding
	Filter    key.Binding
	History   key.Binding
	Trends    key.Binding
	Team      key.Binding
	Cadence   key.Binding
	QuitQ     key.Binding

	// history
	Open      key.Binding
	OnePerson key.Binding

	// the record after the meeting
	Record   key.Binding
	Agree    key.Binding
	Addendum key.Binding

	// follow-ups
	Actions key.Binding
	Done    key.Binding
	Drop    key.Binding
	Carry   key.Binding

	// prep
	Next, Prev   key.Binding
	Save         key.Binding
	Rate         key.Binding
	RateClear    key.Binding
	Owner        key.Binding
	AddAction    key.Binding
	RemoveAction key.Binding
	Newline      key.Binding

	// review
	Confirm        key.Binding
	PageUp, PageDn key.Binding
}

// DefaultKeyMap is attend's keymap.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Quit:    key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Help:    key.NewBinding(key.WithKeys("?", "f1"), key.WithHelp("?", "help")),
		HelpAlt: key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1", "help")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Hide:    key.NewBinding(key.WithKeys("ctrl+l"), key.WithHelp("ctrl+l", "hide notes")),
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),

		Prep:      key.NewBinding(key.WithKeys("enter", "p"), key.WithHelp("enter", "prep")),
		AddPerson: key.NewBinding(key.WithKeys("a", "n"), key.WithHelp("a", "add")),
		Filter:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "find")),
		QuitQ:     key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		History:   key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "history")),
		Trends:    key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "trends")),
		Actions:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "actions")),
		Record:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "after the meeting")),
		Agree:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "mark agreed")),
		Addendum:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "add a dated note")),
		Done:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "done")),
		Drop:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "drop…")),
		Carry:     key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "carry")),
		Team:      key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "team")),
		Cadence:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "how often")),
		Open:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		OnePerson: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "person/all")),

		Next:         key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next")),
		Prev:         key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
		Save:         key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Rate:         key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1-5", "rate")),
		RateClear:    key.NewBinding(key.WithKeys("0", "backspace", "delete"), key.WithHelp("0", "clear")),
		Owner:        key.NewBinding(key.WithKeys("space", "left", "right"), key.WithHelp("space/←/→", "change owner")),
		AddAction:    key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("ctrl+n", "new action")),
		RemoveAction: key.NewBinding(key.WithKeys("ctrl+x"), key.WithHelp("ctrl+x", "remove action")),
		Newline:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "new line")),

		Confirm: key.NewBinding(key.WithKeys("ctrl+s", "enter"), key.WithHelp("enter/ctrl+s", "save")),
		PageUp:  key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "page up")),
		PageDn:  key.NewBinding(key.WithKeys("pgdown", " ", "space", "f"), key.WithHelp("pgdn", "page down")),
	}
}

// bindings is a ready-made help.KeyMap: the keys for what has focus now
// (context), the keys that move between screens (short), and full columns
// for "more keys". The help bar puts context and short on one line when
// they fit, and on two when they do not, so no key is ever cut off.
type bindings struct {
	context []key.Binding
	short   []key.Binding
	full    [][]key.Binding
}

func (b bindings) ShortHelp() []key.Binding {
	return append(append([]key.Binding(nil), b.context...), b.short...)
}
func (b bindings) FullHelp() [][]key.Binding { return b.full }
