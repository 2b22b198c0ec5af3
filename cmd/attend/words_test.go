package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 sessions"}, {1, "1 session"}, {2, "2 sessions"}, {10000, "10,000 sessions"}, {-1, "-1 sessions"}} {
		if got := count(tc.n, "session", "sessions"); got != tc.want {
			t.Errorf("count(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

// One of anything is said in the singular wherever attend counts.
func TestOneIsSingular(t *testing.T) {
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.db")
	out := mustAttend(t, "demo", "--sessions", "1", "--people", "1", "--db", demo)
	if !strings.HasPrefix(out, "added 1 demo person (1 new), 1 session and ") {
		t.Errorf("demo said %q", out)
	}

	db := peopleDB(t, "Siân Ŵyn")
	exported := mustAttend(t, "export", "--db", db)
	file := filepath.Join(dir, "one.json")
	if err := os.WriteFile(file, []byte(exported), 0o600); err != nil {
		t.Fatal(err)
	}
	out = mustAttend(t, "import", "--db", db, file)
	if !strings.Contains(out, "(1 person, 0 sessions; nothing was changed)") {
		t.Errorf("import said %q", out)
	}
	if out := mustAttend(t, "trends", "--db", db, "sian"); !strings.HasPrefix(out, "Siân Ŵyn: 0 saved sessions\n") {
		t.Errorf("trends said %q", out)
	}
}
