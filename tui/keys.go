package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key attend answers to, grouped by where it works. Screens
// match keys only with key.Matches against these bindings, and build their
// help from the very same bindings, so the help bar cannot drift from what
// the keys do. One key may mean different things in different places (esc
// is "back", "cancel" or "clear"); each meaning is its own binding, so the
// help says which.
type KeyMap struct {
	Global GlobalKeys
	List   ListKeys
	Form   FormKeys
	Home   HomeKeys
	Prep   PrepKeys
	Review ReviewKeys
	Record RecordKeys
	Action ActionKeys
}

// GlobalKeys work on every screen.
type GlobalKeys struct {
	Quit    key.Binding // ctrl+c
	Help    key.Binding // ? where it cannot be typed
	HelpAlt key.Binding // f1, which works even while typing
	Hide    key.Binding // hide every name and note at once
	Unhide  key.Binding // the same key, named for what it does while hidden
	Unlock  key.Binding // enter on the lock screen
}

// ListKeys move through any list, and scroll any long page.
type ListKeys struct {
	Up, Down         key.Binding
	PageUp, PageDown key.Binding
	Top, Bottom      key.Binding
	Open             key.Binding // enter: open the selected row
	Back             key.Binding // esc: the screen before
	Find             key.Binding // /: find or search
	ClearFind        key.Binding // esc while a search is kept
}

// FormKeys work in any small form: a one-line field or a question.
type FormKeys struct {
	Submit  key.Binding // enter
	Cancel  key.Binding // esc
	Next    key.Binding // tab
	Prev    key.Binding // shift+tab
	Confirm key.Binding // enter: confirm a question asked once
}

// HomeKeys are the home screen's.
type HomeKeys struct {
	Prep      key.Binding
	AddPerson key.Binding
	History   key.Binding
	Actions   key.Binding
	Trends    key.Binding
	Team      key.Binding
	Cadence   key.Binding
	Rename    key.Binding
	Remove    key.Binding
	Quit      key.Binding // q, where q cannot be typed
	Meant     key.Binding // y: "did you mean …?" yes, open them
	AddNew    key.Binding // n: no, add the name as someone new
}

// PrepKeys work while preparing.
type PrepKeys struct {
	Next, Prev   key.Binding
	Review       key.Binding // ctrl+s: review, then save
	Leave        key.Binding // esc: home, the draft kept
	Newline      key.Binding // enter in a text answer
	NextField    key.Binding // enter in a one-line field
	Rate         key.Binding
	RateClear    key.Binding
	RateNudge    key.Binding
	Owner        key.Binding
	AddAction    key.Binding
	NewAction    key.Binding // enter on "+ add an action"
	RemoveAction key.Binding
	MoveRow      key.Binding // ↑/↓ between actions
	LineEdges    key.Binding
	WordMove     key.Binding
	DeleteWord   key.Binding
	DeleteLine   key.Binding
	StartPrep    key.Binding // tab on "Last time you agreed…"
	TakeOver     key.Binding // ctrl+t: this window keeps a draft another window wrote
	Together     key.Binding // ctrl+t on a rating in the record: rated together, or your view
	More         key.Binding // ctrl+o: the rest of this stage's prompts
	Full         key.Binding // ctrl+f: every prompt, or the quick prep again
	OpenMore     key.Binding // enter on "more for this stage"
	Done         key.Binding // esc or ctrl+s on the record or reflection: saved as you type
	LastTime     key.Binding // ctrl+g: last time again, from a prep
	Editor       key.Binding // ctrl+e: write this answer in $VISUAL or $EDITOR
	LineEnd      key.Binding // end (ctrl+e is the editor's)
}

// ReviewKeys work on the review before saving.
type ReviewKeys struct {
	Save key.Binding
	Edit key.Binding // esc: back to editing
}

// RecordKeys work on a saved record and its after-meeting form.
type RecordKeys struct {
	Complete  key.Binding // r: the meeting record
	Reflect   key.Binding // f: your reflection
	Private   key.Binding // p: show your prep and reflection too
	Agree     key.Binding
	Addendum  key.Binding
	AddNote   key.Binding // ctrl+s: add the dated note
	KeepBoth  key.Binding // ctrl+s when another window changed it meanwhile
	Sessions  key.Binding // enter on trends: their sessions
	OnePerson key.Binding // p in history
}

// ActionKeys work on lists of open actions.
type ActionKeys struct {
	Done  key.Binding
	Drop  key.Binding
	Carry key.Binding
	Open  key.Binding // enter: the session it came from
	// Did it help? asked when an action is marked done.
	Helped, Partly, NotYet, DidntAsk key.Binding
}

// DefaultKeyMap is attend's keymap.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	k := func(keys ...string) []string { return keys }
	return KeyMap{
		Global: GlobalKeys{
			Quit:    b(k("ctrl+c"), "ctrl+c", "quit"),
			Help:    b(k("?", "f1"), "?", "more keys"),
			HelpAlt: b(k("f1"), "f1", "more keys"),
			Hide:    b(k("ctrl+l"), "ctrl+l", "hide notes"),
			Unhide:  b(k("ctrl+l"), "ctrl+l", "show notes"),
			Unlock:  b(k("enter"), "enter", "unlock"),
		},
		List: ListKeys{
			Up:        b(k("up", "k"), "↑/k", "up"),
			Down:      b(k("down", "j"), "↓/j", "down"),
			PageUp:    b(k("pgup", "b"), "pgup", "page up"),
			PageDown:  b(k("pgdown", "f", "space"), "pgdn", "page down"),
			Top:       b(k("home", "g"), "g/home", "first"),
			Bottom:    b(k("end", "G"), "G/end", "last"),
			Open:      b(k("enter"), "enter", "open"),
			Back:      b(k("esc"), "esc", "back"),
			Find:      b(k("/"), "/", "find"),
			ClearFind: b(k("esc"), "esc", "clear find"),
		},
		Form: FormKeys{
			Submit:  b(k("enter"), "enter", "done"),
			Cancel:  b(k("esc"), "esc", "cancel"),
			Next:    b(k("tab"), "tab", "next"),
			Prev:    b(k("shift+tab"), "shift+tab", "previous"),
			Confirm: b(k("enter"), "enter", "yes"),
		},
		Home: HomeKeys{
			Prep:      b(k("enter", "p"), "enter", "prep"),
			AddPerson: b(k("a", "n"), "a", "add"),
			History:   b(k("h"), "h", "history"),
			Actions:   b(k("o"), "o", "actions"),
			Trends:    b(k("v"), "v", "trends"),
			Team:      b(k("t"), "t", "team"),
			Cadence:   b(k("e"), "e", "how often"),
			Rename:    b(k("R"), "R", "rename"),
			Remove:    b(k("X"), "X", "remove…"),
			Quit:      b(k("q"), "q", "quit"),
			Meant:     b(k("y", "Y"), "y", "yes, open them"),
			AddNew:    b(k("n", "N"), "n", "no, add as new"),
		},
		Prep: PrepKeys{
			Next:         b(k("tab"), "tab", "next"),
			Prev:         b(k("shift+tab"), "shift+tab", "back"),
			Review:       b(k("ctrl+s"), "ctrl+s", "review & save"),
			Leave:        b(k("esc"), "esc", "home"),
			Newline:      b(k("enter"), "enter", "new line"),
			NextField:    b(k("enter"), "enter", "next"),
			Rate:         b(k("1", "2", "3", "4", "5"), "1-5", "rate"),
			RateClear:    b(k("0", "backspace", "delete"), "0", "clear"),
			RateNudge:    b(k("left", "right", "+", "-"), "←/→", "lower/raise"),
			Owner:        b(k("space", "left", "right"), "space/←/→", "owner"),
			AddAction:    b(k("ctrl+n"), "ctrl+n", "new action"),
			NewAction:    b(k("enter"), "enter", "new action"),
			RemoveAction: b(k("ctrl+x"), "ctrl+x", "remove action"),
			MoveRow:      b(k("up", "down"), "↑/↓", "other action"),
			LineEdges:    b(k("ctrl+a", "home", "end"), "ctrl+a/end", "line start/end"),
			WordMove:     b(k("alt+left", "alt+right"), "alt+←/→", "word back/forward"),
			DeleteWord:   b(k("ctrl+w"), "ctrl+w", "delete word"),
			DeleteLine:   b(k("ctrl+k", "ctrl+u"), "ctrl+k/u", "delete to end/start"),
			StartPrep:    b(k("tab"), "tab", "start the prep"),
			TakeOver:     b(k("ctrl+t"), "ctrl+t", "keep the draft here"),
			Together:     b(k("ctrl+t"), "ctrl+t", "together / your view"),
			More:         b(k("ctrl+o"), "ctrl+o", "more for this stage"),
			Full:         b(k("ctrl+f"), "ctrl+f", "every prompt / quick"),
			OpenMore:     b(k("enter"), "enter", "show them"),
			Done:         b(k("esc", "ctrl+s"), "esc", "done (saved as you type)"),
			LastTime:     b(k("ctrl+g"), "ctrl+g", "last time"),
			Editor:       b(k("ctrl+e"), "ctrl+e", "your editor"),
			LineEnd:      b(k("end"), "end", "line end"),
		},
		Review: ReviewKeys{
			Save: b(k("enter", "ctrl+s"), "enter", "save"),
			Edit: b(k("esc", "shift+tab"), "esc", "back to editing"),
		},
		Record: RecordKeys{
			Complete:  b(k("r"), "r", "the meeting record"),
			Reflect:   b(k("f"), "f", "your reflection"),
			Private:   b(k("p"), "p", "your private notes"),
			Agree:     b(k("a"), "a", "mark agreed"),
			Addendum:  b(k("n"), "n", "add a dated note"),
			AddNote:   b(k("ctrl+s"), "ctrl+s", "add the note"),
			KeepBoth:  b(k("ctrl+s"), "ctrl+s", "keep what is here too"),
			Sessions:  b(k("enter"), "enter", "their sessions"),
			OnePerson: b(k("p"), "p", "person/all"),
		},
		Action: ActionKeys{
			Done:  b(k("d"), "d", "done"),
			Drop:  b(k("x"), "x", "drop…"),
			Carry: b(k("c"), "c", "carry"),
			Open:  b(k("enter"), "enter", "its session"),

			Helped:   b(k("h"), "h", "helped"),
			Partly:   b(k("p"), "p", "partly"),
			NotYet:   b(k("n"), "n", "not yet"),
			DidntAsk: b(k("a"), "a", "not asked yet"),
		},
	}
}

// bindings is a ready-made help.KeyMap: the keys for what has focus now
// (context), the keys that move between screens (short), and full columns
// for "more keys". The root adds the keys that work everywhere. The help
// bar puts context and short on one line when they fit, and wraps them
// between keys when they do not, so no key is ever cut off.
type bindings struct {
	context []key.Binding
	short   []key.Binding
	full    [][]key.Binding
}

func (b bindings) ShortHelp() []key.Binding {
	return append(append([]key.Binding(nil), b.context...), b.short...)
}
func (b bindings) FullHelp() [][]key.Binding { return b.full }
