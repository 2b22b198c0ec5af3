package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// The search index (schema 4) is an inverted index: for every prefix of
// every folded word of a session (coach.SessionWords), up to
// maxPrefixRunes characters, the list of the sessions holding it. A query
// word of at most maxPrefixRunes characters is then one lookup per block
// of sessions; a longer one looks up its first maxPrefixRunes characters
// and the few sessions found are read to confirm it.
//
// A prefix is never stored: its key is an 8-byte keyed hash (HMAC-SHA256,
// cut short). In an encrypted file the hash key is derived from the data
// key, so without the passphrase nobody can tell which word a key stands
// for; in a plain file it is a fixed key (the notes themselves are plain
// there). See docs/privacy.md for what the index still shows.
//
// Sessions are numbered (a doc id) in the order they are indexed; saving a
// session again gives it a new number. Four buckets:
//
//   - idx_words: block (4 bytes, doc id / blockDocs) + hash (8) -> the doc
//     ids of that block holding the prefix (sealed when encrypted);
//   - idx_tail: doc id (4) -> the session's hashes, sorted (sealed): the
//     newest sessions, not yet merged into idx_words, so that a save
//     writes one small record instead of hundreds of index entries. When
//     tailMax sessions are waiting, the save that makes it so merges them.
//   - idx_docs: doc id (4) -> the idx_time key of the session (date and id);
//   - idx_sdoc: session id -> its doc id (4).
//
// A session saved again, or removed, loses its idx_docs entry at once; its
// old doc id may stay in idx_words (a number pointing nowhere, skipped by
// search and Check) until the file is next rewritten (compact, erase,
// encrypt), which builds the index afresh.

const (
	maxPrefixRunes = 10
	hashLen        = 8
	docLen         = 4
	blockBits      = 12
	blockDocs      = 1 << blockBits
	wordsKeyLen    = docLen + hashLen
)

// tailMax is how many sessions wait in idx_tail before a merge (a
// variable so that tests can merge often).
var tailMax = 256

// plainIndexKey keys the hashes of an unencrypted file. It is not secret.
var plainIndexKey = []byte("attend search index, unencrypted file")

var errIndexValue = errors.New("search index entry is malformed")

// A postings value holds the doc ids of one block, ascending, in one of
// two forms, whichever is smaller: postingsList, then each id's offset
// within the block as a uvarint of the gap from the one before; or
// postingsBitmap, then one bit per doc of the block (blockDocs/8 bytes),
// for the short prefixes that most sessions hold.
const (
	postingsList   = 0
	postingsBitmap = 1
	bitmapLen      = blockDocs / 8
)

// docOf returns a session's doc id, or false.
func docOf(b txBuckets, sessionID string) (uint32, bool) {
	v := b.idxSdoc.Get([]byte(sessionID))
	if len(v) != docLen {
		return 0, false
	}
	return binary.BigEndian.Uint32(v), true
}

// indexTextTx files a session's words: a new doc id, its idx_docs and
// idx_sdoc entries, and its hashes in idx_tail (merged when it is full).
// Any earlier entry of the session must have been taken out first
// (unindexTextTx).
func indexTextTx(b txBuckets, h *hasher, sess coach.Session, batch *textBatch) error {
	return indexHashesTx(b, h.sessionHashes(sess), sess, batch)
}

// indexHashesTx is indexTextTx with the session's hashes already made
// (sessionHashes).
func indexHashesTx(b txBuckets, hs []uint64, sess coach.Session, batch *textBatch) error {
	seq, err := b.idxDocs.NextSequence()
	if err != nil {
		return err
	}
	if seq >= 1<<32 {
		return errors.New("the search index has run out of numbers: run attend compact")
	}
	doc := uint32(seq)
	dk := docKey(doc)
	if err := b.idxDocs.Put(dk, timeKey(sess.Date, sess.ID)); err != nil {
		return err
	}
	if err := b.idxSdoc.Put([]byte(sess.ID), dk); err != nil {
		return err
	}
	if batch != nil {
		batch.file(doc, hs)
		return nil
	}
	if err := b.idxTail.Put(dk, encodeHashes(hs)); err != nil {
		return err
	}
	if tailAtLeast(b.idxTail.Cursor(), tailMax) {
		return mergeTail(b)
	}
	return nil
}

// tailAtLeast reports whether idx_tail holds n entries or more. Its keys
// are doc numbers, each used once, so the tail holds no more entries than
// the span from its first to its last: while that span is under n (as
// between merges it is, unless sessions left the tail out of order) the
// entries need not be counted one by one, which every save did.
func tailAtLeast(c *bbolt.Cursor, n int) bool {
	first, _ := c.First()
	if first == nil {
		return false
	}
	last, _ := c.Last()
	if len(first) == 4 && len(last) == 4 && int64(binary.BigEndian.Uint32(last))-int64(binary.BigEndian.Uint32(first)) < int64(n)-1 {
		return false
	}
	count := 0
	for k, _ := c.First(); k != nil && count < n; k, _ = c.Next() {
		count++
	}
	return count >= n
}

// textBatch gathers the words of many sessions saved in one transaction
// (SaveSessions), to be written to idx_words in one pass by flush.
type textBatch struct {
	// at numbers the distinct hashes of the block being filed, in
	// hashes: a batch files millions of (prefix, doc) pairs, so one map
	// lookup each, keyed by the hash, and one block at a time (a batch
	// rarely spans more than two). Each pair is kept as its hash's number,
	// doc by doc (docs says where each doc's pairs end), and count says
	// how many docs each hash has: spill then lays every hash's docs side
	// by side in one slice, instead of growing a list per hash.
	block  uint32
	at     map[uint64]int32
	hashes []uint64
	count  []int32
	pairs  []int32
	docs   []docPairs
	// add holds the blocks done, for flush.
	add map[[wordsKeyLen]byte][]uint32
}

// docPairs is where a doc's pairs end in textBatch.pairs.
type docPairs struct {
	doc uint32
	end int32
}

// reserve makes room for n (hash, doc) pairs, about as many as the
// batch will file, so that they are not copied again and again as they
// grow.
func (t *textBatch) reserve(n int) {
	if cap(t.pairs) < n {
		t.pairs = slices.Grow(t.pairs, n)
	}
}

// file adds a doc's hashes to the batch.
func (t *textBatch) file(doc uint32, hs []uint64) {
	if blk := doc >> blockBits; t.at == nil || blk != t.block {
		t.spill()
		t.block = blk
		if t.at == nil {
			t.at = make(map[uint64]int32, 1<<16)
		}
	}
	for _, hv := range hs {
		i, ok := t.at[hv]
		if !ok {
			i = int32(len(t.hashes))
			t.at[hv] = i
			t.hashes = append(t.hashes, hv)
			t.count = append(t.count, 0)
		}
		t.count[i]++
		t.pairs = append(t.pairs, i)
	}
	t.docs = append(t.docs, docPairs{doc: doc, end: int32(len(t.pairs))})
}

// spill moves the current block's docs into add, each hash's in the
// order they were filed.
func (t *textBatch) spill() {
	if len(t.hashes) == 0 {
		return
	}
	off := make([]int32, len(t.hashes)+1)
	for i, c := range t.count {
		off[i+1] = off[i] + c
	}
	next := slices.Clone(off[:len(t.hashes)])
	flat := make([]uint32, len(t.pairs))
	start := int32(0)
	for _, d := range t.docs {
		for _, i := range t.pairs[start:d.end] {
			flat[next[i]] = d.doc
			next[i]++
		}
		start = d.end
	}
	if t.add == nil {
		t.add = make(map[[wordsKeyLen]byte][]uint32, len(t.hashes))
	}
	for i, hv := range t.hashes {
		wk := [wordsKeyLen]byte(wordsKey(t.block, hv))
		list := flat[off[i]:off[i+1]:off[i+1]] // full: an append copies it
		if prev, ok := t.add[wk]; ok {
			list = append(prev, list...)
		}
		t.add[wk] = list
	}
	clear(t.at)
	t.hashes, t.count, t.pairs, t.docs = t.hashes[:0], t.count[:0], t.pairs[:0], t.docs[:0]
}

// flush writes the batch's postings; a nil batch has nothing to write.
func (t *textBatch) flush(b txBuckets) error {
	if t == nil {
		return nil
	}
	t.spill()
	if len(t.add) == 0 {
		return nil
	}
	err := putPostings(b, t.add)
	t.add = nil
	return err
}

// unindexTextTx takes a session out of the search index: its doc id no
// longer leads anywhere.
func unindexTextTx(b txBuckets, sessionID string) error {
	doc, ok := docOf(b, sessionID)
	if !ok {
		return nil
	}
	dk := docKey(doc)
	for _, err := range []error{b.idxDocs.Delete(dk), b.idxTail.Delete(dk), b.idxSdoc.Delete([]byte(sessionID))} {
		if err != nil {
			return err
		}
	}
	return nil
}

// mergeTail moves every session waiting in idx_tail into idx_words.
func mergeTail(b txBuckets) error {
	add := map[[wordsKeyLen]byte][]uint32{}
	var keys [][]byte
	err := b.idxTail.ForEach(func(k, v []byte, err error) error {
		if err != nil {
			return err
		}
		if len(k) != docLen {
			return errIndexValue
		}
		keys = append(keys, bytes.Clone(k))
		doc := binary.BigEndian.Uint32(k)
		hs, err := decodeHashes(v)
		if err != nil {
			return err
		}
		for _, h := range hs {
			wk := [wordsKeyLen]byte(wordsKey(doc>>blockBits, h))
			add[wk] = append(add[wk], doc)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := putPostings(b, add); err != nil {
		return err
	}
	for _, k := range keys {
		if err := b.idxTail.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// putPostings adds doc ids to idx_words, key by key in key order.
func putPostings(b txBuckets, add map[[wordsKeyLen]byte][]uint32) error {
	ks := make([][wordsKeyLen]byte, 0, len(add))
	for k := range add {
		ks = append(ks, k)
	}
	slices.SortFunc(ks, func(a, b [wordsKeyLen]byte) int { return bytes.Compare(a[:], b[:]) })
	for _, k := range ks {
		docs := add[k]
		if old, err := b.idxWords.Get(k[:]); err != nil {
			return err
		} else if old != nil {
			prev, err := decodePostings(binary.BigEndian.Uint32(k[:docLen]), old, nil)
			if err != nil {
				return err
			}
			docs = append(prev, docs...)
		}
		slices.Sort(docs)
		docs = slices.Compact(docs)
		if err := b.idxWords.Put(k[:], encodePostings(docs)); err != nil {
			return err
		}
	}
	return nil
}

// rebuildTextIndex empties the search index and builds it afresh from
// every readable session, block by block (a session that cannot be read is
// left out: Check reports it).
func rebuildTextIndex(tx *bbolt.Tx, c *sealer) error {
	for _, name := range textIndexBuckets {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	b, err := bucketsOf(tx, c)
	if err != nil {
		return err
	}
	b.idxWords.b.FillPercent = 1
	b.idxDocs.FillPercent = 1
	h := newHasher(c)
	add := map[[wordsKeyLen]byte][]uint32{}
	doc := uint32(0)
	flush := func() error {
		err := putPostings(b, add)
		clear(add)
		return err
	}
	err = b.sessions.ForEach(func(k, v []byte, err error) error {
		if err != nil {
			return nil
		}
		sess, err := decodeSession(v)
		if err != nil || sess.ID != string(k) {
			return nil
		}
		doc++
		if doc>>blockBits != (doc-1)>>blockBits {
			if err := flush(); err != nil {
				return err
			}
		}
		dk := docKey(doc)
		if err := b.idxDocs.Put(dk, timeKey(sess.Date, sess.ID)); err != nil {
			return err
		}
		if err := b.idxSdoc.Put(k, dk); err != nil {
			return err
		}
		for _, hv := range h.sessionHashes(sess) {
			wk := [wordsKeyLen]byte(wordsKey(doc>>blockBits, hv))
			add[wk] = append(add[wk], doc)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	return b.idxDocs.SetSequence(uint64(doc))
}

// lookup returns the live doc ids holding the hash h, ascending.
func lookup(b txBuckets, h uint64) ([]uint32, error) {
	var out []uint32
	last := b.idxDocs.Sequence()
	for block := uint32(0); uint64(block) <= last>>blockBits; block++ {
		k := wordsKey(block, h)
		raw, err := b.idxWords.Get(k)
		if err != nil {
			return nil, err
		}
		if raw != nil {
			if out, err = decodePostings(block, raw, out); err != nil {
				return nil, err
			}
		}
	}
	err := b.idxTail.ForEach(func(k, v []byte, err error) error {
		if err != nil {
			return err
		}
		if len(k) == docLen && hasHash(v, h) {
			out = append(out, binary.BigEndian.Uint32(k))
		}
		return nil
	})
	slices.Sort(out)
	return slices.Compact(out), err
}

// checkTextIndex checks the search index against the saved sessions:
// every session has one doc id, filed under its date, whose entries (in
// idx_tail, or in idx_words) are exactly the hashes of its words, compared
// by count and sum; and every entry points at a live doc id, except that
// idx_words may still hold doc ids of sessions saved again or removed
// since the file was last rewritten (see above).
func checkTextIndex(b txBuckets, saved map[string]savedFacts, fault func(bucket, key []byte, format string, args ...any)) {
	docs := map[uint32]string{} // doc id -> session id
	_ = b.idxDocs.ForEach(func(k, v []byte) error {
		if len(k) != docLen || len(v) != timeKeyLen {
			fault(bktIdxDocs, k, "the entry has the wrong length")
			return nil
		}
		doc, sid := binary.BigEndian.Uint32(k), string(v[dateLen:])
		f, ok := saved[sid]
		switch {
		case !ok:
			fault(bktIdxDocs, []byte(sid), "points at a session that is not on file (or cannot be read)")
		case dateBytes(f.date) != [dateLen]byte(v[:dateLen]):
			fault(bktIdxDocs, []byte(sid), "is filed under the wrong date")
		case uint64(doc) > b.idxDocs.Sequence():
			fault(bktIdxDocs, []byte(sid), "has a number beyond the last one given")
		}
		docs[doc] = sid
		return nil
	})
	sdoc := map[string]uint32{}
	_ = b.idxSdoc.ForEach(func(k, v []byte) error {
		if len(v) != docLen {
			fault(bktIdxSdoc, k, "the entry has the wrong length")
			return nil
		}
		doc := binary.BigEndian.Uint32(v)
		if docs[doc] != string(k) {
			fault(bktIdxSdoc, k, "points at a number that is not this session's")
		}
		sdoc[string(k)] = doc
		return nil
	})
	for doc, sid := range docs {
		if d, ok := sdoc[sid]; !ok || d != doc {
			fault(bktIdxDocs, []byte(sid), "is not the number the session is filed under")
		}
	}
	type acc struct {
		sum uint64
		n   int
	}
	got := map[uint32]*acc{}
	add := func(doc uint32, h uint64) {
		a := got[doc]
		if a == nil {
			a = &acc{}
			got[doc] = a
		}
		a.sum += h
		a.n++
	}
	_ = b.idxTail.ForEach(func(k, v []byte, err error) error {
		if len(k) != docLen {
			fault(bktIdxTail, k, "the key has the wrong length")
			return nil
		}
		doc := binary.BigEndian.Uint32(k)
		if err != nil {
			fault(bktIdxTail, k, "%v", err)
			return nil
		}
		if _, ok := docs[doc]; !ok {
			fault(bktIdxTail, k, "points at a number no session is filed under")
			return nil
		}
		hs, err := decodeHashes(v)
		if err != nil || !slices.IsSorted(hs) {
			fault(bktIdxTail, k, "%v", errIndexValue)
			return nil
		}
		for _, h := range hs {
			add(doc, h)
		}
		return nil
	})
	_ = b.idxWords.ForEach(func(k, v []byte, err error) error {
		if len(k) != wordsKeyLen {
			fault(bktIdxWords, k, "the key has the wrong length")
			return nil
		}
		if err != nil {
			fault(bktIdxWords, k, "%v", err)
			return nil
		}
		block, h := binary.BigEndian.Uint32(k), binary.BigEndian.Uint64(k[docLen:])
		ds, err := decodePostings(block, v, nil)
		if err != nil || len(ds) == 0 {
			fault(bktIdxWords, k, "%v", errIndexValue)
			return nil
		}
		for _, d := range ds {
			if _, live := docs[d]; live {
				add(d, h)
			}
		}
		return nil
	})
	for sid, f := range saved {
		doc, ok := sdoc[sid]
		if !ok {
			fault(bktSessions, []byte(sid), "missing from the search index")
			continue
		}
		a := got[doc]
		if a == nil {
			a = &acc{}
		}
		if a.n != f.words || a.sum != f.wordSum {
			fault(bktSessions, []byte(sid), "the search index does not match the words of the session")
		}
	}
}
