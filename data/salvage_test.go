package data

import (
	"bytes"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// Salvage reads every record still readable in a file damaged two ways at
// once, a record whose value was altered and a page of sessions overwritten
// with noise, and names exactly the sessions it could not read: every other
// session comes out whole, every person too, and the file is only read.
func TestSalvageKeepsAllThatStillReads(t *testing.T) {
	path := testPath(t)
	s := openTest(t, path)
	people := []coach.Person{mustPerson(t, s, "Siân Ŵyn"), mustPerson(t, s, "Aled Evans"), mustPerson(t, s, "Priya Patel")}
	var ids []string
	for i := range 300 {
		p := people[i%len(people)]
		sess, err := s.SaveSession(prep(s, p, day(2020, 1, 1).AddDays(i), "words of session "+string(rune('a'+i%26))))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, sess.ID)
	}
	// An altered value: its checksum no longer matches.
	altered := ids[7]
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bktSessions)
		v := bytes.Clone(b.Get([]byte(altered)))
		v[len(v)/2] ^= 0x55
		return b.Put([]byte(altered), v)
	})
	// A page of the sessions bucket, found by a key followed by its value
	// (a checksummed value starts sumVersion), overwritten with noise.
	// Old copies of the page, freed, hold it too: every one is overwritten.
	raw := readFile(t, path)
	key := append([]byte(ids[200]), sumVersion)
	page := os.Getpagesize() // bbolt's page size
	rng := rand.New(rand.NewPCG(1, 2))
	pages := 0
	for at := bytes.Index(raw, key); at >= 0; at = bytes.Index(raw, key) {
		start := at / page * page
		for i := start; i < start+page; i++ {
			raw[i] = byte(rng.Uint32())
		}
		pages++
	}
	if pages == 0 {
		t.Fatal("the session's record is not in the file")
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	var got []string
	var atReady int
	res, err := ro.Salvage(func(found *Salvaged) error {
		atReady = found.Sessions
		return nil
	}, func(sess coach.Session) error {
		got = append(got, sess.ID)
		return nil
	})
	if err != nil {
		t.Fatalf("Salvage: %v", err)
	}
	if len(res.People) != 3 || len(res.Unnamed) != 0 {
		t.Errorf("people %d, unnamed %v: want all 3", len(res.People), res.Unnamed)
	}
	lost := map[string]bool{}
	for _, l := range res.Lost {
		if l.Kind != "session" || l.Err == nil {
			t.Errorf("lost %+v", l)
		}
		lost[l.ID] = true
	}
	if !lost[altered] || !lost[ids[200]] {
		t.Errorf("lost %v: want %s (altered) and %s (on the page overwritten) among them", slices.Sorted(maps.Keys(lost)), altered, ids[200])
	}
	if len(lost) < 2 || len(lost) > 40 {
		t.Errorf("%d sessions lost: one page holds a few, not %d", len(lost), len(lost))
	}
	if len(got)+len(lost) != len(ids) || res.Sessions != len(got) || atReady != len(got) {
		t.Errorf("%d salvaged (%d said, %d at ready) and %d lost, of %d", len(got), res.Sessions, atReady, len(lost), len(ids))
	}
	for _, id := range got {
		if lost[id] {
			t.Errorf("%s both salvaged and lost", id)
		}
	}
	if !slices.IsSortedFunc(got, func(a, b string) int { return slices.Index(ids, a) - slices.Index(ids, b) }) {
		t.Error("sessions not oldest first")
	}
	assertUnchanged(t, path, raw)
}
