package tui

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

// personTrendMsg carries one person's summaries, newest first.
type personTrendMsg struct {
	person coach.Person
	sums   []coach.Summary
	err    error
}

func loadPersonTrend(st Store, p coach.Person) tea.Cmd {
	return func() tea.Msg {
		sums, _, err := st.Summaries(p.ID, "", 0)
		return personTrendMsg{person: p, sums: sums, err: err}
	}
}

// levels draws a rating 1-5 as a bar height, so it reads without colour;
// "·" is a session where it was not rated.
var levels = []string{"·", "▁", "▃", "▄", "▆", "█"}

// trendsScreen shows how one person has been over time: one column a
// session, every row on the same columns, so a skipped rating leaves a gap
// in its row rather than shifting it.
type trendsScreen struct {
	loaded bool
	person coach.Person
	sums   []coach.Summary // oldest first
	vp     viewport.Model  // scrolls when the window is too short for every row
	width  int             // the width the charts were drawn for (0: draw again)
}

func pushTrends(ctx *Context, p coach.Person) tea.Cmd {
	vp := viewport.New()
	vp.KeyMap = viewport.KeyMap{}
	ctx.Push(&trendsScreen{person: p, vp: vp})
	return loadPersonTrend(ctx.Store, p)
}

func (t *trendsScreen) Update(ctx *Context, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case personTrendMsg:
		if msg.person.ID != t.person.ID {
			return nil
		}
		if msg.err != nil {
			ctx.Problem(errText(ctx, ctx.T("trends.err"), msg.err))
			return nil
		}
		t.loaded, t.sums, t.width = true, msg.sums, 0
		sort.SliceStable(t.sums, func(i, j int) bool { return t.sums[i].Date.Before(t.sums[j].Date) })
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, ctx.Keys.List.Back):
			ctx.Pop()
		case key.Matches(msg, ctx.Keys.Record.Sessions):
			return pushHistory(ctx, t.person.ID, t.person.Name)
		default:
			scroll(&t.vp, msg, ctx.Keys.List)
		}
	}
	return nil
}

func (t *trendsScreen) Typing() bool { return false }
func (t *trendsScreen) Resize(ctx *Context, height int) {
	t.vp.SetWidth(bodyWidth(ctx))
	t.vp.SetHeight(max(1, height))
	// Draw the charts once for the data and the width, not on every key.
	if t.loaded && t.width != bodyWidth(ctx) {
		t.width = bodyWidth(ctx)
		t.vp.SetContent(t.body(ctx))
	}
}

func (t *trendsScreen) restyle(Styles) { t.width = 0 }
func (t *trendsScreen) Title(ctx *Context) Title {
	return Title{Label: ctx.T("title.trends"), Person: t.person.Name, State: ctx.Styles.Faint.Render(ctx.Date(ctx.Today()))}
}
func (t *trendsScreen) Keys(ctx *Context) bindings {
	open, back, l := ctx.Keys.Record.Sessions, ctx.Keys.List.Back, ctx.Keys.List
	short := []key.Binding{open, back}
	if t.vp.TotalLineCount() > t.vp.Height() {
		short = []key.Binding{open, l.Up, l.Down, back}
	}
	return bindings{short: short, full: [][]key.Binding{{open, back}, {l.Up, l.Down, l.PageUp, l.PageDown}}}
}

func (t *trendsScreen) View(ctx *Context, height int) string {
	if !t.loaded {
		return loading(ctx, height)
	}
	lines := strings.Split(t.vp.View(), "\n")
	lines = lines[:min(len(lines), height)]
	if t.vp.TotalLineCount() > t.vp.YOffset()+height && len(lines) > 0 {
		lines[len(lines)-1] = ctx.Styles.Faint.Render("⋯ " + ctx.T("trends.more"))
	}
	return fitHeight(strings.Join(lines, "\n"), height)
}

// body is every line of the trends, for the viewport.
func (t *trendsScreen) body(ctx *Context) string {
	s := ctx.Styles
	w := min(bodyWidth(ctx), maxReadWidth)
	p := t.person
	facts := []string{ctx.Cadence(p.Cadence)}
	if !p.LastSession.IsZero() {
		facts = append(facts, ctx.T("trends.last", "Date", ctx.Date(p.LastSession)))
	}
	if d := coach.DueFor(p, ctx.Today()); d.State != coach.NeverMet {
		facts = append(facts, ctx.Due(d))
	}
	out := append([]string{""}, wrapped(s.Subtle, strings.Join(facts, " · "), w)...)
	out = append(out, "")
	if len(t.sums) == 0 {
		out = append(out, wrapped(s.Subtle, ctx.T("trends.none"), w)...)
		return strings.Join(out, "\n")
	}
	labelW := min(14, max(11, w/5)) // room for "Competence"
	latestW := 18
	if w < narrowWidth {
		latestW = 4
	}
	cols := max(3, w-labelW-latestW)
	shown := t.sums[max(0, len(t.sums)-cols):]
	for _, g := range coach.Trends {
		out = append(out, wrapped(s.Title, ctx.T("trend.group."+g.ID), w)...)
		for _, id := range g.Items {
			it, _, ok := ctx.Guide.Item(id)
			if !ok {
				continue
			}
			out = append(out, ansi.Truncate(cell(ctx.T("trend.row."+id), labelW-1)+" "+t.row(s, shown, id)+t.latest(ctx, it, latestW), w, "…"))
		}
		out = append(out, "")
	}
	// Help that was agreed and done: did it help?
	totals := map[coach.Outcome]int{}
	for _, p := range coach.OutcomeSeries(t.sums) {
		for o, n := range p.Outcomes {
			totals[o] += n
		}
	}
	var did []string
	for _, o := range coach.Outcomes {
		if totals[o] > 0 {
			did = append(did, fmt.Sprintf("%d %s", totals[o], ctx.Outcome(o)))
		}
	}
	if len(did) > 0 {
		out = append(out, wrapped(s.Title, ctx.T("trends.helped"), w)...)
		out = append(out, wrapped(s.Subtle, strings.Join(did, " · "), w)...)
		out = append(out, "")
	}
	span := ctx.Date(shown[0].Date) + " → " + ctx.Date(shown[len(shown)-1].Date)
	out = append(out, strings.Repeat(" ", labelW)+s.Faint.Render(ansi.Truncate(span, w-labelW, "…")))
	more := ctx.T("trends.foot", "Count", len(t.sums), "Shown", len(shown), "Mark", levels[0])
	out = append(out, wrapped(s.Faint, more, w)...)
	return strings.Join(out, "\n")
}

// row draws one rating across the sessions shown, one column each.
func (t *trendsScreen) row(s Styles, shown []coach.Summary, id string) string {
	var b strings.Builder
	for _, sum := range shown {
		r := min(max(sum.Ratings[id], 0), coach.MaxRating)
		b.WriteString(s.Rating[r].Render(levels[r]))
	}
	return b.String()
}

// latest is the rating at the latest session, and whether it is falling or
// rising against the two before; "not rated" if the latest skipped it.
func (t *trendsScreen) latest(ctx *Context, it coach.Item, w int) string {
	s := ctx.Styles
	last := t.sums[len(t.sums)-1].Ratings[it.ID]
	if last <= 0 && w < 10 {
		return s.Faint.Render(" " + levels[0]) // the legend says what it means
	}
	if last <= 0 {
		return s.Faint.Render(" " + ctx.T("rating.none"))
	}
	text := s.Rating[last].Bold(true).Render(fmt.Sprintf(" %d", last))
	if w < 10 {
		return text
	}
	text += s.Subtle.Render(" " + it.ScaleLabel(last))
	if len(t.sums) >= 3 {
		switch prev := t.sums[len(t.sums)-3].Ratings[it.ID]; {
		case prev > 0 && last < prev:
			text += s.Warn.Render(" ↓")
		case prev > 0 && last > prev:
			text += s.Notice.Render(" ↑")
		}
	}
	return text
}
