package tui

import tea "charm.land/bubbletea/v2"

// Screen is one page of attend: home, a prep, history, a record... Each owns
// its state, its keys and its help; the root keeps a stack of them, so going
// back is a pop, and adding a screen is one new file and one push.
//
// Screens do no I/O themselves: reading and writing happen in tea.Cmds, and
// their results come back as messages. The root gives every message that is
// not a key to every screen on the stack (results arrive after the screen
// that asked may have moved on; each screen ignores what is not its own), and
// keys only to the screen on top.
type Screen interface {
	// Update handles a message. Moving between screens goes through ctx
	// (ctx.Push, ctx.Pop), which the root carries out when Update returns.
	Update(ctx *Context, msg tea.Msg) tea.Cmd
	// View draws the screen's body in exactly height lines.
	View(ctx *Context, height int) string
	// Resize lays the screen out for the window in ctx and the body height.
	Resize(ctx *Context, height int)
	// Keys are the keys that work on this screen right now, for the help.
	Keys(ctx *Context) bindings
	// Title is the header: where you are, whose notes, and a state.
	Title(ctx *Context) Title
	// Typing reports whether keys go into a text field (so "?" and "q" are
	// letters, not commands).
	Typing() bool
}

// Title is what the header shows for a screen: "attend · Label Person" on the
// left, State on the right. Person is shortened last when room is short.
type Title struct {
	Label  string
	Person string
	State  string // already styled
	Short  string // the state in fewer words, for a narrow window ("" : State)
}

// revealer is a screen that refreshes when it is on top again, after the
// screen above it is popped (counts change while you are elsewhere).
type revealer interface {
	Reveal(ctx *Context) tea.Cmd
}

// helpNoter is a screen with a word to add to its full help: where the
// prompt in focus comes from, say.
type helpNoter interface {
	HelpNote(ctx *Context) string
}

// keeper is a screen holding words that must be on disk before attend quits.
type keeper interface {
	// Unsaved reports whether a write is needed or still running.
	Unsaved() bool
	// Keep starts writing whatever is not on disk yet (nil if a write is
	// already running: its result will show).
	Keep(ctx *Context) tea.Cmd
	// KeepErr is why the last write failed, if it did.
	KeepErr() error
}

// nav is a change to the stack that a screen asked for during Update.
type nav struct {
	pop    int    // screens to remove from the top first
	toRoot bool   // remove all but the first
	push   Screen // then add this one
}

// Push puts a screen on top of the current one, once Update returns.
func (c *Context) Push(s Screen) { c.navs = append(c.navs, nav{push: s}) }

// Pop goes back to the screen before.
func (c *Context) Pop() { c.navs = append(c.navs, nav{pop: 1}) }

// Replace swaps the top screen for another.
func (c *Context) Replace(s Screen) { c.navs = append(c.navs, nav{pop: 1, push: s}) }

// Home goes back to the first screen.
func (c *Context) Home() { c.navs = append(c.navs, nav{toRoot: true}) }

// Notice shows a line above the help bar until the next key.
func (c *Context) Notice(text string) { c.notice, c.noticeBad, c.noticeSet = text, false, true }

// Problem shows a line in the error style, until the next key.
func (c *Context) Problem(text string) { c.notice, c.noticeBad, c.noticeSet = text, true, true }
