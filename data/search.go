package data

import (
	"bytes"
	"errors"
	"fmt"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// DefaultSearchLimit is how many hits Search returns when the query does
// not say.
const DefaultSearchLimit = 50

// Search finds saved sessions whose notes hold every word of q.Text
// (coach.SearchTerms), each as the start of a word, ignoring case and
// accents: "sia" and "sian" find "Siân", "wyn" finds "ŵyn". It looks
// through answers, action texts and reasons, the record and addenda, not
// names (filter by person with q.PersonID). Since and Until (inclusive, zero
// for open-ended) filter by session date. Hits come newest first (as
// Summaries), at most q.Limit of them: 0 means DefaultSearchLimit, below 0
// no limit. A query with no words matches every session in range.
//
// It reads the search index in one pass of a cursor, newest first,
// stopping at the limit, and decodes only the sessions it returns, to say
// where each matched (coach.FirstMatch: item, stage and snippet).
func (s *Store) Search(q coach.SearchQuery) ([]coach.Hit, error) {
	const what = "cannot search"
	for _, d := range []coach.Date{q.Since, q.Until} {
		if err := d.Check(); err != nil {
			return nil, errInvalid(err, what)
		}
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && q.Until.Before(q.Since) {
		return nil, errInvalid(fmt.Errorf("the range ends (%s) before it starts (%s)", q.Until, q.Since), what)
	}
	if q.PersonID != "" && !coach.ValidID(q.PersonID) {
		return nil, errInvalid(errors.New("the person id is not an attend id"), what)
	}
	limit := q.Limit
	switch {
	case limit == 0:
		limit = DefaultSearchLimit
	case limit < 0:
		limit = 0
	}
	terms := coach.SearchTerms(q.Text)
	needles := make([][]byte, len(terms))
	for i, t := range terms {
		needles[i] = append([]byte{' '}, t...)
	}
	var out []coach.Hit
	err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
		var keys [][]byte // idx_time keys of the hits, newest first
		match := func(tk, raw []byte) (bool, error) {
			if len(needles) == 0 {
				return true, nil
			}
			if raw == nil {
				return false, nil // no index entry: Check reports it
			}
			text, err := b.idxText.Open(tk, raw)
			if err != nil {
				return false, s.recordErr("search entry", tk[dateLen:], err)
			}
			if len(text) == 0 || text[0] != textFormat {
				return false, errCorrupt(s.path, nil, fmt.Sprintf("search entry %s is not in a form attend knows", tk[dateLen:]))
			}
			for _, n := range needles {
				if !bytes.Contains(text, n) {
					return false, nil
				}
			}
			return true, nil
		}

		// The walk: from the last key on or before Until, backwards, down to Since.
		var prefix []byte
		var c *bbolt.Cursor
		if q.PersonID != "" {
			prefix = []byte(q.PersonID)
			c = b.idxPerson.Cursor()
		} else {
			c = b.idxText.Cursor()
		}
		var k, v []byte
		if q.Until.IsZero() {
			k, v = lastWithPrefix(c, prefix)
		} else {
			end := dateBytes(q.Until.AddDays(1))
			if k, _ = c.Seek(append(bytes.Clone(prefix), end[:]...)); k == nil {
				k, v = c.Last()
			} else {
				k, v = c.Prev()
			}
		}
		var since [dateLen]byte
		if !q.Since.IsZero() {
			since = dateBytes(q.Since)
		}
		for ; k != nil && bytes.HasPrefix(k, prefix); k, v = c.Prev() {
			tk := k[len(prefix):]
			if len(tk) != timeKeyLen {
				return errCorrupt(s.path, nil, "an index key has the wrong length")
			}
			if !q.Since.IsZero() && bytes.Compare(tk[:dateLen], since[:]) < 0 {
				break
			}
			raw := v
			if prefix != nil {
				raw = b.idxText.b.Get(tk)
			}
			ok, err := match(tk, raw)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			keys = append(keys, bytes.Clone(tk))
			if limit > 0 && len(keys) == limit {
				break
			}
		}

		// Only the hits are decoded.
		names := map[string]string{}
		for _, tk := range keys {
			id := tk[dateLen:]
			raw, err := b.sessions.Get(id)
			if err != nil {
				return s.recordErr("session", id, err)
			}
			if raw == nil {
				continue // an index entry without its session: Check reports it
			}
			sess, err := decodeSession(raw)
			if err != nil {
				return s.recordErr("session", id, err)
			}
			g := s.guide(sess.Lang)
			name, ok := names[sess.PersonID]
			if !ok {
				if p, err := s.getPerson(b, sess.PersonID); err == nil {
					name = p.Name
				}
				names[sess.PersonID] = name
			}
			var sum coach.Summary
			if plain, err := b.idxTime.Get(tk); err == nil && plain != nil {
				sum, err = decodeSummary(plain)
				if err != nil {
					return s.recordErr("summary", id, err)
				}
			} else {
				sum = coach.Summarise(g, coach.Person{ID: sess.PersonID}, sess)
			}
			sum.PersonName = name
			h := coach.Hit{Summary: sum}
			h.ItemID, h.Stage, h.Snippet = coach.FirstMatch(g, sess, terms)
			out = append(out, h)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
