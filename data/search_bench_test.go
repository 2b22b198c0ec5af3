package data

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"attend/coach"
)

// The search and follow-up benchmarks run on demo data (coach.NewDemo:
// varied notes, Welsh and English words, open and closed actions), saved
// as `attend demo` saves it: EnsurePeople, then SaveSessions in batches of
// 500.
//
//	go test -run '^$' -bench 'Search|OpenActions' ./data
//	ATTEND_BENCH_SESSIONS=100000 go test -run '^$' -bench 'Search|OpenActions' -timeout 30m ./data
//
// ATTEND_BENCH_SESSIONS sets the size (default 10,000). ATTEND_BENCH_DB
// instead names a database `attend demo` made (opened read-only; the
// benchmarks that write are skipped), to measure a big one without
// building it each time:
//
//	attend demo --sessions 100000 --db /tmp/demo100k.db
//	ATTEND_BENCH_DB=/tmp/demo100k.db go test -run '^$' -bench 'Search|OpenActions' ./data

var demoFixture struct {
	once    sync.Once
	path    string
	sealed  string
	people  []coach.Person
	built   time.Duration
	err     error
	sealErr error
	sealed1 sync.Once
}

func demoSize() int {
	if n, err := strconv.Atoi(os.Getenv("ATTEND_BENCH_SESSIONS")); err == nil && n > 0 {
		return n
	}
	return benchSessions
}

// buildDemo saves a demo of n sessions into the store.
func buildDemo(s *Store, n int) ([]coach.Person, error) {
	d, err := coach.NewDemo(coach.DemoOptions{Seed: 42, Sessions: n, Today: day(2026, 11, 26)})
	if err != nil {
		return nil, err
	}
	people, _, err := s.EnsurePeople(d.People())
	if err != nil {
		return nil, err
	}
	batch := make([]coach.Session, 0, 500)
	for i, p := range people {
		for sess := range d.Sessions(i) {
			sess.PersonID = p.ID
			if batch = append(batch, sess); len(batch) == cap(batch) {
				if err := s.SaveSessions(batch); err != nil {
					return nil, err
				}
				batch = batch[:0]
			}
		}
	}
	return people, s.SaveSessions(batch)
}

func demoStore(b *testing.B, sealed bool) (*Store, []coach.Person) {
	b.Helper()
	if path := os.Getenv("ATTEND_BENCH_DB"); path != "" {
		if sealed {
			b.Skip("ATTEND_BENCH_DB: the file as it is only")
		}
		s, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		people, err := s.People()
		if err != nil {
			b.Fatal(err)
		}
		return s, people
	}
	demoFixture.once.Do(func() {
		dir, err := os.MkdirTemp("", "attend-bench-demo-")
		if err != nil {
			demoFixture.err = err
			return
		}
		if fixture.dir == "" {
			fixture.dir = dir // removed by TestMain
		}
		demoFixture.path = filepath.Join(dir, "demo.db")
		s, err := Open(demoFixture.path, Options{})
		if err != nil {
			demoFixture.err = err
			return
		}
		defer s.Close()
		start := time.Now()
		demoFixture.people, demoFixture.err = buildDemo(s, demoSize())
		demoFixture.built = time.Since(start)
		fmt.Fprintf(os.Stderr, "demo fixture: %d sessions, %d people, built in %v\n", demoSize(), len(demoFixture.people), demoFixture.built.Round(time.Millisecond))
	})
	if demoFixture.err != nil {
		b.Fatal(demoFixture.err)
	}
	path := demoFixture.path
	var pass []byte
	if sealed {
		demoFixture.sealed1.Do(func() {
			raw, err := os.ReadFile(demoFixture.path)
			if err != nil {
				demoFixture.sealErr = err
				return
			}
			demoFixture.sealed = filepath.Join(filepath.Dir(demoFixture.path), "demo-sealed.db")
			if demoFixture.sealErr = os.WriteFile(demoFixture.sealed, raw, 0o600); demoFixture.sealErr != nil {
				return
			}
			demoFixture.sealErr = Encrypt(demoFixture.sealed, testPass)
		})
		if demoFixture.sealErr != nil {
			b.Fatal(demoFixture.sealErr)
		}
		path, pass = demoFixture.sealed, testPass
	}
	s, err := Open(path, Options{Now: newClock().Now, Passphrase: pass})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s, demoFixture.people
}

func BenchmarkSearch(b *testing.B) {
	for _, sealed := range []bool{false, true} {
		b.Run(map[bool]string{false: "plain", true: "sealed"}[sealed], func(b *testing.B) {
			s, people := demoStore(b, sealed)
			busiest := people[0]
			for _, p := range people {
				if p.Sessions > busiest.Sessions {
					busiest = p
				}
			}
			for _, c := range []struct {
				name string
				q    coach.SearchQuery
			}{
				{"one-word", coach.SearchQuery{Text: "rota"}},
				{"two-words", coach.SearchQuery{Text: "rota tired"}},
				{"prefix", coach.SearchQuery{Text: "sia"}},
				{"rare", coach.SearchQuery{Text: "hiraeth llanidloes"}},
				{"no-match", coach.SearchQuery{Text: "zzzzqx"}},
				{"person", coach.SearchQuery{Text: "rota", PersonID: busiest.ID}},
				{"person-no-match", coach.SearchQuery{Text: "zzzzqx", PersonID: busiest.ID}},
				{"year", coach.SearchQuery{Text: "zzzzqx", Since: day(2025, 1, 1), Until: day(2025, 12, 31)}},
				{"typing", coach.SearchQuery{Text: "r"}},
			} {
				b.Run(c.name, func(b *testing.B) {
					var n int
					for b.Loop() {
						hits, err := s.Search(c.q)
						if err != nil {
							b.Fatal(err)
						}
						n = len(hits)
					}
					b.ReportMetric(float64(n), "hits")
				})
			}
		})
	}
}

func BenchmarkOpenActions(b *testing.B) {
	for _, sealed := range []bool{false, true} {
		b.Run(map[bool]string{false: "plain", true: "sealed"}[sealed], func(b *testing.B) {
			s, people := demoStore(b, sealed)
			for _, c := range []struct{ name, pid string }{{"everyone", ""}, {"person", people[0].ID}} {
				b.Run(c.name, func(b *testing.B) {
					var n int
					for b.Loop() {
						refs, err := s.OpenActions(c.pid)
						if err != nil {
							b.Fatal(err)
						}
						n = len(refs)
					}
					b.ReportMetric(float64(n), "actions")
				})
			}
		})
	}
}

func BenchmarkSaveSessionDemo(b *testing.B) {
	if os.Getenv("ATTEND_BENCH_DB") != "" {
		b.Skip("ATTEND_BENCH_DB is opened read-only")
	}
	s, people := demoStore(b, false)
	d, _ := coach.NewDemo(coach.DemoOptions{Seed: 7, Sessions: 200, Today: day(2026, 11, 26)})
	var sessions []coach.Session
	for i := range d.People() {
		for sess := range d.Sessions(i) {
			sessions = append(sessions, sess)
		}
	}
	i := 0
	for b.Loop() {
		sess := sessions[i%len(sessions)]
		i++
		sess.ID = coach.NewID(s.now())
		sess.PersonID = people[i%len(people)].ID
		for k := range sess.Actions {
			sess.Actions[k].ID = ""
		}
		if _, err := s.SaveSession(sess); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPeopleDemo reads everyone as the home screen does (People: every
// record decoded, sorted), just their names (PeopleNames), and the few a
// typed name may mean (PeopleNamed, as log --person and every command
// given a name).
func BenchmarkPeopleDemo(b *testing.B) {
	s, people := demoStore(b, false)
	b.Run("People", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.People(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("PeopleNames", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.PeopleNames(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("PeopleNamed", func(b *testing.B) {
		name := people[len(people)/2].Name
		for b.Loop() {
			if got, err := s.PeopleNamed(name); err != nil || len(got) == 0 {
				b.Fatal(len(got), err)
			}
		}
	})
}
