package data

import (
	"errors"
	"testing"
)

func TestPeopleRoundTrip(t *testing.T) {
	s := openTest(t, testPath(t))
	sian, created, err := s.EnsurePerson("  Siân \t Ŵyn ")
	if err != nil || !created {
		t.Fatalf("EnsurePerson: %v created=%v", err, created)
	}
	if sian.Name != "Siân Ŵyn" || len(sian.ID) != 26 || sian.Created.IsZero() {
		t.Errorf("new person: %+v", sian)
	}
	again, created, err := s.EnsurePerson("SIAN wyn")
	if err != nil || created || again.ID != sian.ID {
		t.Errorf("EnsurePerson of the same name: %+v created=%v %v", again, created, err)
	}
	zoe := mustPerson(t, s, "Zoë 🌻 Ãdams")
	aled := mustPerson(t, s, "aled")
	bob := mustPerson(t, s, "Bob")

	got, err := s.Person(zoe.ID)
	if err != nil || got != zoe {
		t.Errorf("Person(%s) = %+v, %v; want %+v", zoe.ID, got, err, zoe)
	}
	if _, err := s.Person("01ARZ3NDEKTSV4RRFFQ69G5FAV"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Person(unknown): %v", err)
	}
	if _, err := s.Person(""); !errors.Is(err, ErrNotFound) {
		t.Errorf("Person(\"\"): %v", err)
	}

	people, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range people {
		names = append(names, p.Name)
	}
	want := []string{aled.Name, bob.Name, sian.Name, zoe.Name} // folded: aled, bob, sian wyn, zoe
	if len(names) != len(want) {
		t.Fatalf("People = %q", names)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("People = %q, want %q", names, want)
		}
	}
}

func TestFindPerson(t *testing.T) {
	s := openTest(t, testPath(t))
	sian := mustPerson(t, s, "Siân Ŵyn")
	for _, q := range []string{"Siân Ŵyn", "sian wyn", "SIAN  WYN", " siân ŵyn "} {
		p, ok, err := s.FindPerson(q)
		if err != nil || !ok || p.ID != sian.ID {
			t.Errorf("FindPerson(%q) = %+v %v %v", q, p, ok, err)
		}
	}
	if _, ok, err := s.FindPerson("Sian Wynne"); ok || err != nil {
		t.Errorf("FindPerson of another name: %v %v", ok, err)
	}
	if _, _, err := s.FindPerson("   "); !errors.Is(err, ErrInvalid) {
		t.Errorf("FindPerson(blank): %v", err)
	}
	if _, _, err := s.EnsurePerson(""); !errors.Is(err, ErrInvalid) {
		t.Errorf("EnsurePerson(\"\"): %v", err)
	}
	if people, _ := s.People(); len(people) != 1 {
		t.Errorf("a refused name was stored: %v", people)
	}
}
