package coach

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"attend/coach/msg"
)

// Addendum is a dated correction to a record that has been agreed: agreed
// records are never edited silently, only added to.
type Addendum struct {
	At   time.Time `json:"at"`
	Text string    `json:"text"`
}

// ErrRecordChanged means another window changed a record after this one
// read it: writing would silently replace what was written there.
var ErrRecordChanged = errors.New("this record was changed in another attend window")

// ErrRecordAgreed means the record was agreed, so it is read-only.
var ErrRecordAgreed = errors.New("record agreed and read-only")

// IsAgreed reports whether the record has been agreed with the staff member,
// after which it is read-only apart from addenda and action follow-ups.
func (s Session) IsAgreed() bool { return !s.Agreed.IsZero() }

// ActionRef is an action with where it was agreed, for follow-ups: the
// actions screen and the "last time you agreed" list at the start of a prep.
type ActionRef struct {
	PersonID    string `json:"person_id"`
	PersonName  string `json:"person_name"`
	SessionID   string `json:"session_id"`
	SessionDate Date   `json:"session_date"`
	Action      Action `json:"action"`
}

// Overdue reports whether an open action is past its due date.
func (r ActionRef) Overdue(today Date) bool {
	return r.Action.Status == ActionOpen && !r.Action.Due.IsZero() && r.Action.Due.Before(today)
}

// SortFollowUps orders actions most urgent first: overdue (longest overdue
// first), then by due date, then undated ones oldest first.
//
// It sorts small keys and moves each ref once: with tens of thousands of
// open actions, sorting the refs themselves spent most of its time copying.
func SortFollowUps(refs []ActionRef) {
	order := followUpOrder(refs)
	// Move each ref to its place along the cycles of the order, with one
	// ref aside: no second slice of refs to make, fill and copy back.
	for i := range order {
		if order[i] == i {
			continue
		}
		aside, j := refs[i], i
		for {
			from := order[j]
			order[j] = j // in place
			if from == i {
				refs[j] = aside
				break
			}
			refs[j] = refs[from]
			j = from
		}
	}
}

// Packed sort keys: the due day (or none, after every day), the session's
// day and the position, in one number, so that most of the sort compares
// plain integers. Days of years 0 to 9999 fit (dayOrder < 1<<23).
const (
	packDayBits = 23
	packAtBits  = 64 - 2*packDayBits
	packNoDue   = 1<<packDayBits - 1
)

// followUpOrder is the position in refs of each ref in SortFollowUps'
// order.
func followUpOrder(refs []ActionRef) []int {
	return FollowUpOrder(len(refs), func(i int) (Date, Date, string) {
		r := &refs[i]
		return r.Action.Due, r.SessionDate, r.Action.ID
	})
}

// FollowUpOrder is SortFollowUps' order for a list of n actions that are
// not ActionRefs (data's list for attend actions): key gives the i'th
// action's due day (zero: none), the day of its session and its id; the
// result is the position of each action, most urgent first. By due day
// (none last), the session's day, the action id, then the position (as a
// stable sort would leave them).
func FollowUpOrder(n int, key func(i int) (due, session Date, id string)) []int {
	order := make([]int, n)
	packed := make([]uint64, n)
	fits := n < 1<<packAtBits
	for i := range n {
		dueDay, sessionDay, _ := key(i)
		due := packNoDue
		if !dueDay.IsZero() {
			due = dayOrder(dueDay)
		}
		session := dayOrder(sessionDay)
		if due < 0 || due > packNoDue || (due == packNoDue && !dueDay.IsZero()) || session < 0 || session >= packNoDue {
			fits = false
			break
		}
		packed[i] = uint64(due)<<(packDayBits+packAtBits) | uint64(session)<<packAtBits | uint64(i)
	}
	if !fits {
		return followUpOrderSlow(n, key)
	}
	slices.Sort(packed)
	for i, p := range packed {
		order[i] = int(p & (1<<packAtBits - 1))
	}
	// Within a run of the same two days, the action id decides.
	id := func(i int) string { _, _, s := key(i); return s }
	for lo := 0; lo < len(packed); {
		hi := lo + 1
		for hi < len(packed) && packed[hi]>>packAtBits == packed[lo]>>packAtBits {
			hi++
		}
		if hi-lo > 1 {
			slices.SortFunc(order[lo:hi], func(a, b int) int {
				if c := strings.Compare(id(a), id(b)); c != 0 {
					return c
				}
				return cmp.Compare(a, b)
			})
		}
		lo = hi
	}
	return order
}

// followUpOrderSlow is FollowUpOrder for days that do not pack (dates no
// attend stores, but the order must not depend on it).
func followUpOrderSlow(n int, key func(i int) (due, session Date, id string)) []int {
	type sortKey struct {
		due, session int // dayOrder; due is max for none
		id           string
		at           int
	}
	keys := make([]sortKey, n)
	for i := range n {
		dueDay, sessionDay, id := key(i)
		due := math.MaxInt
		if !dueDay.IsZero() {
			due = dayOrder(dueDay)
		}
		keys[i] = sortKey{due, dayOrder(sessionDay), id, i}
	}
	slices.SortFunc(keys, func(a, b sortKey) int {
		if a.due != b.due {
			return cmp.Compare(a.due, b.due)
		}
		if a.session != b.session {
			return cmp.Compare(a.session, b.session)
		}
		if c := strings.Compare(a.id, b.id); c != 0 {
			return c
		}
		return cmp.Compare(a.at, b.at)
	})
	order := make([]int, len(keys))
	for i, k := range keys {
		order[i] = k.at
	}
	return order
}

// dayOrder is a number that orders calendar days as Date.Before does.
func dayOrder(d Date) int { return (d.Year*13+int(d.Month))*32 + d.Day }

// CloseAction marks an action done or dropped (with a reason), or reopens it.
func CloseAction(a Action, status ActionStatus, reason string, now time.Time) (Action, error) {
	switch status {
	case ActionDone:
		a.Reason = ""
	case ActionDropped:
		if strings.TrimSpace(reason) == "" {
			return a, fmt.Errorf("say why the action is dropped")
		}
		a.Reason = strings.TrimSpace(reason)
		a.Outcome = ""
	case ActionOpen:
		a.Reason, a.Closed, a.Outcome = "", time.Time{}, ""
		a.Status = ActionOpen
		return a, nil
	default:
		return a, fmt.Errorf("status %q is not open, done or dropped", status)
	}
	a.Status, a.Closed = status, now
	return a, nil
}

// Outcome says whether help that was agreed and done actually helped: the
// question "did it help?" asked when an action is marked done.
type Outcome string

const (
	OutcomeHelped   Outcome = "helped"
	OutcomePartly   Outcome = "partly"
	OutcomeNotYet   Outcome = "notyet"
	OutcomeDidntAsk Outcome = "didntask" // the manager has not asked them yet
)

// Outcomes in the order they are offered.
var Outcomes = []Outcome{OutcomeHelped, OutcomePartly, OutcomeNotYet, OutcomeDidntAsk}

// Valid reports whether o is one of Outcomes.
func (o Outcome) Valid() bool { return slices.Contains(Outcomes, o) }

func outcomeList() string {
	var s []string
	for _, o := range Outcomes {
		s = append(s, string(o))
	}
	return strings.Join(s, ", ")
}

// ParseOutcome reads an outcome as typed: helped, partly, notyet (or
// "not yet"), didntask (or "didn't ask"), or its label in any language
// attend speaks ("wedi helpu", "heb ofyn"), ignoring case.
func ParseOutcome(s string) (Outcome, error) {
	squash := func(s string) string {
		return strings.NewReplacer(" ", "", "'", "", "’", "", "-", "", "_", "").Replace(strings.ToLower(strings.TrimSpace(s)))
	}
	f := squash(s)
	if o := Outcome(f); o.Valid() {
		return o, nil
	}
	for _, code := range msg.Langs {
		l := msg.New(code)
		for _, o := range Outcomes {
			if squash(o.LabelIn(l)) == f {
				return o, nil
			}
		}
	}
	return "", said("coach.outcome.unknown", "Typed", fmt.Sprintf("%q", s), "List", outcomeChoices{})
}

// outcomeChoices are the outcomes as they may be typed: their keys in
// English ("helped, partly, notyet, didntask", as attend always listed
// them), and in another language its labels too.
type outcomeChoices struct{}

func (outcomeChoices) in(l *msg.Lang) string {
	if l == nil || l.Code == "en" {
		return outcomeList()
	}
	labels := make([]string, len(Outcomes))
	for i, o := range Outcomes {
		labels[i] = strconv.Quote(o.LabelIn(l))
	}
	return l.T("coach.outcome.choices", "Labels", orList(labels).in(l), "Keys", outcomeList())
}

// SetOutcome records whether a done action helped ("" clears it).
func SetOutcome(a Action, o Outcome) (Action, error) {
	if o != "" && !o.Valid() {
		return a, said("coach.outcome.notone", "Typed", strconv.Quote(string(o)), "List", outcomeList())
	}
	if o != "" && a.Status != ActionDone {
		return a, said("coach.outcome.notdone", "Status", string(a.Status))
	}
	a.Outcome = o
	return a, nil
}

// OutcomePoint is the outcomes of one session's done actions, for trends.
type OutcomePoint struct {
	Date     Date
	Outcomes map[Outcome]int
}

// OutcomeSeries pulls the outcomes out of summaries, oldest first,
// skipping sessions with none.
func OutcomeSeries(sums []Summary) []OutcomePoint {
	var out []OutcomePoint
	for _, s := range sums {
		if len(s.Outcomes) > 0 {
			out = append(out, OutcomePoint{s.Date, s.Outcomes})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// Point is one rating on a date, for trend charts.
type Point struct {
	Date   Date
	Rating int
}

// Series pulls one rating's history out of summaries (any order), oldest
// first, skipping sessions where it was not rated.
func Series(sums []Summary, itemID string) []Point {
	var out []Point
	for _, s := range sums {
		if r := s.Ratings[itemID]; r > 0 {
			out = append(out, Point{s.Date, r})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// SearchQuery asks for sessions whose notes contain every word of Text,
// ignoring case and accents, optionally for one person and a date range.
type SearchQuery struct {
	Text         string
	PersonID     string
	Since, Until Date
	Limit        int
}

// Words are the folded words of the query, split as the store splits them.
func (q SearchQuery) Words() []string { return SearchTerms(q.Text) }

// Hit is one matching session with the first matching answer.
type Hit struct {
	Summary Summary `json:"summary"`
	ItemID  string  `json:"item_id"` // where the first match is ("record", "action", or a prompt id)
	Stage   string  `json:"stage"`   // that item's stage id, or "record"/"actions"
	Snippet string  `json:"snippet"` // the matching answer's text around the match, as written
	// Private says the match is in the manager's private notes (the prep
	// or the reflection): a list of hits says so instead of showing
	// Snippet, as the list may be on a screen the staff member can see.
	Private bool `json:"private,omitempty"`
}
