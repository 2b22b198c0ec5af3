package tui

import (
	"fmt"
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
	ref    coach.ActionRef
	status coach.ActionStatus
	err    error
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

	dropping bool            // asking why an action is dropped
	reason   textinput.Model // the reason
	carried  string          // the last action carried, for a word of feedback
}

func newActionList(ctx *Context, personID string) actionList {
	a := actionList{personID: personID, reason: textinput.New()}
	a.reason.Prompt = "why dropped: "
	a.reason.Placeholder = "e.g. no longer needed after the rota change"
	a.reason.CharLimit = 300
	a.reason.SetWidth(40)
	a.reason.SetStyles(ctx.Styles.Input)
	return a
}

func (a *actionList) restyle(s Styles) { a.reason.SetStyles(s.Input) }

// update handles what both action screens share. It reports the action whose
// session should open, if enter asked for one.
func (a *actionList) update(ctx *Context, msg tea.Msg) (open *coach.ActionRef, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case actionsMsg:
		if msg.personID != a.personID {
			return nil, nil
		}
		if msg.err != nil {
			ctx.Problem(errText("Could not read the open actions", msg.err))
			return nil, nil
		}
		a.loaded, a.refs = true, msg.refs
		a.list.clamp(len(a.refs))
	case actionClosedMsg:
		if a.personID != "" && msg.ref.PersonID != a.personID {
			return nil, nil
		}
		if msg.err != nil {
			ctx.Problem(errText("Could not update that action", msg.err))
			return nil, nil
		}
		what := "Marked done: "
		if msg.status == coach.ActionDropped {
			what = "Dropped: "
		}
		ctx.Notice(what + msg.ref.Action.Text)
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
			return nil, closeAction(ctx.Store, a.refs[a.list.cursor], coach.ActionDropped, why)
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
	switch {
	case key.Matches(msg, k.Done):
		return nil, closeAction(ctx.Store, r, coach.ActionDone, "")
	case key.Matches(msg, k.Drop):
		a.dropping = true
		return nil, a.reason.Focus()
	case key.Matches(msg, k.Carry):
		// Carrying changes nothing stored: an open action simply stays open
		// and comes back at the next prep. Say so, and move on.
		a.carried = r.Action.Text
		a.list.cursor = min(len(a.refs)-1, a.list.cursor+1)
	case key.Matches(msg, k.Open):
		return &r, nil
	}
	return nil, nil
}

func (a *actionList) keys(ctx *Context, short []key.Binding) bindings {
	f, k, l := ctx.Keys.Form, ctx.Keys.Action, ctx.Keys.List
	if a.dropping {
		drop := f.Submit
		drop.SetHelp("enter", "drop it")
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
	overdue := 0
	for _, r := range a.refs {
		if r.Overdue(today) {
			overdue++
		}
	}
	count := fmt.Sprintf("%d open", len(a.refs))
	if overdue > 0 {
		count += fmt.Sprintf(" · %d overdue", overdue)
	}
	out := append([]string{"", spread(s.Title.Render(title), s.Faint.Render(count), w)}, intro...)
	out = append(out, "")
	var foot []string
	switch {
	case a.dropping:
		foot = []string{a.reason.View()}
	case a.carried != "":
		foot = wrapped(s.Notice, "Carried: “"+a.carried+"” stays open and comes back at the next prep.", w)
	}
	switch {
	case !a.loaded:
		out = append(out, s.Subtle.Render("Reading…"))
	case len(a.refs) == 0:
		out = append(out, wrapped(s.Subtle, "No open actions. Actions agreed in a prep appear here until they are done or dropped.", w)...)
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
	due := "no date"
	if !r.Action.Due.IsZero() {
		due = shortDate(r.Action.Due, today)
	}
	if r.Overdue(today) {
		due = "! " + due
	}
	const dueW = 14
	who := ""
	if a.personID == "" {
		who = cell(r.PersonName, min(16, max(8, w/5))) + "  "
	}
	owner := " (" + r.Action.Owner.Label() + ", from " + shortDate(r.SessionDate, today) + ")"
	if w < narrowWidth {
		owner = ""
	}
	line := cell(due, dueW) + who + r.Action.Text + owner
	if selected {
		return listRow(s, line, true, w)
	}
	st := s.Subtle
	if r.Overdue(today) {
		st = s.Warn
	}
	return listRow(s, st.Render(cell(due, dueW))+s.Prompt.Render(who+r.Action.Text)+s.Faint.Render(owner), false, w)
}

// shortDate is "21 Nov" this year and "26 Mar 2025" otherwise: an action
// can be overdue since last year, and the year must not be guessed.
func shortDate(d, today coach.Date) string {
	if d.Year == today.Year {
		return d.Time().Format("2 Jan")
	}
	return d.Time().Format("2 Jan 2006")
}

// actionsScreen is every open action, across people, most urgent first.
type actionsScreen struct{ actionList }

func pushActions(ctx *Context) tea.Cmd {
	ctx.Push(&actionsScreen{newActionList(ctx, "")})
	return loadActions(ctx.Store, "")
}

func (a *actionsScreen) Update(ctx *Context, msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok && !a.dropping && key.Matches(km, ctx.Keys.List.Back) {
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
	title := "Open actions, most urgent first"
	if bodyWidth(ctx) < narrowWidth {
		title = "Open actions"
	}
	return a.view(ctx, height, title, nil)
}
func (a *actionsScreen) Resize(ctx *Context, height int) {}
func (a *actionsScreen) Typing() bool                    { return a.dropping }
func (a *actionsScreen) Title(ctx *Context) Title {
	return Title{Label: "open actions", State: ctx.Styles.Faint.Render(ctx.Today().Human())}
}
func (a *actionsScreen) Keys(ctx *Context) bindings {
	home := ctx.Keys.List.Back
	home.SetHelp("esc", "home")
	return a.keys(ctx, []key.Binding{home})
}

// followUpScreen is "last time you agreed…": one person's open actions,
// shown on top of their prep before it begins. tab goes on to the prep;
// what is still open is carried.
type followUpScreen struct {
	actionList
	prep *prepScreen
}

func newFollowUp(ctx *Context, p *prepScreen, refs []coach.ActionRef) *followUpScreen {
	f := &followUpScreen{actionList: newActionList(ctx, p.person.ID), prep: p}
	f.loaded, f.refs = true, refs
	return f
}

func (f *followUpScreen) Update(ctx *Context, msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok && !f.dropping {
		switch {
		case key.Matches(km, ctx.Keys.Prep.StartPrep):
			ctx.Pop()
			return nil
		case key.Matches(km, ctx.Keys.Prep.Leave):
			return f.prep.leave(ctx)
		}
	}
	open, cmd := f.update(ctx, msg)
	if open != nil {
		return tea.Batch(cmd, pushDetail(ctx, open.SessionID, open.PersonID))
	}
	return cmd
}

func (f *followUpScreen) View(ctx *Context, height int) string {
	intro := wrapped(ctx.Styles.Guidance, "Before you prepare: what did you both agree last time, and has it happened? d marks one done, x drops it, c carries it to this session.", min(bodyWidth(ctx), maxReadWidth))
	return f.view(ctx, height, "Last time you agreed…", intro)
}
func (f *followUpScreen) Resize(ctx *Context, height int) {}
func (f *followUpScreen) Typing() bool                    { return f.dropping }
func (f *followUpScreen) Title(ctx *Context) Title {
	return Title{Label: "prep for", Person: f.prep.person.Name}
}
func (f *followUpScreen) Keys(ctx *Context) bindings {
	return f.keys(ctx, []key.Binding{ctx.Keys.Prep.StartPrep, ctx.Keys.Prep.Leave})
}
