package data

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"attend/coach"
)

// The benchmark fixture: 10,000 sessions over 100 people, built once per
// run of the test binary (in a few large transactions) and shared.
const (
	benchPeople   = 100
	benchSessions = 10000
)

var fixture struct {
	once   sync.Once
	dir    string
	path   string
	people []coach.Person
	err    error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fixture.dir != "" {
		os.RemoveAll(fixture.dir)
	}
	os.Exit(code)
}

func benchStore(b *testing.B) (*Store, []coach.Person) {
	b.Helper()
	fixture.once.Do(func() {
		fixture.dir, fixture.err = os.MkdirTemp("", "attend-bench-")
		if fixture.err != nil {
			return
		}
		fixture.path = filepath.Join(fixture.dir, "attend.db")
		s, err := Open(fixture.path, Options{Now: newClock().Now})
		if err != nil {
			fixture.err = err
			return
		}
		defer s.Close()
		for i := range benchPeople {
			p, _, err := s.EnsurePerson(fmt.Sprintf("Person %03d Ŵyn", i))
			if err != nil {
				fixture.err = err
				return
			}
			fixture.people = append(fixture.people, p)
		}
		fill(b, s, fixture.people, benchSessions)
	})
	if fixture.err != nil {
		b.Fatal(fixture.err)
	}
	s, err := Open(fixture.path, Options{Now: newClock().Now})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s, fixture.people
}

func BenchmarkSaveSession(b *testing.B) {
	s, people := benchStore(b)
	sess := prep(s, people[7], day(2026, 11, 26), "A typical note of a line or two about how the week went.")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		sess.ID = coach.NewID(s.now())
		if _, err := s.SaveSession(sess); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSaveDraft(b *testing.B) {
	s, people := benchStore(b)
	d := prep(s, people[3], day(2026, 11, 26), "typing…")
	b.ResetTimer()
	for b.Loop() {
		d.Updated = s.now()
		if err := s.SaveDraft(d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSummariesFirstPage(b *testing.B) {
	s, people := benchStore(b)
	for _, c := range []struct{ name, pid string }{{"all", ""}, {"person", people[5].ID}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				sums, _, err := s.Summaries(c.pid, "", 50)
				if err != nil || len(sums) != 50 {
					b.Fatal(len(sums), err)
				}
			}
		})
	}
}

func BenchmarkPeople(b *testing.B) {
	s, _ := benchStore(b)
	for b.Loop() {
		people, err := s.People()
		if err != nil || len(people) != benchPeople {
			b.Fatal(len(people), err)
		}
	}
}

func BenchmarkSessionByPrefix(b *testing.B) {
	s, _ := benchStore(b)
	sums, _, _ := s.Summaries("", "", 1)
	prefix := strings.ToLower(sums[0].ID[:16])
	for b.Loop() {
		if _, err := s.Session(prefix); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEachSession(b *testing.B) {
	s, _ := benchStore(b)
	for b.Loop() {
		n := 0
		if err := s.EachSession(func(coach.Person, coach.Session) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
