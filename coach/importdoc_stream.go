package coach

// Reading an export as a stream, one person or session at a time, within
// limits, so a huge or hostile file is refused as soon as it is seen.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"unicode/utf8"
)

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
