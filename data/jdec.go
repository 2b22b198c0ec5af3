package data

import (
	"encoding/binary"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"attend/coach"
)

// jdec reads canonical JSON (as json.Marshal writes it); ok turns false,
// and stays false, at the first thing it does not read exactly as
// json.Unmarshal would.
type jdec struct {
	b  []byte
	i  int
	ok bool
	// share holds the strings a decoded value shares rather than copies
	// (shared); nil copies every one.
	share map[string]string
}

func (d *jdec) fail() { d.ok = false; d.i = len(d.b) }

func (d *jdec) peek() byte {
	if d.i < len(d.b) {
		return d.b[d.i]
	}
	return 0
}

func (d *jdec) expect(c byte) {
	if d.peek() != c {
		d.fail()
		return
	}
	d.i++
}

// object reads {"key":value,...}, calling member for each key with d at its
// value; member reads the value, or returns false for a key it does not
// know. A key twice is refused (Unmarshal's rules for that are not copied).
func (d *jdec) object(member func(key []byte) bool) {
	d.expect('{')
	if d.peek() == '}' {
		d.i++
		return
	}
	var seenKeys [24][]byte // on the stack: an object here has at most 19 keys
	seen := seenKeys[:0]
	for d.ok {
		key := d.rawKey()
		for _, k := range seen {
			if string(k) == string(key) {
				d.fail()
			}
		}
		seen = append(seen, key)
		d.expect(':')
		if !d.ok || !member(key) {
			d.fail()
			return
		}
		if !d.more('}') {
			return
		}
	}
}

// more reads what follows a member or an element: a comma (another
// follows: true) or the closing bracket (false); anything else fails.
func (d *jdec) more(closing byte) bool {
	switch d.peek() {
	case ',':
		d.i++
		return true
	case closing:
		d.i++
	default:
		d.fail()
	}
	return false
}

// rawKey reads a key that needs no unescaping: every key of a record's
// struct fields is plain ASCII.
func (d *jdec) rawKey() []byte {
	d.expect('"')
	start := d.i
	for d.i < len(d.b) {
		c := d.b[d.i]
		if c == '"' {
			d.i++
			return d.b[start : d.i-1]
		}
		if c == '\\' || c < ' ' || c >= utf8.RuneSelf {
			break
		}
		d.i++
	}
	d.fail()
	return nil
}

// array reads [value,...], calling elem with d at each value.
func (d *jdec) array(elem func()) {
	d.expect('[')
	if d.peek() == ']' {
		d.i++
		return
	}
	for d.ok {
		elem()
		if !d.more(']') {
			return
		}
	}
}

func (d *jdec) literal(word string) bool {
	if len(d.b)-d.i >= len(word) && string(d.b[d.i:d.i+len(word)]) == word {
		d.i += len(word)
		return true
	}
	return false
}

func (d *jdec) null() bool { return d.literal("null") }

func (d *jdec) bool() bool {
	switch {
	case d.literal("true"):
		return true
	case d.literal("false"):
		return false
	}
	d.fail()
	return false
}

// int reads an integer with no fraction or exponent, of at most 18 digits.
func (d *jdec) int() int {
	start := d.i
	if d.peek() == '-' {
		d.i++
	}
	digits := d.i
	for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
		d.i++
	}
	n := d.i - digits
	if n == 0 || n > 18 || (n > 1 && d.b[digits] == '0') {
		d.fail()
		return 0
	}
	switch d.peek() {
	case '.', 'e', 'E':
		d.fail()
		return 0
	}
	v, err := strconv.ParseInt(string(d.b[start:d.i]), 10, 64)
	if err != nil {
		d.fail()
	}
	return int(v)
}

// str reads a string as Unmarshal unquotes it, refusing what Unmarshal
// would change rather than copy (invalid UTF-8, a lone surrogate).
func (d *jdec) str() string {
	start, end := d.strBytes()
	if !d.ok {
		return ""
	}
	if end < 0 {
		return d.escaped(start)
	}
	return string(d.b[start:end])
}

// strBytes reads a string with no escape in it, giving where its text
// starts and ends in d.b, or end -1 (and d at the escape) when it has one.
func (d *jdec) strBytes() (start, end int) {
	d.expect('"')
	start = d.i
	for d.ok {
		for d.i+8 <= len(d.b) && strPlain8(binary.LittleEndian.Uint64(d.b[d.i:])) {
			d.i += 8
		}
		for d.i < len(d.b) && strPlain[d.b[d.i]] {
			d.i++
		}
		if d.i >= len(d.b) {
			break
		}
		switch c := d.b[d.i]; {
		case c == '"':
			d.i++
			return start, d.i - 1
		case c == '\\':
			return start, -1
		case c < ' ':
			d.fail()
		default: // the first byte of a character beyond ASCII
			r, size := utf8.DecodeRune(d.b[d.i:])
			if r == utf8.RuneError && size == 1 {
				d.fail() // not UTF-8: Unmarshal would change it
			}
			d.i += size
		}
	}
	d.fail()
	return 0, 0
}

// strPlain marks the bytes a string holds as they are: ASCII but for the
// quote, the backslash and control characters.
var strPlain = func() (t [256]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// strPlain8 reports whether all eight bytes of x are strPlain (exactly:
// the tests compare it byte by byte).
func strPlain8(x uint64) bool {
	const lsbs, msbs = 0x0101010101010101, 0x8080808080808080
	if x&msbs != 0 || (x-lsbs*' ')&^x&msbs != 0 { // beyond ASCII, or a control character
		return false
	}
	q, bs := x^(lsbs*'"'), x^(lsbs*'\\')
	return (q-lsbs)&^q&msbs == 0 && (bs-lsbs)&^bs&msbs == 0
}

// escaped finishes a string that has an escape, from its start.
func (d *jdec) escaped(start int) string {
	out := make([]byte, 0, d.i-start+16)
	plain := start // the run of bytes not yet copied
	flush := func() bool {
		if !utf8.Valid(d.b[plain:d.i]) {
			return false
		}
		out = append(out, d.b[plain:d.i]...)
		return true
	}
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			if !flush() {
				d.fail()
				return ""
			}
			d.i++
			return string(out)
		case c < ' ':
			d.fail()
			return ""
		case c != '\\':
			d.i++
			continue
		}
		if !flush() || d.i+1 >= len(d.b) {
			d.fail()
			return ""
		}
		e := d.b[d.i+1]
		d.i += 2
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r := d.hex4()
			if utf16.IsSurrogate(r) {
				// Only a high surrogate followed by a low one is a character.
				if r >= 0xdc00 || !d.literal(`\u`) {
					d.fail()
					return ""
				}
				lo := d.hex4()
				if lo < 0xdc00 || lo > 0xdfff {
					d.fail()
					return ""
				}
				r = utf16.DecodeRune(r, lo)
			}
			if !d.ok {
				return ""
			}
			out = utf8.AppendRune(out, r)
		default:
			d.fail()
			return ""
		}
		plain = d.i
	}
	d.fail()
	return ""
}

func (d *jdec) hex4() rune {
	if len(d.b)-d.i < 4 {
		d.fail()
		return 0
	}
	var r rune
	for _, c := range d.b[d.i : d.i+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			d.fail()
			return 0
		}
	}
	d.i += 4
	return r
}

// time reads a time as Unmarshal does: by time.Time's own UnmarshalJSON
// on the quoted text.
func (d *jdec) time(t *time.Time) {
	start := d.i
	d.text() // only to move past it: the quoted bytes are what is read
	if !d.ok {
		return
	}
	if err := t.UnmarshalJSON(d.b[start:d.i]); err != nil {
		d.fail()
	}
}

// date reads a Date as Unmarshal does: its UnmarshalText on the unquoted text.
func (d *jdec) date(t *coach.Date) {
	b := d.text()
	if !d.ok {
		return
	}
	if err := t.UnmarshalText(b); err != nil {
		d.fail()
	}
}

// text is a string's unquoted bytes: in place when it has no escape (as
// every time and date has), else unescaped into a copy.
func (d *jdec) text() []byte {
	start, end := d.strBytes()
	if !d.ok {
		return nil
	}
	if end < 0 {
		return []byte(d.escaped(start))
	}
	return d.b[start:end]
}
