package tui

import (
	"charm.land/bubbles/v2/key"

	"attend/coach/msg"
)

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
	ConfirmDrop                      key.Binding
}

// DefaultKeyMap is attend's keymap.
func DefaultKeyMap(l *msg.Lang) KeyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	k := func(keys ...string) []string { return keys }
	return KeyMap{
		Global: GlobalKeys{
			Quit:    b(k("ctrl+c"), "ctrl+c", l.T("key.global.quit")),
			Help:    b(k("?", "f1"), "?", l.T("key.global.help")),
			HelpAlt: b(k("f1"), "f1", l.T("key.global.helpAlt")),
			Hide:    b(k("ctrl+l"), "ctrl+l", l.T("key.global.hide")),
			Unhide:  b(k("ctrl+l"), "ctrl+l", l.T("key.global.unhide")),
			Unlock:  b(k("enter"), "enter", l.T("key.global.unlock")),
		},
		List: ListKeys{
			Up:        b(k("up", "k"), "↑/k", l.T("key.list.up")),
			Down:      b(k("down", "j"), "↓/j", l.T("key.list.down")),
			PageUp:    b(k("pgup", "b"), "pgup", l.T("key.list.pageUp")),
			PageDown:  b(k("pgdown", "f", "space"), "pgdn", l.T("key.list.pageDown")),
			Top:       b(k("home", "g"), "g/home", l.T("key.list.top")),
			Bottom:    b(k("end", "G"), "G/end", l.T("key.list.bottom")),
			Open:      b(k("enter"), "enter", l.T("key.list.open")),
			Back:      b(k("esc"), "esc", l.T("key.list.back")),
			Find:      b(k("/"), "/", l.T("key.list.find")),
			ClearFind: b(k("esc"), "esc", l.T("key.list.clearFind")),
		},
		Form: FormKeys{
			Submit:  b(k("enter"), "enter", l.T("key.form.submit")),
			Cancel:  b(k("esc"), "esc", l.T("key.form.cancel")),
			Next:    b(k("tab"), "tab", l.T("key.form.next")),
			Prev:    b(k("shift+tab"), "shift+tab", l.T("key.form.prev")),
			Confirm: b(k("enter"), "enter", l.T("key.form.confirm")),
		},
		Home: HomeKeys{
			Prep:      b(k("enter", "p"), "enter", l.T("key.home.prep")),
			AddPerson: b(k("a", "n"), "a", l.T("key.home.addPerson")),
			History:   b(k("h"), "h", l.T("key.home.history")),
			Actions:   b(k("o"), "o", l.T("key.home.actions")),
			Trends:    b(k("v"), "v", l.T("key.home.trends")),
			Team:      b(k("t"), "t", l.T("key.home.team")),
			Cadence:   b(k("e"), "e", l.T("key.home.cadence")),
			Rename:    b(k("R"), "R", l.T("key.home.rename")),
			Remove:    b(k("X"), "X", l.T("key.home.remove")),
			Quit:      b(k("q"), "q", l.T("key.home.quit")),
			Meant:     b(k("y", "Y"), "y", l.T("key.home.meant")),
			AddNew:    b(k("n", "N"), "n", l.T("key.home.addNew")),
		},
		Prep: PrepKeys{
			Next:         b(k("tab"), "tab", l.T("key.prep.next")),
			Prev:         b(k("shift+tab"), "shift+tab", l.T("key.prep.prev")),
			Review:       b(k("ctrl+s"), "ctrl+s", l.T("key.prep.review")),
			Leave:        b(k("esc"), "esc", l.T("key.prep.leave")),
			Newline:      b(k("enter"), "enter", l.T("key.prep.newline")),
			NextField:    b(k("enter"), "enter", l.T("key.prep.nextField")),
			Rate:         b(k("1", "2", "3", "4", "5"), "1-5", l.T("key.prep.rate")),
			RateClear:    b(k("0", "backspace", "delete"), "0", l.T("key.prep.rateClear")),
			RateNudge:    b(k("left", "right", "+", "-"), "←/→", l.T("key.prep.rateNudge")),
			Owner:        b(k("space", "left", "right"), "space/←/→", l.T("key.prep.owner")),
			AddAction:    b(k("ctrl+n"), "ctrl+n", l.T("key.prep.addAction")),
			NewAction:    b(k("enter"), "enter", l.T("key.prep.newAction")),
			RemoveAction: b(k("ctrl+x"), "ctrl+x", l.T("key.prep.removeAction")),
			MoveRow:      b(k("up", "down"), "↑/↓", l.T("key.prep.moveRow")),
			LineEdges:    b(k("ctrl+a", "home", "end"), "ctrl+a/end", l.T("key.prep.lineEdges")),
			WordMove:     b(k("alt+left", "alt+right"), "alt+←/→", l.T("key.prep.wordMove")),
			DeleteWord:   b(k("ctrl+w"), "ctrl+w", l.T("key.prep.deleteWord")),
			DeleteLine:   b(k("ctrl+k", "ctrl+u"), "ctrl+k/u", l.T("key.prep.deleteLine")),
			StartPrep:    b(k("tab"), "tab", l.T("key.prep.startPrep")),
			TakeOver:     b(k("ctrl+t"), "ctrl+t", l.T("key.prep.takeOver")),
			Together:     b(k("ctrl+t"), "ctrl+t", l.T("key.prep.together")),
			More:         b(k("ctrl+o"), "ctrl+o", l.T("key.prep.more")),
			Full:         b(k("ctrl+f"), "ctrl+f", l.T("key.prep.full")),
			OpenMore:     b(k("enter"), "enter", l.T("key.prep.openMore")),
			Done:         b(k("esc", "ctrl+s"), "esc", l.T("key.prep.done")),
			LastTime:     b(k("ctrl+g"), "ctrl+g", l.T("key.prep.lastTime")),
			Editor:       b(k("ctrl+e"), "ctrl+e", l.T("key.prep.editor")),
		},
		Review: ReviewKeys{
			Save: b(k("enter", "ctrl+s"), "enter", l.T("key.review.save")),
			Edit: b(k("esc", "shift+tab"), "esc", l.T("key.review.edit")),
		},
		Record: RecordKeys{
			Complete:  b(k("r"), "r", l.T("key.record.complete")),
			Reflect:   b(k("f"), "f", l.T("key.record.reflect")),
			Private:   b(k("p"), "p", l.T("key.record.private")),
			Agree:     b(k("a"), "a", l.T("key.record.agree")),
			Addendum:  b(k("n"), "n", l.T("key.record.addendum")),
			AddNote:   b(k("ctrl+s"), "ctrl+s", l.T("key.record.addNote")),
			KeepBoth:  b(k("ctrl+s"), "ctrl+s", l.T("key.record.keepBoth")),
			Sessions:  b(k("enter"), "enter", l.T("key.record.sessions")),
			OnePerson: b(k("p"), "p", l.T("key.record.onePerson")),
		},
		Action: ActionKeys{
			Done:  b(k("d"), "d", l.T("key.action.done")),
			Drop:  b(k("x"), "x", l.T("key.action.drop")),
			Carry: b(k("c"), "c", l.T("key.action.carry")),
			Open:  b(k("enter"), "enter", l.T("key.action.open")),

			// Numbers, not letters: a word typed by mistake on "last time"
			// (d, then "a…") must never close an action.
			Helped:      b(k("1"), "1", l.T("key.action.helped")),
			Partly:      b(k("2"), "2", l.T("key.action.partly")),
			NotYet:      b(k("3"), "3", l.T("key.action.notYet")),
			DidntAsk:    b(k("4"), "4", l.T("key.action.didntAsk")),
			ConfirmDrop: b(k("y"), "y", l.T("key.action.confirmDrop")),
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
