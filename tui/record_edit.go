package tui

import (
	"errors"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"attend/coach"
)

// Recorder is what the after-meeting record needs from the store.
type Recorder interface {
	// CompleteSessionIf writes what was discussed, agreed actions (by id:
	// changed ones replace, new ones are added, ones with no words go) and
	// the next date, only if the stored record is still expect.
	CompleteSessionIf(id, expect, record string, actions []coach.Action, next coach.Date) (coach.Session, error)
	AgreeSession(id string, on coach.Date) (coach.Session, error)
	AddAddendum(id, text string) (coach.Session, error)
}

// recordSavedMsg carries the session after a record, agreement or addendum.
type recordSavedMsg struct {
	what    string // for the notice
	session coach.Session
	err     error
}

func completeSession(st Store, id, expect, record string, acts []coach.Action, next coach.Date, what string) tea.Cmd {
	return func() tea.Msg {
		s, err := st.CompleteSessionIf(id, expect, record, acts, next)
		return recordSavedMsg{what: what, session: s, err: err}
	}
}

// keepBoth writes the stored record with this window's text after it, for
// when another window changed the record meanwhile: nobody's words are lost.
func keepBoth(st Store, id, mine string, acts []coach.Action, next coach.Date) tea.Cmd {
	return func() tea.Msg {
		cur, err := st.Session(id)
		if err != nil {
			return recordSavedMsg{err: err}
		}
		both := strings.TrimSpace(cur.Said() + "\n\n" + mine)
		s, err := st.CompleteSessionIf(id, cur.Said(), both, acts, next)
		return recordSavedMsg{what: "record", session: s, err: err}
	}
}

func agreeSession(st Store, id string, on coach.Date) tea.Cmd {
	return func() tea.Msg {
		s, err := st.AgreeSession(id, on)
		return recordSavedMsg{what: "agreed", session: s, err: err}
	}
}

func addAddendum(st Store, id, text string) tea.Cmd {
	return func() tea.Msg {
		s, err := st.AddAddendum(id, text)
		return recordSavedMsg{what: "addendum", session: s, err: err}
	}
}

// recordTickMsg asks the record form to write what changed.
type recordTickMsg struct{ id string }

// A focus stop of the record form: what was discussed, each action's words
// and due date, the new action's words and due date, the next date.
type recordSlot struct {
	kind int
	row  int // the action, for action slots; len(actions) is the new one
}

const (
	slotDiscussed = iota
	slotActText
	slotActDue
	slotNext
)

// recordForm completes a saved session after the meeting: what was
// discussed, actions agreed (those from the prep can be changed or
// removed, new ones added, each with an owner and a due date), and the
// next date. Like a prep, it is written within a second of each change.
type recordForm struct {
	person  coach.Person
	session coach.Session
	slots   []recordSlot
	focus   int

	discussed textarea.Model
	line      textinput.Model // the focused action words or date
	next      string          // the next date as typed
	actions   []coach.Action  // every live action: the prep's and new ones
	newAct    coach.Action    // the action being added
	raw       map[int]string  // a due date as typed, by row, while it does not read

	dirty   bool
	changed map[string]bool // action ids to send with the next write
	pending bool            // a write is scheduled
	writing bool            // a write is on its way
	err     error

	// seen is the stored record as this window last wrote or read it; a
	// write only lands if the store still holds it (CompleteSessionIf).
	seen  string
	width int // the reading width, for the action field
	// changedElsewhere: another window wrote the record meanwhile;
	// agreedMeanwhile: it was agreed meanwhile. Either way this window
	// stops writing, says so, and ctrl+s keeps its words another way.
	changedElsewhere bool
	agreedMeanwhile  bool
}

func pushRecordForm(ctx *Context, p coach.Person, s coach.Session) tea.Cmd {
	f := &recordForm{person: p, session: s, seen: s.Said(), raw: map[int]string{}, changed: map[string]bool{}}
	f.actions = s.LiveActions()
	f.newAct = coach.Action{Owner: coach.OwnerMe, Status: coach.ActionOpen}
	f.discussed = textarea.New()
	f.discussed.ShowLineNumbers = false
	f.discussed.Prompt = "┃ "
	f.discussed.CharLimit = coach.MaxAnswerLen
	f.discussed.Placeholder = "What you talked about, in words they would recognise."
	f.discussed.SetValue(s.Said())
	f.line = textinput.New()
	f.line.Prompt = ""
	f.line.CharLimit = 500
	if next := s.NextSession(); !next.IsZero() {
		f.next = next.String()
	}
	f.restyle(ctx.Styles)
	f.rebuild()
	ctx.Push(f)
	return f.load()
}

func (f *recordForm) restyle(s Styles) {
	f.discussed.SetStyles(s.TextArea)
	f.line.SetStyles(s.Input)
}

func (f *recordForm) rebuild() {
	f.slots = []recordSlot{{kind: slotDiscussed}}
	for r := 0; r <= len(f.actions); r++ {
		f.slots = append(f.slots, recordSlot{slotActText, r}, recordSlot{slotActDue, r})
	}
	f.slots = append(f.slots, recordSlot{kind: slotNext})
	f.focus = min(f.focus, len(f.slots)-1)
}

func (f *recordForm) cur() recordSlot { return f.slots[f.focus] }

// act is the action a slot is about: a live one, or the one being added.
func (f *recordForm) act(row int) *coach.Action {
	if row < len(f.actions) {
		return &f.actions[row]
	}
	return &f.newAct
}

// load points the editors at the focused slot.
func (f *recordForm) load() tea.Cmd {
	f.discussed.Blur()
	f.line.Blur()
	s := f.cur()
	// The width first: the field scrolls its text for the width it has.
	if s.kind == slotActText {
		f.line.SetWidth(max(10, f.width-8))
	} else {
		f.line.SetWidth(dateFieldWidth)
	}
	switch s.kind {
	case slotDiscussed:
		cmd := f.discussed.Focus()
		showCursor(&f.discussed)
		return cmd
	case slotActText:
		f.line.Placeholder = "an action you agreed"
		if s.row == len(f.actions) {
			f.line.Placeholder = "a new action; enter adds it"
		}
		f.line.SetValue(f.act(s.row).Text)
	case slotActDue:
		f.line.Placeholder = "e.g. +2w or 15/1"
		if raw, ok := f.raw[s.row]; ok {
			f.line.SetValue(raw)
		} else {
			f.line.SetValue(f.act(s.row).Due.String())
		}
	case slotNext:
		f.line.Placeholder = "e.g. +6w or 24/2/2027"
		f.line.SetValue(f.next)
	}
	f.line.CursorEnd()
	return f.line.Focus()
}

// store writes the line being edited back, and reports whether it changed.
func (f *recordForm) store(ctx *Context) bool {
	s := f.cur()
	v := f.line.Value()
	switch s.kind {
	case slotDiscussed:
		return f.discussed.Value() != f.seen
	case slotActText:
		a := f.act(s.row)
		if a.Text == v {
			return false
		}
		a.Text = v
	case slotActDue:
		a := f.act(s.row)
		d, err := coach.ParseDate(v, ctx.Today())
		if err != nil {
			f.raw[s.row] = v
			return false
		}
		delete(f.raw, s.row)
		if a.Due == d {
			return false
		}
		a.Due = d
	case slotNext:
		if f.next == v {
			return false
		}
		f.next = v
	}
	if s.kind != slotNext && s.row < len(f.actions) {
		f.changed[f.actions[s.row].ID] = true
	}
	return s.row < len(f.actions) || s.kind == slotNext
}

// nextDate is the typed next date, if it can be read.
func (f *recordForm) nextDate(today coach.Date) (coach.Date, bool) {
	d, err := coach.ParseDate(f.next, today)
	return d, err == nil
}

// pendingActions are the actions changed since the last write.
func (f *recordForm) pendingActions() []coach.Action {
	var out []coach.Action
	for _, a := range f.session.Actions {
		if f.changed[a.ID] {
			out = append(out, f.liveOrGone(a))
		}
	}
	for _, a := range f.actions {
		if f.changed[a.ID] && !f.stored(a.ID) {
			out = append(out, a)
		}
	}
	return out
}

// liveOrGone is the form's version of a stored action: changed, or with no
// words if it was removed here (the store then drops it).
func (f *recordForm) liveOrGone(stored coach.Action) coach.Action {
	for _, a := range f.actions {
		if a.ID == stored.ID {
			return a
		}
	}
	stored.Text = ""
	return stored
}

func (f *recordForm) stored(id string) bool {
	for _, a := range f.session.Actions {
		if a.ID == id {
			return true
		}
	}
	return false
}

// write sends the form as it stands; writing it again is harmless.
func (f *recordForm) write(ctx *Context, what string) tea.Cmd {
	next, ok := f.nextDate(ctx.Today())
	if !ok {
		next = f.session.NextSession() // keep the old one until the new one reads
	}
	f.dirty, f.writing = false, true
	acts := f.pendingActions()
	f.changed = map[string]bool{}
	return completeSession(ctx.Store, f.session.ID, f.seen, f.discussed.Value(), acts, next, what)
}

// written takes the store's answer to one of this form's writes.
func (f *recordForm) written(ctx *Context, msg recordSavedMsg) {
	f.writing = false
	switch {
	case msg.err == nil:
		f.seen, f.err, f.session = msg.session.Said(), nil, msg.session
	case errors.Is(msg.err, coach.ErrRecordChanged):
		f.changedElsewhere = true
	case errors.Is(msg.err, coach.ErrRecordAgreed):
		f.agreedMeanwhile = true
	default:
		f.err = msg.err
		ctx.Problem(errText("Could not save the record", msg.err))
	}
}

// blocked reports whether this window has stopped writing the record.
func (f *recordForm) blocked() bool { return f.changedElsewhere || f.agreedMeanwhile }

func (f *recordForm) change(ctx *Context) tea.Cmd {
	f.dirty = true
	if f.pending || f.blocked() {
		return nil
	}
	f.pending = true
	id := f.session.ID
	return tea.Tick(ctx.AutosaveDelay, func(time.Time) tea.Msg { return recordTickMsg{id: id} })
}

func (f *recordForm) Update(ctx *Context, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case recordTickMsg:
		f.pending = false
		if msg.id == f.session.ID && f.dirty && !f.blocked() && !f.writing {
			return f.write(ctx, "")
		}
		if f.dirty && f.writing {
			return f.change(ctx) // after the write on its way
		}
	case recordSavedMsg:
		if msg.session.ID == f.session.ID || msg.err != nil {
			f.written(ctx, msg)
		}
	case tea.PasteMsg:
		return f.edit(ctx, msg)
	case tea.KeyPressMsg:
		return f.key(ctx, msg)
	}
	return nil
}

func (f *recordForm) key(ctx *Context, msg tea.KeyPressMsg) tea.Cmd {
	k, form := ctx.Keys.Record, ctx.Keys.Form
	switch {
	case f.agreedMeanwhile && key.Matches(msg, k.KeepBoth):
		ctx.Pop()
		return addAddendum(ctx.Store, f.session.ID, f.discussed.Value())
	case f.changedElsewhere && key.Matches(msg, k.KeepBoth):
		f.store(ctx)
		next, _ := f.nextDate(ctx.Today())
		ctx.Pop()
		return keepBoth(ctx.Store, f.session.ID, f.discussed.Value(), f.pendingActions(), next)
	case f.blocked() && key.Matches(msg, k.Discard):
		ctx.Pop() // the manager chose to leave this window's words
		return nil
	case key.Matches(msg, k.Done):
		f.store(ctx)
		f.commitNew(ctx)
		ctx.Pop()
		return f.write(ctx, "record")
	case key.Matches(msg, form.Next):
		return f.move(ctx, 1)
	case key.Matches(msg, form.Prev):
		return f.move(ctx, -1)
	}
	s := f.cur()
	if s.kind == slotActText || s.kind == slotActDue {
		switch {
		case key.Matches(msg, k.Owner):
			a := f.act(s.row)
			a.Owner = a.Owner.Next(1)
			if s.row < len(f.actions) {
				f.changed[a.ID] = true
				return f.change(ctx)
			}
			return nil
		case key.Matches(msg, k.DropAction) && s.row < len(f.actions):
			ctx.Notice("Removed from this record: “" + f.actions[s.row].Text + "”. It was only in your prep; the record keeps what you agree.")
			f.changed[f.actions[s.row].ID] = true
			f.actions = append(f.actions[:s.row:s.row], f.actions[s.row+1:]...)
			delete(f.raw, s.row)
			f.rebuild()
			return tea.Batch(f.load(), f.change(ctx))
		case key.Matches(msg, k.EditActions) && msg.Text == "":
			step := 2
			if msg.Code == tea.KeyUp {
				step = -2
			}
			if to := f.focus + step; to >= 1 && to < len(f.slots)-1 {
				f.store(ctx)
				f.focus = to
				return tea.Batch(f.load(), f.change(ctx))
			}
			return nil
		case key.Matches(msg, k.AddAction):
			if s.row == len(f.actions) {
				return f.addAction(ctx)
			}
			return f.move(ctx, 1)
		}
	}
	if s.kind == slotNext && key.Matches(msg, form.Submit) {
		return f.move(ctx, 1)
	}
	return f.edit(ctx, msg)
}

// addAction adds the new action, if it has words, with its owner and date.
func (f *recordForm) addAction(ctx *Context) tea.Cmd {
	f.store(ctx)
	if !f.commitNew(ctx) {
		return nil
	}
	f.rebuild()
	f.focus = len(f.slots) - 3 // the next new action's words
	return tea.Batch(f.load(), f.change(ctx))
}

// commitNew makes the action being added one of the record's, if it has
// words, so leaving the form never drops an action typed but not added.
func (f *recordForm) commitNew(ctx *Context) bool {
	a := f.newAct
	if strings.TrimSpace(a.Text) == "" {
		return false
	}
	a.ID, a.Created, a.Text = coach.NewID(ctx.Now()), ctx.Now(), strings.TrimSpace(a.Text)
	f.actions = append(f.actions, a)
	f.changed[a.ID] = true
	f.newAct = coach.Action{Owner: a.Owner, Status: coach.ActionOpen}
	if raw, ok := f.raw[len(f.actions)-1]; ok {
		f.raw[len(f.actions)] = raw
		delete(f.raw, len(f.actions)-1)
	}
	return true
}

// move shifts the focus, keeping what was typed; it stops at either end.
func (f *recordForm) move(ctx *Context, delta int) tea.Cmd {
	changed := f.store(ctx)
	f.focus = max(0, min(len(f.slots)-1, f.focus+delta))
	cmd := f.load()
	if changed {
		return tea.Batch(cmd, f.change(ctx))
	}
	return cmd
}

// edit passes a key or paste to the focused editor.
func (f *recordForm) edit(ctx *Context, msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if f.cur().kind == slotDiscussed {
		before := f.discussed.Value()
		f.discussed, cmd = f.discussed.Update(msg)
		if f.discussed.Value() != before {
			return tea.Batch(cmd, f.change(ctx))
		}
		return cmd
	}
	before := f.line.Value()
	f.line, cmd = f.line.Update(msg)
	if f.line.Value() != before && f.store(ctx) {
		return tea.Batch(cmd, f.change(ctx))
	}
	return cmd
}

// Unsaved, Keep and KeepErr let attend quit only once the record is written.
func (f *recordForm) Unsaved() bool { return f.dirty || f.writing }
func (f *recordForm) Keep(ctx *Context) tea.Cmd {
	if f.blocked() || f.writing {
		return nil
	}
	f.store(ctx)
	f.commitNew(ctx)
	return f.write(ctx, "")
}
func (f *recordForm) KeepErr() error {
	switch {
	case f.changedElsewhere:
		return coach.ErrRecordChanged
	case f.agreedMeanwhile:
		return coach.ErrRecordAgreed
	}
	return f.err
}

func (f *recordForm) Typing() bool { return true }

func (f *recordForm) Title(ctx *Context) Title {
	return Title{Label: "after the meeting with", Person: f.person.Name, State: ctx.Styles.Faint.Render(f.session.Date.Human())}
}

func (f *recordForm) Resize(ctx *Context, height int) {
	f.width = readWidth(ctx)
	f.discussed.SetWidth(max(20, readWidth(ctx)-4))
	rows := 2*len(f.actions) + 12
	f.discussed.SetHeight(max(1, min(10, height-rows)))
	showCursor(&f.discussed)
	if f.cur().kind == slotActText {
		f.line.SetWidth(max(10, f.width-8))
	}
}

func (f *recordForm) Keys(ctx *Context) bindings {
	k, form := ctx.Keys.Record, ctx.Keys.Form
	switch {
	case f.changedElsewhere || f.agreedMeanwhile:
		return bindings{context: []key.Binding{k.KeepBoth, k.Discard}, full: [][]key.Binding{{k.KeepBoth, k.Discard}}}
	}
	ctxKeys := []key.Binding{form.Next, form.Prev}
	if s := f.cur(); s.kind == slotActText || s.kind == slotActDue {
		ctxKeys = append(ctxKeys, k.Owner, k.EditActions)
		if s.row == len(f.actions) {
			ctxKeys = append(ctxKeys, k.AddAction)
		} else {
			ctxKeys = append(ctxKeys, k.DropAction)
		}
	}
	return bindings{context: ctxKeys, short: []key.Binding{k.Done}, full: [][]key.Binding{ctxKeys, {k.Done}}}
}
