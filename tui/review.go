package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

// reviewModel shows every answer before saving; empty prompts are shown as
// skipped, so the manager sees what they left out before committing.
type reviewModel struct {
	vp       viewport.Model
	saving   bool
	err      error
	warnings []string // said before saving: what will not be kept as typed
	// confirmEmpty is set after a first enter on an empty prep: saving
	// nothing resets the person's due date, so it is asked twice.
	confirmEmpty bool
}

func newReview() reviewModel {
	vp := viewport.New()
	vp.KeyMap = viewport.KeyMap{} // keys are handled here, from attend's keymap
	return reviewModel{vp: vp}
}

// setRecord fills the viewport for the current size.
func (r *reviewModel) setRecord(ctx *Context, p coach.Person, s coach.Session, warnings []string, height int) {
	r.warnings = warnings
	r.vp.SetWidth(bodyWidth(ctx))
	r.vp.SetHeight(max(1, height-2-len(warnings)))
	r.vp.SetContent(reviewText(ctx, p, s))
}

type reviewResult int

const (
	reviewStay reviewResult = iota
	reviewBack
	reviewSave
)

func (r *reviewModel) update(ctx *Context, msg tea.Msg, empty bool) reviewResult {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || r.saving {
		return reviewStay
	}
	k := ctx.Keys
	confirm := r.confirmEmpty
	r.confirmEmpty = false
	switch {
	case key.Matches(km, k.Confirm):
		if empty && !confirm {
			r.confirmEmpty = true
			return reviewStay
		}
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
	where := "all shown"
	if r.vp.TotalLineCount() > r.vp.Height() {
		where = fmt.Sprintf("scrolled %d%%", int(r.vp.ScrollPercent()*100))
	}
	right := st.Faint.Render(fmt.Sprintf("%d of %d answered · %s", answered, total, where))
	head := spread(left, right, readWidth(ctx))
	var status string
	switch {
	case r.saving:
		status = st.Subtle.Render("Saving…")
	case r.err != nil:
		status = st.Error.Width(readWidth(ctx)).Render(errText("Could not save", r.err) + " Your draft is safe; press ctrl+s to try again.")
	case r.confirmEmpty:
		status = st.Warn.Width(readWidth(ctx)).Render("Nothing has been written. Saving it still counts as a session and moves the next due date. Press enter again to save it, or esc to go back.")
	case answered < total:
		status = st.Subtle.Render("Skipped prompts are fine. enter saves; esc goes back to add more.")
	default:
		status = st.Subtle.Render("Everything answered. enter saves.")
	}
	parts := []string{head}
	for _, w := range r.warnings {
		parts = append(parts, st.Warn.Render(ansi.Truncate("! "+w, readWidth(ctx), "…")))
	}
	body := strings.Join(append(parts, r.vp.View(), status), "\n")
	return fitHeight(body, height)
}
