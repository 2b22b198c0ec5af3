package data

import (
	"sync"

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
	return decodeSessionRecordSharing(b, r, promptIDs())
}

// decodeSessionRecordSharing is decodeSessionRecord giving the strings in
// share (see shared) as the one copy of each; nil copies them all.
func decodeSessionRecordSharing(b []byte, r *sessionRecord, share map[string]string) bool {
	d := jdec{b: b, ok: true, share: share}
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

// shared reads a string that is usually one of attend's prompt ids (an
// answer's key) or a few words (an owner, a status, an outcome, a
// language), and gives the one copy of it every session shares when it is
// in d.share.
func (d *jdec) shared() string {
	start, end := d.strBytes()
	if !d.ok {
		return ""
	}
	if end < 0 {
		return d.escaped(start)
	}
	if id, ok := d.share[string(d.b[start:end])]; ok {
		return id
	}
	return string(d.b[start:end])
}

// promptIDs are attend's own prompt ids, and the few words every session
// repeats, each held once. Making it parses every language's prompts:
// worth it for many sessions held at once (an export, the history), not
// for one (decodeOneSession).
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
		if !d.more('}') {
			return
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
