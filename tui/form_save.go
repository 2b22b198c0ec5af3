package tui

// Writing what a form holds: the prep's draft as it is typed, the record
// and the reflection of a saved session, and what saving would not keep
// exactly as typed.

import (
	"errors"
	"slices"
	"sort"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"attend/coach"
)

// changed records an edit and schedules an autosave if none is pending.
func (m *partForm) changed(ctx *Context) tea.Cmd {
	m.rev++
	m.session.Left = false // being written here again
	m.session.Updated = ctx.Now()
	if m.tickPending {
		return nil
	}
	m.tickPending = true
	return autosaveTick(ctx.AutosaveDelay)
}

// claim writes a restored draft back at once as this window's, so that a
// second window opening the same prep while this one is open is told so
// as it opens (before, nothing was written until the first key, and a
// draft left by a closed window looked free to both).
func (m *partForm) claim(ctx *Context) tea.Cmd {
	if m.part != coach.PartPrep || m.held || m.savedAt.IsZero() {
		return nil // not a restored draft, or another window holds it
	}
	m.rev++
	m.session.Updated = ctx.Now()
	return m.flush(ctx)
}

// dirty reports whether there are changes not yet on disk.
func (m *partForm) dirty() bool { return m.rev > m.savedRev }

// autosave starts a draft write if one is due and none is running.
func (m *partForm) autosave(ctx *Context) tea.Cmd {
	m.tickPending = false
	if !m.dirty() || m.saving || m.elsewhere || m.agreed {
		return nil
	}
	return m.flush(ctx)
}

// flush writes the draft now (unless a write is already running; its result
// will schedule the next one).
func (m *partForm) flush(ctx *Context) tea.Cmd {
	if m.saving {
		return nil
	}
	if m.nothingToWrite() {
		m.savedRev = m.rev // only where the focus rests changed: no draft
		return nil
	}
	m.saving = true
	if m.part != coach.PartPrep {
		s := m.finished()
		return savePart(ctx.Store, s.ID, m.before, m.part, s.Answers(m.part), s.Actions, m.rev, ctx.Now)
	}
	return saveDraft(ctx.Store, m.session.Clone(), m.rev, ctx.Now)
}

// nothingToWrite reports a prep with no words in it that has no draft on
// disk either: writing it would only leave an empty draft, shown on home
// as "✎ draft" though nothing was written (ctrl+s, esc, esc did, in the
// trial). A draft once written is still written, emptied or not.
func (m *partForm) nothingToWrite() bool {
	return m.part == coach.PartPrep && m.savedAt.IsZero() && m.session.Empty() && len(m.raw) == 0 && len(m.typed) == 0
}

// partSaved takes the result of writing a saved session's record or
// reflection.
func (m *partForm) partSaved(ctx *Context, msg partSavedMsg) tea.Cmd {
	m.saving = false
	m.recovered(ctx, m.saveErr, msg.err)
	m.saveErr = msg.err
	switch {
	case errors.Is(msg.err, coach.ErrRecordChanged):
		m.elsewhere = true // another window wrote it: stop, and say so
		m.exit = exitNone  // stay: ctrl+s keeps both, esc leaves without
		return nil
	case errors.Is(msg.err, coach.ErrRecordAgreed):
		m.agreed = true
		m.exit = exitNone
		return nil
	case msg.err == nil:
		m.savedRev = max(m.savedRev, msg.rev)
		m.savedAt, m.before = msg.at, msg.session.Clone()
	}
	if m.exit.writing() {
		// esc waits for the write: back to the session once it is on disk,
		// or stay and say why not (it went back first, and a failed write
		// lost the words unseen).
		typed := m.flushTyping(ctx)
		switch {
		case msg.err != nil:
			return tea.Batch(typed, m.leaveFailed(ctx, msg.err))
		case m.dirty():
			return tea.Batch(typed, m.flush(ctx))
		}
		return tea.Batch(typed, m.back(ctx, ""))
	}
	return m.again(ctx, msg.err)
}

// draftSaved takes an autosave's result.
func (m *partForm) draftSaved(ctx *Context, msg draftSavedMsg) tea.Cmd {
	m.saving = false
	m.recovered(ctx, m.saveErr, msg.err)
	m.saveErr = msg.err
	if msg.err == nil {
		m.savedRev = max(m.savedRev, msg.rev)
		m.savedAt = msg.at
		m.kept = msg.written
	}
	if errors.Is(msg.err, coach.ErrDraftElsewhere) {
		m.elsewhere = true
	}
	if m.exit.writing() {
		typed := m.flushTyping(ctx) // typed while it was written
		switch {
		case msg.err != nil:
			return tea.Batch(typed, m.leaveFailed(ctx, msg.err))
		case m.dirty():
			m.markLeft()
			return tea.Batch(typed, m.flush(ctx)) // changed meanwhile: write again
		}
		return m.goHome(ctx, "")
	}
	if m.elsewhere {
		return nil // retrying would only fail again
	}
	return m.again(ctx, msg.err)
}

// recovered takes back esc's warning that the words are not saved once a
// later write lands: on a disk that was full, the header said "✓ draft
// saved" while the warning above the keys still said the words were not
// (the trial). The warning goes, and esc leaves as it always does. The
// warning is still on screen only while esc is armed: any other key
// clears both.
func (m *partForm) recovered(ctx *Context, was, now error) {
	if was == nil || now != nil || m.exit != exitWarned {
		return
	}
	m.exit = exitNone
	ctx.Notice("")
}

// retryDelay is how long after a failed write the form tries again on its
// own (a key typed meanwhile does not hurry it).
const retryDelay = 5 * time.Second

// again schedules the next write if changes are left. After a failure it
// waits retryDelay rather than the autosave's moment: a read-only file or a
// full disk fails at once, and retrying every half second only spun.
func (m *partForm) again(ctx *Context, err error) tea.Cmd {
	if !m.dirty() || m.tickPending {
		return nil
	}
	m.tickPending = true
	if err != nil {
		return autosaveTick(max(ctx.AutosaveDelay, retryDelay))
	}
	return autosaveTick(ctx.AutosaveDelay)
}

// warnings lists what saving would not keep exactly as typed, for the review.
func (m *partForm) warnings() []string {
	var out []string
	blank := 0
	for i, a := range m.session.Actions {
		if strings.TrimSpace(a.Text) == "" {
			blank++
			continue
		}
		if raw, ok := m.raw[a.ID]; ok && strings.TrimSpace(raw) != "" {
			out = append(out, m.words.T("form.unread", "N", i+1, "Due", strings.TrimSpace(raw), "Kept", m.keptWords(a.Text, raw)))
		}
	}
	if blank > 0 {
		out = append(out, m.words.T("form.blank", "Count", blank))
	}
	// A date typed that cannot be read (the next session "31/2") is kept
	// as words and sets no date: say so, rather than let it pass.
	var dates []string
	for id, raw := range m.raw {
		if it, _, ok := m.guide.Item(id); ok && it.Kind == coach.KindDate && strings.TrimSpace(raw) != "" {
			dates = append(dates, m.words.T("form.notadate", "Prompt", it.Prompt, "Typed", strings.TrimSpace(raw)))
		}
	}
	sort.Strings(dates)
	return append(out, dates...)
}

// finished is the session to save: a copy in which an unreadable due date is
// kept in its action's words, so nothing typed is dropped on the way.
func (m *partForm) finished() coach.Session {
	s := m.session.Clone()
	if m.elsewhere && m.part == coach.PartPrep {
		// The other window keeps this prep; what is here becomes its own
		// session rather than overwriting that one.
		s.ID, s.Writer, s.Base = coach.NewID(time.Now()), "", time.Time{}
	}
	for i, a := range s.Actions {
		if raw, ok := m.raw[a.ID]; ok && strings.TrimSpace(raw) != "" && strings.TrimSpace(a.Text) != "" {
			s.Actions[i].Text = m.keptWords(a.Text, raw)
		}
	}
	return s
}

// keptWords is an action's text with a due date attend cannot read kept in
// it, so nothing typed is dropped on the way to the record.
func (m *partForm) keptWords(text, rawDue string) string {
	return m.words.T("form.kept", "Text", strings.TrimSpace(text), "Due", strings.TrimSpace(rawDue))
}

// markLeft records on the draft that this window has left it, so that the
// next window to open it carries on at once rather than asking whether
// this one is still open. It reports whether there is a draft to mark.
func (m *partForm) markLeft() bool {
	if m.session.Left || (!m.dirty() && m.savedAt.IsZero()) {
		return false // already marked, or nothing was ever written
	}
	m.session.Left = true
	m.rev++
	return true
}

// unkept reports whether this window holds words not written anywhere:
// answers or actions changed since the prep was last written here (or
// opened), or a date typed that could not be read. Where the focus rests
// does not count.
func (m *partForm) unkept() bool {
	if len(m.typed) > 0 || len(m.raw) > 0 {
		return true
	}
	a, b := m.kept.Answers(coach.PartPrep), m.session.Answers(coach.PartPrep)
	for id, x := range a {
		if y := b[id]; x != y && !(x.Empty() && y.Empty()) {
			return true
		}
	}
	for id, y := range b {
		if x := a[id]; x != y && !(x.Empty() && y.Empty()) {
			return true
		}
	}
	return !slices.Equal(m.kept.LiveActions(), m.session.LiveActions())
}
