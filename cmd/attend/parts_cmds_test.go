package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"attend/coach"
	"attend/data"
)

// A meeting with Siân: what would help, a private prep note, actions on
// both sides. Marking my action done with --outcome shows in the export,
// the brief and the trends.
func TestDoneOutcomeBriefAndTrends(t *testing.T) {
	db := filepath.Join(t.TempDir(), "attend.db")
	st, err := data.Open(db, data.Options{Guide: testGuide(t)})
	if err != nil {
		t.Fatal(err)
	}
	p, _, err := st.EnsurePerson("Siân Ŵyn")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	s := coach.NewSession(p.ID, "en", now)
	s.Date = coach.DateOf(now).AddDays(-20)
	s.SetAnswer("checkin.head", coach.Answer{Text: "PRIVATE worry about the budget"})
	s.SetAnswer(coach.HelpID, coach.Answer{Text: "Cover for the Tuesday late"})
	s.SetAnswer("needs.workload", coach.Answer{Rating: 2, Together: true})
	s.SetAnswer("reflect.control", coach.Answer{Text: "PRIVATE I took over the rota talk"})
	s.Actions = []coach.Action{
		{Text: "Find bank cover for Tuesdays", Owner: coach.OwnerMe},
		{Text: "Try the new handover sheet", Owner: coach.OwnerThem},
	}
	saved, err := st.SaveSession(s)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	mine := saved.Actions[0].ID

	if _, err := attend(t, "done", "--db", db, mine, "--outcome", "brilliant"); exitCode(err) != 2 {
		t.Errorf("a made-up outcome: %v (exit %d), want a usage error", err, exitCode(err))
	}
	out := mustAttend(t, "done", "--db", db, mine, "--outcome", "helped")
	if !strings.Contains(out, "done: Find bank cover for Tuesdays") || !strings.Contains(out, "did it help? helped") {
		t.Errorf("done --outcome said:\n%s", out)
	}

	raw := mustAttend(t, "export", "--db", db, "--format", "json")
	var doc struct {
		Version  int                   `json:"version"`
		Sessions []coach.ExportSession `json:"sessions"`
	}
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		t.Fatal(err)
	}
	es := doc.Sessions[0]
	if doc.Version != 2 || es.Actions[0].Outcome != coach.OutcomeHelped || es.Actions[0].Status != coach.ActionDone {
		t.Errorf("export: version %d, action %+v", doc.Version, es.Actions[0])
	}
	for id, part := range map[string]string{"checkin.head": "prep", coach.HelpID: "record", "needs.workload": "record", "reflect.control": "reflection"} {
		if es.Answers[id].Part != part {
			t.Errorf("export answers[%s].part = %q, want %q", id, es.Answers[id].Part, part)
		}
	}
	if !es.Answers["needs.workload"].Together {
		t.Error("export: the workload rating lost that it was rated together")
	}

	brief := mustAttend(t, "brief", "--db", db, "sian")
	for _, want := range []string{"# Last time: Siân Ŵyn", "20 days ago", "> Cover for the Tuesday late", "Did it help? 1 helped.",
		"- [x] Find bank cover for Tuesdays (me) — done", "- [ ] Try the new handover sheet (them)", "| Workload | 2/5 together"} {
		if !strings.Contains(brief, want) {
			t.Errorf("brief lacks %q:\n%s", want, brief)
		}
	}
	if strings.Contains(brief, "PRIVATE") {
		t.Errorf("brief shows private notes:\n%s", brief)
	}

	trends := mustAttend(t, "trends", "--db", db, "sian", "--plain")
	if !strings.Contains(trends, "Did it help?  helped 1 · partly helped 0 · not helped yet 0 · didn't ask 0") {
		t.Errorf("trends:\n%s", trends)
	}

	// The subject access export holds every part, each labelled.
	md := mustAttend(t, "export", "--db", db, "--format", "md", "--person", "sian")
	for _, want := range []string{"PRIVATE worry", "PRIVATE I took over", "Cover for the Tuesday late",
		"_Your preparation: private notes, not part of the record you agree, still covered by a subject access request._",
		"_The meeting record: written with them, and what they agree._",
		"_Your reflection: private notes after the meeting, still covered by a subject access request._"} {
		if !strings.Contains(md, want) {
			t.Errorf("subject access export lacks %q:\n%s", want, md)
		}
	}
	// attend show is the meeting record only.
	shown := mustAttend(t, "show", "--db", db, saved.ID)
	if strings.Contains(shown, "PRIVATE") || !strings.Contains(shown, "Cover for the Tuesday late") {
		t.Errorf("show:\n%s", shown)
	}
}

func TestPromptsCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "attend.db")
	for _, lang := range []string{"en", "cy"} {
		raw := mustAttend(t, "prompts", "--db", db, "--lang", lang, "--format", "json")
		var rows []struct {
			Part, Stage, ID, Kind, Source, Prompt string
			Core                                  bool
		}
		if err := json.Unmarshal([]byte(raw), &rows); err != nil {
			t.Fatalf("%s: %v\n%s", lang, err, raw)
		}
		parts, core := map[string]int{}, 0
		for _, r := range rows {
			parts[r.Part]++
			if r.Source == "" || r.Stage == "" || r.Kind == "" || strings.Count(r.Prompt, "?") > 1 {
				t.Errorf("%s: %+v", lang, r)
			}
			if r.Core && r.Part == "prep" {
				core++
			}
		}
		if len(parts) != 3 || core == 0 || core > coach.MaxQuickPrep {
			t.Errorf("%s: parts %v, %d core prep prompts", lang, parts, core)
		}
	}
	text := mustAttend(t, "prompts", "--db", db)
	if !strings.Contains(text, "record  agenda  agenda.help  text  core  ") || !strings.Contains(text, "What would help most right now?") {
		t.Errorf("prompts:\n%s", text)
	}
	if _, err := attend(t, "prompts", "--db", db, "--format", "yaml"); exitCode(err) != 2 {
		t.Errorf("--format yaml: %v", err)
	}
}
