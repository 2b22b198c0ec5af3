package coach

// The list entry of a session: what history, log and trends read instead
// of the whole record.

import (
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"attend/coach/msg"
)

// Summary is the little a list needs about a session, kept apart from the
// full record so that lists of thousands never decode every note.
type Summary struct {
	ID         string `json:"id"`
	PersonID   string `json:"person_id"`
	PersonName string `json:"person_name"`
	Date       Date   `json:"date"`
	// Answered and Total count the meeting record's prompts: how many of
	// them have an answer (the actions agreed count as one), out of how
	// many. The prep and the reflection are not counted here.
	Answered int    `json:"answered"`
	Total    int    `json:"total"`
	Open     int    `json:"open_actions"`
	Preview  string `json:"preview,omitempty"` // the meeting record's first words (recordPreview); never the prep's or reflection's
	// Ratings are the session's 1-5 ratings by item id, so trend charts are
	// drawn from summaries without reading a single note.
	Ratings map[string]int `json:"ratings,omitempty"`
	// Agreed is set once the staff member agreed the record.
	Agreed Date `json:"agreed,omitzero"`
	// Together lists the ratings made together with the staff member.
	Together map[string]bool `json:"together,omitempty"`
	// Outcomes count the session's done actions by outcome, so trends show
	// whether help followed through without reading a note.
	Outcomes map[Outcome]int `json:"outcomes,omitempty"`
}

// Summarise makes the list entry for a session. It looks each of the
// guide's items up once and reads the actions once, without copying the
// session for each look-up: every batch save (demo, import) summarises
// every session.
func Summarise(g *Guide, p Person, s Session) Summary {
	sum := Summary{ID: s.ID, PersonID: p.ID, PersonName: p.Name, Date: s.Date, Agreed: s.Agreed}
	live := 0
	for i := range s.Actions {
		a := &s.Actions[i]
		if strings.TrimSpace(a.Text) == "" {
			continue
		}
		live++
		if a.Status == ActionOpen || a.Status == "" {
			sum.Open++
		}
		if a.Outcome != "" {
			if sum.Outcomes == nil {
				sum.Outcomes = map[Outcome]int{}
			}
			sum.Outcomes[a.Outcome]++
		}
	}
	// The ratings, from every part (your own energy in the prep is charted
	// beside theirs), and the counts, from the meeting record alone.
	for _, st := range g.Stages {
		record := st.Part == PartRecord
		for _, it := range st.Items {
			if record {
				sum.Total++
			}
			if it.Kind == KindActions {
				if record && live > 0 {
					sum.Answered++
				}
				continue
			}
			a := s.answer(it.ID)
			if record && !a.Empty() {
				sum.Answered++
			}
			if it.Kind == KindRating && a.Rating > 0 {
				if sum.Ratings == nil {
					sum.Ratings = map[string]int{}
				}
				sum.Ratings[it.ID] = a.Rating
				if a.Together {
					if sum.Together == nil {
						sum.Together = map[string]bool{}
					}
					sum.Together[it.ID] = true
				}
			}
		}
	}
	sum.Preview = recordPreview(g, &s)
	return sum
}

// recordPreview is the first words of a session's meeting record: its
// answers in the guide's order, then answers to record prompts since
// retired (by id), then the first action agreed. Never the prep's or the
// reflection's: a list may be on a screen the staff member can see, and
// the manager's private thinking is not theirs to read there.
func recordPreview(g *Guide, s *Session) string {
	text := func(a Answer) string { return strings.TrimSpace(a.Text) }
	for _, st := range g.Stages {
		if st.Part != PartRecord {
			continue
		}
		for _, it := range st.Items {
			if t := text(s.Record[it.ID]); t != "" {
				return firstWords(t, 60)
			}
		}
	}
	// Asked above: a record prompt the guide has now. (A map of them made
	// each time cost every save and the demo an allocation a session.)
	asked := func(id string) bool {
		ref, ok := g.byID[id]
		return ok && ref.stage >= 0 && g.Stages[ref.stage].Part == PartRecord
	}
	if len(s.Record) > 0 {
		for _, id := range slices.Sorted(maps.Keys(s.Record)) {
			if t := text(s.Record[id]); !asked(id) && t != "" {
				return firstWords(t, 60)
			}
		}
	}
	for _, a := range s.Actions {
		if t := strings.TrimSpace(a.Text); t != "" {
			return firstWords(t, 60)
		}
	}
	return ""
}

// NoRecord reports whether nothing is written in the session's meeting
// record yet: a prep saved before the meeting, say.
func (s Summary) NoRecord() bool { return s.Answered == 0 }

// Words are what a list shows of a session beside its date and name: the
// first words of its meeting record, or, with nothing in the record yet,
// a plain label saying so. Never words from the prep or the reflection
// (Summarise keeps none).
func (s Summary) Words(l *msg.Lang) string {
	if s.NoRecord() && s.Preview == "" {
		if l == nil {
			l = english
		}
		return l.T("summary.norecord")
	}
	return s.Preview
}

func firstWords(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)[:max]
	if i := strings.LastIndexByte(string(r), ' '); i >= 0 && utf8.RuneCountInString(string(r)[:i]) > max/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}
