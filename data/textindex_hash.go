package data

// Keyed hashes of word prefixes: the search index holds no readable word,
// only these, keyed by the store's own key.

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"slices"
	"unicode/utf8"

	"attend/coach"
)

// indexKeyFor derives the search index's hash key from the data key.
func indexKeyFor(dek []byte) []byte {
	m := hmac.New(sha256.New, dek)
	m.Write([]byte("attend search index key v1"))
	return m.Sum(nil)
}

// hasher returns a hasher for this Store's file; Put it back in s.hashers.
func (s *Store) hasher() *hasher {
	if h, ok := s.hashers.Get().(*hasher); ok {
		return h
	}
	return newHasher(s.seal)
}

// hasher turns prefixes into index hashes, remembering those it has made.
type hasher struct {
	mac  hash.Hash
	sum  []byte
	seen map[string]uint64
	// words holds the hashes of every indexed prefix of a word, so a word
	// met again (most are) costs one lookup, not one per prefix.
	words map[string][]uint64
	// mark and stamp find a session's distinct hashes without sorting
	// them (distinctHashes).
	mark  map[uint64]uint32
	stamp uint32
}

func newHasher(c *sealer) *hasher {
	key := plainIndexKey
	if c != nil {
		key = c.idxKey
	}
	return &hasher{mac: hmac.New(sha256.New, key), seen: map[string]uint64{}, words: map[string][]uint64{}}
}

func (h *hasher) hash(prefix string) uint64 {
	if v, ok := h.seen[prefix]; ok {
		return v
	}
	h.mac.Reset()
	h.mac.Write([]byte(prefix))
	h.sum = h.mac.Sum(h.sum[:0])
	v := binary.BigEndian.Uint64(h.sum)
	if len(h.seen) < 1<<20 {
		h.seen[prefix] = v
	}
	return v
}

// prefixKey is a query word's lookup prefix, and whether the index holds
// the word itself as a prefix (it is no longer than maxPrefixRunes).
func prefixKey(term string) (string, bool) {
	n := 0
	for i := range term {
		if n == maxPrefixRunes {
			return term[:i], false
		}
		n++
	}
	return term, true
}

// sessionHashes are the sorted, distinct hashes of every indexed prefix of
// a session's words.
func (h *hasher) sessionHashes(sess coach.Session) []uint64 {
	var out []uint64
	for _, w := range coach.SessionWords(sess) {
		out = append(out, h.wordHashes(w)...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// distinctHashes are sessionHashes in no particular order, which is all
// a batch needs (textBatch.file), and quicker: no sort.
func (h *hasher) distinctHashes(sess coach.Session) []uint64 {
	if h.mark == nil || len(h.mark) > 1<<20 {
		h.mark = make(map[uint64]uint32, 1<<14)
	}
	h.stamp++
	if h.stamp == 0 {
		clear(h.mark)
		h.stamp = 1
	}
	var out []uint64
	coach.EachSessionWord(sess, func(w string) {
		for _, v := range h.wordHashes(w) {
			if h.mark[v] != h.stamp {
				h.mark[v] = h.stamp
				out = append(out, v)
			}
		}
	})
	return out
}

// wordHashes are the hashes of a word's indexed prefixes, shortest first.
func (h *hasher) wordHashes(w string) []uint64 {
	if hs, ok := h.words[w]; ok {
		return hs
	}
	hs := make([]uint64, 0, min(len(w), maxPrefixRunes))
	n := 0
	for i, r := range w {
		if n == maxPrefixRunes {
			break
		}
		hs = append(hs, h.hash(w[:i+utf8.RuneLen(r)]))
		n++
	}
	if len(h.words) < 1<<18 {
		h.words[w] = hs
	}
	return hs
}
