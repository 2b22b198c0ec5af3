package tui

import (
	"time"

	"attend/coach"
)

// Context is what every screen shares: the window size, styles, keys, the
// prompt guide, the store and the clock. Screens read it, and ask for
// changes of screen and for notices through it; the root carries those out.
type Context struct {
	Width, Height int
	Styles        Styles
	Keys          KeyMap
	Guide         *coach.Guide
	Store         Store
	Now           func() time.Time
	AutosaveDelay time.Duration
	TypingDelay   time.Duration
	// Writer identifies this attend window on the drafts it writes, so two
	// windows never overwrite each other's prep (coach.MayReplaceDraft).
	Writer string

	// editorWarned: the editor's own copies have been mentioned once.
	editorWarned bool

	// Asked for during one Update, carried out by the root after it.
	navs      []nav
	notice    string
	noticeBad bool
	noticeSet bool
}

// Today is the current calendar day.
func (c *Context) Today() coach.Date { return coach.DateOf(c.Now()) }
