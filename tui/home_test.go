package tui

import (
	"strings"
	"testing"

	"attend/coach"
)

func TestFirstRunExplainsWhatToDo(t *testing.T) {
	h := newHarness(t, 80, 24, "")
	h.mustSee("attend helps you prepare compassionate one-to-ones", "Type a name (or press a) to add someone")
}

// With no one yet, typing a name straight away adds that person: the first
// letter opens the field and is kept. Once someone is there, letters are
// keys again (S does nothing; a still adds).
func TestTypingANameOnAnEmptyHomeAddsIt(t *testing.T) {
	h := newHarness(t, 80, 24, "")
	h.typeText("Gwenllian ap Dafydd") // G is a list key (the last row)
	h.press("enter")
	h.mustSee("Added Gwenllian ap Dafydd")
	h = newHarness(t, 80, 24, "")
	h.typeText("Siân Ŵyn")
	h.press("enter")
	h.mustSee("Added Siân Ŵyn", "▸ Siân Ŵyn")
	h.typeText("S")
	if h.home().mode != homeList {
		t.Fatal("a letter opened a field once someone was on the list")
	}
	if len(h.store.people) != 1 {
		t.Fatalf("%d people, want 1", len(h.store.people))
	}
}

func TestAddPersonThenPrep(t *testing.T) {
	h := newHarness(t, 80, 24, "")
	h.press("a")
	h.typeText("Dafydd ap Gwilym")
	h.press("enter")
	h.mustSee("Added Dafydd ap Gwilym", "▸ Dafydd ap Gwilym", "no session yet")
	h.press("a")
	h.typeText("dafydd AP gwilym")
	h.press("enter")
	h.mustSee("Dafydd ap Gwilym is already on your list")
	if len(h.store.people) != 1 {
		t.Fatalf("%d people, want 1", len(h.store.people))
	}
	h.press("enter")
	if h.at() != screenPrep || h.prep().person.Name != "Dafydd ap Gwilym" {
		t.Fatal("enter did not open a prep for the selected person")
	}
}

func TestFindIgnoresAccentsAndQuestionMarkOpensHelp(t *testing.T) {
	h := newHarness(t, 80, 24, "")
	for _, n := range []string{"Siân Ŵyn", "Aled Evans", "Bethan Morgan"} {
		h.press("a")
		h.typeText(n)
		h.press("enter")
	}
	h.press("/")
	h.typeText("wyn")
	h.mustSee("1 of 3 match", "Siân Ŵyn")
	h.press("enter")
	if r, _ := h.home().selected(); r.person.Name != "Siân Ŵyn" {
		t.Fatalf("selected %q", r.person.Name)
	}
	h.press("esc")
	h.mustSee("3 people")
	h.press("?")
	if !h.m.help.ShowAll {
		t.Fatal("? did not open the full help on the home screen")
	}
	h.mustSee("first")
}

func TestQFromHomeQuits(t *testing.T) {
	h := newHarness(t, 80, 24, "")
	h.press("q")
	if !h.quit {
		t.Fatal("q did not quit")
	}
}

func TestSettingHowOftenChangesWhenSomeoneIsDue(t *testing.T) {
	h := newHarness(t, 100, 30, "")
	p, _, _ := h.store.EnsurePerson("Siân Ŵyn")
	p.LastSession = coach.DateOf(clock).AddDays(-50) // 7 weeks ago: not due on 3 months
	h.store.people[p.ID] = p
	h.run(loadPeople(h.store))
	h.mustSee("due 7 Jan 2027")
	h.press("e")
	h.typeText("fortnightly")
	h.press("enter")
	h.mustSee("is not an interval attend can read")
	for range "fortnightly" {
		h.press("backspace")
	}
	h.typeText("6w")
	h.press("enter")
	h.mustSee("Siân Ŵyn: supervision every 6 weeks; overdue by 8 days", "! overdue by 8 days")
	if c := h.store.people[p.ID].Cadence; c.Weeks != 6 {
		t.Fatalf("cadence = %+v", c)
	}
}

// The list is most urgent first (by state, then by days), and by name
// within a tie, ignoring accents and case; names the same but for accents
// keep the order the store gave them.
func TestHomeOrder(t *testing.T) {
	h := newHarness(t, 100, 30, "")
	today := coach.DateOf(clock)
	for _, c := range []struct {
		name string
		ago  int
	}{{"ellis", 10}, {"Élin Ashe", 10}, {"Aled Evans", 10}, {"Gwen Most", 200}, {"Siân", 150}, {"Sian", 150}, {"Ben Less", 120}} {
		p, _, _ := h.store.EnsurePerson(c.name)
		p.LastSession = today.AddDays(-c.ago)
		h.store.people[p.ID] = p
	}
	h.run(loadPeople(h.store))
	var got []string
	for _, r := range h.home().rows {
		got = append(got, r.person.Name)
	}
	var store []string
	people, err := h.store.People()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if coach.Fold(p.Name) == "sian" {
			store = append(store, p.Name)
		}
	}
	want := append(append([]string{"Gwen Most"}, store...), "Ben Less", "Aled Evans", "Élin Ashe", "ellis")
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("order %q, want %q", got, want)
	}
}
