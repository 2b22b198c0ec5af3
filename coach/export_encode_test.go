package coach

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

// hostile pieces of text: everything encoding/json treats specially.
var hostile = []string{
	"", "a", "plain words ", `"`, `\`, "/", "<", ">", "&", "<script>", "\x00", "\x01", "\b", "\f", "\n", "\r", "\t",
	"\x1f", "\x7f", "\u2028", "\u2029", "\u2027", "\u202a", "é", "Siân Ŵyn", "ŵ", "日本", "😀", "\ufffd", "\ufeff",
	"\x80", "\xff", "\xc3", "\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "\u00a0", "\\u2028",
}

func hostileString(r *rand.Rand) string {
	var b []byte
	for range r.IntN(6) {
		if r.IntN(4) == 0 {
			b = append(b, byte(r.IntN(256)))
		} else {
			b = append(b, hostile[r.IntN(len(hostile))]...)
		}
	}
	return string(b)
}

func randomTime(r *rand.Rand) time.Time {
	switch r.IntN(100) {
	case 0, 10, 11, 12, 13:
		return time.Time{}
	case 1: // outside what JSON's RFC 3339 can hold: encoding/json refuses it
		return time.Date(10000+r.IntN(5), 1, 1, 0, 0, 0, 0, time.UTC)
	case 2:
		return time.Date(-r.IntN(5)-1, 1, 1, 0, 0, 0, 0, time.UTC)
	case 3: // an offset of 24 hours or more is refused too
		return time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("", 24*3600+r.IntN(3)*60))
	case 4:
		return time.Date(2026, 11, 26, 9, 0, 0, r.IntN(1e9), time.FixedZone("", (r.IntN(47)-23)*3600+r.IntN(60)*60))
	case 5:
		return time.Date(2026, 11, 26, 9, 0, 0, 0, time.Local)
	}
	return time.Unix(r.Int64N(1<<35), r.Int64N(1e9)).UTC()
}

func randomDate(r *rand.Rand) Date {
	switch r.IntN(6) {
	case 0:
		return Date{}
	case 1:
		return Date{r.IntN(30000) - 10000, time.Month(r.IntN(300) - 100), r.IntN(300) - 100}
	}
	return Date{2000 + r.IntN(40), time.Month(1 + r.IntN(12)), 1 + r.IntN(28)}
}

func randomExportSession(r *rand.Rand) ExportSession {
	s := ExportSession{
		ID: hostileString(r), PersonID: hostileString(r), PersonName: hostileString(r), Date: hostileString(r),
		Lang: hostileString(r), Created: randomTime(r), Updated: randomTime(r), Saved: randomTime(r),
		NextSession: hostileString(r), Record: hostileString(r), Agreed: hostileString(r),
	}
	if r.IntN(8) > 0 {
		s.Answers = map[string]ExportAnswer{}
		for range r.IntN(8) {
			s.Answers[hostileString(r)] = ExportAnswer{
				Part: hostileString(r), Stage: hostileString(r), Prompt: hostileString(r), Kind: hostileString(r),
				Text: hostileString(r), Rating: r.IntN(13) - 6, RatingLabel: hostileString(r), Date: hostileString(r),
				Together: r.IntN(2) == 0,
			}
		}
	}
	if r.IntN(8) > 0 {
		s.Actions = []Action{}
		for range r.IntN(4) {
			s.Actions = append(s.Actions, Action{
				ID: hostileString(r), Text: hostileString(r), Owner: Owner(hostileString(r)), Due: randomDate(r),
				Status: ActionStatus(hostileString(r)), Reason: hostileString(r), Created: randomTime(r),
				Closed: randomTime(r), Outcome: Outcome(hostileString(r)),
			})
		}
	}
	switch r.IntN(3) {
	case 0:
		s.Addenda = []Addendum{}
	case 1:
		for range 1 + r.IntN(3) {
			s.Addenda = append(s.Addenda, Addendum{At: randomTime(r), Text: hostileString(r)})
		}
	}
	return s
}

// sameAsMarshalIndent fails unless AppendExportSession writes what
// json.MarshalIndent writes, or fails as it fails.
func sameAsMarshalIndent(t *testing.T, s ExportSession) {
	t.Helper()
	want, werr := json.MarshalIndent(s, "  ", "  ")
	got, gerr := AppendExportSession([]byte("before"), &s)
	if werr != nil || gerr != nil {
		if werr == nil || gerr == nil || werr.Error() != gerr.Error() {
			t.Fatalf("error %v, encoding/json's %v, for %#v", gerr, werr, s)
		}
		if string(got) != "before" {
			t.Fatalf("on an error the buffer holds %q, want it as it was", got)
		}
		return
	}
	if !bytes.Equal(got, append([]byte("before"), want...)) {
		t.Fatalf("for %#v\n got %s\nwant %s", s, got, want)
	}
}

func TestAppendExportSessionIsMarshalIndent(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	failing := 0
	for range 20000 {
		s := randomExportSession(r)
		if _, err := json.Marshal(s); err != nil {
			failing++
		}
		sameAsMarshalIndent(t, s)
	}
	if failing == 0 || failing > 15000 {
		t.Errorf("%d of 20000 random sessions cannot be encoded: the test should try both kinds", failing)
	}
	// A session as an export makes it, from a real one.
	g, err := LoadGuide("en")
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewDemo(DemoOptions{Seed: 3, Sessions: 200, Today: Date{2026, 11, 26}})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, p := range d.People() {
		for s := range d.Sessions(i) {
			n++
			p.Name += " <Ŵyn> & co"
			sameAsMarshalIndent(t, ExportSessionOf(g, p, s))
		}
	}
	if n < 200 {
		t.Fatalf("the demo made %d sessions, want 200", n)
	}
}

func FuzzAppendExportSession(f *testing.F) {
	for _, h := range hostile {
		f.Add(h, h, 3, true, int64(0), int64(1), int64(0))
	}
	f.Add("x", "y", -2, false, int64(253402300800), int64(-62167219201), int64(86400))
	f.Fuzz(func(t *testing.T, a, b string, rating int, together bool, sec, sec2 int64, offset int64) {
		zone := time.FixedZone("", int(offset%(48*3600)))
		t1, t2 := time.Unix(sec, sec2).In(zone), time.Unix(sec2, sec).UTC()
		s := ExportSession{
			ID: a, PersonID: b, PersonName: a + b, Date: b, Lang: a, Created: t1, Updated: t2, Saved: t1,
			NextSession: b, Record: a, Agreed: b,
			Answers: map[string]ExportAnswer{
				a: {Part: a, Stage: b, Prompt: a, Kind: b, Text: a, Rating: rating, RatingLabel: b, Date: a, Together: together},
				b: {Part: b, Text: b + a, Rating: -rating},
			},
			Actions: []Action{{ID: a, Text: b, Owner: Owner(a), Due: Date{int(sec % 20000), time.Month(sec2 % 14), rating},
				Status: ActionStatus(b), Reason: a, Created: t2, Closed: t1, Outcome: Outcome(b)}},
			Addenda: []Addendum{{At: t2, Text: a}},
		}
		sameAsMarshalIndent(t, s)
	})
}

func TestDateStringIsPrintf(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		d := randomDate(r)
		want := ""
		if !d.IsZero() {
			want = fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
		}
		if got := d.String(); got != want {
			t.Fatalf("%#v: %q, want %q", d, got, want)
		}
		if got := string(d.AppendISO([]byte("x"))); got != "x"+want {
			t.Fatalf("%#v appended: %q, want %q", d, got, "x"+want)
		}
	}
}

func randomAnswers(r *rand.Rand, ids []string) map[string]Answer {
	if r.IntN(4) == 0 {
		return nil
	}
	m := map[string]Answer{}
	for range r.IntN(6) {
		m[ids[r.IntN(len(ids))]] = Answer{Text: hostileString(r), Rating: r.IntN(9) - 2, Date: randomDate(r), Together: r.IntN(2) == 0}
	}
	return m
}

// TestAppendExportSessionOfIsExportSessionOf: the export of a session
// straight from it is the export of its ExportSessionOf, for answers in
// several parts under one id, prompts a pack asked, and times that fail.
func TestAppendExportSessionOfIsExportSessionOf(t *testing.T) {
	g, err := LoadGuide("en")
	if err != nil {
		t.Fatal(err)
	}
	same := func(p Person, s Session) {
		t.Helper()
		want, werr := AppendExportSession([]byte("x"), new(ExportSessionOf(g, p, s)))
		got, gerr := AppendExportSessionOf([]byte("x"), g, p, s)
		if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() || !bytes.Equal(got, want) {
			t.Fatalf("for %#v\n got %s, %v\nwant %s, %v", s, got, gerr, want, werr)
		}
	}
	// A session with no answers is "answers": {}, whatever the room used
	// before (this once failed only when the pool was empty, as under -race).
	exportScratches = sync.Pool{New: func() any { return new(exportScratch) }}
	same(Person{ID: "p", Name: "Ann"}, Session{ID: "s", PersonID: "p", Lang: "en", Prep: map[string]Answer{}})
	ids := []string{"agenda.said", "needs.workload", NextID, "close.next", "no.such.prompt", "\u2028<id>", "checkin.energy", ""}
	r := rand.New(rand.NewPCG(9, 10))
	for range 5000 {
		s := Session{ID: hostileString(r), PersonID: hostileString(r), Lang: []string{"en", "cy", "xx", ""}[r.IntN(4)],
			Date: randomDate(r), Created: randomTime(r), Updated: randomTime(r), Saved: randomTime(r),
			Prep: randomAnswers(r, ids), Record: randomAnswers(r, ids), Reflection: randomAnswers(r, ids), Agreed: randomDate(r)}
		if r.IntN(3) == 0 {
			s.Asked = map[string]string{ids[r.IntN(len(ids))]: hostileString(r)}
		}
		for range r.IntN(3) {
			s.Actions = append(s.Actions, Action{ID: hostileString(r), Text: hostileString(r), Created: randomTime(r), Due: randomDate(r)})
		}
		for range r.IntN(2) {
			s.Addenda = append(s.Addenda, Addendum{At: randomTime(r), Text: hostileString(r)})
		}
		same(Person{ID: s.PersonID, Name: hostileString(r)}, s)
	}
	d, err := NewDemo(DemoOptions{Seed: 4, Sessions: 200, Today: Date{2026, 11, 26}})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range d.People() {
		for s := range d.Sessions(i) {
			same(p, s)
		}
	}
}

// BenchmarkExportEncode is the encoding of one session for export, on one
// core: straight from the session, and as before (ExportSessionOf, then
// json.MarshalIndent).
func BenchmarkExportEncode(b *testing.B) {
	g, err := LoadGuide("en")
	if err != nil {
		b.Fatal(err)
	}
	d, err := NewDemo(DemoOptions{Seed: 1, Sessions: 1000, Today: Date{2026, 11, 26}})
	if err != nil {
		b.Fatal(err)
	}
	type ps struct {
		p Person
		s Session
	}
	var all []ps
	for i, p := range d.People() {
		for s := range d.Sessions(i) {
			all = append(all, ps{p, s})
		}
	}
	per := func(b *testing.B, fn func(x ps)) {
		cpu0 := cpuTime()
		for b.Loop() {
			for _, x := range all {
				fn(x)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(all))/1000, "µs/session")
		// CPU time, which a busy machine inflates less than the clock's.
		b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N*len(all))/1000, "cpu-µs/session")
	}
	b.Run("append", func(b *testing.B) {
		var buf []byte
		per(b, func(x ps) { buf, _ = AppendExportSessionOf(buf[:0], g, x.p, x.s) })
	})
	b.Run("marshalindent", func(b *testing.B) {
		per(b, func(x ps) { _, _ = json.MarshalIndent(ExportSessionOf(g, x.p, x.s), "  ", "  ") })
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

// TestPlain8 compares the eight-at-a-time check with jsonSafe, byte by byte.
func TestPlain8(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	special := []byte{0, 0x1f, ' ', '!', '"', '#', '%', '&', '\'', ';', '<', '=', '>', '?', '[', '\\', ']', 0x7e, 0x7f, 0x80, 0xff}
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
			want = want && c < utf8.RuneSelf && jsonSafe[c]
		}
		if got := plain8(binary.LittleEndian.Uint64(b[:])); got != want {
			t.Fatalf("plain8(%q) = %v, want %v", b, got, want)
		}
	}
}

// TestParseISOIsTimeParse: the quick reading of a stored date gives what
// time.Parse gives, or leaves it to time.Parse.
func TestParseISOIsTimeParse(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	check := func(s string) {
		t.Helper()
		got, ok := parseISO([]byte(s))
		tm, err := time.Parse("2006-01-02", s)
		if ok && (err != nil || got != DateOf(tm)) {
			t.Fatalf("%q: %v, time.Parse %v, %v", s, got, DateOf(tm), err)
		}
		if !ok && err == nil && len(s) == 10 {
			t.Fatalf("%q: left to time.Parse, which reads it", s)
		}
	}
	for y := 0; y <= 9999; y += 1 + r.IntN(7) {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				check(fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	for _, y := range []int{1900, 2000, 2024, 2100, 2400, 0} {
		check(fmt.Sprintf("%04d-02-29", y))
	}
	for range 100000 {
		b := []byte("2026-11-26")
		b[r.IntN(len(b))] = "0123456789-+ a/"[r.IntN(15)]
		check(string(b))
		check(string(b[:r.IntN(len(b))]))
	}
}
