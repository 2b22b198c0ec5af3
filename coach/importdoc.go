package coach

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"attend/coach/msg"
)

// ImportDoc is an attend-export document (docs/export.md) read back and
// checked field by field: its people and saved sessions as domain records.
// Fields an export derives (a person's last and next session and session
// count, each answer's prompt wording) are checked but not kept: the store
// works them out again from the sessions it holds.
type ImportDoc struct {
	Exported time.Time
	People   []Person
	Sessions []Session
}

// ImportError is a fault in an import document: the path of the field at
// fault, as in `sessions[3].answers.needs.workload.rating`, and what is
// wrong with it. Error is its English; Text says it in any language, the
// path and what it quotes from the file as the file has them.
type ImportError struct {
	Path string
	Msg  string

	said *Said // Msg in the catalogue (coach.import.…)
}

func (e *ImportError) Error() string { return e.at(e.Msg) }

// Text is the fault in l (English when l is nil).
func (e *ImportError) Text(l *msg.Lang) string {
	if e.said == nil {
		return e.Error()
	}
	return e.at(e.said.Text(l))
}

func (e *ImportError) at(what string) string {
	if e.Path == "" {
		return what
	}
	return e.Path + ": " + what
}

// fault is a fault at path, in the words of the catalogue message id
// filled in from key and value pairs.
func fault(path, id string, kv ...any) *ImportError {
	s := said(id, kv...)
	return &ImportError{Path: path, Msg: s.Error(), said: s}
}

// Limits on what an import may hold, far beyond any real manager's records,
// so that a wrong or hostile file is refused rather than slowly swallowed.
const (
	maxImportPeople   = 100000
	maxImportSessions = 1000000
	maxPromptIDLen    = 100
	maxLangLen        = 16
	maxImportActions  = 1000
	// maxImportAnswers bounds the answers of one session: a guide asks
	// about 50 prompts.
	maxImportAnswers = 1000
)

// The fields each object of the format may hold: exactly those this
// attend's export writes (taken from the export types' JSON names, so the
// two cannot drift apart). Any other field is refused: it can only come
// from a newer attend, and importing without it would silently drop what it
// holds.
var (
	docFields      = []string{"format", "version", "exported", "prompts", "people", "sessions"}
	personFields   = jsonFields(reflect.TypeFor[ExportPerson]())
	sessionFields  = jsonFields(reflect.TypeFor[ExportSession]())
	answerFields   = jsonFields(reflect.TypeFor[ExportAnswer]())
	actionFields   = jsonFields(reflect.TypeFor[Action]())
	addendumFields = jsonFields(reflect.TypeFor[Addendum]())
)

// jsonFields lists the JSON names of a struct's exported fields.
func jsonFields(t reflect.Type) []string {
	var out []string
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		out = append(out, name)
	}
	return out
}

// Limits on the bytes an import may hold, so that a wrong or hostile file is
// refused as soon as one value is too big, whatever the file's size, and
// the reader never holds more than one value over its limit.
const (
	// MaxImportBytes is the most a whole import file may hold.
	MaxImportBytes = 1 << 30
	// maxPersonBytes and maxSessionBytes bound the JSON of one person and
	// one session: far beyond a real one (every prompt answered at the
	// longest attend keeps is under 3 MiB).
	maxPersonBytes  = 64 << 10
	maxSessionBytes = 8 << 20
	// maxHeadBytes bounds the other top-level values (format, version, exported).
	maxHeadBytes = 4 << 10
)

// importNow is the clock dates are judged by (replaced in tests).
var importNow = time.Now

// keyPath is the path of field key of the object at path. Answers are keyed
// by prompt id, which holds dots, so they are written as answers["id"].
func keyPath(path, key string) string {
	if strings.HasSuffix(path, ".answers") {
		return answerPath(path, key)
	}
	return join(path, key)
}

// answerPath is the path of one answer: sessions[3].answers["attend.listen"].
func answerPath(answers, id string) string {
	return answers + "[" + strconv.Quote(id) + "]"
}

func parsePerson(path string, raw json.RawMessage) (Person, error) {
	m, err := object(path, raw, personFields)
	if err != nil {
		return Person{}, err
	}
	var p Person
	if p.ID, err = idField(path+".id", m["id"]); err != nil {
		return p, err
	}
	name, err := str(path+".name", m, true)
	if err != nil {
		return p, err
	}
	if p.Name, err = CleanName(name); err != nil {
		return p, fault(path+".name", "coach.import.cause", "Err", err)
	}
	if p.Created, err = timeField(path+".created", m, true); err != nil {
		return p, err
	}
	cad, err := str(path+".cadence", m, false)
	if err != nil {
		return p, err
	}
	if cad != "" {
		if p.Cadence, err = ParseCadence(cad); err != nil {
			return p, fault(path+".cadence", "coach.import.cause", "Err", err)
		}
	}
	if p.Demo, err = boolean(path+".demo", m); err != nil {
		return p, err
	}
	// Derived fields: checked, then worked out again from the sessions.
	for _, k := range []string{"last_session", "next_session"} {
		if _, err := dateField(path+"."+k, m, false); err != nil {
			return p, err
		}
	}
	if n, err := integer(path+".sessions", m, false); err != nil {
		return p, err
	} else if n < 0 {
		return p, fault(path+".sessions", "coach.import.belowzero", "N", n)
	}
	return p, nil
}

func parseSession(path string, raw json.RawMessage, version int) (Session, error) {
	m, err := object(path, raw, sessionFields)
	if err != nil {
		return Session{}, err
	}
	var s Session
	if s.ID, err = idField(path+".id", m["id"]); err != nil {
		return s, err
	}
	if s.PersonID, err = idField(path+".person_id", m["person_id"]); err != nil {
		return s, err
	}
	if _, err := str(path+".person_name", m, false); err != nil {
		return s, err
	}
	if s.Date, err = dateField(path+".date", m, true); err != nil {
		return s, err
	}
	if s.Lang, err = str(path+".lang", m, true); err != nil {
		return s, err
	}
	if s.Lang == "" || len(s.Lang) > maxLangLen || strings.IndexFunc(s.Lang, func(r rune) bool {
		return !(r == '-' || r == '_' || r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)))
	}) >= 0 {
		return s, fault(path+".lang", "coach.import.lang", "Typed", strconv.Quote(s.Lang))
	}
	if s.Created, err = timeField(path+".created", m, true); err != nil {
		return s, err
	}
	if s.Updated, err = timeField(path+".updated", m, true); err != nil {
		return s, err
	}
	if s.Saved, err = timeField(path+".saved", m, true); err != nil {
		return s, err
	}
	if s.Saved.IsZero() {
		return s, fault(path+".saved", "coach.import.unsaved")
	}
	if _, err := dateField(path+".next_session", m, false); err != nil {
		return s, err
	}

	answers, err := object(path+".answers", m["answers"], nil)
	if err != nil {
		return s, err
	}
	legacy := map[string]Answer{} // version 1: one map, split below
	for _, id := range slices.Sorted(maps.Keys(answers)) {
		apath := answerPath(path+".answers", id)
		if id == "" || len(id) > maxPromptIDLen || strings.IndexFunc(id, unicode.IsControl) >= 0 || CheckText(id) != nil {
			return s, fault(apath, "coach.import.promptid", "Typed", strconv.Quote(id))
		}
		a, part, err := parseAnswer(apath, answers[id], version)
		if err != nil {
			return s, err
		}
		if version == 1 {
			legacy[id] = a
			continue
		}
		s.SetPartAnswer(part, id, a)
	}

	actions, err := array(path+".actions", m, maxImportActions)
	if err != nil {
		return s, err
	}
	ids := map[string]int{}
	for i, ar := range actions {
		apath := fmt.Sprintf("%s.actions[%d]", path, i)
		a, err := parseAction(apath, ar)
		if err != nil {
			return s, err
		}
		if j, dup := ids[a.ID]; dup {
			return s, fault(apath+".id", "coach.import.dupaction", "ID", a.ID, "N", j)
		}
		ids[a.ID] = i
		s.Actions = append(s.Actions, a)
	}
	if err := parseRecord(path, m, &s, version); err != nil {
		return s, err
	}
	if version == 1 {
		s.Prep, s.Record = LegacyParts(legacy, s.Record[SaidID].Text)
	}
	if err := s.Validate(); err != nil {
		return s, fault(path, "coach.import.cause", "Err", err)
	}
	return s, nil
}

func parseAnswer(path string, raw json.RawMessage, version int) (Answer, Part, error) {
	a, err := parseAnswerFields(path, raw, version)
	if err != nil || version == 1 {
		return a, "", err
	}
	m, _ := object(path, raw, answerFields)
	part, err := str(path+".part", m, true)
	if err != nil {
		return a, "", err
	}
	if !Part(part).Valid() {
		return a, "", fault(path+".part", "coach.import.part", "Typed", strconv.Quote(part))
	}
	if a.Together, err = boolean(path+".together", m); err != nil {
		return a, "", err
	}
	return a, Part(part), nil
}

func parseAnswerFields(path string, raw json.RawMessage, version int) (Answer, error) {
	fields := answerFields
	if version == 1 {
		fields = slices.DeleteFunc(slices.Clone(fields), func(f string) bool { return f == "part" || f == "together" })
	}
	m, err := object(path, raw, fields)
	if err != nil {
		return Answer{}, err
	}
	for _, k := range []string{"stage", "prompt", "kind", "rating_label"} {
		if _, err := str(path+"."+k, m, false); err != nil {
			return Answer{}, err
		}
	}
	var a Answer
	if a.Text, err = textField(path+".text", m); err != nil {
		return a, err
	}
	if a.Rating, err = integer(path+".rating", m, false); err != nil {
		return a, err
	}
	if _, given := m["rating"]; given && (a.Rating < 1 || a.Rating > MaxRating) {
		return a, fault(path+".rating", "coach.import.rating", "N", a.Rating, "Max", MaxRating)
	}
	if a.Date, err = dateField(path+".date", m, false); err != nil {
		return a, err
	}
	return a, nil
}

func parseAction(path string, raw json.RawMessage) (Action, error) {
	m, err := object(path, raw, actionFields)
	if err != nil {
		return Action{}, err
	}
	var a Action
	if a.ID, err = idField(path+".id", m["id"]); err != nil {
		return a, err
	}
	if a.Text, err = textField(path+".text", m); err != nil {
		return a, err
	}
	if strings.TrimSpace(a.Text) == "" {
		return a, fault(path+".text", "coach.import.empty")
	}
	owner, err := str(path+".owner", m, true)
	if err != nil {
		return a, err
	}
	a.Owner = Owner(owner)
	if !slices.Contains(Owners, a.Owner) {
		return a, fault(path+".owner", "coach.import.owner", "Typed", strconv.Quote(owner))
	}
	if a.Due, err = dateField(path+".due", m, false); err != nil {
		return a, err
	}
	status, err := str(path+".status", m, true)
	if err != nil {
		return a, err
	}
	a.Status = ActionStatus(status)
	switch a.Status {
	case ActionOpen, ActionDone, ActionDropped:
	default:
		return a, fault(path+".status", "coach.import.status", "Typed", strconv.Quote(status))
	}
	if a.Reason, err = textField(path+".reason", m); err != nil {
		return a, err
	}
	if a.Created, err = timeField(path+".created", m, true); err != nil {
		return a, err
	}
	if a.Closed, err = timeField(path+".closed", m, false); err != nil {
		return a, err
	}
	if a.Status == ActionOpen && !a.Closed.IsZero() {
		return a, fault(path+".closed", "coach.import.closedopen")
	}
	outcome, err := str(path+".outcome", m, false)
	if err != nil {
		return a, err
	}
	if outcome != "" {
		if a, err = SetOutcome(a, Outcome(outcome)); err != nil {
			return a, fault(path+".outcome", "coach.import.cause", "Err", err)
		}
	}
	return a, nil
}

// Field readers. Each names the path of what it reads in its error.
