package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

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

// actionsModel lists open actions, most urgent first. It serves two
// screens: every open action across people, and "last time you agreed"
// at the start of one person's prep.
type actionsModel struct {
	personID   string // "" for everyone
	personName string
	loaded     bool
	refs       []coach.ActionRef
	cursor     int

	dropping bool            // asking why an action is dropped
	reason   textinput.Model // the reason
	carried  string          // the last action carried, for a word of feedback
}

func newActions(ctx *Context, personID, name string) actionsModel {
	a := actionsModel{personID: personID, personName: name, reason: textinput.New()}
	a.reason.Prompt = "why dropped: "
	a.reason.Placeholder = "e.g. no longer needed after the rota change"
	a.reason.CharLimit = 300
	a.reason.SetWidth(50)
	a.reason.SetStyles(ctx.Styles.Input)
	return a
}

func (a *actionsModel) set(msg actionsMsg) {
	if msg.personID != a.personID {
		return
	}
	a.loaded, a.refs = true, msg.refs
	a.cursor = min(a.cursor, max(0, len(a.refs)-1))
}

func (a *actionsModel) typing() bool { return a.dropping }

type actionsResult struct {
	back bool
	open *coach.ActionRef // the session an action came from
}

func (a *actionsModel) update(ctx *Context, msg tea.Msg) (actionsResult, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if a.dropping {
		if ok {
			switch {
			case key.Matches(km, ctx.Keys.Back):
				a.dropping = false
				a.reason.Reset()
				return actionsResult{}, nil
			case km.String() == "enter":
				why := strings.TrimSpace(a.reason.Value())
				if why == "" {
					return actionsResult{}, nil
				}
				a.dropping = false
				a.reason.Reset()
				return actionsResult{}, closeAction(ctx.Store, a.refs[a.cursor], coach.ActionDropped, why)
			}
		}
		var cmd tea.Cmd
		a.reason, cmd = a.reason.Update(msg)
		return actionsResult{}, cmd
	}
	if !ok {
		return actionsResult{}, nil
	}
	k := ctx.Keys
	switch {
	case key.Matches(km, k.Back):
		return actionsResult{back: true}, nil
	case key.Matches(km, k.Up):
		a.cursor = max(0, a.cursor-1)
	case key.Matches(km, k.Down):
		a.cursor = min(max(0, len(a.refs)-1), a.cursor+1)
	}
	if a.cursor >= len(a.refs) {
		return actionsResult{}, nil
	}
	a.carried = ""
	switch {
	case key.Matches(km, k.Done):
		return actionsResult{}, closeAction(ctx.Store, a.refs[a.cursor], coach.ActionDone, "")
	case key.Matches(km, k.Drop):
		a.dropping = true
		return actionsResult{}, a.reason.Focus()
	case key.Matches(km, k.Carry):
		// Carrying changes nothing stored: an open action simply stays open
		// and comes back at the next prep. Say so, and move on.
		a.carried = a.refs[a.cursor].Action.Text
		a.cursor = min(len(a.refs)-1, a.cursor+1)
	case key.Matches(km, k.Open):
		r := a.refs[a.cursor]
		return actionsResult{open: &r}, nil
	}
	return actionsResult{}, nil
}

func (a *actionsModel) view(ctx *Context, height int, title string) string {
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
	out := []string{"", spread(s.Title.Render(title), s.Faint.Render(count), w), ""}
	switch {
	case !a.loaded:
		out = append(out, s.Subtle.Render("Reading…"))
	case len(a.refs) == 0:
		out = append(out, s.Subtle.Render("No open actions. Actions agreed in a prep appear here until they are done or dropped."))
	}
	room := max(1, height-len(out)-2)
	start := max(0, min(a.cursor-room/2, len(a.refs)-room))
	for i := start; i < len(a.refs) && i < start+room; i++ {
		out = append(out, a.row(ctx, a.refs[i], i == a.cursor, w))
	}
	body := fitHeight(strings.Join(out, "\n"), height-1)
	foot := ""
	switch {
	case a.dropping:
		foot = a.reason.View()
	case a.carried != "":
		foot = s.Notice.Render("Carried: “" + a.carried + "” stays open and comes back at the next prep.")
	}
	return body + "\n" + ansi.Truncate(foot, w, "…")
}

func (a *actionsModel) row(ctx *Context, r coach.ActionRef, selected bool, w int) string {
	s := ctx.Styles
	due := "no date"
	if !r.Action.Due.IsZero() {
		due = shortDate(r.Action.Due, ctx.Today())
	}
	if r.Overdue(ctx.Today()) {
		due = "!" + due
	}
	due = fmt.Sprintf("%-13s", due)
	dueStyled := s.Subtle.Render(due)
	if r.Overdue(ctx.Today()) {
		dueStyled = s.Warn.Render(due)
	}
	who := ""
	if a.personID == "" {
		name := ansi.Truncate(r.PersonName, 16, "…")
		who = name + strings.Repeat(" ", max(0, 16-ansi.StringWidth(name))) + "  "
	}
	owner := "(" + r.Action.Owner.Label() + ", from " + shortDate(r.SessionDate, ctx.Today()) + ")"
	lead := "  "
	if selected {
		lead = "▸ "
	}
	text := ansi.Truncate(r.Action.Text, max(16, w-4-13-ansi.StringWidth(who)-ansi.StringWidth(owner)-2), "…")
	if selected {
		return s.Selected.Render(lead) + dueStyled + s.Selected.Render(who+text) + " " + s.Faint.Render(owner)
	}
	return lead + dueStyled + s.Prompt.Render(who+text) + " " + s.Faint.Render(owner)
}

// shortDate is "21 Nov" this year and "26 Mar 2025" otherwise: an action
// can be overdue since last year, and the year must not be guessed.
func shortDate(d, today coach.Date) string {
	if d.Year == today.Year {
		return d.Time().Format("2 Jan")
	}
	return d.Time().Format("2 Jan 2006")
}
