package coach_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"attend/coach"
)

// endless is a reader of head followed by fill for ever, counting what is read.
type endless struct {
	head []byte
	fill byte
	read int64
}

func (e *endless) Read(p []byte) (int, error) {
	n := copy(p, e.head)
	e.head = e.head[n:]
	for i := n; i < len(p); i++ {
		p[i] = e.fill
	}
	e.read += int64(len(p))
	return len(p), nil
}

// A file of any size with one huge string is refused as soon as the value
// holding it is over its limit, having read and held little more than that.
func TestImportRefusesAHugeValueEarly(t *testing.T) {
	for _, tc := range []struct {
		name, head, want string
		maxRead          int64
	}{
		{"session text", `{"format":"attend-export","version":1,"people":[],"sessions":[{"id":"01M8B6J8DNPJ2PXMD9RG5HGHXB","answers":{"attend.listen":{"text":"`,
			"sessions[0]: is larger than the 8 MiB attend accepts for one session", 10 << 20},
		{"person name", `{"format":"attend-export","version":1,"people":[{"name":"`,
			"people[0]: is larger than the 64 KiB attend accepts for one person", 1 << 20},
		{"format", `{"format":"`, "format: is larger than the 4 KiB", 1 << 20},
		{"not a list", `{"format":"attend-export","version":1,"people":"`, "people: is larger than the 4 KiB attend accepts for a value", 1 << 20},
		{"white space", `{"format":"attend-export","version":1,"people":[`, "people[0]: is larger than", 1 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fill := byte('a')
			if tc.name == "white space" {
				fill = ' '
			}
			r := &endless{head: []byte(tc.head), fill: fill}
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err := coach.ParseImportReader(r)
			runtime.ReadMemStats(&after)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			if r.read > tc.maxRead {
				t.Errorf("read %d bytes before refusing, want at most %d", r.read, tc.maxRead)
			}
			t.Logf("read %d KiB, allocated %d KiB in all", r.read>>10, (after.TotalAlloc-before.TotalAlloc)>>10)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
				t.Errorf("allocated %d MiB before refusing", alloc>>20)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
}

func TestImportRejectsWhatItUsedToLetThrough(t *testing.T) {
	var compact bytes.Buffer
	if err := json.Compact(&compact, exportFixture(t)); err != nil {
		t.Fatal(err)
	}
	raw := compact.String()
	now := time.Now()
	for _, tc := range []struct{ name, from, to, want string }{
		{"escape in an answer", `"Wedi blino`, `"\u001b]0;pwned\u0007Wedi blino`,
			`sessions[0].answers["checkin.energy"].text: holds an escape character (U+001B) at character 1`},
		{"carriage return", `"Trefnu hyfforddiant"`, `"Trefnu\r\nhyfforddiant"`, `sessions[0].actions[0].text: holds a carriage return (U+000D) at character 7`},
		{"bidi override", `"Hen beth"`, "\"Hen \u202ebeth\"", `sessions[2].actions[1].text: holds a hidden text-direction control (U+202E) at character 5`},
		{"zero-width name", `"Aled 🌻 Evans"`, "\"Aled\u200bEvans\"", `people[1].name: holds a zero-width character (U+200B) at character 5`},
		{"C1 in a reason", `"dim angen"`, `"dim\u0085angen"`, `sessions[2].actions[1].reason: holds a control character (U+0085)`},
		{"duplicate top-level key", `"version":2,`, `"version":2,"version":2,`, `version: is given twice`},
		{"duplicate person key", `"name":"Siân Ŵyn"`, `"name":"Siân Ŵyn","name":"Someone Else"`, `people[0].name: is given twice`},
		{"duplicate answer key", `"text":"Wedi blino`, `"text":"x","text":"Wedi blino`, `sessions[0].answers["checkin.energy"].text: is given twice`},
		{"duplicate answer id", `"answers":{`, `"answers":{"needs.workload":{"rating":5},`, `sessions[0].answers["needs.workload"]: is given twice`},
		{"year 9999", `"due":"2026-12-10"`, `"due":"9999-12-10"`, `sessions[0].actions[0].due: 9999-12-10 is more than 5 years from now`},
		{"year 1", `"date":"2027-02-24"`, `"date":"0001-02-24"`, `sessions[0].answers["close.next"].date: 0001-02-24 is before 1950`},
		{"1949", `"created":"2026-11-26T07:55:00Z"`, `"created":"1949-12-31T23:59:59Z"`, `people[0].created: 1949-12-31T23:59:59Z is before 1950`},
		{"six years ahead", `"date":"2027-02-24"`, `"date":"` + now.AddDate(6, 0, 0).Format("2006-01-02") + `"`, `is more than 5 years from now`},
		{"trailing data", "]}]}", "]}]}{}", "there is more after the end of the export"},
		{"cut short", "]}]}", "]}]", "the file ends too soon"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(raw, tc.from) {
				t.Fatalf("the fixture has no %q", tc.from)
			}
			doc, err := coach.ParseImport([]byte(strings.Replace(raw, tc.from, tc.to, 1)))
			if err == nil || doc != nil {
				t.Fatalf("accepted (%v)", err)
			}
			var ie *coach.ImportError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q\nwant it to say %q", err, tc.want)
			}
		})
	}
	// Within the bounds, dates are fine: 1950 and four years ahead.
	ok := strings.Replace(raw, `"due":"2026-12-10"`, `"due":"`+now.AddDate(4, 0, 0).Format("2006-01-02")+`"`, 1)
	ok = strings.Replace(ok, `"created":"2026-11-26T07:55:00Z"`, `"created":"1950-01-01T00:00:00Z"`, 1)
	if _, err := coach.ParseImport([]byte(ok)); err != nil {
		t.Errorf("plausible dates refused: %v", err)
	}
}

// FuzzImportDecoder: the streaming decoder, fed in small pieces or in
// one piece, with its size limits, gives the same answer; never panics;
// and everything it accepts holds only text CheckText accepts. Read again
// with limits small enough for the fuzzer's inputs to reach (1 KiB a
// person or other value, 2 KiB a session), it accepts only what it accepts
// with the real limits, the same document, and refuses what those accept
// only as too large.
func FuzzImportDecoder(f *testing.F) {
	f.Add(exportFixture(f))
	for _, s := range []string{
		"", "{}", `{"format":"attend-export","version":1,"people":[],"sessions":[]}`,
		`{"format":"attend-export","version":1,"version":1,"people":[],"sessions":[]}`,
		`{"format":"attend-export","version":1,"people":[],"sessions":[]} x`,
		`{"format":"attend-export","version":1,"people":[{"id":"01M8B6J8DNPJ2PXMD9RG5HGHXB","name":"A\u001b","created":"2026-11-26T08:40:12Z"}],"sessions":[]}`,
		`{"sessions":[],"people":[],"version":1,"format":"attend-export"}`,
		`{"format":"attend-export","version":1,"people":[` + strings.Repeat(" ", 70000) + `]}`,
		`{"format":"attend-export","version":1,"people":[` + strings.Repeat(" ", 1500) + `]}`,
		`{"format":"` + strings.Repeat("a", 1100) + `"}`,
		`{"format":"attend-export","version":2,"people":[],"sessions":[{"answers":{"a":{"text":"` + strings.Repeat("b", 3000) + `"}}}]}`,
		`{"format":"attend-export","version":2,"people":[],"sessions":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}`,
		`{"format":"attend-export","version":2,"people":[],"sessions":[{"answers":{"a":1,"b":2,"a":3}}]}`,
		`{"format":"attend-export","version":2,"people":[],"sessions":[{"actions":[` + strings.Repeat("1,", 1001) + `1]}]}`,
		`{"format":"attend-export","version":2,"people":[],"sessions":[{"rating":` + strings.Repeat("9", 3000) + `}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		whole, err1 := coach.ParseImport(raw)
		bytewise, err2 := coach.ParseImportReader(iotest.HalfReader(bytes.NewReader(raw)))
		if (err1 == nil) != (err2 == nil) || err1 != nil && err1.Error() != err2.Error() {
			t.Fatalf("in one piece: %v; in small pieces: %v", err1, err2)
		}
		small, err3 := coach.ParseImportReaderWithin(iotest.OneByteReader(bytes.NewReader(raw)), 1<<10, 2<<10, 1<<10)
		switch {
		case err3 == nil && err1 != nil:
			t.Fatalf("accepted within small limits, refused within the real ones: %v", err1)
		case err3 == nil && !reflect.DeepEqual(small, whole):
			t.Fatal("the reads within small and real limits differ")
		case err3 != nil && small != nil:
			t.Fatal("a rejected import returned a document")
		case err3 != nil && err1 == nil && !strings.Contains(err3.Error(), "is larger than"):
			t.Fatalf("accepted within the real limits, refused within small ones not as too large: %v", err3)
		}
		if err1 != nil {
			if whole != nil || bytewise != nil {
				t.Fatal("a rejected import returned a document")
			}
			return
		}
		if !reflect.DeepEqual(whole, bytewise) {
			t.Fatal("the two reads differ")
		}
		for _, p := range whole.People {
			if err := coach.CheckText(p.Name); err != nil {
				t.Fatalf("accepted name %q: %v", p.Name, err)
			}
		}
		for _, s := range whole.Sessions {
			var texts []string
			for _, id := range s.AnswerIDs() {
				texts = append(texts, id, s.Answer(id).Text)
			}
			for _, a := range s.Actions {
				texts = append(texts, a.Text, a.Reason)
			}
			for _, a := range s.Addenda {
				texts = append(texts, a.Text)
			}
			for _, x := range texts {
				if err := coach.CheckText(x); err != nil {
					t.Fatalf("accepted text %q: %v", x, err)
				}
			}
			if b, err := json.Marshal(s); err != nil || len(b) > 64<<20 {
				t.Fatalf("accepted a session that cannot be stored: %v", err)
			}
		}
	})
}
