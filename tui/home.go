package tui

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"attend/coach"
)

// personRow is one line of the home list.
type personRow struct {
	person coach.Person
	due    coach.Due
	draft  bool
	folded string // the name folded once, for sorting and finding
}

// homeMode is what the home screen's one-line field is doing, if anything.
type homeMode int

const (
	homeList     homeMode = iota
	homeFinding           // typing in "find"
	homeAdding            // typing a new name
	homeMeant             // "did you mean …?" after adding a name close to someone's
	homeCadence           // typing how often
	homeRenaming          // typing a new name for someone
	homeRemoving          // typing their full name to erase them
)

// homeScreen lists the manager's people, most urgent first.
type homeScreen struct {
	loaded bool
	rows   []personRow
	list   listNav
	room   int // rows the list shows, for paging

	mode   homeMode
	filter textinput.Model // kept after enter, so the list stays narrowed
	field  textinput.Model // add, cadence, rename and remove
	target coach.Person    // whom cadence, rename, remove or "did you mean" is about
	typed  string          // the name typed, while asking "did you mean"
	hint   string          // a word about the field, e.g. when enter met an empty name

	// selectAfterLoad is a person to put the cursor on once the list reloads
	// (someone just added, or just saved).
	selectAfterLoad string
}

func newHome(ctx *Context) *homeScreen {
	h := &homeScreen{filter: newTextInput(ctx.Keys), field: newTextInput(ctx.Keys)}
	h.filter.Prompt = ctx.T("home.find.prompt")
	h.filter.Placeholder = ctx.T("home.find.placeholder")
	h.filter.SetWidth(32)
	h.field.SetWidth(32)
	h.restyle(ctx.Styles)
	return h
}

func (h *homeScreen) restyle(s Styles) {
	h.filter.SetStyles(s.Input)
	h.field.SetStyles(s.Input)
}

func (h *homeScreen) Typing() bool { return h.mode != homeList && h.mode != homeMeant }

func (h *homeScreen) Title(ctx *Context) Title {
	return Title{Label: ctx.T("home.title"), State: ctx.Styles.Faint.Render(ctx.Date(ctx.Today()))}
}

func (h *homeScreen) Resize(ctx *Context, height int) {
	h.field.SetWidth(max(10, min(40, bodyWidth(ctx)-24)))
	h.filter.SetWidth(max(10, min(40, bodyWidth(ctx)-10)))
}

// Reveal reads the list again: a prep saved, a cadence changed elsewhere.
func (h *homeScreen) Reveal(ctx *Context) tea.Cmd { return loadPeople(ctx.Store) }

// setPeople fills the list, most urgent first: overdue (longest first), due
// soon, never met, then the rest by date.
func (h *homeScreen) setPeople(ctx *Context, people []coach.Person, drafts map[string]time.Time) {
	today := ctx.Today()
	selected := h.selectAfterLoad
	if r, ok := h.selected(); ok && selected == "" {
		selected = r.person.ID
	}
	h.selectAfterLoad = ""
	h.rows = h.rows[:0]
	for _, p := range people {
		_, d := drafts[p.ID]
		h.rows = append(h.rows, personRow{person: p, due: coach.DueFor(p, today), draft: d, folded: coach.Fold(p.Name)})
	}
	// Each name is folded once above: folding in the comparison folded
	// 2,000 names about 44,000 times, 10 ms before the first list showed.
	// What is sorted is a small key a row, not the rows: moving rows of a
	// few hundred bytes each was most of the sort.
	keys := make([]rowKey, len(h.rows))
	for i, r := range h.rows {
		keys[i] = rowKey{state: r.due.State, days: r.due.Days, folded: r.folded, i: i}
	}
	slices.SortStableFunc(keys, func(a, b rowKey) int {
		if a.state != b.state {
			return cmp.Compare(a.state, b.state)
		}
		if a.days != b.days {
			return cmp.Compare(a.days, b.days)
		}
		return strings.Compare(a.folded, b.folded)
	})
	sorted := make([]personRow, len(h.rows))
	for i, k := range keys {
		sorted[i] = h.rows[k.i]
	}
	h.rows = sorted
	h.loaded = true
	h.selectID(selected)
}

// rowKey is what the home list is sorted by, and the row it stands for.
type rowKey struct {
	state  coach.DueState
	days   int
	folded string
	i      int
}

// visible is the rows that match the filter (accent- and case-insensitive).
func (h *homeScreen) visible() []personRow {
	q := coach.Fold(strings.TrimSpace(h.filter.Value()))
	if q == "" {
		return h.rows
	}
	var out []personRow
	for _, r := range h.rows {
		if strings.Contains(r.folded, q) {
			out = append(out, r)
		}
	}
	return out
}

func (h *homeScreen) selected() (personRow, bool) {
	v := h.visible()
	if h.list.cursor < 0 || h.list.cursor >= len(v) {
		return personRow{}, false
	}
	return v[h.list.cursor], true
}

func (h *homeScreen) selectID(id string) {
	for i, r := range h.visible() {
		if r.person.ID == id {
			h.list.cursor = i
			return
		}
	}
	h.list.clamp(len(h.visible()))
}

// Update handles the home screen's keys and the results it asked for.
func (h *homeScreen) Update(ctx *Context, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case peopleMsg:
		if msg.err != nil {
			ctx.Problem(errText(ctx, ctx.T("home.err.people"), msg.err))
			return nil
		}
		h.setPeople(ctx, msg.people, msg.drafts)
	case personAddedMsg:
		return h.added(ctx, msg)
	case personChangedMsg:
		return h.changed(ctx, msg)
	case prepReadyMsg:
		if msg.err != nil {
			ctx.Problem(errText(ctx, ctx.T("home.err.prep"), msg.err))
			return nil
		}
		return openPrepScreen(ctx, msg)
	case tea.KeyPressMsg:
		if h.mode != homeList {
			return h.fieldKey(ctx, msg)
		}
		return h.listKey(ctx, msg)
	case tea.PasteMsg:
		if h.mode == homeFinding {
			var cmd tea.Cmd
			h.filter, cmd = h.filter.Update(msg)
			return cmd
		}
		if h.Typing() {
			var cmd tea.Cmd
			before := utf8.RuneCountInString(h.field.Value())
			h.field, cmd = h.field.Update(msg)
			// The field keeps only what fits (a name, 80 characters): say so,
			// rather than let a pasted 492-character name be cut unseen.
			if lim := h.field.CharLimit; lim > 0 && before+utf8.RuneCountInString(msg.Content) > lim {
				h.hint = ctx.T("home.cut", "Count", lim)
			}
			return cmd
		}
	}
	return nil
}

func (h *homeScreen) listKey(ctx *Context, msg tea.KeyPressMsg) tea.Cmd {
	k, l := ctx.Keys.Home, ctx.Keys.List
	if h.loaded && len(h.rows) == 0 && startsName(msg.Text) && unicode.IsUpper([]rune(msg.Text)[0]) {
		// With no one yet, a capital starts a name even where it is a key
		// on a list (G, the last row, ate the G of "Gareth").
		return h.askName(ctx, msg.Text)
	}
	if h.list.key(msg, l, len(h.visible()), h.room) {
		return nil
	}
	h.hint = ""
	switch {
	case key.Matches(msg, k.AddPerson):
		return h.askName(ctx, "")
	case key.Matches(msg, l.Find):
		h.mode = homeFinding
		return h.filter.Focus()
	case key.Matches(msg, l.ClearFind) && h.filter.Value() != "":
		h.filter.Reset()
		h.list.cursor = 0
	case key.Matches(msg, k.History):
		return pushHistory(ctx, "", "")
	case key.Matches(msg, k.Team):
		return pushTeam(ctx)
	case key.Matches(msg, k.Actions):
		return pushActions(ctx)
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case h.loaded && len(h.rows) == 0 && startsName(msg.Text):
		// With no one yet, a name typed straight away is the first person
		// (a letter no key uses: "Siân" starts at S); a and n still ask.
		return h.askName(ctx, msg.Text)
	}
	r, ok := h.selected()
	if !ok {
		return nil
	}
	switch {
	case key.Matches(msg, k.Prep):
		return openPrep(ctx.Store, r.person)
	case key.Matches(msg, k.Trends):
		return pushTrends(ctx, r.person)
	case key.Matches(msg, k.Cadence):
		return h.ask(homeCadence, r.person, ctx.T("home.cadence.prompt"), ctx.T("home.cadence.placeholder"), "", 20)
	case key.Matches(msg, k.Rename):
		return h.ask(homeRenaming, r.person, ctx.T("home.rename.prompt"), "", r.person.Name, coach.MaxNameLen)
	case key.Matches(msg, k.Remove):
		return h.ask(homeRemoving, r.person, ctx.T("home.remove.prompt"), "", "", coach.MaxNameLen)
	}
	return nil
}

// startsName reports whether a key's text can begin a name: one letter.
func startsName(text string) bool {
	r := []rune(text)
	return len(r) == 1 && unicode.IsLetter(r[0])
}

// askName opens the field for a new person's name, with what is typed.
func (h *homeScreen) askName(ctx *Context, typed string) tea.Cmd {
	return h.ask(homeAdding, coach.Person{}, ctx.T("home.add.prompt"), ctx.T("home.add.placeholder"), typed, coach.MaxNameLen)
}

// ask opens the one-line field for a mode.
func (h *homeScreen) ask(mode homeMode, p coach.Person, prompt, placeholder, value string, limit int) tea.Cmd {
	h.mode, h.target, h.hint = mode, p, ""
	h.field.Reset()
	h.field.Prompt, h.field.Placeholder, h.field.CharLimit = prompt, placeholder, limit
	h.field.SetValue(value)
	h.field.CursorEnd()
	return h.field.Focus()
}

func (h *homeScreen) closeField() {
	h.mode = homeList
	h.field.Reset()
	h.field.Blur()
	h.filter.Blur()
}

func (h *homeScreen) fieldKey(ctx *Context, msg tea.KeyPressMsg) tea.Cmd {
	f := ctx.Keys.Form
	if h.mode == homeMeant {
		return h.meantKey(ctx, msg)
	}
	if h.mode == homeFinding {
		switch {
		case key.Matches(msg, f.Cancel):
			h.filter.Reset()
			h.list.cursor = 0
			h.closeField()
		case key.Matches(msg, f.Submit):
			h.closeField()
		case key.Matches(msg, ctx.Keys.List.Up, ctx.Keys.List.Down) && msg.Text == "":
			h.list.key(msg, ctx.Keys.List, len(h.visible()), h.room)
		default:
			var cmd tea.Cmd
			h.filter, cmd = h.filter.Update(msg)
			h.list.clamp(len(h.visible()))
			return cmd
		}
		return nil
	}
	switch {
	case key.Matches(msg, f.Cancel):
		h.closeField()
		h.hint = ""
		return nil
	case key.Matches(msg, f.Submit):
		return h.submit(ctx)
	}
	h.hint = ""
	var cmd tea.Cmd
	before := h.field.Value()
	h.field, cmd = h.field.Update(msg)
	if h.field.Value() == before && typedIntoFull(msg, before, h.field.CharLimit) {
		h.hint = ctx.T("home.full", "Count", h.field.CharLimit) // typed past the end: nothing was added
	}
	return cmd
}

// submit acts on the field's value when enter is pressed.
func (h *homeScreen) submit(ctx *Context) tea.Cmd {
	value := strings.TrimSpace(h.field.Value())
	p := h.target
	switch h.mode {
	case homeAdding:
		if value == "" {
			h.hint = ctx.T("home.add.empty")
			return nil
		}
		if close, ok := similarPerson(h.people(), value); ok {
			h.closeField()
			h.mode, h.target, h.typed = homeMeant, close, value
			return nil
		}
		h.closeField()
		return addPerson(ctx.Store, value)
	case homeCadence:
		c, err := coach.ReadCadence(value)
		if err != nil {
			h.hint = coach.ErrorText(ctx.Msg, err)
			return nil
		}
		h.closeField()
		return setCadence(ctx.Store, p.ID, c)
	case homeRenaming:
		if coach.SameName(value, p.Name) && value == p.Name {
			h.closeField()
			return nil
		}
		clean, err := coach.CleanName(value)
		if err != nil {
			h.hint = coach.ErrorText(ctx.Msg, err)
			return nil
		}
		for _, other := range h.people() {
			if other.ID != p.ID && coach.SameName(other.Name, clean) {
				h.hint = ctx.T("home.rename.taken", "Name", other.Name)
				return nil
			}
		}
		h.closeField()
		return renamePerson(ctx.Store, p.ID, clean)
	case homeRemoving:
		if !coach.SameName(value, p.Name) {
			h.hint = ctx.T("home.remove.wrong", "Name", p.Name)
			return nil
		}
		h.closeField()
		return erasePerson(ctx.Store, p)
	}
	return nil
}

// meantKey answers "did you mean …?": y opens them, n adds the new name.
func (h *homeScreen) meantKey(ctx *Context, msg tea.KeyPressMsg) tea.Cmd {
	k := ctx.Keys.Home
	switch {
	case key.Matches(msg, k.Meant):
		h.mode = homeList
		h.selectID(h.target.ID)
		return openPrep(ctx.Store, h.target)
	case key.Matches(msg, k.AddNew):
		h.mode = homeList
		return addPerson(ctx.Store, h.typed)
	case key.Matches(msg, ctx.Keys.Form.Cancel):
		h.mode = homeList
	}
	return nil
}

func (h *homeScreen) people() []coach.Person {
	out := make([]coach.Person, len(h.rows))
	for i, r := range h.rows {
		out[i] = r.person
	}
	return out
}

func (h *homeScreen) added(ctx *Context, msg personAddedMsg) tea.Cmd {
	if msg.err != nil {
		ctx.Problem(errText(ctx, ctx.T("home.err.add"), msg.err))
		return nil
	}
	if msg.created {
		ctx.Notice(ctx.T("home.added", "Name", msg.person.Name))
	} else {
		ctx.Notice(ctx.T("home.already", "Name", msg.person.Name))
	}
	h.selectAfterLoad = msg.person.ID
	return loadPeople(ctx.Store)
}

func (h *homeScreen) changed(ctx *Context, msg personChangedMsg) tea.Cmd {
	if msg.err != nil {
		ctx.Problem(errText(ctx, ctx.T("home.err.change", "Name", msg.person.Name), msg.err))
		return nil
	}
	switch msg.what {
	case "cadence":
		p := msg.person
		text := ctx.T("home.cadence.set", "Name", p.Name, "Cadence", ctx.Cadence(p.Cadence))
		if due := coach.DueFor(p, ctx.Today()); due.State != coach.NeverMet {
			text += "; " + ctx.Due(due)
		}
		if !p.NextSession.IsZero() {
			text += " " + ctx.T("home.cadence.agreed", "Date", ctx.Date(p.NextSession))
		}
		ctx.Notice(text + ".")
	case "rename":
		ctx.Notice(ctx.T("home.renamed", "Name", msg.person.Name))
	case "erase":
		ctx.Notice(ctx.T("home.erased", "Name", msg.person.Name))
	}
	h.selectAfterLoad = msg.person.ID
	return loadPeople(ctx.Store)
}

func (h *homeScreen) Keys(ctx *Context) bindings {
	k, l, f := ctx.Keys.Home, ctx.Keys.List, ctx.Keys.Form
	switch h.mode {
	case homeFinding:
		keep := f.Submit
		keep.SetHelp("enter", ctx.T("key.keepResults"))
		return bindings{context: []key.Binding{keep, f.Cancel, l.Up, l.Down}, full: [][]key.Binding{{keep, f.Cancel, l.Up, l.Down}}}
	case homeMeant:
		return bindings{context: []key.Binding{k.Meant, k.AddNew, f.Cancel}, full: [][]key.Binding{{k.Meant, k.AddNew, f.Cancel}}}
	case homeAdding, homeCadence, homeRenaming, homeRemoving:
		return bindings{context: []key.Binding{f.Submit, f.Cancel}, full: [][]key.Binding{{f.Submit, f.Cancel}}}
	}
	if len(h.rows) == 0 { // first run: only the keys that do something yet
		return bindings{short: []key.Binding{k.AddPerson, k.History, k.Quit}, full: [][]key.Binding{{k.AddPerson, k.History, k.Quit}}}
	}
	short := []key.Binding{k.Prep, k.AddPerson, l.Find, k.History, k.Actions, k.Trends, k.Team, k.Quit}
	full := [][]key.Binding{
		{k.Prep, k.AddPerson, l.Find, k.History, k.Actions, k.Trends, k.Team},
		{k.Cadence, k.Rename, k.Remove, k.Quit},
		{l.Up, l.Down, l.PageUp, l.PageDown, l.Top, l.Bottom},
	}
	if h.filter.Value() != "" {
		short = append([]key.Binding{l.ClearFind}, short...)
		full[1] = append(full[1], l.ClearFind)
	}
	return bindings{short: short, full: full}
}

// similarPerson finds someone whose name is close to one typed (but not
// the same), so a typo does not quietly add a new person.
func similarPerson(people []coach.Person, typed string) (coach.Person, bool) {
	for _, p := range people {
		if coach.SameName(p.Name, typed) {
			return coach.Person{}, false // the same person: EnsurePerson finds them
		}
	}
	if close := coach.CloseNames(people, typed); len(close) > 0 {
		return close[0], true
	}
	return coach.Person{}, false
}
