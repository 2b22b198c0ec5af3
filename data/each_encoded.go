package data

import (
	"errors"
	"runtime"
	"sync"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// eachGroup is how many sessions one goroutine of EachSessionEncoded
// decodes and encodes at a time: enough that handing work over costs
// little beside it, few enough that the first bytes come soon.
const eachGroup = 64

// Encoder is what EachSessionEncoded does with each session it keeps:
// append its encoding to dst. It runs on several goroutines at once.
type Encoder func(dst []byte, p coach.Person, s coach.Session) ([]byte, error)

// EachSessionEncoded is EachSession for a writer that turns every session
// into bytes (an export): decoding each session and encoding it, most of
// the work, run on every core, and write receives each session's bytes in
// the same order as EachSession gives them, one call at a time, on the
// calling goroutine. keep (nil keeps all) chooses the sessions, by person,
// before they are encoded. The file is read as EachSession reads it, a
// chunk per transaction with nothing else done inside one, so a running
// attend is not held up by a slow writer. people are those the caller has
// read (People); a session whose person is not among them (added since, or
// a record that does not open) has its person read as EachSession reads
// it. The first error, reading, encoding or writing, stops it and is
// returned; whatever came before it in order has been written.
func (s *Store) EachSessionEncoded(people []coach.Person, keep func(coach.Person) bool, encode Encoder, write func([]byte) error) error {
	ids, err := s.sessionIDsInTime()
	if err != nil {
		return err
	}
	known := make(map[string]coach.Person, len(people))
	for _, p := range people {
		known[p.ID] = p
	}
	others := map[string]coach.Person{} // read here, on the calling goroutine
	workers := runtime.GOMAXPROCS(0)
	// Groups in flight, in order: it bounds what is held at once to a few
	// groups a worker (a few MB), however big the file.
	order := make(chan *eachWork, 3*workers)
	todo := make(chan *eachWork, 3*workers)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for g := range todo {
				g.run(s, known, keep, encode)
				close(g.done)
			}
		})
	}
	read := make(chan error, 1)
	go func() {
		defer close(todo)
		defer close(order)
		read <- s.readGroups(ids, func(g *eachWork) bool {
			select {
			case order <- g:
			case <-stop:
				return false
			}
			todo <- g // the workers take every group until todo closes
			return true
		})
	}()
	var failed error
	for g := range order {
		<-g.done
		if failed != nil {
			continue // draining, so the reader and workers end
		}
		failed = s.deliver(g, others, keep, encode, write)
		out := g.out[:0]
		outs.Put(&out)
		g.out = nil
		if failed != nil {
			close(stop)
		}
	}
	wg.Wait()
	if err := <-read; failed == nil && err != nil {
		failed = err
	}
	return failed
}

// deliver writes a group's sessions in order, then reports its error.
func (s *Store) deliver(g *eachWork, others map[string]coach.Person, keep func(coach.Person) bool, encode Encoder, write func([]byte) error) error {
	at := 0
	for i, end := range g.ends {
		var b []byte
		switch end {
		case skipped:
			continue
		case unknown: // its person is read and it is encoded here
			var err error
			if b, err = s.encodeUnknown(others, g.unknown[i], keep, encode); err != nil {
				return err
			}
			if b == nil {
				continue
			}
		default:
			b = g.out[at:end]
			at = end
		}
		if err := write(b); err != nil {
			return err
		}
	}
	return g.err
}

// eachWork is one group of sessions: what was read (raw, the stored values
// still compressed, copied out of the transaction), then what was made of
// them: out, each session's bytes ending at ends[i]; or ends[i] is skipped
// (not kept) or unknown (its person is not known yet: the session is
// unknown[i]).
type eachWork struct {
	ids     []string
	raw     [][]byte
	out     []byte
	ends    []int
	unknown map[int]coach.Session
	err     error // the first error, at the session after the last end
	done    chan struct{}
}

const (
	skipped = -1
	unknown = -2
)

// outs are the groups' output buffers, used again once written: a
// group's output is some hundreds of KB.
var outs = sync.Pool{New: func() any { return new([]byte) }}

// scratches are where sessions are decompressed, one at a time each.
var scratches = sync.Pool{New: func() any { return new([]byte) }}

func (g *eachWork) run(s *Store, known map[string]coach.Person, keep func(coach.Person) bool, encode Encoder) {
	g.ends = make([]int, 0, len(g.raw))
	g.out = *outs.Get().(*[]byte)
	scratch := scratches.Get().(*[]byte)
	defer scratches.Put(scratch)
	for i, raw := range g.raw {
		sess, err := decodeSessionInto(scratch, raw)
		if err != nil {
			g.err = s.recordErr("session", []byte(g.ids[i]), err)
			return
		}
		p, ok := known[sess.PersonID]
		switch {
		case !ok:
			if g.unknown == nil {
				g.unknown = map[int]coach.Session{}
			}
			g.unknown[i] = sess
			g.ends = append(g.ends, unknown)
			continue
		case keep != nil && !keep(p):
			g.ends = append(g.ends, skipped)
			continue
		}
		if g.out, err = encode(g.out, p, sess); err != nil {
			g.err = err
			return
		}
		g.ends = append(g.ends, len(g.out))
	}
}

// encodeUnknown encodes a session whose person the caller did not have,
// reading the person as EachSession does; nil when keep declines it.
func (s *Store) encodeUnknown(others map[string]coach.Person, sess coach.Session, keep func(coach.Person) bool, encode Encoder) ([]byte, error) {
	p, ok := others[sess.PersonID]
	if !ok {
		err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
			var err error
			p, err = s.personOrID(b, sess.PersonID)
			return err
		})
		if err != nil {
			return nil, err
		}
		others[sess.PersonID] = p
	}
	if keep != nil && !keep(p) {
		return nil, nil
	}
	b, err := encode(nil, p, sess)
	if b == nil && err == nil {
		b = []byte{} // kept, though it encodes to nothing
	}
	return b, err
}

// sessionIDsInTime lists every session's id, oldest first, as the time
// index holds them.
func (s *Store) sessionIDsInTime() ([]string, error) {
	var ids []string
	err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
		return b.idxTime.Keys(func(k []byte) error {
			if len(k) != timeKeyLen {
				return errCorrupt(s.path, nil, "an index key has the wrong length")
			}
			ids = append(ids, string(k[dateLen:]))
			return nil
		})
	})
	return ids, err
}

// errGroupsStopped ends readGroups when its consumer has stopped.
var errGroupsStopped = errors.New("stopped")

// readGroups reads the stored values of ids in chunks of eachChunk, one
// transaction each, copying them out, and hands them on in groups of
// eachGroup (after the transaction closes) until send says stop.
func (s *Store) readGroups(ids []string, send func(*eachWork) bool) error {
	size := 0 // the last chunk's bytes, a guess at the next one's
	for len(ids) > 0 {
		n := min(eachChunk, len(ids))
		batch := ids[:n]
		ids = ids[n:]
		var groups []*eachWork
		err := s.view(func(_ *bbolt.Tx, b txBuckets) error {
			var g *eachWork
			buf := make([]byte, 0, size+size/8) // every value of the chunk, copied out of the file
			for _, id := range batch {
				raw, err := b.sessions.Get([]byte(id))
				if err != nil {
					return s.recordErr("session", []byte(id), err)
				}
				if raw == nil {
					continue // deleted since the ids were listed
				}
				if g == nil || len(g.raw) == eachGroup {
					g = &eachWork{done: make(chan struct{})}
					groups = append(groups, g)
				}
				at := len(buf)
				buf = append(buf, raw...)
				g.ids = append(g.ids, id)
				g.raw = append(g.raw, buf[at:len(buf):len(buf)])
			}
			size = len(buf)
			return nil
		})
		if err != nil {
			return err
		}
		for _, g := range groups {
			if !send(g) {
				return errGroupsStopped
			}
		}
	}
	return nil
}
