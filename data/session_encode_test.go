package data

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"attend/coach"
)

// sameAsMarshal fails unless appendSessionRecord writes json.Marshal's
// bytes, and its error, for s.
func sameAsMarshal(t *testing.T, s coach.Session) {
	t.Helper()
	want, wantErr := json.Marshal(sessionRecord{V: RecordVersion, Session: s})
	got, err := appendSessionRecord([]byte("kept"), RecordVersion, &s)
	if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
		t.Fatalf("error %v, json.Marshal's %v", err, wantErr)
	}
	if !bytes.HasPrefix(got, []byte("kept")) {
		t.Fatalf("lost what was in dst: %q", got)
	}
	if err == nil && !bytes.Equal(got[4:], want) {
		t.Fatalf("\n got %s\nwant %s", got[4:], want)
	}
}

var hostileText = []string{
	"", "a", "plain words ", `"`, `\`, "/", "<", ">", "&", "<script>", "\x00", "\x01", "\b", "\f", "\n", "\r", "\t",
	"\x1f", "\x7f", "\u2028", "\u2029", "é", "Siân Ŵyn", "日本", "😀", "\ufffd", "\x80", "\xff", "\xc3", "\xed\xa0\x80",
}

func hostilePiece(r *rand.Rand) string {
	var b []byte
	for range r.IntN(5) {
		if r.IntN(4) == 0 {
			b = append(b, byte(r.IntN(256)))
		} else {
			b = append(b, hostileText[r.IntN(len(hostileText))]...)
		}
	}
	return string(b)
}

func anyTime(r *rand.Rand) time.Time {
	switch r.IntN(5) {
	case 0:
		return time.Time{}
	case 1: // beyond what JSON holds: json.Marshal refuses
		return time.Date(10000+r.IntN(5), 1, 1, 0, 0, 0, 0, time.UTC)
	case 2:
		return time.Unix(r.Int64N(1<<35), r.Int64N(1e9)).In(time.FixedZone("", (r.IntN(49)-24)*1800))
	}
	return time.Unix(r.Int64N(1<<32), r.Int64N(3)*int64(time.Millisecond)).UTC()
}

func anyDate(r *rand.Rand) coach.Date {
	if r.IntN(3) == 0 {
		return coach.Date{}
	}
	return coach.Date{Year: r.IntN(12000) - 1000, Month: time.Month(r.IntN(14)), Day: r.IntN(40)}
}

func anyAnswers(r *rand.Rand) map[string]coach.Answer {
	switch r.IntN(4) {
	case 0:
		return nil
	case 1:
		return map[string]coach.Answer{}
	}
	m := map[string]coach.Answer{}
	for range r.IntN(6) {
		m[hostilePiece(r)] = coach.Answer{Text: hostilePiece(r), Rating: r.IntN(7) - 1, Date: anyDate(r), Together: r.IntN(2) == 0}
	}
	return m
}

func anySession(r *rand.Rand) coach.Session {
	s := coach.Session{
		ID: hostilePiece(r), PersonID: hostilePiece(r), Lang: hostilePiece(r), Date: anyDate(r),
		Created: anyTime(r), Updated: anyTime(r), Saved: anyTime(r),
		Prep: anyAnswers(r), Record: anyAnswers(r), Reflection: anyAnswers(r),
		Writer: hostilePiece(r), Base: anyTime(r), Left: r.IntN(2) == 0, Agreed: anyDate(r),
	}
	if r.IntN(2) == 0 {
		s.Position = coach.Position{Item: hostilePiece(r), Field: r.IntN(3) - 1}
	}
	if r.IntN(3) > 0 {
		s.Asked = map[string]string{}
		for range r.IntN(4) {
			s.Asked[hostilePiece(r)] = hostilePiece(r)
		}
	}
	if r.IntN(4) > 0 {
		s.Actions = []coach.Action{}
		for range r.IntN(4) {
			s.Actions = append(s.Actions, coach.Action{ID: hostilePiece(r), Text: hostilePiece(r), Owner: coach.Owner(hostilePiece(r)),
				Due: anyDate(r), Status: coach.ActionStatus(hostilePiece(r)), Reason: hostilePiece(r), Created: anyTime(r),
				Closed: anyTime(r), Outcome: coach.Outcome(hostilePiece(r))})
		}
	}
	if r.IntN(3) == 0 {
		s.Addenda = []coach.Addendum{}
		for range r.IntN(3) {
			s.Addenda = append(s.Addenda, coach.Addendum{At: anyTime(r), Text: hostilePiece(r)})
		}
	}
	return s
}

func TestAppendSessionRecordIsMarshal(t *testing.T) {
	// Every demo session (every story), as demo saves them.
	d, err := coach.NewDemo(coach.DemoOptions{Seed: 7, Sessions: 3000, Today: coach.Date{Year: 2026, Month: 11, Day: 26}})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range d.AllSessions() {
		sameAsMarshal(t, s)
	}
	sameAsMarshal(t, coach.Session{})
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		sameAsMarshal(t, anySession(r))
	}
}

func FuzzAppendSessionRecord(f *testing.F) {
	for _, h := range hostileText {
		f.Add(h, h, 3, true, int64(0), int64(1), int64(0))
	}
	f.Add("x", "y", -2, false, int64(253402300800), int64(-62167219201), int64(86400))
	f.Fuzz(func(t *testing.T, a, b string, rating int, together bool, sec, sec2, offset int64) {
		zone := time.FixedZone("", int(offset%(48*3600)))
		t1, t2 := time.Unix(sec, sec2).In(zone), time.Unix(sec2, sec).UTC()
		d := coach.Date{Year: int(sec % 20000), Month: time.Month(sec2 % 14), Day: rating}
		s := coach.Session{
			ID: a, PersonID: b, Lang: a, Date: d, Created: t1, Updated: t2, Saved: t1,
			Prep:   map[string]coach.Answer{a: {Text: b, Rating: rating, Date: d, Together: together}, b: {}},
			Record: map[string]coach.Answer{b: {Text: a + b, Rating: -rating}},
			Actions: []coach.Action{{ID: a, Text: b, Owner: coach.Owner(a), Due: d, Status: coach.ActionStatus(b),
				Reason: a, Created: t2, Closed: t1, Outcome: coach.Outcome(b)}},
			Asked:    map[string]string{a: b, b: a},
			Position: coach.Position{Item: b, Field: rating},
			Writer:   a, Base: t2, Left: together, Agreed: d,
			Addenda: []coach.Addendum{{At: t2, Text: a}},
		}
		sameAsMarshal(t, s)
	})
}
