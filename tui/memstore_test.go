package tui

import (
	"errors"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"attend/coach"
)

// memStore is an in-memory Store for screen tests. It keeps the one rule the
// screens rely on: a draft never comes back once its session is saved.
type memStore struct {
	mu          sync.Mutex
	people      map[string]coach.Person
	drafts      map[string]coach.Session
	sessions    map[string]coach.Session
	failDraft   error // when set, SaveDraft fails with it
	failSave    error // when set, SaveSession fails with it (as the real store: an empty session)
	failPart    error // when set, SavePart fails with it
	draftWrites int
	full        bool      // the manager's choice of a full prep
	tick        time.Time // the last Updated handed out, so each write is later
}

func newMemStore() *memStore {
	return &memStore{people: map[string]coach.Person{}, drafts: map[string]coach.Session{}, sessions: map[string]coach.Session{}}
}

func (s *memStore) People() ([]coach.Person, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []coach.Person
	for _, p := range s.people {
		out = append(out, p)
	}
	return out, nil
}

func (s *memStore) EnsurePerson(name string) (coach.Person, bool, error) {
	clean, err := coach.CleanName(name)
	if err != nil {
		return coach.Person{}, false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.people {
		if coach.SameName(p.Name, clean) {
			return p, false, nil
		}
	}
	p := coach.Person{ID: coach.NewID(clock), Name: clean, Created: clock}
	s.people[p.ID] = p
	return p, true, nil
}

func (s *memStore) Drafts() (map[string]time.Time, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]time.Time{}
	for id, d := range s.drafts {
		out[id] = d.Updated
	}
	return out, nil
}

func (s *memStore) Draft(personID string) (coach.Session, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.drafts[personID]
	return d.Clone(), ok, nil
}

func (s *memStore) SaveDraft(sess coach.Session) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failDraft != nil {
		return s.failDraft
	}
	if _, saved := s.sessions[sess.ID]; saved {
		return nil
	}
	if cur, ok := s.drafts[sess.PersonID]; ok && !coach.MayReplaceDraft(cur.ID, cur.Writer, cur.Updated, sess) {
		return coach.ErrDraftElsewhere
	}
	s.draftWrites++
	s.drafts[sess.PersonID] = sess.Clone()
	return nil
}

func (s *memStore) SaveSession(sess coach.Session) (coach.Session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failSave != nil {
		return coach.Session{}, s.failSave
	}
	p, ok := s.people[sess.PersonID]
	if !ok {
		return coach.Session{}, errors.New("no such person")
	}
	sess.Tidy(clock)
	sess.Saved = clock
	if err := sess.Validate(); err != nil {
		return coach.Session{}, err
	}
	s.sessions[sess.ID] = sess.Clone()
	if d, ok := s.drafts[sess.PersonID]; ok && d.ID == sess.ID {
		delete(s.drafts, sess.PersonID)
	}
	// As the real store: only a session whose record has something in it
	// counts as held (a prep alone does not move the dates).
	if !coach.Summarise(mustGuide(), p, sess).NoRecord() && !sess.Date.Before(p.LastSession) {
		p.LastSession = sess.Date
		p.NextSession = sess.NextSession()
	}
	p.Sessions++
	s.people[p.ID] = p
	return sess, nil
}

func (s *memStore) Summaries(personID, after string, limit int) ([]coach.Summary, string, error) {
	s.mu.Lock()
	var all []coach.Summary
	for _, sess := range s.sessions {
		if personID != "" && sess.PersonID != personID {
			continue
		}
		all = append(all, coach.Summarise(mustGuide(), s.people[sess.PersonID], sess))
	}
	s.mu.Unlock()
	sort.Slice(all, func(i, j int) bool {
		if all[i].Date != all[j].Date {
			return all[j].Date.Before(all[i].Date)
		}
		return all[i].ID > all[j].ID
	})
	start := 0
	if after != "" {
		n, _ := strconv.Atoi(after)
		start = n
	}
	end := len(all)
	if limit > 0 {
		end = min(len(all), start+limit)
	}
	next := ""
	if end < len(all) {
		next = strconv.Itoa(end)
	}
	return all[start:end], next, nil
}

func (s *memStore) Session(id string) (coach.Session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess, ok := s.sessions[id]
	if !ok {
		return coach.Session{}, errors.New("no saved session has that id")
	}
	return sess.Clone(), nil
}

func (s *memStore) Person(id string) (coach.Person, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.people[id]
	if !ok {
		return coach.Person{}, errors.New("no such person")
	}
	return p, nil
}

// OpenActions and SetActionStatus make memStore a FollowUps store.
func (s *memStore) OpenActions(personID string) ([]coach.ActionRef, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []coach.ActionRef
	for _, sess := range s.sessions {
		if personID != "" && sess.PersonID != personID {
			continue
		}
		for _, a := range sess.Actions {
			if a.Status == coach.ActionOpen {
				out = append(out, coach.ActionRef{PersonID: sess.PersonID, PersonName: s.people[sess.PersonID].Name,
					SessionID: sess.ID, SessionDate: sess.Date, Action: a})
			}
		}
	}
	coach.SortFollowUps(out)
	return out, nil
}

func (s *memStore) SetActionStatus(sessionID, actionID string, status coach.ActionStatus, reason string) (coach.Session, error) {
	return s.changeAction(sessionID, actionID, func(a coach.Action) (coach.Action, error) {
		return coach.CloseAction(a, status, reason, clock)
	})
}

// changeAction applies change to one action of a session and keeps it.
func (s *memStore) changeAction(sessionID, actionID string, change func(coach.Action) (coach.Action, error)) (coach.Session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess, ok := s.sessions[sessionID]
	if !ok {
		return coach.Session{}, errors.New("no such session")
	}
	for i, a := range sess.Actions {
		if a.ID != actionID {
			continue
		}
		a, err := change(a)
		if err != nil {
			return coach.Session{}, err
		}
		sess.Actions[i] = a
		s.sessions[sessionID] = sess
		return sess.Clone(), nil
	}
	return coach.Session{}, errors.New("no such action")
}

// Search makes memStore a Searcher: every query word must start a word of
// some answer, ignoring case and accents.
func (s *memStore) Search(q coach.SearchQuery) ([]coach.Hit, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	words := q.Words()
	var hits []coach.Hit
	for _, sess := range s.sessions {
		if q.PersonID != "" && sess.PersonID != q.PersonID {
			continue
		}
		if (!q.Since.IsZero() && sess.Date.Before(q.Since)) || (!q.Until.IsZero() && q.Until.Before(sess.Date)) {
			continue
		}
		for _, id := range sess.AnswerIDs() {
			a := sess.Answer(id)
			folded := strings.Fields(coach.Fold(strings.Map(func(r rune) rune {
				if r == ',' || r == '.' || r == ';' {
					return ' '
				}
				return r
			}, a.Text)))
			all := true
			for _, w := range words {
				found := false
				for _, f := range folded {
					found = found || strings.HasPrefix(f, w)
				}
				all = all && found
			}
			if all && len(words) > 0 {
				// Where it matched, and whether that is private, as the store says.
				hits = append(hits, coach.NewHit(mustGuide(), coach.Summarise(mustGuide(), s.people[sess.PersonID], sess), sess, words))
				break
			}
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[j].Summary.Date.Before(hits[i].Summary.Date) })
	return hits, nil
}

// memStore keeps after-meeting records like the real store: agreed records
// are read-only apart from addenda.
func (s *memStore) CompleteSession(id, record string, acts []coach.Action, next coach.Date) (coach.Session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess, ok := s.sessions[id]
	if !ok {
		return coach.Session{}, errors.New("no such session")
	}
	if sess.IsAgreed() {
		return coach.Session{}, coach.ErrRecordAgreed
	}
	sess.SetAnswer(coach.SaidID, coach.Answer{Text: record})
	// Like the real store: an action with a known id replaces it, a new one
	// is added, and one left with no words goes.
	for _, a := range acts {
		found := false
		for i := range sess.Actions {
			if sess.Actions[i].ID == a.ID {
				sess.Actions[i], found = a, true
			}
		}
		if !found {
			sess.Actions = append(sess.Actions, a)
		}
	}
	sess.Tidy(clock)
	sess.SetAnswer("close.next", coach.Answer{Date: next})
	s.sessions[id] = sess
	return sess.Clone(), nil
}

func (s *memStore) AgreeSession(id string, on coach.Date) (coach.Session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess, ok := s.sessions[id]
	if !ok {
		return coach.Session{}, errors.New("no such session")
	}
	sess.Agreed = on
	s.sessions[id] = sess
	return sess.Clone(), nil
}

func (s *memStore) AddAddendum(id, text string) (coach.Session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess := s.sessions[id]
	sess.Addenda = append(sess.Addenda, coach.Addendum{At: clock, Text: text})
	s.sessions[id] = sess
	return sess.Clone(), nil
}

func (s *memStore) UpdatePerson(id string, edit func(*coach.Person) error) (coach.Person, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.people[id]
	if !ok {
		return coach.Person{}, errors.New("no such person")
	}
	if err := edit(&p); err != nil {
		return coach.Person{}, err
	}
	s.people[id] = p
	return p, nil
}

func (s *memStore) CompleteSessionIf(id, expect, record string, acts []coach.Action, next coach.Date) (coach.Session, error) {
	s.mu.Lock()
	cur, ok := s.sessions[id]
	s.mu.Unlock()
	if ok && cur.IsAgreed() {
		return coach.Session{}, coach.ErrRecordAgreed
	}
	if ok && cur.Said() != strings.TrimSpace(expect) {
		return coach.Session{}, coach.ErrRecordChanged
	}
	return s.CompleteSession(id, strings.TrimSpace(record), acts, next)
}

func (s *memStore) LatestSummaries() (map[string]coach.Summary, error) {
	s.mu.Lock()
	var ids []string
	for id := range s.people {
		ids = append(ids, id)
	}
	s.mu.Unlock()
	out := map[string]coach.Summary{}
	for _, id := range ids {
		if sums, _, _ := s.Summaries(id, "", 1); len(sums) > 0 {
			out[id] = sums[0]
		}
	}
	return out, nil
}

// ErasePerson removes a person and everything about them.
func (s *memStore) ErasePerson(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.people[id]; !ok {
		return errors.New("no such person")
	}
	delete(s.people, id)
	delete(s.drafts, id)
	for sid, sess := range s.sessions {
		if sess.PersonID == id {
			delete(s.sessions, sid)
		}
	}
	return nil
}

// FullPrep and SetFullPrep keep the manager's choice of a full prep.
func (s *memStore) FullPrep() (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.full, nil
}

func (s *memStore) SetFullPrep(full bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.full = full
	return nil
}

// SavePart writes a saved session's record or reflection, as the real
// store does: refused if the session changed since expect, or if the record
// was agreed.
func (s *memStore) SavePart(id string, before coach.Session, part coach.Part, answers map[string]coach.Answer, acts []coach.Action) (coach.Session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failPart != nil {
		return coach.Session{}, s.failPart
	}
	sess, ok := s.sessions[id]
	if !ok {
		return coach.Session{}, errors.New("no such session")
	}
	if part == coach.PartRecord && sess.IsAgreed() {
		return coach.Session{}, coach.ErrRecordAgreed
	}
	if !coach.SamePart(sess, before, part) {
		return coach.Session{}, coach.ErrRecordChanged
	}
	for id := range sess.Answers(part) {
		sess.SetPartAnswer(part, id, coach.Answer{})
	}
	for id, a := range answers {
		sess.SetPartAnswer(part, id, a)
	}
	if part == coach.PartRecord {
		sess.Actions = acts
	}
	sess.Tidy(clock)
	s.tick = s.tick.Add(time.Second)
	sess.Updated = s.tick
	s.sessions[id] = sess.Clone()
	return sess.Clone(), nil
}

// SetActionOutcome marks an action done, if it is open, with whether it helped.
func (s *memStore) SetActionOutcome(sessionID, actionID string, o coach.Outcome) (coach.Session, error) {
	return s.changeAction(sessionID, actionID, func(a coach.Action) (coach.Action, error) {
		if a.Status == coach.ActionOpen {
			var err error
			if a, err = coach.CloseAction(a, coach.ActionDone, "", clock); err != nil {
				return a, err
			}
		}
		return coach.SetOutcome(a, o)
	})
}
