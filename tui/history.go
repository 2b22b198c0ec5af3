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

// historyMsg carries a page of summaries, and how many there are in all.
type historyMsg struct {
	personID string
	items    []coach.Summary
	next     string
	appended bool
	total    int
	err      error
}

func loadHistory(st Store, personID, after string) tea.Cmd {
	return func() tea.Msg {
		items, next, err := st.Summaries(personID, after, historyPage)
		if err != nil {
			return historyMsg{personID: personID, err: err}
		}
		// Each person keeps a count of their sessions: the total without
		// reading every summary.
		people, err := st.People()
		total := 0
		for _, p := range people {
			if personID == "" || p.ID == personID {
				total += p.Sessions
			}
		}
		return historyMsg{personID: personID, items: items, next: next, appended: after != "", total: total, err: err}
	}
}

// historyScreen lists saved sessions, newest first, for everyone or one
// person; / searches every note as you type.
type historyScreen struct {
	personID   string // "" for everyone
	personName string
	items      []coach.Summary
	total      int
	next       string // cursor for the next page; "" when all are loaded
	loading    bool
	loaded     bool
	list       listNav
	room       int
	search     searchBox
}

// pushHistory opens the history for everyone (personID "") or one person.
func pushHistory(ctx *Context, personID, name string) tea.Cmd {
	ctx.Push(&historyScreen{personID: personID, personName: name, loading: true, search: newSearchBox(ctx, personID)})
	return loadHistory(ctx.Store, personID, "")
}

func (h *historyScreen) Typing() bool { return h.search.typing }

func (h *historyScreen) Title(ctx *Context) Title {
	return Title{Label: ctx.T("title.history"), State: ctx.Styles.Faint.Render(ctx.Date(ctx.Today()))}
}

func (h *historyScreen) Resize(ctx *Context, height int) {
	h.search.query.SetWidth(max(10, min(60, bodyWidth(ctx)-10)))
}

func (h *historyScreen) restyle(s Styles) { h.search.query.SetStyles(s.Input) }

// Reveal reads the list again, keeping the cursor: a record completed or an
// action closed meanwhile changes its row.
func (h *historyScreen) Reveal(ctx *Context) tea.Cmd {
	cmds := []tea.Cmd{func() tea.Msg {
		items, next, err := ctx.Store.Summaries(h.personID, "", max(historyPage, len(h.items)))
		return historyMsg{personID: h.personID, items: items, next: next, total: h.total, err: err}
	}}
	if h.search.active() {
		cmds = append(cmds, h.search.rerun(ctx))
	}
	return tea.Batch(cmds...)
}

func (h *historyScreen) setPage(msg historyMsg) {
	h.loading, h.loaded = false, true
	if msg.appended {
		h.items = append(h.items, msg.items...)
	} else {
		h.items = msg.items
	}
	h.total = max(msg.total, len(h.items))
	h.next = msg.next
	h.list.clamp(len(h.items))
}

func (h *historyScreen) Update(ctx *Context, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case historyMsg:
		if msg.personID != h.personID {
			return nil // a page for a list no longer shown
		}
		if msg.err != nil {
			ctx.Problem(errText(ctx, ctx.T("history.err"), msg.err))
			return nil
		}
		h.setPage(msg)
		return nil
	case searchMsg:
		return h.search.setHits(ctx, msg)
	case tea.PasteMsg:
		if h.search.typing {
			return h.search.edit(ctx, msg)
		}
	case tea.KeyPressMsg:
		if h.search.typing || h.search.active() {
			open, cmd := h.search.key(ctx, msg)
			if open != nil {
				q, _ := parseSearch(h.search.query.Value(), ctx.Today())
				return tea.Batch(cmd, pushDetailHit(ctx, *open, q.Words()))
			}
			return cmd
		}
		return h.key(ctx, msg)
	}
	return nil
}

func (h *historyScreen) key(ctx *Context, msg tea.KeyPressMsg) tea.Cmd {
	l := ctx.Keys.List
	if h.list.key(msg, l, len(h.items), h.room) {
		// Read the next page before the cursor reaches the end of this one.
		if h.next != "" && !h.loading && h.list.cursor >= len(h.items)-20 {
			h.loading = true
			return loadHistory(ctx.Store, h.personID, h.next)
		}
		return nil
	}
	switch {
	case key.Matches(msg, l.Find):
		return h.search.focus()
	case key.Matches(msg, l.Back):
		ctx.Pop()
	case key.Matches(msg, l.Open):
		if h.list.cursor < len(h.items) {
			it := h.items[h.list.cursor]
			return pushDetail(ctx, it.ID, it.PersonID)
		}
	case key.Matches(msg, ctx.Keys.Record.OnePerson):
		if h.personID != "" {
			ctx.Replace(&historyScreen{loading: true, search: newSearchBox(ctx, "")})
			return loadHistory(ctx.Store, "", "")
		}
		if h.list.cursor < len(h.items) {
			it := h.items[h.list.cursor]
			ctx.Replace(&historyScreen{personID: it.PersonID, personName: it.PersonName, loading: true, search: newSearchBox(ctx, it.PersonID)})
			return loadHistory(ctx.Store, it.PersonID, "")
		}
	}
	return nil
}

func (h *historyScreen) View(ctx *Context, height int) string {
	s := ctx.Styles
	w := min(bodyWidth(ctx), maxReadWidth+20)
	title := ctx.T("history.everyone")
	if h.personID != "" {
		title = ctx.T("history.person", "Name", h.personName)
	}
	count := ctx.Count("count.sessions", h.total)
	out := []string{"", spread(s.Title.Render(title), s.Faint.Render(count), w)}
	if h.search.active() {
		return h.search.view(ctx, height, out, w)
	}
	if h.search.typing {
		// Nothing typed yet: the box above the list, which stays until a
		// query is typed (/ blanked it, in the trial).
		out = append(out, h.search.query.View())
		out = append(out, wrapped(s.Faint, ctx.T("search.how"), w)...)
	}
	out = append(out, "")
	switch {
	case !h.loaded:
		out = append(out, s.Subtle.Render(ctx.T("app.reading")))
	case len(h.items) == 0:
		out = append(out, wrapped(s.Subtle, ctx.T("history.none"), w)...)
	default:
		openW := ansi.StringWidth(ctx.T("actions.open", "Count", 9))
		dateW := 18 // "Llun 20 Gorff 2026"
		if w >= narrowWidth {
			out = append(out, s.Faint.Render(h.header(ctx, w, dateW, openW)))
		}
		h.room = max(1, height-len(out))
		start, end := h.list.window(len(h.items), h.room)
		if w < narrowWidth {
			// Narrow: as wide as the dates on screen, so "5 Tach" leaves
			// the name and the note the room "30 Medi 2025" would take.
			dateW = 0
			for i := start; i < end; i++ {
				dateW = max(dateW, ansi.StringWidth(ctx.Short(h.items[i].Date)))
			}
		}
		for i := start; i < end; i++ {
			out = append(out, h.row(ctx, h.items[i], i == h.list.cursor && !h.search.typing, w, dateW, openW))
		}
	}
	return fitHeight(strings.Join(out, "\n"), height)
}

// completeness draws how much of a record is filled in, as five blocks.
func completeness(answered, total int) string {
	if total == 0 {
		return "     "
	}
	filled := (answered*5 + total/2) / total
	return strings.Repeat("▰", filled) + strings.Repeat("▱", 5-filled)
}

// header names the columns of the rows below, so that "10/12" says it is
// the meeting record's prompts answered (the same count the record shows),
// and the words beside it the record's.
func (h *historyScreen) header(ctx *Context, w, dateW, openW int) string {
	name := ""
	if h.personID == "" {
		name = cell(ctx.T("home.col.name"), h.nameWidth(w)) + "  "
	}
	line := "  " + cell(ctx.T("history.col.date"), dateW) + "  " + name +
		cell(ctx.T("history.col.record"), 12) + cell("", openW) + "  " + ctx.T("history.col.words")
	return ansi.Truncate(line, w, "…")
}

func (h *historyScreen) nameWidth(w int) int { return min(18, max(8, w/5)) }

// row is one session's line; dateW is the date column's width and openW
// how wide the language writes "9 open" ("9 ar agor"), both worked out
// once a frame.
func (h *historyScreen) row(ctx *Context, it coach.Summary, selected bool, w, dateW, openW int) string {
	s := ctx.Styles
	open := ""
	if it.Open > 0 {
		open = ctx.T("actions.open", "Count", it.Open)
	}
	name := ""
	if h.personID == "" {
		name = cell(it.PersonName, h.nameWidth(w)) + "  "
	}
	date := cell(ctx.Date(it.Date), dateW)
	if w < narrowWidth {
		date = cell(ctx.Short(it.Date), dateW) // no weekday, and no year this year
	}
	head := date + "  " + name
	// The record's first words, never the prep's: history may be on the
	// screen with them in the room.
	words, wordStyle := coach.SafeText(it.Words(ctx.Msg)), s.Preview
	if it.Preview == "" {
		wordStyle = s.Faint // a label, not their words
	}
	if w < narrowWidth {
		return listRow(s, head+words, selected, w)
	}
	bar := completeness(it.Answered, it.Total)
	tail := fmt.Sprintf(" %2d/%-2d  %s  ", it.Answered, it.Total, cell(open, openW))
	if it.NoRecord() && it.Preview == "" {
		// A prep saved before the meeting: the record column says so, and
		// the words beside it, whole at 80 columns ("prep only, no rec…"
		// was cut off there).
		bar, tail = "", cell(ctx.T("history.preponly"), ansi.StringWidth(bar+tail)-2)+"  "
		words = ctx.T("history.norecord")
	}
	if selected {
		return listRow(s, head+bar+tail+words, true, w)
	}
	return listRow(s, s.Prompt.Render(head)+s.RatingOn.Render(bar)+s.Subtle.Render(tail)+wordStyle.Render(words), false, w)
}

func (h *historyScreen) Keys(ctx *Context) bindings {
	l := ctx.Keys.List
	if b, ok := h.search.keys(ctx); ok {
		return b
	}
	one := ctx.Keys.Record.OnePerson
	return bindings{short: []key.Binding{l.Open, l.Find, one, l.Up, l.Down, l.Back},
		full: [][]key.Binding{{l.Open, l.Find, one}, {l.Up, l.Down, l.PageUp, l.PageDown, l.Top, l.Bottom}, {l.Back}}}
}
