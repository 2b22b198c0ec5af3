package data

import (
	"errors"
	"strings"
	"testing"
	"time"

	"attend/coach"
)

// A session id already filed under one person, arriving in an import under
// another, is refused whole: nothing is written, and the message names it.
func TestImportNeverMovesASessionBetweenPeople(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	alys := mustPerson(t, s, "Alys Hughes")
	bryn := mustPerson(t, s, "Bryn Lloyd")
	mine, err := s.SaveSession(prep(s, alys, day(2026, 10, 1), "Alys's own words"))
	if err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)

	forged := mine
	forged.PersonID = bryn.ID
	forged.Updated = mine.Updated.Add(time.Hour)
	forged.SetAnswer("help.obstacle", coach.Answer{Text: "overwritten"})
	other := prep(s, bryn, day(2026, 10, 2), "a new one")
	other.Saved, other.Updated = other.Created, other.Created
	doc := &coach.ImportDoc{People: []coach.Person{bryn}, Sessions: []coach.Session{other, forged}}
	_, err = s.Import(doc)
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "sessions[1].id: "+mine.ID) || !strings.Contains(err.Error(), "never moves") {
		t.Fatalf("Import = %v; want ErrInvalid naming sessions[1].id %s", err, mine.ID)
	}
	assertUnchanged(t, path, before)
	got, err := s.Session(mine.ID)
	if err != nil || got.PersonID != alys.ID || got.Answer("checkin.energy").Text != "Alys's own words" {
		t.Errorf("after the refused import: %+v, %v", got, err)
	}
}

// The same updated time with other words is not "nothing changed": the
// result names the sessions kept as they are.
func TestImportNamesSessionsThatDifferAtTheSameTime(t *testing.T) {
	src := openTest(t, testPath(t))
	welshFixture(t, src)
	raw := exportJSON(t, src)

	path := testPath(t)
	dst := openTest(t, path)
	if _, err := dst.Import(parseImport(t, raw)); err != nil {
		t.Fatal(err)
	}
	again, err := dst.Import(parseImport(t, raw))
	if err != nil || again.Changed() || len(again.SessionsDiffering) != 0 {
		t.Fatalf("the same file again: %+v, %v", again, err)
	}

	doc := parseImport(t, raw)
	edited := doc.Sessions[1]
	edited.SetAnswer("help.obstacle", coach.Answer{Text: "edited by hand, time left alone"})
	doc.Sessions[1] = edited
	before := readFile(t, path)
	res, err := dst.Import(doc)
	if err != nil {
		t.Fatal(err)
	}
	if res.Changed() || len(res.SessionsDiffering) != 1 || res.SessionsDiffering[0] != edited.ID {
		t.Errorf("result %+v; want SessionsDiffering = [%s]", res, edited.ID)
	}
	assertUnchanged(t, path, before)
}
