package coach

import (
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// summariseBefore is Summarise as it was written first, through the
// session's own accessors, kept to check the quicker one against.

func summariseBefore(g *Guide, p Person, s Session) Summary {
	answered, total := s.PartCompleteness(g, PartRecord)
	sum := Summary{
		ID: s.ID, PersonID: p.ID, PersonName: p.Name, Date: s.Date,
		Answered: answered, Total: total, Open: s.OpenActions(),
	}
	for _, st := range g.Stages {
		for _, it := range st.Items {
			a := s.Answer(it.ID)
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
	// The preview is the meeting record's first words: its prompts in
	// guide order, then its other answers by id, then the first action.
	var order []string
	for _, st := range g.PartStages(PartRecord) {
		for _, it := range st.Items {
			order = append(order, it.ID)
		}
	}
	ids := slices.Sorted(maps.Keys(s.Record))
	order = append(order, ids...)
	for _, id := range order {
		if t := strings.TrimSpace(s.Record[id].Text); t != "" {
			sum.Preview = firstWords(t, 60)
			break
		}
	}
	if live := s.LiveActions(); sum.Preview == "" && len(live) > 0 {
		sum.Preview = firstWords(live[0].Text, 60)
	}
	for _, a := range s.LiveActions() {
		if a.Outcome != "" {
			if sum.Outcomes == nil {
				sum.Outcomes = map[Outcome]int{}
			}
			sum.Outcomes[a.Outcome]++
		}
	}
	sum.Agreed = s.Agreed
	return sum
}

func TestSummariseIsAsBefore(t *testing.T) {
	d, err := NewDemo(DemoOptions{Seed: 5, Sessions: 3000, Today: Date{Year: 2026, Month: 11, Day: 26}})
	if err != nil {
		t.Fatal(err)
	}
	guides := map[string]*Guide{}
	for _, lang := range Languages() {
		if guides[lang], err = LoadGuide(lang); err != nil {
			t.Fatal(err)
		}
	}
	p := Person{ID: "p1", Name: "Siân"}
	for _, s := range d.AllSessions() {
		g := guides[s.Lang]
		if want, got := summariseBefore(g, p, s), Summarise(g, p, s); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s:\n got %+v\nwant %+v", s.ID, got, want)
		}
	}

	// Answers filed in any part, under the guide's ids, retired ones and
	// others; blank and spaced text; actions blank, open, done and dropped.
	g := guides["en"]
	var ids []string
	for _, st := range g.Stages {
		for _, it := range st.Items {
			ids = append(ids, it.ID)
		}
	}
	for _, it := range g.Retired {
		ids = append(ids, it.ID)
	}
	ids = append(ids, "checkin.gone", "nowhere", "")
	texts := []string{"", " ", "\n\t", "a few words", "  one  two\nthree  ", strings.Repeat("word ", 40), strings.Repeat("ŵ", 70)}
	r := rand.New(rand.NewPCG(8, 9))
	for range 20000 {
		s := Session{ID: "s", Date: Date{Year: 2026, Month: 3, Day: 4}}
		if r.IntN(3) == 0 {
			s.Agreed = Date{Year: 2026, Month: 3, Day: 5}
		}
		for range r.IntN(12) {
			part := Parts[r.IntN(len(Parts))]
			m := s.partMap(part)
			if *m == nil {
				*m = map[string]Answer{}
			}
			a := Answer{Text: texts[r.IntN(len(texts))], Rating: r.IntN(7) - 1, Together: r.IntN(2) == 0}
			if r.IntN(4) == 0 {
				a.Date = Date{Year: 2026, Month: 4, Day: 1}
			}
			(*m)[ids[r.IntN(len(ids))]] = a
		}
		for range r.IntN(4) {
			s.Actions = append(s.Actions, Action{Text: texts[r.IntN(len(texts))],
				Status:  []ActionStatus{"", ActionOpen, ActionDone, ActionDropped}[r.IntN(4)],
				Outcome: []Outcome{"", OutcomeHelped, "other"}[r.IntN(3)], Created: time.Unix(1, 0)})
		}
		if want, got := summariseBefore(g, p, s), Summarise(g, p, s); !reflect.DeepEqual(got, want) {
			t.Fatalf("%+v:\n got %+v\nwant %+v", s, got, want)
		}
	}
}

// answerBefore is Session.Answer as it was first written.
func answerBefore(s Session, id string) Answer {
	if a, ok := s.Answers(PartOf(id))[id]; ok {
		return a
	}
	for _, p := range Parts {
		if a, ok := s.Answers(p)[id]; ok {
			return a
		}
	}
	return Answer{}
}

// TestAnswerIsAsBefore: ids answered in no part, one, two or all three,
// in their own part or another, with different answers in each.
func TestAnswerIsAsBefore(t *testing.T) {
	ids := []string{"checkin.energy", "agenda.said", "reflect.team", "needs.workload", "retired.one", ""}
	r := rand.New(rand.NewPCG(10, 11))
	for range 5000 {
		var s Session
		for range r.IntN(8) {
			m := s.partMap(Parts[r.IntN(len(Parts))])
			if *m == nil {
				*m = map[string]Answer{}
			}
			(*m)[ids[r.IntN(len(ids))]] = Answer{Text: string(rune('a' + r.IntN(26))), Rating: r.IntN(6)}
		}
		for _, id := range ids {
			if got, want := s.Answer(id), answerBefore(s, id); got != want {
				t.Fatalf("Answer(%q) = %+v, want %+v in %+v", id, got, want, s)
			}
		}
	}
}
