package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"attend/coach"
)

// withSessions saves n sessions, alternating between two people, a week apart.
func withSessions(t *testing.T, h *harness, n int) {
	t.Helper()
	a, _, _ := h.store.EnsurePerson("Siân Ŵyn")
	b, _, _ := h.store.EnsurePerson("Aled Evans")
	for i := range n {
		p := a
		if i%2 == 1 {
			p = b
		}
		s := coach.NewSession(p.ID, "en", clock)
		s.Date = coach.DateOf(clock).AddDays(-7 * (n - i))
		s.SetAnswer("understand.curious", coach.Answer{Text: fmt.Sprintf("Session %d: rota gaps on Tuesdays", i+1)})
		s.SetAnswer("agenda.theirs", coach.Answer{Text: fmt.Sprintf("Session %d: the rota", i+1)})
		s.SetAnswer("needs.workload", coach.Answer{Rating: 1 + i%5})
		if i%3 == 0 {
			s.Actions = []coach.Action{{Text: "Chase the agency invoice", Owner: coach.OwnerMe}}
		}
		if _, err := h.store.SaveSession(s); err != nil {
			t.Fatal(err)
		}
	}
	h.run(loadPeople(h.store))
}

func TestHistoryNewestFirstThenDetailAndBack(t *testing.T) {
	h := newHarness(t, 100, 30, "")
	withSessions(t, h, 6)
	h.press("h")
	if h.at() != screenHistory {
		t.Fatal("h did not open history")
	}
	h.mustSee("History: everyone", "6 sessions", "Session 6: the rota")
	if got := h.history().items[0].Preview; got != "Session 6: the rota" {
		t.Fatalf("first row is %q, want the newest", got)
	}
	if strings.Contains(h.screen(), "rota gaps") {
		t.Fatal("history shows words from the private prep")
	}
	h.press("down", "enter")
	if h.at() != screenDetail {
		t.Fatal("enter did not open the session")
	}
	// The record they agree shows first; your prep is private, shown on p.
	h.mustSee("Saved record", "THE MEETING RECORD", "Workload")
	if strings.Contains(h.screen(), "Session 5: rota gaps") {
		t.Fatal("the record shows the private prep without asking")
	}
	h.press("p")
	h.mustSee("YOUR PREPARATION", "Session 5: rota gaps on Tuesdays")
	h.press("esc")
	if h.at() != screenHistory || h.history().list.cursor != 1 {
		t.Fatalf("esc from detail: screen %v, cursor %d", h.at(), h.history().list.cursor)
	}
	name := h.history().items[1].PersonName
	h.press("p") // only this row's person
	h.mustSee("History: "+name, "3 sessions")
	for _, it := range h.history().items {
		if it.PersonName != name {
			t.Fatalf("filtered history shows %s", it.PersonName)
		}
	}
	h.press("p") // everyone again
	h.mustSee("History: everyone", "6 sessions")
	h.press("esc")
	if h.at() != screenHome {
		t.Fatal("esc did not go home")
	}
}

func TestHistoryReadsMorePagesAsTheCursorMoves(t *testing.T) {
	h := newHarness(t, 100, 30, "")
	withSessions(t, h, historyPage+30)
	h.press("h")
	if n := len(h.history().items); n != historyPage {
		t.Fatalf("first page has %d rows, want %d", n, historyPage)
	}
	for range historyPage {
		h.press("down")
	}
	if n := len(h.history().items); n != historyPage+30 {
		t.Fatalf("after scrolling, %d rows loaded, want %d", n, historyPage+30)
	}
	h.mustSee(fmt.Sprintf("%d sessions", historyPage+30))
}

func TestHistoryEmpty(t *testing.T) {
	h := newHarness(t, 80, 24, "")
	h.press("h")
	h.mustSee("No saved sessions yet")
}

func TestGoldenHistoryAndDetail(t *testing.T) {
	for _, size := range goldenSizes {
		t.Run(fmt.Sprintf("history_%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newHarness(t, size[0], size[1], "")
			withSessions(t, h, 8)
			h.press("h")
			checkFrame(t, h, size[0], size[1])
		})
		t.Run(fmt.Sprintf("detail_%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newHarness(t, size[0], size[1], "")
			p, _, _ := h.store.EnsurePerson("Siân Ŵyn")
			s := fixtureRecord(p)
			s.Date = coach.DateOf(clock).AddDays(-2)
			if _, err := h.store.SaveSession(s); err != nil {
				t.Fatal(err)
			}
			h.press("h", "enter")
			checkFrame(t, h, size[0], size[1])
		})
		t.Run(fmt.Sprintf("private_%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newHarness(t, size[0], size[1], "")
			p, _, _ := h.store.EnsurePerson("Siân Ŵyn")
			s := fixtureRecord(p)
			s.Date = coach.DateOf(clock).AddDays(-2)
			s.SetAnswer("reflect.talking", coach.Answer{Text: "Me, too much. Next time: ask, then wait."})
			if _, err := h.store.SaveSession(s); err != nil {
				t.Fatal(err)
			}
			h.press("h", "enter", "p")
			checkFrame(t, h, size[0], size[1])
		})
	}
}

func TestPersonTrendsAndTeamView(t *testing.T) {
	h := newHarness(t, 100, 30, "")
	withSessions(t, h, 10)
	h.press("v")
	if h.at() != screenPerson {
		t.Fatal("v did not open the person's trends")
	}
	name := h.trends().person.Name
	h.mustSee(name, "Core needs and workload", "Workload", "how you arrived")
	h.press("enter")
	if h.at() != screenHistory || h.history().personID != h.trends().person.ID {
		t.Fatal("enter did not list the person's sessions")
	}
	h.press("esc", "esc", "t") // back to the trends, back home, then the team
	if h.at() != screenTeam {
		t.Fatal("t did not open the team view")
	}
	h.mustSee("Team at a glance", "Siân Ŵyn", "Aled Evans", "Wkl")
	h.press("enter")
	if h.at() != screenPerson {
		t.Fatal("enter in the team view did not open trends")
	}
	h.press("esc")
	if h.at() != screenTeam {
		t.Fatal("esc from trends opened from the team did not go back to it")
	}
}

func TestGoldenTrends(t *testing.T) {
	for _, size := range goldenSizes {
		t.Run(fmt.Sprintf("person_%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newHarness(t, size[0], size[1], "")
			withRatedSessions(t, h)
			h.press("v")
			checkFrame(t, h, size[0], size[1])
		})
		t.Run(fmt.Sprintf("team_%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newHarness(t, size[0], size[1], "")
			withRatedSessions(t, h)
			h.press("t")
			checkFrame(t, h, size[0], size[1])
		})
	}
}

// withRatedSessions gives three people a year of ratings that drift: one
// falling, one rising, one steady, and a fourth person never seen.
func withRatedSessions(t *testing.T, h *harness) {
	t.Helper()
	walks := map[string][]int{
		"Siân Ŵyn":      {5, 5, 4, 4, 3, 3, 2, 2, 1},
		"Aled Evans":    {2, 2, 3, 3, 3, 4, 4, 5, 5},
		"Bethan Morgan": {4, 4, 4, 3, 4, 4, 4, 4, 4},
	}
	for name, walk := range walks {
		p, _, _ := h.store.EnsurePerson(name)
		for i, r := range walk {
			s := coach.NewSession(p.ID, "en", clock)
			s.Date = coach.DateOf(clock).AddDays(-42 * (len(walk) - i))
			for j, id := range []string{"needs.autonomy", "needs.belonging", "needs.competence", "needs.workload"} {
				s.SetAnswer(id, coach.Answer{Rating: max(1, min(5, r+j%2-(i%3)/2))})
			}
			s.SetAnswer("checkin.energy", coach.Answer{Rating: 1 + (i*2)%5})
			if _, err := h.store.SaveSession(s); err != nil {
				t.Fatal(err)
			}
		}
	}
	h.store.EnsurePerson("Dafydd ap Gwilym")
	h.run(loadPeople(h.store))
	// select Siân
	for i, r := range h.home().visible() {
		if r.person.Name == "Siân Ŵyn" {
			h.home().list.cursor = i
		}
	}
}

func TestSearchAsYouTypeIgnoresCaseAndAccentsAndHighlights(t *testing.T) {
	h := newHarness(t, 100, 30, "")
	p, _, _ := h.store.EnsurePerson("Siân Ŵyn")
	for i, text := range []string{"Talked about Siân's rota and the night shifts", "Hiraeth; missing the valleys", "Nothing much"} {
		s := coach.NewSession(p.ID, "en", clock)
		s.Date = coach.DateOf(clock).AddDays(-7 * (i + 1))
		s.SetAnswer("agenda.theirs", coach.Answer{Text: text})
		h.store.SaveSession(s)
	}
	h.press("h", "/")
	h.typeText("sian")
	h.mustSee("1 session found", "Their agenda", "Talked about Siân's rota")
	if got := h.history().search.hits[0].Snippet; got != "Talked about Siân's rota and the night shifts" {
		t.Fatalf("hit %q", got)
	}
	// the match is highlighted: underlined in the raw frame
	if raw := h.m.View().Content; !strings.Contains(raw, "\x1b[") {
		t.Fatal("no styling in the frame")
	}
	for range "sian" {
		h.press("backspace")
	}
	h.typeText("SIÂN")
	h.mustSee("1 session found")
	for range "SIÂN" {
		h.press("backspace")
	}
	h.typeText("hir")
	h.mustSee("1 session found", "Hiraeth")
	h.typeText(" since:+0d")
	h.mustSee("Nothing found")
	h.press("esc")
	h.mustSee("History: everyone", "3 sessions")
}

func TestHighlightMarksOnlyMatchingWords(t *testing.T) {
	s := NewStyles(true)
	out := highlight(s, "Siân covered nights; siarad Cymraeg", []string{"sian"})
	plain := ansi.Strip(out)
	if plain != "Siân covered nights; siarad Cymraeg" {
		t.Fatalf("highlight changed the text: %q", plain)
	}
	if !strings.Contains(out, "\x1b[1;4") && !strings.Contains(out, "\x1b[4") {
		t.Fatalf("no underline in %q", out)
	}
}

func TestSearchesNeverPileUpBehindTyping(t *testing.T) {
	h := newHarness(t, 100, 30, "")
	withSessions(t, h, 5)
	h.press("h", "/")
	// Type while the first search is still out: the model sends no more
	// until it returns, then sends only the latest query.
	_, first := h.m.Update(keyMsg("r"))
	if first == nil {
		t.Fatal("no search sent")
	}
	for _, k := range []string{"o", "t"} {
		h.m.Update(keyMsg(k))
	}
	if !h.history().search.queued {
		t.Fatal("typing during a search did not queue the latest query")
	}
	h.run(first) // the first answer arrives; the latest query goes out
	if h.history().search.inFlight || h.history().search.queued {
		t.Fatalf("after the answers: inFlight %v, queued %v", h.history().search.inFlight, h.history().search.queued)
	}
	h.mustSee("5 sessions found")
}

// A search finds words in your private notes too (they are your notes), but
// a result from them says so and never shows them: history may be on the
// screen with the staff member in the room. Opening it says where they are,
// and p shows them scrolled to the match, marked.
func TestSearchHitInPrivateNotesIsNamedNotShown(t *testing.T) {
	h := newHarness(t, 100, 30, "")
	p, _, _ := h.store.EnsurePerson("Siân Ŵyn")
	s := coach.NewSession(p.ID, "en", clock)
	s.Date = coach.DateOf(clock).AddDays(-7)
	s.SetAnswer("understand.curious", coach.Answer{Text: "Whether she is thinking of leaving"})
	h.store.SaveSession(s)
	h.press("h")
	h.mustSee("prep only", "no record yet")
	h.press("/")
	h.typeText("leaving")
	h.mustSee("1 session found", "in your private notes")
	if strings.Contains(h.screen(), "thinking of leaving") {
		t.Fatalf("a search result shows the private prep:\n%s", h.screen())
	}
	h.press("enter", "enter")
	if h.at() != screenDetail {
		t.Fatal("enter did not open the result")
	}
	h.mustSee("in your private notes: press p")
	if strings.Contains(h.screen(), "thinking of leaving") {
		t.Fatal("the record shows the private prep without asking")
	}
	h.press("p")
	h.mustSee("YOUR PREPARATION", "Whether she is thinking of leaving")
	if raw := h.m.View().Content; !strings.Contains(raw, h.m.ctx.Styles.Highlight.Render("leaving")) {
		t.Fatal("the match is not marked")
	}
}

// A result opens its record at the first match, not at the top, and marks
// it: in a long record the match may be screens away.
func TestSearchHitOpensAtTheMatch(t *testing.T) {
	h := newHarness(t, 80, 16, "")
	p, _, _ := h.store.EnsurePerson("Siân Ŵyn")
	s := coach.NewSession(p.ID, "en", clock)
	s.Date = coach.DateOf(clock).AddDays(-7)
	long := strings.Repeat("The rota again, and the nights. ", 40)
	s.SetAnswer(coach.SaidID, coach.Answer{Text: long + "Then the hiraeth for the old team."})
	s.SetAnswer(coach.HelpID, coach.Answer{Text: "Time off the floor for a memory book."})
	h.store.SaveSession(s)
	h.press("h", "/")
	h.typeText("hiraeth")
	h.press("enter", "enter")
	if h.at() != screenDetail {
		t.Fatal("enter did not open the result")
	}
	h.mustSee("hiraeth for the old team")
	if raw := h.m.View().Content; !strings.Contains(raw, h.m.ctx.Styles.Highlight.Render("hiraeth")) {
		t.Fatal("the match is not marked")
	}
	h.press("esc", "esc", "/")
	h.typeText("memory")
	h.press("enter", "enter")
	h.mustSee("What would help most right now?", "Time off the floor for a memory book.")
}

// Found in the trial: a prep saved before the meeting showed an empty bar,
// "0/12" and "prep only, no rec…" cut off at 80 columns. The record column
// now says "prep only" and the words "no record yet", whole, in both
// languages.
func TestHistorySaysPrepOnlyWholeAt80(t *testing.T) {
	for lang, want := range map[string][]string{"en": {"prep only", "no record yet"}, "cy": {"paratoad yn unig", "dim cofnod eto"}} {
		h := newHarness(t, 80, 24, "")
		if lang == "cy" {
			h = welshHarness(t, 80, 24, "")
		}
		p, _, _ := h.store.EnsurePerson("Siân Llŷr")
		s := coach.NewSession(p.ID, lang, clock)
		s.SetAnswer("checkin.energy", coach.Answer{Rating: 3})
		h.store.SaveSession(s)
		h.press("h")
		h.mustSee(want...)
		if strings.Contains(h.screen(), "0/") || strings.Contains(h.screen(), "…") {
			t.Errorf("%s: a prep-only row still shows a count or is cut off:\n%s", lang, h.screen())
		}
	}
}

// Found in the trial: a name typed in history's search found nothing, and
// the hint's example was a name ("sian finds Siân"). History searches the
// notes; the hint now gives a word as its example and says where names
// are found.
func TestHistorySearchNothingSaysWhereNamesAreFound(t *testing.T) {
	h := newHarness(t, 100, 30, "")
	p, _, _ := h.store.EnsurePerson("Siân Llŷr")
	s := coach.NewSession(p.ID, "en", clock)
	s.SetPartAnswer(coach.PartRecord, "record.said", coach.Answer{Text: "The rota is better"})
	h.store.SaveSession(s)
	h.press("h", "/")
	h.typeText("llyr")
	h.mustSee("Nothing found in the notes", "tim finds", "use / on home")
	if strings.Contains(h.screen(), "sian finds") {
		t.Fatalf("the hint still gives a name as a word to search:\n%s", h.screen())
	}
}

// / in history blanked the list until something was typed (the trial):
// the list stays under the search box until a query is typed, and goes
// back when the query is emptied.
func TestHistoryListStaysUntilAQueryIsTyped(t *testing.T) {
	h := newHarness(t, 100, 30, "")
	withSessions(t, h, 6)
	h.press("h", "/")
	if !h.history().search.typing {
		t.Fatal("/ did not start a search")
	}
	h.mustSee("Type to search every note", "Session 6: the rota", "Session 5: the rota")
	h.typeText("rota")
	h.mustSee("sessions found")
	h.press("backspace", "backspace", "backspace", "backspace")
	h.mustSee("Type to search every note", "Session 6: the rota")
	// enter with nothing typed goes back to the list, its cursor where it was.
	h.press("enter", "down", "enter")
	if h.at() != screenDetail {
		t.Fatalf("the list did not open a session after an empty search (at %s)", h.at())
	}
}
