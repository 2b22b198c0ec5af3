package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"attend/coach"
	"attend/coach/msg"
)

// dateFieldWidth fits any date a person types, with room to spare.
const dateFieldWidth = 22

// The columns of an action row in the Actions stage.
const (
	colText = iota
	colOwner
	colDue
	actionCols
)

// slot is one place the focus can rest: an item, and which part of it.
// Ratings have two (the score, then the note) so that digits typed in a note
// stay digits; each action has three (text, owner, due) and the list ends in
// an "add an action" slot.
type slot struct {
	stage, item int
	field       int
}

// slotKind says how a slot takes input.
type slotKind int

const (
	kindText     slotKind = iota // the textarea: a text answer
	kindNote                     // the textarea: a rating's note
	kindScore                    // digits 1-5
	kindActText                  // the line input: an action's text
	kindActOwner                 // space / arrows cycle the owner
	kindActDue                   // the line input: an action's due date
	kindActAdd                   // the "add an action" button
	kindDate                     // the line input: a date answer
	kindMore                     // "more for this stage", in a quick prep
)

// partForm writes one part of a session, stage by stage: the prep before
// the meeting (kept as a draft until it is reviewed and saved), or, on a
// saved session, the meeting record or the manager's reflection (each saved
// as it is typed). The session is the only copy of what the manager has
// written; the two editors are pointed at whichever slot has focus and
// write back to the session on every change.
type partForm struct {
	guide   *coach.Guide
	part    coach.Part
	stages  []coach.Stage // the part's stages
	full    bool          // every prompt of the prep, not only the core ones
	more    map[int]bool  // stages opened to all their prompts ("more")
	before  coach.Session // a saved session as this window last read or wrote it
	person  coach.Person
	session coach.Session
	slots   []slot
	focus   int

	ta textarea.Model  // multi-line answers and notes
	ti textinput.Model // actions, due dates and dates
	// raw keeps what was typed in a date field that does not parse yet, by
	// item id or action id, so a half-typed date is never thrown away.
	raw map[string]string

	// autosave: rev counts changes, savedRev is the last one on disk.
	rev, savedRev int
	saving        bool
	tickPending   bool
	savedAt       time.Time
	saveErr       error
	// kept is the prep as last written here (or as it opened): what would
	// be lost if this window went now is what differs from it.
	kept coach.Session
	// exit is where esc has got to (form_leave.go).
	exit exitState

	notice string // shown once under the title, e.g. "draft restored"

	laidOut layoutKey // the last layout, so typing does not redo it

	typed        []rune // typing not yet inserted (see typing.go)
	flushPending bool

	// elsewhere is set when another attend window holds this person's prep:
	// this window stops writing the draft, and saving makes a separate
	// session, so neither window's words are lost.
	elsewhere bool
	// held: elsewhere was found when the prep opened (the draft's writer is
	// another window, seen recently), rather than on a failed write; ctrl+t
	// takes the draft over.
	held bool

	follow    bool // "last time" has been offered
	askedLast bool // ctrl+g asked for last time again
	// agreed: the record was agreed in another window meanwhile, so it is
	// read-only and nothing here is written.
	agreed bool

	words *msg.Lang // the interface language, for what the form says
}

// heldFor is how recently another window must have written a draft for this
// one to assume that window may still be open.
const heldFor = 30 * time.Minute

func newPrep(ctx *Context, p coach.Person, draft *coach.Session, created, full bool) *partForm {
	m := &partForm{guide: ctx.Guide, part: coach.PartPrep, full: full, person: p, raw: map[string]string{}, more: map[int]bool{}}
	m.stages = ctx.Guide.PartStages(coach.PartPrep)
	switch {
	case draft != nil:
		m.session = draft.Clone()
		m.session.Base = draft.Updated // taking it over from the window that wrote it
		m.notice = ctx.T("form.restored", "When", ctx.Msg.Date(draft.Updated.Local())+" "+draft.Updated.Local().Format("15:04"))
		m.savedAt = draft.Updated
	default:
		m.session = coach.NewSession(p.ID, ctx.Guide.Lang, ctx.Now())
		if created {
			m.notice = ctx.T("form.newperson", "Name", p.Name)
		}
	}
	if draft != nil && draft.Writer != "" && draft.Writer != ctx.Writer && !draft.Left && ctx.Now().Sub(draft.Updated) < heldFor {
		// Another window wrote this draft a moment ago and may still be
		// open: say so at once, and write nothing until the manager says
		// that window is closed (ctrl+t), so neither overwrites the other.
		m.elsewhere, m.held = true, true
		m.notice = ""
	}
	m.session.Writer, m.session.Left = ctx.Writer, false
	m.kept = m.session.Clone()
	m.setup(ctx)
	m.focus = m.slotFor(m.session.Position)
	m.load(ctx)
	return m
}

// newAfterForm writes the meeting record or the reflection of a saved
// session, saving as it goes.
func newAfterForm(ctx *Context, part coach.Part, p coach.Person, s coach.Session) *partForm {
	m := &partForm{guide: ctx.Guide, part: part, full: true, person: p, raw: map[string]string{}, more: map[int]bool{}}
	m.stages = ctx.Guide.PartStages(part)
	m.session, m.before = s.Clone(), s.Clone()
	if s.PartWritten(part) {
		// "✓ saved" only for what is saved: an empty reflection said it
		// before a word was typed (the trial).
		m.savedAt = s.Updated
	}
	m.setup(ctx)
	m.load(ctx)
	return m
}

// setup makes the editors and the focus stops.
func (m *partForm) setup(ctx *Context) {
	m.words = ctx.Msg
	m.ta = newTextArea(ctx.Keys)
	m.ta.ShowLineNumbers = false
	m.ta.Prompt = "┃ "
	m.ta.CharLimit = coach.MaxAnswerLen
	m.ta.MaxHeight = 0
	m.ta.Placeholder = ctx.T("form.type")
	m.ti = newTextInput(ctx.Keys)
	m.ti.Prompt = ""
	m.ti.CharLimit = 500
	m.applyStyles(ctx.Styles)
	m.rebuildSlots()
}

func (m *partForm) applyStyles(s Styles) {
	m.ta.SetStyles(s.TextArea)
	m.ti.SetStyles(s.Input)
}

// rebuildSlots lists every focus stop in order, across all stages. A quick
// prep shows each stage's core prompts and any that hold an answer, then a
// "more for this stage" stop if others are hidden.
func (m *partForm) rebuildSlots() {
	m.slots = m.slots[:0]
	for si, st := range m.stages {
		hidden := 0
		for ii, it := range st.Items {
			if !m.shown(si, it) {
				hidden++
				continue
			}
			switch it.Kind {
			case coach.KindRating:
				m.slots = append(m.slots, slot{si, ii, 0}, slot{si, ii, 1})
			case coach.KindActions:
				for r := range m.session.Actions {
					for c := 0; c < actionCols; c++ {
						m.slots = append(m.slots, slot{si, ii, r*actionCols + c})
					}
				}
				m.slots = append(m.slots, slot{si, ii, len(m.session.Actions) * actionCols})
			default:
				m.slots = append(m.slots, slot{si, ii, 0})
			}
		}
		if hidden > 0 {
			m.slots = append(m.slots, slot{si, -1, hidden})
		}
	}
}

// shown reports whether an item of stage si is on screen: every item in a
// full prep or an opened stage, otherwise core items and any holding an
// answer (an answer is never hidden).
func (m *partForm) shown(si int, it coach.Item) bool {
	if m.full || m.more[si] || it.Core {
		return true
	}
	if it.Kind == coach.KindActions {
		return len(m.session.LiveActions()) > 0
	}
	return !m.session.Answer(it.ID).Empty()
}

// showMore opens the current stage to all its prompts, keeping the focus on
// the first one that was hidden.
func (m *partForm) showMore(ctx *Context) tea.Cmd {
	m.store(ctx)
	si := m.stage()
	m.more[si] = true
	m.rebuildSlots()
	for i, s := range m.slots {
		if s.stage == si && s.item >= 0 && !m.item(s).Core && m.session.Answer(m.item(s).ID).Empty() {
			m.focus = i
			break
		}
	}
	m.focus = min(m.focus, len(m.slots)-1)
	m.load(ctx)
	return nil
}

// setFull shows every prompt of the prep, or only the core ones again, and
// remembers the choice for the next prep.
func (m *partForm) setFull(ctx *Context, full bool) tea.Cmd {
	m.store(ctx)
	id, stage := m.item(m.cur()).ID, m.stage()
	m.full = full
	m.rebuildSlots()
	// Stay on the same prompt; if it is hidden now (or was "more"), stay
	// in the same stage.
	m.focus = -1
	for i, s := range m.slots {
		if id != "" && m.item(s).ID == id {
			m.focus = i
			break
		}
	}
	if m.focus < 0 {
		for i, s := range m.slots {
			if s.stage == stage {
				m.focus = i
				if s.item < 0 {
					break
				}
			}
		}
	}
	m.focus = max(0, min(m.focus, len(m.slots)-1))
	m.load(ctx)
	// Say which prep this is now: the prompts shown change with no other sign.
	if full {
		m.notice = ctx.T("form.full.on")
	} else {
		m.notice = ctx.T("form.full.off")
	}
	return setFullPrep(ctx.Store, full)
}

func (m *partForm) cur() slot { return m.slots[m.focus] }

func (m *partForm) item(s slot) coach.Item {
	if s.item < 0 {
		return coach.Item{} // "more for this stage"
	}
	return m.stages[s.stage].Items[s.item]
}

func (m *partForm) stage() int { return m.cur().stage }

func (m *partForm) kind(s slot) slotKind {
	if s.item < 0 {
		return kindMore
	}
	it := m.item(s)
	switch it.Kind {
	case coach.KindRating:
		if s.field == 0 {
			return kindScore
		}
		return kindNote
	case coach.KindActions:
		if s.field >= len(m.session.Actions)*actionCols {
			return kindActAdd
		}
		switch s.field % actionCols {
		case colText:
			return kindActText
		case colOwner:
			return kindActOwner
		}
		return kindActDue
	case coach.KindDate:
		return kindDate
	}
	return kindText
}

// typing reports whether keys go into an editor (so "?" and digits are text).
func (m *partForm) typing() bool {
	switch m.kind(m.cur()) {
	case kindText, kindNote, kindActText, kindActDue, kindDate:
		return true
	}
	return false
}

// slotFor finds the slot for a saved position, or the first slot.
func (m *partForm) slotFor(p coach.Position) int {
	if p.Item == "" {
		return 0
	}
	for i, s := range m.slots {
		if m.item(s).ID == p.Item && s.field == p.Field {
			return i
		}
	}
	for i, s := range m.slots {
		if m.item(s).ID == p.Item {
			return i
		}
	}
	return 0
}

// load points the editors at the focused slot.
func (m *partForm) load(ctx *Context) {
	s := m.cur()
	it := m.item(s)
	m.ta.Blur()
	m.ti.Blur()
	switch m.kind(s) {
	case kindText, kindNote:
		m.ta.SetValue(m.session.Answer(it.ID).Text)
		if m.kind(s) == kindNote {
			m.ta.Placeholder = ctx.T("form.note")
		} else {
			m.ta.Placeholder = ctx.T("form.type")
		}
		m.ta.Focus()
		showCursor(&m.ta)
	case kindActText:
		a := m.session.Actions[s.field/actionCols]
		m.ti.SetWidth(max(10, readWidth(ctx)-8))
		m.ti.Placeholder = ctx.T("form.action")
		m.ti.SetValue(a.Text)
		m.ti.Focus()
	case kindActDue:
		a := m.session.Actions[s.field/actionCols]
		m.ti.SetWidth(dateFieldWidth)
		m.ti.Placeholder = ctx.T("form.due")
		if r, ok := m.raw[a.ID]; ok {
			m.ti.SetValue(r)
		} else {
			m.ti.SetValue(fieldDate(ctx, a.Due))
		}
		m.ti.Focus()
	case kindDate:
		a := m.session.Answer(it.ID)
		m.ti.SetWidth(dateFieldWidth)
		m.ti.Placeholder = ctx.T("form.date")
		if r, ok := m.raw[it.ID]; ok {
			m.ti.SetValue(r)
		} else if !a.Date.IsZero() {
			m.ti.SetValue(fieldDate(ctx, a.Date))
		} else {
			m.ti.SetValue(a.Text)
		}
		m.ti.Focus()
	}
	// The line input is shared between fields: without this its cursor
	// stays where it was in the field before (mid-way through "Sat 26 Dec
	// 2026", say), and what is typed lands inside the value.
	m.ti.CursorEnd()
	m.session.Position = coach.Position{Item: it.ID, Field: s.field}
}

// fieldDate is a stored date as a date field shows it: as every screen
// writes dates, in the interface's language ("Gwe 8 Ion 2027"), which
// coach.ParseDate reads back as the same day; what is stored is unchanged.
func fieldDate(ctx *Context, d coach.Date) string { return ctx.Date(d) }

// store writes the focused editor's value back into the session.
func (m *partForm) store(ctx *Context) {
	s := m.cur()
	it := m.item(s)
	switch m.kind(s) {
	case kindText, kindNote:
		a := m.session.Answer(it.ID)
		a.Text = m.ta.Value()
		m.session.SetAnswer(it.ID, a)
	case kindActText:
		m.session.Actions[s.field/actionCols].Text = m.ti.Value()
	case kindActDue:
		act := &m.session.Actions[s.field/actionCols]
		d, err := coach.ParseDate(m.ti.Value(), ctx.Today())
		if err != nil {
			m.raw[act.ID] = m.ti.Value()
			return
		}
		delete(m.raw, act.ID)
		act.Due = d
	case kindDate:
		in := m.ti.Value()
		d, err := coach.ParseDate(in, ctx.Today())
		if err != nil {
			// Keep the words typed, so nothing is lost; the date stays unset.
			m.raw[it.ID] = in
			m.session.SetAnswer(it.ID, coach.Answer{Text: in})
			return
		}
		delete(m.raw, it.ID)
		m.session.SetAnswer(it.ID, coach.Answer{Date: d})
	}
}

// move shifts the focus by delta slots. It reports false when it would run
// off either end: the root then opens the review (forwards) or stays put.
// Callers record the move with changed(), as the position is part of the draft.
func (m *partForm) move(ctx *Context, delta int) bool {
	to := m.focus + delta
	if to < 0 || to >= len(m.slots) {
		return false
	}
	m.focus = to
	m.load(ctx)
	return true
}

// addAction appends an empty action and focuses its text.
func (m *partForm) addAction(ctx *Context) tea.Cmd {
	s := m.cur()
	m.store(ctx)
	m.session.Actions = append(m.session.Actions, coach.Action{
		ID: coach.NewID(ctx.Now()), Owner: coach.OwnerMe, Status: coach.ActionOpen, Created: ctx.Now(),
	})
	m.rebuildSlots()
	row := len(m.session.Actions) - 1
	m.focus = m.indexOf(slot{s.stage, s.item, row * actionCols})
	m.load(ctx)
	return m.changed(ctx)
}

// removeAction deletes the focused action.
func (m *partForm) removeAction(ctx *Context) tea.Cmd {
	s := m.cur()
	row := s.field / actionCols
	if row >= len(m.session.Actions) {
		return nil
	}
	delete(m.raw, m.session.Actions[row].ID)
	m.session.Actions = append(m.session.Actions[:row:row], m.session.Actions[row+1:]...)
	m.rebuildSlots()
	m.focus = m.indexOf(slot{s.stage, s.item, min(row, len(m.session.Actions)) * actionCols})
	m.load(ctx)
	return m.changed(ctx)
}

func (m *partForm) indexOf(want slot) int {
	for i, s := range m.slots {
		if s == want {
			return i
		}
	}
	return 0
}

// stageMark reports how far a stage has got, for the progress line: any
// answer ticks it, unless something in it could not be read (a date "31/2",
// an action due "next Fryday"), which marks it to be looked at instead.
func (m *partForm) stageMark(i int) stageMark {
	if i >= len(m.stages) {
		return stageTodo // the review step
	}
	mark := stageTodo
	for _, it := range m.stages[i].Items {
		if it.Kind == coach.KindActions {
			for _, a := range m.session.LiveActions() {
				if raw, ok := m.raw[a.ID]; ok && strings.TrimSpace(raw) != "" {
					return stageCheck
				}
				mark = stageDone
			}
			continue
		}
		if raw, ok := m.raw[it.ID]; ok && strings.TrimSpace(raw) != "" {
			return stageCheck
		}
		if !m.session.Answer(it.ID).Empty() {
			mark = stageDone
		}
	}
	return mark
}
