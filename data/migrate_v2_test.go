package data

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"attend/coach"
)

// v2Session is a session as the release before the three parts stored it,
// read straight from the file so the test does not rely on the code under
// test to know what was there.
type v2Session struct {
	V        int                     `json:"v"`
	ID       string                  `json:"id"`
	PersonID string                  `json:"person_id"`
	Answers  map[string]coach.Answer `json:"answers"`
	Actions  []coach.Action          `json:"actions"`
	Record   string                  `json:"record"`
	Agreed   coach.Date              `json:"agreed"`
	Addenda  []coach.Addendum        `json:"addenda"`
	Saved    time.Time               `json:"saved"`
}

// TestMigrateReleaseFileToThreeParts opens a file written by the release
// before the three parts (attend demo, record, agree, addendum, done and
// drop, from the command line: data/testdata/release-schema2.db) and checks
// that every text, rating, date, action, record, agreement and addendum is
// there after the upgrade, in the part it belongs to; that a backup was
// kept; that Check passes; and that opening again upgrades nothing.
func TestMigrateReleaseFileToThreeParts(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "release-schema2.db"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "attend.db")
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}

	// What the release wrote, read raw.
	before := map[string]v2Session{}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.View(func(tx *bbolt.Tx) error {
		if v := string(tx.Bucket(bktMeta).Get(metaSchema)); v != "2" {
			t.Fatalf("the fixture is schema %s, want 2", v)
		}
		return tx.Bucket(bktSessions).ForEach(func(k, v []byte) error {
			var r v2Session
			if err := json.Unmarshal(v, &r); err != nil {
				return err
			}
			before[string(k)] = r
			return nil
		})
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	var records, agreed, addenda, texts int
	for _, r := range before {
		if r.V != 2 {
			t.Fatalf("fixture session %s is version %d", r.ID, r.V)
		}
		if r.Record != "" {
			records++
		}
		if !r.Agreed.IsZero() {
			agreed++
		}
		addenda += len(r.Addenda)
		texts += len(r.Answers)
	}
	if len(before) < 50 || records < 5 || agreed < 3 || addenda < 3 || texts < 300 {
		t.Fatalf("the fixture is too thin to test with: %d sessions, %d records, %d agreed, %d addenda, %d answers",
			len(before), records, agreed, addenda, texts)
	}

	// A draft the release left (a prep not yet saved) for the first person.
	var draftPerson string
	for _, r := range before {
		draftPerson = r.PersonID
		break
	}
	draft := `{"v":2,"id":"01M8B6JA8ZJ68R3WF717SCT7QK","person_id":"` + draftPerson + `","lang":"en","date":"2026-11-26",` +
		`"created":"2026-11-26T08:41:00Z","updated":"2026-11-26T08:55:00Z",` +
		`"answers":{"checkin.lasttime":{"text":"Half-typed before the upgrade"},"needs.workload":{"rating":2}},"actions":[]}`
	db, err = bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error { return tx.Bucket(bktDrafts).Put([]byte(draftPerson), []byte(draft)) }); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s := openTest(t, path)
	if d, ok, err := s.Draft(draftPerson); err != nil || !ok || d.Prep["checkin.lasttime"].Text != "Half-typed before the upgrade" || d.Record["needs.workload"].Rating != 2 {
		t.Errorf("the draft after the upgrade: %+v %v %v", d, ok, err)
	}
	baks, _ := filepath.Glob(path + ".bak-v2-*")
	if len(baks) != 1 {
		t.Fatalf("backups %v, want one copy from before the upgrade", baks)
	}
	if bak, err := os.ReadFile(baks[0]); err != nil || len(bak) == 0 {
		t.Fatalf("backup unreadable: %v", err)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("Check after the upgrade: %v", err)
	}

	seen := 0
	err = s.EachSession(func(p coach.Person, got coach.Session) error {
		want, ok := before[got.ID]
		if !ok {
			t.Errorf("session %s was not in the file", got.ID)
			return nil
		}
		seen++
		// Every answer is there, unchanged, in the part it belongs to.
		for id, a := range want.Answers {
			part := coach.PartPrep
			if id == coach.NextID || slices.Contains(coach.NeedIDs, id) {
				part = coach.PartRecord
			}
			if g, ok := got.Answers(part)[id]; !ok || g.Text != a.Text || g.Rating != a.Rating || g.Date != a.Date || g.Together {
				t.Errorf("%s %s: %+v in %s, want %+v", got.ID, id, g, part, a)
			}
		}
		if n := len(got.AnswerIDs()); n != len(want.Answers)+boolInt(want.Record != "") {
			t.Errorf("%s: %d answers after, %d before (and record %q)", got.ID, n, len(want.Answers), want.Record)
		}
		if len(got.Reflection) != 0 {
			t.Errorf("%s: a reflection appeared from nowhere: %v", got.ID, got.Reflection)
		}
		// The record's text is what they said, in the meeting record.
		if got.Said() != want.Record {
			t.Errorf("%s: said %q, want the record %q", got.ID, got.Said(), want.Record)
		}
		if !slices.EqualFunc(got.Actions, want.Actions, func(a, b coach.Action) bool {
			return a.ID == b.ID && a.Text == b.Text && a.Owner == b.Owner && a.Due == b.Due && a.Status == b.Status &&
				a.Reason == b.Reason && a.Created.Equal(b.Created) && a.Closed.Equal(b.Closed) && a.Outcome == ""
		}) {
			t.Errorf("%s: actions %+v, want %+v", got.ID, got.Actions, want.Actions)
		}
		if got.Agreed != want.Agreed || !got.Saved.Equal(want.Saved) || got.PersonID != want.PersonID {
			t.Errorf("%s: agreed %s saved %v, want %s %v", got.ID, got.Agreed, got.Saved, want.Agreed, want.Saved)
		}
		if !slices.EqualFunc(got.Addenda, want.Addenda, func(a, b coach.Addendum) bool { return a.At.Equal(b.At) && a.Text == b.Text }) {
			t.Errorf("%s: addenda %+v, want %+v", got.ID, got.Addenda, want.Addenda)
		}
		// The shared record holds none of the prep's text.
		md := coach.Markdown(s.guide(got.Lang), p, got, coach.MarkdownOptions{Parts: []coach.Part{coach.PartRecord}})
		for id, a := range want.Answers {
			if t1 := strings.TrimSpace(a.Text); len(t1) > 20 && !slices.Contains(coach.NeedIDs, id) && strings.Contains(md, t1) {
				t.Errorf("%s: the meeting record shows the prep answer %s", got.ID, id)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen != len(before) {
		t.Errorf("%d sessions after the upgrade, %d before", seen, len(before))
	}

	// An agreed record is still read-only after the upgrade.
	for id, r := range before {
		if !r.Agreed.IsZero() {
			if _, err := s.CompleteSession(id, "rewritten", nil, coach.Date{}); err == nil {
				t.Errorf("%s: an agreed record was edited after the upgrade", id)
			}
			break
		}
	}
	// Search still finds what the records said.
	hits, err := s.Search(coach.SearchQuery{Text: "Tuesdays are the hard ones", Limit: -1})
	if err != nil || len(hits) != records {
		t.Errorf("search for the records' words: %d hits, want %d (%v)", len(hits), records, err)
	}

	s.Close()
	s2 := openTest(t, path)
	if baks, _ := filepath.Glob(path + ".bak-*"); len(baks) != 1 {
		t.Errorf("opening again made another backup: %v", baks)
	}
	if err := s2.Check(); err != nil {
		t.Error(err)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
