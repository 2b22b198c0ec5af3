package tui

// Leaving a form (esc) and quitting with it open. A form leaves only once
// what was typed is on disk: leaving first and writing after said "Draft
// kept" even when the write then failed (a read-only file, a full disk),
// and the words went with the screen. If the write fails, the form stays
// and says why; esc again tries once more and then leaves without them.

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"attend/coach"
)

// exitState is where esc has got to.
type exitState int

const (
	exitNone          exitState = iota
	exitWarned                  // the write failed and the manager was told: esc again leaves anyway
	exitWriting                 // esc was pressed: the draft is being written, then home
	exitWritingAnyway           // esc again after the warning: written if it can be, then home regardless
)

// writing reports whether the form is on its way out, waiting for a write.
func (e exitState) writing() bool { return e == exitWriting || e == exitWritingAnyway }

// write is the state esc moves to: after a warning, the last try.
func (e exitState) write() exitState {
	if e == exitWarned {
		return exitWritingAnyway
	}
	return exitWriting
}

// leave goes home, writing the draft first so the home list shows it. The
// record and the reflection go back to the session, written first.
func (m *partForm) leave(ctx *Context) tea.Cmd {
	if m.part != coach.PartPrep {
		if m.dirty() && !m.elsewhere && !m.agreed {
			m.exit = m.exit.write() // back once it is written
			return m.flush(ctx)
		}
		return m.back(ctx, "")
	}
	if m.elsewhere {
		// Nothing is written here: leave only what is written elsewhere,
		// or say what would be lost, and how to keep it, first.
		switch {
		case !m.unkept():
			return m.goHome(ctx, "")
		case m.exit == exitWarned:
			return m.goHome(ctx, m.leftUnsaved(ctx))
		}
		m.exit = exitWarned
		ctx.Problem(m.elsewhereLeave(ctx))
		return nil
	}
	if m.nothingToWrite() {
		m.savedRev = m.rev
		return m.goHome(ctx, "")
	}
	if m.markLeft(); !m.dirty() {
		return m.goHome(ctx, "")
	}
	m.exit = m.exit.write() // home once it is written (see the top)
	return m.flush(ctx)     // if a write is running, its result writes again
}

// back leaves the record or the reflection for the session, saying text,
// or else what saving did not keep exactly as typed.
func (m *partForm) back(ctx *Context, text string) tea.Cmd {
	m.exit = exitNone
	ctx.Pop()
	if w := m.warnings(); text == "" && len(w) > 0 {
		text = strings.Join(w, " ")
	}
	if text != "" {
		ctx.Notice(text)
	}
	return nil
}

// goHome leaves the prep for home, saying what became of it: text if
// given, otherwise that the draft is kept (or that nothing was written).
func (m *partForm) goHome(ctx *Context, text string) tea.Cmd {
	m.exit = exitNone
	switch {
	case text != "":
	case m.session.Empty():
		text = ctx.T("form.nothing", "Name", m.person.Name)
	default:
		text = ctx.T("form.kept.draft", "Name", m.person.Name)
	}
	ctx.Notice(text)
	ctx.Home()
	return loadPeople(ctx.Store)
}

// leaveFailed stays on the prep when its draft could not be written on the
// way out, and says why and what to do, as ctrl+c does: a second esc
// tries once more, and leaves without the words if that fails too.
func (m *partForm) leaveFailed(ctx *Context, err error) tea.Cmd {
	if m.exit == exitWritingAnyway {
		// esc again after the warning: leave, and say plainly what was not kept.
		if m.part != coach.PartPrep {
			return m.back(ctx, ctx.T("form.left.unsaved.after"))
		}
		return m.goHome(ctx, m.leftUnsaved(ctx))
	}
	m.exit = exitWarned
	m.session.Left = false // still here, after all
	if m.elsewhere {
		ctx.Problem(m.elsewhereLeave(ctx))
		return nil
	}
	ctx.Problem(errText(ctx, ctx.T("quit.notsaved"), err) + " " + ctx.T("form.leave.again"))
	return nil
}

// leftUnsaved says the prep was left without the words typed: since the
// last save, or, when nothing was ever saved here, all of them (it said
// "since the last save" on a read-only file never once written).
func (m *partForm) leftUnsaved(ctx *Context) string {
	if m.savedAt.IsZero() {
		return ctx.T("form.left.unsaved.all", "Name", m.person.Name)
	}
	return ctx.T("form.left.unsaved", "Name", m.person.Name)
}

// elsewhereLeave warns that leaving would lose what was typed here while
// another window holds the prep, and names the keys that keep it.
func (m *partForm) elsewhereLeave(ctx *Context) string {
	if m.held {
		return ctx.T("form.leave.held")
	}
	return ctx.T("form.leave.elsewhere")
}

// Unsaved, Keep and KeepErr let attend quit only once the draft is written.
func (m *partForm) Unsaved() bool {
	if m.agreed {
		return false // read-only now: there is nowhere to write it
	}
	leftToMark := m.part == coach.PartPrep && !m.session.Left && !m.savedAt.IsZero() && !m.elsewhere
	return m.dirty() || m.saving || len(m.typed) > 0 || leftToMark
}

func (m *partForm) Keep(ctx *Context) tea.Cmd {
	flushed := m.flushTyping(ctx) // nothing typed is left in the buffer
	if m.elsewhere || m.saving {
		return flushed // nothing can be written here, or a write's result will show
	}
	m.saveErr = nil
	if m.part == coach.PartPrep {
		m.markLeft()
	}
	if !m.dirty() {
		return flushed
	}
	return tea.Batch(flushed, m.flush(ctx))
}

func (m *partForm) KeepErr() error {
	switch {
	case m.elsewhere && m.part != coach.PartPrep:
		return coach.ErrRecordChanged
	case m.elsewhere:
		return coach.ErrDraftElsewhere
	}
	return m.saveErr
}
