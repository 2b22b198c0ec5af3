package coach

// The JSON an import is read with: a reader that takes one value at a time
// from the file into one buffer, refusing it as soon as it is over its
// allowance, and splitters that find an object's fields and a list's items
// in that buffer without copying them. encoding/json's Decoder kept a
// buffer twice the largest value for the rest of the file and its values
// were copied again at every level (the record, each object, the
// duplicate-key check): a session at the 8 MiB limit took about 45 MiB.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"attend/coach/msg"
)

// maxJSONDepth is how deeply values may nest, as in encoding/json.
const maxJSONDepth = 10000

// jsonSyntaxError is a fault in the JSON itself, found by the stream reader:
// its English (as encoding/json words it) and the character at fault, if
// it names one, as the file has it ('x').
type jsonSyntaxError struct{ msg, char string }

func (e *jsonSyntaxError) Error() string { return e.msg }

// Text is the fault in l: the kind of fault encoding/json names (an
// unexpected character and where it was met, the JSON ending too soon),
// with the character at fault as the file has it; a sentence of
// encoding/json's that attend does not know is said as the character at
// fault, else only that the JSON is not valid.
func (e *jsonSyntaxError) Text(l *msg.Lang) string {
	if l == nil || l.Code == "en" {
		return e.msg
	}
	if id, ok := jsonSentences[e.msg]; ok {
		return l.T(id)
	}
	if m := jsonCharAt().FindStringSubmatch(e.msg); m != nil {
		rest := strings.TrimPrefix(e.msg[len(m[0]):], " ")
		if id, ok := jsonWheres[rest]; ok {
			return l.T(id, "Char", m[1])
		}
		if w := jsonLiteralAt().FindStringSubmatch(rest); w != nil {
			return l.T("coach.json.char.literal", "Char", m[1], "Word", w[1], "Want", w[2])
		}
	}
	if e.char != "" {
		return l.T("coach.json.char", "Char", e.char)
	}
	return l.T("coach.json.invalid")
}

// jsonSentences are encoding/json's (and the stream reader's) whole
// sentences for a fault, by their catalogue ids.
var jsonSentences = map[string]string{
	"unexpected end of JSON input":       "coach.json.end",
	"expected comma after array element": "coach.json.comma",
	"expected colon after object key":    "coach.json.colon",
	"not at beginning of value":          "coach.json.notvalue",
	"invalid JSON":                       "coach.json.invalid",
	"not valid JSON":                     "coach.json.invalid",
}

// jsonWheres are where encoding/json met an unexpected character ("invalid
// character 'x' after object key"), by the catalogue ids of the fault.
var jsonWheres = map[string]string{
	"looking for beginning of value":             "coach.json.char.value",
	"looking for beginning of object key string": "coach.json.char.key",
	"after object key":                           "coach.json.char.afterkey",
	"after object key:value pair":                "coach.json.char.afterpair",
	"after array element":                        "coach.json.char.afteritem",
	"after top-level value":                      "coach.json.char.aftertop",
	"in string literal":                          "coach.json.char.string",
	"in string escape code":                      "coach.json.char.escape",
	`in \u hexadecimal character escape`:         "coach.json.char.hex",
	"in numeric literal":                         "coach.json.char.number",
	"after decimal point in numeric literal":     "coach.json.char.decimal",
	"in exponent of numeric literal":             "coach.json.char.exponent",
	"exceeded max depth":                         "coach.json.char.deep",
}

// jsonLiteralAt finds the word and the letter encoding/json wanted in a
// fault within true, false or null ("in literal true (expecting 'r')").
var jsonLiteralAt = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^in literal (true|false|null) \(expecting ('.')\)$`)
})

// badChar is encoding/json's fault for an unexpected character c, and
// where it was met (after: "looking for beginning of value").
func badChar(c byte, after string) error {
	return &jsonSyntaxError{fmt.Sprintf("invalid character %s %s", quoteChar(c), after), quoteChar(c)}
}

// jsonCharAt finds the character encoding/json names in its account of a
// fault ("invalid character 'x' after object key").
var jsonCharAt = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^invalid character ('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")`)
})

// jsonWhy is a fault in the JSON, found by the stream reader or by
// encoding/json, as one that can say itself in a language; any other error
// as it is.
func jsonWhy(err error) error {
	var own *jsonSyntaxError
	if errors.As(err, &own) {
		return own
	}
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) || errors.Is(err, errNotJSON) {
		e := &jsonSyntaxError{msg: err.Error()}
		if m := jsonCharAt().FindStringSubmatch(e.msg); m != nil {
			e.char = m[1]
		}
		return e
	}
	return err
}

// jsonStream reads JSON values one at a time from r. Every byte it takes
// (white space included) counts towards the allowance set by allow, and
// the whole file towards MaxImportBytes.
type jsonStream struct {
	r        io.Reader
	chunk    []byte // read from r; chunk[pos:end] not yet taken
	pos, end int
	rerr     error // r's error, once it gave one
	total    int64 // bytes taken
	limit    int64 // the allowance ends at this total
	over     bool  // the current value is too big
	tooBig   bool  // the file is too big
	buf      []byte
	grown    bool // the buffer grew past 1 MiB for this value
}

func newJSONStream(r io.Reader) *jsonStream {
	return &jsonStream{r: r, chunk: make([]byte, 64<<10)}
}

func (s *jsonStream) allow(n int) { s.limit = min(s.total+int64(n), MaxImportBytes+1) }

// avail is what can be taken now: the unread bytes of the chunk, read
// again from r when it is empty, within the allowance. It is empty with an
// error at the end of the file (io.EOF), on a read error, or when the
// allowance is spent (errBudget).
func (s *jsonStream) avail() ([]byte, error) {
	if s.total >= s.limit {
		if s.total > MaxImportBytes {
			s.tooBig = true
		} else {
			s.over = true
		}
		return nil, errBudget
	}
	for s.pos == s.end {
		if s.rerr != nil {
			return nil, s.rerr
		}
		n, err := s.r.Read(s.chunk)
		s.pos, s.end, s.rerr = 0, n, err
		if n == 0 && err == nil {
			continue
		}
	}
	b := s.chunk[s.pos:s.end]
	if room := s.limit - s.total; int64(len(b)) > room {
		b = b[:room]
	}
	return b, nil
}

func (s *jsonStream) take(n int) {
	s.pos += n
	s.total += int64(n)
}

// peek skips white space and returns the next byte, not taking it.
func (s *jsonStream) peek() (byte, error) {
	for {
		b, err := s.avail()
		if err != nil {
			return 0, err
		}
		i := 0
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		s.take(i)
		if i < len(b) {
			return b[i], nil
		}
	}
}

// expect skips white space and takes the byte c, or says what came instead.
func (s *jsonStream) expect(c byte, after string) error {
	got, err := s.peek()
	if err != nil {
		return err
	}
	if got != c {
		return badChar(got, after)
	}
	s.take(1)
	return nil
}

// value skips white space and reads one whole JSON value, checked to be
// valid JSON. What it returns is valid until the next call.
func (s *jsonStream) value() ([]byte, error) {
	s.buf = s.buf[:0]
	first, err := s.peek()
	if err != nil {
		return nil, err
	}
	scalar := first != '"' && first != '{' && first != '['
	if scalar && (first == ',' || first == ':' || first == ']' || first == '}') {
		return nil, badChar(first, "looking for beginning of value")
	}
	depth, inStr, esc, started := 0, false, false, false
	for {
		b, err := s.avail()
		if err != nil {
			if scalar && errors.Is(err, io.EOF) && len(s.buf) > 0 {
				break
			}
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		i, done := 0, false
		for ; i < len(b) && !done; i++ {
			c := b[i]
			if !started {
				started = true
				if c == '"' {
					inStr = true
					continue
				}
			}
			switch {
			case inStr:
				switch {
				case esc:
					esc = false
				case c == '\\':
					esc = true
				case c == '"':
					inStr = false
					done = depth == 0
				}
			case scalar:
				if isSpace(c) || c == ',' || c == ']' || c == '}' || c == ':' || c == '"' || c == '[' || c == '{' {
					done = true
					i-- // not part of the value
				}
			case c == '"':
				inStr = true
			case c == '{' || c == '[':
				depth++
				if depth > maxJSONDepth {
					s.grow(b[:i+1])
					s.take(i + 1)
					return nil, syntaxOf(s.buf)
				}
			case c == '}' || c == ']':
				depth--
				done = depth == 0
			}
		}
		s.grow(b[:i])
		s.take(i)
		if done {
			break
		}
	}
	if !json.Valid(s.buf) {
		return nil, syntaxOf(s.buf)
	}
	if s.grown {
		// The buffer's last size is garbage now, half as large as the
		// record: collect it before the record's strings are made.
		s.grown = false
		runtime.GC()
	}
	return s.buf, nil
}

// grow appends b to the buffer, doubling it when it is full (never past
// the allowance), so that it is copied little and holds little more than
// the largest value.
func (s *jsonStream) grow(b []byte) {
	if need := len(s.buf) + len(b); need > cap(s.buf) {
		c := max(2*cap(s.buf), 64<<10, need)
		if room := int(s.limit - s.total + int64(len(s.buf))); c > room {
			c = max(room, need)
		}
		if c > 1<<20 {
			// The sizes before are garbage as large as the buffer:
			// collect them first, so that the largest record costs about
			// twice its size at most (once here, once as the strings made
			// from it). It grows at most about four times past 1 MiB in
			// a file, as the buffer is kept for the next record.
			s.grown = true
			runtime.GC()
		}
		nb := make([]byte, len(s.buf), c)
		copy(nb, s.buf)
		s.buf = nb
	}
	s.buf = append(s.buf, b...)
}

// syntaxOf is encoding/json's account of what is wrong with b.
func syntaxOf(b []byte) error {
	var v json.RawMessage
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	return &jsonSyntaxError{msg: "invalid JSON"}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	if c < utf8.RuneSelf && c >= ' ' {
		return "'" + string(c) + "'"
	}
	return fmt.Sprintf("%q", string(c))
}

// The splitters below read values the stream reader has already checked
// to be valid JSON; on anything else they report that they could not,
// never panic.

var errNotJSON = errors.New("not valid JSON")

// skipSpace returns the index of the first byte at or after i that is not
// white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

// valueEnd returns the index just after the value starting at b[i].
func valueEnd(b []byte, i int) (int, error) {
	if i >= len(b) {
		return 0, errNotJSON
	}
	switch b[i] {
	case '"':
		for j := i + 1; j < len(b); j++ {
			switch b[j] {
			case '\\':
				j++
			case '"':
				return j + 1, nil
			}
		}
		return 0, errNotJSON
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				end, err := valueEnd(b, j)
				if err != nil {
					return 0, err
				}
				j = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1, nil
				}
			}
		}
		return 0, errNotJSON
	}
	j := i
	for j < len(b) && !isSpace(b[j]) && b[j] != ',' && b[j] != ']' && b[j] != '}' && b[j] != ':' {
		j++
	}
	if j == i {
		return 0, errNotJSON
	}
	return j, nil
}

// eachMember calls f with each key (its JSON, quotes included) and value
// of the object raw, in order, until f returns an error.
func eachMember(raw []byte, f func(key, value []byte) error) error {
	i := skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '{' {
		return errNotJSON
	}
	i = skipSpace(raw, i+1)
	if i < len(raw) && raw[i] == '}' {
		return nil
	}
	for {
		kend, err := valueEnd(raw, i)
		if err != nil || raw[i] != '"' {
			return errNotJSON
		}
		key := raw[i:kend]
		i = skipSpace(raw, kend)
		if i >= len(raw) || raw[i] != ':' {
			return errNotJSON
		}
		i = skipSpace(raw, i+1)
		vend, err := valueEnd(raw, i)
		if err != nil {
			return err
		}
		if err := f(key, raw[i:vend]); err != nil {
			return err
		}
		i = skipSpace(raw, vend)
		if i >= len(raw) {
			return errNotJSON
		}
		if raw[i] == '}' {
			return nil
		}
		if raw[i] != ',' {
			return errNotJSON
		}
		i = skipSpace(raw, i+1)
	}
}

// eachItem calls f with each item of the list raw, in order, until f
// returns an error.
func eachItem(raw []byte, f func(item []byte) error) error {
	i := skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '[' {
		return errNotJSON
	}
	i = skipSpace(raw, i+1)
	if i < len(raw) && raw[i] == ']' {
		return nil
	}
	for {
		end, err := valueEnd(raw, i)
		if err != nil {
			return err
		}
		if err := f(raw[i:end]); err != nil {
			return err
		}
		i = skipSpace(raw, end)
		if i >= len(raw) {
			return errNotJSON
		}
		if raw[i] == ']' {
			return nil
		}
		if raw[i] != ',' {
			return errNotJSON
		}
		i = skipSpace(raw, i+1)
	}
}

// jsonKey decodes a key, taking a plain one (no escapes) straight from the bytes.
func jsonKey(raw []byte) (string, bool) {
	if n := len(raw); n >= 2 && bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : n-1]), true
	}
	var k string
	if json.Unmarshal(raw, &k) != nil {
		return "", false
	}
	return k, true
}

// keyIn reports whether the key raw (its JSON) is one of known, without
// decoding it when it is plain.
func keyIn(raw []byte, known []string) bool {
	if n := len(raw); n >= 2 && bytes.IndexByte(raw, '\\') < 0 {
		for _, k := range known {
			if string(raw[1:n-1]) == k {
				return true
			}
		}
		return false
	}
	k, ok := jsonKey(raw)
	if !ok {
		return false
	}
	for _, f := range known {
		if f == k {
			return true
		}
	}
	return false
}

// JSONWhy is a fault in JSON (encoding/json's, or the import reader's) as
// an error that says itself in a language: the kind of fault in Welsh,
// encoding/json's words in English. Any other error is returned as it is.
func JSONWhy(err error) error { return jsonWhy(err) }
