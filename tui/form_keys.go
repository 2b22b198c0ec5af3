package tui

import (
	"errors"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"attend/coach"
)

// openPrepScreen shows a prep once its person and draft are read. Open
// actions from earlier sessions are read too: if there are any, "Last time
// you agreed…" comes first (see followUp).
func openPrepScreen(ctx *Context, msg prepReadyMsg) tea.Cmd {
	p := newPrep(ctx, msg.person, msg.draft, msg.created, msg.full)
	ctx.Push(p)
	claim := p.claim(ctx)
	if msg.created || msg.person.LastSession.IsZero() {
		return claim // someone new has no last time
	}
	return tea.Batch(claim, loadLastTime(ctx.Store, ctx.Guide, msg.person, ctx.Today()))
}

// Update handles a message for the prep screen.
func (m *partForm) Update(ctx *Context, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case flushTypingMsg:
		if msg.sessionID != m.session.ID {
			return nil
		}
		return m.flushTyping(ctx)
	case autosaveTickMsg:
		return tea.Batch(m.flushTyping(ctx), m.autosave(ctx))
	case draftSavedMsg:
		if msg.sessionID != m.session.ID || m.part != coach.PartPrep {
			return nil // an earlier prep's write, finished after it was left
		}
		return m.draftSaved(ctx, msg)
	case partSavedMsg:
		if msg.sessionID != m.session.ID || m.part == coach.PartPrep {
			return nil
		}
		return m.partSaved(ctx, msg)
	case lastTimeMsg:
		// Last time comes first, only if the prep has not begun meanwhile.
		if m.part == coach.PartPrep && msg.personID == m.person.ID && msg.err == nil && !msg.lt.Last.IsZero() && (m.rev == 0 || m.askedLast) && !m.follow {
			m.askedLast = false
			m.follow = true
			ctx.Push(newLastTime(ctx, m, msg.lt))
		}
	case editorReadyMsg:
		if msg.sessionID != m.session.ID {
			return nil
		}
		if errors.Is(msg.err, errNoEditor) {
			m.notice = ctx.T("editor.none")
			return nil
		}
		if msg.err != nil {
			m.notice = ctx.T("editor.cannot", "Err", coach.ErrorText(ctx.Msg, msg.err))
			return nil
		}
		if l, ok := ctx.Store.(Locker); ok && l.Encrypted() && !ctx.editorWarned {
			ctx.editorWarned = true
			ctx.Notice(ctx.T("editor.copy"))
		}
		return runEditor(msg)
	case editorMsg:
		if msg.sessionID != m.session.ID {
			return nil
		}
		return m.edited(ctx, msg)
	case tea.PasteMsg:
		return m.paste(ctx, msg)
	case tea.KeyPressMsg:
		if !key.Matches(msg, ctx.Keys.Prep.Leave) && m.exit == exitWarned {
			m.exit = exitNone // any other key stays, and esc warns again
		}
		if ok, cmd := m.gather(ctx, msg); ok {
			return cmd
		}
		// Any other key acts on what has been typed so far, so insert it first.
		flushed := m.flushTyping(ctx)
		return tea.Batch(flushed, m.key(ctx, msg))
	}
	return nil
}

func (m *partForm) key(ctx *Context, msg tea.KeyPressMsg) tea.Cmd {
	k := ctx.Keys.Prep
	m.notice = ""
	if m.exit.writing() {
		return nil // the draft is being written on the way home
	}
	switch {
	case m.held && key.Matches(msg, k.TakeOver):
		m.held, m.elsewhere = false, false
		m.notice = ctx.T("form.takenover")
		return m.changed(ctx)
	case m.part != coach.PartPrep && (m.elsewhere || m.agreed) && key.Matches(msg, ctx.Keys.Record.KeepBoth):
		m.store(ctx)
		ctx.Pop()
		s := m.finished()
		return keepMine(ctx.Store, ctx.Guide, s.ID, m.part, m.before.Answers(m.part), s.Answers(m.part))
	case m.part != coach.PartPrep && key.Matches(msg, k.Done):
		m.store(ctx)
		return m.leave(ctx)
	case m.part == coach.PartPrep && key.Matches(msg, k.LastTime) && !m.person.LastSession.IsZero():
		m.store(ctx)
		m.follow, m.askedLast = false, true
		return tea.Batch(m.changed(ctx), loadLastTime(ctx.Store, ctx.Guide, m.person, ctx.Today()))
	case m.part == coach.PartPrep && key.Matches(msg, k.Full):
		return m.setFull(ctx, !m.full)
	case key.Matches(msg, k.More) && m.hasMore():
		return m.showMore(ctx)
	case key.Matches(msg, k.Next):
		m.store(ctx)
		if !m.move(ctx, 1) {
			return m.pastEnd(ctx)
		}
		return m.changed(ctx)
	case key.Matches(msg, k.Prev):
		m.store(ctx)
		m.move(ctx, -1)
		return m.changed(ctx)
	case key.Matches(msg, k.Review):
		m.store(ctx)
		return m.review(ctx)
	case key.Matches(msg, k.Leave):
		m.store(ctx)
		return m.leave(ctx)
	case key.Matches(msg, k.Editor) && (m.kind(m.cur()) == kindText || m.kind(m.cur()) == kindNote):
		m.store(ctx)
		return openEditor(m.session.ID, m.item(m.cur()).ID, m.ta.Value())
	}

	kind := m.kind(m.cur())
	inActions := m.item(m.cur()).Kind == coach.KindActions
	switch {
	case inActions && key.Matches(msg, k.AddAction):
		return m.addAction(ctx)
	case inActions && kind != kindActAdd && key.Matches(msg, k.RemoveAction):
		return m.removeAction(ctx)
	case inActions && kind != kindActAdd && key.Matches(msg, k.MoveRow):
		return m.moveRow(ctx, msg)
	}

	switch kind {
	case kindMore:
		if key.Matches(msg, k.OpenMore) {
			return m.showMore(ctx)
		}
		if msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt) == 0 {
			// Typing here, as if into an answer: open the stage's other
			// prompts and type into the first (it was thrown away).
			return tea.Batch(m.showMore(ctx), m.Update(ctx, msg))
		}
		return nil
	case kindScore:
		if m.part == coach.PartRecord && key.Matches(msg, k.Together) {
			it := m.item(m.cur())
			a := m.session.Answer(it.ID)
			a.Together = !a.Together
			m.session.SetAnswer(it.ID, a)
			return m.changed(ctx)
		}
		return m.scoreKey(ctx, msg)
	case kindActOwner:
		switch {
		case key.Matches(msg, k.Owner):
			step := 1
			if msg.Code == tea.KeyLeft {
				step = -1
			}
			a := &m.session.Actions[m.cur().field/actionCols]
			a.Owner = a.Owner.Next(step)
			return m.changed(ctx)
		case key.Matches(msg, k.NextField):
			m.move(ctx, 1)
			return m.changed(ctx)
		}
		return nil
	case kindActAdd:
		if key.Matches(msg, k.NewAction) {
			return m.addAction(ctx)
		}
		if msg.Text != "" && msg.Mod&^tea.ModShift == 0 {
			// Typing on the "add" row starts a new action with that text.
			cmd := m.addAction(ctx)
			m.ti.SetValue(msg.Text)
			m.store(ctx)
			return cmd
		}
		return nil
	case kindActText, kindActDue, kindDate:
		if key.Matches(msg, k.NextField) {
			m.store(ctx)
			if !m.move(ctx, 1) {
				return m.pastEnd(ctx)
			}
			return m.changed(ctx)
		}
	}
	return m.forward(ctx, msg)
}

// edited takes an answer back from the editor.
func (m *partForm) edited(ctx *Context, msg editorMsg) tea.Cmd {
	if msg.err != nil {
		m.notice = ctx.T("editor.failed", "Err", coach.ErrorText(ctx.Msg, msg.err))
		return nil
	}
	a := m.session.Answer(msg.itemID)
	if msg.cut {
		m.notice = ctx.T("form.limit", "Count", coach.MaxAnswerLen)
	}
	if a.Text == msg.text {
		return nil
	}
	a.Text = msg.text
	m.session.SetAnswer(msg.itemID, a)
	if m.item(m.cur()).ID == msg.itemID && (m.kind(m.cur()) == kindText || m.kind(m.cur()) == kindNote) {
		m.ta.SetValue(msg.text)
		showCursor(&m.ta)
	}
	if !msg.cut {
		m.notice = ctx.T("editor.done")
	}
	return m.changed(ctx)
}

// moveRow goes to the same column of the action above or below.
func (m *partForm) moveRow(ctx *Context, msg tea.KeyPressMsg) tea.Cmd {
	step := actionCols
	if key.Matches(msg, ctx.Keys.List.Up) {
		step = -actionCols
	}
	m.store(ctx)
	s := m.cur()
	if to := s.field + step; to >= 0 && to < len(m.session.Actions)*actionCols {
		m.focus = m.indexOf(slot{s.stage, s.item, to})
		m.load(ctx)
		return m.changed(ctx)
	}
	return nil
}

// scoreKey sets a rating from a digit, or nudges it with the arrows.
func (m *partForm) scoreKey(ctx *Context, msg tea.KeyPressMsg) tea.Cmd {
	k := ctx.Keys.Prep
	it := m.item(m.cur())
	a := m.session.Answer(it.ID)
	switch {
	case key.Matches(msg, k.Rate):
		if a.Rating == 0 && m.part == coach.PartRecord {
			a.Together = true // rated in the meeting: together, until ctrl+t says otherwise
		}
		a.Rating = int(msg.Code - '0')
	case key.Matches(msg, k.RateClear):
		a.Rating = 0
	// Only arrows and +/- nudge a rating: a letter starts a word for the note.
	case key.Matches(msg, k.RateNudge):
		if msg.Code == tea.KeyLeft || msg.Text == "-" {
			a.Rating = max(1, a.Rating-1)
		} else {
			a.Rating = min(coach.MaxRating, a.Rating+1)
		}
	case key.Matches(msg, k.NextField):
		m.move(ctx, 1)
		return m.changed(ctx)
	case msg.Text >= "6" && msg.Text <= "9" && len(msg.Text) == 1:
		m.notice = ctx.T("rating.range")
		return nil
	case msg.Text != "" && msg.Mod&^tea.ModShift == 0:
		// Words typed on a rating belong in its note: go there and keep them.
		m.move(ctx, 1)
		_, cmd := m.gather(ctx, msg)
		return tea.Batch(cmd, m.changed(ctx))
	default:
		return nil
	}
	m.session.SetAnswer(it.ID, a)
	return m.changed(ctx)
}

// review opens the review of every answer, on top of the prep. The record
// and the reflection have no review: they are saved as they are typed, so
// moving on from the last prompt is done.
// pastEnd is tab on the last field. A prep goes on to its review. The
// record and the reflection stay where they are and say how to finish:
// leaving for the saved session there (as they did) turned the next words
// typed into its keys ("pythefnos" showed the private notes and opened the
// reflection, in the trial).
func (m *partForm) pastEnd(ctx *Context) tea.Cmd {
	if m.part == coach.PartPrep {
		return m.review(ctx)
	}
	k := ctx.Keys.Prep
	ctx.Notice(ctx.T("form.lastfield", "Leave", k.Leave.Help().Key, "Done", k.Review.Help().Key))
	return nil
}

func (m *partForm) review(ctx *Context) tea.Cmd {
	if m.part != coach.PartPrep {
		return m.leave(ctx)
	}
	ctx.Push(newReview(ctx, m))
	return m.changed(ctx) // the position is part of the draft
}

func (m *partForm) Typing() bool { return m.typing() }

func (m *partForm) Title(ctx *Context) Title {
	label := ctx.T("title." + string(m.part))
	return Title{Label: label, Person: m.person.Name, State: m.saveState(ctx), Short: m.shortState(ctx)}
}

func (m *partForm) Resize(ctx *Context, height int) { m.layout(ctx, height) }

func (m *partForm) restyle(s Styles) { m.applyStyles(s) }

// saveState says whether the draft is on disk, in words.
func (m *partForm) saveState(ctx *Context) string {
	s := ctx.Styles
	switch {
	case m.agreed:
		return s.Error.Render("! " + ctx.T("state.agreed"))
	case m.elsewhere:
		return s.Error.Render("! " + ctx.T("state.elsewhere"))
	case m.saveErr != nil:
		// Why, when it can be said in a few words (the header drops to the
		// short state when there is no room).
		if why := coach.OSReason(ctx.Msg, m.saveErr); why != "" {
			return s.Error.Render("! " + ctx.T("state.notsaved.why", "Why", why))
		}
		return s.Error.Render("! " + ctx.T("state.notsaved"))
	case m.saving:
		return s.Faint.Render(ctx.T("state.saving"))
	case m.dirty() && m.savedAt.IsZero():
		return s.Faint.Render(ctx.T("state.notyet"))
	case m.savedAt.IsZero():
		return s.Faint.Render(ctx.T("state.nothing"))
	}
	if m.part != coach.PartPrep {
		return s.Faint.Render("✓ " + ctx.T("state.saved", "Time", m.savedAt.Local().Format("15:04:05")))
	}
	return s.Faint.Render("✓ " + ctx.T("state.draftsaved", "Time", m.savedAt.Local().Format("15:04:05")))
}

// shortState is saveState for a narrow window.
func (m *partForm) shortState(ctx *Context) string {
	s := ctx.Styles
	switch {
	case m.elsewhere:
		return s.Error.Render("! " + ctx.T("state.notsavedhere"))
	case m.saveErr != nil:
		return s.Error.Render("! " + ctx.T("state.notsaved"))
	case m.saving:
		return s.Faint.Render(ctx.T("state.saving"))
	case m.savedAt.IsZero():
		return s.Faint.Render(ctx.T("state.notsaved"))
	}
	return s.Faint.Render("✓ " + ctx.T("state.saved", "Time", m.savedAt.Local().Format("15:04")))
}

// Keys are the prep's keys for the slot in focus.
func (m *partForm) Keys(ctx *Context) bindings {
	k := ctx.Keys.Prep
	if m.part != coach.PartPrep && (m.elsewhere || m.agreed) {
		without := ctx.Keys.Form.Cancel
		without.SetHelp("esc", ctx.T("key.without"))
		keep := ctx.Keys.Record.KeepBoth
		return bindings{context: []key.Binding{keep, without}, full: [][]key.Binding{{keep, without}}}
	}
	nav := []key.Binding{k.Next, k.Prev, k.Review, k.Leave}
	if m.part != coach.PartPrep {
		nav = []key.Binding{k.Next, k.Prev, k.Done}
	}
	if m.held {
		nav = append([]key.Binding{k.TakeOver}, nav...)
	}
	// "more" and "every prompt" are in the full help (and the "more" row
	// on screen names its keys), so the short bar fits a small window.
	navFull := nav
	if m.hasMore() {
		navFull = append(navFull, k.More)
	}
	if m.part == coach.PartPrep && !m.person.LastSession.IsZero() {
		navFull = append(navFull, k.LastTime)
	}
	if m.part == coach.PartPrep {
		full := k.Full
		if m.full {
			full.SetHelp("ctrl+f", ctx.T("key.quickprep"))
		} else {
			full.SetHelp("ctrl+f", ctx.T("key.everyprompt"))
		}
		navFull = append(navFull, full)
	}
	editing := []key.Binding{k.LineEdges, k.WordMove, k.DeleteWord, k.DeleteLine}
	switch m.kind(m.cur()) {
	case kindMore:
		return bindings{context: []key.Binding{k.OpenMore}, short: nav, full: [][]key.Binding{{k.OpenMore, k.More}, navFull}}
	case kindScore:
		rate := []key.Binding{k.Rate, k.RateNudge}
		if m.part == coach.PartRecord {
			rate = append(rate, k.Together)
		}
		return bindings{context: rate, short: nav, full: [][]key.Binding{append(rate, k.RateClear, k.NextField), navFull}}
	case kindNote:
		return bindings{context: []key.Binding{k.Newline, k.Editor}, short: nav, full: [][]key.Binding{append([]key.Binding{k.Newline, k.Editor}, editing...), navFull}}
	case kindActOwner:
		ctxKeys := []key.Binding{k.Owner, k.MoveRow, k.AddAction, k.RemoveAction}
		return bindings{context: ctxKeys, short: nav, full: [][]key.Binding{append(ctxKeys, k.NextField), navFull}}
	case kindActText, kindActDue:
		ctxKeys := []key.Binding{k.NextField, k.MoveRow, k.AddAction, k.RemoveAction}
		return bindings{context: ctxKeys, short: nav, full: [][]key.Binding{ctxKeys, navFull, editing}}
	case kindActAdd:
		return bindings{context: []key.Binding{k.NewAction}, short: nav, full: [][]key.Binding{{k.NewAction, k.AddAction}, navFull}}
	case kindDate:
		return bindings{context: []key.Binding{k.NextField}, short: nav, full: [][]key.Binding{{k.NextField}, navFull, editing}}
	}
	return bindings{context: []key.Binding{k.Newline, k.Editor}, short: nav, full: [][]key.Binding{append([]key.Binding{k.Newline, k.Editor}, editing...), navFull}}
}

// forward passes a message to the live editor and keeps any change.
func (m *partForm) forward(ctx *Context, msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch m.kind(m.cur()) {
	case kindText, kindNote:
		before := m.ta.Value()
		m.ta, cmd = m.ta.Update(msg)
		if m.ta.Value() != before {
			m.store(ctx)
			return tea.Batch(cmd, m.changed(ctx))
		}
	case kindActText, kindActDue, kindDate:
		before := m.ti.Value()
		m.ti, cmd = m.ti.Update(msg)
		if m.ti.Value() != before {
			m.store(ctx)
			return tea.Batch(cmd, m.changed(ctx))
		}
		if typedIntoFull(msg, before, m.ti.CharLimit) {
			m.notice = ctx.T("form.limit", "Count", m.ti.CharLimit)
		}
	}
	return cmd
}

// paste inserts pasted text, saying so if it had to be shortened.
func (m *partForm) paste(ctx *Context, msg tea.PasteMsg) tea.Cmd {
	if !m.typing() {
		return nil
	}
	// Line breaks kept, whole escape sequences dropped (not only their ESC).
	msg.Content = cleanTyped(msg.Content)
	var room int
	switch m.kind(m.cur()) {
	case kindText, kindNote:
		room = m.ta.CharLimit - utf8.RuneCountInString(m.ta.Value())
	default:
		room = m.ti.CharLimit - utf8.RuneCountInString(m.ti.Value())
		// a line input takes one line; fold a multi-line paste into it
		msg.Content = strings.Join(strings.Fields(msg.Content), " ")
	}
	if n := utf8.RuneCountInString(msg.Content); n > room {
		m.notice = ctx.T("form.paste", "Count", max(room, 0))
		msg.Content = string([]rune(msg.Content)[:max(room, 0)])
	}
	return m.forward(ctx, msg)
}

// hasMore reports whether the current stage has prompts not shown yet.
func (m *partForm) hasMore() bool {
	si := m.stage()
	for _, s := range m.slots {
		if s.stage == si && s.item < 0 {
			return true
		}
	}
	return false
}

// HelpNote says why the prompt in focus is asked: where it comes from.
func (m *partForm) HelpNote(ctx *Context) string {
	if src := coach.SourceTextIn(m.item(m.cur()).Source, ctx.Msg); src != "" {
		return ctx.T("form.why", "Source", src)
	}
	return ""
}
