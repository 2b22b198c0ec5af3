package tui

import (
	"errors"
	"fmt"
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
	// CompleteSessionIf writes what was discussed, agreed actions and the
	// next date, only if the stored record is still expect.
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
func keepBoth(st Store, id, mine string, next coach.Date) tea.Cmd {
	return func() tea.Msg {
		cur, err := st.Session(id)
		if err != nil {
			return recordSavedMsg{err: err}
		}
		both := strings.TrimSpace(cur.Said() + "\n\n" + mine)
		s, err := st.CompleteSessionIf(id, cur.Said(), both, nil, next)
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

// The record form's fields.
const (
	fieldDiscussed = iota
	fieldAction
	fieldNext
	recordFields
)

// recordForm completes a saved session after the meeting: what was
// discussed, actions agreed, and the next date. Like a prep, it is written
// within a second of each change, so nothing typed is lost.
type recordForm struct {
	session coach.Session
	field   int

	discussed textarea.Model
	action    textinput.Model
	owner     coach.Owner
	next      textinput.Model

	added   []coach.Action // agreed here, already written
	dirty   bool
	pending bool // a write is scheduled
	err     error

	// seen is the stored record as this window last wrote or read it; a
	// write only lands if the store still holds it (CompleteSessionIf).
	seen string
	// changedElsewhere: another window wrote the record meanwhile;
	// agreedMeanwhile: it was agreed meanwhile. Either way this window
	// stops writing, says so, and ctrl+s keeps its words another way.
	changedElsewhere bool
	agreedMeanwhile  bool
}

func newRecordForm(ctx *Context, s coach.Session, height int) recordForm {
	f := recordForm{session: s, owner: coach.OwnerMe, seen: s.Said()}
	f.discussed = textarea.New()
	f.discussed.ShowLineNumbers = false
	f.discussed.Prompt = "┃ "
	f.discussed.CharLimit = coach.MaxAnswerLen
	f.discussed.Placeholder = "What you talked about, in words they would recognise."
	f.discussed.SetStyles(ctx.Styles.TextArea)
	f.discussed.SetWidth(max(20, readWidth(ctx)-4))
	f.discussed.SetHeight(max(3, min(10, height-14)))
	f.discussed.SetValue(s.Said())
	f.discussed.Focus()
	f.action = textinput.New()
	f.action.Prompt = ""
	f.action.Placeholder = "an action you agreed; enter adds it"
	f.action.CharLimit = 500
	f.action.SetWidth(max(20, readWidth(ctx)-30))
	f.action.SetStyles(ctx.Styles.Input)
	f.next = textinput.New()
	f.next.Prompt = ""
	f.next.Placeholder = "e.g. +6w or 24/2/2027"
	f.next.SetWidth(dateFieldWidth)
	f.next.SetStyles(ctx.Styles.Input)
	f.next.SetValue(s.NextSession().String())
	return f
}

func (f *recordForm) typing() bool { return true }

func (f *recordForm) focusField(n int) tea.Cmd {
	f.field = (n + recordFields) % recordFields
	f.discussed.Blur()
	f.action.Blur()
	f.next.Blur()
	switch f.field {
	case fieldDiscussed:
		return f.discussed.Focus()
	case fieldAction:
		return f.action.Focus()
	}
	return f.next.Focus()
}

// nextDate is the typed next date, if it can be read.
func (f *recordForm) nextDate(today coach.Date) (coach.Date, bool) {
	d, err := coach.ParseDate(f.next.Value(), today)
	return d, err == nil
}

// write sends the form as it stands; the store replaces the record and the
// date, so writing it again is harmless.
func (f *recordForm) write(ctx *Context, acts []coach.Action, what string) tea.Cmd {
	next, ok := f.nextDate(ctx.Today())
	if !ok {
		next = f.session.NextSession() // keep the old one until the new one reads
	}
	f.dirty = false
	return completeSession(ctx.Store, f.session.ID, f.seen, f.discussed.Value(), acts, next, what)
}

// written takes the store's answer to one of this form's writes.
func (f *recordForm) written(msg recordSavedMsg) {
	switch {
	case msg.err == nil:
		f.seen, f.err = msg.session.Said(), nil
	case errors.Is(msg.err, coach.ErrRecordChanged):
		f.changedElsewhere = true
	case errors.Is(msg.err, coach.ErrRecordAgreed):
		f.agreedMeanwhile = true
	default:
		f.err = msg.err
	}
}

// blocked reports whether this window has stopped writing the record.
func (f *recordForm) blocked() bool { return f.changedElsewhere || f.agreedMeanwhile }

func (f *recordForm) changed(ctx *Context) tea.Cmd {
	f.dirty = true
	if f.pending || f.blocked() {
		return nil
	}
	f.pending = true
	id := f.session.ID
	return tea.Tick(ctx.AutosaveDelay, func(time.Time) tea.Msg { return recordTickMsg{id: id} })
}

type recordResult int

const (
	recordStay recordResult = iota
	recordDone
)

func (f *recordForm) update(ctx *Context, msg tea.Msg) (recordResult, tea.Cmd) {
	if t, ok := msg.(recordTickMsg); ok {
		f.pending = false
		if t.id == f.session.ID && f.dirty && !f.blocked() {
			return recordStay, f.write(ctx, nil, "")
		}
		return recordStay, nil
	}
	km, isKey := msg.(tea.KeyPressMsg)
	if isKey {
		k := ctx.Keys
		switch {
		case f.agreedMeanwhile && key.Matches(km, k.Save):
			return recordDone, addAddendum(ctx.Store, f.session.ID, f.discussed.Value())
		case f.changedElsewhere && key.Matches(km, k.Save):
			next, _ := f.nextDate(ctx.Today())
			return recordDone, keepBoth(ctx.Store, f.session.ID, f.discussed.Value(), next)
		case f.blocked() && key.Matches(km, k.Back):
			return recordDone, nil // the manager chose to leave this window's words
		case key.Matches(km, k.Save), key.Matches(km, k.Back):
			return recordDone, f.write(ctx, nil, "record")
		case key.Matches(km, k.Next):
			return recordStay, f.focusField(f.field + 1)
		case key.Matches(km, k.Prev):
			return recordStay, f.focusField(f.field - 1)
		}
		if f.field == fieldAction {
			switch km.String() {
			case "enter":
				text := strings.TrimSpace(f.action.Value())
				if text == "" {
					return recordStay, nil
				}
				a := coach.Action{ID: coach.NewID(ctx.Now()), Text: text, Owner: f.owner, Status: coach.ActionOpen, Created: ctx.Now()}
				f.added = append(f.added, a)
				f.action.Reset()
				return recordStay, f.write(ctx, []coach.Action{a}, "")
			case "ctrl+o":
				f.owner = f.owner.Next(1)
				return recordStay, nil
			}
		}
	}
	var cmd tea.Cmd
	switch f.field {
	case fieldDiscussed:
		before := f.discussed.Value()
		f.discussed, cmd = f.discussed.Update(msg)
		if f.discussed.Value() != before {
			return recordStay, tea.Batch(cmd, f.changed(ctx))
		}
	case fieldAction:
		f.action, cmd = f.action.Update(msg)
	case fieldNext:
		before := f.next.Value()
		f.next, cmd = f.next.Update(msg)
		if f.next.Value() != before {
			return recordStay, tea.Batch(cmd, f.changed(ctx))
		}
	}
	return recordStay, cmd
}

func (f *recordForm) view(ctx *Context, p coach.Person, height int) string {
	s := ctx.Styles
	w := readWidth(ctx)
	title := spread(s.Title.Render("After the meeting"), s.Faint.Render(f.session.Date.Human()), w)
	out := []string{title, s.Guidance.Width(w).Render("Write what was discussed and agreed, as " + p.Name + " would recognise it. It is saved as you type; once they agree the record, it becomes read-only."), ""}
	label := func(n int, text string) string {
		if f.field == n {
			return s.Title.Render("▸ ") + s.Focused.Render(text)
		}
		return "  " + s.Prompt.Render(text)
	}
	out = append(out, label(fieldDiscussed, "What was discussed"))
	out = append(out, indent(f.discussed.View(), "  ")...)
	out = append(out, "", label(fieldAction, "Actions agreed")+"  "+s.Faint.Render(fmt.Sprintf("owner: %s (ctrl+o changes)", f.owner.Label())))
	for _, a := range append(f.session.LiveActions(), f.added...) {
		out = append(out, "    "+s.Subtle.Render(coach.ActionLine(a)))
	}
	out = append(out, "    + "+f.action.View())
	note := ""
	if d, ok := f.nextDate(ctx.Today()); !ok {
		note = s.Warn.Render("? not a date yet")
	} else if !d.IsZero() {
		note = s.Notice.Render("→ " + d.Human())
	}
	out = append(out, "", label(fieldNext, "Next session")+"  "+f.next.View()+"  "+note)
	switch {
	case f.changedElsewhere:
		out = append(out, "", s.Error.Width(w).Render("Another attend window changed this record, so nothing here is being saved. ctrl+s keeps both: theirs, then what is here below it. esc leaves without what is here."))
	case f.agreedMeanwhile:
		out = append(out, "", s.Error.Width(w).Render("This record was agreed meanwhile, so it is read-only. ctrl+s adds what is here as a dated note; esc leaves without it."))
	case f.err != nil:
		out = append(out, "", s.Error.Width(w).Render(errText("Could not save the record", f.err)))
	}
	return fitHeight(strings.Join(out, "\n"), height)
}
