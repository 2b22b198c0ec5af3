package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

// lastTimeMsg carries the "last time" summary for a person's next prep.
type lastTimeMsg struct {
	personID string
	lt       coach.LastTime
	err      error
}

// lastTimeSessions is how many recent sessions the summary reads: enough
// for the last ratings and what they said would help, without reading
// years of notes.
const lastTimeSessions = 12

func loadLastTime(st Store, g *coach.Guide, p coach.Person, today coach.Date) tea.Cmd {
	return func() tea.Msg {
		sums, _, err := st.Summaries(p.ID, "", lastTimeSessions)
		if err != nil {
			return lastTimeMsg{personID: p.ID, err: err}
		}
		sessions := make([]coach.Session, 0, len(sums))
		for _, sum := range sums {
			s, err := st.Session(sum.ID)
			if err != nil {
				return lastTimeMsg{personID: p.ID, err: err}
			}
			sessions = append(sessions, s)
		}
		lt := coach.BuildLastTime(g, p, sessions, today)
		// Open actions from sessions older than those read are still owed.
		open, err := st.OpenActions(p.ID)
		if err != nil {
			return lastTimeMsg{personID: p.ID, err: err}
		}
		seen := map[string]bool{}
		for _, r := range lt.Actions {
			seen[r.Action.ID] = true
		}
		for _, r := range open {
			if !seen[r.Action.ID] {
				lt.Actions = append(lt.Actions, r)
			}
		}
		return lastTimeMsg{personID: p.ID, lt: lt}
	}
}

// lastTimeScreen is "last time", on one screen before a prep: when you
// last met against their cadence, what they said would help and whether it
// did, their ratings beside the ones before, and the actions agreed (both
// sides) with their state, to mark done, drop or carry. tab goes on to the
// prep; what is still open is carried.
type lastTimeScreen struct {
	actionList
	prep *partForm
	lt   coach.LastTime
	// typed: a key was typed here as if into the prep, so the action keys
	// wait until an arrow key chooses an action again ("Carys did x…"
	// dropped an action: x asked why, and the rest became the reason).
	typed bool
}

func newLastTime(ctx *Context, p *partForm, lt coach.LastTime) *lastTimeScreen {
	s := &lastTimeScreen{actionList: newActionList(ctx, p.person.ID), prep: p, lt: lt}
	s.loaded, s.refs = true, lt.Actions
	return s
}

func (l *lastTimeScreen) Update(ctx *Context, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case lastTimeMsg:
		if msg.personID == l.personID && msg.err == nil {
			l.lt, l.refs = msg.lt, msg.lt.Actions
			l.list.clamp(len(l.refs))
		}
		return nil
	case actionClosedMsg:
		if msg.ref.PersonID != l.personID {
			return nil
		}
		if _, cmd := l.update(ctx, msg); cmd != nil && msg.err == nil {
			// Read the summary again, so the action shows its new state.
			return loadLastTime(ctx.Store, ctx.Guide, l.prep.person, ctx.Today())
		}
		return nil
	case actionsMsg:
		return nil // the summary keeps its own list (done ones stay, with their state)
	case tea.KeyPressMsg:
		if (l.asking || l.confirm != "") && msg.Text != "" && !l.bound(ctx, msg) {
			l.typed = true // "d" (or a dropping) then a letter: typing, not answering
		}
		if !l.prompting() {
			arrow := msg.Code == tea.KeyUp || msg.Code == tea.KeyDown || msg.Code == tea.KeyPgUp || msg.Code == tea.KeyPgDown
			switch {
			case key.Matches(msg, ctx.Keys.Prep.StartPrep):
				ctx.Pop()
				return nil
			case key.Matches(msg, ctx.Keys.Prep.Leave):
				return l.prep.leave(ctx)
			case arrow:
				l.typed = false
			case l.typed || (msg.Text != "" && !l.bound(ctx, msg)):
				// Someone typing, as if into the prep: say where typing
				// goes, and let no letter act on an action until an arrow
				// key chooses one.
				l.typed = true
				ctx.Notice(ctx.T("lasttime.typing"))
				return nil
			}
		}
	}
	open, cmd := l.update(ctx, msg)
	if open != nil {
		return tea.Batch(cmd, pushDetail(ctx, open.SessionID, open.PersonID))
	}
	return cmd
}

// View puts the summary first, then the actions. In a short window the
// summary gives up lines (each cut with "…") so the actions keep room.
func (l *lastTimeScreen) View(ctx *Context, height int) string {
	sum := l.summary(ctx)
	// The summary gives up lines only when the actions need the room: a
	// third of the height at least, more when there are few actions (the
	// ratings were cut at 80×24 with two actions, and went in Welsh).
	if keep := max(1, height/3, height-len(l.refs)-6); len(sum) > keep {
		sum = sum[:keep]
		sum[keep-1] = ansi.Truncate(sum[keep-1], min(bodyWidth(ctx), maxReadWidth)-1, "") + "…"
	}
	sum = append([]string{""}, sum...)
	return strings.Join(sum, "\n") + "\n" + l.view(ctx, height-len(sum), ctx.T("last.actions"), nil)
}

// summary is the top of the screen: dates, what would help, ratings.
func (l *lastTimeScreen) summary(ctx *Context) []string {
	s := ctx.Styles
	w := min(bodyWidth(ctx), maxReadWidth)
	lt := l.lt
	var out []string
	if lt.Last.IsZero() {
		return wrapped(s.Subtle, ctx.T("last.notmet", "Cadence", ctx.Cadence(lt.Cadence)), w)
	}
	ago := ctx.T("last.ago", "Count", lt.DaysSince)
	if lt.DaysSince == 0 {
		ago = ctx.T("last.today")
	}
	when := ctx.T("last.when", "Date", ctx.Date(lt.Last), "Ago", ago)
	out = append(out, wrapped(s.Title, when, w)...)
	out = append(out, wrapped(s.Subtle, ctx.T("last.cadence", "Cadence", ctx.Cadence(lt.Cadence), "Due", ctx.Due(lt.Due)), w)...)
	// A dated correction goes wherever the record it corrects is read, and
	// before it: what would help, or an action below, may be what it
	// corrects (attend brief does the same).
	for _, c := range lt.Corrections {
		said := ctx.T("last.correction", "On", ctx.Date(coach.DateOf(c.At.Local())), "Date", ctx.Date(c.SessionDate), "Text", coach.SafeText(oneLine(c.Text)))
		out = append(out, wrapped(s.Warn, said, w)...)
	}
	if lt.Help != "" {
		said := ctx.T("last.help", "Date", ctx.Date(lt.HelpFrom), "Help", strings.Trim(oneLine(lt.Help), `"“”`))
		out = append(out, wrapped(s.Prompt, said, w)...)
		var did []string
		for _, o := range coach.Outcomes {
			if n := lt.HelpOutcomes[o]; n > 0 {
				did = append(did, fmt.Sprintf("%d %s", n, ctx.Outcome(o)))
			}
		}
		if n := lt.HelpOutcomes[""]; n > 0 {
			did = append(did, ctx.T("last.unsaid", "Count", n))
		}
		if len(did) > 0 {
			out = append(out, wrapped(s.Subtle, ctx.T("last.didit")+" "+strings.Join(did, " · "), w)...)
		} else {
			out = append(out, wrapped(s.Faint, ctx.T("last.didit")+" "+ctx.T("last.ask"), w)...)
		}
	}
	if ctx.Height >= compactHeight {
		var rows []string
		for _, r := range lt.Ratings {
			if r.Last == 0 {
				continue
			}
			line := fmt.Sprintf("%s %d", r.Label, r.Last)
			var notes []string
			if r.LastOn != lt.Last {
				// Not rated at the last session: say when it was, or an
				// old rating reads as this one (found in a trial).
				notes = append(notes, ctx.T("last.ratedon", "Date", ctx.Short(r.LastOn)))
			}
			if !r.Together {
				notes = append(notes, ctx.T("rating.yourview"))
			}
			if len(notes) > 0 {
				line += " (" + strings.Join(notes, ", ") + ")"
			}
			if r.Before > 0 {
				line += ", " + ctx.T("last.before", "Before", r.Before)
			}
			rows = append(rows, line)
		}
		if len(rows) > 0 {
			out = append(out, wrapped(s.Subtle, ctx.T("last.ratings")+" "+strings.Join(rows, " · "), w)...)
		}
	}
	return out
}

func (l *lastTimeScreen) Resize(ctx *Context, height int) {}
func (l *lastTimeScreen) Typing() bool                    { return l.prompting() }
func (l *lastTimeScreen) Title(ctx *Context) Title {
	return Title{Label: ctx.T("title.prep"), Person: l.prep.person.Name}
}

// bound reports whether a key is one of this screen's own.
func (l *lastTimeScreen) bound(ctx *Context, msg tea.KeyPressMsg) bool {
	b := l.Keys(ctx)
	for _, group := range b.full { // every binding of the screen is in full
		for _, k := range group {
			if key.Matches(msg, k) {
				return true
			}
		}
	}
	return false
}

func (l *lastTimeScreen) Keys(ctx *Context) bindings {
	return l.keys(ctx, []key.Binding{ctx.Keys.Prep.StartPrep, ctx.Keys.Prep.Leave})
}
