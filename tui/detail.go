package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
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
}

func newDetail() detailModel {
	vp := viewport.New()
	vp.KeyMap = viewport.KeyMap{}
	return detailModel{vp: vp}
}

func (d *detailModel) set(ctx *Context, msg detailMsg, height int) {
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

// update reports true when the manager goes back.
func (d *detailModel) update(ctx *Context, msg tea.Msg) bool {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false
	}
	k := ctx.Keys
	switch {
	case key.Matches(km, k.Back):
		return true
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
	return false
}

func (d *detailModel) view(ctx *Context, height int) string {
	s := ctx.Styles
	if !d.loaded {
		return fitHeight("\n"+s.Subtle.Render("Reading…"), height)
	}
	pos := s.Faint.Render(fmt.Sprintf("%d%%", int(d.vp.ScrollPercent()*100)))
	head := spread(s.Title.Render("Saved record"), pos, readWidth(ctx))
	return fitHeight(strings.Join([]string{head, d.vp.View()}, "\n"), height)
}
