package data

import (
	"encoding/binary"
	"strconv"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"attend/coach"
)

// decodeSessionRecord decodes the JSON of a session record as
// json.Unmarshal would, without reflection, for the JSON json.Marshal
// writes: it reports false, having decided nothing, for anything else
// (spaces, a key in another case or not known here, a key twice, null
// where Marshal writes none, a number with a fraction, a string that is not
// valid UTF-8, a lone surrogate), and the caller then uses json.Unmarshal,
// so what a record means never depends on which path read it. Decoding
// each session was most of an export's time once encoding was fast.
// TestDecodeSessionRecordIsUnmarshal and FuzzDecodeSessionRecord compare
// the two; TestDecodeSessionRecordKnowsEveryField fails when a field is
// added to a session and not here.
func decodeSessionRecord(b []byte, r *sessionRecord) bool {
	d := jdec{b: b, ok: true}
	d.object(func(key []byte) bool {
		switch string(key) {
		case "v":
			r.V = d.int()
		case "id":
			r.ID = d.str()
		case "person_id":
			r.PersonID = d.str()
		case "lang":
			r.Lang = d.shared()
		case "date":
			d.date(&r.Date)
		case "created":
			d.time(&r.Created)
		case "updated":
			d.time(&r.Updated)
		case "saved":
			d.time(&r.Saved)
		case "prep":
			r.Prep = d.answers()
		case "record":
			r.Record = d.answers()
		case "actions":
			r.Actions = d.actions()
		case "reflection":
			r.Reflection = d.answers()
		case "asked":
			r.Asked = d.strings()
		case "position":
			d.object(func(key []byte) bool {
				switch string(key) {
				case "item":
					r.Position.Item = d.str()
				case "field":
					r.Position.Field = d.int()
				default:
					return false
				}
				return true
			})
		case "writer":
			r.Writer = d.str()
		case "base":
			d.time(&r.Base)
		case "left":
			r.Left = d.bool()
		case "agreed":
			d.date(&r.Agreed)
		case "addenda":
			r.Addenda = d.addenda()
		default:
			return false
		}
		return true
	})
	return d.ok && d.i == len(d.b)
}

// fastSessionKeys are the keys decodeSessionRecord reads, by the type that
// holds them (TestDecodeSessionRecordKnowsEveryField compares them with
// the types' json tags).
var fastSessionKeys = map[string][]string{
	"sessionRecord": {"v", "id", "person_id", "lang", "date", "created", "updated", "saved", "prep", "record",
		"actions", "reflection", "asked", "position", "writer", "base", "left", "agreed", "addenda"},
	"Answer":   {"text", "rating", "date", "together"},
	"Action":   {"id", "text", "owner", "due", "status", "reason", "created", "closed", "outcome"},
	"Position": {"item", "field"},
	"Addendum": {"at", "text"},
}

// jdec reads canonical JSON (as json.Marshal writes it); ok turns false,
// and stays false, at the first thing it does not read exactly as
// json.Unmarshal would.
type jdec struct {
	b  []byte
	i  int
	ok bool
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
		switch d.peek() {
		case ',':
			d.i++
		case '}':
			d.i++
			return
		default:
			d.fail()
		}
	}
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
		switch d.peek() {
		case ',':
			d.i++
		case ']':
			d.i++
			return
		default:
			d.fail()
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

// shared reads a string that is usually one of attend's prompt ids (an
// answer's key) or a few words (an owner, a status, an outcome, a
// language), and gives the one copy of it every session shares when it is.
func (d *jdec) shared() string {
	start, end := d.strBytes()
	if !d.ok {
		return ""
	}
	if end < 0 {
		return d.escaped(start)
	}
	if id, ok := promptIDs()[string(d.b[start:end])]; ok {
		return id
	}
	return string(d.b[start:end])
}

// promptIDs are attend's own prompt ids, and the few words every session
// repeats, each held once.
var promptIDs = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	add := func(s string) { m[s] = s }
	for _, lang := range coach.Languages() {
		if g, err := coach.BuiltinGuide(lang); err == nil {
			for _, st := range g.Stages {
				for _, it := range st.Items {
					add(it.ID)
				}
			}
			for _, it := range g.Retired {
				add(it.ID)
			}
		}
		add(lang)
	}
	for _, o := range coach.Owners {
		add(string(o))
	}
	for _, w := range []coach.ActionStatus{coach.ActionOpen, coach.ActionDone, coach.ActionDropped} {
		add(string(w))
	}
	for _, o := range coach.Outcomes {
		add(string(o))
	}
	return m
})

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
	d.str()
	if !d.ok {
		return
	}
	if err := t.UnmarshalJSON(d.b[start:d.i]); err != nil {
		d.fail()
	}
}

// date reads a Date as Unmarshal does: its UnmarshalText on the unquoted text.
func (d *jdec) date(t *coach.Date) {
	s := d.str()
	if !d.ok {
		return
	}
	if err := t.UnmarshalText([]byte(s)); err != nil {
		d.fail()
	}
}

func (d *jdec) answers() map[string]coach.Answer {
	m := map[string]coach.Answer{}
	d.mapOf(func(id string) {
		var a coach.Answer
		d.object(func(key []byte) bool {
			switch string(key) {
			case "text":
				a.Text = d.str()
			case "rating":
				a.Rating = d.int()
			case "date":
				d.date(&a.Date)
			case "together":
				a.Together = d.bool()
			default:
				return false
			}
			return true
		})
		if _, twice := m[id]; twice {
			d.fail()
		}
		m[id] = a
	})
	return m
}

func (d *jdec) strings() map[string]string {
	m := map[string]string{}
	d.mapOf(func(id string) {
		v := d.str()
		if _, twice := m[id]; twice {
			d.fail()
		}
		m[id] = v
	})
	return m
}

// mapOf reads an object whose keys are any strings (answer ids).
func (d *jdec) mapOf(value func(key string)) {
	d.expect('{')
	if d.peek() == '}' {
		d.i++
		return
	}
	for d.ok {
		key := d.shared()
		d.expect(':')
		if !d.ok {
			return
		}
		value(key)
		switch d.peek() {
		case ',':
			d.i++
		case '}':
			d.i++
			return
		default:
			d.fail()
		}
	}
}

func (d *jdec) actions() []coach.Action {
	if d.null() { // Marshal writes a session's nil actions as null
		return nil
	}
	out := []coach.Action{}
	d.array(func() {
		var a coach.Action
		d.object(func(key []byte) bool {
			switch string(key) {
			case "id":
				a.ID = d.str()
			case "text":
				a.Text = d.str()
			case "owner":
				a.Owner = coach.Owner(d.shared())
			case "due":
				d.date(&a.Due)
			case "status":
				a.Status = coach.ActionStatus(d.shared())
			case "reason":
				a.Reason = d.str()
			case "created":
				d.time(&a.Created)
			case "closed":
				d.time(&a.Closed)
			case "outcome":
				a.Outcome = coach.Outcome(d.shared())
			default:
				return false
			}
			return true
		})
		out = append(out, a)
	})
	return out
}

func (d *jdec) addenda() []coach.Addendum {
	out := []coach.Addendum{}
	d.array(func() {
		var a coach.Addendum
		d.object(func(key []byte) bool {
			switch string(key) {
			case "at":
				d.time(&a.At)
			case "text":
				a.Text = d.str()
			default:
				return false
			}
			return true
		})
		out = append(out, a)
	})
	return out
}
