package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

func (f *recordForm) View(ctx *Context, height int) string {
	s := ctx.Styles
	w := readWidth(ctx)
	cur := f.cur()
	out := []string{spread(s.Title.Render("After the meeting"), s.Faint.Render(f.session.Date.Human()), w)}
	if height >= compactHeight {
		out = append(out, wrapped(s.Guidance, "Write what was discussed and agreed, as "+f.person.Name+" would recognise it. It is saved as you type; once they agree the record, it becomes read-only.", w)...)
	}
	out = append(out, "")
	label := func(focused bool, text string) string {
		if focused {
			return s.Title.Render("▸ ") + s.Focused.Render(text)
		}
		return "  " + s.Prompt.Render(text)
	}
	out = append(out, label(cur.kind == slotDiscussed, "What was discussed"))
	if cur.kind == slotDiscussed {
		out = append(out, indent(f.discussed.View(), "  ")...)
	} else if v := oneLine(f.discussed.Value()); v != "" {
		out = append(out, "  "+s.Preview.Render(ansi.Truncate(v, w-4, "…")))
	}
	inActions := cur.kind == slotActText || cur.kind == slotActDue
	heading := "Actions: keep, change or remove those from your prep; add what you agreed"
	out = append(out, "", label(inActions, ansi.Truncate(heading, w-2, "…")))
	for r := 0; r <= len(f.actions); r++ {
		out = append(out, f.actionRow(ctx, r, w)...)
	}
	note := ""
	if d, ok := f.nextDate(ctx.Today()); !ok {
		note = s.Warn.Render("? not a date yet")
	} else if !d.IsZero() {
		note = s.Notice.Render("→ " + d.Human())
	}
	next := s.Subtle.Render(f.next)
	if cur.kind == slotNext {
		next = f.line.View()
	}
	out = append(out, "", ansi.Truncate(label(cur.kind == slotNext, "Next session")+"  "+next+"  "+note, w, "…"))
	switch {
	case f.changedElsewhere:
		out = append(out, wrapped(s.Error, "Another attend window changed this record, so nothing here is being saved. ctrl+s keeps both: theirs, then what is here below it. esc leaves without what is here.", w)...)
	case f.agreedMeanwhile:
		out = append(out, wrapped(s.Error, "This record was agreed meanwhile, so it is read-only. ctrl+s adds what is here as a dated note; esc leaves without it.", w)...)
	case f.err != nil:
		out = append(out, wrapped(s.Error, errText("Could not save the record", f.err), w)...)
	}
	return fitHeight(strings.Join(out, "\n"), height)
}

// actionRow is one action as two lines: its words, then owner and due date.
func (f *recordForm) actionRow(ctx *Context, r, w int) []string {
	s := ctx.Styles
	cur := f.cur()
	a := f.act(r)
	isNew := r == len(f.actions)
	text := a.Text
	if cur.row == r && cur.kind == slotActText {
		text = f.line.View()
	} else if isNew && strings.TrimSpace(a.Text) == "" {
		text = s.Faint.Render("+ add an action")
	}
	lead := "    "
	if cur.row == r && (cur.kind == slotActText || cur.kind == slotActDue) {
		lead = "  " + s.Title.Render("▸ ")
	}
	due := a.Due.String()
	if raw, ok := f.raw[r]; ok {
		due = raw
	}
	dueNote := ""
	if cur.row == r && cur.kind == slotActDue {
		due = f.line.View()
		dueNote = dateNote(ctx, f.line.Value())
	} else if due == "" {
		due = s.Faint.Render("none")
	} else if !a.Due.IsZero() {
		dueNote = s.Subtle.Render("→ " + a.Due.Human())
	}
	if isNew && strings.TrimSpace(a.Text) == "" && !(cur.row == r && (cur.kind == slotActText || cur.kind == slotActDue)) {
		return []string{ansi.Truncate(lead+text, w, "…")}
	}
	line2 := "      " + s.Subtle.Render("owner ") + "[" + a.Owner.Label() + "]" + s.Subtle.Render(" due ") + due
	if dueNote != "" {
		line2 += "  " + dueNote
	}
	return []string{ansi.Truncate(lead+text, w, "…"), ansi.Truncate(line2, w, "…")}
}
