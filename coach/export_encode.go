package coach

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// AppendExportSession appends s exactly as json.MarshalIndent(s, "  ", "  ")
// writes it, which is how every export since the first has written a
// session, without reflection or a second indenting pass: encoding/json was
// most of an export's time. Anything the hand-written path does not write
// the way encoding/json would (a time JSON cannot hold) is handed to
// encoding/json itself, so the bytes and the errors are always its own.
// TestAppendExportSessionIsMarshalIndent and FuzzAppendExportSession compare
// the two.
func AppendExportSession(dst []byte, s *ExportSession) ([]byte, error) {
	n := len(dst)
	out, ok := appendExportSession(dst, s, nil, false)
	if ok {
		return out, nil
	}
	b, err := json.MarshalIndent(s, exportPrefix, exportIndent)
	if err != nil {
		return dst[:n], err
	}
	return append(dst[:n], b...), nil
}

// AppendExportSessionOf appends what AppendExportSession writes for
// ExportSessionOf(g, p, s), without making the map of answers in between.
func AppendExportSessionOf(dst []byte, g *Guide, p Person, s Session) ([]byte, error) {
	es := exportSessionHead(p, s)
	// The answers in id order, as the map would be written; an id in more
	// than one part is the last part's, as the map keeps it.
	n := 0
	for _, part := range Parts {
		n += len(s.Answers(part))
	}
	sc := exportScratches.Get().(*exportScratch)
	defer exportScratches.Put(sc)
	if cap(sc.vals) < n {
		sc.answers, sc.vals = make([]idAnswer, 0, n), make([]ExportAnswer, 0, n)
	}
	answers, vals := sc.answers[:0], sc.vals[:0] // vals never grows: answers point into it
	for _, part := range Parts {
		for id, a := range s.Answers(part) {
			vals = append(vals, exportAnswer(g, s, part, id, a))
			answers = append(answers, idAnswer{id, &vals[len(vals)-1]})
		}
	}
	slices.SortStableFunc(answers, func(a, b idAnswer) int { return strings.Compare(a.id, b.id) })
	kept := answers[:0]
	for i, a := range answers {
		if i+1 < len(answers) && answers[i+1].id == a.id {
			continue
		}
		kept = append(kept, a)
	}
	n = len(dst)
	out, ok := appendExportSession(dst, &es, kept, true)
	if ok {
		return out, nil
	}
	// With the map, for encoding/json to say why.
	es.Answers = make(map[string]ExportAnswer, len(kept))
	for _, a := range kept {
		es.Answers[a.id] = *a.a
	}
	return AppendExportSession(dst[:n], &es)
}

// exportScratch is AppendExportSessionOf's room for a session's answers,
// used again by the next session.
type exportScratch struct {
	answers []idAnswer
	vals    []ExportAnswer
}

var exportScratches = sync.Pool{New: func() any { return new(exportScratch) }}

type idAnswer struct {
	id string
	a  *ExportAnswer
}

const (
	exportPrefix = "  "
	exportIndent = "  "
)

// jw appends indented JSON as json.MarshalIndent with prefix and indent
// "  " writes it: every line after the first starts with the prefix and
// one indent per level of depth. The bytes are the caller's local
// variable, passed in and returned: kept in jw they would cost a write
// barrier at every append while the collector runs.
type jw struct {
	depth int
	first bool // nothing written yet in the open object or array
	ok    bool
}

// newlines is a newline, the prefix and indents for a few levels.
const newlines = "\n" + exportPrefix + exportIndent + exportIndent + exportIndent + exportIndent + exportIndent + exportIndent

func (w *jw) newline(b []byte) []byte {
	if n := 1 + len(exportPrefix) + w.depth*len(exportIndent); n <= len(newlines) {
		return append(b, newlines[:n]...)
	}
	b = append(b, '\n')
	b = append(b, exportPrefix...)
	for range w.depth {
		b = append(b, exportIndent...)
	}
	return b
}

// open starts an object or array; close ends it ({} and [] when empty).
func (w *jw) open(b []byte, c byte) []byte {
	w.depth++
	w.first = true
	return append(b, c)
}

func (w *jw) close(b []byte, c byte) []byte {
	w.depth--
	if !w.first {
		b = w.newline(b)
	}
	w.first = false
	return append(b, c)
}

// next starts an element of the open array.
func (w *jw) next(b []byte) []byte {
	if !w.first {
		b = append(b, ',')
	}
	w.first = false
	return w.newline(b)
}

// key starts a member of the open object; name must need no escaping.
func (w *jw) key(b []byte, name string) []byte {
	b = w.next(b)
	b = append(b, '"')
	b = append(b, name...)
	return append(b, '"', ':', ' ')
}

func (w *jw) str(b []byte, name, v string) []byte {
	return appendJSONString(w.key(b, name), v)
}

func (w *jw) time(b []byte, name string, t time.Time) []byte {
	b = append(w.key(b, name), '"')
	out, err := t.AppendText(b)
	if err != nil { // encoding/json says why
		w.ok = false
		return b
	}
	return append(out, '"')
}

func (w *jw) date(b []byte, name string, d Date) []byte {
	b = append(w.key(b, name), '"')
	b = d.AppendISO(b)
	return append(b, '"')
}

// appendExportSession writes s, with its answers from s.Answers or, when
// given, from answers (in id order, each id once; none is {}).
func appendExportSession(dst []byte, s *ExportSession, answers []idAnswer, given bool) ([]byte, bool) {
	b := dst
	w := jw{ok: true}
	b = w.open(b, '{')
	b = w.str(b, "id", s.ID)
	b = w.str(b, "person_id", s.PersonID)
	b = w.str(b, "person_name", s.PersonName)
	b = w.str(b, "date", s.Date)
	b = w.str(b, "lang", s.Lang)
	b = w.time(b, "created", s.Created)
	b = w.time(b, "updated", s.Updated)
	b = w.time(b, "saved", s.Saved)
	if s.NextSession != "" {
		b = w.str(b, "next_session", s.NextSession)
	}
	b = w.key(b, "answers")
	if s.Answers == nil && !given {
		b = append(b, "null"...)
	} else {
		if !given {
			answers = make([]idAnswer, 0, len(s.Answers))
			for id := range s.Answers {
				a := s.Answers[id]
				answers = append(answers, idAnswer{id, &a})
			}
			slices.SortFunc(answers, func(a, b idAnswer) int { return strings.Compare(a.id, b.id) })
		}
		b = w.open(b, '{')
		for i := range answers {
			id, a := answers[i].id, answers[i].a
			b = w.next(b)
			b = appendJSONString(b, id)
			b = append(b, ':', ' ')
			b = w.open(b, '{')
			b = w.str(b, "part", a.Part)
			b = w.str(b, "stage", a.Stage)
			b = w.str(b, "prompt", a.Prompt)
			b = w.str(b, "kind", a.Kind)
			if a.Text != "" {
				b = w.str(b, "text", a.Text)
			}
			if a.Rating != 0 {
				b = w.key(b, "rating")
				b = strconv.AppendInt(b, int64(a.Rating), 10)
			}
			if a.RatingLabel != "" {
				b = w.str(b, "rating_label", a.RatingLabel)
			}
			if a.Date != "" {
				b = w.str(b, "date", a.Date)
			}
			if a.Together {
				b = w.key(b, "together")
				b = append(b, "true"...)
			}
			b = w.close(b, '}')
		}
		b = w.close(b, '}')
	}
	b = w.key(b, "actions")
	if s.Actions == nil {
		b = append(b, "null"...)
	} else {
		b = w.open(b, '[')
		for i := range s.Actions {
			a := &s.Actions[i]
			b = w.next(b)
			b = w.open(b, '{')
			b = w.str(b, "id", a.ID)
			b = w.str(b, "text", a.Text)
			b = w.str(b, "owner", string(a.Owner))
			if !a.Due.IsZero() {
				b = w.date(b, "due", a.Due)
			}
			b = w.str(b, "status", string(a.Status))
			if a.Reason != "" {
				b = w.str(b, "reason", a.Reason)
			}
			b = w.time(b, "created", a.Created)
			if !a.Closed.IsZero() {
				b = w.time(b, "closed", a.Closed)
			}
			if a.Outcome != "" {
				b = w.str(b, "outcome", string(a.Outcome))
			}
			b = w.close(b, '}')
		}
		b = w.close(b, ']')
	}
	if s.Record != "" {
		b = w.str(b, "record", s.Record)
	}
	if s.Agreed != "" {
		b = w.str(b, "agreed", s.Agreed)
	}
	if len(s.Addenda) > 0 {
		b = w.key(b, "addenda")
		b = w.open(b, '[')
		for _, a := range s.Addenda {
			b = w.next(b)
			b = w.open(b, '{')
			b = w.time(b, "at", a.At)
			b = w.str(b, "text", a.Text)
			b = w.close(b, '}')
		}
		b = w.close(b, ']')
	}
	b = w.close(b, '}')
	return b, w.ok
}

// jsonSafe marks the ASCII bytes encoding/json writes as they are in a
// string (it escapes <, > and & for HTML, as well as quotes, backslashes
// and control characters).
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	for _, c := range `"\<>&` {
		t[c] = false
	}
	return t
}()

const hexDigits = "0123456789abcdef"

const (
	lsbs = 0x0101010101010101
	msbs = 0x8080808080808080
)

// hasByte reports whether any byte of x is c (exactly: no false answers).
func hasByte(x uint64, c byte) bool {
	y := x ^ (lsbs * uint64(c))
	return (y-lsbs)&^y&msbs != 0
}

// plain8 reports whether all eight bytes of x are ASCII that a JSON
// string holds as they are (jsonSafe).
func plain8(x uint64) bool {
	if x&msbs != 0 || (x-lsbs*' ')&^x&msbs != 0 { // beyond ASCII, or a control character
		return false
	}
	return !hasByte(x, '"') && !hasByte(x, '\\') && !hasByte(x, '<') && !hasByte(x, '>') && !hasByte(x, '&')
}

// appendJSONString appends s quoted as encoding/json quotes a string: HTML
// characters, U+2028 and U+2029 escaped, and each byte of invalid UTF-8
// replaced by \ufffd.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		// Eight bytes at a time while none needs a look.
		for i+8 <= len(s) && plain8(uint64(s[i])|uint64(s[i+1])<<8|uint64(s[i+2])<<16|uint64(s[i+3])<<24|
			uint64(s[i+4])<<32|uint64(s[i+5])<<40|uint64(s[i+6])<<48|uint64(s[i+7])<<56) {
			i += 8
		}
		if i >= len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
