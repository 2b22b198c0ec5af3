package tui

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

// The ratings the trend pictures show, in order, and the manager's own.
var (
	needIDs    = []string{"needs.autonomy", "needs.belonging", "needs.competence", "needs.workload"}
	checkinIDs = []string{"checkin.energy"}
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

// chartNames are short row names for the trend charts.
var chartNames = map[string]string{
	"needs.autonomy": "Autonomy", "needs.belonging": "Belonging", "needs.competence": "Competence",
	"needs.workload": "Workload", "checkin.energy": "Your energy",
}

// levels draws a rating 1-5 as a bar height, so it reads without colour.
var levels = []string{" ", "▁", "▃", "▄", "▆", "█"}

// ratingColour tints a rating: low is a warm warning, high a calm green.
func ratingColour(s Styles, r int) color.Color {
	ld := lipgloss.LightDark(s.IsDark)
	switch {
	case r <= 0:
		return ld(lipgloss.Color("#8C959F"), lipgloss.Color("#6E7378"))
	case r <= 2:
		return ld(lipgloss.Color("#B42318"), lipgloss.Color("#FF7B72"))
	case r == 3:
		return ld(lipgloss.Color("#9A6700"), lipgloss.Color("#E3B341"))
	}
	return ld(lipgloss.Color("#2E6F5E"), lipgloss.Color("#7FC8A9"))
}

// sparkline draws the last n points, one column a session, oldest left.
func sparkline(s Styles, pts []coach.Point, n int) string {
	if len(pts) > n {
		pts = pts[len(pts)-n:]
	}
	var b strings.Builder
	for _, p := range pts {
		b.WriteString(lipgloss.NewStyle().Foreground(ratingColour(s, p.Rating)).Render(levels[p.Rating]))
	}
	return b.String()
}

// personTrendModel shows how one person has been over time.
type personTrendModel struct {
	loaded bool
	person coach.Person
	sums   []coach.Summary
}

func (pt *personTrendModel) view(ctx *Context, height int) string {
	s := ctx.Styles
	if !pt.loaded {
		return fitHeight("\n"+s.Subtle.Render("Reading…"), height)
	}
	w := min(bodyWidth(ctx), maxReadWidth)
	p := pt.person
	facts := []string{p.Cadence.String()}
	if !p.LastSession.IsZero() {
		facts = append(facts, "last "+p.LastSession.Human())
	}
	if d := coach.DueFor(p, ctx.Today()); d.State != coach.NeverMet {
		facts = append(facts, d.Label())
	}
	out := []string{"", s.Person.Render(p.Name) + s.Subtle.Render("  ·  "+strings.Join(facts, " · ")), ""}
	if len(pt.sums) == 0 {
		out = append(out, s.Subtle.Render("No saved sessions yet: trends appear here once sessions with ratings are saved."))
		return fitHeight(strings.Join(out, "\n"), height)
	}
	const labelW = 24
	chartW := max(5, w-labelW-24)
	section := func(title string, ids []string) {
		out = append(out, s.Title.Render(title))
		var first, last coach.Date
		for _, id := range ids {
			it, _, ok := ctx.Guide.Item(id)
			if !ok {
				continue
			}
			pts := coach.Series(pt.sums, id)
			name := it.Prompt
			if short, ok := chartNames[id]; ok {
				name = short // a chart row needs a name, not a question
			}
			label := ansi.Truncate(name, labelW-1, "…")
			label += strings.Repeat(" ", max(0, labelW-ansi.StringWidth(label)))
			if len(pts) == 0 {
				out = append(out, s.Prompt.Render(label)+s.Faint.Render("not rated yet"))
				continue
			}
			shown := pts[max(0, len(pts)-chartW):]
			if first.IsZero() || shown[0].Date.Before(first) {
				first = shown[0].Date
			}
			if last.Before(shown[len(shown)-1].Date) {
				last = shown[len(shown)-1].Date
			}
			now := pts[len(pts)-1].Rating
			trend := ""
			if len(pts) >= 3 {
				switch prev := pts[len(pts)-3].Rating; {
				case now < prev:
					trend = s.Warn.Render(" ↓ falling")
				case now > prev:
					trend = s.Notice.Render(" ↑ rising")
				}
			}
			latest := lipgloss.NewStyle().Foreground(ratingColour(s, now)).Bold(true).Render(fmt.Sprintf(" %d", now)) +
				s.Subtle.Render(" "+it.ScaleLabel(now))
			line := s.Prompt.Render(label) + sparkline(s, shown, chartW) + latest + trend
			out = append(out, ansi.Truncate(line, w, "…"))
		}
		if !first.IsZero() {
			span := first.Time().Format("Jan 2006") + " → " + last.Time().Format("Jan 2006")
			out = append(out, strings.Repeat(" ", labelW)+s.Faint.Render(span))
		}
		out = append(out, "")
	}
	section("Core needs and workload, one bar a session (taller is better)", needIDs)
	section("How you arrived before each session", checkinIDs)
	out = append(out, s.Faint.Render(fmt.Sprintf("%d saved sessions. enter lists them.", len(pt.sums))))
	return fitHeight(strings.Join(out, "\n"), height)
}

// teamModel shows everyone's latest ratings at a glance.
type teamModel struct {
	loaded bool
	rows   []teamRow
	cursor int
}

func (tm *teamModel) update(ctx *Context, msg tea.Msg) (back bool, open *coach.Person) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false, nil
	}
	switch {
	case key.Matches(km, ctx.Keys.Back):
		return true, nil
	case key.Matches(km, ctx.Keys.Up):
		tm.cursor = max(0, tm.cursor-1)
	case key.Matches(km, ctx.Keys.Down):
		tm.cursor = min(max(0, len(tm.rows)-1), tm.cursor+1)
	case key.Matches(km, ctx.Keys.Open):
		if tm.cursor < len(tm.rows) {
			p := tm.rows[tm.cursor].person
			return false, &p
		}
	}
	return false, nil
}

func (tm *teamModel) view(ctx *Context, height int) string {
	s := ctx.Styles
	if !tm.loaded {
		return fitHeight("\n"+s.Subtle.Render("Reading…"), height)
	}
	w := min(bodyWidth(ctx), maxReadWidth)
	const nameW = 22
	cols := append(append([]string{}, needIDs...), checkinIDs...)
	heads := []string{"Aut", "Bel", "Com", "Wkl", "You"}
	head := strings.Repeat(" ", 2+nameW) + fmt.Sprintf("%-17s", "latest session")
	for _, h := range heads {
		head += fmt.Sprintf("%-5s", h)
	}
	out := []string{"", s.Title.Render("Team at a glance: everyone's latest ratings"), s.Faint.Render(head)}
	if len(tm.rows) == 0 {
		out = append(out, s.Subtle.Render("No one yet. Add people on the home screen."))
	}
	room := max(1, height-len(out)-2)
	start := max(0, min(tm.cursor-room/2, len(tm.rows)-room))
	for i := start; i < len(tm.rows) && i < start+room; i++ {
		r := tm.rows[i]
		name := ansi.Truncate(r.person.Name, nameW, "…")
		name += strings.Repeat(" ", max(0, nameW-ansi.StringWidth(name)))
		lead := "  "
		if i == tm.cursor {
			lead = "▸ "
		}
		line := lead + s.Prompt.Render(name)
		if i == tm.cursor {
			line = s.Selected.Render(lead+name) + ""
		}
		if r.latest == nil {
			line += s.Faint.Render("no session yet")
			out = append(out, line)
			continue
		}
		line += s.Subtle.Render(fmt.Sprintf("%-17s", r.latest.Date.Human()))
		for _, id := range cols {
			v := r.latest.Ratings[id]
			cell := s.Faint.Render(" ·   ")
			if v > 0 {
				st := lipgloss.NewStyle().Foreground(ratingColour(s, v))
				cell = st.Render(levels[v]+levels[v]) + st.Bold(true).Render(fmt.Sprintf("%d", v)) + "  "
			}
			line += cell
		}
		out = append(out, ansi.Truncate(line, w, "…"))
	}
	out = append(out, "", s.Faint.Width(w).Render("Aut autonomy · Bel belonging · Com competence · Wkl workload (5 is sustainable) · You how you arrived"))
	return fitHeight(strings.Join(out, "\n"), height)
}
