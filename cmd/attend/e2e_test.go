package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"attend/coach"
	"attend/data"
	"attend/tui"
)

// waitScreen waits until the program has drawn text containing want.
func waitScreen(t *testing.T, tm *teatest.TestModel, want string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte(want))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// TestPrepSaveExport runs the real app on a real database file: a prep for a
// new person, answers typed into two stages, saved through the review, then
// `attend export` on the same file must contain what was typed.
func TestPrepSaveExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "attend.db")
	guide, err := coach.LoadGuide("en")
	if err != nil {
		t.Fatal(err)
	}
	st, err := data.Open(db, data.Options{Guide: guide})
	if err != nil {
		t.Fatal(err)
	}
	m := tui.New(tui.Options{Store: tuiStore{st}, Guide: guide, PrepName: "Siân Ŵyn", AutosaveDelay: 10 * time.Millisecond, Dark: true})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))

	waitScreen(t, tm, "New person")
	tm.Send(tea.KeyPressMsg{Code: '4', Text: "4"}) // how the manager is arriving
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	tm.Type("Rota gaps & the CIW visit; phone off 📵")
	for range 2 { // past "more for this stage", into Attend (a quick prep)
		tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	}
	waitScreen(t, tm, "with fascination")
	tm.Type("Let her set the agenda: ask what matters most")
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	waitScreen(t, tm, "Review before saving")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	waitScreen(t, tm, "prompts answered")
	tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"export", "--db", db, "--format", "json"}, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("export: %v (%s)", err, errOut.String())
	}
	var doc struct {
		Format   string `json:"format"`
		People   []coach.ExportPerson
		Sessions []coach.ExportSession
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, out.String())
	}
	if doc.Format != coach.ExportFormat || len(doc.People) != 1 || len(doc.Sessions) != 1 {
		t.Fatalf("export = %+v", doc)
	}
	s := doc.Sessions[0]
	if s.PersonName != "Siân Ŵyn" || doc.People[0].Sessions != 1 {
		t.Fatalf("session person = %q, people = %+v", s.PersonName, doc.People)
	}
	checks := map[string]string{
		"checkin.head":       "Rota gaps & the CIW visit; phone off 📵",
		"attend.fascination": "Let her set the agenda: ask what matters most",
	}
	for id, want := range checks {
		if got := s.Answers[id].Text; got != want {
			t.Errorf("answers[%s].text = %q, want %q", id, got, want)
		}
		if s.Answers[id].Prompt == "" {
			t.Errorf("answers[%s] has no prompt text beside it", id)
		}
	}
	if a := s.Answers["checkin.energy"]; a.Rating != 4 || a.RatingLabel != "good" {
		t.Errorf("checkin.energy = %+v", a)
	}
}

func TestExportMarkdownForOnePerson(t *testing.T) {
	db := filepath.Join(t.TempDir(), "attend.db")
	st, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Siân Ŵyn", "Aled Evans"} {
		p, _, err := st.EnsurePerson(name)
		if err != nil {
			t.Fatal(err)
		}
		s := coach.NewSession(p.ID, "en", time.Now())
		s.SetAnswer("help.obstacle", coach.Answer{Text: "Notes about " + name})
		if _, err := st.SaveSession(s); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"export", "--db", db, "--format", "md", "--person", "sian"}, nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Notes about Siân Ŵyn") || strings.Contains(out.String(), "Aled") {
		t.Fatalf("markdown export for one person:\n%s", out.String())
	}
}

func TestCommandLineErrors(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notDB, []byte("shopping list\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export", "--format", "xml", "--db", filepath.Join(dir, "a.db")}, 2, "--format is json or md"},
		{[]string{"prep"}, 2, "prep takes one name"},
		{[]string{"export", "--db", notDB}, 1, "not an attend database"},
		{[]string{"--no-such-flag"}, 2, "unknown flag"},
		{[]string{"prep", "Siân", "--db", filepath.Join(dir, "b.db")}, 1, "input ended before anything was written"},
	}
	for _, c := range cases {
		var out bytes.Buffer
		err := run(context.Background(), c.args, strings.NewReader(""), &out, &out)
		if err == nil {
			t.Errorf("%v: no error", c.args)
			continue
		}
		if got := exitCode(err); got != c.code {
			t.Errorf("%v: exit %d, want %d (%v)", c.args, got, c.code, err)
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %q does not say %q", c.args, err, c.want)
		}
	}
	if b, _ := os.ReadFile(notDB); string(b) != "shopping list\n" {
		t.Fatalf("the text file was changed: %q", b)
	}
}

func TestBackupAndCheck(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "attend.db")
	st, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, _, _ := st.EnsurePerson("Siân Ŵyn")
	s := coach.NewSession(p.ID, "en", time.Now())
	s.SetAnswer("help.obstacle", coach.Answer{Text: "Second hoist"})
	if _, err := st.SaveSession(s); err != nil {
		t.Fatal(err)
	}
	st.Close()

	copyPath := filepath.Join(dir, "copy.db")
	var out bytes.Buffer
	if err := run(context.Background(), []string{"backup", "--db", db, copyPath}, nil, &out, &out); err != nil {
		t.Fatalf("backup: %v", err)
	}
	if fi, err := os.Stat(copyPath); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v, %v", fi, err)
	}
	out.Reset()
	if err := run(context.Background(), []string{"check", "--db", copyPath}, nil, &out, &out); err != nil {
		t.Fatalf("check of the backup: %v", err)
	}
	if !strings.Contains(out.String(), "no faults found") {
		t.Fatalf("check said %q", out.String())
	}
	out.Reset()
	if err := run(context.Background(), []string{"export", "--db", copyPath}, nil, &out, &out); err != nil || !strings.Contains(out.String(), "Second hoist") {
		t.Fatalf("the backup does not hold the session: %v\n%s", err, out.String())
	}

	// A damaged file: check names the fault and exits non-zero, changing nothing.
	bad := filepath.Join(dir, "bad.db")
	raw, _ := os.ReadFile(db)
	for i := 4096 * 2; i < len(raw); i += 7 {
		raw[i] ^= 0xff
	}
	if err := os.WriteFile(bad, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	err = run(context.Background(), []string{"check", "--db", bad}, nil, &out, &out)
	if err == nil || exitCode(err) != 1 {
		t.Fatalf("check of a damaged file: %v", err)
	}
	if after, _ := os.ReadFile(bad); !bytes.Equal(after, raw) {
		t.Fatal("check changed the damaged file")
	}
}

func TestBackupNeverOverwritesWithoutForce(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "attend.db")
	st, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	precious := filepath.Join(dir, "important.txt")
	os.WriteFile(precious, []byte("my important notes\n"), 0o600)
	var out bytes.Buffer
	err = run(context.Background(), []string{"backup", "--db", db, precious}, nil, &out, &out)
	if err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("backup over an existing file: %v", err)
	}
	if b, _ := os.ReadFile(precious); string(b) != "my important notes\n" {
		t.Fatal("backup overwrote an existing file")
	}
	if err := run(context.Background(), []string{"backup", "--force", "--db", db, precious}, nil, &out, &out); err != nil {
		t.Fatalf("backup --force: %v", err)
	}
}

func TestExportForSomeoneWithNoSavedSessions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "attend.db")
	st, _ := data.Open(db, data.Options{})
	st.EnsurePerson("Dafydd ap Gwilym")
	st.Close()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"export", "--db", db, "--format", "md", "--person", "dafydd"}, nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "# Everything attend holds about Dafydd ap Gwilym") || !strings.Contains(out.String(), "No saved sessions") {
		t.Fatalf("export said:\n%s", out.String())
	}
}

// A subject access export includes an unsaved prep: it is about them too.
func TestSubjectAccessExportIncludesTheDraft(t *testing.T) {
	db := filepath.Join(t.TempDir(), "attend.db")
	st, _ := data.Open(db, data.Options{})
	p, _, _ := st.EnsurePerson("Dafydd ap Gwilym")
	d := coach.NewSession(p.ID, "en", time.Now())
	d.SetAnswer("checkin.head", coach.Answer{Text: "Worried about his back"})
	if err := st.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	st.Close()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"export", "--db", db, "--format", "md", "--person", "Dafydd ap Gwilym"}, nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"An unsaved draft", "still covered by a subject access request", "Worried about his back"} {
		if !strings.Contains(out.String(), want) {
			t.Fatalf("export lacks %q:\n%s", want, out.String())
		}
	}
}

func TestCadenceCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "attend.db")
	st, _ := data.Open(db, data.Options{})
	st.EnsurePerson("Siân Ŵyn")
	st.Close()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"cadence", "--db", db, "sian", "6w"}, nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Siân Ŵyn: supervision every 6 weeks (was every 3 months)") {
		t.Fatalf("cadence said %q", out.String())
	}
	out.Reset()
	if err := run(context.Background(), []string{"cadence", "--db", db, "sian"}, nil, &out, &out); err != nil || !strings.Contains(out.String(), "every 6 weeks") {
		t.Fatalf("cadence show: %v %q", err, out.String())
	}
	err := run(context.Background(), []string{"cadence", "--db", db, "sian", "fortnightly"}, nil, &out, &out)
	if exitCode(err) != 2 || !strings.Contains(err.Error(), "not an interval") {
		t.Fatalf("bad interval: %v", err)
	}
}

// A backup into a folder names the file it wrote, and a second one in the
// same second never replaces the first.
func TestBackupIntoAFolder(t *testing.T) {
	dir := t.TempDir()
	db := peopleDB(t, "Siân Ŵyn")
	at := time.Date(2026, 11, 26, 8, 55, 0, 0, time.Local)
	old := backupNow
	backupNow = func() time.Time { return at }
	t.Cleanup(func() { backupNow = old })

	var wrote []string
	for i := range 3 {
		if i == 1 {
			// Someone else's file with the next name is never replaced either.
			os.WriteFile(filepath.Join(dir, "attend-20261126-085500-2.db"), []byte("mine\n"), 0o600)
		}
		out := mustAttend(t, "backup", "--db", db, dir+string(os.PathSeparator))
		_, file, ok := strings.Cut(strings.TrimSpace(out), " to ")
		if !ok {
			t.Fatalf("backup said %q", out)
		}
		fi, err := os.Stat(file)
		if err != nil || fi.IsDir() || fi.Mode().Perm() != 0o600 || fi.Size() == 0 {
			t.Fatalf("backup said it wrote %q: %v, %v", file, fi, err)
		}
		wrote = append(wrote, filepath.Base(file))
	}
	want := []string{"attend-20261126-085500.db", "attend-20261126-085500-3.db", "attend-20261126-085500-4.db"}
	if strings.Join(wrote, " ") != strings.Join(want, " ") {
		t.Errorf("backups written: %q, want %q", wrote, want)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "attend-20261126-085500-2.db")); string(b) != "mine\n" {
		t.Errorf("a file already there was replaced")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 4 {
		t.Errorf("%d files in the folder, want 4 (no temporary files left)", len(entries))
	}
	for _, f := range want {
		if out := mustAttend(t, "check", "--db", filepath.Join(dir, f)); !strings.Contains(out, "no faults") {
			t.Errorf("check %s: %s", f, out)
		}
	}
}
