package data

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// TestDecodeSummaryLine: the list fields come out as decodeSummary gives
// them, without the maps, and a value decodeSummary refuses (cut short at
// any byte, any byte changed, bytes added) is refused too.
func TestDecodeSummaryLine(t *testing.T) {
	sums := []coach.Summary{
		{ID: "01HX0000000000000000000000", PersonID: "01HP0000000000000000000000", PersonName: "Siân Ŵyn-Ellis",
			Date: day(2026, 4, 1), Answered: 7, Total: 40, Open: 2, Preview: "Rota gaps over Easter, and the new starters.",
			Ratings: map[string]int{"checkin.energy": 4, "checkin.head": 2}, Agreed: day(2026, 4, 3),
			Together: map[string]bool{"checkin.energy": true}, Outcomes: map[coach.Outcome]int{coach.OutcomeHelped: 1}},
		{ID: "01HX0000000000000000000001", PersonID: "01HP0000000000000000000001", PersonName: "Aled", Date: day(2025, 12, 31)},
		{ID: "01HX0000000000000000000002", PersonID: "01HP0000000000000000000002", Date: day(2024, 1, 1), Answered: 300, Total: 1 << 20},
	}
	for _, want := range sums {
		enc := encodeSummaryBinary(want)
		full, err := decodeSummary(enc)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeSummaryLine(enc)
		if err != nil {
			t.Fatal(err)
		}
		full.Ratings, full.Together, full.Outcomes = nil, nil, nil
		if !reflect.DeepEqual(got, full) {
			t.Errorf("decodeSummaryLine = %+v, want %+v", got, full)
		}

		same := func(what string, b []byte) {
			t.Helper()
			f, errF := decodeSummary(b)
			l, errL := decodeSummaryLine(b)
			if (errF == nil) != (errL == nil) {
				t.Fatalf("%s: decodeSummary says %v, decodeSummaryLine %v", what, errF, errL)
			}
			if errL != nil {
				var v *VersionError
				if errors.As(errF, &v) != errors.As(errL, &v) {
					t.Fatalf("%s: %v against %v", what, errF, errL)
				}
				return
			}
			f.Ratings, f.Together, f.Outcomes = nil, nil, nil
			if !reflect.DeepEqual(l, f) {
				t.Fatalf("%s: %+v, want %+v", what, l, f)
			}
		}
		for n := range len(enc) {
			same("cut short", enc[:n])
		}
		same("a byte added", append(enc[:len(enc):len(enc)], 0))
		for i := range enc {
			for _, x := range []byte{0x01, 0x80, 0xff} {
				b := append([]byte(nil), enc...)
				b[i] ^= x
				same("a byte changed", b)
			}
		}
	}

	// A schema 3 summary (JSON) is read as decodeSummary reads it.
	old := []byte(`{"v":1,"id":"01HX0000000000000000000009","person_id":"01HP0000000000000000000009","person_name":"Llŷr","date":"2023-02-01","answered":3,"total":9,"preview":"Hiraeth","ratings":{"checkin.energy":3}}`)
	got, err := decodeSummaryLine(old)
	if err != nil || got.PersonName != "Llŷr" || got.Preview != "Hiraeth" || got.Answered != 3 || got.Ratings != nil {
		t.Errorf("JSON summary: %+v, %v", got, err)
	}
}

// TestSearchSummariesNames: each hit carries its person's name on file
// (changed since the session was saved for some), and the name copied at
// save time when the person cannot be read, as Summaries gives them.
func TestSearchSummariesNames(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	var people []coach.Person
	for i := range 40 {
		p := mustPerson(t, s, fmt.Sprintf("Person %02d Llŷr", i))
		people = append(people, p)
		for j := range 1 + i%3 {
			if _, err := s.SaveSession(prep(s, p, day(2026, time.Month(1+j), 1+i%28), "rota gaps again")); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := map[string]string{}
	for i, p := range people {
		want[p.ID] = p.Name
		if i%3 == 0 {
			renamed, err := s.UpdatePerson(p.ID, func(p *coach.Person) error { p.Name += " Renamed"; return nil })
			if err != nil {
				t.Fatal(err)
			}
			want[p.ID] = renamed.Name
		}
	}
	// Two people's records gone: their hits keep the name saved with them.
	s.Close()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error {
		for _, p := range []coach.Person{people[4], people[17]} {
			if err := tx.Bucket(bktPeople).Delete([]byte(p.ID)); err != nil {
				return err
			}
		}
		// Every summary's copy of the name made stale, as a rename that
		// left them would: the name on file wins.
		b, err := bucketsOf(tx, nil)
		if err != nil {
			return err
		}
		c := b.idxTime.b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			plain, err := b.idxTime.Open(k, v)
			if err != nil {
				return err
			}
			sum, err := decodeSummary(plain)
			if err != nil {
				return err
			}
			sum.PersonName = "Stale " + sum.PersonName
			if err := b.idxTime.Put(bytes.Clone(k), encodeSummaryBinary(sum)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s = openTest(t, path)

	listed := map[string]string{} // session id -> name, as Summaries gives it
	page, _, err := s.Summaries("", "", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, sum := range page {
		listed[sum.ID] = sum.PersonName
	}
	for _, q := range []coach.SearchQuery{{Text: "rota", Limit: -1}, {Text: "gap", Limit: 5}, {Text: "again", PersonID: people[3].ID}, {Text: "rota", PersonID: people[17].ID}} {
		sums, err := s.SearchSummaries(q)
		if err != nil {
			t.Fatal(err)
		}
		if len(sums) == 0 {
			t.Fatalf("%+v found nothing", q)
		}
		for _, sum := range sums {
			if sum.PersonName != listed[sum.ID] {
				t.Errorf("%+v: %s is %q, Summaries says %q", q, sum.ID, sum.PersonName, listed[sum.ID])
			}
			if w := want[sum.PersonID]; sum.PersonID != people[4].ID && sum.PersonID != people[17].ID && sum.PersonName != w {
				t.Errorf("%+v: %s is %q, want %q", q, sum.ID, sum.PersonName, w)
			}
		}
	}
	if got := listed[firstOf(t, s, people[17].ID)]; got != "Stale "+people[17].Name {
		t.Errorf("a person not on file: %q, want the name saved with the session, %q", got, "Stale "+people[17].Name)
	}
}

// firstOf is the id of a session of person.
func firstOf(t *testing.T, s *Store, person string) string {
	t.Helper()
	page, _, err := s.Summaries(person, "", 1)
	if err != nil || len(page) != 1 {
		t.Fatalf("Summaries(%s): %v, %v", person, page, err)
	}
	return page[0].ID
}
