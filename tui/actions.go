package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"attend/coach"
)

// FollowUps is what the follow-up screens need from the store: every open
// action without reading every session, and a way to close one.
type FollowUps interface {
	OpenActions(personID string) ([]coach.ActionRef, error)
	SetActionStatus(sessionID, actionID string, status coach.ActionStatus, reason string) (coach.Session, error)
	// SetActionOutcome marks an action done, with whether it helped.
	SetActionOutcome(sessionID, actionID string, o coach.Outcome) (coach.Session, error)
}

// actionsMsg carries open actions for everyone ("") or one person.
type actionsMsg struct {
	personID string
	refs     []coach.ActionRef
	err      error
}

func loadActions(st Store, personID string) tea.Cmd {
	return func() tea.Msg {
		refs, err := st.OpenActions(personID)
		return actionsMsg{personID: personID, refs: refs, err: err}
	}
}

// actionClosedMsg reports marking an action done or dropped.
type actionClosedMsg struct {
	ref     coach.ActionRef
	status  coach.ActionStatus
	outcome coach.Outcome
	err     error
}

// markDone marks an action done with whether it helped.
func markDone(st Store, ref coach.ActionRef, o coach.Outcome) tea.Cmd {
	return func() tea.Msg {
		_, err := st.SetActionOutcome(ref.SessionID, ref.Action.ID, o)
		return actionClosedMsg{ref: ref, status: coach.ActionDone, outcome: o, err: err}
	}
}

func closeAction(st Store, ref coach.ActionRef, status coach.ActionStatus, reason string) tea.Cmd {
	return func() tea.Msg {
		_, err := st.SetActionStatus(ref.SessionID, ref.Action.ID, status, reason)
		return actionClosedMsg{ref: ref, status: status, err: err}
	}
}

// actionList lists open actions, most urgent first. It serves two screens:
// every open action across people (actionsScreen), and "last time you
// agreed…" at the start of one person's prep (followUpScreen).
type actionList struct {
	personID string // "" for everyone
	loaded   bool
	refs     []coach.ActionRef
	list     listNav
	room     int

	asking   bool            // asking whether the action marked done helped
	dropping bool            // asking why an action is dropped
	confirm  string          // the reason given, while asking "drop it? y"
	reason   textinput.Model // the reason
	carried  string          // the last action carried, for a word of feedback
	// carriedOn marks the actions carried while this list is open (by
	// carryKey), so that each keeps a ↷ after the word about it has gone:
	// carrying stores nothing, and without a mark the list looked the same
	// after c as before.
	carriedOn map[string]bool
}

// carryKey names an action in carriedOn.
func carryKey(r coach.ActionRef) string { return r.SessionID + "/" + r.Action.ID }

func newActionList(ctx *Context, personID string) actionList {
	a := actionList{personID: personID, reason: newTextInput(ctx.Keys)}
	a.reason.Prompt = ctx.T("actions.why")
	a.reason.Placeholder = ctx.T("actions.why.placeholder")
	a.reason.CharLimit = 300
	a.reason.SetWidth(40)
	a.reason.SetStyles(ctx.Styles.Input)
	return a
}

func (a *actionList) restyle(s Styles) { a.reason.SetStyles(s.Input) }

// prompting reports whether a question about the action under the cursor
// is open: did it help, why drop it, or drop it after all.
func (a *actionList) prompting() bool { return a.asking || a.dropping || a.confirm != "" }

// update handles what both action screens share. It reports the action whose
// session should open, if enter asked for one.
func (a *actionList) update(ctx *Context, msg tea.Msg) (open *coach.ActionRef, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case actionsMsg:
		if msg.personID != a.personID {
			return nil, nil
		}
		if msg.err != nil {
			ctx.Problem(errText(ctx, ctx.T("actions.err.read"), msg.err))
			return nil, nil
		}
		a.loaded, a.refs = true, msg.refs
		a.list.clamp(len(a.refs))
	case actionClosedMsg:
		if a.personID != "" && msg.ref.PersonID != a.personID {
			return nil, nil
		}
		if msg.err != nil {
			ctx.Problem(errText(ctx, ctx.T("actions.err.update"), msg.err))
			return nil, nil
		}
		what := ctx.T("actions.done", "Text", msg.ref.Action.Text)
		if msg.outcome != "" {
			what = ctx.T("actions.done.outcome", "Outcome", ctx.Outcome(msg.outcome), "Text", msg.ref.Action.Text)
		}
		if msg.status == coach.ActionDropped {
			what = ctx.T("actions.dropped", "Text", msg.ref.Action.Text)
		}
		ctx.Notice(what)
		return nil, loadActions(ctx.Store, a.personID)
	case tea.PasteMsg:
		if a.dropping {
			a.reason, cmd = a.reason.Update(msg)
		}
	case tea.KeyPressMsg:
		return a.key(ctx, msg)
	}
	return nil, cmd
}

func (a *actionList) key(ctx *Context, msg tea.KeyPressMsg) (*coach.ActionRef, tea.Cmd) {
	f, k := ctx.Keys.Form, ctx.Keys.Action
	if a.asking {
		a.asking = false
		if a.list.cursor >= len(a.refs) {
			return nil, nil
		}
		r := a.refs[a.list.cursor]
		for _, o := range []struct {
			b key.Binding
			o coach.Outcome
		}{{k.Helped, coach.OutcomeHelped}, {k.Partly, coach.OutcomePartly}, {k.NotYet, coach.OutcomeNotYet}, {k.DidntAsk, coach.OutcomeDidntAsk}} {
			if key.Matches(msg, o.b) {
				return nil, markDone(ctx.Store, r, o.o)
			}
		}
		// Anything else: not marked done, and said, so that a key typed
		// by mistake is seen to have done nothing.
		if !key.Matches(msg, f.Cancel) {
			ctx.Notice(ctx.T("actions.notdone", "Text", r.Action.Text))
		}
		return nil, nil
	}
	if a.confirm != "" {
		// The last step of dropping: y drops it, any other key keeps it
		// open (a sentence typed by mistake ends here, not in a drop).
		why := a.confirm
		a.confirm = ""
		if a.list.cursor >= len(a.refs) {
			return nil, nil
		}
		r := a.refs[a.list.cursor]
		if key.Matches(msg, k.ConfirmDrop) {
			return nil, closeAction(ctx.Store, r, coach.ActionDropped, why)
		}
		ctx.Notice(ctx.T("actions.notdropped", "Text", r.Action.Text))
		return nil, nil
	}
	if a.dropping {
		switch {
		case key.Matches(msg, f.Cancel):
			a.dropping = false
			a.reason.Reset()
			return nil, nil
		case key.Matches(msg, f.Submit):
			why := strings.TrimSpace(a.reason.Value())
			if why == "" || a.list.cursor >= len(a.refs) {
				return nil, nil
			}
			a.dropping = false
			a.reason.Reset()
			a.confirm = why
			return nil, nil
		}
		var cmd tea.Cmd
		a.reason, cmd = a.reason.Update(msg)
		return nil, cmd
	}
	a.carried = ""
	if a.list.key(msg, ctx.Keys.List, len(a.refs), a.room) || a.list.cursor >= len(a.refs) {
		return nil, nil
	}
	r := a.refs[a.list.cursor]
	if r.Action.Status != coach.ActionOpen && r.Action.Status != "" && !key.Matches(msg, k.Open) {
		ctx.Notice(ctx.T("actions.already." + string(r.Action.Status)))
		return nil, nil
	}
	switch {
	case key.Matches(msg, k.Done):
		a.asking = true // did it help?
		return nil, nil
	case key.Matches(msg, k.Drop):
		a.dropping = true
		return nil, a.reason.Focus()
	case key.Matches(msg, k.Carry):
		// Carrying changes nothing stored: an open action simply stays open
		// and comes back at the next prep. Say so, and move on.
		a.carried = r.Action.Text
		if a.carriedOn == nil {
			a.carriedOn = map[string]bool{}
		}
		a.carriedOn[carryKey(r)] = true
		a.list.cursor = min(len(a.refs)-1, a.list.cursor+1)
	case key.Matches(msg, k.Open):
		return &r, nil
	}
	return nil, nil
}

func (a *actionList) keys(ctx *Context, short []key.Binding) bindings {
	f, k, l := ctx.Keys.Form, ctx.Keys.Action, ctx.Keys.List
	if a.asking {
		cancel := f.Cancel
		cancel.SetHelp("esc", ctx.T("key.notDoneYet"))
		ks := []key.Binding{k.Helped, k.Partly, k.NotYet, k.DidntAsk, cancel}
		return bindings{context: ks, full: [][]key.Binding{ks}}
	}
	if a.confirm != "" {
		ks := []key.Binding{k.ConfirmDrop}
		return bindings{context: ks, full: [][]key.Binding{ks}}
	}
	if a.dropping {
		drop := f.Submit
		drop.SetHelp("enter", ctx.T("key.dropIt"))
		return bindings{context: []key.Binding{drop, f.Cancel}, full: [][]key.Binding{{drop, f.Cancel}}}
	}
	if len(a.refs) == 0 {
		return bindings{short: short, full: [][]key.Binding{short}}
	}
	ctxKeys := []key.Binding{k.Done, k.Drop, k.Carry, k.Open, l.Up, l.Down}
	return bindings{context: ctxKeys, short: short,
		full: [][]key.Binding{ctxKeys, short, {l.PageUp, l.PageDown, l.Top, l.Bottom}}}
}

func (a *actionList) view(ctx *Context, height int, title string, intro []string) string {
	s := ctx.Styles
	w := min(bodyWidth(ctx), maxReadWidth+20)
	today := ctx.Today()
	overdue, open := 0, 0
	for _, r := range a.refs {
		if r.Overdue(today) {
			overdue++
		}
		if r.Action.Status == coach.ActionOpen || r.Action.Status == "" {
			open++
		}
	}
	count := ctx.T("actions.open", "Count", open)
	if overdue > 0 {
		count += " · " + ctx.T("actions.overdue", "Count", overdue)
	}
	out := append([]string{"", spread(s.Title.Render(title), s.Faint.Render(count), w)}, intro...)
	out = append(out, "")
	var foot []string
	switch {
	case a.asking && a.list.cursor < len(a.refs):
		foot = wrapped(s.Warn, ctx.T("actions.ask", "Text", a.refs[a.list.cursor].Action.Text), w)
	case a.confirm != "" && a.list.cursor < len(a.refs):
		foot = wrapped(s.Warn, ctx.T("actions.confirmdrop", "Text", a.refs[a.list.cursor].Action.Text, "Why", a.confirm), w)
	case a.dropping:
		foot = []string{a.reason.View()}
	case a.carried != "":
		foot = wrapped(s.Notice, ctx.T("actions.carried", "Text", a.carried), w)
	}
	switch {
	case !a.loaded:
		out = append(out, s.Subtle.Render(ctx.T("app.reading")))
	case len(a.refs) == 0:
		out = append(out, wrapped(s.Subtle, ctx.T("actions.none"), w)...)
	}
	a.room = max(1, height-len(out)-len(foot))
	start, end := a.list.window(len(a.refs), a.room)
	for i := start; i < end; i++ {
		out = append(out, a.row(ctx, a.refs[i], i == a.list.cursor, w))
	}
	body := fitHeight(strings.Join(out, "\n"), height-len(foot))
	if len(foot) == 0 {
		return body
	}
	return body + "\n" + strings.Join(foot, "\n")
}

func (a *actionList) row(ctx *Context, r coach.ActionRef, selected bool, w int) string {
	s := ctx.Styles
	today := ctx.Today()
	due := ctx.T("actions.nodate")
	if !r.Action.Due.IsZero() {
		due = ctx.Short(r.Action.Due)
	}
	if r.Overdue(today) {
		due = "! " + due
	}
	if a.carriedOn[carryKey(r)] {
		due = "↷ " + due
	}
	switch r.Action.Status {
	case coach.ActionDone:
		due = "✓ " + ctx.T("actions.state.done")
		if r.Action.Outcome != "" {
			due = "✓ " + ctx.Outcome(r.Action.Outcome)
		}
	case coach.ActionDropped:
		due = "✗ " + ctx.T("actions.state.dropped")
	}
	// The state column always ends in a space, so a cut state ("✓ wedi
	// helpu'n …") never runs into the action; narrow windows give it less.
	dueW := 16
	who := ""
	if a.personID == "" {
		who = cell(r.PersonName, min(16, max(8, w/5))) + "  "
	}
	owner := " " + ctx.T("actions.from", "Owner", ctx.Owner(r.Action.Owner), "Date", ctx.Short(r.SessionDate))
	if w < narrowWidth {
		owner, dueW = "", 11
		if who != "" {
			who = cell(r.PersonName, 8) + " "
		}
	}
	text := coach.SafeText(r.Action.Text)
	dueCell := cell(due, dueW-1) + " "
	line := dueCell + who + text + owner
	if selected {
		return listRow(s, line, true, w)
	}
	st := s.Subtle
	if r.Overdue(today) {
		st = s.Warn
	}
	return listRow(s, st.Render(dueCell)+s.Prompt.Render(who+text)+s.Faint.Render(owner), false, w)
}

// actionsScreen is every open action, across people, most urgent first.
type actionsScreen struct{ actionList }

func pushActions(ctx *Context) tea.Cmd {
	ctx.Push(&actionsScreen{newActionList(ctx, "")})
	return loadActions(ctx.Store, "")
}

func (a *actionsScreen) Update(ctx *Context, msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok && !a.prompting() && key.Matches(km, ctx.Keys.List.Back) {
		ctx.Pop()
		return nil
	}
	open, cmd := a.update(ctx, msg)
	if open != nil {
		return tea.Batch(cmd, pushDetail(ctx, open.SessionID, open.PersonID))
	}
	return cmd
}

// Reveal reads them again: one may have been closed from its record.
func (a *actionsScreen) Reveal(ctx *Context) tea.Cmd { return loadActions(ctx.Store, "") }

func (a *actionsScreen) View(ctx *Context, height int) string {
	title := ctx.T("actions.title")
	if bodyWidth(ctx) < narrowWidth {
		title = ctx.T("actions.title.short")
	}
	return a.view(ctx, height, title, nil)
}
func (a *actionsScreen) Resize(ctx *Context, height int) {}
func (a *actionsScreen) Typing() bool                    { return a.prompting() }
func (a *actionsScreen) Title(ctx *Context) Title {
	return Title{Label: ctx.T("title.actions"), State: ctx.Styles.Faint.Render(ctx.Date(ctx.Today()))}
}
func (a *actionsScreen) Keys(ctx *Context) bindings {
	home := ctx.Keys.List.Back
	home.SetHelp("esc", ctx.T("key.home"))
	return a.keys(ctx, []key.Binding{home})
}
