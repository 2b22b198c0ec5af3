package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

// View renders the home screen in exactly height lines.
func (h *homeScreen) View(ctx *Context, height int) string {
	s := ctx.Styles
	w := min(bodyWidth(ctx), maxReadWidth)
	foot := h.footLines(ctx, w)
	var out []string
	switch {
	case !h.loaded:
		out = append(out, "", s.Subtle.Render(ctx.T("home.opening")))
	case len(h.rows) == 0:
		out = append(out, "")
		out = append(out, wrapped(s.Focused, ctx.T("home.first.what"), w)...)
		out = append(out, wrapped(s.Subtle, ctx.T("home.first.how"), w)...)
	default:
		v := h.visible()
		count := ctx.Count("count.people", len(h.rows))
		if h.filter.Value() != "" {
			count = ctx.T("home.matches", "Shown", len(v), "Count", len(h.rows))
		}
		out = append(out, "", spread(s.Title.Render(ctx.T("home.people")), s.Faint.Render(count), w))
		if w >= narrowWidth {
			out = append(out, s.Faint.Render("  "+h.columns(ctx, ctx.T("home.col.name"), ctx.T("home.col.last"), ctx.T("home.col.due"), w)))
		} else {
			out = append(out, "")
		}
		h.room = max(1, height-len(out)-len(foot))
		start, end := h.list.window(len(v), h.room)
		for i := start; i < end; i++ {
			out = append(out, h.rowView(ctx, v[i], i == h.list.cursor, w))
		}
		if len(v) == 0 {
			out = append(out, s.Subtle.Render("  "+ctx.T("home.nomatch")))
		}
	}
	body := fitHeight(strings.Join(out, "\n"), max(0, height-len(foot)))
	if len(foot) == 0 {
		return body
	}
	return body + "\n" + strings.Join(foot, "\n")
}

// footLines are the field and its hint at the foot of the list.
func (h *homeScreen) footLines(ctx *Context, w int) []string {
	s := ctx.Styles
	var out []string
	if h.hint != "" {
		out = append(out, wrapped(s.Warn, h.hint, w)...)
	}
	switch h.mode {
	case homeCadence:
		out = append(out, wrapped(s.Focused, ctx.T("home.cadence.ask", "Name", h.target.Name, "Cadence", ctx.Cadence(h.target.Cadence)), w)...)
		out = append(out, h.field.View())
	case homeAdding:
		out = append(out, s.Focused.Render(ctx.T("home.add.title")), h.field.View())
	case homeRenaming:
		out = append(out, wrapped(s.Focused, ctx.T("home.rename.title", "Name", h.target.Name), w)...)
		out = append(out, h.field.View())
	case homeRemoving:
		out = append(out, wrapped(s.Warn, ctx.T("home.remove.ask", "Name", h.target.Name), w)...)
		out = append(out, h.field.View())
	case homeMeant:
		out = append(out, wrapped(s.Warn, ctx.T("home.meant", "Typed", h.typed, "Name", h.target.Name), w)...)
	case homeFinding:
		out = append(out, h.filter.View())
	default:
		if h.filter.Value() != "" {
			out = append(out, h.filter.View())
		}
	}
	for i := range out {
		out[i] = ansi.Truncate(out[i], w, "…")
	}
	return out
}

// columns lays out one row: the name takes what the date columns leave.
func (h *homeScreen) columns(ctx *Context, name, last, due string, w int) string {
	const lastW, dueW = 18, 26 // room for the longest Welsh date: "Llun 20 Gorff 2026"
	if w < narrowWidth {
		return cell(name, max(8, w-2-dueW-1)) + " " + due
	}
	nameW := max(12, min(28, w-2-2-lastW-2-dueW-9)) // 9: room for "  ✎ draft"
	return cell(name, nameW) + "  " + cell(last, lastW) + "  " + cell(due, dueW)
}

func (h *homeScreen) rowView(ctx *Context, r personRow, selected bool, w int) string {
	s := ctx.Styles
	last := ctx.T("due.never")
	if !r.person.LastSession.IsZero() {
		last = ctx.Date(r.person.LastSession)
	}
	due := ctx.DueShort(r.due)
	switch r.due.State {
	case coach.NeverMet:
		due = ctx.T("home.notmet")
	case coach.Overdue:
		due = "! " + due
	}
	line := h.columns(ctx, r.person.Name, last, due, w)
	if r.draft {
		line += "  ✎ " + ctx.T("home.draft")
	}
	if selected {
		return listRow(s, line, true, w)
	}
	st := s.Subtle
	switch r.due.State {
	case coach.Overdue:
		st = s.Warn
	case coach.DueSoon:
		st = s.Notice
	}
	// Colour the due words without moving any column.
	if i := strings.Index(line, due); i >= 0 && due != "" {
		line = s.Prompt.Render(line[:i]) + st.Render(due) + s.Person.Render(line[i+len(due):])
	}
	return listRow(s, line, false, w)
}
