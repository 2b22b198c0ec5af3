package tui

// Agreeing a record with the staff member, and dated notes after: the
// commands the record screen (detail.go) sends.

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"attend/coach"
)

// Recorder is what the after-meeting record needs from the store.
type Recorder interface {
	AgreeSession(id string, on coach.Date) (coach.Session, error)
	AddAddendum(id, text string) (coach.Session, error)
}

// recordSavedMsg carries the session after a record, agreement or addendum.
type recordSavedMsg struct {
	what    string // for the notice
	session coach.Session
	err     error
}

func agreeSession(st Store, id string, on coach.Date) tea.Cmd {
	return func() tea.Msg {
		s, err := st.AgreeSession(id, on)
		return recordSavedMsg{what: "agreed", session: s, err: err}
	}
}

func addAddendum(st Store, id, text string) tea.Cmd {
	return func() tea.Msg {
		s, err := st.AddAddendum(id, text)
		return recordSavedMsg{what: "addendum", session: s, err: err}
	}
}

// keepMine keeps what one window wrote after the meeting when another
// window changed the same session meanwhile, so nobody's words are lost:
// each answer that differs goes after theirs (theirs first); ratings and
// actions already there stay. If the record was agreed meanwhile, what is
// here becomes one dated note instead, as agreed records are read-only.
func keepMine(st Store, g *coach.Guide, id string, part coach.Part, mine map[string]coach.Answer) tea.Cmd {
	return func() tea.Msg {
		cur, err := st.Session(id)
		if err != nil {
			return recordSavedMsg{what: "record", err: err}
		}
		theirs := cur.Answers(part)
		if part == coach.PartRecord && cur.IsAgreed() {
			var note []string
			for _, item := range partItems(g, part) {
				a, ok := mine[item.ID]
				if ok && strings.TrimSpace(a.Text) != "" && a.Text != theirs[item.ID].Text {
					note = append(note, item.Prompt+"\n"+strings.TrimSpace(a.Text))
				}
			}
			if len(note) == 0 {
				return recordSavedMsg{what: "addendum", session: cur}
			}
			s, err := st.AddAddendum(id, strings.Join(note, "\n\n"))
			return recordSavedMsg{what: "addendum", session: s, err: err}
		}
		merged := map[string]coach.Answer{}
		for k, a := range theirs {
			merged[k] = a
		}
		for k, a := range mine {
			t := merged[k]
			switch {
			case strings.TrimSpace(a.Text) == "" || a.Text == t.Text:
			case strings.TrimSpace(t.Text) == "":
				t.Text = a.Text
			default:
				t.Text = strings.TrimSpace(t.Text) + "\n\n" + strings.TrimSpace(a.Text)
			}
			if t.Rating == 0 {
				t.Rating, t.Together = a.Rating, a.Together
			}
			if t.Date.IsZero() {
				t.Date = a.Date
			}
			merged[k] = t
		}
		s, err := st.SavePart(id, cur.Updated, part, merged, cur.Actions)
		return recordSavedMsg{what: "record", session: s, err: err}
	}
}

// partItems are every item of one part, in order.
func partItems(g *coach.Guide, p coach.Part) []coach.Item {
	var out []coach.Item
	for _, st := range g.PartStages(p) {
		out = append(out, st.Items...)
	}
	return out
}
