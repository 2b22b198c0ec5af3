package coach

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
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
	out, ok := appendExportSession(dst, s, nil)
	if ok {
		return out, nil
	}
	b, err := json.MarshalIndent(s, exportPrefix, exportIndent)
	if err != nil {
		return dst[:n], err
	}
	return append(out[:n], b...), nil
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
	answers, vals := make([]idAnswer, 0, n), make([]ExportAnswer, 0, n)
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
	out, ok := appendExportSession(dst, &es, kept)
	if ok {
		return out, nil
	}
	// With the map, for encoding/json to say why.
	es.Answers = make(map[string]ExportAnswer, len(kept))
	for _, a := range kept {
		es.Answers[a.id] = *a.a
	}
	return AppendExportSession(out[:n], &es)
}

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
// one indent per level of depth.
type jw struct {
	b     []byte
	depth int
	first bool // nothing written yet in the open object or array
	ok    bool
}

func (w *jw) newline() {
	w.b = append(w.b, '\n')
	w.b = append(w.b, exportPrefix...)
	for range w.depth {
		w.b = append(w.b, exportIndent...)
	}
}

// open starts an object or array; close ends it ({} and [] when empty).
func (w *jw) open(c byte) {
	w.b = append(w.b, c)
	w.depth++
	w.first = true
}

func (w *jw) close(c byte) {
	w.depth--
	if !w.first {
		w.newline()
	}
	w.first = false
	w.b = append(w.b, c)
}

// next starts an element of the open array.
func (w *jw) next() {
	if !w.first {
		w.b = append(w.b, ',')
	}
	w.first = false
	w.newline()
}

// key starts a member of the open object; name must need no escaping.
func (w *jw) key(name string) {
	w.next()
	w.b = append(w.b, '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, '"', ':', ' ')
}

func (w *jw) str(name, v string) {
	w.key(name)
	w.b = appendJSONString(w.b, v)
}

func (w *jw) time(name string, t time.Time) {
	w.key(name)
	w.b = append(w.b, '"')
	b, err := t.AppendText(w.b)
	if err != nil { // encoding/json says why
		w.ok = false
		return
	}
	w.b = append(b, '"')
}

func (w *jw) date(name string, d Date) {
	w.key(name)
	w.b = append(w.b, '"')
	w.b = d.appendISO(w.b)
	w.b = append(w.b, '"')
}

// appendExportSession writes s, with its answers from s.Answers or, when
// that is nil, from answers (in id order, each id once).
func appendExportSession(dst []byte, s *ExportSession, answers []idAnswer) ([]byte, bool) {
	w := jw{b: dst, ok: true}
	w.open('{')
	w.str("id", s.ID)
	w.str("person_id", s.PersonID)
	w.str("person_name", s.PersonName)
	w.str("date", s.Date)
	w.str("lang", s.Lang)
	w.time("created", s.Created)
	w.time("updated", s.Updated)
	w.time("saved", s.Saved)
	if s.NextSession != "" {
		w.str("next_session", s.NextSession)
	}
	w.key("answers")
	if s.Answers == nil && answers == nil {
		w.b = append(w.b, "null"...)
	} else {
		if s.Answers != nil {
			answers = make([]idAnswer, 0, len(s.Answers))
			for id := range s.Answers {
				a := s.Answers[id]
				answers = append(answers, idAnswer{id, &a})
			}
			slices.SortFunc(answers, func(a, b idAnswer) int { return strings.Compare(a.id, b.id) })
		}
		w.open('{')
		for i := range answers {
			id, a := answers[i].id, answers[i].a
			w.next()
			w.b = appendJSONString(w.b, id)
			w.b = append(w.b, ':', ' ')
			w.open('{')
			w.str("part", a.Part)
			w.str("stage", a.Stage)
			w.str("prompt", a.Prompt)
			w.str("kind", a.Kind)
			if a.Text != "" {
				w.str("text", a.Text)
			}
			if a.Rating != 0 {
				w.key("rating")
				w.b = strconv.AppendInt(w.b, int64(a.Rating), 10)
			}
			if a.RatingLabel != "" {
				w.str("rating_label", a.RatingLabel)
			}
			if a.Date != "" {
				w.str("date", a.Date)
			}
			if a.Together {
				w.key("together")
				w.b = append(w.b, "true"...)
			}
			w.close('}')
		}
		w.close('}')
	}
	w.key("actions")
	if s.Actions == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.open('[')
		for i := range s.Actions {
			a := &s.Actions[i]
			w.next()
			w.open('{')
			w.str("id", a.ID)
			w.str("text", a.Text)
			w.str("owner", string(a.Owner))
			if !a.Due.IsZero() {
				w.date("due", a.Due)
			}
			w.str("status", string(a.Status))
			if a.Reason != "" {
				w.str("reason", a.Reason)
			}
			w.time("created", a.Created)
			if !a.Closed.IsZero() {
				w.time("closed", a.Closed)
			}
			if a.Outcome != "" {
				w.str("outcome", string(a.Outcome))
			}
			w.close('}')
		}
		w.close(']')
	}
	if s.Record != "" {
		w.str("record", s.Record)
	}
	if s.Agreed != "" {
		w.str("agreed", s.Agreed)
	}
	if len(s.Addenda) > 0 {
		w.key("addenda")
		w.open('[')
		for _, a := range s.Addenda {
			w.next()
			w.open('{')
			w.time("at", a.At)
			w.str("text", a.Text)
			w.close('}')
		}
		w.close(']')
	}
	w.close('}')
	return w.b, w.ok
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

// appendJSONString appends s quoted as encoding/json quotes a string: HTML
// characters, U+2028 and U+2029 escaped, and each byte of invalid UTF-8
// replaced by \ufffd.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
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
