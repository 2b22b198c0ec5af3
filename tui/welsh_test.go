package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"attend/coach"
)

// Under --lang cy no screen shows an English word, other than what the
// manager typed, names, and the names of keys. Welsh runs longer than
// English, so every screen is checked at 40x15 as well as 80x24.

// english are words that only English has: any of them on a Welsh screen
// is a string that did not go through the catalogue.
var english = regexp.MustCompile(`(?i)\b(the|and|your|you|saved|session|sessions|prompt|prompts|actions|record|history|people|quit|back|next|more|keys|done|open|private|stage|draft|search|trends|team|agreed|today|not|with|what|for|has|have|of|rated|skipped|yet|due|overdue|last|time|notes|help|rate|owner|none|reading|type|here|date|new|line|review|save|cancel|find|add|home|latest|every|week|weeks|month|months|days?)\b`)

// keyNames are the keys themselves, which stay as the keyboard says them.
var keyNames = regexp.MustCompile(`(ctrl|alt|shift)\+\S+|\b(enter|esc|tab|space|pgup|pgdn|home|end|backspace|f1)\b|[↑↓←→]/\S+`)

func welshHarness(t *testing.T, w, h int, prepName string) *harness {
	t.Helper()
	g, err := coach.LoadGuide("cy")
	if err != nil {
		t.Fatal(err)
	}
	return openWindow(t, newMemStore(), w, h, Options{Guide: g, Lang: "cy", PrepName: prepName, Dark: true})
}

// withWelshSessions saves sessions written in Welsh, with actions.
func withWelshSessions(t *testing.T, h *harness) {
	t.Helper()
	today := coach.DateOf(clock)
	p, _, _ := h.store.EnsurePerson("Siân Ŵyn")
	h.store.EnsurePerson("Aled Evans")
	for i := 0; i < 3; i++ {
		s := coach.NewSession(p.ID, "cy", clock)
		s.Date = today.AddDays(-40 * (3 - i))
		s.SetAnswer("checkin.energy", coach.Answer{Rating: 3, Text: "Wedi blino braidd"})
		s.SetAnswer("understand.curious", coach.Answer{Text: "Bylchau yn y rota ar ddydd Mawrth"})
		s.SetAnswer(coach.SaidID, coach.Answer{Text: "Mae dydd Mawrth yn anodd iawn"})
		s.SetAnswer(coach.HelpID, coach.Answer{Text: "Rhywun i lenwi'r shifft hwyr"})
		s.SetAnswer("needs.workload", coach.Answer{Rating: 2 + i%2, Together: true})
		s.SetAnswer("needs.autonomy", coach.Answer{Rating: 3})
		s.Actions = []coach.Action{
			{ID: coach.NewID(clock.Add(time.Duration(i) * time.Second)), Text: "Trefnu hyfforddiant codi a chario", Owner: coach.OwnerThem, Due: today.AddDays(-3), Status: coach.ActionOpen},
		}
		if _, err := h.store.SaveSession(s); err != nil {
			t.Fatal(err)
		}
	}
	h.run(loadPeople(h.store))
}

func TestWelshScreensShowNoEnglish(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{
		{"home", nil},
		{"lasttime", []string{"j", "enter"}},
		{"prep", []string{"j", "enter", "tab"}},
		{"prephelp", []string{"j", "enter", "tab", "f1"}},
		{"review", []string{"j", "enter", "tab", "ctrl+s"}},
		{"history", []string{"h"}},
		{"search", []string{"h", "/", "r", "o", "t", "a"}},
		{"detail", []string{"h", "enter"}},
		{"private", []string{"h", "enter", "p"}},
		{"record", []string{"h", "enter", "r"}},
		{"reflection", []string{"h", "enter", "f"}},
		{"actions", []string{"o"}},
		{"trends", []string{"v"}},
		{"trendsmet", []string{"j", "v"}}, // someone met: the due date is said too
		{"team", []string{"t"}},
	}
	for _, size := range [][2]int{{80, 24}, {40, 15}} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				h := welshHarness(t, size[0], size[1], "")
				withWelshSessions(t, h)
				h.press(sc.keys...)
				screen := h.screen()
				plain := keyNames.ReplaceAllString(screen, " ")
				for _, typed := range []string{"Siân Ŵyn", "Aled Evans", "attend"} {
					plain = strings.ReplaceAll(plain, typed, " ")
				}
				if m := english.FindAllString(plain, -1); len(m) > 0 {
					t.Errorf("English on the Welsh screen: %v\n%s", m, screen)
				}
				checkFrame(t, h, size[0], size[1])
			})
		}
	}
}

// Why a date or an interval cannot be read is said in Welsh too: under the
// next session's date on the meeting record, and where how often is typed
// on the home screen.
func TestWelshSaysWhyItCannotRead(t *testing.T) {
	check := func(t *testing.T, h *harness, typed, want string) {
		t.Helper()
		screen := h.screen()
		if !strings.Contains(screen, want) {
			t.Errorf("want %q on the screen:\n%s", want, screen)
		}
		plain := strings.ReplaceAll(keyNames.ReplaceAllString(screen, " "), typed, " ")
		for _, name := range []string{"Siân Ŵyn", "Aled Evans", "attend"} {
			plain = strings.ReplaceAll(plain, name, " ")
		}
		if m := english.FindAllString(plain, -1); len(m) > 0 {
			t.Errorf("English on the Welsh screen: %v\n%s", m, screen)
		}
	}
	t.Run("date", func(t *testing.T) {
		h := welshHarness(t, 120, 40, "")
		withWelshSessions(t, h)
		h.press("h", "enter", "r")
		h.tabTo("close.next")
		h.typeText("rywbryd")
		check(t, h, "rywbryd", "alla i ddim darllen")
		for range "rywbryd" {
			h.press("backspace")
		}
		h.typeText("31/2/2027")
		check(t, h, "31/2/2027", "does dim diwrnod 31 ym mis Chwefror 2027")
	})
	t.Run("cadence", func(t *testing.T) {
		h := welshHarness(t, 120, 40, "")
		withWelshSessions(t, h)
		h.press("e")
		h.typeText("weithiau")
		h.press("enter")
		check(t, h, "weithiau", "fel cyfnod")
	})
}
