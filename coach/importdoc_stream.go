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
	"strconv"
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
	return parseImportReader(r, importLimits{person: maxPersonBytes, session: maxSessionBytes, head: maxHeadBytes})
}

// importLimits are the most one value may take: a person, a session, any
// other top-level value. Tests and the fuzz target read with smaller ones.
type importLimits struct{ person, session, head int }

func parseImportReader(r io.Reader, lim importLimits) (*ImportDoc, error) {
	js := newJSONStream(r)
	js.allow(lim.head)
	// fail turns a reading error into a fault at path.
	// what is the catalogue id of what was being read (coach.import.what.…).
	fail := func(path, what string, limit int, err error) error {
		switch {
		case js.tooBig:
			return fault("", "coach.import.filetoolarge", "Size", sizeOf(MaxImportBytes))
		case js.over:
			return fault(path, "coach.import.toolarge", "Size", sizeOf(limit), "What", said(what))
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return fault(path, "coach.import.short")
		}
		var syntax *json.SyntaxError
		var own *jsonSyntaxError
		if errors.As(err, &syntax) || errors.As(err, &own) {
			return fault(path, "coach.import.notjson", "Err", jsonWhy(err))
		}
		var ie *ImportError
		if errors.As(err, &ie) {
			return ie
		}
		return fault(path, "coach.import.cantread", "Err", err)
	}

	c, err := js.peek()
	if err != nil {
		if errors.Is(err, io.EOF) && !js.over && !js.tooBig {
			return nil, fault("", "coach.import.emptyfile")
		}
		return nil, fail("", "coach.import.what.file", lim.head, err)
	}
	if c != '{' {
		raw, err := js.value()
		if err != nil {
			return nil, fail("", "coach.import.what.file", lim.head, err)
		}
		return nil, fault("", "coach.import.notexport", "Kind", kindSaid(raw))
	}
	js.take(1)

	var doc ImportDoc
	top := map[string]json.RawMessage{}
	version := 0 // the export's version, once read
	var waiting []json.RawMessage
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
			return fault(path+".id", "coach.import.dupsession", "ID", s.ID, "N", j)
		}
		seen[s.ID] = n
		doc.Sessions = append(doc.Sessions, s)
		return nil
	}
	for first := true; ; first = false {
		js.allow(lim.head)
		c, err := js.peek()
		if err != nil {
			return nil, fail("", "coach.import.what.key", lim.head, err)
		}
		if c == '}' {
			js.take(1)
			break
		}
		if !first {
			if err := js.expect(',', "after object key:value pair"); err != nil {
				return nil, fail("", "coach.import.what.key", lim.head, err)
			}
		}
		raw, err := js.value()
		if err == nil && raw[0] != '"' {
			err = badChar(raw[0], "looking for beginning of object key string")
		}
		if err != nil {
			return nil, fail("", "coach.import.what.key", lim.head, err)
		}
		key, _ := jsonKey(raw)
		if err := js.expect(':', "after object key"); err != nil {
			return nil, fail(key, "coach.import.what.key", lim.head, err)
		}
		if _, twice := top[key]; twice {
			return nil, fault(key, "coach.import.twice")
		}
		if !slices.Contains(docFields, key) {
			return nil, fault(key, "coach.import.unknown")
		}
		switch key {
		case "people", "sessions":
			what, limit, max := "coach.import.what.person", lim.person, maxImportPeople
			if key == "sessions" {
				what, limit, max = "coach.import.what.session", lim.session, maxImportSessions
			}
			// Until its '[' the value has the allowance of any other.
			if c, err := js.peek(); err != nil || c != '[' {
				if err == nil {
					raw, err := js.value()
					if err != nil {
						return nil, fail(key, "coach.import.what.value", lim.head, err)
					}
					return nil, fault(key, "coach.import.notlist", "Kind", kindSaid(raw))
				}
				return nil, fail(key, "coach.import.what.value", lim.head, err)
			}
			js.take(1)
			n := 0
			for ; ; n++ {
				path := fmt.Sprintf("%s[%d]", key, n)
				js.allow(limit) // white space before an entry counts towards it
				c, err := js.peek()
				if err != nil {
					return nil, fail(path, what, limit, err)
				}
				if c == ']' {
					js.take(1)
					break
				}
				if n > 0 {
					if err := js.expect(',', "after array element"); err != nil {
						return nil, fail(path, what, limit, err)
					}
				}
				if n >= max {
					return nil, fault(key, "coach.import.toomany", "Max", max)
				}
				raw, err := js.value()
				if err != nil {
					return nil, fail(path, what, limit, err)
				}
				if !utf8.Valid(raw) {
					return nil, fault(path, "coach.import.notutf8")
				}
				if key == "people" {
					p, err := parsePerson(path, raw)
					if err != nil {
						return nil, err
					}
					if j, dup := byID[p.ID]; dup {
						return nil, fault(path+".id", "coach.import.dupperson", "ID", p.ID, "N", j)
					}
					if j, dup := byName[Fold(p.Name)]; dup {
						return nil, fault(path+".name", "coach.import.dupname", "Typed", strconv.Quote(p.Name), "N", j)
					}
					byID[p.ID] = n
					byName[Fold(p.Name)] = n
					doc.People = append(doc.People, p)
					continue
				}
				if version == 0 {
					// attend writes the version first; a file whose keys were
					// sorted by another tool has it after the sessions, which
					// wait for it (the total is bounded as ever). The reader's
					// buffer is reused, so they wait in a copy.
					waiting = append(waiting, bytes.Clone(raw))
					continue
				}
				if err := addSession(n, raw); err != nil {
					return nil, err
				}
			}
			top[key] = json.RawMessage("[]") // read; present
		default:
			raw, err := js.value()
			if err != nil {
				return nil, fail(key, "coach.import.what.value", lim.head, err)
			}
			if err := checkRaw(key, raw); err != nil {
				return nil, err
			}
			top[key] = bytes.Clone(raw)
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
	js.allow(lim.head)
	if _, err := js.peek(); !errors.Is(err, io.EOF) || js.over || js.tooBig {
		if js.over || js.tooBig || err != nil {
			return nil, fail("", "coach.import.what.end", lim.head, err)
		}
		return nil, fault("", "coach.import.trailing")
	}
	js.buf = nil // the largest record's buffer is not kept while the rest is checked
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
			return nil, fault(k, "coach.import.missing")
		}
	}
	for i, s := range doc.Sessions {
		if _, ok := byID[s.PersonID]; !ok {
			return nil, fault(fmt.Sprintf("sessions[%d].person_id", i), "coach.import.nopersonid", "ID", s.PersonID)
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
			return fault("format", "coach.import.format", "Typed", strconv.Quote(format), "Want", strconv.Quote(ExportFormat))
		}
	case "version":
		version, err := integer("version", top, true)
		if err != nil {
			return err
		}
		if version < 1 || version > ExportVersion {
			return fault("version", "coach.import.version", "N", version, "Max", ExportVersion)
		}
	}
	return nil
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

var errBudget = errors.New("over the size limit")

// checkRaw checks one value's bytes before its fields are read: UTF-8, and
// no object anywhere in it giving a key twice (encoding/json would keep the
// last silently, so a field could say two things).
func checkRaw(path string, raw json.RawMessage) error {
	if !utf8.Valid(raw) {
		return fault(path, "coach.import.notutf8")
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
			return fault(path, "coach.import.badjson", "Err", jsonWhy(err))
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
				return fault(keyPath(f.path, k), "coach.import.twice")
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
