package data

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"attend/coach"
)

var oddText = []string{
	"", "a", "words and more ", `"`, `\`, "/", "<&>", "\x00", "\x01", "\b", "\f", "\n", "\r", "\t", "\x1f", "\x7f",
	"\u2028", "\u2029", "é", "Siân Ŵyn", "日本", "😀", "\ufffd", "\ufeff", "\x80", "\xff", "\xc3", "\xed\xa0\x80",
	`\u00e9`, `\ud83d`, "\u00a0",
}

func oddString(r *rand.Rand) string {
	var b []byte
	for range r.IntN(5) {
		if r.IntN(5) == 0 {
			b = append(b, byte(r.IntN(256)))
		} else {
			b = append(b, oddText[r.IntN(len(oddText))]...)
		}
	}
	return string(b)
}

// oddKey is an odd string that is valid UTF-8: two keys Marshal would
// write the same (both with \ufffd for a bad byte) are a key twice, which
// the fast path leaves to Unmarshal (the changes below try that).
func oddKey(r *rand.Rand) string { return strings.ToValidUTF8(oddString(r), "?") }

func oddTime(r *rand.Rand) time.Time {
	switch r.IntN(6) {
	case 0:
		return time.Time{}
	case 1:
		return time.Date(2026, 11, 26, 9, 0, 0, r.IntN(1e9), time.FixedZone("", (r.IntN(47)-23)*3600+r.IntN(4)*15*60))
	case 2:
		return time.Date(1+r.IntN(9998), 2, 3, 4, 5, 6, 0, time.Local)
	}
	return time.Unix(r.Int64N(1<<35), r.Int64N(1e9)).UTC()
}

func oddDate(r *rand.Rand) coach.Date {
	if r.IntN(3) == 0 {
		return coach.Date{}
	}
	return coach.Date{Year: 1 + r.IntN(9998), Month: time.Month(1 + r.IntN(12)), Day: 1 + r.IntN(28)}
}

func oddAnswers(r *rand.Rand) map[string]coach.Answer {
	switch r.IntN(5) {
	case 0:
		return nil
	case 1:
		return map[string]coach.Answer{}
	}
	m := map[string]coach.Answer{}
	for range 1 + r.IntN(6) {
		m[oddKey(r)] = coach.Answer{Text: oddString(r), Rating: r.IntN(11) - 5, Date: oddDate(r), Together: r.IntN(2) == 0}
	}
	return m
}

func oddRecord(r *rand.Rand) sessionRecord {
	s := coach.Session{
		ID: oddString(r), PersonID: oddString(r), Lang: oddString(r), Date: oddDate(r),
		Created: oddTime(r), Updated: oddTime(r), Saved: oddTime(r),
		Prep: oddAnswers(r), Record: oddAnswers(r), Reflection: oddAnswers(r),
		Position: coach.Position{Item: oddString(r), Field: r.IntN(7) - 3},
		Writer:   oddString(r), Base: oddTime(r), Left: r.IntN(2) == 0, Agreed: oddDate(r),
	}
	switch r.IntN(3) {
	case 0:
		s.Actions = []coach.Action{}
	case 1:
		for range 1 + r.IntN(4) {
			s.Actions = append(s.Actions, coach.Action{ID: oddString(r), Text: oddString(r), Owner: coach.Owner(oddString(r)),
				Due: oddDate(r), Status: coach.ActionStatus(oddString(r)), Reason: oddString(r), Created: oddTime(r),
				Closed: oddTime(r), Outcome: coach.Outcome(oddString(r))})
		}
	}
	if r.IntN(3) == 0 {
		s.Asked = map[string]string{}
		for range r.IntN(4) {
			s.Asked[oddKey(r)] = oddString(r)
		}
	}
	for range r.IntN(3) {
		s.Addenda = append(s.Addenda, coach.Addendum{At: oddTime(r), Text: oddString(r)})
	}
	return sessionRecord{V: r.IntN(5), Session: s}
}

// sameAsUnmarshal fails unless decodeSessionRecord, where it takes b,
// decodes it as json.Unmarshal does; it reports whether it took it.
func sameAsUnmarshal(t *testing.T, b []byte) bool {
	t.Helper()
	var fast sessionRecord
	if !decodeSessionRecord(b, &fast) {
		return false
	}
	var want sessionRecord
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatalf("decoded what json.Unmarshal refuses (%v): %q", err, b)
	}
	if !reflect.DeepEqual(fast, want) {
		t.Fatalf("decoded differently from json.Unmarshal: %q\n got %#v\nwant %#v", b, fast, want)
	}
	// Sharing nothing (decodeOneSession) decodes the same.
	var alone sessionRecord
	if !decodeSessionRecordSharing(b, &alone, nil) || !reflect.DeepEqual(alone, want) {
		t.Fatalf("decoded differently sharing nothing: %q\n got %#v\nwant %#v", b, alone, want)
	}
	return true
}

// changes are edits of a record's JSON that Marshal never makes: each is
// either declined by the fast path or decoded as Unmarshal decodes it.
var changes = []func([]byte) []byte{
	func(b []byte) []byte { return bytes.Replace(b, []byte(`"id":`), []byte(`"ID":`), 1) },
	func(b []byte) []byte { return bytes.Replace(b, []byte(`"lang":`), []byte(`"lang" :`), 1) },
	func(b []byte) []byte { return bytes.Replace(b, []byte(`,"`), []byte(`, "`), 1) },
	func(b []byte) []byte { return append(b, ' ') },
	func(b []byte) []byte { return append(b, '}') },
	func(b []byte) []byte { return b[:len(b)-1] },
	func(b []byte) []byte { return bytes.Replace(b, []byte(`{"v":`), []byte(`{"v":1,"v":`), 1) },
	func(b []byte) []byte { return bytes.Replace(b, []byte(`{"v":`), []byte(`{"new":1,"v":`), 1) },
	func(b []byte) []byte { return bytes.Replace(b, []byte(`{"v":`), []byte(`{"v":3.0,"x":`), 1) },
	func(b []byte) []byte {
		return bytes.Replace(b, []byte(`"actions":`), []byte(`"prep":null,"actions":`), 1)
	},
	func(b []byte) []byte { return bytes.Replace(b, []byte(`"rating":`), []byte(`"rating":1e0,"x":`), 1) },
	func(b []byte) []byte { return bytes.Replace(b, []byte(`"rating":`), []byte(`"rating":01,"x":`), 1) },
	func(b []byte) []byte { return bytes.Replace(b, []byte(`"text":"`), []byte(`"text":"\ud800`), 1) },
	func(b []byte) []byte {
		return bytes.Replace(b, []byte(`"text":"`), []byte(`"text":"\ud83d\ude00\u00e9\/`), 1)
	},
	func(b []byte) []byte { return bytes.Replace(b, []byte(`"text":"`), []byte(`"text":"\udc00`), 1) },
	func(b []byte) []byte { return bytes.Replace(b, []byte(`"text":"`), []byte("\"text\":\"\xff"), 1) },
	func(b []byte) []byte { return bytes.Replace(b, []byte(`"text":"`), []byte("\"text\":\"\t"), 1) },
	func(b []byte) []byte { return bytes.Replace(b, []byte(`"text":"`), []byte(`"text":"\x`), 1) },
	func(b []byte) []byte {
		return bytes.Replace(b, []byte(`"together":true`), []byte(`"together":null`), 1)
	},
	func(b []byte) []byte { return bytes.Replace(b, []byte(`"date":"`), []byte(`"date":"\u0032`), 1) },
	func(b []byte) []byte { return bytes.Replace(b, []byte(`"created":"`), []byte(`"created":"x`), 1) },
	func(b []byte) []byte { return bytes.Replace(b, []byte(`"left":true`), []byte(`"left":tru`), 1) },
	func(b []byte) []byte { return bytes.Replace(b, []byte(`"addenda":[`), []byte(`"addenda":[{},`), 1) },
	func(b []byte) []byte {
		return bytes.Replace(b, []byte(`"position":{`), []byte(`"position":{"item":"a",`), 1)
	},
	func(b []byte) []byte { return bytes.Replace(b, []byte(`"field":`), []byte(`"field":-`), 1) },
	func(b []byte) []byte { return bytes.ReplaceAll(b, []byte(`:{}`), []byte(`:{"a":{}}`)) },
	func(b []byte) []byte {
		return bytes.Replace(b, []byte(`"prep":{`), []byte(`"prep":{"x":{},"x":{},`), 1)
	},
	func(b []byte) []byte {
		return bytes.Replace(b, []byte(`"asked":{`), []byte(`"asked":{"x":"","x":"",`), 1)
	},
}

func TestDecodeSessionRecordIsUnmarshal(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	taken, changed := 0, 0
	for range 5000 {
		b, err := json.Marshal(oddRecord(r))
		if err != nil {
			t.Fatal(err)
		}
		// Every record as Marshal writes it takes the fast path.
		if !sameAsUnmarshal(t, b) {
			t.Fatalf("declined what json.Marshal wrote: %q", b)
		}
		for _, c := range changes {
			if e := c(bytes.Clone(b)); !bytes.Equal(e, b) {
				changed++
				if sameAsUnmarshal(t, e) {
					taken++
				}
			}
		}
	}
	if taken == 0 || taken == changed {
		t.Errorf("of %d changed records, %d took the fast path: the changes should try both ways", changed, taken)
	}
	// Sessions as attend makes them.
	d, err := coach.NewDemo(coach.DemoOptions{Seed: 2, Sessions: 300, Today: coach.Date{Year: 2026, Month: 11, Day: 26}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range d.People() {
		for s := range d.Sessions(i) {
			b, err := json.Marshal(sessionRecord{V: RecordVersion, Session: s})
			if err != nil {
				t.Fatal(err)
			}
			if !sameAsUnmarshal(t, b) {
				t.Fatalf("declined a demo session: %q", b)
			}
		}
	}
}

func FuzzDecodeSessionRecord(f *testing.F) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 20 {
		b, _ := json.Marshal(oddRecord(r))
		f.Add(b)
		for _, c := range changes {
			f.Add(c(bytes.Clone(b)))
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) { sameAsUnmarshal(t, b) })
}

// TestDecodeSessionRecordKnowsEveryField fails when a field is added to a
// session (or what it holds) and not to decodeSessionRecord: such a record
// would always take the slow path.
func TestDecodeSessionRecordKnowsEveryField(t *testing.T) {
	for _, v := range []any{sessionRecord{}, coach.Answer{}, coach.Action{}, coach.Position{}, coach.Addendum{}} {
		typ := reflect.TypeOf(v)
		var keys []string
		var walk func(reflect.Type)
		walk = func(typ reflect.Type) {
			for f := range typ.Fields() {
				if f.Anonymous {
					walk(f.Type)
					continue
				}
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				if f.IsExported() && name != "-" {
					keys = append(keys, name)
				}
			}
		}
		walk(typ)
		if known := fastSessionKeys[typ.Name()]; !slices.Equal(slices.Sorted(slices.Values(keys)), slices.Sorted(slices.Values(known))) {
			t.Errorf("%s has the keys %v; decodeSessionRecord knows %v", typ.Name(), keys, known)
		}
	}
}

// BenchmarkDecodeSession splits the opening of a stored session, per
// session, on one core: decompressing, then decoding the JSON by the fast
// path and by json.Unmarshal.
func BenchmarkDecodeSession(b *testing.B) {
	d, err := coach.NewDemo(coach.DemoOptions{Seed: 1, Sessions: 1000, Today: coach.Date{Year: 2026, Month: 11, Day: 26}})
	if err != nil {
		b.Fatal(err)
	}
	var zipped, plain [][]byte
	for i := range d.People() {
		for s := range d.Sessions(i) {
			j, err := json.Marshal(sessionRecord{V: RecordVersion, Session: s})
			if err != nil {
				b.Fatal(err)
			}
			plain = append(plain, j)
			zipped = append(zipped, zip(j))
		}
	}
	per := func(b *testing.B, fn func(i int)) {
		cpu0 := cpuTime()
		for b.Loop() {
			for i := range plain {
				fn(i)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(plain))/1000, "µs/session")
		// CPU time, which a busy machine inflates less than the clock's.
		b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N*len(plain))/1000, "cpu-µs/session")
	}
	b.Run("unzip", func(b *testing.B) {
		var scratch []byte
		per(b, func(i int) { scratch, _ = unzipInto(scratch, zipped[i]) })
	})
	b.Run("fast", func(b *testing.B) {
		per(b, func(i int) {
			var r sessionRecord
			if !decodeSessionRecord(plain[i], &r) {
				b.Fatal("declined")
			}
		})
	})
	b.Run("unmarshal", func(b *testing.B) {
		per(b, func(i int) {
			var r sessionRecord
			if err := json.Unmarshal(plain[i], &r); err != nil {
				b.Fatal(err)
			}
		})
	})
}

// cpuTime is the CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestStrPlain8 compares the eight-at-a-time check with strPlain, byte by byte.
func TestStrPlain8(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	special := []byte{0, 0x1f, ' ', '!', '"', '#', '[', '\\', ']', 0x7f, 0x80, 0xc3, 0xff}
	for range 1000000 {
		var b [8]byte
		for i := range b {
			if r.IntN(3) == 0 {
				b[i] = special[r.IntN(len(special))]
			} else {
				b[i] = byte(' ' + r.IntN(95))
			}
		}
		want := true
		for _, c := range b {
			want = want && strPlain[c]
		}
		if got := strPlain8(binary.LittleEndian.Uint64(b[:])); got != want {
			t.Fatalf("strPlain8(%q) = %v, want %v", b, got, want)
		}
	}
}
