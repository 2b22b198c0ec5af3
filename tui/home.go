package tui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

// personRow is one line of the home list.
type personRow struct {
	person coach.Person
	due    coach.Due
	draft  bool
}

// homeModel lists the manager's people, most urgent first.
type homeModel struct {
	loaded bool
	rows   []personRow
	cursor int

	filtering bool
	filter    textinput.Model

	adding bool
	add    textinput.Model

	hint string // a word about the add field, e.g. when enter met an empty name

	// setting a person's supervision interval
	cadenceFor *coach.Person
	cadence    textinput.Model

	// selectAfterLoad is a person to put the cursor on once the list reloads
	// (someone just added, or just saved).
	selectAfterLoad string
}

func newHome(ctx *Context) homeModel {
	h := homeModel{filter: textinput.New(), add: textinput.New()}
	h.filter.Prompt = "find: "
	h.filter.Placeholder = "part of a name"
	h.add.Prompt = "name: "
	h.add.Placeholder = "e.g. Siân Ŵyn"
	h.add.CharLimit = coach.MaxNameLen
	h.add.SetWidth(32)
	h.filter.SetWidth(32)
	h.cadence = textinput.New()
	h.cadence.Prompt = "every: "
	h.cadence.Placeholder = "6w, 2m, 3 months"
	h.cadence.CharLimit = 20
	h.cadence.SetWidth(20)
	h.applyStyles(ctx.Styles)
	return h
}

func (h *homeModel) applyStyles(s Styles) {
	h.filter.SetStyles(s.Input)
	h.add.SetStyles(s.Input)
	h.cadence.SetStyles(s.Input)
}

// setPeople fills the list, most urgent first: overdue (longest first), due
// soon, never met, then the rest by date.
func (h *homeModel) setPeople(ctx *Context, people []coach.Person, drafts map[string]time.Time) {
	today := ctx.Today()
	selected := h.selectAfterLoad
	if r, ok := h.selected(); ok && selected == "" {
		selected = r.person.ID
	}
	h.selectAfterLoad = ""
	h.rows = h.rows[:0]
	for _, p := range people {
		_, d := drafts[p.ID]
		h.rows = append(h.rows, personRow{person: p, due: coach.DueFor(p, today), draft: d})
	}
	sort.SliceStable(h.rows, func(i, j int) bool {
		a, b := h.rows[i], h.rows[j]
		if a.due.State != b.due.State {
			return a.due.State < b.due.State
		}
		if a.due.Days != b.due.Days {
			return a.due.Days < b.due.Days
		}
		return coach.Fold(a.person.Name) < coach.Fold(b.person.Name)
	})
	h.loaded = true
	h.selectID(selected)
}

// visible is the rows that match the filter (accent- and case-insensitive).
func (h *homeModel) visible() []personRow {
	q := coach.Fold(strings.TrimSpace(h.filter.Value()))
	if q == "" {
		return h.rows
	}
	var out []personRow
	for _, r := range h.rows {
		if strings.Contains(coach.Fold(r.person.Name), q) {
			out = append(out, r)
		}
	}
	return out
}

func (h *homeModel) selected() (personRow, bool) {
	v := h.visible()
	if h.cursor < 0 || h.cursor >= len(v) {
		return personRow{}, false
	}
	return v[h.cursor], true
}

func (h *homeModel) selectID(id string) {
	for i, r := range h.visible() {
		if r.person.ID == id {
			h.cursor = i
			return
		}
	}
	h.cursor = min(h.cursor, max(0, len(h.visible())-1))
}

// typing reports whether keys go into a text field.
func (h *homeModel) typing() bool { return h.filtering || h.adding || h.cadenceFor != nil }

// homeResult tells the root what the home screen wants.
type homeResult struct {
	quit    bool
	prep    *coach.Person
	history bool
	trend   *coach.Person
	team    bool
	actions bool
}

func (h *homeModel) update(ctx *Context, msg tea.Msg) (homeResult, tea.Cmd) {
	k := ctx.Keys
	km, isKey := msg.(tea.KeyPressMsg)
	switch {
	case h.cadenceFor != nil:
		h.hint = ""
		if isKey {
			switch {
			case key.Matches(km, k.Back):
				h.cadenceFor = nil
				h.cadence.Reset()
				return homeResult{}, nil
			case km.String() == "enter":
				c, err := coach.ReadCadence(h.cadence.Value())
				if err != nil {
					h.hint = err.Error()
					return homeResult{}, nil
				}
				id := h.cadenceFor.ID
				h.cadenceFor = nil
				h.cadence.Reset()
				return homeResult{}, setCadence(ctx.Store, id, c)
			}
		}
		var cmd tea.Cmd
		h.cadence, cmd = h.cadence.Update(msg)
		return homeResult{}, cmd
	case h.adding:
		h.hint = ""
		if isKey {
			switch {
			case key.Matches(km, k.Back):
				h.adding = false
				h.add.Reset()
				return homeResult{}, nil
			case km.String() == "enter":
				name := h.add.Value()
				if strings.TrimSpace(name) == "" {
					h.hint = "Type a name first, or esc to cancel."
					return homeResult{}, nil
				}
				h.adding = false
				h.add.Reset()
				return homeResult{}, addPerson(ctx.Store, name)
			}
		}
		var cmd tea.Cmd
		h.add, cmd = h.add.Update(msg)
		return homeResult{}, cmd
	case h.filtering:
		if isKey {
			switch {
			case key.Matches(km, k.Back):
				h.filtering = false
				h.filter.Reset()
				h.cursor = 0
				return homeResult{}, nil
			case km.String() == "enter":
				h.filtering = false
				h.filter.Blur()
				return homeResult{}, nil
			case km.String() == "up" || km.String() == "down":
				h.moveCursor(km.String())
				return homeResult{}, nil
			}
		}
		var cmd tea.Cmd
		h.filter, cmd = h.filter.Update(msg)
		h.cursor = min(h.cursor, max(0, len(h.visible())-1))
		return homeResult{}, cmd
	}
	if !isKey {
		return homeResult{}, nil
	}
	switch {
	case key.Matches(km, k.Up):
		h.moveCursor("up")
	case key.Matches(km, k.Down):
		h.moveCursor("down")
	case km.String() == "home" || km.String() == "g":
		h.cursor = 0
	case km.String() == "end" || km.String() == "G":
		h.cursor = max(0, len(h.visible())-1)
	case key.Matches(km, k.AddPerson):
		h.adding = true
		return homeResult{}, h.add.Focus()
	case key.Matches(km, k.Filter):
		h.filtering = true
		return homeResult{}, h.filter.Focus()
	case key.Matches(km, k.Back):
		if h.filter.Value() != "" {
			h.filter.Reset()
			h.cursor = 0
		}
	case key.Matches(km, k.Prep):
		if r, ok := h.selected(); ok {
			p := r.person
			return homeResult{prep: &p}, nil
		}
	case key.Matches(km, k.History):
		return homeResult{history: true}, nil
	case key.Matches(km, k.Trends):
		if r, ok := h.selected(); ok {
			p := r.person
			return homeResult{trend: &p}, nil
		}
	case key.Matches(km, k.Team):
		return homeResult{team: true}, nil
	case key.Matches(km, k.Actions):
		return homeResult{actions: true}, nil
	case key.Matches(km, k.Cadence):
		if r, ok := h.selected(); ok {
			p := r.person
			h.cadenceFor = &p
			h.cadence.SetValue("")
			return homeResult{}, h.cadence.Focus()
		}
	case key.Matches(km, k.QuitQ):
		return homeResult{quit: true}, nil
	}
	return homeResult{}, nil
}

func (h *homeModel) moveCursor(dir string) {
	n := len(h.visible())
	if n == 0 {
		return
	}
	if dir == "up" {
		h.cursor = (h.cursor - 1 + n) % n
	} else {
		h.cursor = (h.cursor + 1) % n
	}
}

// view renders the home screen in exactly height lines.
func (h *homeModel) view(ctx *Context, height int) string {
	s := ctx.Styles
	w := bodyWidth(ctx)
	var out []string
	switch {
	case !h.loaded:
		out = append(out, "", s.Subtle.Render("Opening your notes…"))
	case len(h.rows) == 0:
		wrap := func(st lipgloss.Style, t string) string { return st.Width(min(w, maxReadWidth)).Render(t) }
		out = append(out, "",
			wrap(s.Focused, "attend helps you prepare compassionate one-to-ones and keep their record, offline."),
			wrap(s.Subtle, "Press a to add someone you supervise, then enter to start a prep."),
		)
	default:
		v := h.visible()
		count := fmt.Sprintf("%d people", len(h.rows))
		if len(h.rows) == 1 {
			count = "1 person"
		}
		if q := h.filter.Value(); q != "" {
			count = fmt.Sprintf("%d of %d match", len(v), len(h.rows))
		}
		out = append(out, "", spread(s.Title.Render("Your people"), s.Faint.Render(count), min(w, maxReadWidth)), "")
		room := max(1, height-len(out)-2)
		start := max(0, min(h.cursor-room+1, len(v)-room))
		start = max(0, start)
		for i := start; i < len(v) && i < start+room; i++ {
			out = append(out, h.rowView(ctx, v[i], i == h.cursor))
		}
		if len(v) == 0 {
			out = append(out, s.Subtle.Render("  No one matches. esc clears the search."))
		}
	}
	body := strings.Join(out, "\n")
	footLines := 1
	if h.hint != "" && (h.adding || h.cadenceFor != nil) {
		footLines = 2 // the hint gets a line of its own, never cut off
	}
	body = fitHeight(body, height-footLines)
	var foot string
	switch {
	case h.cadenceFor != nil:
		foot = s.Focused.Render("How often for "+h.cadenceFor.Name+" (now "+h.cadenceFor.Cadence.String()+")  ") + h.cadence.View()
	case h.adding:
		foot = s.Focused.Render("Add a person  ") + h.add.View()
	case h.filtering || h.filter.Value() != "":
		foot = h.filter.View()
	}
	foot = ansi.Truncate(foot, w, "…")
	if footLines == 2 {
		foot = s.Warn.Render(ansi.Truncate(h.hint, w, "…")) + "\n" + foot
	}
	return body + "\n" + foot
}

func (h *homeModel) rowView(ctx *Context, r personRow, selected bool) string {
	s := ctx.Styles
	w := min(bodyWidth(ctx), maxReadWidth)
	const nameW = 22
	name := ansi.Truncate(r.person.Name, nameW, "…")
	name += strings.Repeat(" ", max(0, nameW-ansi.StringWidth(name)))
	last := "no session yet"
	if !r.person.LastSession.IsZero() {
		last = "last " + r.person.LastSession.Human()
	}
	last = fmt.Sprintf("%-20s", last)
	due := r.due.Label()
	if r.due.State == coach.NeverMet {
		due = ""
	}
	dueStyled := s.Subtle.Render(fmt.Sprintf("%-21s", due))
	switch r.due.State {
	case coach.Overdue:
		dueStyled = s.Warn.Render(fmt.Sprintf("%-21s", "! "+due))
	case coach.DueSoon:
		dueStyled = s.Notice.Render(fmt.Sprintf("%-21s", due))
	}
	draft := ""
	if r.draft {
		draft = s.Person.Render("✎ draft")
	}
	if selected {
		line := "▸ " + name + "  " + last + "  "
		return ansi.Truncate(s.Selected.Render(line)+dueStyled+draft, w, "…")
	}
	return ansi.Truncate("  "+s.Prompt.Render(name)+"  "+s.Subtle.Render(last)+"  "+dueStyled+draft, w, "…")
}
