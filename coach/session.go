package coach

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxRating is the top of every rating scale (1 to 5).
const MaxRating = 5

// MaxAnswerLen bounds one answer, in characters. A supervision note is a few
// paragraphs; the bound keeps a mistaken paste of a whole document from
// slowing every keystroke, and the UI says so when it trims.
const MaxAnswerLen = 20000

// Answer is what the manager wrote for one item. Which fields are used
// depends on the item's kind: text for text, rating plus an optional note
// (text) for ratings, date for dates.
type Answer struct {
	Text   string `json:"text,omitempty"`
	Rating int    `json:"rating,omitempty"`
	Date   Date   `json:"date,omitzero"`
	// Together marks a rating made together with the staff member in the
	// meeting; false means it is the manager's own view.
	Together bool `json:"together,omitempty"`
}

// Empty reports whether nothing was given.
func (a Answer) Empty() bool {
	return strings.TrimSpace(a.Text) == "" && a.Rating == 0 && a.Date.IsZero()
}

// Owner is who carries an action forward.
type Owner string

const (
	OwnerMe    Owner = "me"    // the manager
	OwnerThem  Owner = "them"  // the staff member
	OwnerOther Owner = "other" // someone else
)

// Owners in the order the UI cycles through them.
var Owners = []Owner{OwnerMe, OwnerThem, OwnerOther}

// Label is the owner as a person reads it.
func (o Owner) Label() string {
	switch o {
	case OwnerMe:
		return "me"
	case OwnerThem:
		return "them"
	case OwnerOther:
		return "someone else"
	}
	return string(o)
}

// Next cycles to the following owner.
func (o Owner) Next(step int) Owner {
	for i, x := range Owners {
		if x == o {
			return Owners[((i+step)%len(Owners)+len(Owners))%len(Owners)]
		}
	}
	return OwnerMe
}

// ActionStatus tracks an action between sessions.
type ActionStatus string

const (
	ActionOpen    ActionStatus = "open"
	ActionDone    ActionStatus = "done"
	ActionDropped ActionStatus = "dropped"
)

// Action is something agreed: who will do what, by when.
type Action struct {
	ID      string       `json:"id"`
	Text    string       `json:"text"`
	Owner   Owner        `json:"owner"`
	Due     Date         `json:"due,omitzero"`
	Status  ActionStatus `json:"status"`
	Reason  string       `json:"reason,omitempty"` // why it was dropped
	Created time.Time    `json:"created"`
	// Closed is when it was marked done or dropped (zero while open).
	Closed time.Time `json:"closed,omitzero"`
	// Outcome says, once it is done, whether it helped.
	Outcome Outcome `json:"outcome,omitempty"`
}

// Position is where the manager was in a prep, so a draft reopens there.
type Position struct {
	Item  string `json:"item,omitempty"`  // the focused item id
	Field int    `json:"field,omitempty"` // which part of it (an action row and column)
}

// Session is one supervision or one-to-one, in three parts: the prep
// (before, private to the manager), the meeting record (written with the
// staff member, what agreeing seals: its answers, the actions agreed, the
// next date, the agreed date and addenda) and the reflection (after,
// private, optional). Answer and SetAnswer find an item's part from its id.
type Session struct {
	ID       string    `json:"id"`
	PersonID string    `json:"person_id"`
	Lang     string    `json:"lang"`
	Date     Date      `json:"date"` // the day of the session
	Created  time.Time `json:"created"`
	Updated  time.Time `json:"updated"`
	// Saved is when the manager saved it; zero while it is still a draft.
	Saved time.Time `json:"saved,omitzero"`
	// Prep holds the answers written before the meeting.
	Prep map[string]Answer `json:"prep,omitempty"`
	// Record holds the meeting record's answers (their words, what would
	// help, the ratings, the next date); Actions are its actions agreed.
	Record  map[string]Answer `json:"record,omitempty"`
	Actions []Action          `json:"actions"`
	// Reflection holds the manager's own reflection afterwards.
	Reflection map[string]Answer `json:"reflection,omitempty"`
	// Asked keeps the wording of each prompt as it was asked, for answers
	// whose prompt was not attend's own wording (an organisation's prompt
	// pack), so that an old record reads the same after the pack changes.
	// Answers to attend's own wording need none: it is in attend.
	Asked map[string]string `json:"asked,omitempty"`
	// Position is only meaningful on drafts.
	Position Position `json:"position,omitzero"`
	// Writer and Base guard a draft against two attend windows writing the
	// same person's prep: Writer is the window that wrote it, Base the stored
	// version that window started from. Both are cleared when it is saved.
	Writer string    `json:"writer,omitempty"`
	Base   time.Time `json:"base,omitzero"`
	// Left is set when the window that wrote the draft left it (went home
	// or quit): another window may then carry on at once, without asking.
	Left bool `json:"left,omitempty"`

	// After the meeting (see followup.go).
	Agreed  Date       `json:"agreed,omitzero"`   // when the record was agreed with the staff member
	Addenda []Addendum `json:"addenda,omitempty"` // dated corrections after agreement
}

// ErrDraftElsewhere means another attend window holds this person's prep:
// writing here would overwrite what was typed there.
var ErrDraftElsewhere = errors.New("this prep is open in another attend window")

// MayReplaceDraft reports whether a draft written by window `writer`, which
// started from the stored version `base`, may replace the stored draft
// (id, its writer, its updated time): only the same prep, and only by the
// window that wrote it or by one that loaded exactly that version (taking
// over from a window that was closed or crashed).
// Writers that do not take part (scripts, older drafts) replace as before.
func MayReplaceDraft(storedID, storedWriter string, storedUpdated time.Time, next Session) bool {
	if storedWriter == "" || next.Writer == "" || storedWriter == next.Writer {
		return true
	}
	return storedID == next.ID && storedUpdated.Equal(next.Base)
}

// NewSession starts an empty prep for a person.
func NewSession(personID, lang string, now time.Time) Session {
	return Session{
		ID:       NewID(now),
		PersonID: personID,
		Lang:     lang,
		Date:     DateOf(now),
		Created:  now,
		Updated:  now,
		Prep:     map[string]Answer{},
	}
}

// Empty reports whether nothing has been written: no answer, no action.
func (s Session) Empty() bool {
	return len(s.Prep) == 0 && len(s.Record) == 0 && len(s.Reflection) == 0 && len(s.LiveActions()) == 0
}

// RecordWritten reports whether the meeting record holds anything: an
// answer in it, or an action agreed. An empty record is not agreed (it
// would lock nothing for good) and is no session held.
func (s Session) RecordWritten() bool { return s.PartWritten(PartRecord) }

// PartWritten reports whether a part holds anything: an answer in it, or,
// for the meeting record, an action agreed.
func (s Session) PartWritten(p Part) bool {
	for _, a := range s.Answers(p) {
		if !a.Empty() {
			return true
		}
	}
	return p == PartRecord && len(s.LiveActions()) > 0
}

// IsDraft reports whether the session has not been saved yet.
func (s Session) IsDraft() bool { return s.Saved.IsZero() }

// Answers are one part's answers (nil if it has none).
func (s Session) Answers(p Part) map[string]Answer { return *s.partMap(p) }

// Answer returns the answer to an item (the zero Answer if none), from the
// part its id belongs to, or failing that from any part (answers to prompts
// since retired keep the part they were written in).
func (s Session) Answer(id string) Answer { return s.answer(id) }

// answer is Answer without a copy of the session. An id answered in one
// part only (most are; the rest are found nowhere) is that answer, in
// whichever part PartOf would have looked first: only an id in more than
// one part needs PartOf.
func (s *Session) answer(id string) Answer {
	a, _ := s.answerPart(id)
	return a
}

// answerPart is answer, with the part the answer was found in (the part
// its id belongs to when it was found in none).
func (s *Session) answerPart(id string) (Answer, Part) {
	var found Answer
	foundIn := PartPrep
	n := 0
	for i, m := range [...]map[string]Answer{s.Prep, s.Record, s.Reflection} {
		if a, ok := m[id]; ok {
			found, foundIn = a, Parts[i]
			n++
		}
	}
	if n == 1 {
		return found, foundIn
	}
	if n == 0 {
		return Answer{}, PartOf(id)
	}
	if a, ok := (*s.partMap(PartOf(id)))[id]; ok {
		return a, PartOf(id)
	}
	for _, p := range Parts {
		if a, ok := (*s.partMap(p))[id]; ok {
			return a, p
		}
	}
	return Answer{}, PartOf(id)
}

// SetAnswer stores an answer in the part its id belongs to, dropping empty
// ones so records stay small.
func (s *Session) SetAnswer(id string, a Answer) { s.SetPartAnswer(PartOf(id), id, a) }

// SetPartAnswer stores an answer in part p, dropping empty ones.
func (s *Session) SetPartAnswer(p Part, id string, a Answer) {
	m := s.partMap(p)
	if a.Empty() {
		delete(*m, id)
		if len(*m) == 0 {
			*m = nil
		}
		return
	}
	if *m == nil {
		*m = map[string]Answer{}
	}
	(*m)[id] = a
}

func (s *Session) partMap(p Part) *map[string]Answer {
	switch p {
	case PartRecord:
		return &s.Record
	case PartReflection:
		return &s.Reflection
	}
	return &s.Prep
}

// AnswerIDs are the ids of every answer in every part, sorted.
func (s Session) AnswerIDs() []string {
	var ids []string
	for _, p := range Parts {
		for id := range s.Answers(p) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Said is what they said in the meeting, in their words: the record's main
// text (before the three parts, "what was discussed").
func (s Session) Said() string { return s.Record[SaidID].Text }

// NextSession is the date agreed for the next session, if any.
func (s Session) NextSession() Date { return s.Answer(NextID).Date }

// LiveActions are the actions with some text: blank rows are dropped on save.
func (s Session) LiveActions() []Action {
	var out []Action
	for _, a := range s.Actions {
		if strings.TrimSpace(a.Text) != "" {
			out = append(out, a)
		}
	}
	return out
}

// OpenActions counts actions still open.
func (s Session) OpenActions() int {
	n := 0
	for _, a := range s.LiveActions() {
		if a.Status == ActionOpen || a.Status == "" {
			n++
		}
	}
	return n
}

// Completeness counts how many of the guide's items have an answer.
func (s Session) Completeness(g *Guide) (answered, total int) {
	return s.completeness(g.Stages)
}

// PartCompleteness counts how many of one part's items have an answer.
func (s Session) PartCompleteness(g *Guide, p Part) (answered, total int) {
	return s.completeness(g.PartStages(p))
}

// ShownCompleteness is PartCompleteness over the prompts a prep showed:
// in the quick prep (full false) its core prompts and any other answered,
// so seven prompts asked read "2 of 7", not "2 of 20".
func (s Session) ShownCompleteness(g *Guide, p Part, full bool) (answered, total int) {
	stages := g.PartStages(p)
	shown := make([]Stage, len(stages))
	for i, st := range stages {
		shown[i] = st
		shown[i].Items = st.Shown(s, full)
	}
	return s.completeness(shown)
}

func (s Session) completeness(stages []Stage) (answered, total int) {
	for _, st := range stages {
		for _, it := range st.Items {
			total++
			if it.Kind == KindActions {
				if len(s.LiveActions()) > 0 {
					answered++
				}
				continue
			}
			if !s.Answer(it.ID).Empty() {
				answered++
			}
		}
	}
	return answered, total
}

// Tidy prepares a session for saving: trims trailing space from answers,
// drops blank actions and fills in action ids and statuses.
func (s *Session) Tidy(now time.Time) {
	for _, p := range Parts {
		for id, a := range s.Answers(p) {
			t := strings.TrimRight(a.Text, " \t\r\n")
			if t == a.Text && !a.Empty() {
				continue // SetPartAnswer would store it as it is
			}
			a.Text = t
			s.SetPartAnswer(p, id, a)
		}
	}
	live := s.LiveActions()
	for i := range live {
		live[i].Text = strings.TrimSpace(live[i].Text)
		if live[i].ID == "" {
			live[i].ID = NewID(now)
		}
		if live[i].Status == "" {
			live[i].Status = ActionOpen
		}
		if live[i].Owner == "" {
			live[i].Owner = OwnerMe
		}
		if live[i].Created.IsZero() {
			live[i].Created = now
		}
	}
	s.Actions = live
}

// Validate checks a session against the rules every stored session keeps.
// Answers to ids the guide does not know are allowed (they may come from a
// newer prompt set) so that nothing is ever thrown away.
func (s Session) Validate() error {
	if !ValidID(s.ID) {
		return said("coach.valid.id", "Typed", strconv.Quote(s.ID))
	}
	if !ValidID(s.PersonID) {
		return said("coach.valid.personid", "ID", s.ID, "Typed", strconv.Quote(s.PersonID))
	}
	if s.Date.IsZero() {
		return said("coach.valid.nodate", "ID", s.ID)
	}
	if err := s.Date.Check(); err != nil {
		return said("coach.valid.date", "ID", s.ID, "Err", err)
	}
	for _, p := range Parts {
		for id, a := range s.Answers(p) {
			if id == "" {
				return said("coach.valid.emptyprompt", "ID", s.ID, "Part", string(p))
			}
			if err := a.Date.Check(); err != nil {
				return said("coach.valid.answerdate", "ID", s.ID, "Part", string(p), "Prompt", id, "Err", err)
			}
			if a.Rating < 0 || a.Rating > MaxRating {
				return said("coach.valid.rating", "ID", s.ID, "Part", string(p), "Prompt", id, "N", a.Rating, "Max", MaxRating)
			}
			if !utf8.ValidString(a.Text) {
				return said("coach.valid.utf8", "ID", s.ID, "Part", string(p), "Prompt", id)
			}
			if len(a.Text) > MaxAnswerLen && utf8.RuneCountInString(a.Text) > MaxAnswerLen { // no more runes than bytes
				return said("coach.valid.toolong", "ID", s.ID, "Part", string(p), "Prompt", id, "Max", MaxAnswerLen)
			}
		}
	}
	for i, a := range s.Actions {
		switch a.Owner {
		case OwnerMe, OwnerThem, OwnerOther, "":
		default:
			return said("coach.valid.owner", "ID", s.ID, "N", i, "Typed", strconv.Quote(string(a.Owner)))
		}
		switch a.Status {
		case ActionOpen, ActionDone, ActionDropped, "":
		default:
			return said("coach.valid.status", "ID", s.ID, "N", i, "Typed", strconv.Quote(string(a.Status)))
		}
		if !utf8.ValidString(a.Text) || len(a.Text) > MaxAnswerLen && utf8.RuneCountInString(a.Text) > MaxAnswerLen {
			return said("coach.valid.actiontext", "ID", s.ID, "N", i)
		}
		if err := a.Due.Check(); err != nil {
			return said("coach.valid.due", "ID", s.ID, "N", i, "Err", err)
		}
		if a.Outcome != "" && (!a.Outcome.Valid() || a.Status != ActionDone) {
			return said("coach.valid.outcome", "ID", s.ID, "N", i, "Typed", strconv.Quote(string(a.Outcome)), "List", outcomeList())
		}
	}
	return s.validateFollowUp()
}

// Clone copies a session deeply, so a copy handed to a background save never
// shares a map or slice with one still being edited.
func (s Session) Clone() Session {
	c := s
	c.Prep, c.Record, c.Reflection = cloneAnswers(s.Prep), cloneAnswers(s.Record), cloneAnswers(s.Reflection)
	c.Actions = append([]Action(nil), s.Actions...)
	if s.Asked != nil {
		c.Asked = make(map[string]string, len(s.Asked))
		for k, v := range s.Asked {
			c.Asked[k] = v
		}
	}
	c.Addenda = append([]Addendum(nil), s.Addenda...)
	return c
}

func cloneAnswers(m map[string]Answer) map[string]Answer {
	if m == nil {
		return nil
	}
	c := make(map[string]Answer, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// NoteAsked keeps, for each answer not yet noted, the wording its prompt
// has in g when that is not attend's own (see Asked). The store calls it as
// a session is saved.
func (s *Session) NoteAsked(g *Guide) {
	if g == nil {
		return
	}
	own, _ := BuiltinGuide(s.Lang)
	if own == g {
		return // attend's own wording: nothing to keep
	}
	note := func(id string) {
		if _, ok := s.Asked[id]; ok {
			return
		}
		it, _, ok := g.Item(id)
		if !ok {
			return
		}
		if own != nil {
			if o, _, ok := own.Item(id); ok && o.Prompt == it.Prompt {
				return
			}
		}
		if s.Asked == nil {
			s.Asked = map[string]string{}
		}
		s.Asked[id] = it.Prompt
	}
	for _, p := range Parts {
		for id := range s.Answers(p) {
			note(id)
		}
	}
	if len(s.LiveActions()) > 0 {
		note(ActionsID)
	}
}

// PromptText is the wording of prompt it as this session was asked it: the
// wording kept with the session (Asked), else, for a saved session, attend's
// own wording (what it was answered under), else g's.
func (s Session) PromptText(g *Guide, it Item) string {
	if t, ok := s.Asked[it.ID]; ok {
		return t
	}
	if !s.IsDraft() && (g == nil || ActivePack() != nil) {
		if own, err := BuiltinGuide(s.Lang); err == nil {
			if o, _, ok := own.Item(it.ID); ok {
				return o.Prompt
			}
		}
	}
	return it.Prompt
}
