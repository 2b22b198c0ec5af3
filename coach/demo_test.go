package coach

import (
	"fmt"
	"hash/fnv"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

var demoToday = Date{2026, 11, 26}

// demoAll generates every session of a demo.
func demoAll(t *testing.T, opt DemoOptions) ([]Person, [][]Session) {
	t.Helper()
	d, err := NewDemo(opt)
	if err != nil {
		t.Fatal(err)
	}
	people := d.People()
	all := make([][]Session, len(people))
	for i := range people {
		for s := range d.Sessions(i) {
			all[i] = append(all[i], s)
		}
	}
	return people, all
}

func TestDemoDeterministic(t *testing.T) {
	opt := DemoOptions{Seed: 7, Sessions: 400, Today: demoToday}
	p1, s1 := demoAll(t, opt)
	p2, s2 := demoAll(t, opt)
	if !reflect.DeepEqual(p1, p2) {
		t.Fatalf("same seed, different people:\n%v\n%v", p1, p2)
	}
	if !reflect.DeepEqual(s1, s2) {
		t.Fatal("same seed, different sessions")
	}

	opt.Seed = 8
	p3, s3 := demoAll(t, opt)
	if reflect.DeepEqual(p1, p3) {
		t.Error("seeds 7 and 8 gave the same people")
	}
	if reflect.DeepEqual(s1, s3) {
		t.Error("seeds 7 and 8 gave the same sessions")
	}
}

func TestDemoShape(t *testing.T) {
	g, err := LoadGuide("en")
	if err != nil {
		t.Fatal(err)
	}
	const n = 2000
	d, err := NewDemo(DemoOptions{Seed: 1, Sessions: n, Today: demoToday})
	if err != nil {
		t.Fatal(err)
	}
	people := d.People()
	if len(people) != DemoPeopleFor(n) || len(people) != 50 {
		t.Fatalf("%d people, want %d", len(people), DemoPeopleFor(n))
	}
	names := map[string]bool{}
	var total, overdue, down, multiPara, skipped, longest int
	status := map[ActionStatus]int{}
	welsh := map[string]bool{}
	for i, p := range people {
		if !p.Demo || !ValidID(p.ID) || p.Cadence.Effective() != p.Cadence {
			t.Fatalf("person %+v: want Demo, a valid id and a cadence", p)
		}
		if clean, err := CleanName(p.Name); err != nil || clean != p.Name {
			t.Fatalf("name %q is not clean: %v", p.Name, err)
		}
		if names[Fold(p.Name)] {
			t.Fatalf("%q twice", p.Name)
		}
		names[Fold(p.Name)] = true
		if d.Overdue(i) {
			overdue++
		}

		var prev Session
		var first, last int
		k := 0
		for s := range d.Sessions(i) {
			total++
			if err := s.Validate(); err != nil {
				t.Fatal(err)
			}
			if s.PersonID != p.ID || s.IsDraft() || s.Lang != "en" {
				t.Fatalf("session %+v", s)
			}
			if s.Date.Time().After(demoToday.Time()) {
				t.Fatalf("session on %s, after today", s.Date)
			}
			if wd := s.Date.Time().Weekday(); wd == 0 || wd == 6 {
				t.Fatalf("session on a %s", wd)
			}
			if next := s.Answer(NextID).Date; !next.IsZero() && !working(next) {
				t.Fatalf("next session set for %s, a day off", next)
			}
			if k > 0 && !prev.Date.Before(s.Date) {
				t.Fatalf("%s: %s then %s, want oldest first", p.Name, prev.Date, s.Date)
			}
			if !p.Created.Before(s.Created) {
				t.Fatalf("%s created %s, after their session %s", p.Name, p.Created, s.Created)
			}
			for _, id := range s.AnswerIDs() {
				a := s.Answer(id)
				if _, _, ok := g.Item(id); !ok {
					t.Fatalf("answer to unknown prompt %q", id)
				}
				if strings.Contains(a.Text, "{") || strings.Contains(a.Text, "..") {
					t.Fatalf("placeholder or a doubled full stop left in %q", a.Text)
				}
				if strings.Contains(a.Text, "\n\n") {
					multiPara++
				}
				longest = max(longest, len(a.Text))
				for _, w := range []string{"diolch", "hiraeth", "paned", "Cymraeg", "cymru"} {
					if strings.Contains(strings.ToLower(a.Text), strings.ToLower(w)) {
						welsh[w] = true
					}
				}
			}
			answered, all := s.Completeness(g)
			if answered < all {
				skipped++
			}
			for _, a := range s.Actions {
				status[a.Status]++
				if a.Status == ActionDropped && a.Reason == "" {
					t.Fatalf("dropped without a reason: %+v", a)
				}
				// Nobody leaves an action open for years: only the last
				// year's may still be open.
				if a.Status == ActionOpen && s.Date.DaysUntil(demoToday) > 400 {
					t.Fatalf("%s: an action from %s still open on %s: %q", p.Name, s.Date, demoToday, a.Text)
				}
				if strings.Contains(a.Text+a.Reason, "{") {
					t.Fatalf("placeholder left in %+v", a)
				}
			}
			w := s.Answer("needs.workload").Rating
			if w > 0 && k == 0 {
				first = w
			}
			if w > 0 {
				last = w
			}
			prev = s
			k++
		}
		if k != d.Count(i) {
			t.Fatalf("Count says %d, Sessions gave %d", d.Count(i), k)
		}
		if first > 0 && last > 0 && last < first {
			down++
		}
		if k > 0 {
			due := DueFor(Person{LastSession: prev.Date, NextSession: prev.NextSession(), Cadence: p.Cadence}, demoToday)
			if (due.State == Overdue) != d.Overdue(i) && d.Overdue(i) {
				t.Errorf("%s: Overdue says %v, DueFor says %v", p.Name, d.Overdue(i), due.Label())
			}
		}
	}
	if total != n {
		t.Errorf("%d sessions, want %d", total, n)
	}
	if overdue == 0 || overdue == len(people) {
		t.Errorf("%d of %d overdue, want some", overdue, len(people))
	}
	if down == 0 {
		t.Error("no one's workload rating fell over time")
	}
	if multiPara == 0 || skipped == 0 || longest < 200 {
		t.Errorf("answers: %d multi-paragraph, %d sessions with skipped prompts, longest %d bytes", multiPara, skipped, longest)
	}
	if status[ActionOpen] == 0 || status[ActionDone] == 0 || status[ActionDropped] == 0 {
		t.Errorf("action statuses %v, want all three", status)
	}
	if len(welsh) < 4 {
		t.Errorf("Welsh words used: %v", welsh)
	}
}

func TestDemoSizes(t *testing.T) {
	for _, tc := range []struct{ sessions, people, want int }{
		{0, 0, 5}, {1, 0, 5}, {400, 0, 10}, {10000, 0, 250}, {100000, 0, 2000}, {10, 3, 3},
	} {
		d, err := NewDemo(DemoOptions{Seed: 1, Sessions: tc.sessions, People: tc.people, Today: demoToday})
		if err != nil {
			t.Fatal(err)
		}
		got, sessions := len(d.People()), 0
		for i := range got {
			sessions += d.Count(i)
		}
		if got != tc.want || sessions != tc.sessions {
			t.Errorf("%d sessions, %d people: got %d people and %d sessions, want %d and %d", tc.sessions, tc.people, got, sessions, tc.want, tc.sessions)
		}
	}
	for _, bad := range []DemoOptions{
		{Sessions: -1, Today: demoToday},
		{Sessions: MaxDemoSessions + 1, Today: demoToday},
		{Sessions: 10, People: MaxDemoPeople + 1, Today: demoToday},
		{Sessions: 10},
	} {
		if _, err := NewDemo(bad); err == nil {
			t.Errorf("NewDemo(%+v) = nil error", bad)
		}
	}
}

// TestDemoStopsEarly checks that breaking out of Sessions stops generation.
func TestDemoStopsEarly(t *testing.T) {
	d, err := NewDemo(DemoOptions{Seed: 1, Sessions: 100, People: 1, Today: demoToday})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for range d.Sessions(0) {
		n++
		if n == 3 {
			break
		}
	}
	if n != 3 {
		t.Fatal(n)
	}
}

func TestDemoSample(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("prints a sample record with -v")
	}
	g, _ := LoadGuide("en")
	d, _ := NewDemo(DemoOptions{Seed: 1, Sessions: 200, Today: demoToday})
	p := d.People()[0]
	for s := range d.Sessions(0) {
		t.Log("\n" + Markdown(g, p, s, MarkdownOptions{}))
	}
}

// TestDemoStable pins what seed 1 makes, so that a change in Go's random
// numbers, or a processor that rounds differently, cannot silently change
// "the same seed makes the same demo". If you changed the demo on purpose,
// update want.
func TestDemoStable(t *testing.T) {
	const want = 0x2f37a542fa99da55
	if got, first := demoDigest(t, ""); got != want {
		t.Errorf("seed 1 made a different demo: digest %#x, want %#x (first person %q)", got, uint64(want), first)
	}
}

// TestDemoStableWelsh pins what seed 1 makes in Welsh, as TestDemoStable
// does in English. If you changed the Welsh stories on purpose, update want.
func TestDemoStableWelsh(t *testing.T) {
	const want = 0x620534dd4cc1b4cd
	if got, first := demoDigest(t, "cy"); got != want {
		t.Errorf("seed 1 made a different Welsh demo: digest %#x, want %#x (first person %q)", got, uint64(want), first)
	}
}

// demoDigest hashes everything seed 1 makes in lang, and names the first
// person.
func demoDigest(t *testing.T, lang string) (uint64, string) {
	people, sessions := demoAll(t, DemoOptions{Seed: 1, Sessions: 300, Today: demoToday, Lang: lang})
	h := fnv.New64a()
	for i, p := range people {
		fmt.Fprintf(h, "%s|%s|%s|%v\n", p.ID, p.Name, p.Created.Format(time.RFC3339), p.Cadence)
		for _, s := range sessions[i] {
			fmt.Fprintf(h, "%s|%s|%s|%s|%s|", s.ID, s.Agreed, s.Date, s.Created.Format(time.RFC3339), s.Saved.Format(time.RFC3339))
			for _, id := range s.AnswerIDs() {
				a := s.Answer(id)
				fmt.Fprintf(h, "%s=%d/%s/%q;", id, a.Rating, a.Date, a.Text)
			}
			for _, a := range s.Actions {
				fmt.Fprintf(h, "[%s|%s|%s|%s|%s|%s|%s|%s]", a.ID, a.Text, a.Owner, a.Due, a.Status, a.Reason, a.Outcome, a.Closed.Format(time.RFC3339))
			}
			fmt.Fprintln(h)
		}
	}
	return h.Sum64(), people[0].Name
}

// demoStoried generates a demo with each session's story and beat.
type storied struct {
	s     Session
	story string
	beat  int
}

func demoStoried(t testing.TB, opt DemoOptions) (*Demo, [][]storied) {
	t.Helper()
	d, err := NewDemo(opt)
	if err != nil {
		t.Fatal(err)
	}
	all := make([][]storied, len(d.People()))
	for i := range all {
		d.generate(i, func(s Session, story string, beat int) bool {
			all[i] = append(all[i], storied{s, story, beat})
			return true
		})
	}
	return d, all
}

func partText(s Session, p Part) string {
	var b strings.Builder
	for _, a := range s.Answers(p) {
		b.WriteString(strings.ToLower(a.Text))
		b.WriteByte('\n')
	}
	return b.String()
}

// TestDemoStoriesHoldTogether checks that a session reads as one story:
// rota gaps are in the prep and the record, rate workload low while they
// last and agree an action about the rota; every session says what it was
// about in their words; and a story that goes on follows its own start.
func TestDemoStoriesHoldTogether(t *testing.T) {
	for _, lang := range demoLangs(t) {
		t.Run(lang, func(t *testing.T) { demoHoldsTogether(t, lang) })
	}
}

// demoVerbs are the first words of actions whose owner they say: the
// manager's ("Book X onto…") and the staff member's ("Complete…").
var demoVerbs = map[string][2][]string{
	"en": {{"Book ", "Arrange ", "Raise "}, {"Complete ", "Tell me ", "Renew "}},
	"cy": {{"Trefnu", "Archebu ", "Codi'r "}, {"Cwblhau", "Dweud wrtha i ", "Adnewyddu"}},
}

func demoHoldsTogether(t *testing.T, lang string) {
	_, all := demoStoried(t, DemoOptions{Seed: 5, Sessions: 3000, Today: demoToday, Lang: lang})
	verbs, ok := demoVerbs[lang]
	if !ok {
		t.Fatalf("no verbs for %s", lang)
	}
	stories := map[string]int{}
	for _, ss := range all {
		for k, x := range ss {
			s := x.s
			stories[x.story]++
			if s.Answer("agenda.theirs").Text == "" || s.Answer("agenda.said").Text == "" {
				t.Fatalf("%s beat %d: no agenda or no words of theirs", x.story, x.beat)
			}
			if x.story == "rota" {
				prep, record := partText(s, PartPrep), partText(s, PartRecord)
				if !strings.Contains(prep, "rota") || !strings.Contains(record, "rota") {
					t.Errorf("rota session without the rota in its prep or record:\nprep: %s\nrecord: %s", prep, record)
				}
				if w := s.Answer("needs.workload").Rating; x.beat < 2 && w > 3 {
					t.Errorf("rota gaps, beat %d, rate workload %d/5", x.beat, w)
				}
				rotaAction := false
				for _, a := range s.Actions {
					rotaAction = rotaAction || strings.Contains(a.Text, "rota")
				}
				if !rotaAction {
					t.Errorf("rota session with no action about the rota: %+v", s.Actions)
				}
			}
			if x.story == "goodmonth" {
				for _, id := range NeedIDs {
					if r := s.Answer(id).Rating; r != 0 && r < 3 {
						t.Errorf("a good month rates %s %d/5", id, r)
					}
				}
			}
			if x.beat > 0 {
				if k == 0 {
					t.Fatalf("%s starts at beat %d", x.story, x.beat)
				}
				prev := ss[k-1]
				if prev.story != x.story || prev.beat >= x.beat {
					t.Errorf("%s beat %d follows %s beat %d", x.story, x.beat, prev.story, prev.beat)
				}
				if a := prev.s.Actions[0]; a.Status != ActionDone || (a.Outcome != OutcomeHelped && a.Outcome != OutcomePartly) {
					t.Errorf("%s: the action the next session speaks of is %s/%s", x.story, a.Status, a.Outcome)
				}
			}
			for _, a := range s.Actions {
				// Owners fit the verbs.
				starts := func(words []string) bool {
					return slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(a.Text, w) })
				}
				switch {
				case starts(verbs[0]):
					if a.Owner != OwnerMe {
						t.Errorf("%q is the manager's, not %s", a.Text, a.Owner)
					}
				case starts(verbs[1]):
					if a.Owner != OwnerThem {
						t.Errorf("%q is theirs, not %s", a.Text, a.Owner)
					}
				}
			}
		}
	}
	text, err := demoTextFor(lang)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range text.stories {
		if stories[st.key] == 0 {
			t.Errorf("no session tells the %q story", st.key)
		}
	}
}

// TestDemoActionsSettle checks that old actions are mostly done or dropped,
// with outcomes and reasons, a realistic few overdue, and nothing closed
// after today.
func TestDemoActionsSettle(t *testing.T) {
	_, all := demoStoried(t, DemoOptions{Seed: 2, Sessions: 4000, Today: demoToday})
	var old, oldOpen, overdue, helped, partly int
	for _, ss := range all {
		for k, x := range ss {
			for _, a := range x.s.Actions {
				if !a.Closed.IsZero() && (a.Closed.After(demoToday.Time().Add(24*time.Hour)) || a.Closed.Before(a.Created)) {
					t.Fatalf("action closed %s, created %s, today %s", a.Closed, a.Created, demoToday)
				}
				if a.Status == ActionOpen && !a.Due.IsZero() && a.Due.Before(demoToday) {
					overdue++
				}
				if k < len(ss)-1 {
					old++
					if a.Status == ActionOpen {
						oldOpen++
					}
				}
				switch a.Outcome {
				case OutcomeHelped:
					helped++
				case OutcomePartly:
					partly++
				}
			}
		}
	}
	if old == 0 || oldOpen*100/old > 8 {
		t.Errorf("%d of %d earlier actions still open, want a few (under 8%%)", oldOpen, old)
	}
	if overdue == 0 || helped == 0 || partly == 0 {
		t.Errorf("%d overdue, %d helped, %d partly helped: want some of each", overdue, helped, partly)
	}
}

// TestDemoIDs checks that ids are the same for the same seed, carry the
// seed's mark whatever the day and size, and differ between seeds.
func TestDemoIDs(t *testing.T) {
	_, a := demoAll(t, DemoOptions{Seed: 3, Sessions: 200, Today: demoToday})
	_, b := demoAll(t, DemoOptions{Seed: 3, Sessions: 200, Today: demoToday})
	if a[0][0].ID != b[0][0].ID || a[0][0].Actions[0].ID != b[0][0].Actions[0].ID {
		t.Fatal("same seed, different ids")
	}
	seen := map[string]bool{}
	for _, ss := range a {
		for _, s := range ss {
			for _, id := range append([]string{s.ID}, actionIDs(s)...) {
				if seen[id] {
					t.Fatalf("id %s twice", id)
				}
				seen[id] = true
			}
		}
	}
	later, _ := NewDemo(DemoOptions{Seed: 3, Sessions: 50, Today: demoToday.AddDays(40)})
	other, _ := NewDemo(DemoOptions{Seed: 4, Sessions: 200, Today: demoToday})
	if !later.Made(a[0][0].ID) || !later.Made(a[0][0].Actions[0].ID) {
		t.Error("seed 3 on another day does not know seed 3's ids")
	}
	if other.Made(a[0][0].ID) || other.Made("not an id") {
		t.Error("seed 4 claims seed 3's ids")
	}
}

func actionIDs(s Session) []string {
	var out []string
	for _, a := range s.Actions {
		out = append(out, a.ID)
	}
	return out
}

// BenchmarkDemoGenerate measures making sessions in memory, without
// writing them: the part of `attend demo` that is the demo's own.
func BenchmarkDemoGenerate(b *testing.B) {
	const n = 10000
	for b.Loop() {
		d, err := NewDemo(DemoOptions{Seed: 1, Sessions: n, Today: demoToday})
		if err != nil {
			b.Fatal(err)
		}
		for i := range d.People() {
			for range d.Sessions(i) {
			}
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sessions/s")
}

// TestDemoAllSessionsInDateOrder: AllSessions gives every person's
// sessions exactly as Sessions does, each person's oldest first, and all
// of them in the order of their dates (people in order on the same day).
func TestDemoAllSessionsInDateOrder(t *testing.T) {
	opt := DemoOptions{Seed: 11, Sessions: 900, People: 30, Today: demoToday}
	_, want := demoAll(t, opt)
	d, err := NewDemo(opt)
	if err != nil {
		t.Fatal(err)
	}
	got := make([][]Session, len(want))
	var prevDate Date
	prevPerson, n := -1, 0
	for i, s := range d.AllSessions() {
		if n > 0 && (s.Date.Before(prevDate) || s.Date == prevDate && i < prevPerson) {
			t.Fatalf("session %d (%v, person %d) after %v, person %d", n, s.Date, i, prevDate, prevPerson)
		}
		prevDate, prevPerson = s.Date, i
		got[i] = append(got[i], s)
		n++
	}
	if n != 900 || !reflect.DeepEqual(got, want) {
		t.Fatalf("%d sessions; the same as Sessions gives: %v", n, reflect.DeepEqual(got, want))
	}
}

// demoLangs are the languages the demo has stories in.
func demoLangs(t *testing.T) []string {
	t.Helper()
	files, err := demoFiles.ReadDir("demo")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		out = append(out, strings.TrimSuffix(f.Name(), ".json"))
	}
	if !slices.Contains(out, "en") || !slices.Contains(out, "cy") {
		t.Fatalf("demo stories in %v, want English and Welsh", out)
	}
	return out
}

// demoSentenceEnd ends a sentence: a full stop, question or exclamation
// mark (and any closing quote) before a space, or a line break.
var demoSentenceEnd = regexp.MustCompile(`[.!?]["”’]?\s+|\n+`)

// TestDemoSaysNothingTwice: no session says the same sentence twice, in
// one answer or across its answers, actions and reasons (a sentence found
// inside another answer counts: "The complaint from Mr G.'s family" in the
// check-in and again in the agenda read as a copy). Over many seeds, in
// every language.
func TestDemoSaysNothingTwice(t *testing.T) {
	for _, lang := range demoLangs(t) {
		sessions, repeats := 0, 0
		for seed := uint64(1); seed <= 24; seed++ {
			_, all := demoAll(t, DemoOptions{Seed: seed, Sessions: 500, Today: demoToday, Lang: lang})
			for _, ss := range all {
				for _, s := range ss {
					sessions++
					var texts []string
					for _, id := range s.AnswerIDs() {
						texts = append(texts, strings.ToLower(s.Answer(id).Text))
					}
					for _, a := range s.Actions {
						texts = append(texts, strings.ToLower(a.Text), strings.ToLower(a.Reason))
					}
					if x, ok := repeatedSentence(texts); ok {
						repeats++
						if repeats <= 5 {
							t.Errorf("%s, seed %d, session %s says %q twice", lang, seed, s.ID, x)
						}
					}
				}
			}
		}
		if repeats > 0 {
			t.Errorf("%s: %d of %d sessions say a sentence twice", lang, repeats, sessions)
		}
	}
}

// repeatedSentence finds a sentence (of 15 bytes or more) of one text that
// is in another, or twice in its own.
func repeatedSentence(texts []string) (string, bool) {
	for i, a := range texts {
		for _, x := range demoSentenceEnd.Split(a, -1) {
			x = strings.Trim(x, " .,;:!?\"“”‘’")
			if len(x) < 15 {
				continue
			}
			if strings.Count(a, x) > 1 {
				return x, true
			}
			for j, b := range texts {
				if i != j && strings.Contains(b, x) {
					return x, true
				}
			}
		}
	}
	return "", false
}

func TestRepeatedSentence(t *testing.T) {
	for _, tc := range []struct {
		texts []string
		want  bool
	}{
		{[]string{"the complaint from mr g.'s family. keep it calm.", "the complaint from mr g.'s family about the call."}, true},
		{[]string{"short night.", "short night."}, false}, // too short to count
		{[]string{"two sickness calls before eight.", "x", "two sickness calls before eight. a paned first."}, true},
		{[]string{"\"i keep going to knock.\"\n\n\"i keep going to knock.\""}, true},
		{[]string{"the rota is better. weekends are thin.", "the rota swap sheet works."}, false},
	} {
		if _, got := repeatedSentence(tc.texts); got != tc.want {
			t.Errorf("repeatedSentence(%q) = %v, want %v", tc.texts, got, tc.want)
		}
	}
}

// TestDemoWelsh: a Welsh demo is the English one told in Welsh. The same
// seed makes the same people, dates, ids, ratings, prompts answered and
// actions (owners, due dates, what became of them); every note, action and
// reason is in the Welsh words, and each session records that it was
// written in Welsh, as one written in attend in Welsh does.
func TestDemoWelsh(t *testing.T) {
	g, err := LoadGuide("cy")
	if err != nil {
		t.Fatal(err)
	}
	for _, seed := range []uint64{1, 2, 3} {
		opt := DemoOptions{Seed: seed, Sessions: 600, Today: demoToday}
		enPeople, en := demoAll(t, opt)
		opt.Lang = "cy"
		cyPeople, cy := demoAll(t, opt)
		if !reflect.DeepEqual(enPeople, cyPeople) {
			t.Fatalf("seed %d: Welsh people differ from English", seed)
		}
		texts, differ := 0, 0
		for i := range en {
			if len(en[i]) != len(cy[i]) {
				t.Fatalf("seed %d, %s: %d sessions in English, %d in Welsh", seed, enPeople[i].Name, len(en[i]), len(cy[i]))
			}
			for k, e := range en[i] {
				c := cy[i][k]
				if e.Lang != "en" || c.Lang != "cy" {
					t.Fatalf("sessions in %q and %q, want en and cy", e.Lang, c.Lang)
				}
				if err := c.Validate(); err != nil {
					t.Fatal(err)
				}
				if c.ID != e.ID || c.Date != e.Date || c.Agreed != e.Agreed || !c.Saved.Equal(e.Saved) ||
					!slices.Equal(c.AnswerIDs(), e.AnswerIDs()) || len(c.Actions) != len(e.Actions) {
					t.Fatalf("seed %d: session %s in Welsh is not the English one", seed, e.ID)
				}
				for _, id := range c.AnswerIDs() {
					ca, ea := c.Answer(id), e.Answer(id)
					if _, _, ok := g.Item(id); !ok {
						t.Fatalf("Welsh answer to %q, not a Welsh prompt", id)
					}
					if ca.Rating != ea.Rating || ca.Date != ea.Date || ca.Together != ea.Together || (ca.Text == "") != (ea.Text == "") {
						t.Fatalf("%s %s: Welsh %+v, English %+v", e.ID, id, ca, ea)
					}
					if strings.Contains(ca.Text, "{") || strings.Contains(ca.Text, "..") {
						t.Fatalf("placeholder or a doubled full stop left in %q", ca.Text)
					}
					if ca.Text != "" {
						texts++
						if ca.Text != ea.Text {
							differ++
						}
					}
				}
				for j, ca := range c.Actions {
					ea := e.Actions[j]
					if ca.ID != ea.ID || ca.Owner != ea.Owner || ca.Due != ea.Due || ca.Status != ea.Status ||
						ca.Outcome != ea.Outcome || !ca.Closed.Equal(ea.Closed) || (ca.Reason == "") != (ea.Reason == "") {
						t.Fatalf("action %s in Welsh %+v, in English %+v", ea.ID, ca, ea)
					}
					if ca.Text == ea.Text || strings.Contains(ca.Text+ca.Reason, "{") || (ca.Reason != "" && ca.Reason == ea.Reason) {
						t.Fatalf("action %s not in Welsh: %q, %q", ea.ID, ca.Text, ca.Reason)
					}
				}
			}
		}
		if texts == 0 || differ != texts {
			t.Errorf("seed %d: %d of %d Welsh notes differ from the English", seed, differ, texts)
		}
	}
}

// TestDemoTextsMatch: each language's file tells the same stories in the
// same shape as English (what TestDemoWelsh relies on), with the same
// placeholders in each phrase, and nothing left in English.
func TestDemoTextsMatch(t *testing.T) {
	en, err := demoTextFor("en")
	if err != nil {
		t.Fatal(err)
	}
	placeholders := regexp.MustCompile(`\{[a-z]+\}`)
	same := func(where string, e, o []string) {
		t.Helper()
		if len(e) != len(o) {
			t.Errorf("%s: %d ways in English, %d here", where, len(e), len(o))
			return
		}
		for k := range e {
			pe, po := placeholders.FindAllString(e[k], -1), placeholders.FindAllString(o[k], -1)
			slices.Sort(pe)
			slices.Sort(po)
			if !slices.Equal(slices.Compact(pe), slices.Compact(po)) {
				t.Errorf("%s: %q fills %v, English %q fills %v", where, o[k], po, e[k], pe)
			}
			if o[k] == e[k] {
				t.Errorf("%s: %q is the English", where, o[k])
			}
		}
	}
	sameMap := func(where string, e, o map[string][]string) {
		t.Helper()
		if !slices.Equal(slices.Sorted(maps.Keys(e)), slices.Sorted(maps.Keys(o))) {
			t.Errorf("%s: prompts %v, English %v", where, slices.Sorted(maps.Keys(o)), slices.Sorted(maps.Keys(e)))
		}
		for id := range e {
			same(where+" "+id, e[id], o[id])
		}
	}
	for _, lang := range demoLangs(t) {
		if lang == "en" {
			continue
		}
		o, err := demoTextFor(lang)
		if err != nil {
			t.Fatal(err)
		}
		g, err := BuiltinGuide(lang)
		if err != nil {
			t.Fatal(err)
		}
		same(lang+" settings", en.settings, o.settings)
		if len(o.stories) != len(en.stories) {
			t.Fatalf("%s: %d stories, English %d", lang, len(o.stories), len(en.stories))
		}
		for i, es := range en.stories {
			os := o.stories[i]
			if os.key != es.key || os.opener != es.opener || len(os.beats) != len(es.beats) {
				t.Fatalf("%s: story %d is %q (%d beats), English %q (%d beats)", lang, i, os.key, len(os.beats), es.key, len(es.beats))
			}
			for b, eb := range es.beats {
				ob := os.beats[b]
				where := fmt.Sprintf("%s %s beat %d", lang, es.key, b+1)
				if ob.ratings != eb.ratings || ob.energy != eb.energy || len(ob.actions) != len(eb.actions) {
					t.Errorf("%s: ratings %v, energy %d, %d actions; English %v, %d, %d", where, ob.ratings, ob.energy, len(ob.actions), eb.ratings, eb.energy, len(eb.actions))
					continue
				}
				sameMap(where, eb.text, ob.text)
				for id := range ob.text {
					if _, _, ok := g.Item(id); !ok {
						t.Errorf("%s: %q is not a prompt", where, id)
					}
				}
				for j, ea := range eb.actions {
					oa := ob.actions[j]
					if oa.owner != ea.owner {
						t.Errorf("%s: %q is %s's, English %q %s's", where, oa.text, oa.owner, ea.text, ea.owner)
					}
					same(where+" action", []string{ea.text, ea.drop}, []string{oa.text, oa.drop})
				}
			}
		}
		sameMap(lang+" generic", en.generic, o.generic)
		for k := range en.notes {
			same(fmt.Sprintf("%s rating note %d low", lang, k), en.notes[k][0], o.notes[k][0])
			same(fmt.Sprintf("%s rating note %d high", lang, k), en.notes[k][1], o.notes[k][1])
		}
	}
}

func TestDemoLanguageUnknown(t *testing.T) {
	if _, err := NewDemo(DemoOptions{Seed: 1, Sessions: 10, Today: demoToday, Lang: "fr"}); err == nil {
		t.Error("a demo in French, which has no stories, did not fail")
	}
	d, err := NewDemo(DemoOptions{Seed: 1, Sessions: 10, Today: demoToday})
	if err != nil {
		t.Fatal(err)
	}
	for s := range d.Sessions(0) {
		if s.Lang != DefaultLang {
			t.Fatalf("no language asked for, session in %q", s.Lang)
		}
	}
}

// TestDemoLeavesNoEmptyMap: a part without answers is nil, as SetAnswer
// leaves it, though demo makes room in each part's map before it writes.
func TestDemoLeavesNoEmptyMap(t *testing.T) {
	_, sessions := demoAll(t, DemoOptions{Seed: 3, Sessions: 2000, Today: demoToday})
	empty := 0
	for _, ss := range sessions {
		for _, s := range ss {
			for _, m := range []map[string]Answer{s.Prep, s.Record, s.Reflection} {
				if m != nil && len(m) == 0 {
					t.Fatalf("%s: a part's map is empty but not nil", s.ID)
				}
				if m == nil {
					empty++
				}
			}
		}
	}
	if empty == 0 {
		t.Error("no session has a part without answers: the test shows nothing")
	}
}
