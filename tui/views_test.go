package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"attend/coach"
)

// A part-written draft, as a manager might leave it at 8:55.
func fixtureDraft(p coach.Person) coach.Session {
	s := coach.NewSession(p.ID, "en", clock)
	s.SetAnswer("checkin.energy", coach.Answer{Rating: 3, Text: "Tired after covering the night shift."})
	s.SetAnswer("checkin.head", coach.Answer{Text: "The CIW visit next week. I'll leave my phone in the office."})
	s.SetAnswer("attend.opening", coach.Answer{Text: "Ask Siân what she wants to cover first, and wait."})
	s.SetAnswer("understand.curious", coach.Answer{Text: "Two new residents with complex needs;\nrota gaps on Tuesdays."})
	s.SetAnswer("empathise.safe", coach.Answer{Text: "She may feel she isn't good enough since the medication error. Make it safe to talk about."})
	s.Updated = clock
	return s
}

// A meeting record part-written with them, as it might be at 9:40.
func fixtureRecord(p coach.Person) coach.Session {
	s := fixtureDraft(p)
	s.SetAnswer(coach.SaidID, coach.Answer{Text: "Tuesdays are the hardest: two new residents and one carer short."})
	s.SetAnswer(coach.HelpID, coach.Answer{Text: "Someone to cover Tuesday lates for a month."})
	s.SetAnswer("needs.autonomy", coach.Answer{Rating: 2, Text: "Little say over the rota.", Together: true})
	s.SetAnswer("needs.workload", coach.Answer{Rating: 2})
	s.SetAnswer(coach.NextID, coach.Answer{Date: coach.Date{Year: 2027, Month: 2, Day: 24}})
	s.Actions = []coach.Action{
		{ID: coach.NewID(clock), Text: "Book the moving and handling refresher", Owner: coach.OwnerThem, Due: coach.Date{Year: 2026, Month: 12, Day: 10}, Status: coach.ActionOpen},
		{ID: coach.NewID(clock.Add(time.Second)), Text: "Ask estates about the second hoist", Owner: coach.OwnerMe, Status: coach.ActionOpen},
	}
	return s
}

func TestGoldenStages(t *testing.T) {
	for _, size := range goldenSizes {
		for _, stage := range coach.StageIDs {
			t.Run(fmt.Sprintf("%s_%dx%d", stage, size[0], size[1]), func(t *testing.T) {
				h := newHarness(t, size[0], size[1], "")
				p, _, _ := h.store.EnsurePerson("Siân Ŵyn")
				g := mustGuide()
				st := g.Stages[g.StageIndex(stage)]
				if st.Part == coach.PartPrep {
					_ = h.store.SaveDraft(fixtureDraft(p))
					h.run(loadPeople(h.store))
					h.press("enter")
				} else {
					if _, err := h.store.SaveSession(fixtureRecord(p)); err != nil {
						t.Fatal(err)
					}
					h.run(loadPeople(h.store))
					h.press("h", "enter", map[coach.Part]string{coach.PartRecord: "r", coach.PartReflection: "f"}[st.Part])
				}
				// the first item of the stage, or for the rated stage the second
				first := st.Items[0].ID
				if stage == "needs" {
					first = "needs.belonging"
				}
				h.tabTo(first)
				checkFrame(t, h, size[0], size[1])
			})
		}
	}
}

func TestGoldenHomeAndReview(t *testing.T) {
	for _, size := range goldenSizes {
		t.Run(fmt.Sprintf("first_run_%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newHarness(t, size[0], size[1], "")
			checkFrame(t, h, size[0], size[1])
		})
		t.Run(fmt.Sprintf("home_%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newHarness(t, size[0], size[1], "")
			for i, n := range []string{"Siân Ŵyn", "Aled Evans", "Bethan Morgan", "Dafydd ap Gwilym"} {
				p, _, _ := h.store.EnsurePerson(n)
				switch i {
				case 1: // seen in September: overdue
					p.LastSession = coach.Date{Year: 2026, Month: 8, Day: 20}
				case 2: // due within the fortnight
					p.LastSession = coach.Date{Year: 2026, Month: 9, Day: 1}
					p.NextSession = coach.Date{Year: 2026, Month: 12, Day: 3}
				case 3: // seen recently, on a six-week cadence
					p.LastSession = coach.Date{Year: 2026, Month: 11, Day: 12}
					p.Cadence = coach.Cadence{Weeks: 6}
				}
				h.store.people[p.ID] = p
				if i == 0 {
					_ = h.store.SaveDraft(fixtureDraft(p))
				}
			}
			h.run(loadPeople(h.store))
			checkFrame(t, h, size[0], size[1])
		})
		t.Run(fmt.Sprintf("review_%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newHarness(t, size[0], size[1], "")
			p, _, _ := h.store.EnsurePerson("Siân Ŵyn")
			_ = h.store.SaveDraft(fixtureDraft(p))
			h.run(loadPeople(h.store))
			h.press("enter", "ctrl+s")
			checkFrame(t, h, size[0], size[1])
		})
	}
}

// checkFrame compares the frame with its golden file and checks that it
// fits the window exactly: no line wider, no more lines than the terminal.
func checkFrame(t *testing.T, h *harness, w, ht int) {
	t.Helper()
	frame := h.screen()
	lines := strings.Split(frame, "\n")
	if len(lines) > ht {
		t.Errorf("frame has %d lines, window has %d", len(lines), ht)
	}
	for i, l := range lines {
		if n := len([]rune(l)); n > w {
			t.Errorf("line %d is %d wide, window is %d: %q", i, n, w, l)
		}
	}
	golden.RequireEqual(t, []byte(frame))
}

// goldenSizes are the windows every screen is checked at: the smallest
// attend promises to work in, the classic terminal, and a roomy one.
var goldenSizes = [][2]int{{40, 15}, {80, 24}, {120, 40}}
