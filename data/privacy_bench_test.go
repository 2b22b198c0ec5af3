package data

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"attend/coach"
)

// The benchmarks below compare the same 10,000-session fixture unencrypted
// and encrypted (go test -bench Crypto ./data):
//
//	go test -run '^$' -bench 'Crypto' -benchtime 2s ./data

var sealedFixture struct {
	once sync.Once
	path string
	err  error
}

// benchSealedStore opens an encrypted copy of the benchmark fixture.
func benchSealedStore(b *testing.B) (*Store, []coach.Person) {
	b.Helper()
	plain, people := benchStore(b)
	plain.Close()
	sealedFixture.once.Do(func() {
		raw, err := os.ReadFile(fixture.path)
		if err != nil {
			sealedFixture.err = err
			return
		}
		sealedFixture.path = filepath.Join(fixture.dir, "sealed.db")
		if sealedFixture.err = os.WriteFile(sealedFixture.path, raw, 0o600); sealedFixture.err != nil {
			return
		}
		sealedFixture.err = Encrypt(sealedFixture.path, testPass)
	})
	if sealedFixture.err != nil {
		b.Fatal(sealedFixture.err)
	}
	s, err := Open(sealedFixture.path, Options{Now: newClock().Now, Passphrase: testPass})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s, people
}

func bothStores(b *testing.B, fn func(b *testing.B, s *Store, people []coach.Person)) {
	b.Run("plain", func(b *testing.B) {
		s, people := benchStore(b)
		fn(b, s, people)
	})
	b.Run("sealed", func(b *testing.B) {
		s, people := benchSealedStore(b)
		fn(b, s, people)
	})
}

func BenchmarkCryptoSaveSession(b *testing.B) {
	bothStores(b, func(b *testing.B, s *Store, people []coach.Person) {
		sess := prep(s, people[7], day(2026, 11, 26), "A typical note of a line or two about how the week went.")
		for b.Loop() {
			sess.ID = coach.NewID(s.now())
			if _, err := s.SaveSession(sess); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkCryptoPeople(b *testing.B) {
	bothStores(b, func(b *testing.B, s *Store, _ []coach.Person) {
		for b.Loop() {
			if people, err := s.People(); err != nil || len(people) != benchPeople {
				b.Fatal(len(people), err)
			}
		}
	})
}

func BenchmarkCryptoSummaries(b *testing.B) {
	bothStores(b, func(b *testing.B, s *Store, _ []coach.Person) {
		for b.Loop() {
			if sums, _, err := s.Summaries("", "", 50); err != nil || len(sums) != 50 {
				b.Fatal(len(sums), err)
			}
		}
	})
}

// EachSession reads and opens every session: the cost of an export or of
// searching every note.
func BenchmarkCryptoEachSession(b *testing.B) {
	bothStores(b, func(b *testing.B, s *Store, _ []coach.Person) {
		for b.Loop() {
			if err := s.EachSession(func(coach.Person, coach.Session) error { return nil }); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// Open: checking the file, plus (encrypted) deriving the key. "sealed" is
// at the tests' tiny key-derivation cost, so it shows the rest; "unlock"
// is the real Argon2id cost a manager waits for once per start.
func BenchmarkCryptoOpen(b *testing.B) {
	b.Run("plain", func(b *testing.B) {
		s, _ := benchStore(b)
		s.Close()
		for b.Loop() {
			s, err := Open(fixture.path, Options{})
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
	b.Run("sealed", func(b *testing.B) {
		s, _ := benchSealedStore(b)
		s.Close()
		for b.Loop() {
			s, err := Open(sealedFixture.path, Options{Passphrase: testPass})
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
	b.Run("unlock", func(b *testing.B) {
		path := filepath.Join(b.TempDir(), "attend.db")
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
		old := DefaultKDF
		DefaultKDF = realKDF
		err = Encrypt(path, testPass)
		DefaultKDF = old
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			s, err := Open(path, Options{Passphrase: testPass})
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
}

// Encrypt and Erase rewrite the whole 10,000-session file.
func BenchmarkCryptoRewrite(b *testing.B) {
	s, people := benchStore(b)
	s.Close()
	raw, err := os.ReadFile(fixture.path)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	b.Run("encrypt", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			path := filepath.Join(dir, "enc.db")
			b.StopTimer()
			os.WriteFile(path, raw, 0o600)
			b.StartTimer()
			if err := Encrypt(path, testPass); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("erase", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			path := filepath.Join(dir, "erase.db")
			b.StopTimer()
			os.WriteFile(path, raw, 0o600)
			s, err := Open(path, Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if _, err := s.Erase(people[i%len(people)].ID); err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
}

// Import of the whole 10,000-session fixture's export: parsing it, then
// applying it to an empty database, and again (nothing to do).
func BenchmarkImport(b *testing.B) {
	s, _ := benchStore(b)
	raw := exportJSON(b, s)
	b.Logf("export of %d sessions: %d bytes", benchSessions, len(raw))
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			if _, err := coach.ParseImport(raw); err != nil {
				b.Fatal(err)
			}
		}
	})
	doc := parseImport(b, raw)
	b.Run("apply", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			dst, err := Open(filepath.Join(b.TempDir(), "new.db"), Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if _, err := dst.Import(doc); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			dst.Close()
			b.StartTimer()
		}
	})
	b.Run("again", func(b *testing.B) {
		for b.Loop() {
			if res, err := s.Import(doc); err != nil || res.Changed() {
				b.Fatal(res, err)
			}
		}
	})
}
