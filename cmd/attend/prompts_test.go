package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"attend/coach"
	"attend/data"
)

const helpPrompt = `prompt = "What would help most right now?"`

// writePack writes attend's prompts as a pack, with old replaced by new.
func writePack(t *testing.T, old, new string) string {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	raw := mustAttend(t, "prompts", "--format", "toml")
	if !strings.Contains(raw, old) {
		t.Fatalf("%q is not in the pack", old)
	}
	path := filepath.Join(t.TempDir(), "ours.toml")
	if err := os.WriteFile(path, []byte(strings.Replace(raw, old, new, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPromptsPackCheck(t *testing.T) {
	good := writePack(t, `version = "`, `version = "7`)
	out := mustAttend(t, "prompts", "check", good)
	if !strings.Contains(out, "is a good prompt pack") || !strings.Contains(out, "[cy en]") {
		t.Errorf("check said %q", out)
	}

	bad := writePack(t, `id = "empathise.safe"`, `id = "empathy.safe"`)
	out, err := attend(t, "prompts", "check", bad)
	if err == nil || exitCode(err) != 1 {
		t.Fatalf("check of a broken pack: %v", err)
	}
	raw, _ := os.ReadFile(bad)
	line := strings.Count(string(raw[:strings.Index(string(raw), `id = "empathy.safe"`)]), "\n") + 1
	want := bad + ":" + strconv.Itoa(line) + ": en.stages[4].prompts[1].id: "
	if !strings.HasPrefix(out, want) {
		t.Errorf("check said %q, want it to start %q", out, want)
	}

	// attend will not start with it, and says why in one line.
	db := filepath.Join(t.TempDir(), "a.db")
	_, err = attend(t, "--prompts", bad, "--db", db, "log")
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "line "+strconv.Itoa(line)+": en.stages[4].prompts[1].id") {
		t.Fatalf("start with a broken pack: %v", err)
	}
	if _, statErr := os.Stat(db); !os.IsNotExist(statErr) {
		t.Error("a refused start made a database")
	}
	// The same from ATTEND_PROMPTS and from the config folder.
	t.Setenv("ATTEND_PROMPTS", bad)
	if _, err := attend(t, "--db", db, "log"); err == nil || !strings.Contains(err.Error(), "cannot be used") {
		t.Errorf("ATTEND_PROMPTS: %v", err)
	}
	os.Unsetenv("ATTEND_PROMPTS")
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	os.MkdirAll(filepath.Join(cfg, "attend"), 0o700)
	raw, _ = os.ReadFile(bad)
	os.WriteFile(filepath.Join(cfg, "attend", "prompts.toml"), raw, 0o600)
	if _, err := attend(t, "--db", db, "log"); err == nil || !strings.Contains(err.Error(), "prompts.toml cannot be used") {
		t.Errorf("config folder pack: %v", err)
	}
}

// TestPromptsPackKeepsOldRecords checks that a session reads as it was
// asked whatever the pack does later: one saved under attend's own wording,
// and one saved under a pack's, both unchanged after the pack is reworded.
func TestPromptsPackKeepsOldRecords(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	mustAttend(t, "demo", "--sessions", "20", "--db", db)
	line := mustAttend(t, "--db", db, "log", "--limit", "1")
	oldID := strings.Fields(line)[0]
	before := mustAttend(t, "--db", db, "show", oldID, "--private")
	if !strings.Contains(before, "What would help most right now?") {
		t.Skip("the newest demo session has no answer to what would help")
	}

	first := writePack(t, helpPrompt, `prompt = "What one thing would help most?"`)
	if after := mustAttend(t, "--prompts", first, "--db", db, "show", oldID, "--private"); after != before {
		t.Errorf("an old session changed under a pack:\n%s\n---\n%s", before, after)
	}

	// Save a session under the first pack, as the prep screen does.
	p, err := readPack(first)
	if err != nil {
		t.Fatal(err)
	}
	coach.UsePack(p)
	g, _ := coach.LoadGuide("en")
	st, err := data.Open(db, data.Options{Guide: g})
	if err != nil {
		t.Fatal(err)
	}
	people, _ := st.People()
	s := coach.NewSession(people[0].ID, "en", time.Now())
	s.SetAnswer(coach.HelpID, coach.Answer{Text: "Cover on Tuesdays."})
	saved, err := st.SaveSession(s)
	st.Close()
	coach.UsePack(nil)
	if err != nil {
		t.Fatal(err)
	}
	shown := mustAttend(t, "--prompts", first, "--db", db, "show", saved.ID)
	if !strings.Contains(shown, "What one thing would help most?") {
		t.Fatalf("saved under the pack, shown:\n%s", shown)
	}

	second := writePack(t, helpPrompt, `prompt = "Beth fyddai'n helpu fwyaf?"`)
	if again := mustAttend(t, "--prompts", second, "--db", db, "show", saved.ID); again != shown {
		t.Errorf("rewording the pack changed a saved record:\n%s\n---\n%s", shown, again)
	}
	if plain := mustAttend(t, "--db", db, "show", saved.ID); plain != shown {
		t.Errorf("without the pack, the record changed:\n%s\n---\n%s", shown, plain)
	}
	exp := mustAttend(t, "--prompts", second, "--db", db, "export", "--format", "json")
	if !strings.Contains(exp, `"pack":"Our prompts"`) && !strings.Contains(exp, `"pack": "Our prompts"`) {
		t.Errorf("the export does not name the pack: %.300s", exp)
	}
	if !strings.Contains(exp, "What one thing would help most?") {
		t.Error("the export lost the wording the session was asked with")
	}
}
