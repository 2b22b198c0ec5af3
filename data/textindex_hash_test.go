package data

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf8"

	"attend/coach"
)

// referenceHashes is what the index must hold for a session, worked out
// the plain way: every folded word (coach.SessionWords), every prefix of
// up to maxPrefixRunes characters, each hashed afresh, sorted, distinct.
func referenceHashes(key []byte, sess coach.Session) []uint64 {
	var out []uint64
	for _, w := range coach.SessionWords(sess) {
		n := 0
		for i, r := range w {
			if n == maxPrefixRunes {
				break
			}
			m := hmac.New(sha256.New, key)
			m.Write([]byte(w[:i+utf8.RuneLen(r)]))
			out = append(out, binary.BigEndian.Uint64(m.Sum(nil)))
			n++
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestHasherMatchesReference runs one hasher over many random sessions (so
// that what it remembers from one session is used in the next, and each
// session's repeats are told apart from the last one's) and checks each
// session's hashes against referenceHashes, with the hasher made to
// forget everything part way, as a large import makes it.
func TestHasherMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	key := []byte("a test key")
	h := newHasher(&sealer{idxKey: key})
	for n := range 600 {
		if n == 300 {
			h.forget()
		}
		var sess coach.Session
		for _, id := range []string{"checkin.energy", "understand.curious", "help.offer", "close.next"} {
			if r.IntN(4) > 0 {
				sess.SetAnswer(id, coach.Answer{Text: randomText(r) + " " + randomText(r)})
			}
		}
		for range r.IntN(3) {
			sess.Actions = append(sess.Actions, coach.Action{Text: randomText(r), Reason: randomText(r)})
		}
		want := referenceHashes(key, sess)
		got := h.sessionHashes(sess)
		if !slices.Equal(got, want) {
			t.Fatalf("session %d: %d hashes, want %d", n, len(got), len(want))
		}
		d := h.distinctHashes(sess)
		slices.Sort(d)
		if !slices.Equal(d, want) {
			t.Fatalf("session %d: distinctHashes gives %d, want %d", n, len(d), len(want))
		}
		for _, w := range coach.SessionWords(sess) {
			pk, _ := prefixKey(w)
			if got, want := h.hash(pk), referenceHashes(key, sessionOf(pk)); len(want) == 0 || !slices.Contains(want, got) {
				t.Fatalf("hash(%q) is not the hash of the prefix", pk)
			}
		}
	}
}

func sessionOf(text string) coach.Session {
	var s coach.Session
	s.SetAnswer("help.offer", coach.Answer{Text: text})
	return s
}

// TestHasherRemembersTexts runs one hasher over sessions whose texts
// repeat, within a session and across them, as demo's and short answers
// do: a text it remembers, one too long to remember, and, once its memory
// of texts is full, ones it no longer keeps must all give the reference
// hashes, and it must forget texts with the words they point into.
func TestHasherRemembersTexts(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	key := []byte("another key")
	h := newHasher(&sealer{idxKey: key})
	long := randomText(r)
	for len(long) <= maxRememberedText {
		long += " " + randomText(r)
	}
	pool := []string{"Fine.", "no", "the rota again", long, "Siân asked about the rota", long + " and more"}
	for range 20 {
		pool = append(pool, randomText(r))
	}
	text := func() string {
		if r.IntN(3) == 0 {
			return randomText(r)
		}
		return pool[r.IntN(len(pool))]
	}
	for n := range 900 {
		switch n {
		case 300:
			h.forget()
		case 600: // as if memory were full: nothing more is kept
			h.textBytes = maxHasherTextBytes
		}
		var sess coach.Session
		for _, id := range []string{"checkin.energy", "understand.curious", "help.offer", "close.next", "reflect.team"} {
			if r.IntN(4) > 0 {
				sess.SetAnswer(id, coach.Answer{Text: text()})
			}
		}
		for range r.IntN(3) {
			sess.Actions = append(sess.Actions, coach.Action{Text: text(), Reason: text()})
		}
		want := referenceHashes(key, sess)
		d := h.distinctHashes(sess)
		slices.Sort(d)
		if !slices.Equal(d, want) {
			t.Fatalf("session %d: distinctHashes gives %d, want %d", n, len(d), len(want))
		}
		if got := h.sessionHashes(sess); !slices.Equal(got, want) {
			t.Fatalf("session %d: sessionHashes gives %d, want %d", n, len(got), len(want))
		}
	}
	if _, ok := h.textAt[long]; ok {
		t.Error("a text longer than maxRememberedText was kept")
	}
	if _, ok := h.textAt["Fine."]; !ok {
		t.Error("a short text met before the memory was full is not remembered")
	}
}

// TestEachSearchTextIsSearchTexts: the hasher's walk over a session's
// texts gives what coach.SearchTexts gives, in another order, with ids
// answered in more than one part (only the answer Session.Answer finds
// counts), blank answers, actions, reasons and addenda.
func TestEachSearchTextIsSearchTexts(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	ids := []string{"checkin.energy", "understand.curious", "help.offer", "close.next", "reflect.team", "needs.workload", "other.id"}
	texts := []string{"", "one", "two words", "one", "  "}
	for n := range 3000 {
		var s coach.Session
		for range r.IntN(10) {
			part := coach.Parts[r.IntN(len(coach.Parts))]
			m := map[coach.Part]*map[string]coach.Answer{coach.PartPrep: &s.Prep, coach.PartRecord: &s.Record, coach.PartReflection: &s.Reflection}[part]
			if *m == nil {
				*m = map[string]coach.Answer{}
			}
			(*m)[ids[r.IntN(len(ids))]] = coach.Answer{Text: texts[r.IntN(len(texts))] + []string{"", " x"}[r.IntN(2)]}
		}
		for range r.IntN(3) {
			s.Actions = append(s.Actions, coach.Action{Text: texts[r.IntN(len(texts))], Reason: texts[r.IntN(len(texts))]})
		}
		for range r.IntN(2) {
			s.Addenda = append(s.Addenda, coach.Addendum{Text: texts[r.IntN(len(texts))]})
		}
		var want, got []string
		coach.SearchTexts(s, func(text string) { want = append(want, text) })
		eachSearchText(&s, func(text string) { got = append(got, text) })
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("session %d: %q, want %q", n, got, want)
		}
	}
}

// TestHasherForgetsTextsWhenGivenBack: the texts a batch or a save met
// (people's notes as written) are not kept in memory past it.
func TestHasherForgetsTextsWhenGivenBack(t *testing.T) {
	s := openTest(t, testPath(t))
	h := s.hasher()
	h.distinctHashes(sessionOf("a note about the rota"))
	if len(h.textAt) == 0 || h.textBytes == 0 {
		t.Fatal("the hasher did not remember the text while in use")
	}
	s.putHasher(h)
	again := s.hasher()
	if again != h {
		t.Fatal("the hasher was not kept")
	}
	if len(again.textAt) != 0 || again.textBytes != 0 || len(again.textWord) != 0 {
		t.Errorf("a hasher given back still holds %d texts", len(again.textAt))
	}
	if got, want := again.sessionHashes(sessionOf("a note about the rota")), referenceHashes(plainIndexKey, sessionOf("a note about the rota")); !slices.Equal(got, want) {
		t.Error("after forgetting its texts the hasher gives other hashes")
	}
}
