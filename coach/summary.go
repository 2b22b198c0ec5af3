package coach

// The list entry of a session: what history, log and trends read instead
// of the whole record.

import (
	"strings"
	"unicode/utf8"
)

// Summary is the little a list needs about a session, kept apart from the
// full record so that lists of thousands never decode every note.
type Summary struct {
	ID         string `json:"id"`
	PersonID   string `json:"person_id"`
	PersonName string `json:"person_name"`
	Date       Date   `json:"date"`
	Answered   int    `json:"answered"`
	Total      int    `json:"total"`
	Open       int    `json:"open_actions"`
	Preview    string `json:"preview,omitempty"` // first words of the first answer
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
	// Completeness, and the ratings.
	for _, st := range g.Stages {
		for _, it := range st.Items {
			sum.Total++
			if it.Kind == KindActions {
				if live > 0 {
					sum.Answered++
				}
				continue
			}
			a := s.answer(it.ID)
			if !a.Empty() {
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
	// The preview is the record's first words if there is a record, else
	// the prep's, skipping the manager's own check-in and reflection: the
	// list is about the staff member.
	// Prompts since retired come last, in the order they were asked.
	preview := func(id string) bool {
		t := strings.TrimSpace(s.answer(id).Text)
		if t != "" {
			sum.Preview = firstWords(t, 60)
		}
		return t != ""
	}
	for _, part := range [...]Part{PartRecord, PartPrep} {
		for _, st := range g.Stages {
			if st.Part != part || st.ID == "checkin" {
				continue
			}
			for _, it := range st.Items {
				if preview(it.ID) {
					return sum
				}
			}
		}
	}
	for _, it := range g.Retired {
		if !strings.HasPrefix(it.ID, "checkin.") && preview(it.ID) {
			return sum
		}
	}
	return sum
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
