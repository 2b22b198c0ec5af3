package msg

import (
	"encoding/json"
	"errors"
	"unicode/utf8"
)

// indexCatalogue reads a catalogue file, a JSON object whose values are
// strings or objects of plural forms, into each message's JSON as
// written (slices of raw). It is one pass over the bytes, where
// encoding/json took about 0.35 ms a file and go-i18n's parse 0.9 ms.
// Anything it is not sure of (an escape in an id, a repeated id, nesting,
// a number) it leaves to encoding/json, whose reading it must agree with
// (FuzzIndexCatalogue).
func indexCatalogue(raw []byte) (map[string][]byte, error) {
	if m, ok := quickIndex(raw); ok {
		return m, nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	if m == nil {
		return nil, errors.New("not a JSON object")
	}
	out := make(map[string][]byte, len(m))
	for id, v := range m {
		switch {
		case len(v) > 0 && v[0] == '"':
		case len(v) > 0 && v[0] == '{':
			var f map[string]string
			if err := json.Unmarshal(v, &f); err != nil {
				return nil, errors.New(id + ": neither a message nor plural forms")
			}
		default:
			return nil, errors.New(id + ": neither a message nor plural forms")
		}
		out[id] = v
	}
	return out, nil
}

// quickIndex is indexCatalogue for a file as attend's catalogues are
// written; ok is false for anything else.
func quickIndex(raw []byte) (map[string][]byte, bool) {
	i := 0
	space := func() {
		for i < len(raw) && (raw[i] == ' ' || raw[i] == '\n' || raw[i] == '\t' || raw[i] == '\r') {
			i++
		}
	}
	// str moves past a string starting at i, and says whether it holds an
	// escape; ok is false at a control character or the end.
	str := func() (escaped, ok bool) {
		if i >= len(raw) || raw[i] != '"' {
			return false, false
		}
		for i++; i < len(raw); i++ {
			switch c := raw[i]; {
			case c == '"':
				i++
				return escaped, true
			case c == '\\':
				escaped = true
				i++
			case c < 0x20:
				return false, false
			}
		}
		return false, false
	}
	m := make(map[string][]byte, 256)
	space()
	if i >= len(raw) || raw[i] != '{' {
		return nil, false
	}
	i++
	space()
	if i < len(raw) && raw[i] == '}' {
		i++
		space()
		return m, i == len(raw)
	}
	for {
		start := i
		if esc, ok := str(); !ok || esc {
			return nil, false
		}
		id := string(raw[start+1 : i-1])
		if _, dup := m[id]; dup || !utf8.ValidString(id) {
			return nil, false
		}
		space()
		if i >= len(raw) || raw[i] != ':' {
			return nil, false
		}
		i++
		space()
		start = i
		switch {
		case i < len(raw) && raw[i] == '"':
			if _, ok := str(); !ok {
				return nil, false
			}
		case i < len(raw) && raw[i] == '{':
			i++
			space()
			for first := true; ; first = false {
				if first && i < len(raw) && raw[i] == '}' {
					break
				}
				if _, ok := str(); !ok {
					return nil, false
				}
				space()
				if i >= len(raw) || raw[i] != ':' {
					return nil, false
				}
				i++
				space()
				if _, ok := str(); !ok {
					return nil, false
				}
				space()
				if i < len(raw) && raw[i] == ',' {
					i++
					space()
					continue
				}
				if i < len(raw) && raw[i] == '}' {
					break
				}
				return nil, false
			}
			i++
		default:
			return nil, false
		}
		m[id] = raw[start:i:i]
		space()
		if i < len(raw) && raw[i] == ',' {
			i++
			space()
			continue
		}
		if i < len(raw) && raw[i] == '}' {
			i++
			space()
			return m, i == len(raw)
		}
		return nil, false
	}
}
