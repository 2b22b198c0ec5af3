package data

// People's names for the lines of a listing or a search, read with as
// little as the list needs: the start of each person's record, each person
// once, with a cursor stepping beside an index in person order where it
// can.

import (
	"bytes"
	"slices"
	"strings"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// names looks up people's names once each, within one transaction.
type names struct {
	s  *Store
	b  txBuckets
	by map[string]string
}

func newNames(s *Store, b txBuckets) *names { return &names{s: s, b: b, by: map[string]string{}} }

// of is the name on file (it wins over the one copied at save time, given
// as fallback, which stands when the person cannot be read).
func (n *names) of(personID, fallback string) string {
	if name, ok := n.by[personID]; ok {
		return name
	}
	name := fallback
	// Only the name: the start of the person's record.
	if v, err := n.b.people.Get([]byte(personID)); err == nil && v != nil && personID != "" {
		if got, err := personNameOnly(v); err == nil {
			name = got
		}
	}
	n.by[personID] = name
	return name
}

// fillNames sets each summary's PersonName as names.of does, reading the
// people in key order with one cursor: a common word's hits name most
// people, and the next of them is then often the next key, a step away
// rather than a look-up from the root. Many people are read in chunks,
// shared with another core (shareChunks).
func (s *Store) fillNames(tx *bbolt.Tx, b txBuckets, sums []coach.Summary) error {
	// Each person once, in the order first met, with the first one's copy
	// of the name (as of: it stands unless the person is read), and each
	// summary's person's place among them: one map look-up a summary.
	at := make(map[string]int32, min(len(sums), 1024))
	person := make([]int32, len(sums))
	var ids, copies []string
	for i, sum := range sums {
		j, ok := at[sum.PersonID]
		if !ok {
			j = int32(len(ids))
			at[sum.PersonID] = j
			ids = append(ids, sum.PersonID)
			copies = append(copies, sum.PersonName)
		}
		person[i] = j
	}
	// In key order to be read, each with its copy.
	order := make([]int32, len(ids))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(ids[x], ids[y]) })
	sorted, got := make([]string, len(ids)), make([]string, len(ids))
	for k, j := range order {
		sorted[k], got[k] = ids[j], copies[j]
	}
	err := s.shareChunks(tx, b, len(sorted), func(b txBuckets, _, from, to int) error {
		readNames(b, sorted[from:to], got[from:to])
		return nil
	})
	if err != nil {
		return err
	}
	for k, j := range order {
		copies[j] = got[k]
	}
	for i := range sums {
		sums[i].PersonName = copies[person[i]]
	}
	return nil
}

// readNames sets names[i] to the name of person ids[i] (ids ascending),
// leaving it alone for a person who cannot be read.
func readNames(b txBuckets, ids, names []string) {
	var n *namesBeside
	for i, id := range ids {
		if id == "" {
			continue
		}
		if n == nil {
			n = newNamesBeside(b.people, []byte(id))
		}
		if _, name := n.of([]byte(id)); name != "" {
			names[i] = name
		}
	}
}

// cursorSteps is how many keys a cursor steps on through before it looks
// the key it wants up from the root instead.
const cursorSteps = 8

// namesBeside reads people's names for an index kept in person id order,
// as the people bucket is: each person's name is read once, stepping
// through the people beside the index (the start of their record only).
type namesBeside struct {
	people   vbucket
	c        *bbolt.Cursor
	k, v     []byte
	id, name string
}

func newNamesBeside(people vbucket, prefix []byte) *namesBeside {
	n := &namesBeside{people: people, c: people.Cursor()}
	n.k, n.v = n.c.Seek(prefix)
	return n
}

// of is the id and name of the person whose id is id (ids asked for in
// order); a person not found has no name.
func (n *namesBeside) of(id []byte) (string, string) {
	if n.id == string(id) {
		return n.id, n.name
	}
	n.id, n.name = string(id), ""
	for step := 0; n.k != nil && bytes.Compare(n.k, id) < 0 && step < cursorSteps; step++ {
		n.k, n.v = n.c.Next()
	}
	if n.k != nil && bytes.Compare(n.k, id) < 0 {
		n.k, n.v = n.c.Seek(id) // far ahead: from the root is quicker
	}
	if bytes.Equal(n.k, id) {
		if plain, err := n.people.Open(n.k, n.v); err == nil {
			n.name, _ = personNameOnly(plain)
		}
	}
	return n.id, n.name
}
