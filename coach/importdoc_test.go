package coach_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"attend/coach"
)

// exportFixture writes an export of two people and three sessions with
// coach.ExportWriter, as attend export does.
func exportFixture(t testing.TB) []byte {
	t.Helper()
	g, err := coach.LoadGuide("cy")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 26, 8, 55, 0, 0, time.UTC)
	sian := coach.Person{ID: coach.NewID(now), Name: "Siân Ŵyn", Created: now.Add(-time.Hour), Cadence: coach.Cadence{Weeks: 6},
		LastSession: coach.Date{Year: 2026, Month: 11, Day: 26}, Sessions: 2}
	aled := coach.Person{ID: coach.NewID(now), Name: "Aled 🌻 Evans", Created: now.Add(-time.Hour), Sessions: 1}
	var buf bytes.Buffer
	ew := coach.NewExportWriter(&buf, now, []coach.Person{sian, aled})
	for i, p := range []coach.Person{sian, sian, aled} {
		s := coach.NewSession(p.ID, "cy", now.Add(time.Duration(i)*time.Minute))
		s.Saved = s.Created.Add(10 * time.Minute)
		s.Updated = s.Saved
		s.SetAnswer("checkin.energy", coach.Answer{Rating: 3, Text: "Wedi blino ar ôl y shifft nos 😴"})
		s.SetAnswer("needs.workload", coach.Answer{Rating: 2})
		s.SetAnswer("close.next", coach.Answer{Date: coach.Date{Year: 2027, Month: 2, Day: 24}})
		s.SetAnswer("future.prompt", coach.Answer{Text: "an answer to a prompt this attend does not know"})
		s.Actions = []coach.Action{{ID: coach.NewID(now), Text: "Trefnu hyfforddiant", Owner: coach.OwnerThem,
			Due: coach.Date{Year: 2026, Month: 12, Day: 10}, Status: coach.ActionOpen, Created: now}}
		if i == 2 {
			s.Actions = append(s.Actions, coach.Action{ID: coach.NewID(now), Text: "Hen beth", Owner: coach.OwnerMe,
				Status: coach.ActionDropped, Reason: "dim angen", Created: now})
		}
		if err := ew.Session(coach.ExportSessionOf(g, p, s)); err != nil {
			t.Fatal(err)
		}
	}
	if err := ew.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestParseImportReadsAnExport(t *testing.T) {
	raw := exportFixture(t)
	doc, err := coach.ParseImport(raw)
	if err != nil {
		t.Fatalf("ParseImport of an export: %v", err)
	}
	if len(doc.People) != 2 || len(doc.Sessions) != 3 {
		t.Fatalf("%d people, %d sessions", len(doc.People), len(doc.Sessions))
	}
	if p := doc.People[0]; p.Name != "Siân Ŵyn" || p.Cadence != (coach.Cadence{Weeks: 6}) || p.Sessions != 0 || !p.LastSession.IsZero() {
		t.Errorf("person %+v (derived fields are not kept)", p)
	}
	if doc.People[1].Cadence != (coach.Cadence{}) {
		t.Errorf("the default cadence comes back as %+v, want the zero Cadence", doc.People[1].Cadence)
	}
	s := doc.Sessions[2]
	if a := s.Answer("checkin.energy"); a.Rating != 3 || a.Text != "Wedi blino ar ôl y shifft nos 😴" {
		t.Errorf("answer %+v", a)
	}
	if s.Answer("future.prompt").Text == "" || s.NextSession() != (coach.Date{Year: 2027, Month: 2, Day: 24}) {
		t.Errorf("answers %+v", s.AnswerIDs())
	}
	if len(s.Actions) != 2 || s.Actions[1].Reason != "dim angen" || s.Actions[1].Status != coach.ActionDropped {
		t.Errorf("actions %+v", s.Actions)
	}
	if s.IsDraft() || s.Lang != "cy" {
		t.Errorf("session %+v", s)
	}
}

// mutate applies fn to the export as generic JSON and encodes it again.
func mutate(t testing.TB, raw []byte, fn func(doc map[string]any)) []byte {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	fn(doc)
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func at(doc map[string]any, list string, i int) map[string]any {
	return doc[list].([]any)[i].(map[string]any)
}

func TestParseImportNamesTheFieldAtFault(t *testing.T) {
	raw := exportFixture(t)
	answer := func(doc map[string]any, i int, id string) map[string]any {
		return at(doc, "sessions", i)["answers"].(map[string]any)[id].(map[string]any)
	}
	action := func(doc map[string]any, i, j int) map[string]any {
		return at(doc, "sessions", i)["actions"].([]any)[j].(map[string]any)
	}
	cases := []struct {
		name string
		fn   func(map[string]any)
		want string
	}{
		{"format", func(d map[string]any) { d["format"] = "something-else" }, `format: "something-else" is not an attend export`},
		{"no format", func(d map[string]any) { delete(d, "format") }, "format: is missing"},
		{"version", func(d map[string]any) { d["version"] = 3 }, "version: 3 is not an export version this attend reads"},
		{"version text", func(d map[string]any) { d["version"] = "1" }, "version: should be a number, not text"},
		{"unknown top field", func(d map[string]any) { d["secrets"] = true }, "secrets: is not a field this attend knows"},
		{"people not a list", func(d map[string]any) { d["people"] = map[string]any{} }, "people: should be a list, not an object"},
		{"person id", func(d map[string]any) { at(d, "people", 1)["id"] = "sian" }, `people[1].id: "sian" is not an attend id`},
		{"person name", func(d map[string]any) { at(d, "people", 0)["name"] = "  " }, "people[0].name: a name is needed"},
		{"person created", func(d map[string]any) { at(d, "people", 0)["created"] = "yesterday" }, `people[0].created: "yesterday" is not a time`},
		{"person cadence", func(d map[string]any) { at(d, "people", 0)["cadence"] = "fortnightly" }, `people[0].cadence: "fortnightly" is not a cadence`},
		{"person last", func(d map[string]any) { at(d, "people", 0)["last_session"] = "2026-02-30" }, `people[0].last_session: "2026-02-30" is not a date`},
		{"person unknown field", func(d map[string]any) { at(d, "people", 1)["salary"] = 1 }, "people[1].salary: is not a field this attend knows"},
		{"duplicate person", func(d map[string]any) { at(d, "people", 1)["id"] = at(d, "people", 0)["id"] }, "people[1].id: "},
		{"same name twice", func(d map[string]any) { at(d, "people", 1)["name"] = "sian wyn" }, `people[1].name: "sian wyn" is the same name as people[0]`},
		{"rating 7", func(d map[string]any) { answer(d, 2, "needs.workload")["rating"] = 7 }, `sessions[2].answers["needs.workload"].rating: 7 is not 1 to 5`},
		{"rating half", func(d map[string]any) { answer(d, 0, "checkin.energy")["rating"] = 2.5 }, `sessions[0].answers["checkin.energy"].rating: 2.5 is not a whole number`},
		{"rating 0", func(d map[string]any) { answer(d, 0, "checkin.energy")["rating"] = 0 }, `sessions[0].answers["checkin.energy"].rating: 0 is not 1 to 5`},
		{"answer date", func(d map[string]any) { answer(d, 1, "close.next")["date"] = "24/2/2027" }, `sessions[1].answers["close.next"].date: "24/2/2027" is not a date`},
		{"answer text type", func(d map[string]any) { answer(d, 1, "checkin.energy")["text"] = 5 }, `sessions[1].answers["checkin.energy"].text: should be text, not a number`},
		{"answer too long", func(d map[string]any) {
			answer(d, 1, "checkin.energy")["text"] = strings.Repeat("ŵ", coach.MaxAnswerLen+1)
		}, `sessions[1].answers["checkin.energy"].text: is 20001 characters`},
		{"answer unknown field", func(d map[string]any) { answer(d, 0, "checkin.energy")["mood"] = "x" }, `sessions[0].answers["checkin.energy"].mood: is not a field`},
		{"answer not object", func(d map[string]any) { at(d, "sessions", 0)["answers"].(map[string]any)["x.y"] = "hello" }, `sessions[0].answers["x.y"]: should be an object, not text`},
		{"session id", func(d map[string]any) { at(d, "sessions", 1)["id"] = 12 }, "sessions[1].id: should be text, not a number"},
		{"session person", func(d map[string]any) { at(d, "sessions", 1)["person_id"] = "01M8B6J8DNPJ2PXMD9RG5HGHXB" }, "sessions[1].person_id: 01M8B6J8DNPJ2PXMD9RG5HGHXB is not among the people of this export"},
		{"session date", func(d map[string]any) { at(d, "sessions", 0)["date"] = "" }, "sessions[0].date: is empty"},
		{"session date missing", func(d map[string]any) { delete(at(d, "sessions", 0), "date") }, "sessions[0].date: is missing"},
		{"session saved", func(d map[string]any) { at(d, "sessions", 2)["saved"] = "0001-01-01T00:00:00Z" }, "sessions[2].saved: is empty: only saved sessions can be imported"},
		{"session lang", func(d map[string]any) { at(d, "sessions", 2)["lang"] = "../../etc" }, `sessions[2].lang: "../../etc" is not a language code`},
		{"duplicate session", func(d map[string]any) { at(d, "sessions", 2)["id"] = at(d, "sessions", 0)["id"] }, "sessions[2].id: "},
		{"owner", func(d map[string]any) { action(d, 2, 0)["owner"] = "boss" }, `sessions[2].actions[0].owner: "boss" is not me, them or other`},
		{"status", func(d map[string]any) { action(d, 2, 1)["status"] = "maybe" }, `sessions[2].actions[1].status: "maybe" is not open, done or dropped`},
		{"action due", func(d map[string]any) { action(d, 0, 0)["due"] = "2026-13-01" }, `sessions[0].actions[0].due: "2026-13-01" is not a date`},
		{"action id", func(d map[string]any) { action(d, 0, 0)["id"] = "" }, `sessions[0].actions[0].id: "" is not an attend id`},
		{"action text", func(d map[string]any) { action(d, 0, 0)["text"] = " " }, "sessions[0].actions[0].text: is empty"},
		{"duplicate action", func(d map[string]any) { action(d, 2, 1)["id"] = action(d, 2, 0)["id"] }, "sessions[2].actions[1].id: "},
		{"actions null", func(d map[string]any) { at(d, "sessions", 1)["actions"] = nil }, "sessions[1].actions: should be a list, not null"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := coach.ParseImport(mutate(t, raw, c.fn))
			if err == nil {
				t.Fatalf("accepted")
			}
			if doc != nil {
				t.Error("a rejected import returned a document")
			}
			var ie *coach.ImportError
			if !errors.As(err, &ie) {
				t.Errorf("error %T is not an *ImportError", err)
			}
			if !strings.HasPrefix(err.Error(), c.want) && !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q\n want it to say %q", err, c.want)
			}
		})
	}

	for _, bad := range []string{"", "null", "[]", "{", `"attend-export"`, "\xff\xfe{}", `{"format":"attend-export","version":1}`} {
		if _, err := coach.ParseImport([]byte(bad)); err == nil {
			t.Errorf("ParseImport(%q) accepted", bad)
		}
	}
}

func TestParseCadenceRoundTrip(t *testing.T) {
	for _, c := range []coach.Cadence{{Weeks: 1}, {Weeks: 6}, {Months: 1}, {Months: 2}, {Months: 12}, {}} {
		got, err := coach.ParseCadence(c.String())
		if err != nil || got.String() != c.String() {
			t.Errorf("ParseCadence(%q) = %+v, %v", c.String(), got, err)
		}
	}
	if got, _ := coach.ParseCadence("every 3 months"); got != (coach.Cadence{}) {
		t.Errorf("the default reads as %+v", got)
	}
	for _, bad := range []string{"", "monthly", "every 0 weeks", "every -1 months", "every 1000 weeks", "every 3 days"} {
		if _, err := coach.ParseCadence(bad); err == nil {
			t.Errorf("ParseCadence(%q) accepted", bad)
		}
	}
}

func FuzzParseImport(f *testing.F) {
	raw := exportFixture(f)
	f.Add(raw)
	for _, s := range []string{
		"", "{}", "null", `{"format":"attend-export","version":1,"people":[],"sessions":[]}`,
		`{"format":"attend-export","version":1,"people":[null],"sessions":[]}`,
		`{"format":"attend-export","version":1.5,"people":[],"sessions":[]}`,
		`{"format":"attend-export","version":1,"people":[{"id":"01M8B6J8DNPJ2PXMD9RG5HGHXB","name":"A","created":"2026-11-26T08:40:12Z"}],"sessions":[{}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		doc, err := coach.ParseImport(raw)
		if err != nil {
			if doc != nil {
				t.Fatal("a rejected import returned a document")
			}
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		// Whatever is accepted keeps every promise the store relies on.
		people := map[string]bool{}
		for _, p := range doc.People {
			if !coach.ValidID(p.ID) {
				t.Fatalf("person id %q", p.ID)
			}
			if clean, err := coach.CleanName(p.Name); err != nil || clean != p.Name {
				t.Fatalf("person name %q", p.Name)
			}
			people[p.ID] = true
		}
		for _, s := range doc.Sessions {
			if err := s.Validate(); err != nil {
				t.Fatalf("accepted an invalid session: %v", err)
			}
			if !people[s.PersonID] || s.IsDraft() {
				t.Fatalf("session %s: person %q, saved %v", s.ID, s.PersonID, s.Saved)
			}
			if _, err := json.Marshal(s); err != nil {
				t.Fatalf("accepted a session that cannot be stored: %v", err)
			}
		}
	})
}

// An export written by the release before the three parts (version 1)
// still imports: every answer lands in the part the upgrade of a database
// would put it in, and its record text becomes what they said. Exporting it
// again (version 2) and importing that gives the same sessions.
func TestParseImportVersion1FromTheRelease(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "export-v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	var v1 struct {
		Version  int `json:"version"`
		Sessions []struct {
			ID      string `json:"id"`
			Record  string `json:"record"`
			Answers map[string]struct {
				Text   string `json:"text"`
				Rating int    `json:"rating"`
				Date   string `json:"date"`
			} `json:"answers"`
		} `json:"sessions"`
	}
	if err := json.Unmarshal(raw, &v1); err != nil || v1.Version != 1 {
		t.Fatalf("fixture: version %d, %v", v1.Version, err)
	}
	doc, err := coach.ParseImport(raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Sessions) != len(v1.Sessions) {
		t.Fatalf("%d sessions, want %d", len(doc.Sessions), len(v1.Sessions))
	}
	records := 0
	for i, s := range doc.Sessions {
		want := v1.Sessions[i]
		for id, a := range want.Answers {
			part := coach.PartPrep
			if id == coach.NextID || slices.Contains(coach.NeedIDs, id) {
				part = coach.PartRecord
			}
			got, ok := s.Answers(part)[id]
			if !ok || got.Text != a.Text || got.Rating != a.Rating || got.Date.String() != a.Date || got.Together {
				t.Errorf("%s %s: %+v in %s, want %+v", s.ID, id, got, part, a)
			}
		}
		if s.Said() != want.Record {
			t.Errorf("%s: said %q, want %q", s.ID, s.Said(), want.Record)
		}
		if want.Record != "" {
			records++
		}
	}
	if records == 0 {
		t.Fatal("the fixture has no record text to carry across")
	}

	g := mustGuide(t, "en")
	var buf bytes.Buffer
	ew := coach.NewExportWriter(&buf, now, doc.People)
	for _, s := range doc.Sessions {
		ew.Session(coach.ExportSessionOf(g, doc.People[0], s))
	}
	if err := ew.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := coach.ParseImport(buf.Bytes())
	if err != nil {
		t.Fatalf("re-import of version 2: %v", err)
	}
	for i := range doc.Sessions {
		a, b := doc.Sessions[i], again.Sessions[i]
		if !reflect.DeepEqual(a.Prep, b.Prep) || !reflect.DeepEqual(a.Record, b.Record) || len(b.Actions) != len(a.Actions) {
			t.Errorf("%s changed through a version 2 export:\n%+v\n%+v", a.ID, a, b)
		}
	}
}
