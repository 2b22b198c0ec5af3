package tui

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"

	"attend/coach"
)

// teamMsg carries everyone's latest summary.
type teamMsg struct {
	rows []teamRow
	err  error
}

type teamRow struct {
	person coach.Person
	latest *coach.Summary
}

func loadTeam(st Store) tea.Cmd {
	return func() tea.Msg {
		people, err := st.People()
		if err != nil {
			return teamMsg{err: err}
		}
		latest, err := st.LatestSummaries()
		if err != nil {
			return teamMsg{err: err}
		}
		rows := make([]teamRow, 0, len(people))
		for _, p := range people {
			r := teamRow{person: p}
			if sum, ok := latest[p.ID]; ok {
				r.latest = &sum
			}
			rows = append(rows, r)
		}
		sort.SliceStable(rows, func(i, j int) bool {
			return coach.Fold(rows[i].person.Name) < coach.Fold(rows[j].person.Name)
		})
		return teamMsg{rows: rows}
	}
}

// teamScreen shows everyone's latest ratings at a glance, as a table: the
// same "–" as the trends' "·" where the latest session did not rate it.
type teamScreen struct {
	loaded bool
	rows   []teamRow
	list   listNav
	room   int
}

func pushTeam(ctx *Context) tea.Cmd {
	ctx.Push(&teamScreen{})
	return loadTeam(ctx.Store)
}

func (t *teamScreen) Update(ctx *Context, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case teamMsg:
		if msg.err != nil {
			ctx.Problem(errText(ctx, ctx.T("team.err"), msg.err))
			return nil
		}
		t.loaded, t.rows = true, msg.rows
		t.list.clamp(len(t.rows))
	case tea.KeyPressMsg:
		l := ctx.Keys.List
		if t.list.key(msg, l, len(t.rows), t.room) {
			return nil
		}
		switch {
		case key.Matches(msg, l.Back):
			ctx.Pop()
		case key.Matches(msg, l.Open) && t.list.cursor < len(t.rows):
			return pushTrends(ctx, t.rows[t.list.cursor].person)
		}
	}
	return nil
}

// Reveal reads the team again: a session may have been saved meanwhile.
func (t *teamScreen) Reveal(ctx *Context) tea.Cmd { return loadTeam(ctx.Store) }

func (t *teamScreen) Typing() bool                    { return false }
func (t *teamScreen) Resize(ctx *Context, height int) {}
func (t *teamScreen) Title(ctx *Context) Title {
	return Title{Label: ctx.T("title.team"), State: ctx.Styles.Faint.Render(ctx.Date(ctx.Today()))}
}
func (t *teamScreen) Keys(ctx *Context) bindings {
	l := ctx.Keys.List
	open := l.Open
	open.SetHelp("enter", ctx.T("key.theirtrends"))
	return bindings{short: []key.Binding{open, l.Up, l.Down, l.Back},
		full: [][]key.Binding{{open, l.Back}, {l.Up, l.Down, l.PageUp, l.PageDown, l.Top, l.Bottom}}}
}

func (t *teamScreen) View(ctx *Context, height int) string {
	s := ctx.Styles
	if !t.loaded {
		return loading(ctx, height)
	}
	w := min(bodyWidth(ctx), maxReadWidth)
	out := append([]string{""}, wrapped(s.Title, ctx.T("team.title"), w)...)
	if len(t.rows) == 0 {
		out = append(out, "", s.Subtle.Render(ctx.T("team.none")))
		return fitHeight(strings.Join(out, "\n"), height)
	}
	legend := wrapped(s.Faint, ctx.T("team.legend"), w)
	t.room = max(1, height-len(out)-len(legend)-3)
	start, end := t.list.window(len(t.rows), t.room)

	var rowIDs []string
	heads := []string{"", ctx.T("team.latest")}
	if w < narrowWidth {
		heads = heads[:1] // the date gives way to the ratings in a narrow window
	}
	for gi, g := range coach.Trends {
		if gi > 0 && w < narrowWidth {
			break // a narrow window shows their ratings, not yours
		}
		for _, id := range g.Items {
			rowIDs = append(rowIDs, id)
			heads = append(heads, ctx.T("trend.short."+id))
		}
	}
	var data [][]string
	for i := start; i < end; i++ {
		r := t.rows[i]
		lead := "  "
		if i == t.list.cursor {
			lead = "▸ "
		}
		nameW := max(8, w-3-5*len(rowIDs)) // each rating column is 3 wide, 2 apart
		if w >= narrowWidth {
			nameW = 24
		}
		row := []string{cell(lead+r.person.Name, nameW)}
		if w >= narrowWidth {
			date := ctx.T("due.never")
			if r.latest != nil {
				date = ctx.Date(r.latest.Date)
			}
			row = append(row, date)
		}
		for _, id := range rowIDs {
			v := 0
			if r.latest != nil {
				v = r.latest.Ratings[id]
			}
			if v <= 0 || v > coach.MaxRating {
				row = append(row, "–")
			} else {
				row = append(row, fmt.Sprintf("%s %d", levels[v], v))
			}
		}
		data = append(data, row)
	}
	nameCols := len(heads) - len(rowIDs)
	tb := table.New().
		Border(lipgloss.HiddenBorder()).BorderTop(false).BorderBottom(false).BorderLeft(false).BorderRight(false).
		BorderHeader(false).BorderColumn(false).
		Headers(heads...).Rows(data...).Wrap(false).
		StyleFunc(func(row, col int) lipgloss.Style {
			st := s.Prompt
			switch {
			case row == table.HeaderRow:
				st = s.Faint
			case row+start == t.list.cursor:
				st = s.Selected
			case col >= nameCols:
				st = t.cellStyle(s, data[row][col])
			case col > 0:
				st = s.Subtle
			}
			return st.PaddingRight(2)
		})
	out = append(out, strings.Split(tb.String(), "\n")...)
	switch {
	case end < len(t.rows) && start > 0:
		out = append(out, s.Faint.Render("  ⋯ "+ctx.T("team.more.both", "Above", start, "Below", len(t.rows)-end)))
	case end < len(t.rows):
		out = append(out, s.Faint.Render("  ⋯ "+ctx.T("team.more.below", "N", len(t.rows)-end)))
	case start > 0:
		out = append(out, s.Faint.Render("  ⋯ "+ctx.T("team.more.above", "N", start)))
	default:
		out = append(out, "")
	}
	out = append(out, legend...)
	return fitHeight(strings.Join(out, "\n"), height)
}

// cellStyle tints a rating cell by its value.
func (t *teamScreen) cellStyle(s Styles, text string) lipgloss.Style {
	var v int
	if _, err := fmt.Sscanf(text[strings.LastIndex(text, " ")+1:], "%d", &v); err != nil || v < 1 || v > coach.MaxRating {
		return s.Faint
	}
	return s.Rating[v]
}
