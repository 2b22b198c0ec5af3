package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"attend/coach"
)

// reviewScreen shows every answer of a prep before saving; empty prompts
// are shown as skipped, so the manager sees what they left out first.
type reviewScreen struct {
	prep     *partForm
	vp       viewport.Model
	width    int // the width the record was rendered for
	saving   bool
	err      error
	warnings []string // said before saving: what will not be kept as typed
	// confirmEmpty is set after a first enter on an empty prep: saving
	// nothing resets the person's due date, so it is asked twice.
	confirmEmpty bool
}

func newReview(ctx *Context, p *partForm) *reviewScreen {
	vp := viewport.New()
	vp.KeyMap = viewport.KeyMap{} // keys are handled here, from attend's keymap
	return &reviewScreen{prep: p, vp: vp, warnings: p.warnings()}
}

func (r *reviewScreen) Typing() bool { return false }

func (r *reviewScreen) Title(ctx *Context) Title {
	return Title{Label: ctx.T("title.prep"), Person: r.prep.person.Name, State: r.prep.saveState(ctx), Short: r.prep.shortState(ctx)}
}

// Resize sizes the record to what the warnings and the status line leave.
func (r *reviewScreen) Resize(ctx *Context, height int) {
	if r.width != readWidth(ctx) {
		r.width = readWidth(ctx)
		r.vp.SetContent(reviewText(ctx, r.prep.person, r.prep.session, r.prep.full))
	}
	r.vp.SetWidth(bodyWidth(ctx))
	r.vp.SetHeight(max(1, height-1-len(r.top(ctx))-len(r.status(ctx))))
}

func (r *reviewScreen) Update(ctx *Context, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case sessionSavedMsg:
		// By the person it was saved for: a failed save carries no session
		// (the store answers an empty one), and matching on that dropped
		// every failure, leaving "Saving…" for ever.
		if msg.person.ID != r.prep.person.ID || !r.saving {
			return nil
		}
		return r.saved(ctx, msg)
	case tea.KeyPressMsg:
		return r.key(ctx, msg)
	}
	return nil
}

func (r *reviewScreen) key(ctx *Context, msg tea.KeyPressMsg) tea.Cmd {
	if r.saving {
		return nil
	}
	k, l := ctx.Keys.Review, ctx.Keys.List
	confirm := r.confirmEmpty
	r.confirmEmpty = false
	switch {
	case key.Matches(msg, k.Save):
		if r.prep.session.Empty() && !confirm {
			r.confirmEmpty = true
			return nil
		}
		r.saving, r.err = true, nil
		return saveSession(ctx.Store, r.prep.person, r.prep.finished())
	case key.Matches(msg, k.Edit):
		ctx.Pop()
	default:
		scroll(&r.vp, msg, l)
	}
	return nil
}

func (r *reviewScreen) saved(ctx *Context, msg sessionSavedMsg) tea.Cmd {
	r.saving = false
	if msg.err != nil {
		if errors.Is(msg.err, coach.ErrDraftElsewhere) {
			r.prep.elsewhere = true // the next save makes it a separate session
		}
		r.err = msg.err
		return nil
	}
	answered, total := msg.session.ShownCompleteness(ctx.Guide, coach.PartPrep, r.prep.full)
	text := ctx.T("review.saved", "Name", msg.person.Name, "Answered", answered, "Count", total)
	if next := msg.session.NextSession(); !next.IsZero() {
		text += " " + ctx.T("review.next", "Date", ctx.Date(next))
	}
	ctx.Notice(text)
	ctx.Home()
	return nil
}

// Unsaved: a save is on its way; quitting waits for it.
func (r *reviewScreen) Unsaved() bool             { return r.saving }
func (r *reviewScreen) Keep(ctx *Context) tea.Cmd { return nil }
func (r *reviewScreen) KeepErr() error            { return r.err }

// top is the title line and the warnings, wrapped, never cut.
func (r *reviewScreen) top(ctx *Context) []string {
	st := ctx.Styles
	answered, total := r.prep.session.ShownCompleteness(ctx.Guide, coach.PartPrep, r.prep.full)
	where := ctx.T("review.allshown")
	if r.vp.TotalLineCount() > r.vp.Height() {
		where = ctx.T("review.scrolled", "Percent", int(r.vp.ScrollPercent()*100))
	}
	right := st.Faint.Render(ctx.T("review.answered", "Answered", answered, "Count", total) + " · " + where)
	out := []string{spread(st.Title.Render(ctx.T("review.title")), right, readWidth(ctx))}
	for _, w := range r.warnings {
		out = append(out, wrapped(st.Warn, "! "+w, readWidth(ctx))...)
	}
	return out
}

// status is the line under the record: what enter will do, or what went wrong.
func (r *reviewScreen) status(ctx *Context) []string {
	st := ctx.Styles
	w := readWidth(ctx)
	answered, total := r.prep.session.ShownCompleteness(ctx.Guide, coach.PartPrep, r.prep.full)
	switch {
	case r.saving:
		return []string{st.Subtle.Render(ctx.T("review.saving"))}
	case r.err != nil:
		// The draft is safe only if its last write landed: on a read-only
		// file or a full disk it failed too, and saying "safe" would lie.
		safe := ctx.T("review.err.safe")
		if r.prep.saveErr != nil || r.prep.elsewhere {
			safe = ctx.T("review.err.unsafe")
		}
		return wrapped(st.Error, errText(ctx, ctx.T("review.err"), r.err)+" "+safe, w)
	case r.confirmEmpty:
		return wrapped(st.Warn, ctx.T("review.empty"), w)
	case answered < total:
		return wrapped(st.Subtle, ctx.T("review.skipped"), w)
	}
	return wrapped(st.Subtle, ctx.T("review.all"), w)
}

func (r *reviewScreen) View(ctx *Context, height int) string {
	parts := append(r.top(ctx), "", r.vp.View())
	parts = append(parts, r.status(ctx)...)
	return fitHeight(strings.Join(parts, "\n"), height)
}

func (r *reviewScreen) Keys(ctx *Context) bindings {
	k, l := ctx.Keys.Review, ctx.Keys.List
	return bindings{short: []key.Binding{k.Save, k.Edit, l.Up, l.Down},
		full: [][]key.Binding{{k.Save, k.Edit}, {l.Up, l.Down, l.PageUp, l.PageDown, l.Top, l.Bottom}}}
}
