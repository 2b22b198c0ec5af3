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
// window changed the same part meanwhile, so nobody's words are lost and
// none is repeated: against what this window started from (base), an
// answer only this window changed takes its words, one only the other
// changed keeps theirs, and one both changed keeps theirs with what this
// window added after it. Ratings and actions already there stay. If the
// record was agreed meanwhile, what this window added becomes one dated
// note instead, as agreed records are read-only.
func keepMine(st Store, g *coach.Guide, id string, part coach.Part, base, mine map[string]coach.Answer) tea.Cmd {
	return func() tea.Msg {
		cur, err := st.Session(id)
		if err != nil {
			return recordSavedMsg{what: "record", err: err}
		}
		theirs := cur.Answers(part)
		if part == coach.PartRecord && cur.IsAgreed() {
			var note []string
			for _, item := range partItems(g, part) {
				if added := addedText(base[item.ID].Text, mine[item.ID].Text, theirs[item.ID].Text); added != "" {
					note = append(note, item.Prompt+"\n"+added)
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
			t, b := merged[k], base[k]
			if added := addedText(b.Text, a.Text, t.Text); added != "" {
				if strings.TrimSpace(t.Text) == strings.TrimSpace(b.Text) {
					t.Text = a.Text // only this window changed it
				} else {
					t.Text = strings.TrimSpace(t.Text) + "\n\n" + added
				}
			}
			if t.Rating == b.Rating {
				t.Rating, t.Together = a.Rating, a.Together
			}
			if t.Date == b.Date {
				t.Date = a.Date
			}
			merged[k] = t
		}
		s, err := st.SavePart(id, cur, part, merged, cur.Actions)
		return recordSavedMsg{what: "record", session: s, err: err}
	}
}

// addedText is what this window wrote beyond what it started from (base),
// if the other window does not already hold it: the words typed after the
// base when the answer was added to, the whole answer when it was rewritten.
func addedText(base, mine, theirs string) string {
	b, m := strings.TrimSpace(base), strings.TrimSpace(mine)
	if m == b || m == "" || m == strings.TrimSpace(theirs) {
		return ""
	}
	if b != "" && strings.HasPrefix(m, b) {
		return strings.TrimSpace(m[len(b):])
	}
	return m
}

// partItems are every item of one part, in order.
func partItems(g *coach.Guide, p coach.Part) []coach.Item {
	var out []coach.Item
	for _, st := range g.PartStages(p) {
		out = append(out, st.Items...)
	}
	return out
}
