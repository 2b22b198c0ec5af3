package data

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"attend/coach"
)

// appendSessionRecord appends exactly what json.Marshal writes for
// sessionRecord{V: v, Session: *s}, without reflection: encoding/json was
// a fifth of a batch's CPU (demo, import). Anything the hand-written path
// cannot write as encoding/json would (a time JSON cannot hold) is handed
// to json.Marshal itself, so the bytes and the errors are always its own.
// TestAppendSessionRecordIsMarshal and FuzzAppendSessionRecord compare the
// two.
func appendSessionRecord(dst []byte, v int, s *coach.Session) ([]byte, error) {
	n := len(dst)
	if out, ok := appendSessionJSON(dst, v, s); ok {
		return out, nil
	}
	b, err := json.Marshal(sessionRecord{V: v, Session: *s})
	if err != nil {
		return dst[:n], err
	}
	return append(dst[:n], b...), nil
}

// recEnc writes compact JSON; ok turns false at a value it cannot write
// as encoding/json would. The bytes are passed in and returned, as in
// coach's export encoder. keys is room for a map's keys, to sort them.
type recEnc struct {
	ok   bool
	keys []string
}

func (e *recEnc) time(b []byte, t time.Time) []byte {
	b = append(b, '"')
	out, err := t.AppendText(b) // what Time.MarshalJSON writes, and refuses
	if err != nil {
		e.ok = false
		return b
	}
	return append(out, '"')
}

func appendDateJSON(b []byte, d coach.Date) []byte {
	b = append(b, '"')
	b = d.AppendISO(b) // Date.MarshalText: digits and dashes, nothing to escape
	return append(b, '"')
}

func appendSessionJSON(b []byte, v int, s *coach.Session) ([]byte, bool) {
	var room [64]string
	e := recEnc{ok: true, keys: room[:0]}
	b = append(b, `{"v":`...)
	b = strconv.AppendInt(b, int64(v), 10)
	b = append(b, `,"id":`...)
	b = coach.AppendJSONString(b, s.ID)
	b = append(b, `,"person_id":`...)
	b = coach.AppendJSONString(b, s.PersonID)
	b = append(b, `,"lang":`...)
	b = coach.AppendJSONString(b, s.Lang)
	b = append(b, `,"date":`...)
	b = appendDateJSON(b, s.Date)
	b = append(b, `,"created":`...)
	b = e.time(b, s.Created)
	b = append(b, `,"updated":`...)
	b = e.time(b, s.Updated)
	if !s.Saved.IsZero() {
		b = append(b, `,"saved":`...)
		b = e.time(b, s.Saved)
	}
	b = e.answers(b, `,"prep":`, s.Prep)
	b = e.answers(b, `,"record":`, s.Record)
	b = append(b, `,"actions":`...)
	if s.Actions == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range s.Actions {
			a := &s.Actions[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"id":`...)
			b = coach.AppendJSONString(b, a.ID)
			b = append(b, `,"text":`...)
			b = coach.AppendJSONString(b, a.Text)
			b = append(b, `,"owner":`...)
			b = coach.AppendJSONString(b, string(a.Owner))
			if !a.Due.IsZero() {
				b = append(b, `,"due":`...)
				b = appendDateJSON(b, a.Due)
			}
			b = append(b, `,"status":`...)
			b = coach.AppendJSONString(b, string(a.Status))
			if a.Reason != "" {
				b = append(b, `,"reason":`...)
				b = coach.AppendJSONString(b, a.Reason)
			}
			b = append(b, `,"created":`...)
			b = e.time(b, a.Created)
			if !a.Closed.IsZero() {
				b = append(b, `,"closed":`...)
				b = e.time(b, a.Closed)
			}
			if a.Outcome != "" {
				b = append(b, `,"outcome":`...)
				b = coach.AppendJSONString(b, string(a.Outcome))
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = e.answers(b, `,"reflection":`, s.Reflection)
	if len(s.Asked) > 0 {
		b = append(b, `,"asked":{`...)
		e.keys = sortedKeys(e.keys[:0], s.Asked)
		for i, k := range e.keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = coach.AppendJSONString(b, k)
			b = append(b, ':')
			b = coach.AppendJSONString(b, s.Asked[k])
		}
		b = append(b, '}')
	}
	if s.Position != (coach.Position{}) {
		b = append(b, `,"position":{`...)
		comma := false
		if s.Position.Item != "" {
			b = append(b, `"item":`...)
			b = coach.AppendJSONString(b, s.Position.Item)
			comma = true
		}
		if s.Position.Field != 0 {
			if comma {
				b = append(b, ',')
			}
			b = append(b, `"field":`...)
			b = strconv.AppendInt(b, int64(s.Position.Field), 10)
		}
		b = append(b, '}')
	}
	if s.Writer != "" {
		b = append(b, `,"writer":`...)
		b = coach.AppendJSONString(b, s.Writer)
	}
	if !s.Base.IsZero() {
		b = append(b, `,"base":`...)
		b = e.time(b, s.Base)
	}
	if s.Left {
		b = append(b, `,"left":true`...)
	}
	if !s.Agreed.IsZero() {
		b = append(b, `,"agreed":`...)
		b = appendDateJSON(b, s.Agreed)
	}
	if len(s.Addenda) > 0 {
		b = append(b, `,"addenda":[`...)
		for i, a := range s.Addenda {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"at":`...)
			b = e.time(b, a.At)
			b = append(b, `,"text":`...)
			b = coach.AppendJSONString(b, a.Text)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}'), e.ok
}

// answers writes a part's answers under name (",\"prep\":"), keys
// sorted, or nothing when there are none (omitempty).
func (e *recEnc) answers(b []byte, name string, m map[string]coach.Answer) []byte {
	if len(m) == 0 {
		return b
	}
	b = append(b, name...)
	b = append(b, '{')
	e.keys = sortedKeys(e.keys[:0], m)
	for i, k := range e.keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = coach.AppendJSONString(b, k)
		a := m[k]
		b = append(b, ':', '{')
		comma := false
		if a.Text != "" {
			b = append(b, `"text":`...)
			b = coach.AppendJSONString(b, a.Text)
			comma = true
		}
		if a.Rating != 0 {
			if comma {
				b = append(b, ',')
			}
			b = append(b, `"rating":`...)
			b = strconv.AppendInt(b, int64(a.Rating), 10)
			comma = true
		}
		if !a.Date.IsZero() {
			if comma {
				b = append(b, ',')
			}
			b = append(b, `"date":`...)
			b = appendDateJSON(b, a.Date)
			comma = true
		}
		if a.Together {
			if comma {
				b = append(b, ',')
			}
			b = append(b, `"together":true`...)
		}
		b = append(b, '}')
	}
	return append(b, '}')
}

// sortedKeys appends m's keys to keys, in the order encoding/json writes
// them.
func sortedKeys[V any](keys []string, m map[string]V) []string {
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, strings.Compare)
	return keys
}
