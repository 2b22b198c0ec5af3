package coach

import (
	"container/heap"
	"iter"
)

// AllSessions yields everyone's sessions (with the index of the person
// each is of), in the order of their dates, people in order on the same
// day: each person's are the same as Sessions gives. Written in this
// order, sessions arrive in a file about in the order of their keys,
// which keeps its pages full.
func (d *Demo) AllSessions() iter.Seq2[int, Session] {
	return func(yield func(int, Session) bool) {
		h := &demoHeap{d: d}
		for i := range d.plans {
			if len(d.plans[i].dates) > 0 {
				h.c = append(h.c, d.cursor(i))
			}
		}
		heap.Init(h)
		for h.Len() > 0 {
			c := h.c[0]
			s, _, _, _ := c.next()
			if c.k < len(d.plans[c.i].dates) {
				heap.Fix(h, 0)
			} else {
				heap.Pop(h)
			}
			if !yield(c.i, s) {
				return
			}
		}
	}
}

// demoHeap (a container/heap) orders the people's cursors by the date of
// their next session, then by person.
type demoHeap struct {
	d *Demo
	c []*demoCursor
}

func (h *demoHeap) Len() int      { return len(h.c) }
func (h *demoHeap) Swap(a, b int) { h.c[a], h.c[b] = h.c[b], h.c[a] }
func (h *demoHeap) Push(x any)    { h.c = append(h.c, x.(*demoCursor)) }
func (h *demoHeap) Pop() any {
	last := h.c[len(h.c)-1]
	h.c = h.c[:len(h.c)-1]
	return last
}

func (h *demoHeap) Less(a, b int) bool {
	x, y := h.c[a], h.c[b]
	dx, dy := h.d.plans[x.i].dates[x.k], h.d.plans[y.i].dates[y.k]
	if dx != dy {
		return dx.Before(dy)
	}
	return x.i < y.i
}
