package coach

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
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
// wrong with it.
type ImportError struct {
	Path string
	Msg  string
}

func (e *ImportError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

func faultAt(path, format string, args ...any) *ImportError {
	return &ImportError{Path: path, Msg: fmt.Sprintf(format, args...)}
}

// Limits on what an import may hold, far beyond any real manager's records,
// so that a wrong or hostile file is refused rather than slowly swallowed.
const (
	maxImportPeople   = 100000
	maxImportSessions = 1000000
	maxPromptIDLen    = 100
	maxLangLen        = 16
	maxImportActions  = 1000
)

// The fields each object of the format may hold: exactly those this
// attend's export writes (taken from the export types' JSON names, so the
// two cannot drift apart). Any other field is refused: it can only come
// from a newer attend, and importing without it would silently drop what it
// holds.
var (
	docFields      = []string{"format", "version", "exported", "people", "sessions"}
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

// ParseImport reads an attend-export JSON document strictly. Any fault (a
// different format or version, a field this attend does not know, a bad
// id, date, rating or owner, a session whose person is not in the
// document, a duplicate) rejects the whole document with an *ImportError
// naming the field. It never panics, whatever the bytes (FuzzParseImport).
func ParseImport(raw []byte) (*ImportDoc, error) {
	if !utf8.Valid(raw) {
		return nil, faultAt("", "the file is not UTF-8 text, so it is not an attend export")
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil || top == nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) || len(strings.TrimSpace(string(raw))) == 0 {
			return nil, faultAt("", "the file is not valid JSON, so it is not an attend export (%v)", err)
		}
		return nil, faultAt("", "the file should hold a JSON object, not %s, so it is not an attend export", kindOf(raw))
	}
	if err := knownFields("", top, docFields); err != nil {
		return nil, err
	}
	var doc ImportDoc
	format, err := str("format", top, true)
	if err != nil {
		return nil, err
	}
	if format != ExportFormat {
		return nil, faultAt("format", "%q is not an attend export (want %q)", format, ExportFormat)
	}
	version, err := integer("version", top, true)
	if err != nil {
		return nil, err
	}
	if version < 1 || version > ExportVersion {
		return nil, faultAt("version", "%d is not an export version this attend reads (1 to %d): update attend", version, ExportVersion)
	}
	if doc.Exported, err = timeField("exported", top, false); err != nil {
		return nil, err
	}

	people, err := array("people", top, maxImportPeople)
	if err != nil {
		return nil, err
	}
	byID := map[string]int{}
	byName := map[string]int{}
	for i, pr := range people {
		path := fmt.Sprintf("people[%d]", i)
		p, err := parsePerson(path, pr)
		if err != nil {
			return nil, err
		}
		if j, dup := byID[p.ID]; dup {
			return nil, faultAt(path+".id", "%s is also people[%d]", p.ID, j)
		}
		if j, dup := byName[Fold(p.Name)]; dup {
			return nil, faultAt(path+".name", "%q is the same name as people[%d]", p.Name, j)
		}
		byID[p.ID] = i
		byName[Fold(p.Name)] = i
		doc.People = append(doc.People, p)
	}

	sessions, err := array("sessions", top, maxImportSessions)
	if err != nil {
		return nil, err
	}
	seen := map[string]int{}
	for i, sr := range sessions {
		path := fmt.Sprintf("sessions[%d]", i)
		s, err := parseSession(path, sr, version)
		if err != nil {
			return nil, err
		}
		if j, dup := seen[s.ID]; dup {
			return nil, faultAt(path+".id", "%s is also sessions[%d]", s.ID, j)
		}
		if _, ok := byID[s.PersonID]; !ok {
			return nil, faultAt(path+".person_id", "%s is not among the people of this export", s.PersonID)
		}
		seen[s.ID] = i
		doc.Sessions = append(doc.Sessions, s)
	}
	return &doc, nil
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
		return p, faultAt(path+".name", "%v", err)
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
			return p, faultAt(path+".cadence", "%v", err)
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
		return p, faultAt(path+".sessions", "%d is below zero", n)
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
		return s, faultAt(path+".lang", "%q is not a language code (such as en or cy)", s.Lang)
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
		return s, faultAt(path+".saved", "is empty: only saved sessions can be imported")
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
		apath := path + ".answers." + id
		if id == "" || len(id) > maxPromptIDLen || strings.IndexFunc(id, unicode.IsControl) >= 0 {
			return s, faultAt(apath, "%q is not a prompt id", id)
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
			return s, faultAt(apath+".id", "%s is also actions[%d]", a.ID, j)
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
		return s, faultAt(path, "%v", err)
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
		return a, "", faultAt(path+".part", "%q is not prep, record or reflection", part)
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
		return a, faultAt(path+".rating", "%d is not 1 to %d", a.Rating, MaxRating)
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
		return a, faultAt(path+".text", "is empty")
	}
	owner, err := str(path+".owner", m, true)
	if err != nil {
		return a, err
	}
	a.Owner = Owner(owner)
	if !slices.Contains(Owners, a.Owner) {
		return a, faultAt(path+".owner", "%q is not me, them or other", owner)
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
		return a, faultAt(path+".status", "%q is not open, done or dropped", status)
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
		return a, faultAt(path+".closed", "is set on an open action")
	}
	outcome, err := str(path+".outcome", m, false)
	if err != nil {
		return a, err
	}
	if outcome != "" {
		if a, err = SetOutcome(a, Outcome(outcome)); err != nil {
			return a, faultAt(path+".outcome", "%v", err)
		}
	}
	return a, nil
}

// Field readers. Each names the path of what it reads in its error.

func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(raw) == "null"
}

func kindOf(raw json.RawMessage) string {
	s := strings.TrimSpace(string(raw))
	if s == "" {
		return "nothing"
	}
	switch s[0] {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "text"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "a number"
}

// object reads a JSON object, refusing any key not in known (nil: any key).
func object(path string, raw json.RawMessage, known []string) (map[string]json.RawMessage, error) {
	var m map[string]json.RawMessage
	if isNull(raw) || json.Unmarshal(raw, &m) != nil || m == nil {
		return nil, faultAt(path, "should be an object, not %s", kindOf(raw))
	}
	if known != nil {
		if err := knownFields(path, m, known); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// knownFields refuses any key of m not in known.
// If there are several, the first in sorted order is named, so the message
// is the same every time.
func knownFields(path string, m map[string]json.RawMessage, known []string) error {
	bad, found := "", false
	for k := range m {
		if !slices.Contains(known, k) && (!found || k < bad) {
			bad, found = k, true
		}
	}
	if found {
		return faultAt(join(path, bad), "is not a field this attend knows (an export from a newer attend? update attend)")
	}
	return nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// array reads a JSON list under key, refusing more than max items.
func array(path string, m map[string]json.RawMessage, max int) ([]json.RawMessage, error) {
	raw, ok := m[lastKey(path)]
	if !ok {
		return nil, faultAt(path, "is missing")
	}
	var items []json.RawMessage
	if isNull(raw) || json.Unmarshal(raw, &items) != nil {
		return nil, faultAt(path, "should be a list, not %s", kindOf(raw))
	}
	if len(items) > max {
		return nil, faultAt(path, "has %d entries, more than the %d attend accepts", len(items), max)
	}
	return items, nil
}

// lastKey is the field name at the end of a path ("sessions[2].answers" → "answers").
func lastKey(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

// str reads a string field; a missing or null field is "" (an error if required).
func str(path string, m map[string]json.RawMessage, required bool) (string, error) {
	raw, ok := m[lastKey(path)]
	if !ok || isNull(raw) {
		if required {
			return "", faultAt(path, "is missing")
		}
		return "", nil
	}
	return jsonString(path, raw)
}

// jsonString decodes a JSON string, taking plain ones (no escapes, as most
// are) straight from the bytes.
func jsonString(path string, raw json.RawMessage) (string, error) {
	if n := len(raw); n >= 2 && raw[0] == '"' && raw[n-1] == '"' {
		plain := true
		for _, c := range raw[1 : n-1] {
			if c == '\\' || c == '"' || c < 0x20 {
				plain = false
				break
			}
		}
		if plain {
			return string(raw[1 : n-1]), nil
		}
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", faultAt(path, "should be text, not %s", kindOf(raw))
	}
	return s, nil
}

// textField reads free text: valid, and no longer than MaxAnswerLen.
func textField(path string, m map[string]json.RawMessage) (string, error) {
	s, err := str(path, m, false)
	if err != nil {
		return "", err
	}
	if n := utf8.RuneCountInString(s); n > MaxAnswerLen {
		return "", faultAt(path, "is %d characters, longer than the %d attend keeps", n, MaxAnswerLen)
	}
	return s, nil
}

// integer reads a whole number; a missing or null field is 0 (an error if required).
func integer(path string, m map[string]json.RawMessage, required bool) (int, error) {
	raw, ok := m[lastKey(path)]
	if !ok || isNull(raw) {
		if required {
			return 0, faultAt(path, "is missing")
		}
		return 0, nil
	}
	if kindOf(raw) != "a number" {
		return 0, faultAt(path, "should be a number, not %s", kindOf(raw))
	}
	n, err := strconv.ParseInt(string(raw), 10, 32)
	if err != nil {
		return 0, faultAt(path, "%s is not a whole number attend can hold", raw)
	}
	return int(n), nil
}

func idField(path string, raw json.RawMessage) (string, error) {
	if isNull(raw) {
		return "", faultAt(path, "is missing")
	}
	s, err := jsonString(path, raw)
	if err != nil {
		return "", err
	}
	if !ValidID(s) {
		return "", faultAt(path, "%q is not an attend id (26 characters, such as 01M8B6J8DNPJ2PXMD9RG5HGHXB)", s)
	}
	return s, nil
}

// timeField reads an RFC 3339 time; a missing field is the zero time (an
// error if required).
func timeField(path string, m map[string]json.RawMessage, required bool) (time.Time, error) {
	s, err := str(path, m, required)
	if err != nil || s == "" {
		return time.Time{}, err
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, faultAt(path, "%q is not a time such as 2026-11-26T08:55:00Z", s)
	}
	return t, nil
}

// dateField reads a YYYY-MM-DD calendar date; a missing field is the zero
// Date (an error if required).
func dateField(path string, m map[string]json.RawMessage, required bool) (Date, error) {
	s, err := str(path, m, required)
	if err != nil || s == "" {
		if err == nil && required {
			err = faultAt(path, "is empty")
		}
		return Date{}, err
	}
	var d Date
	if err := d.UnmarshalText([]byte(s)); err != nil {
		return Date{}, faultAt(path, "%q is not a date such as 2027-02-24", s)
	}
	if err := d.Check(); err != nil {
		return Date{}, faultAt(path, "%v", err)
	}
	return d, nil
}

var cadenceWords = regexp.MustCompile(`^every (?:(\d{1,3}) )?(week|weeks|month|months)$`)

// ParseCadence reads a cadence as Cadence.String writes it: "every week",
// "every 6 weeks", "every month", "every 3 months". The default (every 3
// months) comes back as the zero Cadence, as a person who never chose one
// is stored.
func ParseCadence(s string) (Cadence, error) {
	m := cadenceWords.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return Cadence{}, fmt.Errorf("%q is not a cadence such as \"every 3 months\" or \"every 6 weeks\"", s)
	}
	n := 1
	if m[1] != "" {
		n, _ = strconv.Atoi(m[1])
	}
	if n < 1 {
		return Cadence{}, fmt.Errorf("%q is not a cadence: the interval must be at least 1", s)
	}
	var c Cadence
	if strings.HasPrefix(m[2], "week") {
		c.Weeks = n
	} else {
		c.Months = n
	}
	if c == DefaultCadence {
		return Cadence{}, nil
	}
	return c, nil
}
