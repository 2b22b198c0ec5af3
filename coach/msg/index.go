package msg

import (
	"bytes"
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
				// Only JSON's escapes: \" \\ \/ \b \f \n \r \t \uXXXX.
				escaped = true
				i++
				if i >= len(raw) {
					return false, false
				}
				switch raw[i] {
				case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				case 'u':
					if i+4 >= len(raw) {
						return false, false
					}
					for _, h := range raw[i+1 : i+5] {
						if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
							return false, false
						}
					}
					i += 4
				default:
					return false, false
				}
			case c < 0x20:
				return false, false
			}
		}
		return false, false
	}
	// punct moves past c and the space after it.
	punct := func(c byte) bool {
		if i >= len(raw) || raw[i] != c {
			return false
		}
		i++
		space()
		return true
	}
	// pair moves past `"name": "value"`; with a value it moves past the
	// first string only, and says whether there was an escape in it.
	key := func() (string, bool) {
		start := i
		if esc, ok := str(); !ok || esc {
			return "", false
		}
		id := string(raw[start+1 : i-1])
		space()
		return id, utf8.ValidString(id) && punct(':')
	}
	m := make(map[string][]byte, 256)
	space()
	if !punct('{') {
		return nil, false
	}
	if punct('}') {
		return m, i == len(raw)
	}
	for {
		id, ok := key()
		if _, dup := m[id]; !ok || dup {
			return nil, false
		}
		start := i
		if punct('{') { // plural forms: strings by name
			for more := !punct('}'); more; {
				if _, ok := key(); !ok {
					return nil, false
				}
				if _, ok := str(); !ok {
					return nil, false
				}
				space()
				switch {
				case punct(','):
				case punct('}'):
					more = false
				default:
					return nil, false
				}
			}
		} else if _, ok := str(); !ok {
			return nil, false
		}
		m[id] = bytes.TrimRight(raw[start:i:i], " \t\r\n")
		space()
		switch {
		case punct(','):
		case punct('}'):
			return m, i == len(raw)
		default:
			return nil, false
		}
	}
}
