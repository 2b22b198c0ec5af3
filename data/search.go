package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"
	"strings"

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
// It looks each word up in the search index (textindex.go) and decodes
// only the sessions it returns, to say where each matched
// (coach.NewHit: item, stage and snippet, and whether it is in the
// manager's private notes).
func (s *Store) Search(q coach.SearchQuery) ([]coach.Hit, error) {
	limit, err := checkQuery(q)
	if err != nil {
		return nil, err
	}
	terms := coach.SearchTerms(q.Text)
	var out []coach.Hit
	err = s.view(func(tx *bbolt.Tx, b txBuckets) error {
		keys, err := s.searchKeys(tx, b, q, terms, limit)
		if err != nil {
			return err
		}

		// Only the hits are decoded.
		names := newNames(s, b)
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
			var sum coach.Summary
			if plain, err := b.idxTime.Get(tk); err == nil && plain != nil {
				sum, err = decodeSummary(plain)
				if err != nil {
					return s.recordErr("summary", id, err)
				}
			} else {
				sum = coach.Summarise(g, coach.Person{ID: sess.PersonID}, sess)
			}
			sum.PersonName = names.of(sess.PersonID, "")
			out = append(out, coach.NewHit(g, sum, sess, terms))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// checkQuery checks a query's filters and returns its limit (0: none).
func checkQuery(q coach.SearchQuery) (int, error) {
	const what = "store.what.search"
	for _, d := range []coach.Date{q.Since, q.Until} {
		if err := d.Check(); err != nil {
			return 0, errInvalid(err, what)
		}
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && q.Until.Before(q.Since) {
		return 0, errInvalid(said("store.cause.rangeBackwards", "Until", q.Until, "Since", q.Since), what)
	}
	if q.PersonID != "" && !coach.ValidID(q.PersonID) {
		return 0, errInvalid(errors.New("the person id is not an attend id"), what)
	}
	limit := q.Limit
	switch {
	case limit == 0:
		limit = DefaultSearchLimit
	case limit < 0:
		limit = 0
	}
	return limit, nil
}

// SearchSummaries is Search without saying where each session matched: the
// summaries of the sessions found, newest first, for `attend log --grep`.
// It decodes no session (unless a query word is longer than the index's
// prefixes), so it costs little however many sessions match. Each summary
// holds what a list line shows (id, date, person and name, the counts,
// agreed and preview), not its Ratings, Together or Outcomes: building
// those maps for every hit was most of the time and memory a search for a
// common word took (decodeSummaryLine).
func (s *Store) SearchSummaries(q coach.SearchQuery) ([]coach.Summary, error) {
	limit, err := checkQuery(q)
	if err != nil {
		return nil, err
	}
	terms := coach.SearchTerms(q.Text)
	var out []coach.Summary
	err = s.view(func(tx *bbolt.Tx, b txBuckets) error {
		keys, err := s.searchKeys(tx, b, q, terms, limit)
		if err != nil {
			return err
		}
		// Each hit's summary is most often on a page of its own, so
		// reading them is mostly page faults: they are read in chunks,
		// shared with another core (Store.shared), each into its place
		// in out, which is then closed up where any was missing.
		out = make([]coach.Summary, len(keys))
		n := make([]int, chunks(len(keys)))
		dense := denseHits > 0 && uint64(len(keys))*denseHits >= b.idxDocs.Sequence() // the sessions ever numbered: at least as many as there are
		err = s.shareChunks(tx, b, len(keys), func(b txBuckets, i, from, to int) error {
			var err error
			n[i], err = s.summaryLines(b, keys[from:to], out[from:to], dense)
			return err
		})
		if err != nil {
			return err
		}
		w := 0
		for i, got := range n {
			from := i * chunkLen
			w += copy(out[w:], out[from:from+got])
		}
		out = out[:w]
		return s.fillNames(tx, b, out)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// chunkLen is how many hits (or doc numbers, or people) a search reads
// at a time when it shares the reading with another core (shareChunks):
// each costs a few microseconds, and the other core's start tens of them.
// A variable, so that tests can share small searches too.
var chunkLen = 128

// denseHits: hits are dense, and summaryLines steps between them, when
// at least one session in denseHits holds them. A variable, so that tests
// can have every search step, or none.
var denseHits uint64 = 4

// chunks is how many chunks of chunkLen n things make.
func chunks(n int) int { return (n + chunkLen - 1) / chunkLen }

// shareChunks calls work for every chunk of [0, n), chunkLen long (the
// last one shorter), the i'th being [from, to), with a transaction's
// buckets as Store.shared gives them; n of a chunk or less is done at
// once in tx, with no second goroutine, and n of 0 not at all.
func (s *Store) shareChunks(tx *bbolt.Tx, b txBuckets, n int, work func(b txBuckets, i, from, to int) error) error {
	switch {
	case n == 0:
		return nil
	case n <= chunkLen:
		return work(b, 0, 0, n)
	}
	return s.shared(tx, b, chunks(n), func(b txBuckets, i int) error {
		return work(b, i, i*chunkLen, min((i+1)*chunkLen, n))
	})
}

// summaryLines reads and decodes the summaries of keys (idx_time keys,
// newest first) into dst, in order, skipping any that is missing, and
// says how many it wrote. With step, the hits being dense (a common
// word's), a cursor steps back to the next key when it is a few keys
// away, rather than each being looked up from the root; sparse hits are
// each on a page of their own, and a step there would only touch the
// pages between.
func (s *Store) summaryLines(b txBuckets, keys [][]byte, dst []coach.Summary, step bool) (int, error) {
	var c *bbolt.Cursor
	if step {
		c = b.idxTime.Cursor()
	}
	var k, v []byte
	n := 0
	for _, tk := range keys {
		var raw []byte
		if c == nil {
			raw = b.idxTime.b.Get(tk)
		} else {
			for i := 0; k != nil && bytes.Compare(k, tk) > 0 && i < cursorSteps; i++ {
				k, v = c.Prev()
			}
			if !bytes.Equal(k, tk) {
				k, v = c.Seek(tk)
			}
			if bytes.Equal(k, tk) {
				raw = v // nil for a bucket, as Get
			}
		}
		if raw == nil {
			continue // Check reports it
		}
		plain, err := b.idxTime.Open(tk, raw)
		if err != nil {
			return n, s.recordErr("summary", tk[dateLen:], err)
		}
		sum, err := decodeSummaryLine(plain)
		if err != nil {
			return n, s.recordErr("summary", tk[dateLen:], err)
		}
		dst[n] = sum
		n++
	}
	return n, nil
}

// searchKeys returns the idx_time keys of the sessions q finds, newest
// first, at most limit of them (0: all). Like bbolt's, they are only valid
// within the transaction.
func (s *Store) searchKeys(tx *bbolt.Tx, b txBuckets, q coach.SearchQuery, terms []string, limit int) ([][]byte, error) {
	var since, until [dateLen]byte
	if !q.Since.IsZero() {
		since = dateBytes(q.Since)
	}
	if !q.Until.IsZero() {
		until = dateBytes(q.Until)
	}
	inRange := func(tk []byte) bool {
		d := tk[:dateLen]
		return (q.Since.IsZero() || bytes.Compare(d, since[:]) >= 0) && (q.Until.IsZero() || bytes.Compare(d, until[:]) <= 0)
	}
	if len(terms) == 0 {
		return s.walkRange(b, q, inRange, limit)
	}

	h := s.hasher() // the saves' hashers: a word searched for is often one saved
	defer s.putHasher(h)
	var docs []uint32
	exact := true
	for i, t := range terms {
		pk, ok := prefixKey(t)
		exact = exact && ok
		ds, err := lookup(b, h.hash(pk))
		if err != nil {
			return nil, errCorrupt(s.path, err, "the search index cannot be read: "+err.Error())
		}
		if i == 0 {
			docs = ds
		} else {
			docs = intersect(docs, ds)
		}
		if len(docs) == 0 {
			return nil, nil
		}
	}
	// verify reads a session when a word is longer than the indexed
	// prefixes.
	verify := func(b txBuckets, tk []byte) (bool, error) {
		if exact {
			return true, nil
		}
		raw, err := b.sessions.Get(tk[dateLen:])
		if err != nil {
			return false, s.recordErr("session", tk[dateLen:], err)
		}
		if raw == nil {
			return false, nil
		}
		sess, err := decodeSession(raw)
		if err != nil {
			return false, s.recordErr("session", tk[dateLen:], err)
		}
		return holdsAll(sess, terms), nil
	}

	// When most sessions match and only the newest few are wanted (a
	// short prefix typed in history), walking the date index newest first
	// and asking of each whether it is among those found stops sooner than
	// looking up the date of every one found.
	if total := int(b.idxDocs.Sequence()); limit > 0 && limit*total < len(docs)*len(docs) {
		var keys [][]byte
		_, err := s.walkRangeFunc(b, q, inRange, func(tk []byte) (bool, error) {
			v := b.idxSdoc.Get(tk[dateLen:])
			if len(v) != docLen {
				return false, nil
			}
			if _, found := slices.BinarySearch(docs, binary.BigEndian.Uint32(v)); !found {
				return false, nil
			}
			ok, err := verify(b, tk)
			if ok {
				keys = append(keys, bytes.Clone(tk))
			}
			return ok && len(keys) == limit, err
		})
		return keys, err
	}

	// Each doc's key is most often on a page of its own: they are
	// looked up in chunks, shared with another core (shareChunks), the
	// other's keys copied (they are its transaction's), then sorted.
	found := make([][][]byte, chunks(len(docs)))
	err := s.shareChunks(tx, b, len(docs), func(b2 txBuckets, i, from, to int) error {
		keys, err := s.docKeys(b2, q, docs[from:to], inRange, verify)
		if err != nil || b2.meta.Tx() == tx {
			found[i] = keys
			return err
		}
		flat := make([]byte, 0, len(keys)*timeKeyLen)
		for j, k := range keys {
			flat = append(flat, k...)
			keys[j] = flat[len(flat)-len(k):]
		}
		found[i] = keys
		return nil
	})
	if err != nil {
		return nil, err
	}
	keys := slices.Concat(found...)
	slices.SortFunc(keys, func(a, b []byte) int { return bytes.Compare(b, a) })
	if limit > 0 && len(keys) > limit {
		keys = keys[:limit]
	}
	return keys, nil
}

// docKeys returns the idx_time keys of docs (doc ids, ascending) that are
// still there, in q's range and person's, and that verify keeps, in doc
// order. Like bbolt's, they are only valid within the transaction.
func (s *Store) docKeys(b txBuckets, q coach.SearchQuery, docs []uint32, inRange func([]byte) bool, verify func(txBuckets, []byte) (bool, error)) ([][]byte, error) {
	var pc *bbolt.Cursor
	if q.PersonID != "" {
		pc = b.idxPerson.Cursor()
	}
	var keys [][]byte
	// The doc ids found are in key order, often a few keys apart: a
	// cursor steps to the next rather than looking each up from the root.
	dc := b.idxDocs.Cursor()
	var dk, tk []byte
	for _, d := range docs {
		var want [docLen]byte
		binary.BigEndian.PutUint32(want[:], d)
		if len(dk) == docLen && binary.BigEndian.Uint32(dk) < d && d-binary.BigEndian.Uint32(dk) <= cursorSteps {
			for dk != nil && bytes.Compare(dk, want[:]) < 0 {
				dk, tk = dc.Next()
			}
		} else if !bytes.Equal(dk, want[:]) {
			dk, tk = dc.Seek(want[:])
		}
		if !bytes.Equal(dk, want[:]) || tk == nil {
			continue // saved again or removed since: a number left behind
		}
		if len(tk) != timeKeyLen {
			return nil, errCorrupt(s.path, nil, "a search index entry has the wrong length")
		}
		if !inRange(tk) {
			continue
		}
		if pc != nil {
			pk := append([]byte(q.PersonID), tk...)
			if k, _ := pc.Seek(pk); !bytes.Equal(k, pk) {
				continue
			}
		}
		if ok, err := verify(b, tk); err != nil {
			return nil, err
		} else if !ok {
			continue
		}
		keys = append(keys, tk)
	}
	return keys, nil
}

// holdsAll reports whether every term starts some word of the session.
func holdsAll(sess coach.Session, terms []string) bool {
	words := coach.SessionWords(sess)
	for _, t := range terms {
		found := false
		for _, w := range words {
			if strings.HasPrefix(w, t) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// walkRange returns the idx_time keys in q's range (and person), newest
// first, at most limit (0: all): a query with no words.
func (s *Store) walkRange(b txBuckets, q coach.SearchQuery, inRange func([]byte) bool, limit int) ([][]byte, error) {
	var keys [][]byte
	_, err := s.walkRangeFunc(b, q, inRange, func(tk []byte) (bool, error) {
		keys = append(keys, bytes.Clone(tk))
		return limit > 0 && len(keys) == limit, nil
	})
	return keys, err
}

// walkRangeFunc calls fn with the idx_time key of every session in q's
// range (and person), newest first, until fn says stop or fails.
func (s *Store) walkRangeFunc(b txBuckets, q coach.SearchQuery, inRange func([]byte) bool, fn func(tk []byte) (stop bool, err error)) (bool, error) {
	var prefix []byte
	var c *bbolt.Cursor
	if q.PersonID != "" {
		prefix = []byte(q.PersonID)
		c = b.idxPerson.Cursor()
	} else {
		c = b.idxTime.Cursor()
	}
	var k []byte
	if q.Until.IsZero() {
		k, _ = lastWithPrefix(c, prefix)
	} else {
		end := dateBytes(q.Until.AddDays(1))
		if k, _ = c.Seek(append(bytes.Clone(prefix), end[:]...)); k == nil {
			k, _ = c.Last()
		} else {
			k, _ = c.Prev()
		}
	}
	for ; k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Prev() {
		tk := k[len(prefix):]
		if len(tk) != timeKeyLen {
			return false, errCorrupt(s.path, nil, "an index key has the wrong length")
		}
		if !inRange(tk) {
			if d := dateBytes(q.Since); !q.Since.IsZero() && bytes.Compare(tk[:dateLen], d[:]) < 0 {
				break
			}
			continue
		}
		if stop, err := fn(tk); stop || err != nil {
			return stop, err
		}
	}
	return false, nil
}
