package data

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// TestSearchSummariesShared holds a search that shares its reading with
// another core, in chunks of 1, 2 or 7 (the hits, their doc numbers and
// their people alike), and one whose cursor steps between dense hits, to
// the same search done in one chunk, in one transaction, each summary
// looked up: the same summaries, whole, in the same order, plain and
// encrypted, with the filters and limits, after sessions were saved again
// (numbers left behind) and a person's record went missing.
func TestSearchSummariesShared(t *testing.T) {
	defer func(n int, d uint64) { chunkLen, denseHits = n, d }(chunkLen, denseHits)
	for _, encrypted := range []bool{false, true} {
		t.Run(fmt.Sprintf("encrypted=%v", encrypted), func(t *testing.T) {
			r := rand.New(rand.NewPCG(7, 11))
			s := openEmptyStore(t, testPath(t), encrypted)
			var people []coach.Person
			for i := range 9 {
				people = append(people, mustPerson(t, s, fmt.Sprintf("Person %d Siân", i)))
			}
			ids := prompts(s)
			var saved []coach.Session
			for i := range 150 {
				sess := coach.NewSession(people[r.IntN(len(people))].ID, "en", s.now())
				sess.Date = day(2026, time.Month(1+r.IntN(12)), 1+r.IntN(28))
				sess.SetAnswer(ids[r.IntN(len(ids))], coach.Answer{Text: randomText(r) + " rota"})
				out, err := s.SaveSession(sess)
				if err != nil {
					t.Fatal(err)
				}
				saved = append(saved, out)
				if i%7 == 6 {
					j := r.IntN(len(saved))
					saved[j].SetAnswer(ids[r.IntN(len(ids))], coach.Answer{Text: randomText(r)})
					if saved[j], err = s.SaveSession(saved[j]); err != nil {
						t.Fatal(err)
					}
				}
			}
			if !encrypted { // a person's record gone: the name saved with the session stands
				s.Close()
				db, err := bbolt.Open(s.path, 0o600, &bbolt.Options{Timeout: time.Second})
				if err != nil {
					t.Fatal(err)
				}
				if err := db.Update(func(tx *bbolt.Tx) error { return tx.Bucket(bktPeople).Delete([]byte(people[2].ID)) }); err != nil {
					t.Fatal(err)
				}
				db.Close()
				s = openTest(t, s.path)
			}
			queries := []coach.SearchQuery{{Text: "rota", Limit: -1}, {Text: "rota", Limit: 40}, {Text: "rota", PersonID: people[2].ID, Limit: -1}}
			for range 60 {
				q := coach.SearchQuery{Text: randomQuery(r), Limit: -1}
				if r.IntN(3) == 0 {
					q.PersonID = people[r.IntN(len(people))].ID
				}
				if r.IntN(3) == 0 {
					q.Since = day(2026, time.Month(1+r.IntN(6)), 1)
				}
				if r.IntN(3) == 0 {
					q.Until = day(2026, time.Month(6+r.IntN(6)), 28)
				}
				if r.IntN(3) == 0 {
					q.Limit = 1 + r.IntN(60)
				}
				queries = append(queries, q)
			}
			shared := 0
			for _, q := range queries {
				chunkLen, denseHits = 1<<30, 0 // one chunk, each summary looked up
				want, err := s.SearchSummaries(q)
				if err != nil {
					t.Fatal(err)
				}
				if len(want) > 1 {
					shared++
				}
				for _, n := range []int{1, 2, 7, 1 << 30} {
					for _, dense := range []uint64{4, 1 << 20} { // as found, and always stepping
						chunkLen, denseHits = n, dense
						got, err := s.SearchSummaries(q)
						if err != nil {
							t.Fatal(err)
						}
						if !reflect.DeepEqual(got, want) {
							t.Fatalf("%+v in chunks of %d, dense at 1 in %d:\n%v\nin one, each looked up:\n%v", q, n, dense, got, want)
						}
					}
				}
			}
			if shared < len(queries)/2 {
				t.Fatalf("only %d of %d queries found more than one session: the chunks were hardly shared", shared, len(queries))
			}
		})
	}
}

// TestShared holds Store.shared to calling work once for every i, and to
// stopping at, and returning, the first error.
func TestShared(t *testing.T) {
	s := openTest(t, testPath(t))
	for _, n := range []int{1, 2, 50, 3000} {
		calls := make([]atomic.Int32, n)
		err := s.view(func(tx *bbolt.Tx, b txBuckets) error {
			return s.shared(tx, b, n, func(b txBuckets, i int) error {
				if b.meta == nil || b.idxTime.b == nil {
					return errors.New("no buckets")
				}
				b.idxTime.Get([]byte("a key")) // the buckets are the goroutine's own: -race tells
				calls[i].Add(1)
				return nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Fatalf("n=%d: work(%d) called %d times", n, i, c)
			}
		}
	}
	boom := errors.New("boom")
	var after atomic.Int32
	err := s.view(func(tx *bbolt.Tx, b txBuckets) error {
		return s.shared(tx, b, 3000, func(b txBuckets, i int) error {
			switch {
			case i == 100:
				return boom
			case i > 1000:
				after.Add(1)
			}
			return nil
		})
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want boom", err)
	}
	if a := after.Load(); a > 2 { // at most what each had taken when it failed
		t.Fatalf("%d calls after the error", a)
	}
}
