package data

import (
	"testing"
	"time"

	"attend/coach"
)

func FuzzDecodeSession(f *testing.F) {
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	sess := coach.NewSession(coach.NewID(now), "cy", now)
	sess.SetAnswer("checkin.energy", coach.Answer{Text: "Siân Ŵyn 🌻"})
	sess.SetAnswer("needs.workload", coach.Answer{Rating: 3, Text: "busy"})
	sess.SetAnswer("close.next", coach.Answer{Date: coach.Date{Year: 2027, Month: 2, Day: 24}})
	sess.Actions = []coach.Action{{ID: coach.NewID(now), Text: "call", Owner: coach.OwnerThem, Status: coach.ActionOpen}}
	good, _ := encodeSession(sess)
	f.Add(good)
	f.Add([]byte(`{"v":1}`))
	f.Add([]byte(`{"v":2,"id":"x"}`))
	f.Add([]byte(`{"v":-1}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"v":1,"date":"2026-02-31"}`))
	f.Add([]byte(`{"v":1,"answers":{"a":{"rating":99999999999999999999}}}`))
	f.Add([]byte(`{"v":1,"answers":null,"actions":[null]}`))
	f.Add([]byte(`{"v":1,"created":"not a time"}`))
	f.Add([]byte("{\"v\":1,\"answers\":{\"a\":{\"text\":\"\xff\xfe\"}}}"))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := decodeSession(b)
		if err != nil {
			return
		}
		_ = s.Validate()
		// What decodes must encode and decode again to the same record.
		again, err := encodeSession(s)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		s2, err := decodeSession(again)
		if err != nil {
			t.Fatalf("decode of own encoding: %v", err)
		}
		b2, _ := encodeSession(s2)
		if string(b2) != string(again) {
			t.Fatalf("not stable:\n%s\n%s", again, b2)
		}
	})
}

// FuzzDecodeOpen: an open-action record never panics, and what encodes
// decodes to the same action.
func FuzzDecodeOpen(f *testing.F) {
	good, _ := encodeOpen(coach.Date{Year: 2026, Month: 11, Day: 26}, coach.Action{
		ID: "01M8B6K0X3AAAAAAAAAAAAAAAA", Text: "Ffonio'r tîm 📞", Owner: coach.OwnerThem, Status: coach.ActionOpen,
		Due: coach.Date{Year: 2026, Month: 12, Day: 10}, Created: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC),
	})
	f.Add(good)
	f.Add([]byte("o"))
	f.Add(good[:len(good)-3])
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := decodeOpen(b)
		if err != nil {
			return
		}
		again, err := encodeOpen(r.SessionDate, r.Action)
		if err != nil {
			return
		}
		r2, err := decodeOpen(again)
		if err != nil || r2.SessionDate != r.SessionDate || !sameAction(r2.Action, r.Action) {
			t.Fatalf("round trip: %+v / %+v (%v)", r, r2, err)
		}
	})
}

// FuzzValidSessionsDecode: a session that passes Validate, however its
// dates, times and text are made, decodes from what encodeValidSession
// writes (saves rely on this instead of decoding every record again).
func FuzzValidSessionsDecode(f *testing.F) {
	if _, err := encodeValidSession(fuzzSession(2026, 11, 26, 2027, 2, 24, 0, 0, "Siân", 3)); err != nil {
		f.Fatalf("a plain session is refused: %v", err)
	}
	f.Add(2026, 11, 26, 2027, 2, 24, int64(0), 0, "Siân Ŵyn 🌻", 3)
	f.Add(1, 1, 1, 9999, 12, 31, int64(-62135596800), 3600+30, "a\x00b\xff", 5)
	f.Add(2028, 2, 29, 2026, 2, 31, int64(253402300799), -50400, "", 0)
	f.Add(10000, 1, 1, 0, 0, 0, int64(1<<40), 0, "x", 9)
	f.Fuzz(func(t *testing.T, y, m, d, dy, dm, dd int, unix int64, offset int, text string, rating int) {
		raw, err := encodeValidSession(fuzzSession(y, m, d, dy, dm, dd, unix, offset, text, rating))
		if err != nil {
			return // refused: Validate or the encoding said no
		}
		if _, err := decodeSession(raw); err != nil {
			t.Fatalf("a session that passed Validate does not decode: %v", err)
		}
	})
}

func fuzzSession(y, m, d, dy, dm, dd int, unix int64, offset int, text string, rating int) coach.Session {
	at := time.Unix(unix, 0).In(time.FixedZone("z", offset))
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	sess := coach.NewSession(coach.NewID(now), "cy", now)
	sess.Date = coach.Date{Year: y, Month: time.Month(m), Day: d}
	sess.Created, sess.Updated, sess.Saved = at, at, at
	sess.Agreed = coach.Date{Year: dy, Month: time.Month(dm), Day: dd}
	sess.SetAnswer("checkin.energy", coach.Answer{Text: text, Rating: rating, Date: coach.Date{Year: dy, Month: time.Month(dm), Day: dd}})
	sess.Actions = []coach.Action{{ID: coach.NewID(now), Text: text, Owner: coach.OwnerMe, Status: coach.ActionOpen,
		Due: coach.Date{Year: y, Month: time.Month(m), Day: d}, Created: at}}
	sess.Addenda = []coach.Addendum{{At: at, Text: text}}
	return sess
}
