package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

// searchLimit is how many hits a search shows.
const searchLimit = 200

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

	// search: typing in query runs a search on every change.
	typingQuery bool
	query       textinput.Model
	gen         int  // the latest query sent; older answers are dropped
	inFlight    bool // a search is running: at most one at a time
	queued      bool // the query changed while it ran: send it when it returns
	hits        []coach.Hit
	searched    bool // hits are for the current query
	problem     string
}

func newHistory(ctx *Context, personID, personName string) historyModel {
	q := textinput.New()
	q.Prompt = "search: "
	q.Placeholder = "words from any note; since:1/9 until:+0d"
	q.SetWidth(48)
	q.SetStyles(ctx.Styles.Input)
	return historyModel{personID: personID, personName: personName, loading: true, query: q}
}

// searching reports whether the list shows search hits.
func (h *historyModel) searching() bool { return strings.TrimSpace(h.query.Value()) != "" }

// setHits takes a search's answer, and sends the latest query if it changed
// meanwhile: on a very large file a search can outlast a keystroke, and
// searches must not pile up behind the typing.
func (h *historyModel) setHits(ctx *Context, msg searchMsg) tea.Cmd {
	h.inFlight = false
	if h.queued {
		h.queued = false
		return h.search(ctx)
	}
	if msg.gen != h.gen {
		return nil // an answer to a query typed past already
	}
	h.hits, h.searched = msg.hits, true
	h.cursor = min(h.cursor, max(0, len(h.hits)-1))
	return nil
}

// search sends the current query.
func (h *historyModel) search(ctx *Context) tea.Cmd {
	h.gen++
	h.cursor = 0
	q, problem := parseSearch(h.query.Value(), ctx.Today())
	h.problem = problem
	if strings.TrimSpace(q.Text) == "" && q.Since.IsZero() && q.Until.IsZero() {
		h.hits, h.searched = nil, false
		return nil
	}
	q.PersonID = h.personID
	q.Limit = searchLimit
	if h.inFlight {
		h.queued = true
		return nil
	}
	h.inFlight = true
	return runSearch(ctx.Store, q, h.gen)
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
	if h.typingQuery {
		if ok {
			switch {
			case key.Matches(km, ctx.Keys.Back):
				h.typingQuery = false
				h.query.Reset()
				h.query.Blur()
				h.hits, h.searched, h.problem = nil, false, ""
				h.cursor = 0
				return historyResult{}, nil
			case km.String() == "enter" || km.String() == "down":
				h.typingQuery = false
				h.query.Blur()
				return historyResult{}, nil
			}
		}
		before := h.query.Value()
		var cmd tea.Cmd
		h.query, cmd = h.query.Update(msg)
		if h.query.Value() != before {
			return historyResult{}, tea.Batch(cmd, h.search(ctx))
		}
		return historyResult{}, cmd
	}
	if !ok {
		return historyResult{}, nil
	}
	k := ctx.Keys
	if h.searching() {
		switch {
		case key.Matches(km, k.Back):
			h.query.Reset()
			h.hits, h.searched, h.problem = nil, false, ""
			h.cursor = 0
		case key.Matches(km, k.Filter):
			h.typingQuery = true
			return historyResult{}, h.query.Focus()
		case key.Matches(km, k.Up):
			h.cursor = max(0, h.cursor-1)
		case key.Matches(km, k.Down):
			h.cursor = min(max(0, len(h.hits)-1), h.cursor+1)
		case key.Matches(km, k.Open):
			if h.cursor < len(h.hits) {
				it := h.hits[h.cursor].Summary
				return historyResult{open: &it}, nil
			}
		}
		return historyResult{}, nil
	}
	switch {
	case key.Matches(km, k.Filter):
		h.typingQuery = true
		return historyResult{}, h.query.Focus()
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
	if h.typingQuery || h.searching() {
		return h.searchView(ctx, height, out[:2], w)
	}
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

// searchView shows the query and its hits: where each was found and the
// matching words, highlighted.
func (h *historyModel) searchView(ctx *Context, height int, top []string, w int) string {
	s := ctx.Styles
	out := append(top, h.query.View())
	words := coach.SearchQuery{Text: func() string { q, _ := parseSearch(h.query.Value(), ctx.Today()); return q.Text }()}.Words()
	switch {
	case h.problem != "":
		out = append(out, s.Warn.Render(h.problem))
	case !h.searched && h.searching():
		out = append(out, s.Faint.Render("Searching…"))
	case h.searched:
		n := len(h.hits)
		label := plural(n, "session") + " found"
		if n >= searchLimit {
			label = fmt.Sprintf("The newest %d matching sessions; add a word or a date to narrow it.", searchLimit)
		}
		if n == 0 {
			label = "Nothing found. Words match from their start, ignoring case and accents: sian finds Siân."
		}
		out = append(out, s.Faint.Render(label))
	default:
		out = append(out, s.Faint.Render("Type to search every note. enter keeps the results; esc clears."))
	}
	out = append(out, "")
	room := max(1, (height-len(out))/2)
	start := max(0, min(h.cursor-room/2, len(h.hits)-room))
	for i := start; i < len(h.hits) && i < start+room; i++ {
		hit := h.hits[i]
		lead := "  "
		if i == h.cursor && !h.typingQuery {
			lead = "▸ "
		}
		head := lead + fmt.Sprintf("%-15s", hit.Summary.Date.Human()) + "  " + hit.Summary.PersonName + "  · " + stageTitle(ctx.Guide, hit)
		if i == h.cursor && !h.typingQuery {
			head = s.Selected.Render(head)
		} else {
			head = s.Prompt.Render(head)
		}
		snippet := ansi.Truncate(oneLine(hit.Snippet), w-4, "…")
		out = append(out, ansi.Truncate(head, w, "…"), "    "+highlight(s, snippet, words))
	}
	return fitHeight(strings.Join(out, "\n"), height)
}
