package data

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// MaxBatch bounds the sessions SaveSessions writes in one transaction, so
// that one call cannot hold the file (and memory) for long. Callers with
// more split them: a few hundred at a time is quickest.
const MaxBatch = 5000

// SaveSessions saves many sessions in one transaction, all or none, for
// demo data and bulk imports: each is tidied, checked and filed with its
// indexes exactly as SaveSession does (the same ErrAgreed, the same merge
// of addenda), except that a session that already carries a Saved time
// keeps it (and its Updated, if later): demo data and records made
// elsewhere are saved on the day they say. One without is stamped now.
// The first fault names the session by its place in ss ("sessions[3]: …").
// Every person must exist (ErrNotFound).
//
// A batch of new sessions (none stored yet, no id twice), as demo and
// import make, takes a quicker road to the same records: each session is
// encoded, compressed, summarised and its words hashed once, on every core
// (the work SaveSession does one session at a time), and each person is
// written once per batch rather than once per session. Any other batch is
// saved session by session, as SaveSession would.
func (s *Store) SaveSessions(ss []coach.Session) error {
	p, err := s.PrepareSessions(ss)
	if err != nil {
		return err
	}
	return s.SavePrepared(p)
}

// PreparedSessions is a batch made ready by PrepareSessions, for
// SavePrepared.
type PreparedSessions struct {
	items []batchItem
}

// Len is how many sessions the batch holds.
func (p *PreparedSessions) Len() int { return len(p.items) }

// PrepareSessions does the part of SaveSessions that needs no file: each
// session is tidied (a session without a Saved time is stamped now),
// checked, encoded, compressed, summarised and its words hashed, on every
// core. The same faults are refused as by SaveSessions. SavePrepared then
// writes it. A caller with many batches (demo, import) can prepare the
// next while the last is written.
func (s *Store) PrepareSessions(ss []coach.Session) (*PreparedSessions, error) {
	if len(ss) == 0 {
		return &PreparedSessions{}, nil
	}
	if len(ss) > MaxBatch {
		return nil, errInvalid(fmt.Errorf("%d sessions in one batch, more than %d", len(ss), MaxBatch), "store.what.sessions")
	}
	now := s.now()
	pre := make([]batchItem, len(ss))
	errs := make([]error, len(ss))
	// A batch this small files its words in idx_tail, which keeps them
	// sorted; a larger one files them in idx_words, in any order.
	sorted := len(ss) < tailMax
	parallel(len(ss), func(next func() (lo, hi int, ok bool)) {
		h := s.hasher()
		defer s.putHasher(h)
		var sc batchScratch
		for lo, hi, ok := next(); ok; lo, hi, ok = next() {
			for i := lo; i < hi; i++ {
				errs[i] = s.prepareBatchItem(&pre[i], ss[i], now, h, sorted, &sc)
			}
		}
	})
	for i, err := range errs {
		if err != nil {
			return nil, errInvalid(fmt.Errorf("sessions[%d]: %w", i, err), "store.what.sessions2")
		}
	}
	return &PreparedSessions{items: pre}, nil
}

// SavePrepared writes a batch PrepareSessions made, in one transaction,
// all or none, as SaveSessions does.
func (s *Store) SavePrepared(p *PreparedSessions) error {
	pre := p.items
	if len(pre) == 0 {
		return nil
	}
	// The file grows by the records, their summaries and index entries
	// (together under three times the records), and the pages rewritten.
	grow := int64(32 << 20)
	for i := range pre {
		grow += 3 * int64(len(pre[i].raw))
	}
	return s.updateGrowing(grow, func(_ *bbolt.Tx, b txBuckets) error {
		// The words of a batch go straight into idx_words, in one pass.
		batch := &textBatch{}
		if len(pre) < tailMax {
			batch = nil
		}
		if allNew(b, pre) {
			return s.saveNewTx(b, pre, batch)
		}
		for i := range pre {
			merged, prev, err := s.resaveTx(b, pre[i].sess, pre[i].read)
			if err == nil {
				err = s.saveSessionBatchTx(b, s.guide(merged.Lang), merged, batch, &prev)
			}
			if err != nil {
				return batchErr(i, err)
			}
		}
		return batch.flush(b)
	})
}

// batchItem is one session of a batch, made ready outside the transaction.
type batchItem struct {
	sess   coach.Session // tidied, checked, with the prompts' wording noted
	read   time.Time     // the Updated it came with
	raw    []byte        // its record, encoded and compressed
	hashes []uint64      // its words' hashes (sessionHashes; unsorted in a large batch)
	g      *coach.Guide
	// sum is its summary as a new session (saveNewTx) stores it, but for
	// the person's name, which is read in the transaction (summaryOf).
	sum coach.Summary
}

// batchScratch is one worker's room for a session's JSON and its
// compressed record, used again for the next session, and where it keeps
// the sessions' hashes, side by side in large slices.
type batchScratch struct {
	js, z  []byte
	hashes []uint64
}

// keep copies hs into the worker's slices of hashes (nil when empty).
func (sc *batchScratch) keep(hs []uint64) []uint64 {
	if len(hs) == 0 {
		return nil
	}
	if cap(sc.hashes)-len(sc.hashes) < len(hs) {
		sc.hashes = make([]uint64, 0, max(1<<16, len(hs)))
	}
	n := len(sc.hashes)
	sc.hashes = append(sc.hashes, hs...)
	return sc.hashes[n:len(sc.hashes):len(sc.hashes)]
}

func (s *Store) prepareBatchItem(it *batchItem, sess coach.Session, now time.Time, h *hasher, sorted bool, sc *batchScratch) error {
	it.read = sess.Updated
	var err error
	if it.sess, err = prepareSave(sess, now, true); err != nil {
		return err
	}
	// What saveSessionTx does before it encodes. A session stored already
	// is encoded again there (it may merge with the stored one); a new one
	// is stored exactly as it is here.
	it.g = s.guide(it.sess.Lang)
	it.sess.NoteAsked(it.g)
	// One encoding, from a session Validate passed: its dates are real
	// dates and its text is valid UTF-8, which is what decoding it again
	// (as SaveSession does) would find wrong.
	if sc.js, err = appendSessionRecord(sc.js[:0], RecordVersion, &it.sess); err != nil {
		return err
	}
	sc.z = zipAppend(sc.z[:0], sc.js)
	it.raw = slices.Clone(sc.z) // one allocation, of the size it needs
	it.sum = coach.Summarise(it.g, coach.Person{ID: it.sess.PersonID}, it.sess)
	if sorted {
		it.hashes = h.sessionHashes(it.sess)
	} else {
		it.hashes = sc.keep(h.distinct(&it.sess))
	}
	return nil
}

// parallel runs fn on as many goroutines as there are cores (fewer for a
// small n), and waits for them. Each calls next for the next part of
// [0, n) (parallelChunk at a time) until it says there is none: a core
// that other work slows takes fewer parts, rather than the rest waiting
// for its fixed share.
func parallel(n int, fn func(next func() (lo, hi int, ok bool))) {
	var taken atomic.Int64
	next := func() (int, int, bool) {
		lo := int(taken.Add(parallelChunk)) - parallelChunk
		if lo >= n {
			return 0, 0, false
		}
		return lo, min(lo+parallelChunk, n), true
	}
	w := min(runtime.GOMAXPROCS(0), max(n/64, 1))
	if w <= 1 {
		fn(next)
		return
	}
	var wg sync.WaitGroup
	for range w {
		wg.Go(func() { fn(next) })
	}
	wg.Wait()
}

// parallelChunk is how many items parallel hands out at a time.
const parallelChunk = 32

// bulkFillPercent is how full a batch of new sessions fills the pages it
// appends (saveNewTx).
const bulkFillPercent = 1.0

// summaryOf is coach.Summarise(g, p, sess) from what prepareBatchItem
// made of sess: Summarise takes nothing else from the person than these.
func summaryOf(sum coach.Summary, p coach.Person) coach.Summary {
	sum.PersonID, sum.PersonName = p.ID, p.Name
	return sum
}

func batchErr(i int, err error) error {
	if e, ok := err.(*Error); ok {
		c := *e
		c.Msg = fmt.Sprintf("sessions[%d]: %s", i, e.Msg)
		if e.said != nil { // said in the language, the path as it is
			c.said = said("store.at", "Path", fmt.Sprintf("sessions[%d]", i), "Err", e.said)
		}
		return &c
	}
	return fmt.Errorf("sessions[%d]: %w", i, err)
}

// allNew reports whether no session of the batch is stored and no id comes
// twice.
func allNew(b txBuckets, pre []batchItem) bool {
	ids := make(map[string]struct{}, len(pre))
	for i := range pre {
		id := pre[i].sess.ID
		if _, dup := ids[id]; dup || b.sessions.Has([]byte(id)) {
			return false
		}
		ids[id] = struct{}{}
	}
	return true
}

// saveNewTx stores a batch of new sessions (allNew) as saveSessionBatchTx
// would one by one, in order: the same records, index entries, doc ids
// and person records.
func (s *Store) saveNewTx(b txBuckets, pre []batchItem, batch *textBatch) error {
	type personState struct {
		p    coach.Person
		last int // the batch's last session of theirs
	}
	people := map[string]*personState{}
	var order []string
	for i := range pre {
		pid := pre[i].sess.PersonID
		ps, ok := people[pid]
		if !ok {
			p, err := s.getPerson(b, pid)
			if err != nil {
				return batchErr(i, err)
			}
			ps = &personState{p: p}
			people[pid] = ps
			order = append(order, pid)
		}
		ps.last = i
	}
	sums := make([][]byte, len(pre))
	for i := range pre {
		sums[i] = encodeSummaryBinary(summaryOf(pre[i].sum, people[pre[i].sess.PersonID].p))
	}

	// Keys in order, bucket by bucket: bbolt then appends to the pages it
	// just wrote instead of reaching all over each bucket.
	//
	// Session ids are made from the time a session was written, and the
	// date index is keyed by date: a batch of new sessions (demo's, in
	// the order of their dates; an import's) mostly lands after every key
	// already there. bbolt fills a page only to a bucket's FillPercent
	// before it starts the next (half, by default, which suits keys that
	// come in any order), so appended pages would stay half empty for
	// good: here they are filled, as compact fills them. A key that does
	// land between full pages splits one in two, as it would anyway.
	for _, vb := range []vbucket{b.sessions, b.idxTime, b.idxWords} {
		vb.b.FillPercent = bulkFillPercent
	}
	b.idxSdoc.FillPercent = bulkFillPercent
	idx := make([]int, len(pre))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(x, y int) int { return bytes.Compare([]byte(pre[x].sess.ID), []byte(pre[y].sess.ID)) })
	for _, i := range idx {
		if err := b.sessions.Put([]byte(pre[i].sess.ID), pre[i].raw); err != nil {
			return batchErr(i, err)
		}
	}
	tk := make([][]byte, len(pre))
	for i := range pre {
		tk[i] = timeKey(pre[i].sess.Date, pre[i].sess.ID)
	}
	slices.SortFunc(idx, func(x, y int) int { return bytes.Compare(tk[x], tk[y]) })
	for _, i := range idx {
		if err := b.idxTime.Put(tk[i], sums[i]); err != nil {
			return batchErr(i, err)
		}
	}
	pk := make([][]byte, len(pre))
	for i := range pre {
		pk[i] = personKey(pre[i].sess.PersonID, pre[i].sess.Date, pre[i].sess.ID)
	}
	slices.SortFunc(idx, func(x, y int) int { return bytes.Compare(pk[x], pk[y]) })
	for _, i := range idx {
		if err := b.idxPerson.Put(pk[i], []byte{}); err != nil {
			return batchErr(i, err)
		}
	}
	// Doc ids in the batch's order, as one save after another gives them.
	if batch != nil {
		n := 0
		for i := range pre {
			n += len(pre[i].hashes)
		}
		batch.reserve(n)
	}
	for i := range pre {
		sess := pre[i].sess
		if err := indexSessionTx(b, sess); err != nil {
			return batchErr(i, err)
		}
		if err := indexHashesTx(b, pre[i].hashes, sess, batch); err != nil {
			return batchErr(i, err)
		}
		people[sess.PersonID].p.Sessions++
		if err := deleteDraftIf(b, sess.PersonID, sess.ID); err != nil {
			return batchErr(i, err)
		}
	}
	if err := batch.flush(b); err != nil {
		return err
	}
	for _, pid := range order {
		ps := people[pid]
		s.refreshDates(b, &ps.p, pre[ps.last].sess)
		if err := putPerson(b, ps.p); err != nil {
			return batchErr(ps.last, err)
		}
	}
	return nil
}
