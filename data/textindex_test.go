package data

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// scanSearch is what Search must find, by reading every session: those in
// range (and of the person) holding every term at the start of a word,
// newest first (date, then id).
func scanSearch(t *testing.T, s *Store, q coach.SearchQuery) []string {
	t.Helper()
	terms := coach.SearchTerms(q.Text)
	type hit struct{ key, id string }
	var hits []hit
	err := s.EachSession(func(p coach.Person, sess coach.Session) error {
		if q.PersonID != "" && sess.PersonID != q.PersonID {
			return nil
		}
		if !q.Since.IsZero() && sess.Date.Before(q.Since) || !q.Until.IsZero() && q.Until.Before(sess.Date) {
			return nil
		}
		if len(terms) > 0 && !holdsAllScan(sess, terms) {
			return nil
		}
		hits = append(hits, hit{string(timeKey(sess.Date, sess.ID)), sess.ID})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(hits, func(a, b hit) int { return strings.Compare(b.key, a.key) })
	var out []string
	for _, h := range hits {
		out = append(out, h.id)
	}
	return out
}

// holdsAllScan matches as coach does for highlighting (MatchSpans) over
// every text of the session, independently of the index.
func holdsAllScan(sess coach.Session, terms []string) bool {
	for _, term := range terms {
		found := false
		coach.SearchTexts(sess, func(text string) {
			if !found && len(coach.MatchSpans(text, []string{term})) > 0 {
				found = true
			}
		})
		if !found {
			return false
		}
	}
	return true
}

// randomWords is a small vocabulary with shared prefixes, accents, Welsh
// letters and words longer than the indexed prefixes.
var randomWords = []string{"rota", "rotas", "rotation", "Siân", "sian", "siaradwr", "Ŵyn", "wyneb", "llŷr", "Llyr",
	"café", "cafe", "CAFÉ", "supervision", "supervisory", "supervisors", "internationalisation", "internationally",
	"a", "ab", "abc", "naïve", "Mae'r", "r", "x1", "x10", "ﬁle", "Straße", "strasse", "ünïcödé", "unicode", "night",
	"nights", "nightingale", "gaps", "gap", "ÅNGSTRÖM", "angstrom"}

func randomText(r *rand.Rand) string {
	n := r.IntN(8)
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString([]string{" ", ", ", "\n", "-", "; "}[r.IntN(5)])
		}
		b.WriteString(randomWords[r.IntN(len(randomWords))])
	}
	return b.String()
}

func randomQuery(r *rand.Rand) string {
	var parts []string
	for range 1 + r.IntN(2) {
		w := []rune(randomWords[r.IntN(len(randomWords))])
		if r.IntN(2) == 0 {
			w = w[:1+r.IntN(len(w))] // a prefix
		}
		if r.IntN(3) == 0 {
			w = []rune(strings.ToUpper(string(w)))
		}
		parts = append(parts, string(w))
	}
	if r.IntN(20) == 0 {
		parts = append(parts, "zzz")
	}
	return strings.Join(parts, " ")
}

// TestSearchMatchesFullScan saves random sessions (and saves some again,
// completes and erases), then checks that Search finds exactly what a full
// scan finds for random queries, with and without person and date filters,
// in plain and encrypted files, with the index's tail merged often.
func TestSearchMatchesFullScan(t *testing.T) {
	defer func(n int) { tailMax = n }(tailMax)
	tailMax = 7
	for _, encrypted := range []bool{false, true} {
		for seed := range uint64(3) {
			t.Run(fmt.Sprintf("encrypted=%v/seed=%d", encrypted, seed), func(t *testing.T) {
				r := rand.New(rand.NewPCG(seed, 99))
				s := openEmptyStore(t, testPath(t), encrypted)
				people := []coach.Person{mustPerson(t, s, "Ann"), mustPerson(t, s, "Bob"), mustPerson(t, s, "Cai")}
				ids := prompts(s)
				var saved []coach.Session
				for i := range 60 {
					sess := coach.NewSession(people[r.IntN(len(people))].ID, "en", s.now())
					sess.Date = day(2026, time.Month(1+r.IntN(12)), 1+r.IntN(28))
					for range 1 + r.IntN(3) {
						sess.SetAnswer(ids[r.IntN(len(ids))], coach.Answer{Text: randomText(r)})
					}
					if r.IntN(4) == 0 {
						sess.Actions = []coach.Action{{Text: randomText(r) + " x", Owner: coach.OwnerMe}}
					}
					out, err := s.SaveSession(sess)
					if err != nil {
						t.Fatal(err)
					}
					saved = append(saved, out)
					if i%9 == 8 { // save an earlier one again, with other words
						j := r.IntN(len(saved))
						again := saved[j]
						again.SetAnswer(ids[r.IntN(len(ids))], coach.Answer{Text: randomText(r)})
						if saved[j], err = s.SaveSession(again); err != nil {
							t.Fatal(err)
						}
					}
				}
				if _, err := s.CompleteSession(saved[3].ID, "Supervision record: rota nights", nil, coach.Date{}); err != nil {
					t.Fatal(err)
				}
				compare := func(stage string) {
					for range 150 {
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
						want := scanSearch(t, s, q)
						if r.IntN(2) == 0 { // the newest few: Search may walk the date index instead
							q.Limit = 1 + r.IntN(5)
							want = want[:min(len(want), q.Limit)]
						}
						hits, err := s.SearchSummaries(q)
						if err != nil {
							t.Fatal(err)
						}
						var got []string
						for _, h := range hits {
							got = append(got, h.ID)
						}
						if !slices.Equal(got, want) {
							t.Fatalf("%s: %+v: index found %v, a full scan %v", stage, q, got, want)
						}
						full, err := s.Search(q)
						if err != nil {
							t.Fatal(err)
						}
						if len(full) != len(want) {
							t.Fatalf("%s: %+v: Search found %d, a full scan %d", stage, q, len(full), len(want))
						}
					}
				}
				compare("after saving")
				if err := s.Check(); err != nil {
					t.Fatal(err)
				}
				if _, err := s.Erase(people[1].ID); err != nil {
					t.Fatal(err)
				}
				compare("after erasing")
				if err := s.Check(); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}

// prompts lists the English guide's text prompt ids.
func prompts(s *Store) []string {
	var out []string
	for _, st := range s.guide("en").Stages {
		for _, it := range st.Items {
			if it.Kind != coach.KindRating && it.Kind != coach.KindActions {
				out = append(out, it.ID)
			}
		}
	}
	return out
}

func TestPostingsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 100, bitmapLen - 1, bitmapLen, 3000, blockDocs} {
		block := uint32(r.IntN(5))
		var docs []uint32
		for _, off := range r.Perm(blockDocs)[:n] {
			docs = append(docs, block<<blockBits+uint32(off))
		}
		slices.Sort(docs)
		enc := encodePostings(docs)
		got, err := decodePostings(block, enc, nil)
		if err != nil || !slices.Equal(got, docs) {
			t.Fatalf("%d docs: got %d back (%v)", n, len(got), err)
		}
		if n >= bitmapLen && len(enc) != 1+bitmapLen {
			t.Errorf("%d docs take %d bytes, not a bitmap", n, len(enc))
		}
	}
	for _, bad := range [][]byte{nil, {9}, {postingsBitmap, 1}, {postingsList, 0x80}, {postingsList, 1, 0}, {postingsList, 0xff, 0x7f}} {
		if _, err := decodePostings(0, bad, nil); err == nil {
			t.Errorf("%v decoded", bad)
		}
	}
}

func BenchmarkRebuildTextIndex(b *testing.B) {
	s, _ := benchStore(b)
	for b.Loop() {
		err := s.update(func(tx *bbolt.Tx, _ txBuckets) error { return rebuildTextIndex(tx, s.seal) })
		if err != nil {
			b.Fatal(err)
		}
	}
}

// tailAtLeast counts the tail only when its span could hold n entries, and
// then counts them: a tail with gaps is not taken for a full one.
func TestTailAtLeast(t *testing.T) {
	db, err := bbolt.Open(filepath.Join(t.TempDir(), "t.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, tc := range []struct {
		docs []uint32
		want bool
	}{
		{nil, false},
		{[]uint32{5}, false},
		{[]uint32{1, 300}, false},         // wide apart, two entries
		{seq(1, 255), false},              // one short
		{seq(1, 256), true},               // exactly n
		{seq(10, 400), true},              // more
		{append(seq(1, 200), 900), false}, // a gap: 201 entries over 900
	} {
		err := db.Update(func(tx *bbolt.Tx) error {
			_ = tx.DeleteBucket([]byte("tail"))
			b, err := tx.CreateBucket([]byte("tail"))
			if err != nil {
				return err
			}
			for _, d := range tc.docs {
				if err := b.Put(docKey(d), []byte{1}); err != nil {
					return err
				}
			}
			if got := tailAtLeast(b.Cursor(), 256); got != tc.want {
				t.Errorf("%d entries from %v: %v, want %v", len(tc.docs), tc.docs[:min(len(tc.docs), 1)], got, tc.want)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func seq(from, to uint32) []uint32 {
	var out []uint32
	for i := from; i <= to; i++ {
		out = append(out, i)
	}
	return out
}
