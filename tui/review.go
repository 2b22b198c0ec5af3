package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"attend/coach"
)

// reviewModel shows every answer before saving; empty prompts are shown as
// skipped, so the manager sees what they left out before committing.
type reviewModel struct {
	vp     viewport.Model
	saving bool
	err    error
}

func newReview() reviewModel {
	vp := viewport.New()
	vp.KeyMap = viewport.KeyMap{} // keys are handled here, from attend's keymap
	return reviewModel{vp: vp}
}

// setRecord fills the viewport for the current size.
func (r *reviewModel) setRecord(ctx *Context, p coach.Person, s coach.Session, height int) {
	r.vp.SetWidth(bodyWidth(ctx))
	r.vp.SetHeight(max(1, height-2))
	r.vp.SetContent(reviewText(ctx, p, s))
}

type reviewResult int

const (
	reviewStay reviewResult = iota
	reviewBack
	reviewSave
)

func (r *reviewModel) update(ctx *Context, msg tea.Msg) reviewResult {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || r.saving {
		return reviewStay
	}
	k := ctx.Keys
	switch {
	case key.Matches(km, k.Confirm):
		return reviewSave
	case key.Matches(km, k.Back), key.Matches(km, k.Prev):
		return reviewBack
	case key.Matches(km, k.Up):
		r.vp.ScrollUp(1)
	case key.Matches(km, k.Down):
		r.vp.ScrollDown(1)
	case key.Matches(km, k.PageUp):
		r.vp.PageUp()
	case key.Matches(km, k.PageDn):
		r.vp.PageDown()
	case km.String() == "home" || km.String() == "g":
		r.vp.GotoTop()
	case km.String() == "end" || km.String() == "G":
		r.vp.GotoBottom()
	}
	return reviewStay
}

func (r *reviewModel) view(ctx *Context, p coach.Person, s coach.Session, height int) string {
	st := ctx.Styles
	answered, total := s.Completeness(ctx.Guide)
	left := st.Title.Render("Review before saving")
	right := st.Faint.Render(fmt.Sprintf("%d of %d answered · %d%%", answered, total, int(r.vp.ScrollPercent()*100)))
	head := spread(left, right, readWidth(ctx))
	var status string
	switch {
	case r.saving:
		status = st.Subtle.Render("Saving…")
	case r.err != nil:
		status = st.Error.Render("Could not save: " + r.err.Error() + ". Your draft is safe; press ctrl+s to try again.")
	case answered < total:
		status = st.Subtle.Render("Skipped prompts are fine. enter saves; esc goes back to add more.")
	default:
		status = st.Subtle.Render("Everything answered. enter saves.")
	}
	body := strings.Join([]string{head, r.vp.View(), status}, "\n")
	return fitHeight(body, height)
}
