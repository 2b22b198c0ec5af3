package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

// layout sizes the editors to the room the current stage leaves. It runs in
// Update (never View) whenever the size, focus or content changes.
func (m *partForm) layout(ctx *Context, height int) {
	// Typing does not change how many lines the other items take; only the
	// window, the focus, the actions and the notice do. Skip the work then.
	key := layoutKey{ctx.Width, height, m.focus, len(m.slots), m.notice, m.elsewhere || m.held}
	if key == m.laidOut {
		return
	}
	m.laidOut = key
	m.ta.SetWidth(max(10, readWidth(ctx)-4))
	if m.kind(m.cur()) == kindActText {
		m.ti.SetWidth(max(10, readWidth(ctx)-8))
		m.ti.SetValue(m.ti.Value()) // scroll for the new width: no word lost at the start
	}
	if k := m.kind(m.cur()); k != kindText && k != kindNote {
		return
	}
	chrome := strings.Count(m.chrome(ctx), "\n") + 1
	items, _, _ := m.items(ctx)
	others := len(items) - m.ta.Height()
	h := height - chrome - others
	grew := min(max(h, 1), 12) > m.ta.Height()
	m.ta.SetHeight(min(max(h, 1), 12))
	if grew && atEnd(&m.ta) {
		// The textarea keeps its scroll when it grows, hiding the lines above;
		// setting the text again (the cursor stays at the end) shows them.
		m.ta.SetValue(m.ta.Value())
	}
	showCursor(&m.ta)
}

// elsewhereText stays on screen while another window holds this prep.

// heldText is shown when the prep opens on a draft another window wrote a
// moment ago.

func (m *partForm) elsewhereText() string {
	switch {
	case m.held:
		return m.words.T("form.held")
	case m.part != coach.PartPrep:
		return m.words.T("form.changed")
	}
	return m.words.T("form.elsewhere")
}

// layoutKey is what the editor sizes depend on.
type layoutKey struct {
	width, height, focus, slots int
	notice                      string
	elsewhere                   bool
}

// view renders the prep body in exactly height lines.
func (m *partForm) View(ctx *Context, height int) string {
	top := m.chrome(ctx)
	topN := strings.Count(top, "\n") + 1
	lines, fs, fe := m.items(ctx)
	room := max(1, height-topN)
	lines = window(lines, fs, fe, room, ctx)
	out := top + "\n" + strings.Join(lines, "\n")
	return fitHeight(out, height)
}

// chrome is the part above the items: progress, stage title and guidance.
func (m *partForm) chrome(ctx *Context) string {
	s := ctx.Styles
	st := m.stages[m.stage()]
	left := s.Title.Render(st.Title)
	right := s.Faint.Render(ctx.T("form.stage", "N", m.stage()+1, "Count", len(m.stages)))
	if ctx.Height < compactHeight {
		// No room for the line that says whose words these are: say it here.
		whose := ctx.T("form.whose." + string(m.part))
		right = s.Faint.Render(fmt.Sprintf("%s · %d/%d", whose, m.stage()+1, len(m.stages)))
	}
	title := spread(left, right, readWidth(ctx))
	if ctx.Height < compactHeight {
		// A short window keeps room for the answer being typed: one line
		// says where you are, and the guidance waits for a taller window.
		return m.withWarnings(ctx, title)
	}
	titles := make([]string, 0, len(m.stages)+1)
	for _, g := range m.stages {
		titles = append(titles, g.Title)
	}
	if m.part == coach.PartPrep {
		titles = append(titles, m.guide.ReviewTitle)
	}
	prog := progressView(s, titles, m.stage(), m.stageMark, bodyWidth(ctx))
	guide := s.Guidance.Width(readWidth(ctx)).Render(strings.Join(st.Guidance, " "))
	return m.withWarnings(ctx, prog, s.Faint.Width(readWidth(ctx)).Render(m.partNote(ctx)), "", title, guide)
}

// withWarnings ends the chrome with what the manager must see whatever the
// height: a newer copy saved elsewhere, and the latest notice.
func (m *partForm) withWarnings(ctx *Context, parts ...string) string {
	s := ctx.Styles
	if m.elsewhere {
		parts = append(parts, s.Error.Width(readWidth(ctx)).Render(m.elsewhereText()))
	}
	if m.notice != "" {
		parts = append(parts, s.Notice.Width(readWidth(ctx)).Render(m.notice))
	}
	return strings.Join(parts, "\n") + "\n"
}

// partNote says whose words these are: private, or agreed with them.
func (m *partForm) partNote(ctx *Context) string {
	switch m.part {
	case coach.PartRecord:
		if m.agreed {
			return ctx.T("form.agreed")
		}
		return ctx.T("form.part.record", "Name", m.person.Name)
	case coach.PartReflection:
		return ctx.T("form.part.reflection")
	}
	return ctx.T("form.part.prep")
}

// items renders every item of the current stage and reports which lines
// hold the focused one, so the window can keep it in view.
func (m *partForm) items(ctx *Context) (lines []string, focusStart, focusEnd int) {
	cur := m.cur()
	st := m.stages[cur.stage]
	roomy := ctx.Height >= 30
	for ii, it := range st.Items {
		if !m.shown(cur.stage, it) {
			continue
		}
		focused := ii == cur.item
		if focused {
			focusStart = len(lines)
		}
		var block []string
		switch it.Kind {
		case coach.KindRating:
			block = m.ratingView(ctx, it, focused, roomy)
		case coach.KindActions:
			block = m.actionsView(ctx, it, focused)
		case coach.KindDate:
			block = m.dateView(ctx, it, focused)
		default:
			block = m.textView(ctx, it, focused, roomy)
		}
		lines = append(lines, block...)
		if focused {
			focusEnd = len(lines) - 1
		}
	}
	for _, s := range m.slots {
		if s.stage == cur.stage && s.item < 0 { // "more for this stage"
			text := ctx.T("form.more", "Count", s.field)
			if cur == s {
				focusStart = len(lines)
				lines = append(lines, ansi.Truncate(marker(ctx.Styles, true, false)+ctx.Styles.Selected.Render(text), readWidth(ctx), "…"))
				focusEnd = len(lines) - 1
			} else {
				lines = append(lines, ansi.Truncate(ctx.Styles.Faint.Render("+ "+text), readWidth(ctx), "…"))
			}
		}
	}
	return lines, focusStart, focusEnd
}

// marker is the left column of an item: ▸ focused, ✓ answered, ○ not yet.
func marker(s Styles, focused, answered bool) string {
	switch {
	case focused:
		return s.Title.Render("▸ ")
	case answered:
		return s.Answered.Render("✓ ")
	}
	return s.Faint.Render("○ ")
}

func (m *partForm) textView(ctx *Context, it coach.Item, focused, roomy bool) []string {
	s := ctx.Styles
	w := readWidth(ctx)
	a := m.session.Answer(it.ID)
	if !focused {
		line := marker(s, false, !a.Empty()) + s.Prompt.Render(ansi.Truncate(it.Prompt, w-2, "…"))
		out := []string{line}
		if roomy && !a.Empty() {
			out = append(out, "  "+s.Preview.Render(ansi.Truncate(oneLine(a.Text), w-4, "…")))
		}
		return out
	}
	out := []string{}
	prompt := s.Focused.Width(w - 2).Render(it.Prompt)
	for i, l := range strings.Split(prompt, "\n") {
		if i == 0 {
			out = append(out, marker(s, true, false)+l)
		} else {
			out = append(out, "  "+l)
		}
	}
	if it.Hint != "" {
		// The guidance whole, wrapped (Welsh runs longer: "nid dyfarn…").
		for _, l := range wrapped(s.Faint, it.Hint, w-2) {
			out = append(out, "  "+l)
		}
	}
	return append(out, indent(m.ta.View(), "  ")...)
}

// ratingDots shows a rating as dots and words. noted: a rating with a note
// but no score says so ("noted, not rated"), so a note alone (a digit typed
// in it, say) is never taken for a rating.
func ratingDots(ctx *Context, it coach.Item, score int, noted bool) string {
	s := ctx.Styles
	var b strings.Builder
	for i := 1; i <= coach.MaxRating; i++ {
		if i <= score {
			b.WriteString(s.RatingOn.Render("●"))
		} else {
			b.WriteString(s.RatingOff.Render("○"))
		}
	}
	if score == 0 && noted {
		return b.String() + "  " + s.Faint.Render(ctx.T("rating.noteonly"))
	}
	if score == 0 {
		return b.String() + "  " + s.Faint.Render(ctx.T("rating.none"))
	}
	return b.String() + "  " + s.RatingOn.Render(fmt.Sprintf("%d/%d", score, coach.MaxRating)) + " " + s.Subtle.Render(it.ScaleLabel(score))
}

func (m *partForm) ratingView(ctx *Context, it coach.Item, focused, roomy bool) []string {
	s := ctx.Styles
	w := readWidth(ctx)
	a := m.session.Answer(it.ID)
	// The question whole where there is room for it beside the dots.
	labelW := max(20, min(lipgloss.Width(it.Prompt), w-2-34))
	label := ansi.Truncate(it.Prompt, labelW, "…")
	pad := strings.Repeat(" ", max(1, labelW-lipgloss.Width(label)+1))
	dots := ratingDots(ctx, it, a.Rating, strings.TrimSpace(a.Text) != "")
	if m.part == coach.PartRecord && a.Rating > 0 {
		if a.Together {
			dots += s.Subtle.Render(" · " + ctx.T("rating.together"))
		} else {
			dots += s.Warn.Render(" · " + ctx.T("rating.yourview"))
		}
	}
	if !focused {
		// ✓ only once it is rated: a note alone is not a rating.
		line := marker(s, false, a.Rating > 0) + s.Prompt.Render(label) + pad + dots
		out := []string{ansi.Truncate(line, w, "…")}
		if note := oneLine(a.Text); note != "" && roomy {
			out = append(out, "  "+s.Preview.Render(ansi.Truncate(ctx.T("rating.note")+" "+note, w-4, "…")))
		}
		return out
	}
	onScore := m.cur().field == 0
	typeHint := ""
	if onScore {
		typeHint = "  " + s.Faint.Render(ctx.T("rating.type"))
	}
	var out []string
	if label == it.Prompt {
		out = []string{ansi.Truncate(marker(s, true, false)+s.Focused.Render(label)+pad+dots+typeHint, w, "…")}
	} else {
		// The question being answered is never cut (Welsh runs longer):
		// it wraps, and the dots go under it.
		for i, l := range wrapped(s.Focused, it.Prompt, w-2) {
			if i == 0 {
				out = append(out, marker(s, true, false)+l)
			} else {
				out = append(out, "  "+l)
			}
		}
		out = append(out, ansi.Truncate("  "+dots+typeHint, w, "…"))
	}
	if hint := scaleHint(it); hint != "" {
		for _, l := range strings.Split(s.Faint.Width(w-2).Render(hint), "\n") {
			out = append(out, "  "+l)
		}
	}
	if !onScore && a.Rating == 0 {
		// In the note digits are words: say how to rate from here.
		out = append(out, "  "+s.Faint.Render(ansi.Truncate(ctx.T("rating.back"), w-2, "…")))
	}
	if onScore {
		note := oneLine(a.Text)
		if note == "" {
			note = s.Faint.Render(ctx.T("rating.note") + " " + ctx.T("rating.addnote"))
		} else {
			note = s.Preview.Render(ansi.Truncate(ctx.T("rating.note")+" "+note, w-4, "…"))
		}
		return append(out, "  "+note)
	}
	return append(out, indent(m.ta.View(), "  ")...)
}

func (m *partForm) actionsView(ctx *Context, it coach.Item, focused bool) []string {
	s := ctx.Styles
	w := readWidth(ctx)
	acts := m.session.Actions
	live := len(m.session.LiveActions())
	if !focused {
		summary := ctx.T("actions.noneyet")
		if live > 0 {
			summary = ctx.T("actions.agreed", "Count", live)
		}
		return []string{marker(s, false, live > 0) + s.Prompt.Render(it.Prompt) + "  " + s.Faint.Render(summary)}
	}
	out := []string{marker(s, true, false) + s.Focused.Render(it.Prompt)}
	cur := m.cur()
	for r, a := range acts {
		num := fmt.Sprintf("%d. ", r+1)
		text := a.Text
		if text == "" {
			text = s.Faint.Render("(" + ctx.T("form.action.empty") + ")")
		}
		line1 := "  " + num + ansi.Truncate(text, w-6, "…")
		if cur.field == r*actionCols+colText {
			line1 = "  " + num + m.ti.View()
		}
		// A fixed width, so the due column does not move with the owner.
		ownerW := ansi.StringWidth("‹ " + ctx.Owner(coach.OwnerOther) + " ›")
		owner := "[" + ctx.Owner(a.Owner) + "]"
		if cur.field == r*actionCols+colOwner {
			owner = "‹ " + ctx.Owner(a.Owner) + " ›"
			owner = s.Selected.Render(owner) + strings.Repeat(" ", max(0, ownerW-ansi.StringWidth(owner)))
		} else {
			owner += strings.Repeat(" ", max(0, ownerW-ansi.StringWidth(owner)))
		}
		due := fieldDate(ctx, a.Due)
		if raw, ok := m.raw[a.ID]; ok {
			due = raw
		}
		dueNote := ""
		if cur.field == r*actionCols+colDue {
			due = m.ti.View()
			dueNote = dateNote(ctx, m.ti.Value())
		} else if due == "" {
			due = s.Faint.Render(ctx.T("form.due.none"))
		} else if _, unread := m.raw[a.ID]; unread {
			dueNote = s.Warn.Render("? " + ctx.T("date.not"))
		}
		line2 := "     " + s.Subtle.Render(ctx.T("form.owner")+" ") + owner + s.Subtle.Render(" "+ctx.T("form.due.label")+" ") + due
		if dueNote != "" {
			line2 += "  " + dueNote
		}
		out = append(out, line1, ansi.Truncate(line2, w, "…"))
	}
	add := "+ " + ctx.T("form.addaction")
	if cur.field == len(acts)*actionCols {
		add = s.Selected.Render(add) + s.Faint.Render("  "+ctx.T("form.addaction.how"))
	} else {
		add = s.Faint.Render(add)
	}
	return append(out, "  "+add)
}

// dateNote says what a typed date means, or why it cannot be read.
func dateNote(ctx *Context, in string) string {
	s := ctx.Styles
	d, err := coach.ParseDate(in, ctx.Today())
	switch {
	case err != nil:
		return s.Warn.Render("? " + ctx.T("date.notyet"))
	case d.IsZero():
		return ""
	case d.Before(ctx.Today()):
		return s.Warn.Render("→ " + ctx.Date(d) + " (" + ctx.T("date.past") + ")")
	case strings.TrimSpace(in) == ctx.Date(d): // the field says it already
		if w := weekend(ctx, d); w != "" {
			return s.Subtle.Render("(" + w + ")")
		}
		return ""
	}
	note := "→ " + ctx.Date(d)
	if w := weekend(ctx, d); w != "" {
		note += " (" + w + ")"
	}
	return s.Notice.Render(note)
}

// weekend is a word for a date on a Saturday or Sunday, or "" (coach.WeekendIn).
func weekend(ctx *Context, d coach.Date) string { return coach.WeekendIn(ctx.Msg, d) }

func (m *partForm) dateView(ctx *Context, it coach.Item, focused bool) []string {
	s := ctx.Styles
	w := readWidth(ctx)
	a := m.session.Answer(it.ID)
	if !focused {
		val := s.Faint.Render(ctx.T("date.notset"))
		if !a.Date.IsZero() {
			val = s.Subtle.Render(ctx.Date(a.Date))
			if w := weekend(ctx, a.Date); w != "" {
				val += s.Subtle.Render(" (" + w + ")")
			}
		} else if a.Text != "" {
			val = s.Warn.Render(a.Text + " (" + ctx.T("date.not") + ")")
		}
		return []string{ansi.Truncate(marker(s, false, !a.Date.IsZero())+s.Prompt.Render(it.Prompt)+"  "+val, w, "…")}
	}
	line := marker(s, true, false) + s.Focused.Render(it.Prompt) + "  " + m.ti.View()
	note := dateNote(ctx, m.ti.Value())
	out := []string{ansi.Truncate(line+"  "+note, w, "…")}
	if note != "" && ansi.StringWidth(line+"  "+note) > w {
		// A narrow window: what the date means goes on a line of its own
		// rather than off the edge.
		out = []string{ansi.Truncate(line, w, "…")}
		for _, l := range strings.Split(ansi.Wrap(note, max(10, w-2), " "), "\n") {
			out = append(out, "  "+l)
		}
	}
	if it.Hint != "" {
		for _, l := range wrapped(s.Faint, it.Hint, w-2) {
			out = append(out, "  "+l)
		}
	}
	if _, err := coach.ParseDate(m.ti.Value(), ctx.Today()); err != nil {
		out = append(out, "  "+s.Warn.Render(ansi.Truncate(coach.ErrorText(ctx.Msg, err), w-2, "…")))
	}
	return out
}

// window keeps the focused lines [fs, fe] in a view of room lines, marking
// with "⋯" where lines are cut above or below.
func window(lines []string, fs, fe, room int, ctx *Context) []string {
	s := ctx.Styles
	moreAbove, moreBelow := ctx.T("form.moreabove"), ctx.T("form.morebelow")
	if len(lines) <= room {
		return lines
	}
	off := max(0, fe-room+2)
	off = min(off, max(0, fs-1))
	off = min(off, len(lines)-room)
	out := append([]string(nil), lines[off:off+room]...)
	// Mark a cut, but never over the lines of the focused item.
	if off > 0 && off < fs {
		out[0] = s.Faint.Render("  ⋯ " + moreAbove)
	}
	if last := off + room - 1; last < len(lines)-1 && last > fe {
		out[len(out)-1] = s.Faint.Render("  ⋯ " + moreBelow)
	}
	return out
}

// scaleHint says what the ends of a rating's scale mean, before it is
// rated: the item's own hint, or its scale's first and last labels.
func scaleHint(it coach.Item) string {
	if len(it.Scale) < 2 || strings.Contains(it.Hint, it.Scale[0]) {
		return it.Hint
	}
	ends := fmt.Sprintf("1 %s · %d %s", it.Scale[0], len(it.Scale), it.Scale[len(it.Scale)-1])
	if it.Hint == "" {
		return ends
	}
	return ends + ". " + it.Hint
}
