package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

// historyPage is how many summaries are read at a time. Lists page through
// the summary index, so opening history costs the same at 100 sessions or
// 100,000: the rest is read as the cursor nears the end of what is loaded.
const historyPage = 100

// historyMsg carries a page of summaries.
type historyMsg struct {
	personID string
	items    []coach.Summary
	next     string
	appended bool
	err      error
}

func loadHistory(st Store, personID, after string) tea.Cmd {
	return func() tea.Msg {
		items, next, err := st.Summaries(personID, after, historyPage)
		return historyMsg{personID: personID, items: items, next: next, appended: after != "", err: err}
	}
}

// historyModel lists saved sessions, newest first, for everyone or one person.
type historyModel struct {
	personID   string // "" for everyone
	personName string
	items      []coach.Summary
	next       string // cursor for the next page; "" when all are loaded
	loading    bool
	loaded     bool
	cursor     int
}

func newHistory(personID, personName string) historyModel {
	return historyModel{personID: personID, personName: personName, loading: true}
}

func (h *historyModel) setPage(msg historyMsg) {
	if msg.personID != h.personID {
		return // a page for a list no longer shown
	}
	h.loading = false
	h.loaded = true
	if msg.appended {
		h.items = append(h.items, msg.items...)
	} else {
		h.items = msg.items
		h.cursor = 0
	}
	h.next = msg.next
}

type historyResult struct {
	back   bool
	open   *coach.Summary
	filter *coach.Summary // show only this row's person (or everyone again)
}

func (h *historyModel) update(ctx *Context, msg tea.Msg) (historyResult, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return historyResult{}, nil
	}
	k := ctx.Keys
	switch {
	case key.Matches(km, k.Back):
		return historyResult{back: true}, nil
	case key.Matches(km, k.Up):
		h.cursor = max(0, h.cursor-1)
	case key.Matches(km, k.Down):
		h.cursor = min(max(0, len(h.items)-1), h.cursor+1)
	case key.Matches(km, k.PageUp):
		h.cursor = max(0, h.cursor-10)
	case key.Matches(km, k.PageDn):
		h.cursor = min(max(0, len(h.items)-1), h.cursor+10)
	case km.String() == "home" || km.String() == "g":
		h.cursor = 0
	case km.String() == "end" || km.String() == "G":
		h.cursor = max(0, len(h.items)-1)
	case key.Matches(km, k.Open):
		if h.cursor < len(h.items) {
			it := h.items[h.cursor]
			return historyResult{open: &it}, nil
		}
	case key.Matches(km, k.OnePerson):
		if h.personID != "" {
			return historyResult{filter: &coach.Summary{}}, nil
		}
		if h.cursor < len(h.items) {
			it := h.items[h.cursor]
			return historyResult{filter: &it}, nil
		}
	}
	// Read the next page before the cursor reaches the end of this one.
	if h.next != "" && !h.loading && h.cursor >= len(h.items)-20 {
		h.loading = true
		return historyResult{}, loadHistory(ctx.Store, h.personID, h.next)
	}
	return historyResult{}, nil
}

func (h *historyModel) view(ctx *Context, height int) string {
	s := ctx.Styles
	w := min(bodyWidth(ctx), maxReadWidth+20)
	title := "History: everyone"
	if h.personID != "" {
		title = "History: " + h.personName
	}
	count := fmt.Sprintf("%d sessions", len(h.items))
	if h.next != "" {
		count = fmt.Sprintf("%d+ sessions", len(h.items))
	}
	out := []string{"", spread(s.Title.Render(title), s.Faint.Render(count), w), ""}
	switch {
	case !h.loaded:
		out = append(out, s.Subtle.Render("Reading…"))
	case len(h.items) == 0:
		out = append(out, s.Subtle.Render("No saved sessions yet. Save a prep (ctrl+s, then enter) and it appears here."))
	default:
		room := max(1, height-len(out))
		start := max(0, min(h.cursor-room/2, len(h.items)-room))
		for i := start; i < len(h.items) && i < start+room; i++ {
			out = append(out, h.row(ctx, h.items[i], i == h.cursor, w))
		}
	}
	return fitHeight(strings.Join(out, "\n"), height)
}

// completeness draws how much of a record is filled in, as five blocks.
func completeness(s Styles, answered, total int) string {
	if total == 0 {
		return ""
	}
	filled := (answered*5 + total/2) / total
	return s.RatingOn.Render(strings.Repeat("▰", filled)) + s.RatingOff.Render(strings.Repeat("▱", 5-filled))
}

func (h *historyModel) row(ctx *Context, it coach.Summary, selected bool, w int) string {
	s := ctx.Styles
	name := ansi.Truncate(it.PersonName, 18, "…")
	name += strings.Repeat(" ", max(0, 18-ansi.StringWidth(name)))
	date := fmt.Sprintf("%-15s", it.Date.Human())
	open := "       "
	if it.Open > 0 {
		open = fmt.Sprintf("%d open ", it.Open)
		open += strings.Repeat(" ", max(0, 7-len(open)))
	}
	lead := "  "
	if selected {
		lead = "▸ "
	}
	head := lead + date + "  " + name + "  "
	tail := fmt.Sprintf(" %2d/%-2d  ", it.Answered, it.Total) + open
	room := max(0, w-ansi.StringWidth(head)-5-ansi.StringWidth(tail))
	preview := ansi.Truncate(it.Preview, room, "…")
	if selected {
		return s.Selected.Render(head) + completeness(s, it.Answered, it.Total) + s.Subtle.Render(tail) + s.Preview.Render(preview)
	}
	return s.Prompt.Render(head) + completeness(s, it.Answered, it.Total) + s.Subtle.Render(tail) + s.Preview.Render(preview)
}
