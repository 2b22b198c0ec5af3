package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"attend/coach"
)

// detailMsg carries a saved session and its person, read for the detail view.
type detailMsg struct {
	person  coach.Person
	session coach.Session
	err     error
}

func loadDetail(st Store, sessionID, personID string) tea.Cmd {
	return func() tea.Msg {
		s, err := st.Session(sessionID)
		if err != nil {
			return detailMsg{err: err}
		}
		p, err := st.Person(personID)
		return detailMsg{person: p, session: s, err: err}
	}
}

// detailModel shows one saved session as a readable record: a heading per
// stage, ratings as dots, scrollable.
type detailModel struct {
	loaded  bool
	person  coach.Person
	session coach.Session
	vp      viewport.Model

	confirmAgree bool           // asking before marking the record agreed
	readOnlySaid bool           // r was pressed on an agreed record: say why nothing opens
	adding       bool           // writing an addendum
	addendum     textarea.Model // its text
}

func newDetail() detailModel {
	vp := viewport.New()
	vp.KeyMap = viewport.KeyMap{}
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "┃ "
	ta.CharLimit = coach.MaxAnswerLen
	ta.Placeholder = "The correction or addition, dated today. ctrl+s adds it; esc cancels."
	ta.SetHeight(4)
	return detailModel{vp: vp, addendum: ta}
}

func (d *detailModel) typing() bool { return d.adding }

// detailResult tells the root what the detail view wants.
type detailResult int

const (
	detailStay detailResult = iota
	detailBack
	detailRecord   // open the after-meeting form
	detailAgree    // mark the record agreed (confirmed)
	detailAddendum // add the typed addendum
)

func (d *detailModel) set(ctx *Context, msg detailMsg, height int) {
	d.addendum.SetStyles(ctx.Styles.TextArea)
	d.addendum.SetWidth(max(20, readWidth(ctx)-4))
	d.loaded = true
	d.person, d.session = msg.person, msg.session
	d.resize(ctx, height)
	md := coach.Markdown(ctx.Guide, d.person, d.session, coach.MarkdownOptions{})
	d.vp.SetContent(renderRecord(ctx.Styles, md, readWidth(ctx)))
}

func (d *detailModel) resize(ctx *Context, height int) {
	d.vp.SetWidth(bodyWidth(ctx))
	d.vp.SetHeight(max(1, height-1))
}

func (d *detailModel) update(ctx *Context, msg tea.Msg) (detailResult, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	k := ctx.Keys
	if d.adding {
		if ok {
			switch {
			case key.Matches(km, k.Back):
				d.adding = false
				d.addendum.Reset()
				return detailStay, nil
			case key.Matches(km, k.Save):
				if strings.TrimSpace(d.addendum.Value()) == "" {
					return detailStay, nil
				}
				d.adding = false
				return detailAddendum, nil
			}
		}
		var cmd tea.Cmd
		d.addendum, cmd = d.addendum.Update(msg)
		return detailStay, cmd
	}
	if !ok || !d.loaded {
		return detailStay, nil
	}
	d.readOnlySaid = false
	if d.confirmAgree {
		d.confirmAgree = false
		if km.String() == "enter" {
			return detailAgree, nil
		}
		return detailStay, nil
	}
	switch {
	case key.Matches(km, k.Back):
		return detailBack, nil
	case key.Matches(km, k.Record) && d.session.IsAgreed():
		d.readOnlySaid = true
	case key.Matches(km, k.Record) && !d.session.IsAgreed():
		return detailRecord, nil
	case key.Matches(km, k.Agree) && !d.session.IsAgreed():
		d.confirmAgree = true
	case key.Matches(km, k.Addendum) && d.session.IsAgreed():
		d.adding = true
		return detailStay, d.addendum.Focus()
	case key.Matches(km, k.Up):
		d.vp.ScrollUp(1)
	case key.Matches(km, k.Down):
		d.vp.ScrollDown(1)
	case key.Matches(km, k.PageUp):
		d.vp.PageUp()
	case key.Matches(km, k.PageDn):
		d.vp.PageDown()
	case km.String() == "home" || km.String() == "g":
		d.vp.GotoTop()
	case km.String() == "end" || km.String() == "G":
		d.vp.GotoBottom()
	}
	return detailStay, nil
}

func (d *detailModel) view(ctx *Context, height int) string {
	s := ctx.Styles
	if !d.loaded {
		return fitHeight("\n"+s.Subtle.Render("Reading…"), height)
	}
	pos := s.Faint.Render(fmt.Sprintf("%d%%", int(d.vp.ScrollPercent()*100)))
	state := "Saved record · not yet agreed with them"
	if d.session.IsAgreed() {
		state = "Agreed with them on " + d.session.Agreed.Human() + " · read-only"
	}
	head := spread(s.Title.Render(state), pos, readWidth(ctx))
	var prompt []string
	switch {
	case d.confirmAgree:
		prompt = strings.Split(s.Warn.Width(readWidth(ctx)).Render("Mark this record as agreed with "+d.person.Name+" today? It becomes read-only: later corrections are dated addenda. enter confirms; any other key cancels."), "\n")
	case d.adding:
		prompt = append([]string{s.Focused.Render("Add a dated note to this agreed record")}, indent(d.addendum.View(), "  ")...)
	case d.readOnlySaid:
		prompt = strings.Split(s.Warn.Width(readWidth(ctx)).Render("This record was agreed on "+d.session.Agreed.Human()+" and is read-only. n adds a dated note instead."), "\n")
	}
	// The record gives up its last lines to a prompt while one is showing.
	record := strings.Split(d.vp.View(), "\n")
	record = record[:max(0, min(len(record), height-1-len(prompt)))]
	parts := append(append([]string{head}, record...), prompt...)
	return fitHeight(strings.Join(parts, "\n"), height)
}
