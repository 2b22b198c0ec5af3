package tui

import (
	"time"

	"attend/coach"
	"attend/coach/msg"
)

// Context is what every screen shares: the window size, styles, keys, the
// prompt guide, the store and the clock. Screens read it, and ask for
// changes of screen and for notices through it; the root carries those out.
type Context struct {
	Width, Height int
	Styles        Styles
	Keys          KeyMap
	Guide         *coach.Guide
	Msg           *msg.Lang // every word that is not a prompt, in the interface language
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

// T says a message in the interface language (see coach/msg).
func (c *Context) T(id string, kv ...any) string { return c.Msg.T(id, kv...) }

// Date is a day as the interface language writes it.
func (c *Context) Date(d coach.Date) string {
	if d.IsZero() {
		return ""
	}
	return c.Msg.Date(d.Time())
}

// Today is the current calendar day.
func (c *Context) Today() coach.Date { return coach.DateOf(c.Now()) }

// Cadence is how often someone has supervision, in the interface language.
func (c *Context) Cadence(cd coach.Cadence) string { return cd.StringIn(c.Msg) }

// Due says when someone's next session is due, in the interface language.
func (c *Context) Due(d coach.Due) string { return d.LabelIn(c.Msg) }

// DueShort is Due for a list's column: the date without its weekday.
func (c *Context) DueShort(d coach.Due) string {
	if d.State == coach.NotDue && d.Days > coach.SoonDays {
		return c.T("due.on", "Date", c.Msg.Short(d.Date.Time(), 0))
	}
	return c.Due(d)
}

// Count is a number and its noun: "1 person", "3 people" (an id of the
// catalogue with plural forms).
func (c *Context) Count(id string, n int) string { return c.T(id, "Count", n) }

// Owner names who carries an action, in the interface language.
func (c *Context) Owner(o coach.Owner) string { return o.LabelIn(c.Msg) }

// Outcome says whether help helped, in the interface language.
func (c *Context) Outcome(o coach.Outcome) string { return o.LabelIn(c.Msg) }

// Short is a day without its weekday (and its year, when it is this one).
func (c *Context) Short(d coach.Date) string { return c.Msg.Short(d.Time(), c.Today().Year) }
