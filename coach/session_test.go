package coach_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"attend/coach"
)

var (
	// now is a fixed moment for sessions: Thu 26 Nov 2026, 10:00 in London.
	now      = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	personID = coach.NewID(now.Add(-time.Hour))
)

func newSession(t testing.TB) coach.Session {
	t.Helper()
	s := coach.NewSession(personID, "en", now)
	if err := s.Validate(); err != nil {
		t.Fatalf("a new session should be valid: %v", err)
	}
	return s
}

func TestNewSession(t *testing.T) {
	s := newSession(t)
	if !coach.ValidID(s.ID) || s.PersonID != personID || s.Lang != "en" || s.Date != thursday {
		t.Errorf("NewSession = %+v", s)
	}
	if !s.IsDraft() || !s.Empty() || !s.Created.Equal(now) || !s.Updated.Equal(now) {
		t.Errorf("NewSession = %+v", s)
	}
	s.Saved = now
	if s.IsDraft() {
		t.Error("a saved session is not a draft")
	}
}

func TestIDs(t *testing.T) {
	a, b := coach.NewID(now), coach.NewID(now.Add(time.Millisecond))
	if len(a) != 26 || !coach.ValidID(a) || a == b || a >= b {
		t.Errorf("NewID: %q then %q", a, b)
	}
	for _, bad := range []string{"", "x", strings.ToLower(a)[:25], a + "0", "8ZZZZZZZZZZZZZZZZZZZZZZZZZ"} {
		if coach.ValidID(bad) {
			t.Errorf("ValidID(%q) = true", bad)
		}
	}
}

func TestSetAnswer(t *testing.T) {
	tests := []struct {
		name string
		a    coach.Answer
		kept bool
	}{
		{"text", coach.Answer{Text: "Phone off."}, true},
		{"rating", coach.Answer{Rating: 3}, true},
		{"date", coach.Answer{Date: d(2027, 2, 24)}, true},
		{"rating with note", coach.Answer{Rating: 2, Text: "tired"}, true},
		{"empty", coach.Answer{}, false},
		{"blank text", coach.Answer{Text: " \n\t "}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s coach.Session // a nil map must not panic
			s.SetAnswer("checkin.head", tt.a)
			_, ok := s.Prep["checkin.head"]
			if ok != tt.kept {
				t.Fatalf("kept = %v, want %v", ok, tt.kept)
			}
			if ok && s.Answer("checkin.head") != tt.a {
				t.Errorf("Answer() = %+v, want %+v", s.Answer("checkin.head"), tt.a)
			}
			// An empty answer clears one already there.
			s.SetAnswer("checkin.head", coach.Answer{Text: "something"})
			if !tt.a.Empty() {
				return
			}
			s.SetAnswer("checkin.head", tt.a)
			if _, ok := s.Prep["checkin.head"]; ok {
				t.Error("an empty answer should remove the old one")
			}
		})
	}
	var s coach.Session
	if got := s.Answer("nope"); !got.Empty() {
		t.Errorf("missing answer = %+v", got)
	}
}

func TestNextSessionAnswer(t *testing.T) {
	s := newSession(t)
	if !s.NextSession().IsZero() {
		t.Error("no next session yet")
	}
	s.SetAnswer("close.next", coach.Answer{Date: d(2027, 2, 24)})
	if s.NextSession() != d(2027, 2, 24) {
		t.Errorf("NextSession() = %v", s.NextSession())
	}
}

func TestCompleteness(t *testing.T) {
	g := mustGuide(t, "en")
	total := 0
	for _, st := range g.Stages {
		total += len(st.Items)
	}
	s := newSession(t)
	check := func(want int) {
		t.Helper()
		a, tot := s.Completeness(g)
		if a != want || tot != total {
			t.Errorf("Completeness = %d of %d, want %d of %d", a, tot, want, total)
		}
	}
	check(0)
	s.SetAnswer("checkin.head", coach.Answer{Text: "busy"})
	s.SetAnswer("checkin.energy", coach.Answer{Rating: 4})
	s.SetAnswer("close.next", coach.Answer{Date: d(2027, 2, 24)})
	check(3)
	s.SetAnswer("future.prompt", coach.Answer{Text: "not in this guide"})
	check(3)
	s.Actions = []coach.Action{{Text: "   "}}
	check(3) // a blank row is not an action
	s.Actions = append(s.Actions, coach.Action{Text: "Book training"}, coach.Action{Text: "Call HR"})
	check(4) // the actions item counts once
	s.Prep["attend.present"] = coach.Answer{Text: "  "}
	check(4) // blank text slipped in directly still counts as unanswered
}

// The quick prep counts the prompts it asked: its core ones and any other
// answered, not all twenty (found in the trial: "1 of 20" after a quick
// prep of seven). The full prep counts them all, as PartCompleteness.
func TestShownCompleteness(t *testing.T) {
	g := mustGuide(t, "en")
	core := len(g.QuickPrep())
	_, all := newSession(t).PartCompleteness(g, coach.PartPrep)
	s := newSession(t)
	var extra string
	for _, st := range g.PartStages(coach.PartPrep) {
		for _, it := range st.Items {
			if !it.Core && it.Kind == coach.KindText && extra == "" {
				extra = it.ID
			}
		}
	}
	s.SetAnswer(g.QuickPrep()[0].ID, coach.Answer{Text: "busy", Rating: 3})
	if a, tot := s.ShownCompleteness(g, coach.PartPrep, false); a != 1 || tot != core {
		t.Errorf("quick: %d of %d, want 1 of %d", a, tot, core)
	}
	s.SetAnswer(extra, coach.Answer{Text: "an extra prompt answered"})
	if a, tot := s.ShownCompleteness(g, coach.PartPrep, false); a != 2 || tot != core+1 {
		t.Errorf("quick with an extra answered: %d of %d, want 2 of %d", a, tot, core+1)
	}
	if a, tot := s.ShownCompleteness(g, coach.PartPrep, true); a != 2 || tot != all || all <= core+1 {
		t.Errorf("full: %d of %d, want 2 of %d", a, tot, all)
	}
}

func TestOpenAndLiveActions(t *testing.T) {
	s := newSession(t)
	s.Actions = []coach.Action{
		{Text: "a", Status: coach.ActionOpen},
		{Text: "b", Status: ""},
		{Text: "c", Status: coach.ActionDone},
		{Text: "d", Status: coach.ActionDropped},
		{Text: " ", Status: coach.ActionOpen},
	}
	if got := len(s.LiveActions()); got != 4 {
		t.Errorf("LiveActions: %d, want 4", got)
	}
	if got := s.OpenActions(); got != 2 {
		t.Errorf("OpenActions() = %d, want 2", got)
	}
}

func TestTidy(t *testing.T) {
	later := now.Add(time.Hour)
	keptID := coach.NewID(now)
	s := newSession(t)
	s.Prep = map[string]coach.Answer{
		"checkin.head":     {Text: "  indented stays\n\n  "},
		"checkin.support":  {Text: " \n\t"},
		"checkin.energy":   {Rating: 2, Text: "\n"},
		"understand.sense": {Text: "line one\nline two\r\n"},
		"help.offer":       {},                                 // empty already: dropped too
		"help.others":      {Text: "\u00a0"},                   // blank, with nothing to trim from the right
		"help.upwards":     {Text: "kept as it is", Rating: 1}, // nothing to tidy
	}
	s.Record = map[string]coach.Answer{"close.next": {Date: d(2027, 2, 24), Text: "  "}}
	s.Actions = []coach.Action{
		{Text: "  Book the course  "},
		{Text: ""},
		{Text: "\t\n"},
		{ID: keptID, Text: "Call HR", Owner: coach.OwnerThem, Status: coach.ActionDone, Created: now},
		{Text: "Ask the rota team", Owner: coach.OwnerOther, Due: d(2026, 12, 4)},
	}
	s.Tidy(later)

	wantAnswers := map[string]coach.Answer{
		"checkin.head":     {Text: "  indented stays"},
		"checkin.energy":   {Rating: 2},
		"close.next":       {Date: d(2027, 2, 24)},
		"understand.sense": {Text: "line one\nline two"},
		"help.upwards":     {Text: "kept as it is", Rating: 1},
	}
	if len(s.AnswerIDs()) != len(wantAnswers) {
		t.Errorf("answers after Tidy: %+v %+v", s.Prep, s.Record)
	}
	for id, want := range wantAnswers {
		if got := s.Answer(id); got != want {
			t.Errorf("answers[%s] = %+v, want %+v", id, got, want)
		}
	}

	if len(s.Actions) != 3 {
		t.Fatalf("actions after Tidy: %+v", s.Actions)
	}
	a := s.Actions[0]
	if a.Text != "Book the course" || !coach.ValidID(a.ID) || a.Status != coach.ActionOpen || a.Owner != coach.OwnerMe || !a.Created.Equal(later) {
		t.Errorf("filled action = %+v", a)
	}
	b := s.Actions[1]
	if b.ID != keptID || b.Owner != coach.OwnerThem || b.Status != coach.ActionDone || !b.Created.Equal(now) {
		t.Errorf("an action already filled in should be kept as it was: %+v", b)
	}
	c := s.Actions[2]
	if c.Owner != coach.OwnerOther || c.Due != d(2026, 12, 4) || !coach.ValidID(c.ID) {
		t.Errorf("third action = %+v", c)
	}
	if a.ID == c.ID {
		t.Errorf("two actions got the same id %s", a.ID)
	}
	if err := s.Validate(); err != nil {
		t.Errorf("a tidied session should be valid: %v", err)
	}
}

func TestValidate(t *testing.T) {
	long := strings.Repeat("ŵ", coach.MaxAnswerLen) // the limit is in characters, not bytes
	tests := []struct {
		name   string
		change func(s *coach.Session)
		want   string // "" for valid
	}{
		{"new", func(s *coach.Session) {}, ""},
		{"unknown answer id", func(s *coach.Session) { s.Prep["future.prompt"] = coach.Answer{Text: "kept"} }, ""},
		{"ratings 0 to 5", func(s *coach.Session) {
			s.Prep["needs.autonomy"] = coach.Answer{Rating: 5}
			s.Prep["needs.belonging"] = coach.Answer{Rating: 1}
			s.Prep["needs.workload"] = coach.Answer{Text: "note only"}
		}, ""},
		{"text at the limit", func(s *coach.Session) { s.Prep["checkin.head"] = coach.Answer{Text: long} }, ""},
		{"action at the limit", func(s *coach.Session) { s.Actions = []coach.Action{{Text: long}} }, ""},
		{"every owner and status", func(s *coach.Session) {
			s.Actions = []coach.Action{
				{Text: "a", Owner: coach.OwnerMe, Status: coach.ActionOpen},
				{Text: "b", Owner: coach.OwnerThem, Status: coach.ActionDone},
				{Text: "c", Owner: coach.OwnerOther, Status: coach.ActionDropped, Reason: "no longer needed"},
				{Text: "d"},
			}
		}, ""},
		{"Welsh and emoji", func(s *coach.Session) { s.Prep["checkin.head"] = coach.Answer{Text: "Siân, Ŵyn, 🙂"} }, ""},

		{"bad session id", func(s *coach.Session) { s.ID = "session-1" }, `session id "session-1"`},
		{"no session id", func(s *coach.Session) { s.ID = "" }, "session id"},
		{"bad person id", func(s *coach.Session) { s.PersonID = "Siân" }, "person_id"},
		{"no date", func(s *coach.Session) { s.Date = coach.Date{} }, "date is missing"},
		{"rating 6", func(s *coach.Session) { s.Prep["needs.autonomy"] = coach.Answer{Rating: 6} }, "prep.needs.autonomy.rating is 6"},
		{"rating -1", func(s *coach.Session) { s.Prep["needs.autonomy"] = coach.Answer{Rating: -1} }, "rating is -1"},
		{"empty answer id", func(s *coach.Session) { s.Prep[""] = coach.Answer{Text: "x"} }, "empty prompt id"},
		{"invalid UTF-8 answer", func(s *coach.Session) { s.Prep["checkin.head"] = coach.Answer{Text: "Si\xe2n"} }, "not valid UTF-8"},
		{"over-long answer", func(s *coach.Session) { s.Prep["checkin.head"] = coach.Answer{Text: long + "w"} }, "longer than 20000"},
		{"bad owner", func(s *coach.Session) { s.Actions = []coach.Action{{Text: "x", Owner: "boss"}} }, `actions[0].owner is "boss"`},
		{"bad status", func(s *coach.Session) {
			s.Actions = []coach.Action{{Text: "x"}, {Text: "y", Status: "pending"}}
		}, `actions[1].status is "pending"`},
		{"invalid UTF-8 action", func(s *coach.Session) { s.Actions = []coach.Action{{Text: "\xff"}} }, "actions[0].text"},
		{"over-long action", func(s *coach.Session) { s.Actions = []coach.Action{{Text: long + "w"}} }, "actions[0].text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(t)
			tt.change(&s)
			err := s.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Validate: %v", err)
			case tt.want != "" && err == nil:
				t.Errorf("Validate accepted it")
			case tt.want != "" && !strings.Contains(err.Error(), tt.want):
				t.Errorf("Validate: %q, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestSummarise(t *testing.T) {
	g := mustGuide(t, "en")
	p := coach.Person{ID: personID, Name: "Siân Wyn"}
	s := newSession(t)

	sum := coach.Summarise(g, p, s)
	if sum.ID != s.ID || sum.PersonID != personID || sum.PersonName != "Siân Wyn" || sum.Date != thursday {
		t.Errorf("Summarise = %+v", sum)
	}
	if sum.Answered != 0 || sum.Total == 0 || sum.Open != 0 || sum.Preview != "" {
		t.Errorf("empty session: %+v", sum)
	}

	// The preview is the meeting record's first answer in guide order, not
	// map order, with white space collapsed. The prep and the reflection
	// are private: however early their prompts come, none of their words
	// is in the summary, and nor are they counted.
	s.SetAnswer("checkin.support", coach.Answer{Text: "Tired today."})
	s.SetAnswer("attend.present", coach.Answer{Text: "PRIVATE prep words"})
	s.SetAnswer("reflect.talking", coach.Answer{Text: "PRIVATE reflection words"})
	s.SetAnswer("checkin.energy", coach.Answer{Rating: 3})
	s.SetAnswer("zzz.unknown", coach.Answer{Text: "not in the guide"})
	sum = coach.Summarise(g, p, s)
	if sum.Preview != "" || !sum.NoRecord() || sum.Answered != 0 {
		t.Errorf("a prep and a reflection with no record: %+v", sum)
	}
	if w := sum.Words(nil); w != "prep only, no record yet" {
		t.Errorf("Words with no record = %q", w)
	}
	s.Actions = []coach.Action{{Text: "Book the  course", Status: coach.ActionOpen}, {Text: "b", Status: coach.ActionDone}}
	if sum := coach.Summarise(g, p, s); sum.Preview != "Book the course" || sum.NoRecord() {
		t.Errorf("an action agreed is the record's first words when it has no others: %+v", sum)
	}
	s.SetAnswer("close.fair", coach.Answer{Text: "Yes."}) // retired, kept in the record
	if sum := coach.Summarise(g, p, s); sum.Preview != "Yes." {
		t.Errorf("Preview = %q, want the retired record prompt's answer before the actions", sum.Preview)
	}
	s.SetAnswer("agenda.said", coach.Answer{Text: "  My own\n\nmanager,  weekly. "})
	sum = coach.Summarise(g, p, s)
	if sum.Preview != "My own manager, weekly." || sum.Words(nil) != sum.Preview {
		t.Errorf("Preview = %q", sum.Preview)
	}
	_, total := s.PartCompleteness(g, coach.PartRecord)
	if sum.Answered != 2 || sum.Total != total || sum.Open != 1 { // the said and the actions; prompts since retired are not counted
		t.Errorf("counts: %+v, want 2 of the record's %d", sum, total)
	}
	if sum.Ratings["checkin.energy"] != 3 || len(sum.Ratings) != 1 {
		t.Errorf("ratings in the summary: %v", sum.Ratings)
	}

	tests := []struct {
		text, want string
	}{
		{"Short.", "Short."},
		{strings.Repeat("a", 60), strings.Repeat("a", 60)},
		{strings.Repeat("a", 61), strings.Repeat("a", 60) + "…"}, // no space to break at
		{strings.Repeat("word ", 20), strings.TrimSpace(strings.Repeat("word ", 12)) + "…"},
		{strings.Repeat("ŵŷ ", 30), strings.TrimSpace(strings.Repeat("ŵŷ ", 20)) + "…"},
		{strings.Repeat("🙂", 70), strings.Repeat("🙂", 60) + "…"},
		// An early space is not a good place to cut, however many bytes come before it.
		{strings.Repeat("🙂", 10) + " " + strings.Repeat("a", 60), strings.Repeat("🙂", 10) + " " + strings.Repeat("a", 49) + "…"},
	}
	for _, tt := range tests {
		s := newSession(t)
		s.SetAnswer("agenda.said", coach.Answer{Text: tt.text})
		got := coach.Summarise(g, p, s).Preview
		if got != tt.want {
			t.Errorf("Preview of %q = %q, want %q", tt.text, got, tt.want)
		}
		if !utf8.ValidString(got) || utf8.RuneCountInString(got) > 61 {
			t.Errorf("Preview %q is not valid or too long", got)
		}
	}
}

func TestOwner(t *testing.T) {
	tests := []struct {
		o     coach.Owner
		step  int
		want  coach.Owner
		label string
	}{
		{coach.OwnerMe, 1, coach.OwnerThem, "me"},
		{coach.OwnerThem, 1, coach.OwnerOther, "them"},
		{coach.OwnerOther, 1, coach.OwnerMe, "someone else"},
		{coach.OwnerMe, -1, coach.OwnerOther, "me"},
		{coach.OwnerOther, -1, coach.OwnerThem, "someone else"},
		{coach.OwnerThem, -1, coach.OwnerMe, "them"},
		{coach.OwnerMe, 0, coach.OwnerMe, "me"},
		{coach.OwnerMe, 3, coach.OwnerMe, "me"},
		{coach.OwnerMe, -4, coach.OwnerOther, "me"},
		{coach.OwnerThem, 7, coach.OwnerOther, "them"},
		{"", 1, coach.OwnerMe, ""},
		{"boss", -1, coach.OwnerMe, "boss"},
	}
	for _, tt := range tests {
		if got := tt.o.Next(tt.step); got != tt.want {
			t.Errorf("Owner(%q).Next(%d) = %q, want %q", tt.o, tt.step, got, tt.want)
		}
		if got := tt.o.Label(); got != tt.label {
			t.Errorf("Owner(%q).Label() = %q, want %q", tt.o, got, tt.label)
		}
	}
}
