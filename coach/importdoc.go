package coach

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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

// ParseImport is ParseImportReader over bytes held in memory.
func ParseImport(raw []byte) (*ImportDoc, error) {
	return ParseImportReader(bytes.NewReader(raw))
}

// ParseImportReader reads an attend-export JSON document strictly, as a
// stream: one person or session at a time, each refused as soon as it is
// bigger than attend accepts, so a huge file costs no more memory than the
// records it holds. Any fault (a different format or version, a field this
// attend does not know, a field given twice, text holding characters
// attend does not keep (CheckText), a bad id, rating or owner, a date
// before 1950 or more than five years ahead, a session whose person is not
// in the document, a duplicate) rejects the whole document with an
// *ImportError naming the field. It never panics, whatever the bytes
// (FuzzParseImport).
func ParseImportReader(r io.Reader) (*ImportDoc, error) {
	br := &budgetReader{r: r}
	br.allow(maxHeadBytes)
	dec := json.NewDecoder(br)
	// fail turns a decoder error into a fault at path.
	fail := func(path, what string, limit int, err error) error {
		switch {
		case br.tooBig:
			return faultAt("", "the file is larger than %s, far beyond any attend export", sizeOf(MaxImportBytes))
		case br.over:
			return faultAt(path, "is larger than the %s attend accepts for %s", sizeOf(limit), what)
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return faultAt(path, "the file ends too soon: it was cut short, so it is not a whole attend export")
		}
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			return faultAt(path, "is not valid JSON, so the file is not an attend export (%v)", err)
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return faultAt(path, "should be %s, not %s", what, te.Value)
		}
		var ie *ImportError
		if errors.As(err, &ie) {
			return ie
		}
		return faultAt(path, "cannot be read: %v", err)
	}

	tok, err := dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, faultAt("", "the file is empty, so it is not an attend export")
		}
		return nil, fail("", "the file", maxHeadBytes, err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, faultAt("", "the file should hold a JSON object, not %s, so it is not an attend export", kindOfToken(tok))
	}

	var doc ImportDoc
	top := map[string]json.RawMessage{}
	version := 0 // the export's version, once read
	var waiting []json.RawMessage
	seenKeys := map[string]bool{}
	byID := map[string]int{}
	byName := map[string]int{}
	seen := map[string]int{}
	addSession := func(n int, raw json.RawMessage) error {
		path := fmt.Sprintf("sessions[%d]", n)
		s, err := parseSession(path, raw, version)
		if err != nil {
			return err
		}
		if j, dup := seen[s.ID]; dup {
			return faultAt(path+".id", "%s is also sessions[%d]", s.ID, j)
		}
		seen[s.ID] = n
		doc.Sessions = append(doc.Sessions, s)
		return nil
	}
	for dec.More() {
		br.allow(maxHeadBytes)
		tok, err := dec.Token()
		if err != nil {
			return nil, fail("", "a field name", maxHeadBytes, err)
		}
		key, _ := tok.(string)
		if seenKeys[key] {
			return nil, faultAt(key, "is given twice: an export holds each field once, so this file was changed by hand or by another program")
		}
		seenKeys[key] = true
		if !slices.Contains(docFields, key) {
			return nil, faultAt(key, "is not a field this attend knows (an export from a newer attend? update attend)")
		}
		switch key {
		case "people", "sessions":
			what, limit, max := "one person", maxPersonBytes, maxImportPeople
			if key == "sessions" {
				what, limit, max = "one session", maxSessionBytes, maxImportSessions
			}
			if err := expectDelim(dec, '[', key); err != nil {
				return nil, fail(key, "a list", limit, err)
			}
			n := 0
			for ; ; n++ {
				path := fmt.Sprintf("%s[%d]", key, n)
				br.allow(limit) // white space before an entry counts towards it
				if !dec.More() {
					if br.over || br.tooBig {
						return nil, fail(path, what, limit, errBudget)
					}
					break
				}
				if n >= max {
					return nil, faultAt(key, "has more than the %d entries attend accepts", max)
				}
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return nil, fail(path, what, limit, err)
				}
				if err := checkRaw(path, raw); err != nil {
					return nil, err
				}
				if key == "people" {
					p, err := parsePerson(path, raw)
					if err != nil {
						return nil, err
					}
					if j, dup := byID[p.ID]; dup {
						return nil, faultAt(path+".id", "%s is also people[%d]", p.ID, j)
					}
					if j, dup := byName[Fold(p.Name)]; dup {
						return nil, faultAt(path+".name", "%q is the same name as people[%d]", p.Name, j)
					}
					byID[p.ID] = n
					byName[Fold(p.Name)] = n
					doc.People = append(doc.People, p)
					continue
				}
				if version == 0 {
					// attend writes the version first; a file whose keys were
					// sorted by another tool has it after the sessions, which
					// wait for it (the total is bounded as ever).
					waiting = append(waiting, raw)
					continue
				}
				if err := addSession(n, raw); err != nil {
					return nil, err
				}
			}
			if err := expectDelim(dec, ']', key); err != nil {
				return nil, fail(fmt.Sprintf("%s[%d]", key, n), what, limit, err)
			}
			top[key] = json.RawMessage("[]") // read; present
		default:
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, fail(key, "a value", maxHeadBytes, err)
			}
			if err := checkRaw(key, raw); err != nil {
				return nil, err
			}
			top[key] = raw
			// Judge the format as soon as it is seen, so that another
			// program's JSON is refused before its lists are read.
			if err := checkHead(top, key); err != nil {
				return nil, err
			}
			if key == "version" {
				version, _ = integer("version", top, true)
			}
		}
	}
	br.allow(maxHeadBytes)
	if err := expectDelim(dec, '}', ""); err != nil {
		return nil, fail("", "the file", maxHeadBytes, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		if br.over || br.tooBig || err != nil {
			return nil, fail("", "the end of the file", maxHeadBytes, err)
		}
		return nil, faultAt("", "there is more after the end of the export: the file was joined to something else, so it is not one attend export")
	}
	for _, k := range []string{"format", "version"} {
		if err := checkHead(top, k); err != nil {
			return nil, err
		}
	}
	for n, raw := range waiting {
		if err := addSession(n, raw); err != nil {
			return nil, err
		}
	}
	if doc.Exported, err = timeField("exported", top, false); err != nil {
		return nil, err
	}
	for _, k := range []string{"people", "sessions"} {
		if _, ok := top[k]; !ok {
			return nil, faultAt(k, "is missing")
		}
	}
	for i, s := range doc.Sessions {
		if _, ok := byID[s.PersonID]; !ok {
			return nil, faultAt(fmt.Sprintf("sessions[%d].person_id", i), "%s is not among the people of this export", s.PersonID)
		}
	}
	return &doc, nil
}

// checkHead judges the format or version field, if key is one of them.
func checkHead(top map[string]json.RawMessage, key string) error {
	switch key {
	case "format":
		format, err := str("format", top, true)
		if err != nil {
			return err
		}
		if format != ExportFormat {
			return faultAt("format", "%q is not an attend export (want %q)", format, ExportFormat)
		}
	case "version":
		version, err := integer("version", top, true)
		if err != nil {
			return err
		}
		if version < 1 || version > ExportVersion {
			return faultAt("version", "%d is not an export version this attend reads (1 to %d): update attend", version, ExportVersion)
		}
	}
	return nil
}

func expectDelim(dec *json.Decoder, want json.Delim, path string) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		what := "a list"
		if want == '}' {
			what = "the end of the object"
		}
		return faultAt(path, "should be %s, not %s", what, kindOfToken(tok))
	}
	return nil
}

func kindOfToken(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			return "an object"
		}
		if v == '[' {
			return "a list"
		}
		return "the end of one"
	case string:
		return "text"
	case bool:
		return "true or false"
	case nil:
		return "null"
	}
	return "a number"
}

func sizeOf(n int) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

// budgetReader counts what the decoder reads, and fails the read that
// would take one value past its allowance (allow) or the file past
// MaxImportBytes, so nothing bigger is ever held.
type budgetReader struct {
	r      io.Reader
	total  int64
	limit  int64
	over   bool // the current value is too big
	tooBig bool // the file is too big
}

var errBudget = errors.New("over the size limit")

func (b *budgetReader) allow(n int) { b.limit = min(b.total+int64(n), MaxImportBytes+1) }

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.total >= b.limit {
		if b.total > MaxImportBytes {
			b.tooBig = true
		} else {
			b.over = true
		}
		return 0, errBudget
	}
	if room := b.limit - b.total; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := b.r.Read(p)
	b.total += int64(n)
	return n, err
}

// checkRaw checks one value's bytes before its fields are read: UTF-8, and
// no object anywhere in it giving a key twice (encoding/json would keep the
// last silently, so a field could say two things).
func checkRaw(path string, raw json.RawMessage) error {
	if !utf8.Valid(raw) {
		return faultAt(path, "holds bytes that are not UTF-8 text, so the file is not an attend export")
	}
	type frame struct {
		obj     bool
		keys    map[string]bool
		path    string
		key     string
		n       int
		wantKey bool
	}
	var stack []*frame
	valuePath := func() string {
		if len(stack) == 0 {
			return path
		}
		f := stack[len(stack)-1]
		if f.obj {
			return keyPath(f.path, f.key)
		}
		return fmt.Sprintf("%s[%d]", f.path, f.n)
	}
	done := func() { // a value of the frame on top has been read
		if len(stack) == 0 {
			return
		}
		if f := stack[len(stack)-1]; f.obj {
			f.wantKey = true
		} else {
			f.n++
		}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return faultAt(path, "is not valid JSON (%v)", err)
		}
		if n := len(stack); n > 0 && stack[n-1].obj && stack[n-1].wantKey {
			f := stack[n-1]
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:n-1]
				done()
				continue
			}
			k, _ := tok.(string)
			if f.keys[k] {
				return faultAt(keyPath(f.path, k), "is given twice: an export holds each field once, so this file was changed by hand or by another program")
			}
			f.keys[k], f.key, f.wantKey = true, k, false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{obj: true, keys: map[string]bool{}, path: valuePath(), wantKey: true})
		case json.Delim('['):
			stack = append(stack, &frame{path: valuePath()})
		case json.Delim(']'), json.Delim('}'):
			stack = stack[:len(stack)-1]
			done()
		default:
			done()
		}
	}
}

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
		apath := answerPath(path+".answers", id)
		if id == "" || len(id) > maxPromptIDLen || strings.IndexFunc(id, unicode.IsControl) >= 0 || CheckText(id) != nil {
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
			s := string(raw[1 : n-1])
			if err := CheckText(s); err != nil {
				return "", faultAt(path, "%v", err)
			}
			return s, nil
		}
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", faultAt(path, "should be text, not %s", kindOf(raw))
	}
	// Every text field, names included, follows the one rule on what text
	// may hold: an escape sequence or a hidden character is refused here,
	// with the field's path, rather than kept to act on a terminal later.
	if err := CheckText(s); err != nil {
		return "", faultAt(path, "%v", err)
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
	if t.IsZero() { // how Go writes a time never set: judged as missing by the caller
		return t, nil
	}
	if err := plausible(path, s, DateOf(t)); err != nil {
		return time.Time{}, err
	}
	return t, nil
}

// The dates an import accepts: within a working life. Anything earlier, or
// further ahead, is a mistake (a year typed wrong, a placeholder such as
// 9999-12-31 or 0001-01-01) that would sort and count wrongly for ever.
const (
	earliestYear    = 1950
	maxYearsAhead   = 5
	plausibleReason = "no attend record is dated then, so the date must be wrong: correct it in the file, or leave it out if the field is optional"
)

func plausible(path, text string, d Date) error {
	if d.Year < earliestYear {
		return faultAt(path, "%s is before %d: %s", text, earliestYear, plausibleReason)
	}
	today := DateOf(importNow())
	limit := Date{Year: today.Year + maxYearsAhead, Month: today.Month, Day: today.Day}
	if today.Month == time.February && today.Day == 29 {
		limit.Day = 28
	}
	if limit.Before(d) {
		return faultAt(path, "%s is more than %d years from now: %s", text, maxYearsAhead, plausibleReason)
	}
	return nil
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
	if err := plausible(path, s, d); err != nil {
		return Date{}, err
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
