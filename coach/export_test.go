package coach_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"attend/coach"
)

// exportDoc is what an export decodes into.
type exportDoc struct {
	Format   string                `json:"format"`
	Version  int                   `json:"version"`
	Exported time.Time             `json:"exported"`
	Prompts  map[string]string     `json:"prompts"`
	People   []coach.ExportPerson  `json:"people"`
	Sessions []coach.ExportSession `json:"sessions"`
}

func writeExport(t *testing.T, exported time.Time, people []coach.Person, sessions []coach.ExportSession) []byte {
	t.Helper()
	var buf bytes.Buffer
	ew := coach.NewExportWriter(&buf, exported, people)
	for _, s := range sessions {
		if err := ew.Session(s); err != nil {
			t.Fatalf("Session: %v", err)
		}
	}
	if err := ew.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return buf.Bytes()
}

func TestExportWriter(t *testing.T) {
	g := mustGuide(t, "en")
	p, s := sampleSession(t)
	p.LastSession = thursday
	p.NextSession = d(2027, 2, 24)
	p.Sessions = 3
	p.Cadence = coach.Cadence{Weeks: 6}
	s.Tidy(now.Add(time.Hour))
	other := coach.Person{ID: coach.NewID(now), Name: "Aled", Created: now}
	// A moment with a zone and nanoseconds, as time.Now gives.
	exported := time.Date(2026, 11, 26, 17, 4, 5, 123456789, time.FixedZone("", 3600))

	var sessions []coach.ExportSession
	for i := range 3 {
		s2 := s
		s2.ID = coach.NewID(now.Add(time.Duration(i) * time.Minute))
		sessions = append(sessions, coach.ExportSessionOf(g, p, s2))
	}

	tests := []struct {
		name     string
		people   []coach.Person
		sessions []coach.ExportSession
	}{
		{"empty", nil, nil},
		{"one", []coach.Person{p}, sessions[:1]},
		{"three", []coach.Person{p, other}, sessions},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := writeExport(t, exported, tt.people, tt.sessions)
			if !json.Valid(raw) {
				t.Fatalf("not valid JSON:\n%s", raw)
			}

			// The documented shape, with arrays (never null) for people and sessions.
			var top map[string]json.RawMessage
			if err := json.Unmarshal(raw, &top); err != nil {
				t.Fatal(err)
			}
			for _, key := range []string{"format", "version", "exported", "people", "sessions"} {
				if _, ok := top[key]; !ok {
					t.Errorf("export lacks %q", key)
				}
			}
			for _, key := range []string{"people", "sessions"} {
				if !bytes.HasPrefix(bytes.TrimSpace(top[key]), []byte("[")) {
					t.Errorf("%s is %s, want an array", key, top[key])
				}
			}

			var doc exportDoc
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&doc); err != nil {
				t.Fatalf("decoding: %v", err)
			}
			if doc.Format != coach.ExportFormat || doc.Version != coach.ExportVersion || !doc.Exported.Equal(exported) {
				t.Errorf("header: %q %d %v", doc.Format, doc.Version, doc.Exported)
			}
			if doc.Prompts["pack"] != coach.BuiltinPackName || doc.Prompts["version"] == "" {
				t.Errorf("the export names the prompts %v, want attend's own", doc.Prompts)
			}
			if len(doc.People) != len(tt.people) || len(doc.Sessions) != len(tt.sessions) {
				t.Fatalf("%d people and %d sessions, want %d and %d", len(doc.People), len(doc.Sessions), len(tt.people), len(tt.sessions))
			}
			for i, es := range doc.Sessions {
				if es.ID != tt.sessions[i].ID {
					t.Errorf("session %d is %s, want %s", i, es.ID, tt.sessions[i].ID)
				}
			}
			checkRFC3339(t, raw)
		})
	}
}

// checkRFC3339 finds every time in the raw export and parses it as written.
func checkRFC3339(t *testing.T, raw []byte) {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	times := 0
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && (k == "exported" || k == "created" || k == "updated" || k == "saved") {
					times++
					if _, err := time.Parse(time.RFC3339, s); err != nil {
						t.Errorf("%s.%s = %q is not RFC 3339: %v", path, k, s, err)
					}
					continue
				}
				walk(path+"."+k, x)
			}
		case []any:
			for i, x := range v {
				walk(fmt.Sprintf("%s[%d]", path, i), x)
			}
		}
	}
	walk("", v)
	if times == 0 {
		t.Error("no times found")
	}
}

func TestExportSessionOf(t *testing.T) {
	g := mustGuide(t, "en")
	p, s := sampleSession(t)
	s.Tidy(now.Add(time.Hour))
	es := coach.ExportSessionOf(g, p, s)

	if es.ID != s.ID || es.PersonID != personID || es.PersonName != p.Name || es.Date != "2026-11-26" || es.Lang != "en" {
		t.Errorf("header: %+v", es)
	}
	if es.NextSession != "2027-02-24" || !es.Saved.Equal(s.Saved) || !es.Created.Equal(now) {
		t.Errorf("dates: next %q saved %v created %v", es.NextSession, es.Saved, es.Created)
	}
	if len(es.Answers) != len(s.AnswerIDs()) {
		t.Errorf("%d answers, want %d", len(es.Answers), len(s.AnswerIDs()))
	}
	want := map[string]coach.ExportAnswer{
		"checkin.energy":        {Part: "prep", Stage: "checkin", Kind: "rating", Prompt: "How much energy do you have right now?", Rating: 2, RatingLabel: "tired", Text: "Long week on the rota. 😴"},
		"understand.challenges": {Part: "prep", Stage: "earlier", Kind: "text", Prompt: "In their words, what are the biggest challenges in their work right now?", Text: "  Night staffing; Gwenllïan's new rota."},
		"needs.workload":        {Part: "record", Stage: "needs", Kind: "rating", Prompt: "Workload", Text: "Not rated yet: we ran out of time."},
		"needs.belonging":       {Part: "record", Stage: "needs", Kind: "rating", Prompt: "Belonging", Rating: 4, RatingLabel: "good", Together: true},
		"agenda.said":           {Part: "record", Stage: "agenda", Kind: "text", Prompt: "What did they say, in their words?", Text: "\"Nights are the hard part.\""},
		"close.next":            {Part: "record", Stage: "close", Kind: "date", Prompt: "Date of the next session", Date: "2027-02-24"},
		"reflect.talking":       {Part: "reflection", Stage: "reflect", Kind: "text", Prompt: "Who did most of the talking?", Text: "They did, mostly."},
		"future.prompt":         {Part: "prep", Stage: "unknown", Kind: "unknown", Text: "From a newer prompt set."},
		"aaa.old":               {Part: "prep", Stage: "unknown", Kind: "unknown", Rating: 3, Date: "2026-12-01", Text: "Rated, dated and noted."},
	}
	for id, w := range want {
		if got := es.Answers[id]; got != w {
			t.Errorf("answers[%s] = %+v, want %+v", id, got, w)
		}
	}
	if len(es.Actions) != 3 {
		t.Errorf("actions: %+v", es.Actions)
	}

	// Keyed by prompt id on the wire, with the prompt and stage alongside.
	raw, err := json.Marshal(es)
	if err != nil {
		t.Fatal(err)
	}
	var wire struct {
		Answers map[string]map[string]any `json:"answers"`
		Actions []map[string]any          `json:"actions"`
	}
	if err := json.Unmarshal(raw, &wire); err != nil {
		t.Fatal(err)
	}
	a := wire.Answers["attend.language"]
	if a["stage"] != "attend" || !strings.Contains(a["prompt"].(string), "Welsh") || !strings.Contains(a["text"].(string), "Cymraeg") {
		t.Errorf("answers[attend.language] on the wire = %v", a)
	}
	if _, ok := wire.Answers["close.next"]["rating"]; ok {
		t.Error("a date answer should not carry a rating")
	}
	if wire.Actions[0]["due"] != "2026-12-18" || wire.Actions[0]["owner"] != "them" || wire.Actions[0]["status"] != "open" {
		t.Errorf("action on the wire = %v", wire.Actions[0])
	}

	// A session with no actions exports an empty list, not null.
	empty := coach.ExportSessionOf(g, p, coach.NewSession(personID, "en", now))
	raw, _ = json.Marshal(empty)
	if !bytes.Contains(raw, []byte(`"actions":[]`)) || !bytes.Contains(raw, []byte(`"answers":{}`)) {
		t.Errorf("empty session exports %s", raw)
	}
}

func TestExportPersonOf(t *testing.T) {
	p := coach.Person{ID: personID, Name: "Siân", Created: now, Cadence: coach.Cadence{Weeks: 6}, LastSession: thursday, Sessions: 2}
	ep := coach.ExportPersonOf(p)
	want := coach.ExportPerson{ID: personID, Name: "Siân", Created: now, Cadence: "every 6 weeks", LastSession: "2026-11-26", Sessions: 2}
	if ep != want {
		t.Errorf("ExportPersonOf = %+v, want %+v", ep, want)
	}
	raw, _ := json.Marshal(coach.ExportPersonOf(coach.Person{ID: personID, Name: "New"}))
	if bytes.Contains(raw, []byte("last_session")) || !bytes.Contains(raw, []byte(`"cadence":"every 3 months"`)) {
		t.Errorf("a new person exports %s", raw)
	}
}

// failAfter accepts n bytes, then fails every write.
type failAfter struct {
	n      int
	writes int
}

var errDiskFull = errors.New("disk full")

func (f *failAfter) Write(b []byte) (int, error) {
	f.writes++
	if len(b) > f.n {
		k := f.n
		f.n = 0
		return k, errDiskFull
	}
	f.n -= len(b)
	return len(b), nil
}

func TestExportWriterErrors(t *testing.T) {
	g := mustGuide(t, "en")
	p, s := sampleSession(t)
	es := coach.ExportSessionOf(g, p, s)
	full := len(writeExport(t, now, []coach.Person{p}, []coach.ExportSession{es, es}))

	for _, n := range []int{0, 10, 60, 300, full / 2, full - 2} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			w := &failAfter{n: n}
			ew := coach.NewExportWriter(w, now, []coach.Person{p})
			_ = ew.Session(es)
			_ = ew.Session(es)
			if err := ew.Close(); !errors.Is(err, errDiskFull) {
				t.Errorf("Close() = %v, want %v", err, errDiskFull)
			}
			after := w.writes
			if err := ew.Session(es); !errors.Is(err, errDiskFull) {
				t.Errorf("Session after a failure = %v", err)
			}
			if w.writes != after {
				t.Error("the writer should not be written to again after a failure")
			}
		})
	}

	// A moment JSON cannot hold is an error, not a panic.
	var buf bytes.Buffer
	ew := coach.NewExportWriter(&buf, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), nil)
	if err := ew.Close(); err == nil {
		t.Error("an export dated in the year 10000 should fail")
	}
}
