package data

// Keyed hashes of word prefixes: the search index holds no readable word,
// only these, keyed by the store's own key.

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"slices"
	"strings"
	"unicode/utf8"

	"attend/coach"
)

// indexKeyFor derives the search index's hash key from the data key.
func indexKeyFor(dek []byte) []byte {
	m := hmac.New(sha256.New, dek)
	m.Write([]byte("attend search index key v1"))
	return m.Sum(nil)
}

// hasher returns a hasher for this Store's file; give it back with
// putHasher.
func (s *Store) hasher() *hasher {
	s.hashMu.Lock()
	defer s.hashMu.Unlock()
	if n := len(s.hashFree); n > 0 {
		h := s.hashFree[n-1]
		s.hashFree = s.hashFree[:n-1]
		return h
	}
	return newHasher(s.seal)
}

// putHasher keeps h for the next hasher call. A few are kept, not in a
// sync.Pool: a pool is emptied by garbage collection, which runs every
// few milliseconds during a large batch, and each hasher's memory of the
// words it met is what makes it quick.
func (s *Store) putHasher(h *hasher) {
	h.forgetTexts()
	s.hashMu.Lock()
	defer s.hashMu.Unlock()
	if len(s.hashFree) < maxFreeHashers {
		s.hashFree = append(s.hashFree, h)
	}
}

// maxFreeHashers is how many hashers a Store keeps (one per core of the
// machines attend runs on is plenty).
const maxFreeHashers = 8

// Bounds on what a hasher remembers: when a session starts with more than
// this, it forgets everything and starts again (a few tens of MB at most).
const (
	maxHasherWords    = 1 << 17
	maxHasherPrefixes = 1 << 19
)

// A hasher remembers texts up to maxRememberedText bytes, up to
// maxHasherTextBytes of them in all (then it remembers no more until it
// forgets).
const (
	maxRememberedText  = 1024
	maxHasherTextBytes = 8 << 20
)

// hasher turns prefixes into index hashes, remembering those it has made
// and, for every word as written, the prefixes it folds to: a word met
// again (most are) costs one map lookup, however many prefixes it has.
// One goroutine at a time.
type hasher struct {
	mac hash.Hash
	sum []byte
	// prefixAt finds a folded prefix in pre.
	prefixAt map[string]int32
	pre      []prefixEntry
	// wordAt finds a word as written in words; its prefixes are
	// wordPre[off:off+n], indexes into pre, shortest first.
	wordAt  map[string]int32
	words   []wordEntry
	wordPre []int32
	// textAt finds a whole text (an answer, an action) met before by the
	// same user of h (forgetTexts runs when h is given back); its
	// words, as indexes into words, are textWord[off:off+n]. Texts repeat
	// more than one would think (short answers; demo's stories), and a
	// text met again then costs one map lookup, not one per word.
	textAt    map[string]wordSpan
	textWord  []int32
	textBytes int
	scratch   []int32 // the words of a text not remembered
	// stamp numbers the sessions: an entry whose stamp is the current one
	// was met already in this session.
	stamp uint32
	// out gathers a session's hashes before they are copied out.
	out []uint64
}

type prefixEntry struct {
	hash  uint64
	stamp uint32
}

type wordSpan struct{ off, n int32 }

type wordEntry struct {
	off, n int32
	stamp  uint32
}

func newHasher(c *sealer) *hasher {
	key := plainIndexKey
	if c != nil {
		key = c.idxKey
	}
	h := &hasher{mac: hmac.New(sha256.New, key)}
	h.forget()
	return h
}

// forget empties what h remembers.
func (h *hasher) forget() {
	h.prefixAt = map[string]int32{}
	h.wordAt = map[string]int32{}
	h.pre, h.words, h.wordPre = nil, nil, nil
	h.forgetTexts()
	h.stamp = 0
}

func (h *hasher) mac64(prefix string) uint64 {
	h.mac.Reset()
	h.mac.Write([]byte(prefix))
	h.sum = h.mac.Sum(h.sum[:0])
	return binary.BigEndian.Uint64(h.sum)
}

// hash is the index hash of a folded prefix.
func (h *hasher) hash(prefix string) uint64 {
	if i, ok := h.prefixAt[prefix]; ok {
		return h.pre[i].hash
	}
	return h.mac64(prefix)
}

// prefixIndex is where a folded prefix's hash is in pre, added if new.
func (h *hasher) prefixIndex(prefix string) int32 {
	if i, ok := h.prefixAt[prefix]; ok {
		return i
	}
	i := int32(len(h.pre))
	h.pre = append(h.pre, prefixEntry{hash: h.mac64(prefix)})
	h.prefixAt[strings.Clone(prefix)] = i
	return i
}

// wordIndex is where a word as written is in words, added if new.
func (h *hasher) wordIndex(raw string) int32 {
	if i, ok := h.wordAt[raw]; ok {
		return i
	}
	w := coach.Fold(raw)
	off := int32(len(h.wordPre))
	n := 0
	for i, r := range w {
		if n == maxPrefixRunes {
			break
		}
		h.wordPre = append(h.wordPre, h.prefixIndex(w[:i+utf8.RuneLen(r)]))
		n++
	}
	i := int32(len(h.words))
	h.words = append(h.words, wordEntry{off: off, n: int32(n)})
	h.wordAt[strings.Clone(raw)] = i
	return i
}

// forgetTexts empties h's memory of whole texts, which is kept only while
// one caller uses h (a batch, a save): a text is a person's note as
// written, and need not stay in memory after the save that hashed it.
func (h *hasher) forgetTexts() {
	h.textAt, h.textWord, h.textBytes = map[string]wordSpan{}, h.textWord[:0], 0
}

// textWords are the words of text, as indexes into words, in order,
// repeats included. The slice is good until the next call.
func (h *hasher) textWords(text string) []int32 {
	if sp, ok := h.textAt[text]; ok {
		return h.textWord[sp.off : sp.off+sp.n]
	}
	keep := len(text) <= maxRememberedText && h.textBytes+len(text) <= maxHasherTextBytes && len(h.textWord) < maxHasherPrefixes
	out := h.scratch[:0]
	if keep {
		out = h.textWord
	}
	off := len(out)
	coach.EachRawWord(text, func(raw string) { out = append(out, h.wordIndex(raw)) })
	if !keep {
		h.scratch = out
		return out
	}
	h.textWord = out
	h.textBytes += len(text)
	h.textAt[strings.Clone(text)] = wordSpan{off: int32(off), n: int32(len(out) - off)}
	return out[off:]
}

// eachSearchText calls fn with the texts coach.SearchTexts gives, in
// another order, which is all a set of hashes needs: each part's answers
// as they are in its map, without sorting every id and looking each up
// again. An id answered in more than one part gives only the answer
// Session.Answer finds, as in SearchTexts.
func eachSearchText(s *coach.Session, fn func(text string)) {
	parts := [...]map[string]coach.Answer{s.Prep, s.Record, s.Reflection}
	var twice []string
	for i, m := range parts {
		for id, a := range m {
			if a.Text == "" {
				continue
			}
			elsewhere := false
			for j, o := range parts {
				if j != i && o != nil {
					if _, ok := o[id]; ok {
						elsewhere = true
						break
					}
				}
			}
			if !elsewhere {
				fn(a.Text)
			} else if !slices.Contains(twice, id) {
				twice = append(twice, id)
			}
		}
	}
	for _, id := range twice {
		if t := s.Answer(id).Text; t != "" {
			fn(t)
		}
	}
	coach.SearchTextsBesideAnswers(*s, fn)
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
// a session's words (coach.SessionWords).
func (h *hasher) sessionHashes(sess coach.Session) []uint64 {
	out := h.distinctHashes(sess)
	slices.Sort(out)
	return out
}

// distinctHashes are sessionHashes in no particular order, which is all
// a batch needs (textBatch.file), and quicker: no sort.
func (h *hasher) distinctHashes(sess coach.Session) []uint64 {
	if out := h.distinct(&sess); len(out) > 0 {
		return slices.Clone(out) // one allocation, of the size it needs
	}
	return nil
}

// distinct is distinctHashes in h's own room: good until h's next use.
func (h *hasher) distinct(sess *coach.Session) []uint64 {
	if len(h.words) > maxHasherWords || len(h.pre) > maxHasherPrefixes {
		h.forget()
	}
	h.stamp++
	if h.stamp == 0 { // after 4 billion sessions: no stamp may be taken for this one's
		for i := range h.pre {
			h.pre[i].stamp = 0
		}
		for i := range h.words {
			h.words[i].stamp = 0
		}
		h.stamp = 1
	}
	out := h.out[:0]
	eachSearchText(sess, func(text string) { // the words of coach.EachSessionRawWord
		for _, wi := range h.textWords(text) {
			w := &h.words[wi]
			if w.stamp == h.stamp {
				continue
			}
			w.stamp = h.stamp
			for _, pi := range h.wordPre[w.off : w.off+w.n] {
				if p := &h.pre[pi]; p.stamp != h.stamp {
					p.stamp = h.stamp
					out = append(out, p.hash)
				}
			}
		}
	})
	h.out = out
	return out
}
