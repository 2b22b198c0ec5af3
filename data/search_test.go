package data

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// searchFixture is a small store with known notes: accents in names and
// notes, Welsh letters, actions, a record and an addendum.
type searchFixture struct {
	s          *Store
	ids        map[string]string // label -> session id
	sian, aled coach.Person
}

func newSearchFixture(t *testing.T, s *Store) searchFixture {
	t.Helper()
	f := searchFixture{s: s, ids: map[string]string{}}
	f.sian, f.aled = mustPerson(t, s, "Siân Ŵyn"), mustPerson(t, s, "Aled Evans")
	add := func(label string, p coach.Person, date coach.Date, notes map[string]string, acts ...coach.Action) coach.Session {
		sess := coach.NewSession(p.ID, "en", s.now())
		sess.Date = date
		for id, text := range notes {
			sess.SetAnswer(id, coach.Answer{Text: text})
		}
		sess.Actions = acts
		saved, err := s.SaveSession(sess)
		if err != nil {
			t.Fatal(err)
		}
		f.ids[label] = saved.ID
		return saved
	}
	add("sian-jan", f.sian, day(2026, 1, 14), map[string]string{"understand.challenges": "Rota\ngaps on Tuesdays; the CIW visit."})
	add("sian-apr", f.sian, day(2026, 4, 2), map[string]string{"checkin.head": "Talked with Llŷr about the night shifts.", "empathise.feeling": "Hiraeth for the old team."})
	add("aled-mar", f.aled, day(2026, 3, 10), map[string]string{"close.reflection": "Diolch i Siân a Llŷr; a long walk in Pen Llŷn."},
		coach.Action{Text: "Book the refresher", Owner: coach.OwnerMe, Status: coach.ActionDropped, Reason: "Course cancelled by the provider"})
	jun := add("aled-jun", f.aled, day(2026, 6, 30), map[string]string{"help.obstacle": "Mae'r ŵyn yn y cae."})
	if _, err := s.CompleteSession(jun.ID, "Discussed lambing leave.", nil, coach.Date{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AgreeSession(jun.ID, day(2026, 7, 1)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAddendum(jun.ID, "Correction: the leave is in April."); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f searchFixture) labels(hits []coach.Hit) []string {
	var out []string
	for _, h := range hits {
		for label, id := range f.ids {
			if id == h.Summary.ID {
				out = append(out, label)
			}
		}
	}
	return out
}

func TestSearch(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		t.Run(fmt.Sprintf("encrypted=%v", encrypted), func(t *testing.T) {
			path := testPath(t)
			s := openEmptyStore(t, path, encrypted)
			f := newSearchFixture(t, s)
			all := []string{"aled-jun", "sian-apr", "aled-mar", "sian-jan"}
			for _, tc := range []struct {
				q    coach.SearchQuery
				want []string
			}{
				{coach.SearchQuery{}, all}, // no words: everything, newest first
				{coach.SearchQuery{Text: "sian"}, []string{"aled-mar"}},
				{coach.SearchQuery{Text: "Siân"}, []string{"aled-mar"}},
				{coach.SearchQuery{Text: "sia"}, []string{"aled-mar"}},
				{coach.SearchQuery{Text: "SIÂN"}, []string{"aled-mar"}},
				{coach.SearchQuery{Text: "wyn"}, []string{"aled-jun"}},
				{coach.SearchQuery{Text: "ŵyn"}, []string{"aled-jun"}},
				{coach.SearchQuery{Text: "llyr"}, []string{"sian-apr", "aled-mar"}},
				{coach.SearchQuery{Text: "llŷ"}, []string{"sian-apr", "aled-mar"}}, // Llŷr and Llŷn
				{coach.SearchQuery{Text: "ian"}, nil},                              // not inside a word
				{coach.SearchQuery{Text: "rota gaps"}, []string{"sian-jan"}},
				{coach.SearchQuery{Text: "gaps rota"}, []string{"sian-jan"}},
				{coach.SearchQuery{Text: "night hiraeth"}, []string{"sian-apr"}}, // in two answers
				{coach.SearchQuery{Text: "rota hiraeth"}, nil},                   // in two sessions
				{coach.SearchQuery{Text: "cancelled"}, []string{"aled-mar"}},     // a drop reason
				{coach.SearchQuery{Text: "refresher"}, []string{"aled-mar"}},     // an action
				{coach.SearchQuery{Text: "lambing"}, []string{"aled-jun"}},       // the record
				{coach.SearchQuery{Text: "april"}, []string{"aled-jun"}},         // an addendum
				{coach.SearchQuery{Text: "mae'r"}, []string{"aled-jun"}},
				{coach.SearchQuery{Text: "evans"}, nil}, // names are not searched
				{coach.SearchQuery{Text: "llyr", PersonID: f.aled.ID}, []string{"aled-mar"}},
				{coach.SearchQuery{PersonID: f.sian.ID}, []string{"sian-apr", "sian-jan"}},
				{coach.SearchQuery{Text: "llyr", Until: day(2026, 3, 31)}, []string{"aled-mar"}},
				{coach.SearchQuery{Text: "llyr", Since: day(2026, 3, 11)}, []string{"sian-apr"}},
				{coach.SearchQuery{Since: day(2026, 3, 10), Until: day(2026, 4, 2)}, []string{"sian-apr", "aled-mar"}},
				{coach.SearchQuery{Since: day(2026, 3, 10), Until: day(2026, 4, 2), PersonID: f.sian.ID}, []string{"sian-apr"}},
				{coach.SearchQuery{Until: day(2025, 1, 1)}, nil},
				{coach.SearchQuery{Since: day(2027, 1, 1)}, nil},
				{coach.SearchQuery{Limit: 2}, all[:2]},
				{coach.SearchQuery{Text: "llyr", Limit: 1}, []string{"sian-apr"}},
				{coach.SearchQuery{Limit: -1}, all},
			} {
				hits, err := s.Search(tc.q)
				if err != nil {
					t.Fatalf("Search(%+v): %v", tc.q, err)
				}
				if got := f.labels(hits); !slices.Equal(got, tc.want) {
					t.Errorf("Search(%+v) = %v, want %v", tc.q, got, tc.want)
				}
			}

			// A hit says where it matched, as written, with the person's name.
			hits, _ := s.Search(coach.SearchQuery{Text: "sian"})
			h := hits[0]
			if h.ItemID != "close.reflection" || h.Stage != "unknown" || // a prompt since retired
				h.Snippet != "Diolch i Siân a Llŷr; a long walk in Pen Llŷn." ||
				h.Summary.PersonName != "Aled Evans" || h.Summary.Date != day(2026, 3, 10) {
				t.Errorf("hit %+v", h)
			}
			hits, _ = s.Search(coach.SearchQuery{Text: "april"})
			if h := hits[0]; h.ItemID != "addendum" || h.Stage != "record" || !h.Summary.Agreed.Time().Equal(day(2026, 7, 1).Time()) {
				t.Errorf("addendum hit %+v", h)
			}

			// Changes show at once: a new reason, a renamed person.
			if _, err := s.SetActionStatus(f.ids["aled-mar"], mustSession(t, s, f.ids["aled-mar"]).Actions[0].ID, coach.ActionDropped, "Provider went bust"); err != nil {
				t.Fatal(err)
			}
			for q, want := range map[string][]string{"bust": {"aled-mar"}, "cancelled": nil} {
				if hits, _ := s.Search(coach.SearchQuery{Text: q}); !slices.Equal(f.labels(hits), want) {
					t.Errorf("after the change, %q finds %v", q, f.labels(hits))
				}
			}
			if _, err := s.UpdatePerson(f.aled.ID, func(p *coach.Person) error { p.Name = "Aled Ifans"; return nil }); err != nil {
				t.Fatal(err)
			}
			if hits, _ := s.Search(coach.SearchQuery{Text: "bust"}); hits[0].Summary.PersonName != "Aled Ifans" {
				t.Errorf("hit name %q", hits[0].Summary.PersonName)
			}

			// Bad queries.
			for _, q := range []coach.SearchQuery{
				{Since: day(2026, 5, 1), Until: day(2026, 4, 1)},
				{Until: coach.Date{Year: 2026, Month: 2, Day: 31}},
				{PersonID: "Siân"},
			} {
				if _, err := s.Search(q); !errors.Is(err, ErrInvalid) {
					t.Errorf("Search(%+v): %v", q, err)
				}
			}
			if err := s.Check(); err != nil {
				t.Fatal(err)
			}
			s.Close()
			if encrypted {
				assertNoPlaintext(t, path, []string{"hiraeth", "lambing", "llyr", "Llŷr", "cancelled", "refresher", "bust"})
			} else {
				assertSomePlaintext(t, path, []string{"hiraeth", "lambing"})
			}
		})
	}
}

func mustSession(t testing.TB, s *Store, id string) coach.Session {
	t.Helper()
	sess, err := s.Session(id)
	if err != nil {
		t.Fatal(err)
	}
	return sess
}

// bucketLen counts a bucket's keys, straight from the file.
func bucketLen(t testing.TB, path string, name []byte) int {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n := 0
	db.View(func(tx *bbolt.Tx) error { n = tx.Bucket(name).Stats().KeyN; return nil })
	return n
}

func TestSearchIndexFollowsEraseAndImport(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	f := newSearchFixture(t, s)
	raw := exportJSON(t, s)

	// Import into an empty store: the same searches, the same open actions.
	path2 := testPath(t)
	dst := openTest(t, path2)
	if _, err := dst.Import(parseImport(t, raw)); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"sia", "wyn", "llyr", "april", "lambing", "cancelled"} {
		a, _ := s.Search(coach.SearchQuery{Text: q})
		b, _ := dst.Search(coach.SearchQuery{Text: q})
		if len(a) != len(b) || len(a) == 0 {
			t.Errorf("%q: %d hits before, %d after import", q, len(a), len(b))
		}
		for i := range min(len(a), len(b)) {
			if a[i].Summary.ID != b[i].Summary.ID || a[i].Snippet != b[i].Snippet || a[i].Summary.Agreed != b[i].Summary.Agreed {
				t.Errorf("%q: hit %d %+v, after import %+v", q, i, a[i], b[i])
			}
		}
	}
	if err := dst.Check(); err != nil {
		t.Fatal(err)
	}

	// Erase: Siân's entries go from every index.
	before := bucketLen(t, path, bktIdxDocs)
	if _, err := s.Erase(f.sian.ID); err != nil {
		t.Fatal(err)
	}
	if n := bucketLen(t, path, bktIdxDocs); n != before-2 {
		t.Errorf("search index holds %d entries after erasing two of %d", n, before)
	}
	if hits, _ := s.Search(coach.SearchQuery{Text: "hiraeth"}); len(hits) != 0 {
		t.Errorf("an erased session is still found: %+v", hits)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	assertNoPlaintext(t, path, []string{"hiraeth", "tuesdays", "Tuesdays"})
}
