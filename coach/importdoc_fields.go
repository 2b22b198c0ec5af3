package coach

// The JSON field readers an import is checked with: each names the path of
// a field it refuses.

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(raw) == "null"
}

func kindOf(raw json.RawMessage) string {
	s := bytes.TrimSpace(raw) // not a copy: raw may be megabytes
	if len(s) == 0 {
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

// kindSaid is kindOf said in the language of the message.
func kindSaid(raw json.RawMessage) *Said {
	switch kindOf(raw) {
	case "nothing":
		return said("coach.import.kind.nothing")
	case "an object":
		return said("coach.import.kind.object")
	case "a list":
		return said("coach.import.kind.list")
	case "text":
		return said("coach.import.kind.text")
	case "true or false":
		return said("coach.import.kind.bool")
	case "null":
		return said("coach.import.kind.null")
	}
	return said("coach.import.kind.number")
}

// object reads a JSON object, refusing a key given twice (encoding/json
// would keep the last silently, so a field could say two things) and any
// key not in known (nil: any key, up to maxImportAnswers of them). The
// values are the object's own bytes, not copies.
func object(path string, raw json.RawMessage, known []string) (map[string]json.RawMessage, error) {
	if isNull(raw) || kindOf(raw) != "an object" {
		return nil, fault(path, "coach.import.notobject", "Kind", kindSaid(raw))
	}
	m := map[string]json.RawMessage{}
	// An unknown key is refused; if there are several, the first in
	// sorted order is named, so the message is the same every time. They
	// are not kept, so a hostile object costs nothing per key.
	bad, found := "", false
	err := eachMember(raw, func(kraw, v []byte) error {
		if known != nil && !keyIn(kraw, known) {
			k, _ := jsonKey(kraw)
			if !found || k < bad {
				bad, found = k, true
			}
			return nil
		}
		k, ok := jsonKey(kraw)
		if !ok {
			return errNotJSON
		}
		if _, twice := m[k]; twice {
			return fault(keyPath(path, k), "coach.import.twice")
		}
		if known == nil && len(m) >= maxImportAnswers {
			return fault(path, "coach.import.toomany", "Max", maxImportAnswers)
		}
		m[k] = v
		return nil
	})
	var ie *ImportError
	if errors.As(err, &ie) {
		return nil, ie
	}
	if err != nil {
		return nil, fault(path, "coach.import.notobject", "Kind", kindSaid(raw))
	}
	if found {
		return nil, fault(join(path, bad), "coach.import.unknown")
	}
	return m, nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// array reads a JSON list under key, refusing more than max items. The
// items are the list's own bytes, not copies.
func array(path string, m map[string]json.RawMessage, max int) ([]json.RawMessage, error) {
	raw, ok := m[lastKey(path)]
	if !ok {
		return nil, fault(path, "coach.import.missing")
	}
	if isNull(raw) || kindOf(raw) != "a list" {
		return nil, fault(path, "coach.import.notlist", "Kind", kindSaid(raw))
	}
	var items []json.RawMessage
	err := eachItem(raw, func(item []byte) error {
		if len(items) >= max {
			return fault(path, "coach.import.toomany", "Max", max)
		}
		items = append(items, item)
		return nil
	})
	var ie *ImportError
	if errors.As(err, &ie) {
		return nil, ie
	}
	if err != nil {
		return nil, fault(path, "coach.import.notlist", "Kind", kindSaid(raw))
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
			return "", fault(path, "coach.import.missing")
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
				return "", fault(path, "coach.import.cause", "Err", err)
			}
			return s, nil
		}
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", fault(path, "coach.import.nottext", "Kind", kindSaid(raw))
	}
	// Every text field, names included, follows the one rule on what text
	// may hold: an escape sequence or a hidden character is refused here,
	// with the field's path, rather than kept to act on a terminal later.
	if err := CheckText(s); err != nil {
		return "", fault(path, "coach.import.cause", "Err", err)
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
		return "", fault(path, "coach.import.toolong", "N", n, "Max", MaxAnswerLen)
	}
	return s, nil
}

// integer reads a whole number; a missing or null field is 0 (an error if required).
func integer(path string, m map[string]json.RawMessage, required bool) (int, error) {
	raw, ok := m[lastKey(path)]
	if !ok || isNull(raw) {
		if required {
			return 0, fault(path, "coach.import.missing")
		}
		return 0, nil
	}
	if kindOf(raw) != "a number" {
		return 0, fault(path, "coach.import.notnumber", "Kind", kindSaid(raw))
	}
	n, err := strconv.ParseInt(string(raw), 10, 32)
	if err != nil {
		return 0, fault(path, "coach.import.notwhole", "Typed", string(raw))
	}
	return int(n), nil
}

func idField(path string, raw json.RawMessage) (string, error) {
	if isNull(raw) {
		return "", fault(path, "coach.import.missing")
	}
	s, err := jsonString(path, raw)
	if err != nil {
		return "", err
	}
	if !ValidID(s) {
		return "", fault(path, "coach.import.id", "Typed", strconv.Quote(s))
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
		return time.Time{}, fault(path, "coach.import.time", "Typed", strconv.Quote(s))
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
	earliestYear  = 1950
	maxYearsAhead = 5
)

func plausible(path, text string, d Date) error {
	if d.Year < earliestYear {
		return fault(path, "coach.import.tooearly", "Typed", text, "Year", earliestYear)
	}
	today := DateOf(importNow())
	limit := Date{Year: today.Year + maxYearsAhead, Month: today.Month, Day: today.Day}
	if today.Month == time.February && today.Day == 29 {
		limit.Day = 28
	}
	if limit.Before(d) {
		return fault(path, "coach.import.toolate", "Typed", text, "Years", maxYearsAhead)
	}
	return nil
}

// dateField reads a YYYY-MM-DD calendar date; a missing field is the zero
// Date (an error if required).
func dateField(path string, m map[string]json.RawMessage, required bool) (Date, error) {
	s, err := str(path, m, required)
	if err != nil || s == "" {
		if err == nil && required {
			err = fault(path, "coach.import.empty")
		}
		return Date{}, err
	}
	var d Date
	if err := d.UnmarshalText([]byte(s)); err != nil {
		return Date{}, fault(path, "coach.import.date", "Typed", strconv.Quote(s))
	}
	if err := d.Check(); err != nil {
		return Date{}, fault(path, "coach.import.cause", "Err", err)
	}
	if err := plausible(path, s, d); err != nil {
		return Date{}, err
	}
	return d, nil
}

var cadenceWords = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^every (?:(\d{1,3}) )?(week|weeks|month|months)$`)
})

// ParseCadence reads a cadence as Cadence.String writes it: "every week",
// "every 6 weeks", "every month", "every 3 months". The default (every 3
// months) comes back as the zero Cadence, as a person who never chose one
// is stored.
func ParseCadence(s string) (Cadence, error) {
	m := cadenceWords().FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return Cadence{}, said("coach.import.cadence", "Typed", strconv.Quote(s))
	}
	n := 1
	if m[1] != "" {
		n, _ = strconv.Atoi(m[1])
	}
	if n < 1 {
		return Cadence{}, said("coach.import.cadencezero", "Typed", strconv.Quote(s))
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
